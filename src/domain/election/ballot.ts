import type { BallotMark } from '../../contracts/elections.js';

/**
 * Reading one election ballot (DOMAIN.md §4 "Elections"): per candidate 赞成 / 不赞成 / 弃权 (unmarked = 弃权) and
 * write-ins (另选他人, each a 赞成 for that person). A ballot with more 赞成, write-ins included, than seats is void.
 */

/** A ballot as the count sees it: online, or a paper ballot as entered (`spoilt`: could not be read, 废票). */
export interface ElectionBallot {
  marks: Record<string, BallotMark>;
  writeIns: readonly string[];
  spoilt: boolean;
}

/** A candidate of the round. */
export interface RoundCandidate {
  id: string;
  name: string;
}

/**
 * A name as typed or read from paper, made comparable: spaces removed (inner ones too, full-width ones too),
 * full-width letters and digits made half-width ("张 三" → "张三", "ＡＢ" → "AB").
 */
export function normaliseName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

/** What a ballot says once write-ins are matched to the listed candidates. */
export interface BallotReading {
  /** The effective mark of every candidate of the round, in the given order. */
  marks: Map<string, BallotMark>;
  /** Write-ins that name nobody on the list, normalised and without repeats, in the order written. */
  writeIns: string[];
}

/**
 * Reads a ballot against the round's candidates: marks for ids outside the round are ignored; a write-in naming
 * exactly one listed candidate is a 赞成 for them (once, even if also marked 赞成, and over a 不赞成 mark); a name
 * shared by two listed candidates cannot be told apart and stays a write-in.
 */
export function readBallot(ballot: Pick<ElectionBallot, 'marks' | 'writeIns'>, candidates: readonly RoundCandidate[]): BallotReading {
  const byName = new Map<string, string[]>();
  for (const c of candidates) {
    const key = normaliseName(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c.id]);
  }
  const marks = new Map<string, BallotMark>();
  for (const c of candidates) marks.set(c.id, Object.hasOwn(ballot.marks, c.id) ? ballot.marks[c.id] : 'abstain');
  const writeIns: string[] = [];
  for (const raw of ballot.writeIns) {
    const name = normaliseName(raw);
    if (name === '') continue;
    const listed = byName.get(name);
    if (listed?.length === 1) marks.set(listed[0], 'yes');
    else if (!writeIns.includes(name)) writeIns.push(name);
  }
  return { marks, writeIns };
}

/**
 * Why a ballot is void, or null when it counts: a spoilt paper ballot, or more 赞成 than seats
 * ("赞成 5 人（含另选 1 人），多于应选 4 名，为无效票").
 */
export function ballotProblem(ballot: ElectionBallot, seats: number, candidates: readonly RoundCandidate[]): string | null {
  if (ballot.spoilt) return '选票无法辨认（废票），为无效票';
  const reading = readBallot(ballot, candidates);
  const listedYes = [...reading.marks.values()].filter((m) => m === 'yes').length;
  const yes = listedYes + reading.writeIns.length;
  if (yes <= seats) return null;
  const writeInPart = reading.writeIns.length > 0 ? `（含另选 ${reading.writeIns.length} 人）` : '';
  return `赞成 ${yes} 人${writeInPart}，多于应选 ${seats} 名，为无效票`;
}
