import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Flex, Input, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { RECEIPT_SOURCE_LABELS, VISIT_METHOD_LABELS } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { formatYuan } from '../../lib/money';
import { formatShanghaiTime } from '../../lib/time';
import { ErrorAlert, PageHeader, useIsPhone } from '../../components';
import type { Retiree } from './care-admin-types';
import { useRetirees } from './use-care-admin';
import './care-admin.css';

/** A retiree's visits and festival receipts, newest first. */
function RetireeHistory({ r }: { r: Retiree }) {
  return (
    <Flex vertical gap={10} data-testid="retiree-history">
      <div>
        <Typography.Text strong>走访记录</Typography.Text>
        {r.visits.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            还没有走访记录
          </Typography.Paragraph>
        ) : (
          r.visits.map((v) => (
            <div key={v.id} style={{ marginTop: 4 }}>
              <Link to={`/care/events/${v.eventId}`}>{v.visitedOn}</Link> · {v.typeName} · {VISIT_METHOD_LABELS[v.method]}
              {v.visitors.length ? ` · ${v.visitors.join('、')}` : ''}
              {v.goods ? ` · ${v.goods}` : ''}
              {v.amountFen ? ` · ${formatYuan(v.amountFen)}` : ''}
            </div>
          ))
        )}
      </div>
      <div>
        <Typography.Text strong>节日慰问</Typography.Text>
        {r.receipts.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            没有列入过节日慰问名单
          </Typography.Paragraph>
        ) : (
          r.receipts.map((c) => (
            <Flex key={c.campaignId} gap={6} align="center" wrap style={{ marginTop: 4 }}>
              <Link to={`/care/campaigns/${c.campaignId}`}>{c.title}</Link>
              {c.receivedAt ? (
                <Typography.Text type="secondary">
                  {c.source ? RECEIPT_SOURCE_LABELS[c.source] : '已领取'} {formatShanghaiTime(c.receivedAt, false)}
                </Typography.Text>
              ) : (
                <Tag>未签收</Tag>
              )}
            </Flex>
          ))
        )}
      </div>
    </Flex>
  );
}

/** 退休教职工 (/care/retirees): retired members with their visits (重阳, 春节 …) and festival receipts. */
export function RetireesPage() {
  const isPhone = useIsPhone();
  const list = useRetirees();
  const [text, setText] = useState('');
  const items = useMemo(() => (list.data?.items ?? []).filter((r) => r.name.includes(text.trim())), [list.data, text]);
  const thisYear = todayInShanghai().slice(0, 4);
  const visitedThisYear = (list.data?.items ?? []).filter((r) => r.lastVisitOn?.startsWith(thisYear)).length;
  const visitLink = (r: Retiree) =>
    list.data?.canVisit ? (
      <Link to={`/care/events/new?memberId=${r.memberId}&name=${encodeURIComponent(r.name)}`}>
        <Button size="small" data-testid="retiree-visit">
          登记走访
        </Button>
      </Link>
    ) : null;
  return (
    <div>
      <PageHeader
        title="退休教职工"
        subtitle={list.data ? `共 ${list.data.items.length} 人，今年已走访 ${visitedThisYear} 人。重阳、春节走访请点“登记走访”，事由选“退休教职工走访”` : '退休教职工的走访与节日慰问'}
        extra={<Input.Search allowClear placeholder="姓名" onChange={(e) => setText(e.target.value)} style={{ width: 160 }} aria-label="按姓名查找" />}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card size="small" styles={{ body: { padding: isPhone ? 0 : undefined } }}>
        <Table<Retiree>
          rowKey="memberId"
          size="small"
          loading={list.isPending}
          dataSource={items}
          pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          expandable={{ expandedRowRender: (r) => <RetireeHistory r={r} />, rowExpandable: () => true }}
          onRow={(r) => ({ 'data-testid': 'retiree-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
          columns={
            isPhone
              ? [
                  {
                    key: 'who',
                    title: '姓名',
                    render: (_v, r) => (
                      <Flex vertical gap={2}>
                        <span>
                          {r.name}
                          {r.membershipStatus === 'reserved' ? <Tag style={{ marginInlineStart: 6 }}>保留会籍</Tag> : null}
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.lastVisitOn ? `最近走访 ${r.lastVisitOn}` : '未走访'} · {r.groupName ?? '未分组'}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  { key: 'act', title: '', width: 84, render: (_v, r) => visitLink(r) },
                ]
              : [
                  { key: 'name', title: '姓名', dataIndex: 'name' },
                  { key: 'group', title: '工会小组', render: (_v, r) => r.groupName ?? '未分组' },
                  { key: 'birth', title: '出生日期', render: (_v, r) => r.birthDate ?? '—' },
                  { key: 'status', title: '会籍', render: (_v, r) => (r.membershipStatus === 'reserved' ? '保留会籍' : '正常') },
                  {
                    key: 'last',
                    title: '最近走访',
                    render: (_v, r) => r.lastVisitOn ?? <Typography.Text type="secondary">未走访</Typography.Text>,
                    sorter: (a, b) => (a.lastVisitOn ?? '').localeCompare(b.lastVisitOn ?? ''),
                  },
                  { key: 'visits', title: '走访次数', align: 'right', render: (_v, r) => r.visits.length },
                  { key: 'receipts', title: '节日慰问（已签收/列入）', align: 'right', render: (_v, r) => `${r.receipts.filter((c) => c.receivedAt).length}/${r.receipts.length}` },
                  { key: 'act', title: '', width: 96, render: (_v, r) => visitLink(r) },
                ]
          }
          locale={{ emptyText: list.data?.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="名册中没有退休会员" /> : '没有找到' }}
        />
      </Card>
    </div>
  );
}
