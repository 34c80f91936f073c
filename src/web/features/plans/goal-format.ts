import { COMPARATOR_LABELS, COMPARATORS, GOAL_METRIC_IDS, GOAL_METRICS, type Comparator, type GoalMetric } from '../../../domain/goal-metrics';

/** The metric catalogue as select options ("文体活动参与率（%）"). */
export const METRIC_OPTIONS = GOAL_METRIC_IDS.map((id) => ({
  value: id,
  label: `${GOAL_METRICS[id].label}（${GOAL_METRICS[id].unit === 'rate' ? '%' : '次'}）`,
}));

/** 不低于 / 不高于 / 达到 / 高于 / 低于 as select options. */
export const COMPARATOR_OPTIONS = COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }));

/** A metric id from the API as the catalogue knows it; an unknown id counts as none. */
export function asMetric(metric: string | null | undefined): GoalMetric | null {
  return metric && metric in GOAL_METRICS ? (metric as GoalMetric) : null;
}

/** Whether a metric is a rate (entered as a percentage) or a count. */
export function unitOf(metric: string | null | undefined): 'rate' | 'count' | null {
  const m = asMetric(metric);
  return m ? GOAL_METRICS[m].unit : null;
}

/** The target as the form shows it: a rate 0.85 as 85, a count as it is. */
export function targetForInput(target: number | null | undefined, metric: string | null | undefined): number | null {
  if (target === null || target === undefined) return null;
  // Rounded so 0.85 × 100 shows as 85, not 85.00000000000001.
  return unitOf(metric) === 'rate' ? Math.round(target * 1000) / 10 : target;
}

/** The target as the API takes it: the typed 85 as 0.85 for a rate. */
export function targetFromInput(value: number | null | undefined, metric: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return unitOf(metric) === 'rate' ? Math.round(value * 10) / 1000 : value;
}

/** A goal's metric fields as the API takes them: all three, or all null when the goal has no metric. */
export function goalMetricBody(g: { metric?: string | null; comparator?: Comparator | null; target?: number | null }) {
  if (!asMetric(g.metric)) return { metric: null, comparator: null, target: null };
  return { metric: g.metric, comparator: g.comparator ?? null, target: targetFromInput(g.target, g.metric) };
}
