import type { Dayjs } from 'dayjs';
import type { Comparator, GoalMetric } from '../../../domain/goal-metrics';
import { ApiError } from '../../lib/api';
import type { DateKind } from '../calendar/calendar-types';
import { asMetric, goalMetricBody, targetForInput } from './goal-format';
import type { ParsedPlan, PeriodKind } from './plan-types';

/** A schedule item of the draft; `key` stays with it while it is edited and moves between months. */
export interface DraftItem {
  key: string;
  title: string;
  dateKind: DateKind;
  startDate: string;
  endDate: string;
}

/** The draft's form: head, sections (plain text bodies from the document) and goals (targets as typed). */
export interface DraftFormValues {
  title: string;
  periodKind: PeriodKind;
  period: [Dayjs, Dayjs];
  planDate?: Dayjs | null;
  /** `hasSchedule`: the document's month list was taken out of `body` and became the schedule items. */
  sections: { heading: string; body: string; hasSchedule?: boolean }[];
  goals: { text: string; metric?: GoalMetric | null; comparator?: Comparator | null; target?: number | null }[];
}

let nextKey = 0;

/** A draft item with a fresh key. */
export function draftItem(i: Omit<DraftItem, 'key'>): DraftItem {
  return { ...i, key: `d${nextKey++}` };
}

/** The parser's goals as the form shows them (a rate's 0.85 as 85). */
export function draftGoals(parsed: ParsedPlan): DraftFormValues['goals'] {
  return parsed.goals.map((g) => ({ text: g.text, metric: asMetric(g.metric), comparator: g.comparator, target: targetForInput(g.target, g.metric) }));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as the editor's HTML: each non-empty line a paragraph, every character escaped. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${line.replace(/[&<>"']/g, (c) => ESCAPES[c])}</p>`)
    .join('');
}

/** True when the item lies (even partly) outside the plan's period. */
export function isOutsidePeriod(item: Pick<DraftItem, 'startDate' | 'endDate'>, periodStart: string, periodEnd: string): boolean {
  return item.startDate < periodStart || item.endDate > periodEnd;
}

/** The whole draft as POST /plans takes it. */
export function draftBody(v: DraftFormValues, items: DraftItem[]) {
  return {
    title: v.title.trim(),
    periodKind: v.periodKind,
    periodStart: v.period[0].format('YYYY-MM-DD'),
    periodEnd: v.period[1].format('YYYY-MM-DD'),
    planDate: v.planDate ? v.planDate.format('YYYY-MM-DD') : null,
    sections: (v.sections ?? []).map((s) => ({ heading: s.heading.trim(), body: textToHtml(s.body ?? '') })),
    goals: (v.goals ?? []).map((g) => ({ text: g.text.trim(), ...goalMetricBody(g) })),
    items: items.map((i) => ({ title: i.title.trim(), dateKind: i.dateKind, startDate: i.startDate, endDate: i.endDate, status: 'planned' as const })),
  };
}

/**
 * Server problems on the draft: the period goes on the 起止日期 picker, and a schedule item's problem (which has
 * no field of the form) names the item, since "请填写事项" alone does not say which of fifty.
 */
export function withDraftPaths(error: unknown, items: DraftItem[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => {
    if (f.path === 'periodStart' || f.path === 'periodEnd') return { ...f, path: 'period' };
    const m = /^items\.(\d+)/.exec(f.path);
    if (m) {
      const item = items[Number(m[1])];
      return { ...f, message: `工作安排“${item?.title || `第 ${Number(m[1]) + 1} 项`}”：${f.message}` };
    }
    return f;
  });
  return new ApiError(error.status, error.code, error.message, fields);
}
