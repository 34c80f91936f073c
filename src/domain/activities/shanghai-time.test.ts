import { describe, expect, it } from 'vitest';
import { shanghaiWallTime, toShanghaiIso } from './shanghai-time.js';

describe('toShanghaiIso', () => {
  it('writes an instant as Shanghai wall time with the +08:00 offset, seconds kept, milliseconds dropped', () => {
    expect(toShanghaiIso(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01T08:00:00+08:00');
    expect(toShanghaiIso(new Date('2026-12-31T16:00:05.678Z'))).toBe('2027-01-01T00:00:05+08:00');
  });
});

describe('shanghaiWallTime', () => {
  const now = new Date('2026-06-01T12:00:00+08:00');

  it('reads as on a notice: month and day without leading zeros, hours and minutes with', () => {
    expect(shanghaiWallTime(new Date('2026-12-01T08:00:00+08:00'), now)).toBe('12月1日 08:00');
    expect(shanghaiWallTime(new Date('2026-03-08T00:05:00+08:00'), now)).toBe('3月8日 00:05');
    expect(shanghaiWallTime(new Date('2026-03-07T23:59:00Z'), now)).toBe('3月8日 07:59');
  });

  it('adds the year when it is not the current Shanghai year', () => {
    expect(shanghaiWallTime(new Date('2027-01-05T08:00:00+08:00'), now)).toBe('2027年1月5日 08:00');
    expect(shanghaiWallTime(new Date('2025-12-31T23:00:00+08:00'), now)).toBe('2025年12月31日 23:00');
  });
});
