import { BALLOT_MARK_LABELS, type BallotMark } from '../../contracts/elections.js';
import { normaliseName, type ElectionBallot, type RoundCandidate } from './ballot.js';

/**
 * Checking the two entries of one paper ballot (DOMAIN.md §4 "Elections": paper ballots are entered twice by
 * different people and must match). Differences are told per candidate, as the tellers hold the paper in front of
 * them: "张三：第一次录入 赞成，第二次录入 弃权".
 */

const markOf = (entry: Pick<ElectionBallot, 'marks'>, id: string): BallotMark => (Object.hasOwn(entry.marks, id) ? entry.marks[id] : 'abstain');

/** The written-in names of an entry, normalised, without repeats, sorted so that two entries compare as sets. */
function writeInSet(entry: Pick<ElectionBallot, 'writeIns'>): string[] {
  return [...new Set(entry.writeIns.map(normaliseName).filter((n) => n !== ''))].sort();
}

/**
 * Where the first and the second entry of a paper ballot disagree, in words; [] when they match. Unmarked counts
 * as 弃权 (as in the count); write-ins are compared as sets of normalised names; two entries that both call the
 * ballot spoilt (废票) match whatever else they hold, since a spoilt ballot is not read.
 */
export function paperDifferences(a: ElectionBallot, b: ElectionBallot, candidates: readonly RoundCandidate[]): string[] {
  if (a.spoilt !== b.spoilt) {
    return [`废票：第一次录入 ${a.spoilt ? '是废票' : '不是废票'}，第二次录入 ${b.spoilt ? '是废票' : '不是废票'}`];
  }
  if (a.spoilt) return [];
  const differences: string[] = [];
  for (const c of candidates) {
    const first = markOf(a, c.id);
    const second = markOf(b, c.id);
    if (first !== second) differences.push(`${c.name}：第一次录入 ${BALLOT_MARK_LABELS[first]}，第二次录入 ${BALLOT_MARK_LABELS[second]}`);
  }
  const firstNames = writeInSet(a);
  const secondNames = writeInSet(b);
  if (firstNames.join('\n') !== secondNames.join('\n')) {
    const list = (names: string[]) => (names.length > 0 ? names.join('、') : '无');
    differences.push(`另选他人：第一次录入 ${list(firstNames)}，第二次录入 ${list(secondNames)}`);
  }
  return differences;
}
