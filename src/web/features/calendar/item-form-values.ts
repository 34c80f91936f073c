import dayjs, { type Dayjs } from 'dayjs';
import type { ItemInput } from '../../../contracts/plans';
import { ApiError } from '../../lib/api';
import type { CalendarItem, DateKind, ItemStatus } from './calendar-types';

/** The item form as antd holds it: one picker per time kind, so switching kinds keeps what was picked. */
export interface ItemFormValues {
  title: string;
  dateKind: DateKind;
  months?: [Dayjs, Dayjs] | null;
  date?: Dayjs | null;
  range?: [Dayjs, Dayjs] | null;
  ownerUserId?: string | null;
  category?: string | null;
  status: ItemStatus;
  note?: string | null;
  planId?: string | null;
}

/** Where a new item starts: a day clicked on the grid, a month shown, or the plan it is added to. */
export interface ItemDefaults {
  dateKind?: DateKind;
  startDate?: string;
  endDate?: string;
  planId?: string | null;
  title?: string;
  category?: string | null;
}

const FORMAT = 'YYYY-MM-DD';

/** The form's starting values for an existing item or for a new one with the given defaults. */
export function itemFormValuesOf(item: CalendarItem | null, defaults: ItemDefaults = {}): ItemFormValues {
  const dateKind = item?.dateKind ?? defaults.dateKind ?? 'month';
  const start = dayjs(item?.startDate ?? defaults.startDate ?? dayjs().format(FORMAT));
  const end = dayjs(item?.endDate ?? defaults.endDate ?? start.format(FORMAT));
  return {
    title: item?.title ?? defaults.title ?? '',
    dateKind,
    months: [start.startOf('month'), end.startOf('month')],
    date: start,
    range: [start, end],
    ownerUserId: item?.ownerUserId ?? null,
    category: item?.category ?? defaults.category ?? null,
    status: item?.status ?? 'planned',
    note: item?.note ?? null,
    planId: item?.planId ?? defaults.planId ?? null,
  };
}

/** The start and end day the chosen time kind stands for; null while its picker is empty. */
export function itemDates(v: Pick<ItemFormValues, 'dateKind' | 'months' | 'date' | 'range'>): { startDate: string; endDate: string } | null {
  switch (v.dateKind) {
    case 'month':
      return v.months?.[0] && v.months?.[1]
        ? { startDate: v.months[0].startOf('month').format(FORMAT), endDate: v.months[1].endOf('month').format(FORMAT) }
        : null;
    case 'date':
      return v.date ? { startDate: v.date.format(FORMAT), endDate: v.date.format(FORMAT) } : null;
    case 'range':
      return v.range?.[0] && v.range?.[1] ? { startDate: v.range[0].format(FORMAT), endDate: v.range[1].format(FORMAT) } : null;
  }
}

/** The form's values as the API takes them (POST /calendar/items, PATCH /calendar/items/:id). */
export function itemBodyOf(v: ItemFormValues): ItemInput & { planId?: string | null } {
  const dates = itemDates(v) ?? { startDate: '', endDate: '' };
  return {
    title: v.title.trim(),
    dateKind: v.dateKind,
    ...dates,
    ownerUserId: v.ownerUserId || null,
    category: v.category?.trim() || null,
    status: v.status,
    note: v.note?.trim() || null,
  };
}

/** The name of the picker that shows a date problem for the chosen time kind. */
export function dateFieldOf(kind: DateKind): 'months' | 'date' | 'range' {
  return kind === 'month' ? 'months' : kind === 'date' ? 'date' : 'range';
}

/** The server names startDate/endDate; the form shows those problems on the picker of the chosen time kind. */
export function withItemFormPaths(error: unknown, kind: DateKind): unknown {
  if (!(error instanceof ApiError)) return error;
  const field = dateFieldOf(kind);
  const fields = error.fields.map((f) => ({ ...f, path: f.path === 'startDate' || f.path === 'endDate' ? field : f.path }));
  return new ApiError(error.status, error.code, error.message, fields);
}
