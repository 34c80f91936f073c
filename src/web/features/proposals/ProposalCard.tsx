import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS } from '../../../contracts/proposals';
import { cosignText, deadlineColor, deadlineText, proposalName, RATING_COLORS, ratingText, RESULT_COLORS, statusColor } from './proposal-format';
import type { ProposalStatus, ProposalSummary } from './proposal-types';

/** The state of a proposal as a tag ("待审查", "已交办" …). */
export function StatusTag({ status }: { status: ProposalStatus }) {
  return (
    <Tag color={statusColor(status)} data-testid="proposal-status">
      {PROPOSAL_STATUS_LABELS[status]}
    </Tag>
  );
}

/** The tags of a proposal: its state, 意见建议 when it is one, the reply deadline, result code and rating. */
export function ProposalTags({ proposal: p }: { proposal: ProposalSummary }) {
  const deadline = deadlineText(p);
  return (
    <span className="uh-prop-tags">
      <StatusTag status={p.status} />
      {p.kind === 'opinion' ? <Tag color="purple">{PROPOSAL_KIND_LABELS.opinion}</Tag> : null}
      {deadline ? <Tag color={deadlineColor(p.daysLeft)}>{deadline}</Tag> : null}
      {p.resultCode && (p.status === 'replied' || p.status === 'closed') ? <Tag color={RESULT_COLORS[p.resultCode]}>答复 {p.resultCode}</Tag> : null}
      {p.rating && p.status === 'closed' ? <Tag color={RATING_COLORS[p.rating]}>{ratingText(p.rating)}</Tag> : null}
    </span>
  );
}

/**
 * One proposal in a phone list: number and title, state, category, proposer, co-signers while a draft, the
 * department and deadline while it is handled; `actions` (确认附议 / 不同意) sit under it, outside the link.
 */
export function ProposalCard({ proposal: p, showProposer = true, actions }: { proposal: ProposalSummary; showProposer?: boolean; actions?: ReactNode }) {
  return (
    <div className={`uh-card uh-prop-card${p.isOverdue ? ' uh-prop-card-overdue' : ''}`} data-testid="proposal-card" data-title={p.title}>
      <Link to={`/proposals/${p.id}`} className="uh-prop-card-link">
        <ProposalTags proposal={p} />
        <div className="uh-prop-card-title">{proposalName(p)}</div>
        <dl className="uh-prop-facts">
          <dt>类别</dt>
          <dd>{p.category}</dd>
          {showProposer ? (
            <>
              <dt>提案人</dt>
              <dd>{p.proposer.name}</dd>
            </>
          ) : null}
          {p.status === 'draft' ? (
            <>
              <dt>附议</dt>
              <dd>{cosignText(p.cosigners).replace(/^附议 /, '')}</dd>
            </>
          ) : null}
          {p.lead ? (
            <>
              <dt>主办</dt>
              <dd>{p.lead.name}</dd>
            </>
          ) : null}
          {p.replyDueOn && p.status === 'assigned' ? (
            <>
              <dt>答复期限</dt>
              <dd>{p.replyDueOn}</dd>
            </>
          ) : null}
        </dl>
      </Link>
      {actions ? <div className="uh-prop-card-actions">{actions}</div> : null}
    </div>
  );
}
