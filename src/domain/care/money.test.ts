import { describe, expect, it } from 'vitest';
import { yuan } from './money.js';

describe('yuan', () => {
  it.each([
    [130000, '1300.00'],
    [0, '0.00'],
    [1, '0.01'],
    [5, '0.05'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [50001, '500.01'],
    [100_000_000, '1000000.00'],
    [-250, '-2.50'],
    [-1, '-0.01'],
  ])('%d fen → %s', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it('refuses a fraction of a fen, which would be a bug upstream', () => {
    expect(() => yuan(12.5)).toThrow(RangeError);
    expect(() => yuan(Number.NaN)).toThrow(RangeError);
  });
});
