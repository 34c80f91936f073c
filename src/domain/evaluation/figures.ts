/**
 * Participation figures of an evaluation (DOMAIN.md §4 "Evaluation": the report gives eligible voters, ballots
 * cast, participation rate, and the share of each grade). Shares are integer ‰ so that one decimal of a percentage
 * is exact and the server, the sheet and the report print the same digits.
 */

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name}应为不小于 0 的整数：${value}`);
}

/** part ÷ whole in whole ‰, rounded half up (2 of 3 → 667, 1 of 8 → 125, 1 of 16 → 63); 0 when whole is 0. */
export function permille(part: number, whole: number): number {
  assertCount(part, '分子');
  assertCount(whole, '分母');
  if (whole === 0) return 0;
  return Math.floor((part * 2000 + whole) / (whole * 2));
}

/** A ‰ figure as a percentage with one decimal: 896 → "89.6%". */
export function percentText(value: number): string {
  return `${Math.floor(value / 10)}.${value % 10}%`;
}

/** "应参评 67 人，实际参评 60 人，参评率 89.6%" (no rate with nobody eligible). */
export function participationText(eligible: number, cast: number): string {
  const base = `应参评 ${eligible} 人，实际参评 ${cast} 人`;
  return eligible === 0 ? base : `${base}，参评率 ${percentText(permille(cast, eligible))}`;
}
