import { describe, expect, it } from 'vitest';
import { hardshipLevel, perCapitaMonthlyFen, reviewDueOn } from './hardship.js';

describe('perCapitaMonthlyFen', () => {
  it('divides the year’s net income by 12 and by the household', () => {
    expect(perCapitaMonthlyFen(3_500_000, 575_000, 3)).toBe(81250); // 812.50 元
    expect(perCapitaMonthlyFen(1_200_000, 0, 1)).toBe(100000);
  });

  it('rounds down to the fen', () => {
    expect(perCapitaMonthlyFen(4_079_999, 0, 4)).toBe(84999); // 84 999.979…
    expect(perCapitaMonthlyFen(100, 0, 1)).toBe(8); // 8.33…
  });

  it('is negative when unavoidable costs exceed income, rounding down as well', () => {
    expect(perCapitaMonthlyFen(100, 1300, 1)).toBe(-100);
    expect(perCapitaMonthlyFen(0, 1, 1)).toBe(-1);
  });

  it('refuses a household of no one', () => {
    expect(() => perCapitaMonthlyFen(100, 0, 0)).toThrow(RangeError);
    expect(() => perCapitaMonthlyFen(100, 0, 1.5)).toThrow(RangeError);
  });
});

describe('hardshipLevel', () => {
  // 低保线 850.00 元 per person per month; a household of 4 → 40 800.00 元 a year at exactly the line.
  const L = 85000;
  const atLine = L * 12 * 4;
  const level = (annualIncomeFen: number, unavoidableCostsFen = 0, isAccident = false, povertyLineFen: number | null = L) =>
    hardshipLevel({ annualIncomeFen, unavoidableCostsFen, householdSize: 4, isAccident, povertyLineFen });

  it('below the 低保线 is 深度困难; exactly at it is 相对困难', () => {
    expect(level(atLine - 1)).toBe('deep');
    expect(level(atLine)).toBe('relative');
  });

  it('below twice the line is 相对困难; exactly twice is not', () => {
    expect(level(2 * atLine - 1)).toBe('relative');
    expect(level(2 * atLine)).toBe('none');
  });

  it('measures income net of unavoidable costs', () => {
    expect(level(atLine + 100_000, 100_000)).toBe('relative');
    expect(level(atLine + 100_000, 100_001)).toBe('deep');
  });

  it('a per-capita income of 812.50 元 against a line of 850.00 元 is 深度困难', () => {
    expect(hardshipLevel({ annualIncomeFen: 3_500_000, unavoidableCostsFen: 575_000, householdSize: 3, isAccident: false, povertyLineFen: 85000 })).toBe('deep');
  });

  it('above twice the line: unavoidable costs of exactly 80 % of income are not 意外致困, one fen more is', () => {
    // A low line (10.00 元) keeps these households above twice it, so only the costs decide.
    const big = 100_000_000;
    expect(level(big, 80_000_000, false, 1000)).toBe('none');
    expect(level(big, 80_000_001, false, 1000)).toBe('accident');
  });

  it('a disaster or accident above twice the line is 意外致困', () => {
    expect(level(10 * atLine, 0, true)).toBe('accident');
  });

  it('below the line the income decides, accident or not', () => {
    expect(level(atLine - 1, 0, true)).toBe('deep');
    expect(level(atLine, 0, true)).toBe('relative');
  });

  it('without a 低保线 for the year only 意外致困 or 不符合 can result', () => {
    expect(level(0, 0, false, null)).toBe('none');
    expect(level(10_000, 0, false, null)).toBe('none');
    expect(level(10_000, 8_000, false, null)).toBe('none');
    expect(level(10_000, 8_001, false, null)).toBe('accident');
    expect(level(0, 1, false, null)).toBe('accident');
    expect(level(5_000_000, 0, true, null)).toBe('accident');
  });

  it('a 低保线 of 0 makes only a negative net income 深度困难', () => {
    expect(level(0, 0, false, 0)).toBe('none');
    expect(level(0, 1, false, 0)).toBe('deep');
  });

  it('scales the line with the household', () => {
    const one = { annualIncomeFen: L * 12, unavoidableCostsFen: 0, isAccident: false, povertyLineFen: L };
    expect(hardshipLevel({ ...one, householdSize: 1 })).toBe('relative');
    expect(hardshipLevel({ ...one, householdSize: 2 })).toBe('deep');
  });
});

describe('reviewDueOn', () => {
  it('is the same day a year after approval', () => {
    expect(reviewDueOn('2026-03-15')).toBe('2027-03-15');
    expect(reviewDueOn('2026-12-31')).toBe('2027-12-31');
    expect(reviewDueOn('2027-02-28')).toBe('2028-02-28');
  });

  it('29 February moves to 28 February', () => {
    expect(reviewDueOn('2028-02-29')).toBe('2029-02-28');
  });
});
