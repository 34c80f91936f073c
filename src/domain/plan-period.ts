/**
 * Month arithmetic of plans and schedule items (DOMAIN.md §4 "Plan & calendar"): where a month named in a plan
 * text ("三月", "7-8月") falls inside the plan's period, how whole-month items are normalised, and how a plan
 * copied to a new period moves its dates. Pure: dates are YYYY-MM-DD strings, nothing reads the clock.
 */

/** A period of a plan, both ends inclusive (YYYY-MM-DD). */
export interface Period {
  start: string;
  end: string;
}

/** When a schedule item happens; 'month' items run from the first day of a month to the last day of a month. */
export interface ItemDates {
  dateKind: 'month' | 'date' | 'range';
  startDate: string;
  endDate: string;
}

/** A parsed item's months placed in a period, as a draft schedule item for the import preview. */
export interface SuggestedItem {
  /** Index of the parsed item this comes from (one parsed item may give several suggestions). */
  sourceIndex: number;
  title: string;
  dateKind: 'month';
  startDate: string;
  endDate: string;
  /** True when a month had to be placed outside the period (the nearest year was taken). */
  outsidePeriod: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A month as one number (year × 12 + month − 1), so month spans and shifts are integer arithmetic. */
export function monthIndex(iso: string): number {
  const { y, m } = parts(iso);
  return y * 12 + (m - 1);
}

/** The first day of a month index. */
export function monthStart(index: number): string {
  const y = Math.floor(index / 12);
  return `${pad(y, 4)}-${pad((index % 12) + 1)}-01`;
}

/** The last day of a month index. */
export function monthEnd(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}

/** Whole months from one date's month to another's (2025-09-01 → 2026-09-15 is 12). */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** The same day `months` months later (or earlier); a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function shiftDateByMonths(iso: string, months: number): string {
  const { d } = parts(iso);
  const index = monthIndex(iso) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`;
}

/** A 'month' item covers whole months: its start moves to the first day of its month, its end to the last day of its month. */
export function normaliseItemDates<T extends ItemDates>(item: T): T {
  if (item.dateKind !== 'month') return item;
  return { ...item, startDate: monthStart(monthIndex(item.startDate)), endDate: monthEnd(monthIndex(item.endDate)) };
}

/**
 * An item's dates moved by whole months, so "September of last school year" becomes "September of this one":
 * month items stay whole months, dated items keep their day (clamped to the month's length).
 */
export function shiftItemDates<T extends ItemDates>(item: T, months: number): T {
  if (item.dateKind === 'month') {
    return { ...item, startDate: monthStart(monthIndex(item.startDate) + months), endDate: monthEnd(monthIndex(item.endDate) + months) };
  }
  return { ...item, startDate: shiftDateByMonths(item.startDate, months), endDate: shiftDateByMonths(item.endDate, months) };
}

/**
 * The month index at which calendar month `month` (1–12) falls for a period: the first year where that month
 * overlaps the period; when it never does, the year putting it nearest to the period (ties: the earlier one),
 * flagged as outside.
 */
export function placeMonth(month: number, period: Period): { index: number; isOutside: boolean } {
  const first = monthIndex(period.start);
  const last = monthIndex(period.end);
  const startYear = Math.floor(first / 12);
  const endYear = Math.floor(last / 12);
  let best: { index: number; distance: number } | null = null;
  for (let y = startYear - 1; y <= endYear + 1; y++) {
    const index = y * 12 + (month - 1);
    const distance = index < first ? first - index : index > last ? index - last : 0;
    if (distance === 0) return { index, isOutside: false };
    if (!best || distance < best.distance) best = { index, distance };
  }
  return { index: best!.index, isOutside: true };
}

/**
 * Draft schedule items for parsed plan items placed in a period: each item's months are put in the year that
 * places them inside the period; consecutive months (also across New Year: 12, 1) make one item, separate
 * months separate items. Items naming no month give no suggestion.
 */
export function suggestItems(items: readonly { text: string; months: readonly number[] }[], period: Period): SuggestedItem[] {
  const out: SuggestedItem[] = [];
  items.forEach((item, sourceIndex) => {
    const placed = new Map<number, boolean>();
    for (const month of item.months) {
      if (!Number.isInteger(month) || month < 1 || month > 12) continue;
      const { index, isOutside } = placeMonth(month, period);
      placed.set(index, isOutside);
    }
    const indices = [...placed.keys()].sort((a, b) => a - b);
    let runStart = 0;
    for (let i = 1; i <= indices.length; i++) {
      if (i < indices.length && indices[i] === indices[i - 1] + 1) continue;
      const run = indices.slice(runStart, i);
      if (run.length > 0) {
        out.push({
          sourceIndex,
          title: item.text,
          dateKind: 'month',
          startDate: monthStart(run[0]),
          endDate: monthEnd(run[run.length - 1]),
          outsidePeriod: run.some((index) => placed.get(index)),
        });
      }
      runStart = i;
    }
  });
  return out;
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/**
 * A copied plan's default title: the years in it moved when the plan moves by whole years
 * ("2025-2026学年工作计划" → "2026-2027学年工作计划"); otherwise the title marked as a copy.
 */
export function copiedTitle(title: string, months: number, maxLength = 100): string {
  const marked = `${title}（副本）`;
  if (months === 0 || months % 12 !== 0 || !YEAR.test(title)) return marked.length <= maxLength ? marked : title;
  const years = months / 12;
  return title.replace(new RegExp(YEAR.source, 'g'), (y) => String(Number(y) + years));
}

/**
 * A period as a plan's heading names it: "2025—2026学年", "2026年度", and a term or an uneven span by its months
 * ("2026年2月—7月", "2025年9月—2026年1月").
 */
export function periodLabel(kind: 'school_year' | 'term' | 'year', period: Period): string {
  const s = parts(period.start);
  const e = parts(period.end);
  if (kind === 'school_year' && e.y === s.y + 1) return `${s.y}—${e.y}学年`;
  if (kind === 'year' && s.y === e.y && s.m === 1 && e.m === 12) return `${s.y}年度`;
  if (s.y === e.y) return s.m === e.m ? `${s.y}年${s.m}月` : `${s.y}年${s.m}月—${e.m}月`;
  return `${s.y}年${s.m}月—${e.y}年${e.m}月`;
}
