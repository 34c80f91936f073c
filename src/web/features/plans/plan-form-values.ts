import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../lib/api';
import type { PeriodKind } from './plan-types';

/** A plan's head as the forms hold it: the period as one range picker, dates as dayjs. */
export interface PlanHeadValues {
  title: string;
  periodKind: PeriodKind;
  period: [Dayjs, Dayjs];
  planDate?: Dayjs | null;
}

/** The head as the API takes it (POST /plans, PATCH /plans/:id). */
export function planHeadBody(v: PlanHeadValues) {
  return {
    title: v.title.trim(),
    periodKind: v.periodKind,
    periodStart: v.period[0].format('YYYY-MM-DD'),
    periodEnd: v.period[1].format('YYYY-MM-DD'),
    planDate: v.planDate ? v.planDate.format('YYYY-MM-DD') : null,
  };
}

/** Two YYYY-MM-DD days as the range picker's value. */
export function rangeOf(start: string, end: string): [Dayjs, Dayjs] {
  return [dayjs(start), dayjs(end)];
}

/** The server names periodStart/periodEnd; the forms show both on the one 期间 picker. */
export function withPlanFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({ ...f, path: f.path === 'periodStart' || f.path === 'periodEnd' ? 'period' : f.path }));
  return new ApiError(error.status, error.code, error.message, fields);
}
