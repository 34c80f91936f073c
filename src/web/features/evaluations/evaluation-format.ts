import type { BallotInput, EvaluationDetail, EvaluationPhase, EvaluationSummary } from '../../../contracts/evaluations';
import { spanLabel } from '../activity-admin/activity-time';

/** Tag colours of an evaluation's phase. */
export const PHASE_COLORS: Record<EvaluationPhase, string> = { draft: 'default', scheduled: 'blue', open: 'green', closed: 'purple' };

/** Lists show what needs doing first: 测评中, then 未开始, the drafts, and the finished ones last. */
const PHASE_ORDER: Record<EvaluationPhase, number> = { open: 0, scheduled: 1, draft: 2, closed: 3 };

/** The list in reading order: by phase, then the most recent window first. */
export function sortedEvaluations<T extends Pick<EvaluationSummary, 'phase' | 'opensAt'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || b.opensAt.localeCompare(a.opensAt));
}

/** A share in ‰ (0–1000) as a percentage with one decimal: 896 → "89.6%", 1000 → "100.0%". */
export function permilleLabel(permille: number): string {
  return `${Math.floor(permille / 10)}.${Math.abs(permille % 10)}%`;
}

/** A server's sentence with its full stop, so that another sentence can follow it: "每人只能提交一次" → "每人只能提交一次。". */
export function asSentence(text: string): string {
  const t = text.trim();
  return t === '' || /[。！？.!?）)]$/.test(t) ? t : `${t}。`;
}

/** Whole percent for a progress bar (0–100); nobody eligible reads as 0. */
export function participationPercent(cast: number, eligible: number): number {
  if (eligible <= 0) return 0;
  return Math.min(100, Math.floor((cast * 100) / eligible));
}

/** "11月21日 08:00 至 11月25日 17:00": the voting window. */
export function windowLabel(e: Pick<EvaluationSummary, 'opensAt' | 'closesAt'>): string {
  return spanLabel(e.opensAt, e.closesAt);
}

/** One target's answers while the voter fills the ballot in: null where nothing is chosen yet. */
export interface RatingDraft {
  grades: (number | null)[];
  overall: number | null;
  comment: string;
}

/** The ballot being filled in, by target key. */
export type BallotDraft = Record<string, RatingDraft>;

type BallotShape = Pick<EvaluationDetail, 'targets' | 'dimensions'>;

/** A blank ballot: nothing chosen for any target. */
export function emptyBallot(def: BallotShape): BallotDraft {
  return Object.fromEntries(def.targets.map((t) => [t.key, { grades: def.dimensions.map(() => null), overall: null, comment: '' }]));
}

/** True when every dimension and the overall grade of one target are chosen. */
export function isRatingComplete(rating: RatingDraft | undefined, dimensionCount: number): boolean {
  if (!rating || rating.overall === null || rating.grades.length !== dimensionCount) return false;
  return rating.grades.every((g) => g !== null);
}

/** How many targets are fully rated, for "已完成 3/5 人". */
export function completedCount(def: BallotShape, ballot: BallotDraft): number {
  return def.targets.filter((t) => isRatingComplete(ballot[t.key], def.dimensions.length)).length;
}

/** The finished ballot as POST /evaluations/:id/ballots takes it (only called once every target is complete). */
export function ballotBody(def: BallotShape & Pick<EvaluationDetail, 'allowComments'>, ballot: BallotDraft): BallotInput {
  return {
    ratings: def.targets.map((t) => {
      const r = ballot[t.key];
      return { targetKey: t.key, grades: r.grades.map((g) => g ?? 0), overall: r.overall ?? 0, comment: def.allowComments ? r.comment.trim() : '' };
    }),
  };
}
