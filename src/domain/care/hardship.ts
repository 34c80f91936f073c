import type { HardshipLevel } from '../../contracts/care.js';
import { dayParts } from '../calendar-dates.js';

/**
 * 困难职工建档立卡 (DOMAIN.md §4 "Care"): the monthly income per person of a household and the level it gives
 * against the local minimum living standard (低保线 L, per person per month). Money in fen; every comparison is
 * made in whole fen over the year, so no rounding decides a level.
 */

function checkHousehold(householdSize: number): void {
  if (!Number.isInteger(householdSize) || householdSize < 1) throw new RangeError(`家庭人口应为正整数：${householdSize}`);
}

/** (income − unavoidable costs) ÷ 12 ÷ household size, rounded down to the fen; negative when costs exceed income. */
export function perCapitaMonthlyFen(annualIncomeFen: number, unavoidableCostsFen: number, householdSize: number): number {
  checkHousehold(householdSize);
  return Math.floor((annualIncomeFen - unavoidableCostsFen) / (12 * householdSize));
}

/**
 * The level: per-capita income below L → 深度困难; below 2L → 相对困难; otherwise a disaster or accident, or
 * unavoidable costs above 80 % of the year's income → 意外致困; else 不符合. Exactly L is 相对困难, exactly 2L is not
 * 相对困难, costs of exactly 80 % are not 意外致困. Without a 低保线 for the year only 意外致困 or 不符合 can result.
 */
export function hardshipLevel(f: {
  annualIncomeFen: number;
  unavoidableCostsFen: number;
  householdSize: number;
  isAccident: boolean;
  povertyLineFen: number | null;
}): HardshipLevel {
  checkHousehold(f.householdSize);
  const net = f.annualIncomeFen - f.unavoidableCostsFen;
  if (f.povertyLineFen !== null) {
    const lineForYear = f.povertyLineFen * 12 * f.householdSize;
    if (net < lineForYear) return 'deep';
    if (net < 2 * lineForYear) return 'relative';
  }
  if (f.isAccident || 5 * f.unavoidableCostsFen > 4 * f.annualIncomeFen) return 'accident';
  return 'none';
}

/** The yearly review date of a file approved on a day: the same day a year later, 29 February → 28 February. */
export function reviewDueOn(approvedOn: string): string {
  const { year, month, day } = dayParts(approvedOn);
  const d = month === 2 && day === 29 ? 28 : day;
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
