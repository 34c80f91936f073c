import { describe, expect, it } from 'vitest';
import { PROPOSAL_ACTIONS, PROPOSAL_ACTION_LABELS, PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, proposalTransition, type ProposalAction, type ProposalStatus } from './proposal-states.js';

// Refusals that name the step still missing, or say the step is past.
const NOT_SUBMITTED = '提案尚未提交，还不能审查';
const NOT_ACCEPTED = '提案尚未立案，不能交办';
const NOT_ASSIGNED = '提案尚未交办，不能答复';
const NOT_REPLIED = '承办部门尚未答复，不能评价';
const SUBMITTED = '提案已经提交，不能重复提交';
const NO_WITHDRAW = '提案已经立案，不能撤回';
const REVIEWED = '提案已经立案，不能重新审查';
const AWAITING_RATING = '承办部门已经答复，待提案人评价，不能重新交办';
const REPLIED = '本轮已经答复，不能重复答复';

/** The refusals of an ended proposal, action by action, in the order of PROPOSAL_ACTIONS. */
function ended(state: string): string[] {
  const tails = ['不能再提交', '不能再撤回', '不能再审查', '不能再审查', '不能再审查', '不能再审查', '不能交办', '不能答复', '不能评价'];
  return tails.map((tail) => `该提案${state}，${tail}`);
}

/**
 * Every state × action, written out: a state name is where the action leads (same round), any other string is the
 * refusal. Columns follow PROPOSAL_ACTIONS: submit, withdraw, accept, merge, convert, reject, assign, reply, rate
 * (rated 满意 in round 1 here; the other ratings are below).
 */
const TABLE: Record<ProposalStatus, string[]> = {
  draft: ['submitted', 'withdrawn', NOT_SUBMITTED, NOT_SUBMITTED, NOT_SUBMITTED, NOT_SUBMITTED, NOT_ACCEPTED, NOT_ASSIGNED, NOT_REPLIED],
  submitted: [SUBMITTED, 'withdrawn', 'accepted', 'merged', 'converted', 'rejected', NOT_ACCEPTED, NOT_ASSIGNED, NOT_REPLIED],
  accepted: [SUBMITTED, NO_WITHDRAW, REVIEWED, REVIEWED, REVIEWED, REVIEWED, 'assigned', NOT_ASSIGNED, NOT_REPLIED],
  assigned: [SUBMITTED, NO_WITHDRAW, REVIEWED, REVIEWED, REVIEWED, REVIEWED, 'assigned', 'replied', NOT_REPLIED],
  replied: [SUBMITTED, NO_WITHDRAW, REVIEWED, REVIEWED, REVIEWED, REVIEWED, AWAITING_RATING, REPLIED, 'closed'],
  merged: ended('已并入其他提案'),
  converted: ended('已转为意见建议'),
  rejected: ended('未予立案'),
  withdrawn: ended('已撤回'),
  closed: ended('已办结'),
};

const STATES = new Set<string>(PROPOSAL_STATUSES);

const pairs = PROPOSAL_STATUSES.flatMap((from) => PROPOSAL_ACTIONS.map((action, i) => ({ from, action, expected: TABLE[from][i] })));

describe('proposalTransition, every state × action', () => {
  it('covers all 90 pairs, 11 of them allowed', () => {
    expect(pairs).toHaveLength(90);
    expect(pairs.filter((p) => STATES.has(p.expected))).toHaveLength(11);
  });

  it.each(pairs)('$from + $action → $expected', ({ from, action, expected }) => {
    const outcome = proposalTransition(from, action, { round: 1, rating: 'satisfied' });
    expect(outcome).toEqual(STATES.has(expected) ? { to: expected, round: 1 } : { refused: expected });
  });

  it('answers the same in round 2, keeping the round', () => {
    for (const { from, action, expected } of pairs) {
      const outcome = proposalTransition(from, action, { round: 2, rating: 'satisfied' });
      expect(outcome, `${from} + ${action}`).toEqual(STATES.has(expected) ? { to: expected, round: 2 } : { refused: expected });
    }
  });

  it('refuses in Chinese, never naming a state or action in English', () => {
    for (const { from, action } of pairs) {
      const outcome = proposalTransition(from, action, { round: 1, rating: 'satisfied' });
      if ('refused' in outcome) expect(outcome.refused, `${from} + ${action}`).toMatch(/^[\u4e00-\u9fff，、]+$/);
    }
  });
});

describe('rating a reply', () => {
  const rate = (round: number, rating?: 'satisfied' | 'basic' | 'unsatisfied') => proposalTransition('replied', 'rate', { round, rating });

  it('sends 不满意 in round 1 back to the departments for round 2', () => {
    expect(rate(1, 'unsatisfied')).toEqual({ to: 'assigned', round: 2 });
  });

  it('closes on 不满意 in round 2: a proposal goes back only once', () => {
    expect(rate(2, 'unsatisfied')).toEqual({ to: 'closed', round: 2 });
  });

  it('closes on 满意 or 基本满意 in either round', () => {
    expect(rate(1, 'satisfied')).toEqual({ to: 'closed', round: 1 });
    expect(rate(1, 'basic')).toEqual({ to: 'closed', round: 1 });
    expect(rate(2, 'satisfied')).toEqual({ to: 'closed', round: 2 });
    expect(rate(2, 'basic')).toEqual({ to: 'closed', round: 2 });
  });

  it('asks for a rating when none is given', () => {
    expect(rate(1)).toEqual({ refused: '请选择满意、基本满意或不满意' });
  });

  it('a rating does not let an unreplied proposal be rated', () => {
    expect(proposalTransition('assigned', 'rate', { round: 1, rating: 'unsatisfied' })).toEqual({ refused: NOT_REPLIED });
  });

  it('walks the whole path: draft → … → 不满意 → second reply → 满意 → closed', () => {
    let state: ProposalStatus = 'draft';
    let round = 1;
    const steps: [ProposalAction, ('satisfied' | 'unsatisfied')?][] = [['submit'], ['accept'], ['assign'], ['reply'], ['rate', 'unsatisfied'], ['reply'], ['rate', 'satisfied']];
    const seen: string[] = [];
    for (const [action, rating] of steps) {
      const outcome = proposalTransition(state, action, { round, rating });
      if ('refused' in outcome) throw new Error(outcome.refused);
      ({ to: state, round } = outcome);
      seen.push(`${state}/${round}`);
    }
    expect(seen).toEqual(['submitted/1', 'accepted/1', 'assigned/1', 'replied/1', 'assigned/2', 'replied/2', 'closed/2']);
  });
});

describe('rounds and labels', () => {
  it('refuses a round that is not a positive whole number', () => {
    expect(() => proposalTransition('draft', 'submit', { round: 0 })).toThrow(RangeError);
    expect(() => proposalTransition('draft', 'submit', { round: 1.5 })).toThrow(RangeError);
  });

  it('names every state and action in Chinese', () => {
    for (const s of PROPOSAL_STATUSES) expect(PROPOSAL_STATUS_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const a of PROPOSAL_ACTIONS) expect(PROPOSAL_ACTION_LABELS[a]).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(new Set(Object.values(PROPOSAL_STATUS_LABELS)).size).toBe(PROPOSAL_STATUSES.length);
  });
});
