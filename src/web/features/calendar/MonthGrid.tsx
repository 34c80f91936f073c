import { Popover } from 'antd';
import type { CalendarItem, Festival } from './calendar-types';
import { ItemChip } from './ItemChip';
import { monthCells, WEEKDAY_HEADINGS } from './month-cells';

/** How many items a day shows before "还有 N 项". */
const VISIBLE_PER_DAY = 3;

interface Props {
  monthKey: string;
  items: CalendarItem[];
  festivals: Festival[];
  today: string;
  /** Set when the user may add items: a click on a day opens 新建事项 on that day. */
  onCreateOn?: (date: string) => void;
  onOpen: (item: CalendarItem) => void;
}

/** The month as a 7-column grid, Monday first: festivals and the day and range items on their days. */
export function MonthGrid({ monthKey, items, festivals, today, onCreateOn, onOpen }: Props) {
  const cells = monthCells(monthKey, items, festivals);
  return (
    <div className="uh-cal-grid" data-testid="month-grid">
      {WEEKDAY_HEADINGS.map((w) => (
        <div key={w} className="uh-cal-weekday">
          周{w}
        </div>
      ))}
      {cells.map((c) => {
        const isClickable = c.isInMonth && !!onCreateOn;
        const hidden = c.items.slice(VISIBLE_PER_DAY);
        const classes = ['uh-cal-cell', c.isInMonth ? '' : 'uh-cal-cell-outside', c.date === today ? 'uh-cal-cell-today' : '', isClickable ? 'uh-cal-cell-clickable' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <div
            key={c.date}
            className={classes}
            onClick={isClickable ? () => onCreateOn!(c.date) : undefined}
            title={isClickable ? '点击空白处在这一天新建事项' : undefined}
            data-testid="calendar-day"
            data-date={c.date}
          >
            <div className="uh-cal-cell-head">
              <span className="uh-cal-day">{c.day}</span>
              {c.festivals.length ? (
                <span className="uh-cal-festival" title={c.festivals.join('、')} data-testid="calendar-festival">
                  {c.festivals.join('、')}
                </span>
              ) : null}
            </div>
            {c.items.slice(0, VISIBLE_PER_DAY).map((item) => (
              <ItemChip key={item.id} item={item} onOpen={onOpen} />
            ))}
            {hidden.length ? (
              <Popover
                trigger="click"
                title={`${Number(c.date.slice(5, 7))}月${c.day}日的全部事项`}
                content={
                  <div style={{ width: 240, display: 'flex', flexDirection: 'column', gap: 4 }}>
                    {c.items.map((item) => (
                      <ItemChip key={item.id} item={item} onOpen={onOpen} />
                    ))}
                  </div>
                }
              >
                <span className="uh-cal-more" onClick={(e) => e.stopPropagation()} role="button" tabIndex={0}>
                  还有 {hidden.length} 项
                </span>
              </Popover>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
