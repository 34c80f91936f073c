import dayjs from 'dayjs';
import { chineseDate } from '../../../domain/calendar-dates';
import { periodLabel as domainPeriodLabel } from '../../../domain/plan-period';
import type { PeriodKind } from './plan-types';

/** A plan's period as two YYYY-MM-DD days. */
export interface Period {
  start: string;
  end: string;
}

const iso = (y: number, m: number, d: number) => dayjs(new Date(y, m - 1, d)).format('YYYY-MM-DD');

/**
 * The period a new plan most likely covers, seen from `today`: the school year starting this September from
 * June on (9/1–8/31), the coming or current term (2/1–7/31 or 9/1–1/31), the calendar year (the next one from
 * November on, when next year's plan is written).
 */
export function defaultPeriod(kind: PeriodKind, today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (kind) {
    case 'school_year': {
      const from = m >= 6 ? y : y - 1;
      return { start: iso(from, 9, 1), end: iso(from + 1, 8, 31) };
    }
    case 'term':
      if (m >= 8) return { start: iso(y, 9, 1), end: iso(y + 1, 1, 31) };
      return { start: iso(y, 2, 1), end: iso(y, 7, 31) };
    case 'year': {
      const year = m >= 11 ? y + 1 : y;
      return { start: iso(year, 1, 1), end: iso(year, 12, 31) };
    }
  }
}

/** "2025—2026学年", "2026年度", "2026年2月—7月": the period as the plan's heading and its Word export name it. */
export function periodLabel(kind: PeriodKind, start: string, end: string): string {
  return domainPeriodLabel(kind, { start, end });
}

/** A term's name within its school year: "2025—2026学年第一学期" (autumn) or "…第二学期" (spring). */
function termName(start: string): string {
  const y = Number(start.slice(0, 4));
  return Number(start.slice(5, 7)) >= 8 ? `${y}—${y + 1}学年第一学期` : `${y - 1}—${y}学年第二学期`;
}

/** "2025年9月1日 至 2026年8月31日". */
export function periodRangeText(start: string, end: string): string {
  return `${formatChineseDate(start)} 至 ${formatChineseDate(end)}`;
}

/** "2025年9月1日". */
export function formatChineseDate(day: string): string {
  return chineseDate(day);
}

/**
 * The period a copied plan most likely covers: the next school year or year, or the next term (autumn →
 * the following spring, spring → autumn); any other period moves by its own length in whole months.
 */
export function nextPeriod(kind: PeriodKind, start: string, end: string): Period {
  const s = dayjs(start);
  const e = dayjs(end);
  if (kind === 'term') {
    const sm = s.month() + 1;
    if (sm >= 8) return { start: iso(s.year() + 1, 2, 1), end: iso(s.year() + 1, 7, 31) };
    return { start: iso(s.year(), 9, 1), end: iso(s.year() + 1, 1, 31) };
  }
  const months = Math.max(1, Math.round(e.diff(s, 'month', true)));
  return { start: s.add(months, 'month').format('YYYY-MM-DD'), end: e.add(1, 'day').add(months, 'month').subtract(1, 'day').format('YYYY-MM-DD') };
}

/** A plan title suggested for a period: "2025—2026学年工会工作计划", "2025—2026学年第一学期工会工作计划". */
export function suggestedTitle(kind: PeriodKind, p: Period): string {
  return `${kind === 'term' ? termName(p.start) : periodLabel(kind, p.start, p.end)}工会工作计划`;
}

/** True when the plan's period has ended: it is kept for reading and copying. */
export function isPastPeriod(end: string, today: string): boolean {
  return end < today;
}
