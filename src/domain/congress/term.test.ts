import { describe, expect, it } from 'vitest';
import { termEndsOn } from './term.js';

describe('termEndsOn', () => {
  it('ends the day before the same date 3 or 5 years later', () => {
    expect(termEndsOn('2026-09-01', 3)).toBe('2029-08-31');
    expect(termEndsOn('2026-09-01', 5)).toBe('2031-08-31');
    expect(termEndsOn('2026-01-01', 5)).toBe('2030-12-31');
    expect(termEndsOn('2026-03-15', 3)).toBe('2029-03-14');
  });

  it('ends on 29 February when the day before the anniversary is a leap day', () => {
    expect(termEndsOn('2025-03-01', 3)).toBe('2028-02-29');
    expect(termEndsOn('2023-03-01', 5)).toBe('2028-02-29');
    expect(termEndsOn('2026-03-01', 3)).toBe('2029-02-28');
  });

  it('a term starting on 29 February ends on 28 February of a common year', () => {
    expect(termEndsOn('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEndsOn('2024-02-29', 5)).toBe('2029-02-28');
  });

  it('refuses any other length and a malformed date', () => {
    expect(() => termEndsOn('2026-09-01', 4 as 3)).toThrow('每届任期应为 3 年或 5 年');
    expect(() => termEndsOn('2026-02-30', 3)).toThrow(RangeError);
    expect(() => termEndsOn('2026/09/01', 3)).toThrow(RangeError);
  });
});
