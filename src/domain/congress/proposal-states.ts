import { assertNever } from '../policy.js';

/**
 * The life of a proposal (DOMAIN.md §4 "Proposals"): draft → submitted (附议人 confirmed, or filed as an opinion) →
 * reviewed by the proposals committee: accepted (立案) | merged (并案) | converted (转为意见建议) | rejected (不予立案);
 * the proposer may withdraw before review. accepted → assigned (交办; may be re-assigned until the reply) → replied →
 * rated: the proposer's 不满意 in round 1 sends it back to the departments for round 2, anything else closes it.
 */

/** Every state of a proposal, in the order of its life. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'accepted', 'merged', 'converted', 'rejected', 'withdrawn', 'assigned', 'replied', 'closed'] as const;

/** A state of a proposal. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Every action that moves a proposal. */
export const PROPOSAL_ACTIONS = ['submit', 'withdraw', 'accept', 'merge', 'convert', 'reject', 'assign', 'reply', 'rate'] as const;

/** An action on a proposal. */
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** The proposer's rating of a reply: 满意 / 基本满意 / 不满意. */
export type ProposalRating = 'satisfied' | 'basic' | 'unsatisfied';

/** Chinese names of the states, as lists and badges show them. */
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: '草稿',
  submitted: '待审查',
  accepted: '已立案',
  merged: '已并案',
  converted: '已转为意见建议',
  rejected: '不予立案',
  withdrawn: '已撤回',
  assigned: '已交办',
  replied: '已答复',
  closed: '已办结',
};

/** Chinese names of the actions, as buttons and the audit trail show them. */
export const PROPOSAL_ACTION_LABELS: Record<ProposalAction, string> = {
  submit: '提交',
  withdraw: '撤回',
  accept: '立案',
  merge: '并案',
  convert: '转为意见建议',
  reject: '不予立案',
  assign: '交办',
  reply: '答复',
  rate: '评价',
};

/** Where an action takes a proposal (and in which round of handling), or why it is refused. */
export type ProposalTransition = { to: ProposalStatus; round: number } | { refused: string };

const REVIEW_ACTIONS: readonly ProposalAction[] = ['accept', 'merge', 'convert', 'reject'];

/** How an ended proposal is described in a refusal: "该提案已办结，不能答复". */
const ENDED: Record<'merged' | 'converted' | 'rejected' | 'withdrawn' | 'closed', string> = {
  merged: '已并入其他提案',
  converted: '已转为意见建议',
  rejected: '未予立案',
  withdrawn: '已撤回',
  closed: '已办结',
};

/**
 * Why an action does not fit a proposal still moving through its life. Checked in the order of that life: an action
 * that comes later than the state allows names the step still missing; one that comes earlier says it is past.
 */
function refusalInProgress(from: 'draft' | 'submitted' | 'accepted' | 'assigned' | 'replied', action: ProposalAction): string {
  const isReviewed = from !== 'draft' && from !== 'submitted';
  if (action === 'submit') return '提案已经提交，不能重复提交';
  if (action === 'withdraw') return '提案已经立案，不能撤回';
  if (REVIEW_ACTIONS.includes(action)) return isReviewed ? '提案已经立案，不能重新审查' : '提案尚未提交，还不能审查';
  if (action === 'assign') return from === 'replied' ? '承办部门已经答复，待提案人评价，不能重新交办' : '提案尚未立案，不能交办';
  if (action === 'reply') return from === 'replied' ? '本轮已经答复，不能重复答复' : '提案尚未交办，不能答复';
  return '承办部门尚未答复，不能评价';
}

/** Why nothing more can be done with an ended proposal. */
function refusalEnded(from: keyof typeof ENDED, action: ProposalAction): string {
  const tail = action === 'submit' ? '不能再提交' : action === 'withdraw' ? '不能再撤回' : REVIEW_ACTIONS.includes(action) ? '不能再审查' : `不能${PROPOSAL_ACTION_LABELS[action]}`;
  return `该提案${ENDED[from]}，${tail}`;
}

/**
 * Where an action takes a proposal, with the round of handling (1, or 2 after the proposer's 不满意), or why it is
 * refused, in Chinese. `ctx.rating` is the proposer's rating and is needed only to rate. Every pair of state and
 * action has an answer; the round is a positive whole number (a RangeError otherwise, which stored data never has).
 */
export function proposalTransition(from: ProposalStatus, action: ProposalAction, ctx: { round: number; rating?: ProposalRating }): ProposalTransition {
  if (!Number.isInteger(ctx.round) || ctx.round < 1) throw new RangeError(`办理轮次应为正整数：${ctx.round}`);
  const stay = (to: ProposalStatus): ProposalTransition => ({ to, round: ctx.round });
  switch (from) {
    case 'draft':
      if (action === 'submit') return stay('submitted');
      if (action === 'withdraw') return stay('withdrawn');
      return { refused: refusalInProgress(from, action) };
    case 'submitted':
      if (action === 'withdraw') return stay('withdrawn');
      if (action === 'accept') return stay('accepted');
      if (action === 'merge') return stay('merged');
      if (action === 'convert') return stay('converted');
      if (action === 'reject') return stay('rejected');
      return { refused: refusalInProgress(from, action) };
    case 'accepted':
      if (action === 'assign') return stay('assigned');
      return { refused: refusalInProgress(from, action) };
    case 'assigned':
      // Assigning again before the reply changes the departments (a department may hand back what is not its own).
      if (action === 'assign') return stay('assigned');
      if (action === 'reply') return stay('replied');
      return { refused: refusalInProgress(from, action) };
    case 'replied':
      if (action !== 'rate') return { refused: refusalInProgress(from, action) };
      if (ctx.rating === undefined) return { refused: '请选择满意、基本满意或不满意' };
      if (ctx.rating === 'unsatisfied' && ctx.round === 1) return { to: 'assigned', round: 2 };
      return stay('closed');
    case 'merged':
    case 'converted':
    case 'rejected':
    case 'withdrawn':
    case 'closed':
      return { refused: refusalEnded(from, action) };
    default:
      return assertNever(from);
  }
}
