import type { HTMLAttributes } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PROPOSAL_CATEGORIES, PROPOSAL_KIND_LABELS, PROPOSAL_LIMITS, PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES } from '../../../contracts/proposals';
import { api } from '../../lib/api';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, useIsPhone } from '../../components';
import { deadlineColor, deadlineText, RATING_COLORS, ratingText, RESULT_COLORS } from './proposal-format';
import type { ProposalListStatus, ProposalSession, ProposalSummary } from './proposal-types';
import { ProposalTags, StatusTag } from './ProposalCard';
import { useProposalFigures, useProposalList } from './use-proposals';
import './proposals.css';

/** The statuses the committee filters by (drafts are never theirs to see). */
const STATUS_OPTIONS = [
  { value: 'all', label: '全部状态' },
  ...PROPOSAL_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: PROPOSAL_STATUS_LABELS[s] })),
];

/** The union's sessions, newest first (from the figures answer, which lists them all). */
export function useProposalSessions(isEnabled = true) {
  const figures = useProposalFigures(undefined, isEnabled);
  return { sessions: figures.data?.sessions ?? [], latest: figures.data?.session ?? null, isPending: figures.isPending };
}

/** A session picker: one of the union's sessions (the latest when none is chosen). */
export function SessionSelect({ sessions, value, onChange, allowAll = false }: { sessions: ProposalSession[]; value: string | undefined; onChange: (id: string | undefined) => void; allowAll?: boolean }) {
  return (
    <Select
      value={value ?? (allowAll ? '' : undefined)}
      onChange={(v: string) => onChange(v || undefined)}
      options={[...(allowAll ? [{ value: '', label: '全部会议' }] : []), ...sessions.map((s) => ({ value: s.id, label: s.title }))]}
      style={{ minWidth: 240 }}
      placeholder="选择会议"
      aria-label="会议"
      data-testid="proposal-session-select"
    />
  );
}

/** The report and the ledger of a session, as files. */
export function ExportButtons({ sessionId }: { sessionId: string | undefined }) {
  return (
    <Flex gap={8} wrap>
      <Button href={sessionId ? api.url('/proposals/report.docx', { sessionId }) : undefined} disabled={!sessionId} data-testid="proposal-report-docx">
        办理情况报告（Word）
      </Button>
      <Button href={sessionId ? api.url('/proposals/ledger.xlsx', { sessionId }) : undefined} disabled={!sessionId} data-testid="proposal-ledger-xlsx">
        提案台账（Excel）
      </Button>
    </Flex>
  );
}

/**
 * 提案管理 (/proposals/admin), for the proposals committee: everything submitted, by session and state, searched by
 * 案由 or proposer; each row opens the proposal, where it is reviewed, merged and assigned.
 */
export function ProposalAdminPage() {
  const isPhone = useIsPhone();
  const { filters, page, setFilters, setPage } = useUrlFilters(['sessionId', 'status', 'kind', 'category', 'q'] as const);
  const { sessions, latest, isPending: isSessionsPending } = useProposalSessions();
  const sessionId = filters.sessionId ?? latest?.id;
  const status = (filters.status ?? 'all') as ProposalListStatus;
  const list = useProposalList(
    { sessionId, status, kind: filters.kind as 'proposal' | 'opinion' | undefined, category: filters.category, q: filters.q, page },
    !isSessionsPending,
  );
  const items = list.data?.items ?? [];
  const waiting = status === 'all' ? items.filter((p) => p.status === 'submitted').length : 0;
  return (
    <div>
      <PageHeader title="提案管理" subtitle="审查（立案、并案、转为意见建议、不予立案）、交办承办部门，跟踪答复和评价" extra={<ExportButtons sessionId={sessionId} />} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} className="uh-prop-filters">
        <SessionSelect sessions={sessions} value={sessionId} onChange={(v) => setFilters({ sessionId: v })} />
        <Select value={status} onChange={(v: string) => setFilters({ status: v === 'all' ? undefined : v })} options={STATUS_OPTIONS} style={{ width: 150 }} aria-label="状态" data-testid="proposal-status-filter" />
        <Select
          value={filters.kind ?? ''}
          onChange={(v: string) => setFilters({ kind: v || undefined })}
          options={[{ value: '', label: '提案和意见建议' }, { value: 'proposal', label: PROPOSAL_KIND_LABELS.proposal }, { value: 'opinion', label: PROPOSAL_KIND_LABELS.opinion }]}
          style={{ width: 150 }}
          aria-label="类型"
        />
        <Select
          value={filters.category ?? ''}
          onChange={(v: string) => setFilters({ category: v || undefined })}
          options={[{ value: '', label: '全部类别' }, ...PROPOSAL_CATEGORIES.map((c) => ({ value: c, label: c }))]}
          style={{ width: 130 }}
          aria-label="类别"
        />
        <Input.Search
          defaultValue={filters.q}
          onSearch={(q) => setFilters({ q: q.trim() || undefined })}
          placeholder="案由或提案人"
          maxLength={PROPOSAL_LIMITS.searchMax}
          allowClear
          style={{ width: 200 }}
          data-testid="proposal-search"
        />
      </Flex>
      {waiting > 0 ? (
        <Typography.Paragraph>
          本页有 {waiting} 件待审查，
          <Typography.Link onClick={() => setFilters({ status: 'submitted' })} data-testid="proposal-only-waiting">
            只看待审查
          </Typography.Link>
        </Typography.Paragraph>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card size="small" styles={{ body: { padding: isPhone ? 0 : undefined } }}>
        <Table<ProposalSummary>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={items}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          pagination={{ current: page, pageSize: PROPOSAL_LIMITS.pageSize, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: (n) => setPage(n, 20) }}
          onRow={(p) => ({ 'data-testid': 'proposal-row', 'data-title': p.title }) as HTMLAttributes<HTMLElement>}
          columns={
            isPhone
              ? [
                  {
                    key: 'p',
                    title: '提案',
                    render: (_v, p) => (
                      <Flex vertical gap={4}>
                        <ProposalTags proposal={p} />
                        <Link to={`/proposals/${p.id}`}>
                          <Typography.Text strong>{p.number ? `${p.number}. ` : ''}{p.title}</Typography.Text>
                        </Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.proposer.name} · {p.category}
                          {p.lead ? ` · 主办 ${p.lead.name}` : ''}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                ]
              : [
                  { key: 'number', title: '编号', width: 60, render: (_v, p) => p.number ?? '—' },
                  {
                    key: 'title',
                    title: '案由',
                    render: (_v, p) => (
                      <Flex gap={6} align="center" wrap>
                        <Link to={`/proposals/${p.id}`}>{p.title}</Link>
                        {p.kind === 'opinion' ? <Tag color="purple">意见建议</Tag> : null}
                      </Flex>
                    ),
                  },
                  { key: 'proposer', title: '提案人', render: (_v, p) => p.proposer.name },
                  { key: 'category', title: '类别', dataIndex: 'category' },
                  { key: 'cosigners', title: '附议人数', align: 'right', render: (_v, p) => p.cosigners.confirmed },
                  { key: 'status', title: '状态', render: (_v, p) => <StatusTag status={p.status} /> },
                  { key: 'lead', title: '主办部门', render: (_v, p) => p.lead?.name ?? '—' },
                  {
                    key: 'due',
                    title: '答复期限',
                    render: (_v, p) =>
                      p.replyDueOn ? (
                        <Flex gap={4} align="center" wrap>
                          <span>{p.replyDueOn}</span>
                          {deadlineText(p) ? <Tag color={deadlineColor(p.daysLeft)}>{deadlineText(p)}</Tag> : null}
                        </Flex>
                      ) : (
                        '—'
                      ),
                  },
                  { key: 'result', title: '答复', render: (_v, p) => (p.resultCode ? <Tag color={RESULT_COLORS[p.resultCode]}>{p.resultCode}</Tag> : '—') },
                  { key: 'rating', title: '评价', render: (_v, p) => (p.rating ? <Tag color={RATING_COLORS[p.rating]}>{ratingText(p.rating)}</Tag> : '—') },
                ]
          }
          locale={{ emptyText: !isSessionsPending && sessions.length === 0 ? '还没有教代会会议' : '没有符合条件的提案' }}
        />
      </Card>
    </div>
  );
}
