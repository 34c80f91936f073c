import { describe, expect, it } from 'vitest';
import {
  copiedTitle,
  monthEnd,
  monthIndex,
  monthStart,
  monthsBetween,
  normaliseItemDates,
  periodLabel,
  placeMonth,
  shiftDateByMonths,
  shiftItemDates,
  suggestItems,
} from './plan-period.js';

const schoolYear = { start: '2025-09-01', end: '2026-08-31' };
const springTerm = { start: '2026-02-01', end: '2026-07-31' };
const placed = (month: number, period = schoolYear) => {
  const p = placeMonth(month, period);
  return { month: monthStart(p.index).slice(0, 7), isOutside: p.isOutside };
};

describe('month arithmetic', () => {
  it('numbers months and gives their first and last days, leap Februaries included', () => {
    expect(monthIndex('2026-03-15') - monthIndex('2025-09-01')).toBe(6);
    expect(monthStart(monthIndex('2026-03-15'))).toBe('2026-03-01');
    expect(monthEnd(monthIndex('2024-02-10'))).toBe('2024-02-29');
    expect(monthEnd(monthIndex('2026-02-10'))).toBe('2026-02-28');
    expect(monthEnd(monthIndex('2025-12-01'))).toBe('2025-12-31');
  });

  it('counts whole months between two dates, backwards as a negative number', () => {
    expect(monthsBetween('2025-09-01', '2026-09-01')).toBe(12);
    expect(monthsBetween('2025-09-30', '2025-10-01')).toBe(1);
    expect(monthsBetween('2026-09-01', '2025-09-01')).toBe(-12);
  });

  it('shifts a day by months, clamping to the end of a shorter month', () => {
    expect(shiftDateByMonths('2025-09-10', 12)).toBe('2026-09-10');
    expect(shiftDateByMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftDateByMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(shiftDateByMonths('2025-02-28', -12)).toBe('2024-02-28');
    expect(shiftDateByMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('normalising month items', () => {
  it('moves a month item to whole months and leaves dated items alone', () => {
    expect(normaliseItemDates({ dateKind: 'month', startDate: '2026-03-15', endDate: '2026-04-02' })).toEqual({ dateKind: 'month', startDate: '2026-03-01', endDate: '2026-04-30' });
    expect(normaliseItemDates({ dateKind: 'month', startDate: '2024-02-29', endDate: '2024-02-29' })).toEqual({ dateKind: 'month', startDate: '2024-02-01', endDate: '2024-02-29' });
    expect(normaliseItemDates({ dateKind: 'range', startDate: '2026-03-15', endDate: '2026-04-02' })).toEqual({ dateKind: 'range', startDate: '2026-03-15', endDate: '2026-04-02' });
  });
});

describe('copying items to a new period', () => {
  it('keeps month items whole months and statuses untouched (the service resets them)', () => {
    expect(shiftItemDates({ dateKind: 'month', startDate: '2025-09-01', endDate: '2025-09-30', status: 'done' }, 12)).toEqual({ dateKind: 'month', startDate: '2026-09-01', endDate: '2026-09-30', status: 'done' });
    // February of a leap year to a common one: the month's last day follows.
    expect(shiftItemDates({ dateKind: 'month', startDate: '2024-01-01', endDate: '2024-02-29' }, 12)).toEqual({ dateKind: 'month', startDate: '2025-01-01', endDate: '2025-02-28' });
    expect(shiftItemDates({ dateKind: 'month', startDate: '2025-02-01', endDate: '2025-02-28' }, 12).endDate).toBe('2026-02-28');
    expect(shiftItemDates({ dateKind: 'month', startDate: '2023-02-01', endDate: '2023-02-28' }, 12).endDate).toBe('2024-02-29');
  });

  it('moves dated items day for day', () => {
    expect(shiftItemDates({ dateKind: 'date', startDate: '2025-09-10', endDate: '2025-09-10' }, 12)).toEqual({ dateKind: 'date', startDate: '2026-09-10', endDate: '2026-09-10' });
    expect(shiftItemDates({ dateKind: 'range', startDate: '2025-12-29', endDate: '2026-01-02' }, 12)).toEqual({ dateKind: 'range', startDate: '2026-12-29', endDate: '2027-01-02' });
  });

  it('gives a copied plan a title with its years moved, or marks it as a copy', () => {
    expect(copiedTitle('2025-2026学年工会工作计划', 12)).toBe('2026-2027学年工会工作计划');
    expect(copiedTitle('2025年工会工作计划', 24)).toBe('2027年工会工作计划');
    expect(copiedTitle('2025-2026学年第一学期计划', 6)).toBe('2025-2026学年第一学期计划（副本）');
    expect(copiedTitle('工会工作计划', 12)).toBe('工会工作计划（副本）');
    expect(copiedTitle('编号120255计划', 12)).toBe('编号120255计划（副本）');
    expect(copiedTitle('计'.repeat(100), 6)).toBe('计'.repeat(100));
  });
});

describe('placing a month named in a plan text inside its period', () => {
  it('puts each month of a school year in the year that keeps it inside', () => {
    expect(placed(9)).toEqual({ month: '2025-09', isOutside: false });
    expect(placed(12)).toEqual({ month: '2025-12', isOutside: false });
    expect(placed(1)).toEqual({ month: '2026-01', isOutside: false });
    expect(placed(3)).toEqual({ month: '2026-03', isOutside: false });
    expect(placed(8)).toEqual({ month: '2026-08', isOutside: false });
  });

  it('does the same for a term', () => {
    expect(placed(3, springTerm)).toEqual({ month: '2026-03', isOutside: false });
    expect(placed(2, springTerm)).toEqual({ month: '2026-02', isOutside: false });
    expect(placed(7, springTerm)).toEqual({ month: '2026-07', isOutside: false });
  });

  it('counts a month the period only partly covers as inside', () => {
    expect(placed(9, { start: '2025-09-15', end: '2026-01-20' })).toEqual({ month: '2025-09', isOutside: false });
    expect(placed(1, { start: '2025-09-15', end: '2026-01-20' })).toEqual({ month: '2026-01', isOutside: false });
  });

  it('puts a month outside the period in the nearest year and says so', () => {
    expect(placed(8, springTerm)).toEqual({ month: '2026-08', isOutside: true });
    expect(placed(1, springTerm)).toEqual({ month: '2026-01', isOutside: true });
    expect(placed(11, springTerm)).toEqual({ month: '2025-11', isOutside: true });
    expect(placed(10, springTerm)).toEqual({ month: '2026-10', isOutside: true });
  });

  it('takes the earliest year when the period is longer than a year', () => {
    expect(placed(3, { start: '2025-01-01', end: '2026-12-31' })).toEqual({ month: '2025-03', isOutside: false });
  });
});

describe('suggesting schedule items from parsed months', () => {
  it('makes one month item per separate month and one for consecutive months', () => {
    const items = suggestItems(
      [
        { text: '制定工作计划', months: [9] },
        { text: '暑期疗休养', months: [7, 8] },
        { text: '教职工体检', months: [3, 5] },
        { text: '迎新年活动', months: [12, 1] },
      ],
      schoolYear,
    );
    expect(items).toEqual([
      { sourceIndex: 0, title: '制定工作计划', dateKind: 'month', startDate: '2025-09-01', endDate: '2025-09-30', outsidePeriod: false },
      { sourceIndex: 1, title: '暑期疗休养', dateKind: 'month', startDate: '2026-07-01', endDate: '2026-08-31', outsidePeriod: false },
      { sourceIndex: 2, title: '教职工体检', dateKind: 'month', startDate: '2026-03-01', endDate: '2026-03-31', outsidePeriod: false },
      { sourceIndex: 2, title: '教职工体检', dateKind: 'month', startDate: '2026-05-01', endDate: '2026-05-31', outsidePeriod: false },
      { sourceIndex: 3, title: '迎新年活动', dateKind: 'month', startDate: '2025-12-01', endDate: '2026-01-31', outsidePeriod: false },
    ]);
  });

  it('flags items with a month outside the period, ignores repeats and impossible months, skips items without months', () => {
    const items = suggestItems(
      [
        { text: '工作总结', months: [7, 8] },
        { text: '读书节', months: [4, 4, 13, 0] },
        { text: '日常工作', months: [] },
      ],
      springTerm,
    );
    expect(items).toEqual([
      { sourceIndex: 0, title: '工作总结', dateKind: 'month', startDate: '2026-07-01', endDate: '2026-08-31', outsidePeriod: true },
      { sourceIndex: 1, title: '读书节', dateKind: 'month', startDate: '2026-04-01', endDate: '2026-04-30', outsidePeriod: false },
    ]);
  });

  it('gives nothing for no items', () => {
    expect(suggestItems([], schoolYear)).toEqual([]);
  });
});

describe('naming a period', () => {
  it('names school years, calendar years and terms as a plan heading does', () => {
    expect(periodLabel('school_year', schoolYear)).toBe('2025—2026学年');
    expect(periodLabel('year', { start: '2026-01-01', end: '2026-12-31' })).toBe('2026年度');
    expect(periodLabel('term', springTerm)).toBe('2026年2月—7月');
    expect(periodLabel('term', { start: '2025-09-01', end: '2026-01-31' })).toBe('2025年9月—2026年1月');
    expect(periodLabel('year', { start: '2026-03-01', end: '2026-03-31' })).toBe('2026年3月');
    expect(periodLabel('school_year', { start: '2025-09-01', end: '2025-12-31' })).toBe('2025年9月—12月');
  });
});
