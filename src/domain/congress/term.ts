import { dayParts } from '../calendar-dates.js';

/**
 * A congress term (届) lasts 3 or 5 years (DOMAIN.md §4 "Congress" [firm]): it ends the day before the same date
 * `years` later. A term starting on 29 February has its anniversary on 1 March in a common year (as ageOn counts a
 * 29 February birthday), so it ends on 28 February.
 */
export function termEndsOn(startsOn: string, years: 3 | 5): string {
  if (years !== 3 && years !== 5) throw new RangeError('每届任期应为 3 年或 5 年');
  const { year, month, day } = dayParts(startsOn);
  // Date.UTC rolls 29 February of a common year over to 1 March; one day less is the last day of the term.
  return new Date(Date.UTC(year + years, month - 1, day - 1)).toISOString().slice(0, 10);
}
