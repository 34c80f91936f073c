import dayjs from 'dayjs';
import type { CalendarItem } from './calendar-types';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const month = (iso: string) => Number(iso.slice(5, 7));
const day = (iso: string) => Number(iso.slice(8, 10));
const year = (iso: string) => Number(iso.slice(0, 4));

/** "3月8日 周日". */
export function formatDayWithWeekday(iso: string): string {
  return `${month(iso)}月${day(iso)}日 周${WEEKDAYS[dayjs(iso).day()]}`;
}

/** "2026年3月" for a month key "2026-03". */
export function monthLabel(key: string): string {
  return `${year(key)}年${Number(key.slice(5, 7))}月`;
}

/** The first and last day (YYYY-MM-DD) of a month key "2026-03". */
export function monthBounds(key: string): { from: string; to: string } {
  const first = dayjs(`${key}-01`);
  return { from: first.format('YYYY-MM-DD'), to: first.endOf('month').format('YYYY-MM-DD') };
}

/** True when the item covers the given day. */
export function coversDay(item: Pick<CalendarItem, 'startDate' | 'endDate'>, iso: string): boolean {
  return item.startDate <= iso && iso <= item.endDate;
}
