import { Lunar, LunarMonth, Solar } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import { addDays } from './deadlines.js';
import { birthdayInYear, upcomingBirthdays } from './birthdays.js';

/*
 * Lunar dates below were read from lunar-typescript and checked against the published calendars where they fall on
 * a festival: 中秋 2024-09-17, 2025-10-06, 2026-09-25; 四月初八 (浴佛节) 2021-05-19, 2022-05-08, 2023-05-26;
 * 腊八 2026-01-26; 春节 1990-01-27 and 2026-02-17.
 */

describe('solar birthdays', () => {
  it('keep their month and day', () => {
    expect(birthdayInYear('1985-03-02', false, 2026)).toEqual({ date: '2026-03-02', lunarText: null });
    expect(birthdayInYear('1970-12-31', false, 2027)).toEqual({ date: '2027-12-31', lunarText: null });
  });

  it('29 February is kept in leap years and becomes 28 February in common years', () => {
    expect(birthdayInYear('2000-02-29', false, 2026)).toEqual({ date: '2026-02-28', lunarText: null });
    expect(birthdayInYear('2000-02-29', false, 2028)).toEqual({ date: '2028-02-29', lunarText: null });
    expect(birthdayInYear('2000-02-29', false, 2100)).toEqual({ date: '2100-02-28', lunarText: null });
    expect(birthdayInYear('1996-02-29', false, 2000)).toEqual({ date: '2000-02-29', lunarText: null });
  });
});

describe('lunar birthdays', () => {
  it('a birth on 八月十五 falls on 中秋 every year', () => {
    expect(birthdayInYear('1990-10-03', true, 2024)).toEqual({ date: '2024-09-17', lunarText: '农历八月十五' });
    expect(birthdayInYear('1990-10-03', true, 2025)).toEqual({ date: '2025-10-06', lunarText: '农历八月十五' });
    expect(birthdayInYear('1990-10-03', true, 2026)).toEqual({ date: '2026-09-25', lunarText: '农历八月十五' });
  });

  it('a birth on 正月初一 falls on 春节', () => {
    expect(birthdayInYear('1990-01-27', true, 2026)).toEqual({ date: '2026-02-17', lunarText: '农历正月初一' });
  });

  it('a birth in 闰四月 (2020) is kept in the ordinary 四月', () => {
    // 2020-05-30 is 闰四月初八.
    expect(birthdayInYear('2020-05-30', true, 2021)).toEqual({ date: '2021-05-19', lunarText: '农历四月初八' });
    expect(birthdayInYear('2020-05-30', true, 2022)).toEqual({ date: '2022-05-08', lunarText: '农历四月初八' });
    expect(birthdayInYear('2020-05-30', true, 2023)).toEqual({ date: '2023-05-26', lunarText: '农历四月初八' });
    expect(birthdayInYear('2020-05-30', true, 2026)).toEqual({ date: '2026-05-24', lunarText: '农历四月初八' });
  });

  it('a birth on 闰八月十五 (1995) is celebrated on 中秋', () => {
    expect(birthdayInYear('1995-10-09', true, 2025)).toEqual({ date: '2025-10-06', lunarText: '农历八月十五' });
    expect(birthdayInYear('1995-10-09', true, 2026)).toEqual({ date: '2026-09-25', lunarText: '农历八月十五' });
  });

  it('a birth in 闰二月 (2023) is kept in 二月', () => {
    // 2023-04-05 is 闰二月十五.
    expect(birthdayInYear('2023-04-05', true, 2024)).toEqual({ date: '2024-03-24', lunarText: '农历二月十五' });
    expect(birthdayInYear('2023-04-05', true, 2026)).toEqual({ date: '2026-04-02', lunarText: '农历二月十五' });
  });

  it('in a year that has the same leap month again (2025 闰六月), the ordinary month is used', () => {
    // 2017-08-21 is 闰六月三十; in 2025 the ordinary 六月 (30 days) comes before the 闰六月.
    expect(birthdayInYear('2017-08-21', true, 2025)).toEqual({ date: '2025-07-24', lunarText: '农历六月三十' });
  });

  it('day 30 becomes day 29 in a year whose month has 29 days', () => {
    // Born 1979 闰六月三十 (1979-08-22) and 2017 闰六月三十 (2017-08-21): 六月 has 29 days in 2021, 2023, 2024, 2027.
    for (const born of ['1979-08-22', '2017-08-21']) {
      expect(birthdayInYear(born, true, 2021), born).toEqual({ date: '2021-08-07', lunarText: '农历六月廿九' });
      expect(birthdayInYear(born, true, 2022), born).toEqual({ date: '2022-07-28', lunarText: '农历六月三十' });
      expect(birthdayInYear(born, true, 2023), born).toEqual({ date: '2023-08-15', lunarText: '农历六月廿九' });
      expect(birthdayInYear(born, true, 2026), born).toEqual({ date: '2026-08-12', lunarText: '农历六月三十' });
      expect(birthdayInYear(born, true, 2027), born).toEqual({ date: '2027-08-01', lunarText: '农历六月廿九' });
    }
  });

  it('a 腊月 birthday falls in January or February of the year', () => {
    // Born 1986-01-17, 农历1985年腊月初八.
    expect(birthdayInYear('1986-01-17', true, 2026)).toEqual({ date: '2026-01-26', lunarText: '农历腊月初八' });
    expect(birthdayInYear('1986-01-17', true, 2027)).toEqual({ date: '2027-01-15', lunarText: '农历腊月初八' });
  });

  it('a late 冬月 birthday falling twice in one year gives the first; falling in none, the next one', () => {
    // Born 1986-01-08, 农历1985年冬月廿八: 2016-01-07 and 2016-12-26, then 2018-01-14 (none in 2017).
    expect(birthdayInYear('1986-01-08', true, 2016)).toEqual({ date: '2016-01-07', lunarText: '农历冬月廿八' });
    expect(birthdayInYear('1986-01-08', true, 2017)).toEqual({ date: '2018-01-14', lunarText: '农历冬月廿八' });
    expect(birthdayInYear('1986-01-08', true, 2026)).toEqual({ date: '2026-01-16', lunarText: '农历冬月廿八' });
  });
});

describe('lunar birthdays against lunar-typescript’s own conversion', () => {
  /** The birthday in 2026 computed with the library's Lunar objects, date by date. */
  function expected2026(birthDate: string): string {
    const [y, m, d] = birthDate.split('-').map(Number);
    const born = Solar.fromYmd(y, m, d).getLunar();
    const month = Math.abs(born.getMonth());
    const dates = [2025, 2026].map((ly) => Lunar.fromYmd(ly, month, Math.min(born.getDay(), LunarMonth.fromYm(ly, month)!.getDayCount())).getSolar().toYmd());
    return dates.find((date) => date.startsWith('2026')) ?? dates[1];
  }

  it('agrees for a birth every 41 days from 1950 to 2010', () => {
    for (let birth = '1950-01-01'; birth < '2010-12-31'; birth = addDays(birth, 41)) {
      expect(birthdayInYear(birth, true, 2026).date, birth).toBe(expected2026(birth));
    }
  });
});

describe('upcomingBirthdays', () => {
  const m = (name: string, birthDate: string | null, isLunar = false) => ({ name, birthDate, isLunar });

  it('lists a week across the year end with next year’s dates, sorted by date, same-day members in their order', () => {
    const members = [
      m('甲', '1980-01-02'),
      m('乙', '1975-12-30'),
      m('丙', '1986-01-03', true), // 农历冬月廿三 → 2026-12-31
      m('丁', '1986-01-05', true), // 农历冬月廿五 → 2027-01-02
      m('戊', '1990-01-04'),
      m('己', null),
      m('庚', '1986-01-17', true), // 腊月初八 → 2027-01-15
      m('辛', '1970-12-27'),
    ];
    const week = upcomingBirthdays(members, '2026-12-28', '2027-01-03');
    expect(week.map((b) => [b.name, b.date, b.lunarText])).toEqual([
      ['乙', '2026-12-30', null],
      ['丙', '2026-12-31', '农历冬月廿三'],
      ['甲', '2027-01-02', null],
      ['丁', '2027-01-02', '农历冬月廿五'],
    ]);
  });

  it('includes the first and the last day of the range', () => {
    const members = [m('甲', '1980-03-01'), m('乙', '1980-03-31'), m('丙', '1980-02-29'), m('丁', '1980-04-01')];
    expect(upcomingBirthdays(members, '2026-03-01', '2026-03-31').map((b) => b.name)).toEqual(['甲', '乙']);
  });

  it('puts a 29 February birthday on the 28th in a common year’s February and on the 29th in a leap year’s', () => {
    const members = [m('甲', '2000-02-29'), m('乙', '1990-01-27', true)];
    expect(upcomingBirthdays(members, '2026-02-01', '2026-02-28').map((b) => [b.name, b.date])).toEqual([
      ['乙', '2026-02-17'],
      ['甲', '2026-02-28'],
    ]);
    expect(upcomingBirthdays(members, '2028-02-23', '2028-02-29').map((b) => [b.name, b.date])).toEqual([['甲', '2028-02-29']]);
  });

  it('finds a lunar birthday in whichever of its two dates of the year the range holds, once', () => {
    const member = [m('甲', '1986-01-08', true)];
    expect(upcomingBirthdays(member, '2016-01-01', '2016-01-31').map((b) => b.date)).toEqual(['2016-01-07']);
    expect(upcomingBirthdays(member, '2016-12-01', '2016-12-31').map((b) => b.date)).toEqual(['2016-12-26']);
    expect(upcomingBirthdays(member, '2016-01-01', '2016-12-31').map((b) => b.date)).toEqual(['2016-01-07']);
    expect(upcomingBirthdays(member, '2017-01-01', '2017-12-31')).toEqual([]);
  });

  it('keeps the members’ own fields and is empty for an empty roster', () => {
    const [b] = upcomingBirthdays([{ id: 'x', birthDate: '1990-10-03', isLunar: true }], '2026-09-21', '2026-09-27');
    expect(b).toEqual({ id: 'x', birthDate: '1990-10-03', isLunar: true, date: '2026-09-25', lunarText: '农历八月十五' });
    expect(upcomingBirthdays([], '2026-01-01', '2026-12-31')).toEqual([]);
  });
});
