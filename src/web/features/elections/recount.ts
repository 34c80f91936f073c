import type { BallotMark, Tracker } from './elections-types';
import { countYes, normaliseName } from './ballot-rules';

type Counts = { yes: number; no: number; abstain: number };

/** One line of the recount: a candidate (or a person written in) with the published and the recounted totals. */
export interface RecountRow {
  key: string;
  name: string;
  isWriteIn: boolean;
  /** Null when the published result does not list this person at all. */
  published: Counts | null;
  counted: Counts;
  isMatch: boolean;
}

/** The whole recount of a round's published ballots. */
export interface Recount {
  rows: RecountRow[];
  ballots: number;
  valid: number;
  invalid: number;
  /** Whether the numbers of valid and invalid ballots are the published ones. */
  isFiguresMatch: boolean;
  /** Ballots whose 有效 / 无效 does not follow from what they say (only checked when the seats are known). */
  ruleProblems: string[];
  isAllMatch: boolean;
}

const zero = (): Counts => ({ yes: 0, no: 0, abstain: 0 });
const same = (a: Counts, b: Counts) => a.yes === b.yes && a.no === b.no && a.abstain === b.abstain;
const ballotLabel = (b: Tracker['ballots'][number]) => (b.receipt ? `查验码 ${b.receipt}` : `纸质第 ${b.paperNo ?? '?'} 号`);

/**
 * 自行复核: counts the published ballots again, in the browser, by the published rules — every valid ballot gives
 * each listed candidate 赞成 (marked, or written in by name), 不赞成 or 弃权 (unmarked); other names written in
 * count as 赞成 for them — and compares each total with the published one. With the seats known it also checks
 * that no ballot counted as valid has more 赞成 than seats, and that an online ballot counted invalid had.
 */
export function recountTracker(tracker: Tracker, seats: number | null): Recount {
  const candidates = tracker.candidates;
  const byCandidate = new Map(candidates.map((c) => [c.id, zero()]));
  const writeIns = new Map<string, { name: string; counts: Counts }>();
  const ruleProblems: string[] = [];
  let valid = 0;
  for (const b of tracker.ballots) {
    const yes = seats === null ? null : countYes(b, candidates).yes;
    if (b.isVoid) {
      // A paper ballot may be void for being unreadable (废票); an online one only for too many 赞成.
      if (yes !== null && b.receipt && yes <= seats!) ruleProblems.push(`${ballotLabel(b)}：赞成 ${yes} 人，未超过应选 ${seats} 名，却计为无效票`);
      continue;
    }
    if (yes !== null && yes > seats!) ruleProblems.push(`${ballotLabel(b)}：赞成 ${yes} 人，多于应选 ${seats} 名，却计为有效票`);
    valid += 1;
    const written = new Set(b.writeIns.map(normaliseName).filter(Boolean));
    for (const c of candidates) {
      const counts = byCandidate.get(c.id)!;
      const isWritten = written.delete(normaliseName(c.name));
      const mark: BallotMark = isWritten ? 'yes' : (b.marks[c.id] ?? 'abstain');
      counts[mark] += 1;
    }
    for (const name of written) {
      const line = writeIns.get(name) ?? { name, counts: zero() };
      line.counts.yes += 1;
      writeIns.set(name, line);
    }
  }
  const published = tracker.outcome.tallies;
  const rows: RecountRow[] = candidates.map((c) => {
    const p = published.find((t) => t.candidateId === c.id);
    const counted = byCandidate.get(c.id)!;
    const pub = p ? { yes: p.yes, no: p.no, abstain: p.abstain } : null;
    return { key: c.id, name: c.name, isWriteIn: false, published: pub, counted, isMatch: pub !== null && same(pub, counted) };
  });
  const publishedWriteIns = published.filter((t) => t.candidateId === null);
  for (const t of publishedWriteIns) {
    const key = normaliseName(t.name);
    const counted = writeIns.get(key)?.counts ?? zero();
    writeIns.delete(key);
    // Write-ins are only ever 赞成; compare that.
    rows.push({ key: `w:${key}`, name: t.name, isWriteIn: true, published: { yes: t.yes, no: t.no, abstain: t.abstain }, counted, isMatch: t.yes === counted.yes });
  }
  for (const [key, line] of writeIns) rows.push({ key: `w:${key}`, name: line.name, isWriteIn: true, published: null, counted: line.counts, isMatch: false });
  const invalid = tracker.ballots.length - valid;
  const f = tracker.outcome.figures;
  const isFiguresMatch = f.valid === valid && f.invalid === invalid;
  return {
    rows,
    ballots: tracker.ballots.length,
    valid,
    invalid,
    isFiguresMatch,
    ruleProblems,
    isAllMatch: isFiguresMatch && ruleProblems.length === 0 && rows.every((r) => r.isMatch),
  };
}
