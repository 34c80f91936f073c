import { Empty, Typography } from 'antd';
import type { CalendarItem, Festival } from './calendar-types';
import { formatDayWithWeekday } from './item-time';
import { ItemChip } from './ItemChip';
import { monthCells } from './month-cells';

/**
 * The month on a phone, where seven columns do not fit: only the days that have a festival or an item, in
 * order, each with its festivals and items.
 */
export function MonthAgenda({ monthKey, items, festivals, today, onOpen }: {
  monthKey: string;
  items: CalendarItem[];
  festivals: Festival[];
  today: string;
  onOpen: (item: CalendarItem) => void;
}) {
  const days = monthCells(monthKey, items, festivals).filter((c) => c.isInMonth && (c.items.length > 0 || c.festivals.length > 0));
  if (days.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月没有按日安排的事项" />;
  return (
    <div data-testid="month-agenda">
      {days.map((c) => (
        <div key={c.date} className={`uh-cal-agenda-day${c.date === today ? ' uh-cal-agenda-today' : ''}`} data-testid="calendar-day" data-date={c.date}>
          <div className="uh-cal-agenda-date">{formatDayWithWeekday(c.date)}</div>
          <div className="uh-cal-agenda-items">
            {c.festivals.length ? <span className="uh-cal-festival">{c.festivals.join('、')}</span> : null}
            {c.items.map((item) => (
              <div key={item.id}>
                <ItemChip item={item} onOpen={onOpen} />
                {item.dateKind === 'range' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, paddingInlineStart: 6 }}>
                    {item.timeLabel}
                  </Typography.Text>
                ) : null}
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
