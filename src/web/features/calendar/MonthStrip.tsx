import { Typography } from 'antd';
import type { CalendarItem } from './calendar-types';
import { ItemChip } from './ItemChip';

/** 本月事项: the items planned for the month as a whole (or for several months), above the grid. */
export function MonthStrip({ items, onOpen }: { items: CalendarItem[]; onOpen: (item: CalendarItem) => void }) {
  return (
    <div className="uh-cal-strip" data-testid="month-strip">
      <span className="uh-cal-strip-label">本月事项</span>
      {items.length === 0 ? (
        <Typography.Text type="secondary">没有按月安排的事项</Typography.Text>
      ) : (
        items.map((item) => {
          // An item spanning months names its months, so "9–10月" is not read as this month only.
          const isSpanning = item.startDate.slice(0, 7) !== item.endDate.slice(0, 7);
          return (
            <ItemChip
              key={item.id}
              item={isSpanning ? { ...item, title: `${item.title}（${item.timeLabel}）` } : item}
              onOpen={() => onOpen(item)}
            />
          );
        })
      )}
    </div>
  );
}
