import { EVALUATION_VOTER_KIND_LABELS, type EvaluationDetail, type EvaluationPhase, type EvaluationSummary, type EvaluationVoters } from '../../../contracts/evaluations.js';
import { instant } from '../activities/activities.presenter.js';
import { chineseNumber } from '../congress/congress.presenter.js';
import { ALREADY_VOTED_MESSAGE, CLOSED_MESSAGE, NO_MEMBER_FILE_MESSAGE, NOT_ON_ROLL_MESSAGE, NOT_OPEN_MESSAGE } from './evaluations.access.js';
import type { EvaluationRow, StoredTarget } from './evaluations.repository.js';

/** Where an evaluation is in its life at `now`: a published one reads 未开始 before its window, 测评中 in it. */
export function phaseOf(e: Pick<EvaluationRow, 'status' | 'opensAt' | 'closesAt'>, now: Date): EvaluationPhase {
  switch (e.status) {
    case 'draft':
      return 'draft';
    case 'closed':
      return 'closed';
    case 'published':
      if (now < new Date(e.opensAt)) return 'scheduled';
      return now < new Date(e.closesAt) ? 'open' : 'closed';
  }
}

/** The viewer's place: whether they have a member file, are on the roll, have voted. */
export interface ViewerPlace {
  memberId: string | null;
  isEligible: boolean;
  hasVoted: boolean;
}

/** Why the viewer cannot vote in this evaluation now, or null. */
export function voteRefusalOf(e: Pick<EvaluationRow, 'status' | 'opensAt' | 'closesAt'>, me: ViewerPlace, now: Date): string | null {
  const phase = phaseOf(e, now);
  if (phase === 'draft') return '测评尚未发布';
  if (phase === 'closed') return CLOSED_MESSAGE;
  if (!me.memberId) return NO_MEMBER_FILE_MESSAGE;
  if (!me.isEligible) return NOT_ON_ROLL_MESSAGE;
  if (me.hasVoted) return ALREADY_VOTED_MESSAGE;
  if (phase === 'scheduled') return NOT_OPEN_MESSAGE;
  return null;
}

/** "教代会代表（第二届，67 人）", "全体在职会员（120 人）", "指定人员（12 人）". */
export function votersLabelOf(voters: EvaluationVoters, count: number | null, termNumber: number | null): string {
  const people = count === null ? '' : `${count} 人`;
  if (voters.kind === 'term') {
    const term = termNumber === null ? '' : `第${chineseNumber(termNumber)}届`;
    const inside = [term, people].filter(Boolean).join('，');
    return `${EVALUATION_VOTER_KIND_LABELS.term}${inside ? `（${inside}）` : ''}`;
  }
  return `${EVALUATION_VOTER_KIND_LABELS[voters.kind]}${people ? `（${people}）` : ''}`;
}

/** An evaluation's list line. */
export function evaluationSummary(e: EvaluationRow, cast: number | null, me: ViewerPlace, now: Date): EvaluationSummary {
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    phase: phaseOf(e, now),
    opensAt: instant(e.opensAt),
    closesAt: instant(e.closesAt),
    targetCount: (e.targets as StoredTarget[]).length,
    eligible: e.status === 'draft' ? null : e.eligible,
    cast: e.status === 'draft' ? null : cast,
    me: { isEligible: me.isEligible, hasVoted: me.hasVoted },
  };
}

/** An evaluation as its page shows it, with what the viewer may do. */
export function evaluationDetail(
  e: EvaluationRow,
  x: { cast: number | null; me: ViewerPlace; isManager: boolean; votersLabel: string; voterList: EvaluationDetail['voterList']; now: Date },
): EvaluationDetail {
  const refusal = voteRefusalOf(e, x.me, x.now);
  const voters = e.voters as EvaluationVoters;
  return {
    ...evaluationSummary(e, x.cast, x.me, x.now),
    description: e.description,
    targets: e.targets as StoredTarget[],
    dimensions: e.dimensions as string[],
    grades: e.grades as string[],
    overallGrades: e.overallGrades as string[],
    allowComments: e.allowComments,
    // Who else is on a list is the organisers' business: the others see only its kind and size.
    voters: voters.kind === 'list' && !x.isManager ? { kind: 'list', memberIds: [] } : voters,
    voterList: x.isManager ? x.voterList : null,
    votersLabel: x.votersLabel,
    minGroupSize: e.minGroupSize,
    can: { manage: x.isManager, vote: refusal === null, seeResults: x.isManager && e.status === 'closed' },
    voteRefusal: refusal,
  };
}
