import { Button, Descriptions, Modal, Popconfirm, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DATE_KIND_LABELS, LINK_KIND_LABELS } from '../../../contracts/plans';
import type { CalendarItem } from './calendar-types';
import { ItemStatusTag } from './ItemStatusTag';
import { useItemActions } from './use-calendar';

interface Props {
  item: CalendarItem | null;
  canManage: boolean;
  onClose: () => void;
  onEdit: (item: CalendarItem) => void;
}

/** One item opened from the month grid: everything about it, and for those who may, 标记完成 / 编辑 / 删除. */
export function ItemDetailModal({ item, canManage, onClose, onEdit }: Props) {
  const { setStatus, remove } = useItemActions();
  const footer = canManage && item
    ? [
        <Popconfirm
          key="delete"
          title="删除这个事项？"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => remove.mutateAsync(item).then(onClose)}
        >
          <Button danger data-testid="item-delete">删除</Button>
        </Popconfirm>,
        <Button key="edit" onClick={() => onEdit(item)} data-testid="item-edit">
          编辑
        </Button>,
        item.status === 'done' ? null : (
          <Button
            key="done"
            type="primary"
            loading={setStatus.isPending}
            onClick={() => setStatus.mutateAsync({ item, status: 'done' }).then(onClose)}
            data-testid="item-mark-done"
          >
            标记完成
          </Button>
        ),
      ]
    : [
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ];
  return (
    <Modal open={item !== null} title={item?.title} onCancel={onClose} footer={footer} destroyOnHidden>
      {item ? (
        <Descriptions column={1} size="small" data-testid="item-detail">
          <Descriptions.Item label="时间">
            {item.timeLabel}
            <Typography.Text type="secondary">（{DATE_KIND_LABELS[item.dateKind]}）</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <ItemStatusTag item={item} />
          </Descriptions.Item>
          <Descriptions.Item label="负责人">{item.ownerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="类别">{item.category ?? '—'}</Descriptions.Item>
          {item.planId ? (
            <Descriptions.Item label="所属计划">
              <Link to={`/plans/${item.planId}`} onClick={onClose}>
                {item.planTitle ?? '查看计划'}
              </Link>
            </Descriptions.Item>
          ) : null}
          {item.link ? (
            <Descriptions.Item label="关联">
              {item.link.kind === 'activity' ? (
                <Link to={`/activities/${item.link.id}`} onClick={onClose} data-testid="item-link">
                  查看关联的活动
                </Link>
              ) : (
                LINK_KIND_LABELS[item.link.kind]
              )}
            </Descriptions.Item>
          ) : null}
          {item.note ? <Descriptions.Item label="备注">{item.note}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
    </Modal>
  );
}
