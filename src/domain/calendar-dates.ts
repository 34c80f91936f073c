import type { DATE_KINDS } from '../contracts/plans.js';
import { toIsoDate } from './dates.js';
import { assertNever } from './policy.js';

/** How a schedule item is placed in time: a whole month (or months), one day, or a run of days. */
export type DateKind = (typeof DATE_KINDS)[number];

/** The part of a schedule item that says when it happens (dates as YYYY-MM-DD). */
export interface ItemTime {
  dateKind: DateKind;
  startDate: string;
  endDate: string;
}

/** A calendar day split into numbers. */
export interface DayParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits YYYY-MM-DD into numbers; a string that is not a real calendar day is a programming error, so it throws. */
export function dayParts(iso: string): DayParts {
  const m = ISO_DATE.exec(iso);
  if (!m || toIsoDate(+m[1], +m[2], +m[3]) === null) throw new RangeError(`日期格式应为 YYYY-MM-DD：${iso}`);
  return { year: +m[1], month: +m[2], day: +m[3] };
}

/** 2026-03-01 → 2026年3月1日, as a date line in a printed document reads. */
export function chineseDate(iso: string): string {
  const { year, month, day } = dayParts(iso);
  return `${year}年${month}月${day}日`;
}

/** Months as a plan's schedule names them: 3月, 7—8月, and with years when the span crosses New Year. */
function describeMonths(start: DayParts, end: DayParts): string {
  if (start.year !== end.year) return `${start.year}年${start.month}月—${end.year}年${end.month}月`;
  if (start.month === end.month) return `${start.month}月`;
  return `${start.month}—${end.month}月`;
}

/** Days as a plan's schedule names them: 3月8日, 3月8日—3月12日, and with years when the span crosses New Year. */
function describeDays(start: DayParts, end: DayParts): string {
  if (start.year !== end.year) {
    return `${start.year}年${start.month}月${start.day}日—${end.year}年${end.month}月${end.day}日`;
  }
  const first = `${start.month}月${start.day}日`;
  if (start.month === end.month && start.day === end.day) return first;
  return `${first}—${end.month}月${end.day}日`;
}

function assertOrdered(start: DayParts, end: DayParts, byMonth: boolean): void {
  const a = start.year * 10_000 + start.month * 100 + (byMonth ? 0 : start.day);
  const b = end.year * 10_000 + end.month * 100 + (byMonth ? 0 : end.day);
  if (b < a) throw new RangeError('结束日期不能早于开始日期');
}

/**
 * When an item happens, in the words of a printed plan: "3月", "7—8月", "3月8日", "3月8日—3月12日", and
 * "2025年12月—2026年1月" across New Year (the year is otherwise left to the plan's period). A 'date' item reads
 * its start date only. Throws RangeError on a malformed date or an end before the start, which validated data
 * never has.
 */
export function describeItemTime(item: ItemTime): string {
  const start = dayParts(item.startDate);
  const end = dayParts(item.endDate);
  switch (item.dateKind) {
    case 'month':
      assertOrdered(start, end, true);
      return describeMonths(start, end);
    case 'date':
      return describeDays(start, start);
    case 'range':
      assertOrdered(start, end, false);
      return describeDays(start, end);
    default:
      return assertNever(item.dateKind);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders items by when they start, then by when they end (shorter first); equal items keep their order. */
export function compareItemTime(a: ItemTime, b: ItemTime): number {
  const aEnd = a.dateKind === 'date' ? a.startDate : a.endDate;
  const bEnd = b.dateKind === 'date' ? b.startDate : b.endDate;
  return compareText(a.startDate, b.startDate) || compareText(aEnd, bEnd);
}

/** One row group of a plan's schedule table: a month label and the items filed under it, in date order. */
export interface MonthGroup<T extends ItemTime> {
  label: string;
  items: T[];
}

/**
 * Files items under months the way a printed schedule does: a month item under its own span ("3月", or "7—8月"
 * for one spanning July and August), a dated or ranged item under the month it starts in. Groups come in date
 * order (a single month before a span starting the same month); items within a group by date, ties in input order.
 */
export function monthGroups<T extends ItemTime>(items: readonly T[]): MonthGroup<T>[] {
  const groups = new Map<string, { startKey: string; endKey: string; label: string; items: T[] }>();
  for (const item of items) {
    const start = dayParts(item.startDate);
    const end = item.dateKind === 'month' ? dayParts(item.endDate) : start;
    if (item.dateKind === 'month') assertOrdered(start, end, true);
    const startKey = item.startDate.slice(0, 7);
    const endKey = item.dateKind === 'month' ? item.endDate.slice(0, 7) : startKey;
    const key = `${startKey}|${endKey}`;
    let group = groups.get(key);
    if (!group) {
      group = { startKey, endKey, label: describeMonths(start, end), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()]
    .sort((a, b) => compareText(a.startKey, b.startKey) || compareText(a.endKey, b.endKey))
    .map((g) => ({ label: g.label, items: [...g.items].sort(compareItemTime) }));
}
