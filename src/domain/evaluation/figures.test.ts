import { describe, expect, it } from 'vitest';
import { participationText, percentText, permille } from './figures.js';

describe('permille', () => {
  it('rounds to whole ‰, half up', () => {
    expect(permille(2, 3)).toBe(667);
    expect(permille(1, 3)).toBe(333);
    expect(permille(1, 8)).toBe(125);
    expect(permille(1, 16)).toBe(63); // 62.5
    expect(permille(3, 16)).toBe(188); // 187.5
    expect(permille(1, 2000)).toBe(1); // 0.5
    expect(permille(1, 2001)).toBe(0); // 0.4998
    expect(permille(60, 67)).toBe(896); // 895.52
  });

  it('is 0 and 1000 at the ends, and 0 of nobody', () => {
    expect(permille(0, 67)).toBe(0);
    expect(permille(67, 67)).toBe(1000);
    expect(permille(0, 0)).toBe(0);
  });

  it('is within half a ‰ of the exact share, rounding halves up, for every share up to 200', () => {
    for (let whole = 1; whole <= 200; whole++) {
      for (let part = 0; part <= whole; part++) {
        const p = permille(part, whole);
        // p − ½ ≤ part·1000/whole < p + ½, in integers
        expect((2 * p - 1) * whole <= 2000 * part && 2000 * part < (2 * p + 1) * whole, `${part}/${whole}`).toBe(true);
      }
    }
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => permille(-1, 5)).toThrow(RangeError);
    expect(() => permille(1, 2.5)).toThrow(RangeError);
  });
});

describe('participationText', () => {
  it('gives eligible, cast and the rate with one decimal', () => {
    expect(participationText(67, 60)).toBe('应参评 67 人，实际参评 60 人，参评率 89.6%');
    expect(participationText(67, 67)).toBe('应参评 67 人，实际参评 67 人，参评率 100.0%');
    expect(participationText(67, 0)).toBe('应参评 67 人，实际参评 0 人，参评率 0.0%');
    expect(participationText(3, 1)).toBe('应参评 3 人，实际参评 1 人，参评率 33.3%');
  });

  it('gives no rate with nobody eligible', () => {
    expect(participationText(0, 0)).toBe('应参评 0 人，实际参评 0 人');
  });

  it('prints ‰ as a percentage', () => {
    expect(percentText(896)).toBe('89.6%');
    expect(percentText(5)).toBe('0.5%');
    expect(percentText(1000)).toBe('100.0%');
  });
});
