import { describe, expect, it } from 'vitest';
import { isWorkingDay, publicHolidaysOf, replyDueOn } from './working-days.js';

describe('publicHolidaysOf', () => {
  it('lists the holidays of 2026, lunar ones from the calendar', () => {
    expect([...publicHolidaysOf(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
  });

  it('moves 春节, 清明, 端午 and 中秋 with the year', () => {
    const h2025 = publicHolidaysOf(2025);
    for (const day of ['2025-01-29', '2025-01-30', '2025-01-31', '2025-04-04', '2025-05-31', '2025-10-06']) expect(h2025.has(day), day).toBe(true);
    const h2027 = publicHolidaysOf(2027);
    for (const day of ['2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15']) expect(h2027.has(day), day).toBe(true);
  });

  it('counts a day once when 中秋 falls on 国庆 (2020)', () => {
    expect(publicHolidaysOf(2020).size).toBe(18);
    expect(publicHolidaysOf(2026).size).toBe(19);
  });

  it('knows only the years of the festival calendar', () => {
    expect(() => publicHolidaysOf(1949)).toThrow(RangeError);
    expect(() => publicHolidaysOf(2101)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday outside the holidays', () => {
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
  });

  it('is not a working day on a public holiday falling on a weekday', () => {
    expect(isWorkingDay('2026-01-01')).toBe(false); // Thursday
    expect(isWorkingDay('2026-02-17')).toBe(false); // 春节, Tuesday
    expect(isWorkingDay('2026-02-19')).toBe(false); // 正月初三, Thursday
    expect(isWorkingDay('2025-04-04')).toBe(false); // 清明, Friday
    expect(isWorkingDay('2026-05-05')).toBe(false); // Tuesday
    expect(isWorkingDay('2026-06-19')).toBe(false); // 端午, Friday
    expect(isWorkingDay('2026-09-25')).toBe(false); // 中秋, Friday
    expect(isWorkingDay('2026-10-07')).toBe(false); // Wednesday
  });

  it('is a working day right around the holidays', () => {
    expect(isWorkingDay('2026-02-16')).toBe(true); // 除夕, Monday: not in the list
    expect(isWorkingDay('2026-02-20')).toBe(true); // 正月初四, Friday
    expect(isWorkingDay('2026-05-06')).toBe(true);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-12-31')).toBe(true);
  });

  it('refuses a day that does not exist', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('replyDueOn', () => {
  it('adds whole weeks, landing on the same weekday', () => {
    expect(replyDueOn('2026-03-02', 8)).toBe('2026-04-27');
    expect(replyDueOn('2026-03-02', 1)).toBe('2026-03-09');
    expect(replyDueOn('2026-01-29', 8)).toBe('2026-03-26'); // across the end of January and of February
    expect(replyDueOn('2026-12-29', 1)).toBe('2027-01-05'); // across the year end
  });

  it('moves a deadline on 10/1 past the whole 国庆 holiday: 10/8', () => {
    expect(replyDueOn('2026-08-06', 8)).toBe('2026-10-08');
  });

  it('moves a deadline on 春节 past its three days', () => {
    expect(replyDueOn('2025-12-23', 8)).toBe('2026-02-20');
    // 2027: 春节 on Saturday 6 February, so Monday the 8th is still a holiday.
    expect(replyDueOn('2026-12-12', 8)).toBe('2027-02-09');
  });

  it('moves a deadline on a weekend to Monday, across a month end', () => {
    expect(replyDueOn('2026-01-31', 8)).toBe('2026-03-30'); // + 8 weeks = Saturday 28 March
    expect(replyDueOn('2026-02-28', 8)).toBe('2026-04-27'); // Saturday 25 April
  });

  it('moves a deadline on 元旦 across the year end and the weekend after it', () => {
    expect(replyDueOn('2026-11-06', 8)).toBe('2027-01-04'); // Friday 1 January → Monday the 4th
  });

  it('runs a weekend straight into the 劳动节 holiday, and skips its weekdays', () => {
    expect(replyDueOn('2026-03-07', 8)).toBe('2026-05-06'); // Saturday 2 May → Wednesday the 6th
    expect(replyDueOn('2026-03-10', 8)).toBe('2026-05-06'); // Tuesday 5 May is a holiday
  });

  it('crosses and lands on 29 February in a leap year', () => {
    expect(replyDueOn('2028-01-04', 8)).toBe('2028-02-29'); // a Tuesday
    expect(replyDueOn('2028-02-29', 1)).toBe('2028-03-07');
    expect(replyDueOn('2028-02-15', 2)).toBe('2028-02-29');
  });

  it('moves an on-the-day deadline only when the day itself is not a working day', () => {
    expect(replyDueOn('2026-03-10', 0)).toBe('2026-03-10');
    expect(replyDueOn('2026-03-07', 0)).toBe('2026-03-09');
  });

  it('refuses a negative or fractional number of weeks', () => {
    expect(() => replyDueOn('2026-03-10', -1)).toThrow(RangeError);
    expect(() => replyDueOn('2026-03-10', 1.5)).toThrow(RangeError);
  });
});
