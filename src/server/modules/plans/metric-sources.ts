import type { Db } from '../../db/client.js';
import type { Action } from '../../../domain/policy.js';
import type { GoalLiveValue } from '../../../contracts/plans.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { GOAL_METRICS, GOAL_METRIC_IDS, goalMet, type Comparator, type GoalMetric } from '../../../domain/goal-metrics.js';
import { dueItemCounts } from '../calendar/calendar.repository.js';
import { heldCount, participationOf } from '../activities/activities.stats.js';
import { onTimeRate } from '../../../domain/care/index.js';
import { countsByCampaign } from '../care/care-campaigns.repository.js';
import { assistanceByKind, campaignsStartedIn, eventsWithFirstVisit } from '../care/care-reports.queries.js';
import { figuresOfPeriod } from '../proposals/proposal-figures.service.js';

/** Reads a metric's value for an organisation over a period; null when there is nothing to measure yet. */
export type MetricReader = (
  db: Db,
  org: { id: string; path: string },
  period: { start: string; end: string },
) => Promise<{ value: number; detail: string } | null>;

/**
 * 行事历完成率: of the organisation's items due in the period so far (end date in the period and not after today,
 * cancelled ones left out), the share marked done.
 */
const calendarCompletionRate: MetricReader = async (db, org, period) => {
  const today = todayInShanghai();
  const until = period.end < today ? period.end : today;
  if (until < period.start) return null;
  const { due, done } = await dueItemCounts(db, org.id, period.start, until);
  if (due === 0) return null;
  return { value: done / due, detail: `已完成 ${done} / 应完成 ${due} 项` };
};

/** The part of the period until today; null when the period has not begun. */
function periodSoFar(period: { start: string; end: string }): { from: string; to: string } | null {
  const today = todayInShanghai();
  const to = period.end < today ? period.end : today;
  return to < period.start ? null : { from: period.start, to };
}

/**
 * 文体活动参与率 (DOMAIN.md): members who attended at least one activity held in the period so far ÷ the
 * participation base (active members who joined by the period's end, and retirees invited to their activities).
 * Nothing to measure before the first activity is held.
 */
const participationRate: MetricReader = async (db, org, period) => {
  const soFar = periodSoFar(period);
  if (!soFar || (await heldCount(db, org.id, soFar)) === 0) return null;
  const p = await participationOf(db, org.id, { from: period.start, to: period.end });
  if (p.rate === null) return null;
  return { value: p.rate, detail: `参加 ${p.attended} 人 / 应参加 ${p.eligible} 人` };
};

/** 专题学习次数: activities of the kind 学习 held in the period so far (not cancelled). */
const studySessions: MetricReader = async (db, org, period) => {
  const soFar = periodSoFar(period);
  if (!soFar) return null;
  const n = await heldCount(db, org.id, soFar, 'study');
  return { value: n, detail: `已开展专题学习 ${n} 次` };
};

/** 活动次数: activities of any kind held in the period so far (not cancelled). */
const activityCount: MetricReader = async (db, org, period) => {
  const soFar = periodSoFar(period);
  if (!soFar) return null;
  const n = await heldCount(db, org.id, soFar);
  return { value: n, detail: `已开展活动 ${n} 次` };
};

/**
 * 节日慰问覆盖率 (DOMAIN.md): over the festival campaigns started in the period so far, recipients who received
 * (签收) ÷ intended recipients (those left out by the yearly cap not counted). Nothing to measure before a campaign.
 */
const careCoverage: MetricReader = async (db, org, period) => {
  const soFar = periodSoFar(period);
  if (!soFar) return null;
  const campaigns = await campaignsStartedIn(db, org.id, soFar);
  const counts = [...(await countsByCampaign(db, campaigns.map((c) => c.id))).values()];
  const intended = counts.reduce((n, c) => n + c.intended, 0);
  const received = counts.reduce((n, c) => n + c.received, 0);
  if (intended === 0) return null;
  return { value: received / intended, detail: `已签收 ${received} / 应发放 ${intended} 人次（节日慰问 ${campaigns.length} 次）` };
};

/**
 * 五必访按期率: of the care events that occurred in the period so far and whose deadline has passed or been met, the
 * share first visited by the deadline (events closed without a visit, e.g. 登记有误, left out).
 */
const careOnTimeRate: MetricReader = async (db, org, period) => {
  const soFar = periodSoFar(period);
  if (!soFar) return null;
  const r = onTimeRate(await eventsWithFirstVisit(db, org.id, soFar), todayInShanghai());
  if (r.rate === null) return null;
  return { value: r.rate, detail: `按期慰问 ${r.onTime} / 应慰问 ${r.due} 件` };
};

/** 帮扶人次: assistance records given in the period so far (a count only: amounts stay with the hardship keepers). */
const assistanceCount: MetricReader = async (db, org, period) => {
  const soFar = periodSoFar(period);
  if (!soFar) return null;
  const n = (await assistanceByKind(db, org.id, soFar)).byKind.reduce((sum, k) => sum + k.count, 0);
  return { value: n, detail: `已帮扶 ${n} 人次` };
};

/**
 * 提案办结率 (DOMAIN.md): of the proposals accepted (立案) at the congress sessions held in the period, the share
 * closed (办结). Nothing to measure before a proposal is accepted.
 */
const proposalClosureRate: MetricReader = async (db, org, period) => {
  const f = await figuresOfPeriod(db, org.id, period, todayInShanghai());
  if (f.closureRate === null) return null;
  return { value: f.closureRate, detail: `已办结 ${f.closed} / 立案 ${f.accepted} 件` };
};

/**
 * 满意率: of the proposals of the sessions held in the period whose reply the proposer has rated (the rating of the
 * latest round), the share rated 满意 or 基本满意.
 */
const proposalSatisfactionRate: MetricReader = async (db, org, period) => {
  const f = await figuresOfPeriod(db, org.id, period, todayInShanghai());
  if (f.satisfactionRate === null) return null;
  return { value: f.satisfactionRate, detail: `满意和基本满意 ${f.satisfied} / 已评价 ${f.rated} 件` };
};

/**
 * The metrics the server can measure, one reader per metric whose data exists. A metric without a reader shows
 * "尚无数据来源"; when its module lands, adding its reader here is all it takes. 入会率 has none on purpose: the
 * roster lists members only, so staff who never joined are unknown and any rate read from it would be inflated.
 */
export const METRIC_SOURCES: Record<GoalMetric, MetricReader | undefined> = {
  participation_rate: participationRate,
  study_sessions: studySessions,
  activity_count: activityCount,
  request_response_rate: undefined,
  care_coverage: careCoverage,
  care_on_time_rate: careOnTimeRate,
  assistance_count: assistanceCount,
  proposal_closure_rate: proposalClosureRate,
  satisfaction_rate: proposalSatisfactionRate,
  membership_rate: undefined,
  calendar_completion_rate: calendarCompletionRate,
};

const isKnownMetric = (id: string): id is GoalMetric => id in GOAL_METRICS;

/**
 * Metrics whose value only some readers of a plan may see: 帮扶人次 tells, in a small union, who is in hardship, so
 * only the hardship keepers (chair, 生活福利) see it; other readers see that it is measured for them, not the figure.
 */
const RESTRICTED_METRICS: Partial<Record<GoalMetric, { action: Action; detail: string }>> = {
  assistance_count: { action: 'hardship.read', detail: '帮扶人次仅工会主席和生活福利委员可见' },
};

/** The catalogue as the goal editor offers it, with whether each metric can be measured yet. */
export function metricCatalogue() {
  return GOAL_METRIC_IDS.map((id) => ({ id, label: GOAL_METRICS[id].label, unit: GOAL_METRICS[id].unit, source: GOAL_METRICS[id].source, hasSource: METRIC_SOURCES[id] !== undefined }));
}

/** A goal's live value over the plan's period, as the reader (`mayRead`: what they may do in the plan's organisation) may see it. */
export async function goalValue(
  db: Db,
  org: { id: string; path: string },
  period: { start: string; end: string },
  goal: { metric: string | null; comparator: Comparator | null; target: number | null },
  mayRead: (action: Action) => boolean,
): Promise<GoalLiveValue> {
  if (!goal.metric) return { status: 'no_metric' };
  if (!isKnownMetric(goal.metric)) return { status: 'no_source' };
  const reader = METRIC_SOURCES[goal.metric];
  if (!reader) return { status: 'no_source' };
  const restricted = RESTRICTED_METRICS[goal.metric];
  if (restricted && !mayRead(restricted.action)) return { status: 'no_data', detail: restricted.detail };
  const read = await reader(db, org, period);
  if (!read) return { status: 'no_data', detail: '期间内尚无可计算的数据' };
  const unit = GOAL_METRICS[goal.metric].unit;
  const met = goal.comparator !== null && goal.target !== null && goalMet(read.value, goal.comparator, goal.target, unit);
  return { status: 'measured', value: read.value, met, detail: read.detail };
}
