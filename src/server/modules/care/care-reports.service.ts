import { ASSISTANCE_KINDS, type CapViolation, type CareReport } from '../../../contracts/care.js';
import { daysBetween, onTimeRate, shanghaiToday } from '../../../domain/care/index.js';
import { monthsBetween } from '../../../domain/plan-period.js';
import { can } from '../../../domain/policy.js';
import { fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { careScopeFor } from './care.access.js';
import { byGroupName, countsByCampaign, NO_GROUP } from './care-campaigns.repository.js';
import { campaignSummaryView } from './care-campaigns.service.js';
import { assistanceByKind, campaignsStartedIn, careLines, eventsWithFirstVisit, overridesIn, type CareLine, type DayPeriod } from './care-reports.queries.js';

/*
 * Care reports (慰问统计, care.manage): 人次, people and amounts by type, month and group; 五必访 on time and late;
 * coverage per festival campaign; the chair's overrides; and, for the hardship keepers only, 帮扶人次 and amounts.
 */

/** The longest period a report covers. */
const MAX_PERIOD_MONTHS = 36;

/** The report's period: by default the calendar year (Asia/Shanghai) of the day given or of today; at most 3 years. */
export function reportPeriod(q: { from?: string; to?: string }, today = shanghaiToday(new Date())): DayPeriod {
  const year = (q.from ?? q.to ?? today).slice(0, 4);
  const period = { from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` };
  if (period.to < period.from) throw fieldError('to', '结束日期不能早于开始日期');
  if (monthsBetween(period.from, period.to) >= MAX_PERIOD_MONTHS) throw fieldError('to', `统计范围不能超过 ${MAX_PERIOD_MONTHS / 12} 年`);
  return period;
}

/** The months of a period, "YYYY-MM", in order. */
export function monthsOf(p: DayPeriod): string[] {
  const months: string[] = [];
  let [y, m] = p.from.split('-').map(Number);
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

type Tally = { times: number; people: Set<string>; amountFen: number };
const tally = (): Tally => ({ times: 0, people: new Set(), amountFen: 0 });
const add = (t: Tally, l: CareLine) => {
  t.times++;
  t.people.add(l.memberId);
  t.amountFen += l.amountFen;
};
const counts = (t: Tally) => ({ times: t.times, people: t.people.size, amountFen: t.amountFen });

/** Lines of care grouped by a key, each group keeping the first line it saw (for its names). */
function groupLines<K>(lines: CareLine[], keyOf: (l: CareLine) => K): Map<K, { first: CareLine; t: Tally }> {
  const groups = new Map<K, { first: CareLine; t: Tally }>();
  for (const l of lines) {
    const k = keyOf(l);
    const g = groups.get(k) ?? { first: l, t: tally() };
    add(g.t, l);
    groups.set(k, g);
  }
  return groups;
}

/** GET /care/reports?from&to. */
export async function careReport(ctx: Ctx, q: { from?: string; to?: string }): Promise<CareReport> {
  const scope = await careScopeFor(ctx, 'care.manage');
  const period = reportPeriod(q);
  const today = shanghaiToday(new Date());
  const unionId = scope.union.id;
  const isKeeper = can(ctx.actor, 'hardship.read', { type: 'org', path: scope.org.path });
  const [lines, events, campaigns, overrides, assistance] = await Promise.all([
    careLines(ctx.db, unionId, period),
    eventsWithFirstVisit(ctx.db, unionId, period),
    campaignsStartedIn(ctx.db, unionId, period),
    overridesIn(ctx.db, unionId, period),
    isKeeper ? assistanceByKind(ctx.db, unionId, period) : null,
  ]);
  const campaignCounts = await countsByCampaign(
    ctx.db,
    campaigns.map((c) => c.id),
  );

  const total = tally();
  for (const l of lines) add(total, l);
  const byType = [...groupLines(lines, (l) => `${l.source}:${l.typeId ?? ''}`).values()]
    .sort((a, b) => a.first.typePosition - b.first.typePosition || a.first.typeName.localeCompare(b.first.typeName, 'zh'))
    .map(({ first, t }) => ({ source: first.source, typeId: first.typeId, typeName: first.typeName, ...counts(t) }));
  const months = groupLines(lines, (l) => l.on.slice(0, 7));
  const byMonth = monthsOf(period).map((month) => ({ month, ...counts(months.get(month)?.t ?? tally()) }));
  const byGroup = [...groupLines(lines, (l) => l.groupId).values()]
    .map(({ first, t }) => ({ groupId: first.groupId, groupName: first.groupName ?? NO_GROUP, ...counts(t) }))
    .sort(byGroupName);

  const onTime = onTimeRate(events, today);
  const overdue = events
    .filter((e) => e.dueOn !== null && (e.firstVisitOn === null ? e.dueOn < today : e.firstVisitOn > e.dueOn))
    .map((e) => ({
      eventId: e.eventId,
      memberName: e.memberName,
      groupName: e.groupName,
      typeName: e.typeName,
      occurredOn: e.occurredOn,
      dueOn: e.dueOn!,
      firstVisitOn: e.firstVisitOn,
      daysLate: daysBetween(e.dueOn!, e.firstVisitOn ?? today),
    }))
    .sort((a, b) => b.daysLate - a.daysLate);

  return {
    from: period.from,
    to: period.to,
    totals: counts(total),
    byType,
    byMonth,
    byGroup,
    onTime: { due: onTime.due, onTime: onTime.onTime, rate: onTime.rate },
    overdue,
    campaigns: campaigns.map((c) => ({ ...campaignSummaryView(c, campaignCounts.get(c.id)), amountFen: campaignCounts.get(c.id)?.receivedFen ?? 0 })),
    overrides: overrides.map((o) => ({ ...o, reason: o.reason ?? '', by: o.by ?? '', violations: (o.violations ?? []) as CapViolation[] })),
    assistance: assistance && {
      count: assistance.byKind.reduce((n, k) => n + k.count, 0),
      people: assistance.people,
      amountFen: assistance.byKind.reduce((n, k) => n + k.amountFen, 0),
      byKind: ASSISTANCE_KINDS.map((kind) => {
        const k = assistance.byKind.find((x) => x.kind === kind);
        return { kind, count: k?.count ?? 0, amountFen: k?.amountFen ?? 0 };
      }),
    },
  };
}
