import type { HTMLAttributes } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ASSISTANCE_KIND_LABELS } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { formatYuan, yuanText } from '../../lib/money';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, PageLoading, PeriodPicker, periodPresets, useIsPhone } from '../../components';
import type { CareReport } from './care-admin-types';
import { CampaignStatusTag } from './CampaignsPage';
import { CoverageBar, rateText } from './CoverageBar';
import { useCareReport } from './use-care-admin';
import './care-admin.css';

const SOURCE_LABELS: Record<CareReport['byType'][number]['source'], string> = { visit: '五必访', festival: '节日慰问', birthday: '生日慰问' };
const SOURCE_COLORS: Record<CareReport['byType'][number]['source'], string> = { visit: 'red', festival: 'orange', birthday: 'magenta' };

type Counts = { times: number; people: number; amountFen: number };
const countColumns = [
  { key: 'times', title: '人次', dataIndex: 'times', align: 'right' as const, width: 64 },
  { key: 'people', title: '人数', dataIndex: 'people', align: 'right' as const, width: 64 },
  { key: 'amount', title: '金额（元）', align: 'right' as const, width: 110, render: (_v: unknown, r: Counts) => yuanText(r.amountFen) },
];

/** 总览: 人次, 人数, amounts, 五必访按期率, and 帮扶 for the hardship keepers. */
function Totals({ r }: { r: CareReport }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={r.assistance ? 12 : 24}>
        <Card size="small" title="慰问合计" style={{ height: '100%' }} data-testid="report-totals">
          <Flex wrap gap={24} className="uh-care-figure">
            <Statistic title="慰问人次" value={r.totals.times} />
            <Statistic title="慰问人数" value={r.totals.people} />
            <Statistic title="金额（元）" value={yuanText(r.totals.amountFen)} />
            <Statistic title="五必访按期率" value={rateText(r.onTime.rate)} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{`${r.onTime.onTime}/${r.onTime.due}`}</Typography.Text>} />
          </Flex>
        </Card>
      </Col>
      {r.assistance ? (
        <Col xs={24} lg={12}>
          <Card size="small" title="困难帮扶" style={{ height: '100%' }} data-testid="report-assistance">
            <Flex wrap gap={24} className="uh-care-figure">
              <Statistic title="帮扶人次" value={r.assistance.count} />
              <Statistic title="帮扶人数" value={r.assistance.people} />
              <Statistic title="金额（元）" value={yuanText(r.assistance.amountFen)} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.assistance.byKind
                .filter((k) => k.count > 0)
                .map((k) => `${ASSISTANCE_KIND_LABELS[k.kind]} ${k.count} 次`)
                .join('，') || '本期没有帮扶记录'}
            </Typography.Text>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}

/** The figures of a period, one card per question the chair asks. */
function ReportBody({ r }: { r: CareReport }) {
  const isPhone = useIsPhone();
  const maxTimes = Math.max(1, ...r.byMonth.map((m) => m.times));
  return (
    <Flex vertical gap={16}>
      <Totals r={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="按类别" style={{ height: '100%' }} data-testid="report-by-type">
            <Table
              rowKey={(t) => `${t.source}:${t.typeId ?? t.typeName}`}
              size="small"
              pagination={false}
              dataSource={r.byType}
              columns={[
                {
                  key: 'type',
                  title: '类别',
                  render: (_v, t) => (
                    <Flex gap={6} align="center" wrap>
                      <Tag color={SOURCE_COLORS[t.source]} style={{ marginInlineEnd: 0 }}>
                        {SOURCE_LABELS[t.source]}
                      </Tag>
                      {t.source === 'visit' ? t.typeName : null}
                    </Flex>
                  ),
                },
                ...countColumns,
              ]}
              locale={{ emptyText: '本期没有慰问' }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="按月份" style={{ height: '100%' }} data-testid="report-by-month">
            <Table
              rowKey="month"
              size="small"
              pagination={false}
              dataSource={r.byMonth}
              columns={[
                { key: 'month', title: '月份', dataIndex: 'month', width: 80 },
                ...(isPhone ? [] : [{ key: 'bar', title: '', render: (_v: unknown, m: Counts) => (m.times ? <div className="uh-care-bar" style={{ width: `${(m.times / maxTimes) * 100}%` }} /> : null) }]),
                ...countColumns,
              ]}
              locale={{ emptyText: '本期没有慰问' }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="按工会小组" data-testid="report-by-group">
        <Table rowKey={(g) => g.groupId ?? 'none'} size="small" pagination={false} dataSource={r.byGroup} columns={[{ key: 'name', title: '工会小组', dataIndex: 'groupName' }, ...countColumns]} />
      </Card>
      <Card size="small" title={`逾期慰问（${r.overdue.length}）`} data-testid="report-overdue">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          本期发生的五必访事由中，超过慰问时限才慰问或至今未慰问的。
        </Typography.Paragraph>
        <Table
          rowKey="eventId"
          size="small"
          pagination={r.overdue.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          dataSource={r.overdue}
          columns={[
            { key: 'name', title: '会员', render: (_v, o) => <Link to={`/care/events/${o.eventId}`}>{o.memberName}</Link> },
            ...(isPhone ? [] : [{ key: 'group', title: '工会小组', render: (_v: unknown, o: CareReport['overdue'][number]) => o.groupName ?? '—' }]),
            { key: 'type', title: '事由', dataIndex: 'typeName' },
            { key: 'due', title: '应慰问', dataIndex: 'dueOn' },
            { key: 'first', title: '慰问日期', render: (_v, o) => o.firstVisitOn ?? <Typography.Text type="danger">未慰问</Typography.Text> },
            { key: 'late', title: '逾期', align: 'right', render: (_v, o) => `${o.daysLate} 天` },
          ]}
          locale={{ emptyText: '没有逾期' }}
        />
      </Card>
      <Card size="small" title="节日慰问覆盖率" data-testid="report-campaigns">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.campaigns}
          onRow={(c) => ({ 'data-testid': 'report-campaign-row', 'data-title': c.title }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'title',
              title: '慰问',
              render: (_v, c) => (
                <Flex gap={6} align="center" wrap>
                  <Link to={`/care/campaigns/${c.id}`}>{c.title}</Link>
                  <CampaignStatusTag status={c.status} />
                </Flex>
              ),
            },
            { key: 'coverage', title: '覆盖率（已签收/应发放）', width: isPhone ? 150 : 260, render: (_v, c) => <CoverageBar coverage={c.coverage} /> },
            ...(isPhone ? [] : [{ key: 'amount', title: '金额（元）', align: 'right' as const, render: (_v: unknown, c: CareReport['campaigns'][number]) => yuanText(c.amountFen) }]),
          ]}
          locale={{ emptyText: '本期没有节日慰问' }}
        />
      </Card>
      <Card size="small" title={`超标准慰问（${r.overrides.length}）`} data-testid="report-overrides">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          超过慰问标准、经工会主席批准的慰问，附批准理由。
        </Typography.Paragraph>
        {r.overrides.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期没有超标准慰问" />
        ) : (
          <Flex vertical gap={12}>
            {r.overrides.map((o) => (
              <div key={o.visitId} className="uh-care-level" data-testid="report-override">
                <Flex justify="space-between" gap={8} wrap>
                  <span>
                    <Link to={`/care/events/${o.eventId}`}>{o.memberName}</Link> · {o.typeName} · {o.visitedOn}
                  </span>
                  <Typography.Text strong>{formatYuan(o.amountFen)}</Typography.Text>
                </Flex>
                <Typography.Text type="danger" style={{ fontSize: 13 }}>
                  {o.violations.map((v) => v.message).join('；')}
                </Typography.Text>
                <div>
                  批准理由：{o.reason}
                  <Typography.Text type="secondary">（{o.by}）</Typography.Text>
                </div>
              </div>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

/** 慰问统计 (/care/reports): 人次 and amounts over a period (this year by default), and the .xlsx to hand in. */
export function CareReportsPage() {
  const today = todayInShanghai();
  const presets = periodPresets(today);
  const { filters, setFilters } = useUrlFilters(['from', 'to'] as const);
  const period = { from: filters.from ?? presets.year.from, to: filters.to ?? presets.year.to };
  const report = useCareReport(period);
  return (
    <div>
      <PageHeader
        title="慰问统计"
        subtitle="五必访、节日慰问和生日慰问的人次与金额，逾期慰问，节日慰问覆盖率，超标准慰问"
        extra={
          <Button href={api.url('/care/reports.xlsx', period)} data-testid="report-xlsx">
            导出 Excel
          </Button>
        }
      />
      <PeriodPicker today={today} offered={['year', 'lastYear', 'schoolYear', 'lastSchoolYear']} period={period} onChange={setFilters} testIdPrefix="report" />
      {report.error ? <ErrorAlert error={report.error} /> : null}
      {report.isPending ? <PageLoading /> : report.data ? <ReportBody r={report.data} /> : null}
    </div>
  );
}
