import type { CalendarItem } from './calendar-types';

/** An item as a small coloured line on the month grid or strip: red when overdue, muted when done or dropped. */
export function ItemChip({ item, onOpen }: { item: CalendarItem; onOpen: (item: CalendarItem) => void }) {
  const tone = item.overdue ? 'overdue' : item.status;
  const suffix = item.overdue ? '（已逾期）' : item.status === 'done' ? '（已完成）' : '';
  return (
    <button
      type="button"
      className={`uh-cal-chip uh-cal-chip-${tone}`}
      title={`${item.title}${suffix}`}
      onClick={(e) => {
        // The day cell underneath opens 新建事项 on a click; a click on an item opens the item instead.
        e.stopPropagation();
        onOpen(item);
      }}
      data-testid="calendar-chip"
      data-item-title={item.title}
    >
      {item.status === 'done' ? '✓ ' : ''}
      {item.title}
    </button>
  );
}
