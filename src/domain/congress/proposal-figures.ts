import type { ProposalRating, ProposalStatus } from './proposal-states.js';

/**
 * The figures of proposal handling (DOMAIN.md §4 "Proposals"), by session or by department — the caller picks the
 * rows. Rates are fractions (0–1), null when nothing is counted rather than 0 % or 100 %.
 */

/** What the figures read of a proposal; `finalRating` is the proposer's rating of the last reply. */
export interface ProposalFigureRow {
  status: ProposalStatus;
  kind: 'proposal' | 'opinion';
  finalRating: ProposalRating | null;
}

/**
 * A round of handling (办理轮次) of a proposal: that round's deadline and the day its reply was made (null: not yet).
 * A proposal sent back after 不满意 has two, each judged against its own deadline.
 */
export interface ReplyRoundRow {
  replyDueOn: string | null;
  repliedOn: string | null;
}

/**
 * How a round stands against its deadline on `today`: replied on or before it (`onTime`), replied after it
 * (`late`), no reply and the deadline passed — from the day after it (`missed`); null while it is not yet due
 * (no reply and the deadline today or later) or when it has no deadline.
 */
export function roundTimeliness(r: ReplyRoundRow, today: string): 'onTime' | 'late' | 'missed' | null {
  if (r.replyDueOn === null) return null;
  if (r.repliedOn !== null) return r.repliedOn <= r.replyDueOn ? 'onTime' : 'late';
  return r.replyDueOn < today ? 'missed' : null;
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
 * 立案率 = accepted ÷ reviewed proposals (`submitted`); 办结率 = closed ÷ accepted; 满意率 = (满意 + 基本满意,
 * `satisfied`) ÷ rated, on the proposer's final rating — all three over `proposals`. 按期答复率 = rounds replied on or
 * before their own deadline ÷ rounds due (`due`: replied, or their deadline passed without a reply — see
 * `roundTimeliness`) — over `rounds`, every round of every proposal, so a late first reply stays late after the
 * second round begins.
 */
export function proposalFigures(
  proposals: readonly ProposalFigureRow[],
  rounds: readonly ReplyRoundRow[],
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
  for (const r of proposals) {
    if (isReviewedProposal(r)) {
      submitted += 1;
      if (ACCEPTED.has(r.status)) accepted += 1;
      if (r.status === 'closed') closed += 1;
    }
    if (r.finalRating !== null) {
      rated += 1;
      if (r.finalRating !== 'unsatisfied') satisfied += 1;
    }
  }
  for (const r of rounds) {
    const t = roundTimeliness(r, today);
    if (t === null) continue;
    due += 1;
    if (t === 'onTime') onTime += 1;
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
