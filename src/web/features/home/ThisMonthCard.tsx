import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ITEM_STATUS_LABELS } from '../../../contracts/plans';
import type { CalendarItemView } from '../../../contracts/plans';

/** 本月行事历: this month's schedule items, overdue ones in red, with the way to the whole calendar. */
export function ThisMonthCard({ items }: { items: CalendarItemView[] }) {
  return (
    <Card title="本月行事历" size="small" extra={<Link to="/calendar">查看行事历</Link>} data-testid="home-this-month">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月没有安排事项" />
      ) : (
        <Flex vertical>
          {items.map((item) => (
            <Flex
              key={item.id}
              gap={12}
              align="baseline"
              style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}
              data-testid="home-month-item"
              data-overdue={item.overdue || undefined}
            >
              <Typography.Text type="secondary" style={{ flex: '0 0 88px', fontSize: 13 }}>
                {item.timeLabel}
              </Typography.Text>
              <Typography.Text
                type={item.overdue ? 'danger' : undefined}
                delete={item.status === 'cancelled'}
                style={{ flex: 1, minWidth: 0 }}
              >
                {item.title}
                {item.ownerName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>　{item.ownerName}</Typography.Text> : null}
              </Typography.Text>
              {item.overdue ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  已逾期
                </Tag>
              ) : item.status === 'planned' ? null : (
                <Tag color={item.status === 'done' ? 'green' : undefined} style={{ marginInlineEnd: 0 }}>
                  {ITEM_STATUS_LABELS[item.status]}
                </Tag>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
