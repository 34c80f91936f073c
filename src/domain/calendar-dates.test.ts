import { describe, expect, it } from 'vitest';
import { chineseDate, compareItemTime, dayParts, describeItemTime, monthGroups, type ItemTime } from './calendar-dates.js';

const month = (startDate: string, endDate: string): ItemTime => ({ dateKind: 'month', startDate, endDate });
const date = (startDate: string): ItemTime => ({ dateKind: 'date', startDate, endDate: startDate });
const range = (startDate: string, endDate: string): ItemTime => ({ dateKind: 'range', startDate, endDate });

describe('describeItemTime', () => {
  it('names a single month', () => {
    expect(describeItemTime(month('2026-03-01', '2026-03-31'))).toBe('3月');
    expect(describeItemTime(month('2026-12-01', '2026-12-31'))).toBe('12月');
  });

  it('names a span of months within one year as 7—8月', () => {
    expect(describeItemTime(month('2026-07-01', '2026-08-31'))).toBe('7—8月');
    expect(describeItemTime(month('2026-01-01', '2026-02-28'))).toBe('1—2月');
  });

  it('reads only the months of a month item, whatever days it carries', () => {
    expect(describeItemTime(month('2026-07-15', '2026-08-01'))).toBe('7—8月');
  });

  it('gives the years when a span of months crosses New Year', () => {
    expect(describeItemTime(month('2025-12-01', '2026-01-31'))).toBe('2025年12月—2026年1月');
  });

  it('names a day as 3月8日', () => {
    expect(describeItemTime(date('2026-03-08'))).toBe('3月8日');
    expect(describeItemTime(date('2024-02-29'))).toBe('2月29日');
  });

  it('reads the start of a date item even if its end differs', () => {
    expect(describeItemTime({ dateKind: 'date', startDate: '2026-03-08', endDate: '2026-03-09' })).toBe('3月8日');
  });

  it('names a range of days with both ends, across months too', () => {
    expect(describeItemTime(range('2026-03-08', '2026-03-12'))).toBe('3月8日—3月12日');
    expect(describeItemTime(range('2026-03-28', '2026-04-03'))).toBe('3月28日—4月3日');
  });

  it('names a one-day range as that day', () => {
    expect(describeItemTime(range('2026-05-01', '2026-05-01'))).toBe('5月1日');
  });

  it('gives the years when a range crosses New Year', () => {
    expect(describeItemTime(range('2025-12-30', '2026-01-02'))).toBe('2025年12月30日—2026年1月2日');
  });

  it('refuses malformed dates and ends before starts', () => {
    expect(() => describeItemTime(date('2026-3-8'))).toThrow(RangeError);
    expect(() => describeItemTime(date('2026-02-30'))).toThrow(RangeError);
    expect(() => describeItemTime(range('2026-03-12', '2026-03-08'))).toThrow('结束日期不能早于开始日期');
    expect(() => describeItemTime(month('2026-08-01', '2026-07-31'))).toThrow(RangeError);
  });
});

describe('chineseDate and dayParts', () => {
  it('writes a date line without leading zeros', () => {
    expect(chineseDate('2026-03-01')).toBe('2026年3月1日');
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
  });

  it('splits a date into numbers', () => {
    expect(dayParts('2026-10-01')).toEqual({ year: 2026, month: 10, day: 1 });
  });
});

describe('compareItemTime', () => {
  it('orders by start, then by end', () => {
    const items = [range('2026-03-08', '2026-03-12'), date('2026-03-08'), month('2026-03-01', '2026-04-30'), month('2026-03-01', '2026-03-31')];
    expect([...items].sort(compareItemTime).map(describeItemTime)).toEqual(['3月', '3—4月', '3月8日', '3月8日—3月12日']);
  });
});

describe('monthGroups', () => {
  it('files items under months in date order, a span of months as its own group', () => {
    const items = [
      { ...month('2026-07-01', '2026-08-31'), title: '暑期疗休养' },
      { ...date('2026-03-08'), title: '三八活动' },
      { ...month('2026-04-01', '2026-04-30'), title: '读书节' },
      { ...month('2026-03-01', '2026-03-31'), title: '制定计划' },
      { ...range('2026-03-28', '2026-04-03'), title: '春季运动会' },
      { ...month('2026-07-01', '2026-07-31'), title: '工作总结' },
    ];
    const groups = monthGroups(items);
    expect(groups.map((g) => g.label)).toEqual(['3月', '4月', '7月', '7—8月']);
    expect(groups.map((g) => g.items.map((i) => i.title))).toEqual([
      ['制定计划', '三八活动', '春季运动会'],
      ['读书节'],
      ['工作总结'],
      ['暑期疗休养'],
    ]);
  });

  it('keeps the input order of items with the same time', () => {
    const items = ['甲', '乙', '丙'].map((title) => ({ ...month('2026-05-01', '2026-05-31'), title }));
    expect(monthGroups(items)[0].items.map((i) => i.title)).toEqual(['甲', '乙', '丙']);
  });

  it('keeps months of different years apart, in order, across a school year', () => {
    const groups = monthGroups([date('2026-01-10'), date('2025-12-20'), month('2025-12-01', '2026-01-31'), date('2025-09-10')]);
    expect(groups.map((g) => g.label)).toEqual(['9月', '12月', '2025年12月—2026年1月', '1月']);
  });

  it('gives no groups for no items', () => {
    expect(monthGroups([])).toEqual([]);
  });
});
