import { describe, expect, it } from 'vitest';
import { FESTIVAL_NAMES, festivalSuggestions, festivalsOf, type FestivalName } from './festivals.js';

/** The festivals of a year as name → date. */
function datesOf(year: number): Record<FestivalName, string> {
  return Object.fromEntries(festivalsOf(year).map((f) => [f.name, f.date])) as Record<FestivalName, string>;
}

describe('festivalsOf', () => {
  it('puts the lunar festivals of 2026 on their dates (DOMAIN.md §4)', () => {
    expect(datesOf(2026)).toMatchObject({
      春节: '2026-02-17',
      元宵: '2026-03-03',
      清明: '2026-04-05',
      端午: '2026-06-19',
      中秋: '2026-09-25',
      重阳: '2026-10-18',
    });
  });

  it('puts the lunar festivals of 2024 on their dates', () => {
    expect(datesOf(2024)).toMatchObject({
      春节: '2024-02-10',
      元宵: '2024-02-24',
      清明: '2024-04-04',
      端午: '2024-06-10',
      中秋: '2024-09-17',
      重阳: '2024-10-11',
    });
  });

  it('puts the lunar festivals of 2025 on their dates (a year with a leap sixth month)', () => {
    expect(datesOf(2025)).toMatchObject({
      春节: '2025-01-29',
      元宵: '2025-02-12',
      清明: '2025-04-04',
      端午: '2025-05-31',
      中秋: '2025-10-06',
      重阳: '2025-10-29',
    });
  });

  it('takes the ordinary month, not the leap one, in years with a leap month before it', () => {
    // 2020 had a leap fourth month, 2023 a leap second month.
    expect(datesOf(2020).端午).toBe('2020-06-25');
    expect(datesOf(2023).端午).toBe('2023-06-22');
    expect(datesOf(2023).中秋).toBe('2023-09-29');
  });

  it('keeps the fixed festivals on their days', () => {
    expect(datesOf(2026)).toMatchObject({
      元旦: '2026-01-01',
      三八: '2026-03-08',
      五一: '2026-05-01',
      六一: '2026-06-01',
      教师节: '2026-09-10',
      国庆: '2026-10-01',
    });
  });

  it('gives the twelve festivals with full names and which ones move', () => {
    const festivals = festivalsOf(2026);
    expect(festivals).toHaveLength(12);
    expect(new Set(festivals.map((f) => f.name))).toEqual(new Set(FESTIVAL_NAMES));
    const byName = Object.fromEntries(festivals.map((f) => [f.name, f]));
    expect(byName['三八'].fullName).toBe('三八妇女节');
    expect(byName['五一'].fullName).toBe('五一劳动节');
    expect(byName['重阳'].fullName).toBe('重阳节');
    expect(festivals.filter((f) => f.lunar).map((f) => f.name)).toEqual(['春节', '元宵', '清明', '端午', '中秋', '重阳']);
  });

  it('lists them in date order', () => {
    expect(festivalsOf(2026).map((f) => f.name)).toEqual(['元旦', '春节', '元宵', '三八', '清明', '五一', '六一', '端午', '教师节', '中秋', '国庆', '重阳']);
    expect(festivalsOf(2025).map((f) => f.name)).toEqual(['元旦', '春节', '元宵', '三八', '清明', '五一', '端午', '六一', '教师节', '国庆', '中秋', '重阳']);
  });

  it('keeps two festivals on one day in a fixed order (2020: 中秋 on 国庆)', () => {
    const festivals = festivalsOf(2020);
    expect(festivals.filter((f) => f.date === '2020-10-01').map((f) => f.name)).toEqual(['中秋', '国庆']);
  });

  it('is sorted, inside the year, with all twelve, for every year of the range', () => {
    for (let year = 1950; year <= 2100; year++) {
      const festivals = festivalsOf(year);
      expect(festivals, String(year)).toHaveLength(12);
      const dates = festivals.map((f) => f.date);
      expect(dates, String(year)).toEqual([...dates].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`)), String(year)).toBe(true);
    }
  });

  it('works at the ends of the range: 春节 of 1950 and of 2100 fall inside the year', () => {
    expect(datesOf(1950).春节).toBe('1950-02-17');
    expect(datesOf(2100).春节).toBe('2100-02-09');
    expect(festivalsOf(1950)).toHaveLength(12);
    expect(festivalsOf(2100)).toHaveLength(12);
  });

  it('refuses years outside 1950–2100 and non-integer years', () => {
    for (const year of [1949, 2101, 0, -1, 2026.5, Number.NaN]) {
      expect(() => festivalsOf(year), String(year)).toThrow(RangeError);
    }
    expect(() => festivalsOf(1949)).toThrow('年份应在 1950–2100 之间');
  });
});

describe('festivalSuggestions', () => {
  it('suggests one item per festival, on its date, in date order', () => {
    const suggestions = festivalSuggestions(2026);
    expect(suggestions).toHaveLength(12);
    expect(suggestions.map((s) => [s.festival, s.date])).toEqual(festivalsOf(2026).map((f) => [f.name, f.date]));
  });

  it('words each suggestion as a union schedule would', () => {
    const titles = Object.fromEntries(festivalSuggestions(2026).map((s) => [s.festival, s.title]));
    expect(titles).toMatchObject({
      春节: '春节走访慰问困难职工和退休教职工',
      三八: '“三八”妇女节女教职工活动',
      重阳: '重阳节走访慰问退休教职工',
      中秋: '中秋节慰问教职工',
    });
    expect(new Set(Object.values(titles)).size).toBe(12);
  });

  it('refuses the same years as festivalsOf', () => {
    expect(() => festivalSuggestions(2101)).toThrow(RangeError);
  });
});
