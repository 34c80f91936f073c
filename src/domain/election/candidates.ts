import { DIFFERENTIAL_POSITIONS, type ElectionPosition } from '../../contracts/elections.js';
import { quorum } from '../congress/voting.js';

/**
 * Who may stand and when voting may start (DOMAIN.md §4 "Elections"): committee members [firm] with more candidates
 * than seats (差额), at least ⌈seats × percent %⌉ extra [default 5 %]; the other positions may be 等额. Voting starts
 * only with two thirds of those due to attend present.
 */

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name}应为不小于 0 的整数：${value}`);
}

/** ⌈seats × percent / 100⌉ in integers (7 seats at 5 % → 1; 21 → 2; 41 → 3). */
export function extraCandidatesNeeded(seats: number, percent: number): number {
  assertCount(seats, '应选名额');
  assertCount(percent, '差额比例');
  return Math.floor((seats * percent + 99) / 100);
}

/** Whether the position must be elected with more candidates than seats (差额). */
export function isDifferential(position: ElectionPosition): boolean {
  return DIFFERENTIAL_POSITIONS.includes(position);
}

/**
 * The extra candidates a position needs: for 差额 positions ⌈seats × percent %⌉ but never fewer than 1 (more
 * candidates than seats is [firm], even with the percentage set to 0); 0 for the others.
 */
function extraFor(position: ElectionPosition, seats: number, percent: number): number {
  return isDifferential(position) ? Math.max(1, extraCandidatesNeeded(seats, percent)) : 0;
}

/** The arithmetic behind the extra number, e.g. "7 × 5% = 0.35，向上取整为 1". */
function extraArithmetic(seats: number, percent: number, extra: number): string {
  const exact = (seats * percent) / 100;
  if (percent === 0) return `差额比例为 0，至少也须多 1 人`;
  if (Number.isInteger(exact) && exact === extra) return `${seats} × ${percent}% = ${exact}`;
  if (extra > extraCandidatesNeeded(seats, percent)) return `${seats} × ${percent}% = ${exact}，至少也须多 1 人`;
  return `${seats} × ${percent}% = ${exact}，向上取整为 ${extra}`;
}

/**
 * The candidate rule of the position in words: "差额选举：应选 7 名，候选人应比应选名额多至少 1 人（7 × 5% = 0.35，
 * 向上取整为 1），即至少 8 名" or "可以等额选举：候选人不少于应选名额 1 名即可".
 */
export function candidateRule(position: ElectionPosition, seats: number, percent: number): string {
  const extra = extraFor(position, seats, percent);
  if (!isDifferential(position)) return `可以等额选举：候选人不少于应选名额 ${seats} 名即可`;
  return `差额选举：应选 ${seats} 名，候选人应比应选名额多至少 ${extra} 人（${extraArithmetic(seats, percent, extra)}），即至少 ${seats + extra} 名`;
}

/**
 * Why the election cannot start with these candidates, or null: no candidate at all; a 差额 position without the
 * extra candidates ("差额选举须有至少 8 名候选人（应选 7 名，多至少 1 人），现有 7 名，还差 1 名"); any position with fewer
 * candidates than seats.
 */
export function startRefusal(position: ElectionPosition, seats: number, candidates: number, percent: number): string | null {
  assertCount(candidates, '候选人数');
  const extra = extraFor(position, seats, percent);
  const needed = seats + extra;
  if (candidates === 0) return '还没有候选人，不能开始选举';
  if (candidates >= needed) return null;
  if (extra > 0) {
    return `差额选举须有至少 ${needed} 名候选人（应选 ${seats} 名，多至少 ${extra} 人），现有 ${candidates} 名，还差 ${needed - candidates} 名`;
  }
  return `候选人 ${candidates} 名，少于应选名额 ${seats} 名，还差 ${needed - candidates} 名`;
}

/**
 * Why voting cannot start, or null when at least two thirds of those due to attend are present:
 * "实到 44 人，未达到应到 67 人的三分之二（45 人），还需 1 人到会才能投票".
 */
export function electionQuorumProblem(present: number, due: number): string | null {
  const q = quorum(present, due);
  if (q.met) return null;
  if (due === 0) return '应到 0 人，没有可以参加投票的人员，不能投票';
  return `实到 ${present} 人，未达到应到 ${due} 人的三分之二（${q.required} 人），还需 ${q.missing} 人到会才能投票`;
}
