import { dayParts } from '../calendar-dates.js';
import { addDays } from '../care/deadlines.js';
import { festivalsOf } from '../festivals.js';

/**
 * Working days for proposal reply deadlines: not a Saturday or Sunday and not a public holiday. The holidays are
 * 元旦 (1/1), the first three days of 春节, 清明, 劳动节 (5/1–5/5), 端午, 中秋 and 国庆 (10/1–10/7), the lunar ones from
 * festivals.ts. Weekend days the State Council makes working days (调休) are not known here, so a deadline is only
 * ever moved later, never earlier. Years 1950–2100 (festivals.ts throws a RangeError outside them).
 */

const holidayCache = new Map<number, ReadonlySet<string>>();

/** The public holidays of a Gregorian year, as YYYY-MM-DD. */
export function publicHolidaysOf(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const festival = new Map(festivalsOf(year).map((f) => [f.name, f.date]));
  const y = String(year).padStart(4, '0');
  const days = new Set<string>([`${y}-01-01`, festival.get('清明')!, festival.get('端午')!, festival.get('中秋')!]);
  const springFestival = festival.get('春节')!;
  for (let i = 0; i < 3; i++) days.add(addDays(springFestival, i));
  for (let d = 1; d <= 5; d++) days.add(`${y}-05-0${d}`);
  for (let d = 1; d <= 7; d++) days.add(`${y}-10-0${d}`);
  holidayCache.set(year, days);
  return days;
}

/** Whether a day (YYYY-MM-DD) is a working day: not Saturday or Sunday, not a public holiday. */
export function isWorkingDay(day: string): boolean {
  const { year, month, day: date } = dayParts(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidaysOf(year).has(day);
}

/**
 * The reply deadline of an assignment (交办): `weeks` whole weeks after the day it was assigned, moved on to the next
 * working day when that falls on a weekend or a public holiday (assigned 2026-08-06 with 8 weeks → 10/1 → 2026-10-08).
 */
export function replyDueOn(assignedOn: string, weeks: number): string {
  if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`答复期限应为不小于 0 的整数周：${weeks}`);
  let due = addDays(assignedOn, weeks * 7);
  while (!isWorkingDay(due)) due = addDays(due, 1);
  return due;
}
