import { ageOn } from '../dates.js';

/**
 * The composition of a term's representatives against its policy (DOMAIN.md §4 "Congress" [default]: teachers ≥ 60 %,
 * leaders 中层以上 ≤ 20 %), shown with the numbers as warnings, never as blocks. Only representatives count:
 * invited (特邀) and attending-only (列席) people have no vote and are left out of every figure.
 */

/** What composition needs to know about one mandate (the caller passes the active ones). */
export interface CompositionRep {
  category: 'teacher' | 'staff' | 'worker';
  isLeader: boolean;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  kind: 'representative' | 'invited' | 'observer';
}

/** Age bands of the composition table, youngest first; `maxAge` null is open-ended. */
const AGE_BANDS: readonly { label: string; maxAge: number | null }[] = [
  { label: '35岁及以下', maxAge: 35 },
  { label: '36—45岁', maxAge: 45 },
  { label: '46—55岁', maxAge: 55 },
  { label: '56岁及以上', maxAge: null },
];

/** Shown after the age bands only when some representative's member file has no birth date. */
const AGE_UNKNOWN_LABEL = '出生日期未填';

/** n / d in tenths of a percent, rounded the given way. */
function tenths(n: number, d: number, mode: 'round' | 'floor' | 'ceil'): number {
  const exact = (n * 1000) / d;
  return mode === 'round' ? Math.round(exact) : mode === 'floor' ? Math.floor(exact) : Math.ceil(exact);
}

/** 612 → "61.2", 600 → "60". */
function percentText(t: number): string {
  return t % 10 === 0 ? String(t / 10) : `${Math.floor(t / 10)}.${t % 10}`;
}

/**
 * "教师代表 41 / 67 = 61.2%（不低于 60%）✓". A share just under the minimum is rounded down, so that 59.97 % reads
 * 59.9 % and never "60%" next to a ✗.
 */
function teacherCheck(teachers: number, total: number, min: number): { rule: 'teachers'; ok: boolean; text: string } {
  if (total === 0) return { rule: 'teachers', ok: false, text: `尚无代表，无法核对教师代表比例（应不低于 ${min}%）` };
  const ok = teachers * 100 >= min * total;
  let t = tenths(teachers, total, 'round');
  if (!ok && t >= min * 10) t = tenths(teachers, total, 'floor');
  const share = `教师代表 ${teachers} / ${total} = ${percentText(t)}%`;
  return { rule: 'teachers', ok, text: ok ? `${share}（不低于 ${min}%）✓` : `${share}（应不低于 ${min}%）✗` };
}

/** "中层以上 12 / 67 = 17.9%（不超过 20%）✓"; a share just over the maximum is rounded up (20.01 % reads 20.1 %). */
function leaderCheck(leaders: number, total: number, max: number): { rule: 'leaders'; ok: boolean; text: string } {
  if (total === 0) return { rule: 'leaders', ok: false, text: `尚无代表，无法核对中层以上比例（应不超过 ${max}%）` };
  const ok = leaders * 100 <= max * total;
  let t = tenths(leaders, total, 'round');
  if (!ok && t <= max * 10) t = tenths(leaders, total, 'ceil');
  const share = `中层以上 ${leaders} / ${total} = ${percentText(t)}%`;
  return { rule: 'leaders', ok, text: ok ? `${share}（不超过 ${max}%）✓` : `${share}（应不超过 ${max}%）✗` };
}

/**
 * Counts of the voting representatives (total, teachers, leaders, women), the two policy checks with their
 * arithmetic, and age bands on `today` (YYYY-MM-DD): 35岁及以下, 36—45岁, 46—55岁, 56岁及以上 always (zero included),
 * then 出生日期未填 when any birth date is missing. With no representatives both checks fail, saying why.
 */
export function composition(
  reps: readonly CompositionRep[],
  policy: { teacherMinPercent: number; leaderMaxPercent: number },
  today: string,
): {
  total: number;
  teachers: number;
  leaders: number;
  women: number;
  checks: { rule: 'teachers' | 'leaders'; ok: boolean; text: string }[];
  ageBands: { label: string; count: number }[];
} {
  const voting = reps.filter((r) => r.kind === 'representative');
  const total = voting.length;
  const teachers = voting.filter((r) => r.category === 'teacher').length;
  const leaders = voting.filter((r) => r.isLeader).length;
  const women = voting.filter((r) => r.gender === 'F').length;

  const ageBands = AGE_BANDS.map((b) => ({ label: b.label, count: 0 }));
  let unknown = 0;
  for (const r of voting) {
    if (r.birthDate === null) {
      unknown += 1;
      continue;
    }
    const age = ageOn(r.birthDate, today);
    const index = AGE_BANDS.findIndex((b) => b.maxAge === null || age <= b.maxAge);
    ageBands[index].count += 1;
  }
  if (unknown > 0) ageBands.push({ label: AGE_UNKNOWN_LABEL, count: unknown });

  return {
    total,
    teachers,
    leaders,
    women,
    checks: [teacherCheck(teachers, total, policy.teacherMinPercent), leaderCheck(leaders, total, policy.leaderMaxPercent)],
    ageBands,
  };
}
