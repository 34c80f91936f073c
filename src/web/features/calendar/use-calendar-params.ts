import dayjs from 'dayjs';
import { todayInShanghai } from '../../../domain/dates';
import { useUrlFilters } from '../../lib/use-url-filters';
import { monthBounds } from './item-time';

const KEYS = ['view', 'month', 'scope', 'status', 'planId'] as const;

/** Which view of the calendar is open. */
export type CalendarView = 'grid' | 'list';

/**
 * The calendar's state in the URL — view, shown month, list scope (month or year) and filters — so a link or a
 * reload shows the same thing; without a month it opens on the current month in Asia/Shanghai.
 */
export function useCalendarParams() {
  const { filters, setFilters } = useUrlFilters(KEYS);
  const today = todayInShanghai();
  const month = /^\d{4}-\d{2}$/.test(filters.month ?? '') ? filters.month! : today.slice(0, 7);
  const view: CalendarView = filters.view === 'list' ? 'list' : 'grid';
  const isYearScope = view === 'list' && filters.scope === 'year';
  const year = Number(month.slice(0, 4));
  const range = isYearScope ? { from: `${year}-01-01`, to: `${year}-12-31` } : monthBounds(month);
  const shift = (step: number) =>
    setFilters({ month: dayjs(`${month}-01`).add(step, isYearScope ? 'year' : 'month').format('YYYY-MM') });
  return {
    today,
    month,
    year,
    view,
    isYearScope,
    range,
    status: filters.status,
    planId: filters.planId,
    setFilters,
    shift,
    /** Back to the current month (the default, so it leaves the URL). */
    goToday: () => setFilters({ month: undefined }),
  };
}
