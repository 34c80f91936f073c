import type { ProposalRating, ProposalStatus } from './proposal-states.js';

/**
 * The figures of proposal handling (DOMAIN.md §4 "Proposals"), by session or by department — the caller picks the
 * rows. Rates are fractions (0–1), null when nothing is counted rather than 0 % or 100 %.
 */

/** What the figures read of a proposal; `finalRating` is the proposer's rating of the last reply. */
export interface ProposalFigureRow {
  status: ProposalStatus;
  kind: 'proposal' | 'opinion';
  replyDueOn: string | null;
  repliedOn: string | null;
  finalRating: ProposalRating | null;
}

/** States that count as 立案 (accepted, and what comes after it). */
const ACCEPTED: ReadonlySet<ProposalStatus> = new Set(['accepted', 'assigned', 'replied', 'closed']);

/**
 * Whether a row is a proposal the committee has reviewed. Opinions filed as such are not proposals; a proposal the
 * committee converted (转为意见建议) counts whatever its kind became. Merged proposals are folded into their target
 * and withdrawn ones never came to review, so neither counts.
 */
function isReviewedProposal(r: ProposalFigureRow): boolean {
  if (r.status === 'converted') return true;
  return r.kind === 'proposal' && (ACCEPTED.has(r.status) || r.status === 'rejected');
}

/**
 * 立案率 = accepted ÷ reviewed proposals (`submitted`); 按期答复率 = replies on or before the deadline ÷ replies due
 * (`due`: a reply made, or a deadline before `today` — a deadline of today is not yet missed); 办结率 = closed ÷
 * accepted; 满意率 = (满意 + 基本满意, `satisfied`) ÷ rated, on the proposer's final rating.
 */
export function proposalFigures(
  rows: readonly ProposalFigureRow[],
  today: string,
): {
  submitted: number;
  accepted: number;
  acceptanceRate: number | null;
  due: number;
  onTime: number;
  onTimeRate: number | null;
  closed: number;
  closureRate: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
} {
  let submitted = 0;
  let accepted = 0;
  let closed = 0;
  let due = 0;
  let onTime = 0;
  let rated = 0;
  let satisfied = 0;
  for (const r of rows) {
    if (isReviewedProposal(r)) {
      submitted += 1;
      if (ACCEPTED.has(r.status)) accepted += 1;
      if (r.status === 'closed') closed += 1;
    }
    if (r.replyDueOn !== null && (r.repliedOn !== null || r.replyDueOn < today)) {
      due += 1;
      if (r.repliedOn !== null && r.repliedOn <= r.replyDueOn) onTime += 1;
    }
    if (r.finalRating !== null) {
      rated += 1;
      if (r.finalRating !== 'unsatisfied') satisfied += 1;
    }
  }
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    submitted,
    accepted,
    acceptanceRate: rate(accepted, submitted),
    due,
    onTime,
    onTimeRate: rate(onTime, due),
    closed,
    closureRate: rate(closed, accepted),
    rated,
    satisfied,
    satisfactionRate: rate(satisfied, rated),
  };
}
