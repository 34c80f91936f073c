import type { HTMLAttributes, ReactNode } from 'react';
import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useIsPhone } from '../../components';
import type { CalendarItem } from './calendar-types';
import { monthGroups } from '../../../domain/calendar-dates';
import { ItemActions } from './ItemActions';
import { ItemStatusTag } from './ItemStatusTag';
import './calendar.css';

interface Props {
  items: CalendarItem[];
  canManage: boolean;
  onEdit: (item: CalendarItem) => void;
  /** Name the plan an item belongs to (the calendar lists several plans' items; a plan page does not). */
  isPlanShown?: boolean;
  empty?: ReactNode;
  loading?: boolean;
}

interface Row extends CalendarItem {
  /** The month group's label: "3月", "7—8月" for items spanning both. */
  monthLabel: string;
  /** How many rows the month cell spans (0 for all but the first row of a month). */
  monthSpan: number;
}

function ItemTitle({ item, isPlanShown }: { item: CalendarItem; isPlanShown: boolean }) {
  return (
    <div>
      <Typography.Text type={item.overdue ? 'danger' : undefined} delete={item.status === 'cancelled'}>
        {item.title}
      </Typography.Text>
      <Flex wrap gap={4} style={{ marginTop: 2 }}>
        {item.category ? <Tag style={{ marginInlineEnd: 0 }}>{item.category}</Tag> : null}
        {isPlanShown && item.planId ? (
          <Link to={`/plans/${item.planId}`} className="uh-cal-plan-link">
            {item.planTitle ?? '所属计划'}
          </Link>
        ) : null}
      </Flex>
      {item.note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {item.note}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/**
 * A schedule read like the printed 行事历: grouped by month (a merged 月份 cell in a table; headed groups of
 * cards on a phone), overdue items in red with 已逾期, and the item actions for those who may change them.
 */
export function ScheduleList({ items, canManage, onEdit, isPlanShown = false, empty, loading }: Props) {
  const isPhone = useIsPhone();
  // Grouped as the printed plan and its Word export group them.
  const groups = monthGroups(items);
  if (!loading && items.length === 0) return <>{empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无事项" />}</>;

  if (isPhone) {
    return (
      <Flex vertical gap={16} data-testid="schedule-list">
        {groups.map((g) => (
          <section key={g.label}>
            <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
              {g.label}
            </Typography.Title>
            <Flex vertical gap={8}>
              {g.items.map((item) => (
                <div key={item.id} className={`uh-cal-card${item.overdue ? ' uh-cal-card-overdue' : ''}`} data-testid="schedule-item" data-item-title={item.title}>
                  <ItemTitle item={item} isPlanShown={isPlanShown} />
                  <Flex wrap gap={8} align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {item.timeLabel}
                      {item.ownerName ? ` · 负责人：${item.ownerName}` : ''}
                    </Typography.Text>
                    <ItemStatusTag item={item} />
                  </Flex>
                  {canManage ? (
                    <div className="uh-cal-card-actions">
                      <ItemActions item={item} onEdit={onEdit} />
                    </div>
                  ) : null}
                </div>
              ))}
            </Flex>
          </section>
        ))}
      </Flex>
    );
  }

  const rows: Row[] = groups.flatMap((g) => g.items.map((item, i) => ({ ...item, monthLabel: g.label, monthSpan: i === 0 ? g.items.length : 0 })));
  const columns: TableColumnsType<Row> = [
    {
      title: '月份',
      dataIndex: 'monthLabel',
      width: 96,
      onCell: (r) => ({ rowSpan: r.monthSpan, className: 'uh-cal-month-cell' }),
      render: (label: string) => <span className="uh-cal-month-number">{label}</span>,
    },
    {
      title: '时间',
      key: 'time',
      width: 150,
      // A month item in its own month's group says 全月 rather than repeat the month.
      render: (_: unknown, r) => (r.dateKind === 'month' && r.timeLabel === r.monthLabel ? <Typography.Text type="secondary">全月</Typography.Text> : r.timeLabel),
    },
    { title: '事项', key: 'title', render: (_: unknown, r) => <ItemTitle item={r} isPlanShown={isPlanShown} /> },
    { title: '负责人', dataIndex: 'ownerName', width: 110, render: (n: string | null) => n ?? '—' },
    { title: '状态', key: 'status', width: 130, render: (_: unknown, r) => <ItemStatusTag item={r} /> },
  ];
  if (canManage) {
    columns.push({ title: '操作', key: 'actions', width: 200, render: (_: unknown, r) => <ItemActions item={r} onEdit={onEdit} /> });
  }
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      bordered
      loading={loading}
      pagination={false}
      columns={columns}
      dataSource={rows}
      rowClassName={(r) => (r.overdue ? 'uh-cal-overdue-row' : '')}
      onRow={(r) => ({ 'data-testid': 'schedule-item', 'data-item-title': r.title }) as HTMLAttributes<HTMLElement>}
      data-testid="schedule-table"
    />
  );
}
