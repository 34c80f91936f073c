import { Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES } from '../../../contracts/proposals';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { rateText, statusColor } from './proposal-format';
import type { ProposalFigures, ProposalFiguresView } from './proposal-types';
import { ExportButtons, SessionSelect } from './ProposalAdminPage';
import { useProposalFigures } from './use-proposals';
import './proposals.css';

/** The four rates, each with what it divides. */
const RATES: { key: string; title: string; rate: (f: ProposalFiguresView) => number | null; parts: (f: ProposalFiguresView) => string; note: string }[] = [
  { key: 'acceptance', title: '立案率', rate: (f) => f.acceptanceRate, parts: (f) => `立案 ${f.accepted} / 审查 ${f.submitted} 件`, note: '并案的计入并入的提案，撤回的不计' },
  { key: 'onTime', title: '按期答复率', rate: (f) => f.onTimeRate, parts: (f) => `按期 ${f.onTime} / 应答复 ${f.due} 件次`, note: '每一轮答复按本轮期限计' },
  { key: 'closure', title: '办结率', rate: (f) => f.closureRate, parts: (f) => `办结 ${f.closed} / 立案 ${f.accepted} 件`, note: '提案人评价后办结' },
  { key: 'satisfaction', title: '满意率', rate: (f) => f.satisfactionRate, parts: (f) => `满意和基本满意 ${f.satisfied} / 已评价 ${f.rated} 件`, note: '按提案人最后一次评价' },
];

/** The four rates of a session as cards. */
function RateCards({ f }: { f: ProposalFiguresView }) {
  return (
    <Row gutter={[12, 12]}>
      {RATES.map((r) => (
        <Col key={r.key} xs={12} lg={6}>
          <Card size="small" style={{ height: '100%' }} data-testid={`proposal-rate-${r.key}`}>
            <Statistic title={r.title} value={rateText(r.rate(f))} />
            <Typography.Text style={{ fontSize: 13 }}>{r.parts(f)}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** How many proposals are in each state, and the opinions. */
function StatusCounts({ data }: { data: ProposalFigures }) {
  const states = PROPOSAL_STATUSES.filter((s) => (data.byStatus[s] ?? 0) > 0);
  return (
    <Flex wrap gap={6} align="center">
      <Typography.Text type="secondary">各状态：</Typography.Text>
      {states.map((s) => (
        <Tag key={s} color={statusColor(s)}>
          {PROPOSAL_STATUS_LABELS[s]} {data.byStatus[s]}
        </Tag>
      ))}
      <Typography.Text type="secondary">意见建议 {data.opinions} 件</Typography.Text>
    </Flex>
  );
}

/**
 * 提案统计 (/proposals/figures): 立案率, 按期答复率, 办结率, 满意率 of a session (the latest by default) and of each lead
 * department, the count per state, and the handling report (.docx) and the ledger (.xlsx) of the session.
 */
export function ProposalFiguresPage() {
  const isPhone = useIsPhone();
  const { filters, setFilters } = useUrlFilters(['sessionId'] as const);
  const figures = useProposalFigures(filters.sessionId);
  const data = figures.data;
  const sessionId = filters.sessionId ?? data?.session?.id;
  return (
    <div>
      <PageHeader title="提案统计" subtitle="立案率、按期答复率、办结率、满意率，按会议和承办部门" extra={<ExportButtons sessionId={sessionId} />} />
      <div style={{ marginBottom: 12 }}>
        <SessionSelect sessions={data?.sessions ?? []} value={sessionId} onChange={(v) => setFilters({ sessionId: v })} />
      </div>
      {figures.error ? <ErrorAlert error={figures.error} /> : null}
      {figures.isPending ? <PageLoading /> : null}
      {data && !data.session ? (
        <Card>
          <Empty description="还没有教代会会议" />
        </Card>
      ) : null}
      {data?.session ? (
        <Flex vertical gap={16}>
          <RateCards f={data.overall} />
          <StatusCounts data={data} />
          <Card size="small" title="按承办部门（主办）" data-testid="proposal-by-department">
            <Table
              rowKey="userId"
              size="small"
              pagination={false}
              dataSource={data.byDepartment}
              scroll={isPhone ? { x: 'max-content' } : undefined}
              columns={[
                { key: 'name', title: '承办部门', dataIndex: 'name' },
                { key: 'accepted', title: '主办件数', align: 'right', dataIndex: 'accepted' },
                { key: 'onTime', title: '按期答复率', align: 'right', render: (_v, d) => `${rateText(d.onTimeRate)}（${d.onTime}/${d.due}）` },
                { key: 'closure', title: '办结率', align: 'right', render: (_v, d) => `${rateText(d.closureRate)}（${d.closed}/${d.accepted}）` },
                { key: 'satisfaction', title: '满意率', align: 'right', render: (_v, d) => `${rateText(d.satisfactionRate)}（${d.satisfied}/${d.rated}）` },
              ]}
              locale={{ emptyText: '本次会议的提案还没有交办' }}
            />
          </Card>
        </Flex>
      ) : null}
    </div>
  );
}
