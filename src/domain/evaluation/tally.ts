import { EVALUATION_GROUPS, EVALUATION_GROUP_LABELS, type EvaluationGroup, type EvaluationResults, type GradeTally } from '../../contracts/evaluations.js';
import type { EvaluationComment } from './ballot.js';
import { participationText, permille } from './figures.js';
import { groupsToKeep, hiddenGroupsNote, type GroupCounts } from './groups.js';

/**
 * The results of a closed evaluation (DOMAIN.md §4 "Evaluation"): eligible, cast, participation, and per target the
 * count and share of each grade in every dimension and overall; the same per voters' group where the group may be
 * shown. Nothing at all when fewer ballots were cast than the minimum group size: the whole electorate is a group.
 */

/** The evaluation as the results name it. */
export interface EvaluationTallyDefinition {
  targets: readonly { key: string; name: string; post: string }[];
  dimensions: readonly string[];
  grades: readonly string[];
  overallGrades: readonly string[];
}

/** A stored ballot: the voter's group when recorded, and per target (in the definition's order) [grades…, overall]. */
export interface TalliedBallot {
  voterGroup: EvaluationGroup | null;
  ratings: readonly (readonly number[])[];
}

/** The figures of EvaluationResults that come from the ballots (the rest is the evaluation's own data). */
export type EvaluationTally = Pick<
  EvaluationResults,
  'eligible' | 'cast' | 'participationPermille' | 'participationText' | 'minGroupSize' | 'targets' | 'groups' | 'hiddenGroupsNote'
>;

type TargetFigures = Omit<NonNullable<EvaluationResults['targets']>[number], 'comments'>;

const isIndex = (value: number, length: number) => Number.isInteger(value) && value >= 0 && value < length;

function gradeTally(counts: number[], cast: number): GradeTally {
  return { counts, permille: counts.map((n) => permille(n, cast)) };
}

/** Per target, the grade counts and shares over the given ballots. */
function targetFigures(def: EvaluationTallyDefinition, ballots: readonly TalliedBallot[]): TargetFigures[] {
  return def.targets.map((target, t) => {
    const dimensionCounts = def.dimensions.map(() => def.grades.map(() => 0));
    const overallCounts = def.overallGrades.map(() => 0);
    for (const ballot of ballots) {
      const rating = ballot.ratings[t];
      if (rating === undefined || rating.length !== def.dimensions.length + 1) {
        throw new RangeError(`选票中 ${target.name} 的评价项数与测评项目不符`);
      }
      def.dimensions.forEach((_, d) => {
        if (!isIndex(rating[d], def.grades.length)) throw new RangeError(`选票中 ${target.name} 的第 ${d + 1} 项等次无效：${rating[d]}`);
        dimensionCounts[d][rating[d]] += 1;
      });
      const overall = rating[def.dimensions.length];
      if (!isIndex(overall, def.overallGrades.length)) throw new RangeError(`选票中 ${target.name} 的总体评价等次无效：${overall}`);
      overallCounts[overall] += 1;
    }
    return {
      key: target.key,
      name: target.name,
      post: target.post,
      dimensions: dimensionCounts.map((counts) => gradeTally(counts, ballots.length)),
      overall: gradeTally(overallCounts, ballots.length),
    };
  });
}

/**
 * Tallies the ballots of a closed evaluation. `opts.comments` are given per target in the order they should be
 * shown (the caller shuffles them); `targets` is null and no group is shown when fewer than `opts.min` ballots were
 * cast; groups are shown as `groupsToKeep` allows.
 */
export function tallyEvaluation(
  def: EvaluationTallyDefinition,
  ballots: readonly TalliedBallot[],
  opts: { eligible: number; min: number; comments: readonly EvaluationComment[] },
): EvaluationTally {
  const cast = ballots.length;
  const base = {
    eligible: opts.eligible,
    cast,
    participationPermille: permille(cast, opts.eligible),
    participationText: participationText(opts.eligible, cast),
    minGroupSize: opts.min,
  };
  if (cast < opts.min) {
    return { ...base, targets: null, groups: [], hiddenGroupsNote: `实际参评 ${cast} 人，不足 ${opts.min} 人，不公布测评结果` };
  }
  const counts: GroupCounts = {};
  for (const b of ballots) {
    const key = b.voterGroup ?? 'none';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const kept = groupsToKeep(counts, opts.min);
  const targets = targetFigures(def, ballots).map((figures) => ({
    ...figures,
    comments: opts.comments.filter((c) => c.targetKey === figures.key).map((c) => c.body),
  }));
  const groups = EVALUATION_GROUPS.filter((g) => kept.has(g)).map((group) => {
    const own = ballots.filter((b) => b.voterGroup === group);
    return { group, label: EVALUATION_GROUP_LABELS[group], cast: own.length, targets: targetFigures(def, own) };
  });
  return { ...base, targets, groups, hiddenGroupsNote: hiddenGroupsNote(counts, kept, opts.min) };
}
