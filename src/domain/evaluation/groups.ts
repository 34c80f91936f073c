import { EVALUATION_GROUPS, EVALUATION_GROUP_LABELS, type EvaluationGroup } from '../../contracts/evaluations.js';
import type { POST_TYPES } from '../../contracts/members.js';

/**
 * Voters' groups in an evaluation's results (DOMAIN.md §4 "Evaluation": no breakdown by a group smaller than the
 * minimum, [default] 5). Hiding the small groups is not enough: with the total shown, the hidden ballots are the
 * total minus the shown groups, so they must be none or at least the minimum too — else the smallest shown group is
 * hidden as well, and so on (decision 012).
 */

/** The post types on a member's file; a file without one is in 'other'. */
export type PostType = (typeof POST_TYPES)[number];

/** The evaluation group of a member's post type (null → 'other'). */
export function groupOfPostType(postType: PostType | null): EvaluationGroup {
  return postType ?? 'other';
}

/** Counts per group; 'none' counts ballots that carry no group. */
export type GroupCounts = Partial<Record<EvaluationGroup | 'none', number>>;

function assertMin(min: number): void {
  if (!Number.isInteger(min) || min < 1) throw new RangeError(`最少分组人数应为正整数：${min}`);
}

/**
 * The groups whose figures may be shown: every group with at least `min`, then, while the rest (hidden groups and
 * 'none' together) is between 1 and min − 1, the smallest shown group is hidden too (of equal ones the later in
 * 教师, 职员, 工勤, 其他 order). So the rest is 0 or ≥ min and cannot be had by subtraction from the total.
 * {teacher 60, staff 8, worker 2} at 5 → {teacher}; {teacher 60, worker 2} → {}.
 */
export function groupsToKeep(counts: GroupCounts, min: number): Set<EvaluationGroup> {
  assertMin(min);
  const countOf = (key: EvaluationGroup | 'none') => {
    const n = counts[key] ?? 0;
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`分组人数应为不小于 0 的整数：${key} ${n}`);
    return n;
  };
  const kept = EVALUATION_GROUPS.filter((g) => countOf(g) >= min);
  let rest = countOf('none') + EVALUATION_GROUPS.filter((g) => !kept.includes(g)).reduce((sum, g) => sum + countOf(g), 0);
  while (rest > 0 && rest < min && kept.length > 0) {
    let smallest = kept[0];
    for (const g of kept) if (countOf(g) <= countOf(smallest)) smallest = g;
    kept.splice(kept.indexOf(smallest), 1);
    rest += countOf(smallest);
  }
  return new Set(kept);
}

/**
 * The groups recorded on ballots, decided from the roll when it is fixed: the same rule over the roll's counts, so
 * that a ballot never carries the group of fewer than `min` voters, and the voters without a recorded group are
 * none or at least `min`.
 */
export function recordedGroups(rollCounts: Partial<Record<EvaluationGroup, number>>, min: number): Set<EvaluationGroup> {
  return groupsToKeep(rollCounts, min);
}

/**
 * Why groups with ballots are missing from the breakdown, or null when none is:
 * "工勤、其他 参评人数不足 5 人，不单独列出；为免从合计中推算，职员 也不单独列出".
 */
export function hiddenGroupsNote(counts: GroupCounts, kept: ReadonlySet<EvaluationGroup>, min: number): string | null {
  const hidden = EVALUATION_GROUPS.filter((g) => (counts[g] ?? 0) > 0 && !kept.has(g));
  const small = hidden.filter((g) => (counts[g] ?? 0) < min);
  const forced = hidden.filter((g) => (counts[g] ?? 0) >= min);
  const labels = (gs: EvaluationGroup[]) => gs.map((g) => EVALUATION_GROUP_LABELS[g]).join('、');
  const parts: string[] = [];
  if (small.length > 0) parts.push(`${labels(small)} 参评人数不足 ${min} 人，不单独列出`);
  else if ((counts.none ?? 0) > 0) parts.push(`所在类别人数不足 ${min} 人的参评人员，不单独列出`);
  if (forced.length > 0) parts.push(`为免从合计中推算，${labels(forced)} 也不单独列出`);
  return parts.length > 0 ? parts.join('；') : null;
}
