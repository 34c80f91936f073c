import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

// 2026-12-03 15:30 in Shanghai.
const now = new Date('2026-12-03T07:30:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('relativeTime', () => {
  it('says 刚刚 within a minute (and for a clock slightly ahead)', () => {
    expect(relativeTime(ago(0), now)).toBe('刚刚');
    expect(relativeTime(ago(59_000), now)).toBe('刚刚');
    expect(relativeTime(ago(-5_000), now)).toBe('刚刚');
  });

  it('counts minutes, then hours the same day', () => {
    expect(relativeTime(ago(MIN), now)).toBe('1 分钟前');
    expect(relativeTime(ago(3 * MIN + 30_000), now)).toBe('3 分钟前');
    expect(relativeTime(ago(59 * MIN), now)).toBe('59 分钟前');
    expect(relativeTime(ago(HOUR), now)).toBe('1 小时前');
    expect(relativeTime(ago(15 * HOUR), now)).toBe('15 小时前'); // 00:30 today
  });

  it('says 昨天 with the clock time for the day before in Shanghai, except within a few hours', () => {
    expect(relativeTime(ago(16 * HOUR), now)).toBe('昨天 23:30');
    expect(relativeTime(ago(24 * HOUR), now)).toBe('昨天 15:30');
    // Just after midnight, an hour ago is still "1 小时前", not "昨天 23:30".
    const earlyMorning = new Date('2026-12-02T16:30:00Z'); // 00:30 on 12-03 in Shanghai
    expect(relativeTime(new Date(earlyMorning.getTime() - HOUR).toISOString(), earlyMorning)).toBe('1 小时前');
  });

  it('counts days within a week, then shows the date, with the year when it differs', () => {
    expect(relativeTime(ago(2 * 24 * HOUR), now)).toBe('2 天前');
    expect(relativeTime(ago(6 * 24 * HOUR), now)).toBe('6 天前');
    expect(relativeTime(ago(7 * 24 * HOUR), now)).toBe('11月26日');
    expect(relativeTime('2025-12-31T15:00:00Z', now)).toBe('2025年12月31日'); // 2025-12-31 23:00 in Shanghai
    expect(relativeTime('2025-12-31T17:00:00Z', now)).toBe('1月1日'); // already 2026 in Shanghai
  });
});
