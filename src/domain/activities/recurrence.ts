import { toShanghaiIso } from './shanghai-time.js';

/** The instants of an activity that move together when it repeats. */
export interface ActivityTimes {
  startsAt: string;
  endsAt: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  cancelDeadline: string | null;
}

const WEEK_MS = 7 * 86_400_000;
const shift = (iso: string | null, weeks: number) => (iso === null ? null : toShanghaiIso(new Date(Date.parse(iso) + weeks * WEEK_MS)));

/**
 * A weekly series of `count` occurrences, the first included: the i-th is shifted by i × 7 days at the same wall-clock
 * time (China has no daylight saving, so 7 × 24 h). All instants as `YYYY-MM-DDTHH:mm:ss+08:00`; null stays null.
 */
export function weeklyOccurrences(first: ActivityTimes, count: number): ActivityTimes[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => ({
    startsAt: shift(first.startsAt, i)!,
    endsAt: shift(first.endsAt, i)!,
    signupOpensAt: shift(first.signupOpensAt, i),
    signupClosesAt: shift(first.signupClosesAt, i),
    cancelDeadline: shift(first.cancelDeadline, i),
  }));
}
