import { LunarUtil, LunarYear, Solar } from 'lunar-typescript';
import { dayParts } from '../calendar-dates.js';
import { addDays, daysBetween } from './deadlines.js';

/**
 * Members' birthdays in a given year (DOMAIN.md §4 "Care": solar or lunar, as the member chooses). A lunar birthday
 * is kept on the lunar month and day of birth: a birth in a leap month (闰月) is celebrated in the ordinary month of
 * that number, and day 30 in a year whose month has 29 days on day 29.
 */

/** A lunar month: its number (negative for a leap month, as lunar-typescript numbers them), first day and length. */
interface MonthSpan {
  month: number;
  first: string;
  days: number;
}

// lunar-typescript keeps one lunar year in its cache, so a roster of birth years would recompute a year per
// member; the months of each lunar year are kept here instead (a few hundred bytes a year, 1900–2100 at most).
const MONTHS = new Map<number, MonthSpan[]>();

function monthsOf(lunarYear: number): MonthSpan[] {
  let months = MONTHS.get(lunarYear);
  if (!months) {
    months = LunarYear.fromYear(lunarYear)
      .getMonthsInYear()
      .map((m) => ({ month: m.getMonth(), first: Solar.fromJulianDay(m.getFirstJulianDay()).toYmd(), days: m.getDayCount() }));
    MONTHS.set(lunarYear, months);
  }
  return months;
}

/** The lunar month (the ordinary month for a leap one) and day of a solar birth date. */
function lunarBirth(birthDate: string): { month: number; day: number } {
  const { year } = dayParts(birthDate);
  // A solar date of year N lies in lunar year N, or in N − 1 before 春节.
  for (const lunarYear of [year, year - 1]) {
    for (const m of monthsOf(lunarYear)) {
      const offset = daysBetween(m.first, birthDate);
      if (offset >= 0 && offset < m.days) return { month: Math.abs(m.month), day: offset + 1 };
    }
  }
  throw new RangeError(`无法换算农历日期：${birthDate}`);
}

/** The lunar birthday in lunar year `lunarYear`, as a solar date and as "农历四月廿九". */
function lunarOccurrence(month: number, day: number, lunarYear: number): { date: string; lunarText: string } {
  const span = monthsOf(lunarYear).find((m) => m.month === month)!;
  const d = Math.min(day, span.days);
  return { date: addDays(span.first, d - 1), lunarText: `农历${LunarUtil.MONTH[month]}月${LunarUtil.DAY[d]}` };
}

/** The lunar birthdays falling in Gregorian years `fromYear`..`toYear`, in date order. */
function lunarOccurrences(birthDate: string, fromYear: number, toYear: number): { date: string; lunarText: string }[] {
  const { month, day } = lunarBirth(birthDate);
  const found: { date: string; lunarText: string }[] = [];
  // Lunar year N runs from late January / February of N into January / February of N + 1.
  for (let y = fromYear - 1; y <= toYear; y++) {
    const o = lunarOccurrence(month, day, y);
    const year = Number(o.date.slice(0, 4));
    if (year >= fromYear && year <= toYear) found.push(o);
  }
  return found;
}

function solarInYear(birthDate: string, year: number): string {
  const { month, day } = dayParts(birthDate);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const d = month === 2 && day === 29 && !isLeap ? 28 : day;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The member's birthday in a Gregorian year. Solar: the birth date's month and day, 29 February → 28 February in a
 * common year. Lunar: the lunar month and day converted for the year, with `lunarText` "农历八月十五". A lunar
 * birthday late in the 11th or 12th month can fall twice in one Gregorian year (January and December), then the
 * first is given; or not at all, then the one of lunar year `year` (in January of the next year).
 */
export function birthdayInYear(birthDate: string, isLunar: boolean, year: number): { date: string; lunarText: string | null } {
  if (!isLunar) return { date: solarInYear(birthDate, year), lunarText: null };
  const [first] = lunarOccurrences(birthDate, year, year);
  if (first) return first;
  const { month, day } = lunarBirth(birthDate);
  return lunarOccurrence(month, day, year);
}

/**
 * The members whose birthday falls between `from` and `to` (inclusive, YYYY-MM-DD), each with that date, sorted by
 * date (members on the same day keep their order). A range across the year end takes next year's dates for its
 * January days. Members without a birth date are left out; a member appears once, on their first birthday in range.
 */
export function upcomingBirthdays<T extends { birthDate: string | null; isLunar: boolean }>(
  members: readonly T[],
  from: string,
  to: string,
): (T & { date: string; lunarText: string | null })[] {
  const fromYear = dayParts(from).year;
  const toYear = dayParts(to).year;
  const result: (T & { date: string; lunarText: string | null })[] = [];
  for (const member of members) {
    if (member.birthDate === null) continue;
    const birthDate = member.birthDate;
    const candidates = member.isLunar
      ? lunarOccurrences(birthDate, fromYear, toYear)
      : Array.from({ length: toYear - fromYear + 1 }, (_, i) => ({ date: solarInYear(birthDate, fromYear + i), lunarText: null }));
    const hit = candidates.find((c) => c.date >= from && c.date <= to);
    if (hit) result.push({ ...member, date: hit.date, lunarText: hit.lunarText });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
