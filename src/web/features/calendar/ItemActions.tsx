import { Button, Popconfirm } from 'antd';
import type { CalendarItem } from './calendar-types';
import { useItemActions } from './use-calendar';

/** 编辑 · 标记完成 · 删除 for one item; shown only to those who may change the calendar. */
export function ItemActions({ item, onEdit, size = 'small' }: { item: CalendarItem; onEdit: (item: CalendarItem) => void; size?: 'small' | 'middle' }) {
  const { setStatus, remove } = useItemActions();
  const isDone = item.status === 'done';
  return (
    <span className="uh-cal-actions">
      {isDone ? null : (
        <Button
          size={size}
          type="link"
          loading={setStatus.isPending}
          onClick={() => setStatus.mutate({ item, status: 'done' })}
          data-testid="item-mark-done"
        >
          标记完成
        </Button>
      )}
      <Button size={size} type="link" onClick={() => onEdit(item)} data-testid="item-edit">
        编辑
      </Button>
      <Popconfirm
        title="删除这个事项？"
        description="删除后行事历和计划中都不再显示。"
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={() => remove.mutateAsync(item)}
      >
        <Button size={size} type="link" danger data-testid="item-delete">
          删除
        </Button>
      </Popconfirm>
    </span>
  );
}
