/**
 * The catalogue of numbers a plan's goal can be bound to (DOMAIN.md §4 "Plan & calendar"). A metric is a rate
 * (a fraction 0..1, shown as a percentage) or a count, measured over the plan's period for the plan's
 * organisation. `source` names the module whose data feeds it; the server registers a reader per metric as
 * its module lands (server/modules/plans/metric-sources.ts), and a metric with no reader shows "尚无数据来源".
 */
export const GOAL_METRICS = {
  participation_rate: { label: '文体活动参与率', unit: 'rate', source: 'activities', keywords: ['参与率', '参与面', '参加率'] },
  study_sessions: { label: '专题学习次数', unit: 'count', source: 'activities', keywords: ['专题学习', '集中学习', '理论学习'] },
  activity_count: { label: '活动次数', unit: 'count', source: 'activities', keywords: ['活动不少于', '活动次数', '开展活动'] },
  request_response_rate: { label: '教职工诉求响应率', unit: 'rate', source: 'requests', keywords: ['响应率', '诉求', '需求响应'] },
  care_coverage: { label: '节日慰问覆盖率', unit: 'rate', source: 'care', keywords: ['慰问覆盖', '慰问率', '走访率', '慰问全覆盖'] },
  care_on_time_rate: {
    label: '五必访按期率',
    unit: 'rate',
    source: 'care',
    // "按期慰问率" is written out so that its 慰问率 does not read as the festival coverage.
    keywords: ['五必访', '按期率', '按期慰问', '按期慰问率', '按时慰问', '按时慰问率', '及时慰问', '及时慰问率', '慰问及时率', '走访及时率', '探望及时率'],
  },
  assistance_count: {
    label: '帮扶人次',
    unit: 'count',
    source: 'hardship',
    keywords: ['帮扶人次', '救助人次', '帮扶困难', '困难职工帮扶', '困难教职工帮扶', '帮扶救助'],
    // Counted in people (人次): a target written "20人次" binds here, never to a count of sessions.
    isHeadcount: true,
  },
  proposal_closure_rate: { label: '提案办结率', unit: 'rate', source: 'proposals', keywords: ['办结率', '提案办理', '落实率'] },
  satisfaction_rate: { label: '满意率', unit: 'rate', source: 'proposals', keywords: ['满意率', '满意度'] },
  membership_rate: { label: '入会率', unit: 'rate', source: 'members', keywords: ['入会率', '建会率'] },
  calendar_completion_rate: { label: '行事历完成率', unit: 'rate', source: 'calendar', keywords: ['计划完成率', '工作完成率', '完成率'] },
} as const satisfies Record<string, { label: string; unit: 'rate' | 'count'; source: string; keywords: readonly string[]; isHeadcount?: boolean }>;

export type GoalMetric = keyof typeof GOAL_METRICS;
export const GOAL_METRIC_IDS = Object.keys(GOAL_METRICS) as GoalMetric[];

export const COMPARATORS = ['>=', '<=', '=', '>', '<'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_LABELS: Record<Comparator, string> = { '>=': '不低于', '<=': '不高于', '=': '达到', '>': '高于', '<': '低于' };

/** Rates are compared after rounding to a tenth of a percent, so 0.85 reached as 17/20 counts as met. */
const RATE_EPSILON = 0.0005;

/** Whether a measured value meets the goal's target. */
export function goalMet(value: number, comparator: Comparator, target: number, unit: 'rate' | 'count'): boolean {
  const eps = unit === 'rate' ? RATE_EPSILON : 0;
  switch (comparator) {
    case '>=':
      return value >= target - eps;
    case '<=':
      return value <= target + eps;
    case '=':
      return Math.abs(value - target) <= eps;
    case '>':
      return value > target + eps;
    case '<':
      return value < target - eps;
  }
}

/** "≥ 85%" / "= 100%" / "≥ 4 次" for a target. */
export function formatTarget(comparator: Comparator, target: number, unit: 'rate' | 'count'): string {
  const sign = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' }[comparator];
  return `${sign} ${formatMetricValue(target, unit)}`;
}

/** A rate as a percentage with at most one decimal (0.855 → 85.5%), a count as "4 次". */
export function formatMetricValue(value: number, unit: 'rate' | 'count'): string {
  if (unit === 'count') return `${value} 次`;
  const pct = Math.round(value * 1000) / 10;
  return `${pct}%`;
}
