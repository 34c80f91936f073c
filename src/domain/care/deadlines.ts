import type { CareDueState, CareEventKind, CareEventStatus } from '../../contracts/care.js';
import { dayParts } from '../calendar-dates.js';
import { assertNever } from '../policy.js';

/**
 * Visit deadlines of care events (DOMAIN.md §4 "Care": 3 days for a hospital stay, 7 otherwise) and where an event
 * stands against its deadline. Dates are YYYY-MM-DD calendar days in Asia/Shanghai; "today" is always passed in.
 */

/** 慰问时限 a new union starts with, per kind of event; `other` has none. */
export const DEFAULT_DEADLINE_DAYS: Record<CareEventKind, number | null> = {
  hospital: 3,
  surgery: 3,
  marriage: 7,
  childbirth: 7,
  death_self: 7,
  death_relative: 7,
  retirement: 7,
  accident: 7,
  family_hardship: 7,
  family_conflict: 7,
  other: null,
};

const DAY_MS = 86_400_000;

function epochDay(iso: string): number {
  const { year, month, day } = dayParts(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The calendar day `days` after (or before, when negative) a date. */
export function addDays(iso: string, days: number): string {
  return new Date((epochDay(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The same day `months` later; a day the target month lacks becomes its last day (Aug 31 + 6 months → Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = dayParts(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The visit deadline of an event: occurredOn + deadlineDays calendar days, or null for a type without one. */
export function dueOnFor(occurredOn: string, deadlineDays: number | null): string | null {
  if (deadlineDays === null) return null;
  return addDays(occurredOn, deadlineDays);
}

/**
 * Where an event stands for the lists: an open event is 待慰问 until its deadline (the deadline day included) and
 * 已逾期 from the day after. `daysLeft` counts calendar days to the deadline (0 on the day itself, −2 when two days
 * late); it is null without a deadline and once the event is visited or closed.
 */
export function dueStateOf(e: { status: CareEventStatus; dueOn: string | null }, today: string): { state: CareDueState; daysLeft: number | null } {
  switch (e.status) {
    case 'closed':
      return { state: 'closed', daysLeft: null };
    case 'visited':
      return { state: 'visited', daysLeft: null };
    case 'open': {
      if (e.dueOn === null) return { state: 'due', daysLeft: null };
      const daysLeft = daysBetween(today, e.dueOn);
      return { state: daysLeft >= 0 ? 'due' : 'overdue', daysLeft };
    }
    default:
      return assertNever(e.status);
  }
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day of an instant in Asia/Shanghai (UTC+8 all year: China has had no daylight saving since 1991). */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
