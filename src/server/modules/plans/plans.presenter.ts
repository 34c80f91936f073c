import type { GoalLiveValue, GoalView, PlanSummary, SectionView } from '../../../contracts/plans.js';
import { formatTarget, GOAL_METRICS, type GoalMetric } from '../../../domain/goal-metrics.js';
import type { GoalRow, PlanRow, SectionRow } from './plans.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The fields every view of a plan starts with. */
export function planBase(row: PlanRow) {
  return {
    id: row.id,
    title: row.title,
    periodKind: row.periodKind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    planDate: row.planDate,
    copiedFromId: row.copiedFromId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A plan in the list. */
export function planSummary(row: PlanRow & { sectionCount: number; goalCount: number; itemCount: number; doneCount: number }): PlanSummary {
  return {
    ...planBase(row),
    sectionCount: Number(row.sectionCount),
    goalCount: Number(row.goalCount),
    itemCount: Number(row.itemCount),
    doneCount: Number(row.doneCount),
  };
}

/** A section as the editor receives it. */
export function sectionView(row: SectionRow): SectionView {
  return { id: row.id, position: row.position, heading: row.heading, body: row.body };
}

/** A goal with its metric spelled out and its live value. */
export function goalView(row: GoalRow, value: GoalLiveValue): GoalView {
  const metric = row.metric && row.metric in GOAL_METRICS ? GOAL_METRICS[row.metric as GoalMetric] : null;
  return {
    id: row.id,
    position: row.position,
    text: row.text,
    metric: row.metric,
    comparator: row.comparator,
    target: row.target,
    label: metric?.label ?? null,
    unit: metric?.unit ?? null,
    targetLabel: metric && row.comparator && row.target !== null ? formatTarget(row.comparator, row.target, metric.unit) : null,
    value,
  };
}
