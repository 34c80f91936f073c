import dayjs, { type Dayjs } from 'dayjs';
import { todayInShanghai } from '../../../domain/dates';
import { formatShanghaiTime } from '../../lib/time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * An instant as the wall-clock time in Asia/Shanghai, held by a dayjs in the browser's own zone: the pickers show
 * and edit Shanghai times whatever zone the computer is set to.
 */
export function shanghaiClock(iso: string): Dayjs {
  return dayjs(formatShanghaiTime(iso));
}

/** A Shanghai wall-clock time from the pickers as the API takes it: 2026-12-01T14:00:00+08:00. */
export function instantOf(clock: Dayjs): string {
  return `${clock.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** A day from one picker and a time of day from another, as one wall-clock time. */
export function joinDayAndTime(day: Dayjs, time: Dayjs): Dayjs {
  return day.hour(time.hour()).minute(time.minute()).second(0).millisecond(0);
}

/** The current wall-clock time in Shanghai. */
export function nowInShanghai(): Dayjs {
  return shanghaiClock(new Date().toISOString());
}

/** "12月3日 周三" (with the year when it is not this year). */
export function dayLabel(clock: Dayjs, thisYear = Number(todayInShanghai().slice(0, 4))): string {
  const year = clock.year() === thisYear ? '' : `${clock.year()}年`;
  return `${year}${clock.month() + 1}月${clock.date()}日 周${WEEKDAYS[clock.day()]}`;
}

/** "12月3日 周三 15:30—17:00", or "12月3日 周三 08:00 至 12月4日 周四 17:00" across days. */
export function activityTimeLabel(startsAt: string, endsAt: string): string {
  const s = shanghaiClock(startsAt);
  const e = shanghaiClock(endsAt);
  if (s.isSame(e, 'day')) return `${dayLabel(s)} ${s.format('HH:mm')}—${e.format('HH:mm')}`;
  return `${dayLabel(s)} ${s.format('HH:mm')} 至 ${dayLabel(e)} ${e.format('HH:mm')}`;
}

/** "12月1日 08:00" for a deadline or a moment in a list. */
export function momentLabel(iso: string): string {
  const c = shanghaiClock(iso);
  const year = c.year() === Number(todayInShanghai().slice(0, 4)) ? '' : `${c.year()}年`;
  return `${year}${c.month() + 1}月${c.date()}日 ${c.format('HH:mm')}`;
}

/** A rate (0–1) as "86.5%", or "—" when there is nobody to count. */
export function rateLabel(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** The school year (9/1–8/31) containing a day, as two YYYY-MM-DD days: statistics default to it. */
export function schoolYearOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** The term (9/1–1/31 or 2/1–8/31) containing a day; the summer belongs to the spring term's year. */
export function termOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (m >= 9) return { from: `${y}-09-01`, to: `${y + 1}-01-31` };
  if (m === 1) return { from: `${y - 1}-09-01`, to: `${y}-01-31` };
  return { from: `${y}-02-01`, to: `${y}-08-31` };
}

/** Check-in and attendance open an hour before the start (the server's rule; people arrive early). */
const CHECKIN_LEAD_MS = 60 * 60_000;

/** The moment (ms) from which members can scan in and the organiser can record attendance. */
export function attendanceOpensAt(startsAt: string): number {
  return Date.parse(startsAt) - CHECKIN_LEAD_MS;
}

/** "11月21日 10:46—11:15" within a day, else "11月21日 10:46 至 11月25日 17:00" (a sign-up window). */
export function spanLabel(fromIso: string, toIso: string): string {
  const a = shanghaiClock(fromIso);
  const b = shanghaiClock(toIso);
  return a.isSame(b, 'day') ? `${momentLabel(fromIso)}—${b.format('HH:mm')}` : `${momentLabel(fromIso)} 至 ${momentLabel(toIso)}`;
}
