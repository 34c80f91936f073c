import type { HTMLAttributes } from 'react';
import { Button, Card, Col, Empty, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, PageLoading, PeriodPicker, periodPresets, useIsPhone } from '../../components';
import type { ActivityStats } from './activity-admin-types';
import { rateLabel, shanghaiClock } from './activity-time';
import { useActivityStats } from './use-activity-admin';
import './activity-admin.css';

/** A rate as a bar with its figure: the per-row chart of the group table. */
function RateBar({ rate, attended, eligible }: { rate: number | null; attended: number; eligible: number }) {
  return (
    <Flex align="center" gap={8}>
      <Progress percent={rate === null ? 0 : Math.round(rate * 1000) / 10} showInfo={false} size="small" style={{ flex: 1, minWidth: 80, margin: 0 }} strokeColor="#c8102e" />
      <span className="uh-act-rate">
        {rateLabel(rate)}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {attended}/{eligible}
        </Typography.Text>
      </span>
    </Flex>
  );
}

type Group = ActivityStats['byGroup'][number];
type ActivityRow = ActivityStats['activities'][number];
type MemberRow = ActivityStats['members'][number];

/** The figures of one period: participation, per group, per type, per activity, per member. */
function StatsBody({ stats }: { stats: ActivityStats }) {
  const isPhone = useIsPhone();
  const p = stats.participation;
  const held = stats.activities.length;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small" className="uh-act-stat-main" data-testid="stats-participation">
            <Flex align="center" gap={20}>
              <Progress type="circle" percent={p.rate === null ? 0 : Math.round(p.rate * 100)} format={() => rateLabel(p.rate)} size={isPhone ? 96 : 116} strokeColor="#c8102e" />
              <div>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  参与率
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  {p.eligible} 名会员中，{p.attended} 人至少参加过一次活动
                </Typography.Paragraph>
              </div>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title="各类活动次数" data-testid="stats-by-kind">
            <Flex wrap gap={16}>
              <Statistic title="合计" value={held} suffix="次" />
              {stats.byKind
                .filter((k) => k.count > 0)
                .map((k) => (
                  <Statistic key={k.kind} title={k.label} value={k.count} suffix="次" />
                ))}
            </Flex>
          </Card>
        </Col>
      </Row>

      <Card size="small" title="各工会小组参与率" data-testid="stats-by-group">
        <Table<Group>
          rowKey={(g) => g.groupId ?? 'none'}
          size="small"
          pagination={false}
          dataSource={stats.byGroup}
          columns={[
            { key: 'name', title: '工会小组', dataIndex: 'groupName', width: isPhone ? 96 : 180 },
            {
              key: 'rate',
              title: '参与率（参加人数/会员人数）',
              render: (_v, g) => <RateBar rate={g.rate} attended={g.attended} eligible={g.eligible} />,
              sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
            },
          ]}
          locale={{ emptyText: '还没有工会小组' }}
        />
      </Card>

      <Card size="small" title={`活动明细（${held} 次）`} data-testid="stats-activities">
        <Table<ActivityRow>
          rowKey="id"
          size="small"
          dataSource={stats.activities}
          pagination={stats.activities.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          onRow={(a) => ({ 'data-testid': 'stats-activity-row', 'data-title': a.title }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'date', title: '日期', width: 90, render: (_v, a) => shanghaiClock(a.startsAt).format('YYYY-MM-DD') },
            { key: 'title', title: '活动', render: (_v, a) => <Link to={`/activities/${a.id}/manage`}>{a.title}</Link> },
            { key: 'type', title: '类型', dataIndex: 'typeName', width: 90 },
            { key: 'invited', title: '应到', dataIndex: 'invited', width: 60, align: 'right' },
            { key: 'confirmed', title: '报名', dataIndex: 'confirmed', width: 60, align: 'right' },
            { key: 'attended', title: '实到', dataIndex: 'attended', width: 60, align: 'right' },
            { key: 'rate', title: '出勤率', width: 80, align: 'right', render: (_v, a) => rateLabel(a.rate), sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1) },
          ]}
          locale={{ emptyText: '这段时间没有举办活动' }}
        />
      </Card>

      <Card size="small" title="会员参加次数" data-testid="stats-members">
        <Table<MemberRow>
          rowKey="memberId"
          size="small"
          dataSource={stats.members}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'name', title: '姓名', dataIndex: 'name' },
            { key: 'group', title: '工会小组', render: (_v, m) => m.groupName ?? '—' },
            {
              key: 'attended',
              title: '参加次数',
              dataIndex: 'attended',
              align: 'right',
              defaultSortOrder: 'descend',
              sorter: (a, b) => a.attended - b.attended,
              render: (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : n),
            },
          ]}
          locale={{ emptyText: '没有会员' }}
        />
      </Card>
    </Flex>
  );
}

/** 活动统计 (/activities/stats): participation over a period (this school year by default) and the 活动台账 export. */
export function ActivityStatsPage() {
  const today = todayInShanghai();
  const presets = periodPresets(today);
  const { filters, setFilters } = useUrlFilters(['from', 'to'] as const);
  const period = { from: filters.from ?? presets.schoolYear.from, to: filters.to ?? presets.schoolYear.to };
  const stats = useActivityStats(period);

  const toolbar = <PeriodPicker today={today} offered={['schoolYear', 'lastSchoolYear', 'term', 'year']} period={period} onChange={setFilters} testIdPrefix="stats" />;

  return (
    <div>
      <PageHeader
        title="活动统计"
        subtitle="参与率 = 期间内至少参加过一次活动的会员 ÷ 在职会员（退休教职工活动的参加对象也计入）"
        extra={
          <Button href={api.url('/activities/ledger.xlsx', period)} data-testid="stats-ledger">
            导出活动台账
          </Button>
        }
      />
      {toolbar}
      {stats.error ? <ErrorAlert error={stats.error} /> : null}
      {stats.isPending ? <PageLoading /> : stats.data ? <StatsBody stats={stats.data} /> : !stats.error ? <Empty /> : null}
    </div>
  );
}
