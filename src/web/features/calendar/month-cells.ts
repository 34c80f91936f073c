import dayjs from 'dayjs';
import type { CalendarItem, Festival } from './calendar-types';
import { compareItemTime } from '../../../domain/calendar-dates';
import { festivalFullName } from './festival-suggestions';
import { coversDay } from './item-time';

/** One day of the month grid. */
export interface DayCell {
  date: string;
  day: number;
  isInMonth: boolean;
  festivals: string[];
  items: CalendarItem[];
}

/** The weekday headings, Monday first as Chinese calendars print them. */
export const WEEKDAY_HEADINGS = ['一', '二', '三', '四', '五', '六', '日'];

/** Festival names (in full) by date ("2026-03-08" → ["三八妇女节"]). */
export function festivalsByDate(festivals: Festival[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of festivals) map.set(f.date, [...(map.get(f.date) ?? []), festivalFullName(f.name)]);
  return map;
}

/**
 * The month's grid, whole weeks from Monday: each day with its festivals and the day and range items on it
 * (month items go to the strip above). Days of the neighbouring months carry festivals only.
 */
export function monthCells(monthKey: string, items: CalendarItem[], festivals: Festival[]): DayCell[] {
  const first = dayjs(`${monthKey}-01`);
  const offset = (first.day() + 6) % 7;
  const weeks = Math.ceil((offset + first.daysInMonth()) / 7);
  const byDate = festivalsByDate(festivals);
  const dayItems = items.filter((i) => i.dateKind !== 'month').sort(compareItemTime);
  const cells: DayCell[] = [];
  for (let i = 0; i < weeks * 7; i++) {
    const d = first.add(i - offset, 'day');
    const date = d.format('YYYY-MM-DD');
    const isInMonth = d.month() === first.month();
    cells.push({
      date,
      day: d.date(),
      isInMonth,
      festivals: byDate.get(date) ?? [],
      items: isInMonth ? dayItems.filter((item) => coversDay(item, date)) : [],
    });
  }
  return cells;
}

/** The month items overlapping the month, for the 本月事项 strip. */
export function monthItemsOf(items: CalendarItem[]): CalendarItem[] {
  return items.filter((i) => i.dateKind === 'month').sort(compareItemTime);
}
