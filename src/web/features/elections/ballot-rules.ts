import type { BallotMark } from '../../../contracts/elections';

/** A name as typed on a ballot, made comparable: no spaces anywhere, full-width letters and digits made half-width. */
export function normaliseName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

/** What a ballot's 赞成 amount to: listed candidates marked or written in, and other people written in. */
export interface YesCount {
  /** Everyone the ballot says 赞成 to (a listed candidate once, even if both marked and written in). */
  yes: number;
  /** Of those, the people written in who are not already marked 赞成 on the list. */
  writeIns: number;
}

/**
 * Counts the 赞成 of a ballot as the count does: a write-in naming a listed candidate is a 赞成 for them (once),
 * other write-ins count one each (the same name twice once); blank write-in boxes count nothing.
 */
export function countYes(ballot: { marks: Record<string, BallotMark>; writeIns: string[] }, candidates: readonly { id: string; name: string }[]): YesCount {
  const yes = new Set(candidates.filter((c) => ballot.marks[c.id] === 'yes').map((c) => c.id));
  const marked = yes.size;
  const byName = new Map(candidates.map((c) => [normaliseName(c.name), c.id]));
  const others = new Set<string>();
  for (const w of ballot.writeIns) {
    const name = normaliseName(w);
    if (!name) continue;
    const id = byName.get(name);
    if (id) yes.add(id);
    else others.add(name);
  }
  return { yes: yes.size + others.size, writeIns: yes.size - marked + others.size };
}

/**
 * Why a ballot is void for too many 赞成, as the voter's live warning and the teller's note: null while it is
 * valid, else e.g. "赞成 5 人（含另选 1 人），多于应选 4 名" — the ballot may still be cast, as on paper.
 */
export function tooManyYesWarning(ballot: { marks: Record<string, BallotMark>; writeIns: string[] }, seats: number, candidates: readonly { id: string; name: string }[]): string | null {
  const { yes, writeIns } = countYes(ballot, candidates);
  if (yes <= seats) return null;
  return `赞成 ${yes} 人${writeIns ? `（含另选 ${writeIns} 人）` : ''}，多于应选 ${seats} 名`;
}

/** The marks actually sent: only 赞成 and 不赞成 (an unmarked candidate is 弃权 anyway), for candidates of the round. */
export function ballotMarks(marks: Record<string, BallotMark | undefined>, candidateIds: readonly string[]): Record<string, BallotMark> {
  const out: Record<string, BallotMark> = {};
  for (const id of candidateIds) {
    const m = marks[id];
    if (m) out[id] = m;
  }
  return out;
}

/** The write-in names sent: typed ones only, trimmed, each name once. */
export function cleanWriteIns(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const name = n.trim();
    const key = normaliseName(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
