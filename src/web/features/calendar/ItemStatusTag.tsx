import { Tag } from 'antd';
import { ITEM_STATUS_LABELS } from '../../../contracts/plans';
import type { CalendarItem, ItemStatus } from './calendar-types';

const STATUS_COLORS: Record<ItemStatus, string> = {
  planned: 'blue',
  done: 'green',
  cancelled: 'default',
  postponed: 'orange',
};

/** The item's status as a coloured tag, followed by a red 已逾期 when the server says it is overdue. */
export function ItemStatusTag({ item }: { item: Pick<CalendarItem, 'status' | 'overdue'> }) {
  return (
    <span className="uh-cal-tags">
      <Tag color={STATUS_COLORS[item.status]} style={{ marginInlineEnd: 0 }}>
        {ITEM_STATUS_LABELS[item.status]}
      </Tag>
      {item.overdue ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="item-overdue">
          已逾期
        </Tag>
      ) : null}
    </span>
  );
}
