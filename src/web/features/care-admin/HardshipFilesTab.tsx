import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { HARDSHIP_LEVEL_LABELS, HARDSHIP_LEVELS, HARDSHIP_STATUS_LABELS, HARDSHIP_STATUSES } from '../../../contracts/care';
import { formatYuan, formatYuanOr } from '../../lib/money';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, useIsPhone } from '../../components';
import type { HardshipFileSummary } from './care-admin-types';
import { HardshipFormModal } from './HardshipFormModal';
import { HardshipLevelTag, HardshipStatusTag } from './HardshipTags';
import { useHardshipFiles } from './use-care-admin';

/** The review date, flagged when it is due (within the notice days or past). */
function ReviewCell({ f }: { f: HardshipFileSummary }) {
  if (!f.reviewDueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap>
      <span>{f.reviewDueOn}</span>
      {f.isReviewDue ? <Tag color="red">待复核</Tag> : null}
    </Flex>
  );
}

/** 困难档案: the union's files by year, status and level, the re-assessment reminder, and a new file. */
export function HardshipFilesTab({ thisYear }: { thisYear: number }) {
  const isPhone = useIsPhone();
  const { filters, setFilters } = useUrlFilters(['tab', 'year', 'status', 'level', 'reviewDue'] as const);
  const year = filters.year ? Number(filters.year) : undefined;
  const list = useHardshipFiles({ year, status: filters.status, level: filters.level, reviewDue: filters.reviewDue === 'true' ? 'true' : undefined });
  const [isCreating, setCreating] = useState(false);
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {list.data && list.data.reviewDue > 0 && filters.reviewDue !== 'true' ? (
        <Alert
          type="warning"
          showIcon
          title={`${list.data.reviewDue} 份档案到了年度复核时间`}
          description="已建档的困难职工每年复核一次：按新一年的家庭情况重新评定，或销档。"
          action={
            <Button size="small" onClick={() => setFilters({ reviewDue: 'true' })} data-testid="hardship-review-due">
              查看
            </Button>
          }
        />
      ) : null}
      <Flex wrap gap={8} align="center">
        <Select
          value={year ?? ''}
          onChange={(y: number | '') => setFilters({ year: y === '' ? undefined : String(y) })}
          options={[{ value: '', label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y}年` }))]}
          style={{ width: 110 }}
          aria-label="年度"
        />
        <Select
          value={filters.status ?? ''}
          onChange={(s: string) => setFilters({ status: s || undefined })}
          options={[{ value: '', label: '全部状态' }, ...HARDSHIP_STATUSES.map((s) => ({ value: s, label: HARDSHIP_STATUS_LABELS[s] }))]}
          style={{ width: 110 }}
          aria-label="状态"
          data-testid="hardship-filter-status"
        />
        <Select
          value={filters.level ?? ''}
          onChange={(l: string) => setFilters({ level: l || undefined })}
          options={[{ value: '', label: '全部困难程度' }, ...HARDSHIP_LEVELS.map((l) => ({ value: l, label: HARDSHIP_LEVEL_LABELS[l] }))]}
          style={{ width: 130 }}
          aria-label="困难程度"
        />
        {filters.reviewDue === 'true' ? (
          <Tag closable onClose={() => setFilters({ reviewDue: undefined })} color="red">
            只看待复核
          </Tag>
        ) : null}
        <span style={{ flex: 1 }} />
        {list.data?.canManage ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="hardship-create">
            新建档案
          </Button>
        ) : null}
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card size="small" styles={{ body: { padding: isPhone ? 0 : undefined } }}>
        <Table<HardshipFileSummary>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          onRow={(f) => ({ 'data-testid': 'hardship-row', 'data-name': f.member.name }) as HTMLAttributes<HTMLElement>}
          columns={
            isPhone
              ? [
                  {
                    key: 'file',
                    title: '档案',
                    render: (_v, f) => (
                      <Flex vertical gap={4}>
                        <Flex gap={6} align="center" wrap>
                          <Link to={`/hardship/${f.id}`}>
                            <Typography.Text strong>{f.member.name}</Typography.Text>
                          </Link>
                          <span>{f.year}年</span>
                          <HardshipLevelTag level={f.level} />
                          <HardshipStatusTag status={f.status} />
                          {f.isReviewDue ? <Tag color="red">待复核</Tag> : null}
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {f.householdSize} 人 · 人均月收入 {formatYuan(f.perCapitaMonthlyFen)}
                          {f.assistanceFen ? ` · 已帮扶 ${formatYuan(f.assistanceFen)}` : ''}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                ]
              : [
                  { key: 'name', title: '姓名', render: (_v, f) => <Link to={`/hardship/${f.id}`}>{f.member.name}</Link> },
                  { key: 'group', title: '工会小组', render: (_v, f) => f.member.groupName ?? '—' },
                  { key: 'year', title: '年度', dataIndex: 'year', width: 70 },
                  { key: 'size', title: '家庭人口', dataIndex: 'householdSize', align: 'right', width: 80 },
                  { key: 'perCapita', title: '人均月收入', align: 'right', render: (_v, f) => formatYuan(f.perCapitaMonthlyFen) },
                  { key: 'line', title: '低保线', align: 'right', render: (_v, f) => formatYuanOr(f.povertyLineFen, '未设置') },
                  { key: 'level', title: '困难程度', render: (_v, f) => <HardshipLevelTag level={f.level} /> },
                  { key: 'status', title: '状态', render: (_v, f) => <HardshipStatusTag status={f.status} /> },
                  { key: 'review', title: '复核日期', render: (_v, f) => <ReviewCell f={f} /> },
                  { key: 'assistance', title: '已帮扶', align: 'right', render: (_v, f) => (f.assistanceFen ? formatYuan(f.assistanceFen) : '—') },
                ]
          }
          locale={{ emptyText: '没有符合条件的档案' }}
        />
      </Card>
      {list.data?.canManage ? <HardshipFormModal open={isCreating} file={null} year={year ?? thisYear} onClose={() => setCreating(false)} /> : null}
    </Flex>
  );
}
