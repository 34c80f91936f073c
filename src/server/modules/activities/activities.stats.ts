import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  audienceSchema,
  type ActivityKind,
  type Audience,
  type activityStatsSchema,
} from '../../../contracts/activities.js';
import type { z } from 'zod';
import { activityRate } from '../../../domain/activities/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { monthsBetween } from '../../../domain/plan-period.js';
import type { Db } from '../../db/client.js';
import { activities, activityAttendance, activityRegistrations, activityTypes, members, orgs, users } from '../../db/schema/index.js';
import { fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { activityOrg } from './activities.access.js';
import { audienceCondition, isActiveMember } from './activities.audience.js';
import { instant } from './activities.presenter.js';

/** A period of whole days in Asia/Shanghai, both ends included (YYYY-MM-DD). */
export interface DayPeriod {
  from: string;
  to: string;
}

/** The longest period the statistics and the ledger cover at once. */
const MAX_PERIOD_MONTHS = 36;

/** The school year (9月1日 to 8月31日) that contains a day. */
export function schoolYearOf(day: string): DayPeriod {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? year : year - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** The period of a statistics request: by default the current school year (Asia/Shanghai); at most three years. */
export function statsPeriod(q: { from?: string; to?: string }, today = todayInShanghai()): DayPeriod {
  const year = schoolYearOf(q.from ?? q.to ?? today);
  const period = { from: q.from ?? year.from, to: q.to ?? year.to };
  if (period.to < period.from) throw fieldError('to', '结束日期不能早于开始日期');
  if (monthsBetween(period.from, period.to) >= MAX_PERIOD_MONTHS) throw fieldError('to', `统计范围不能超过 ${MAX_PERIOD_MONTHS / 12} 年`);
  return period;
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Activities held by the union in the period: published (not cancelled), starting on a day of the period
 * (Asia/Shanghai) and already started. Statistics, the ledger and the goal metrics all count these.
 */
export function heldIn(orgId: string, period: DayPeriod): SQL {
  return and(
    eq(activities.orgId, orgId),
    eq(activities.status, 'published'),
    gte(activities.startsAt, sql`${`${period.from}T00:00:00+08:00`}::timestamptz`),
    lt(activities.startsAt, sql`${`${dayAfter(period.to)}T00:00:00+08:00`}::timestamptz`),
    lte(activities.startsAt, sql`now()`),
  )!;
}

/** How many activities held in the period each member attended (members who attended none have no row). */
function attendanceCounts(db: Db, orgId: string, period: DayPeriod) {
  return db.$with('attended').as(
    db
      .select({ memberId: activityAttendance.memberId, n: sql<number>`count(*)::int`.as('n') })
      .from(activityAttendance)
      .innerJoin(activities, eq(activities.id, activityAttendance.activityId))
      .where(and(eq(activityAttendance.orgId, orgId), heldIn(orgId, period)))
      .groupBy(activityAttendance.memberId),
  );
}

/**
 * The participation base (DOMAIN.md), as a condition on `members`: at work and in good standing and joined by the
 * period's end, or a retiree invited to a retirees' activity held in the period.
 */
function eligibleIn(orgId: string, period: DayPeriod): SQL {
  const activeJoined = and(eq(members.orgId, orgId), isActiveMember, or(isNull(members.joinedOn), lte(members.joinedOn, period.to)));
  const retireeInvited = and(
    audienceCondition(orgId, { kind: 'retirees' }),
    sql`EXISTS (SELECT 1 FROM ${activities} WHERE ${heldIn(orgId, period)} AND ${activities.audience}->>'kind' = 'retirees')`,
  );
  return sql`(${or(activeJoined, retireeInvited)})`;
}

type Participation = { attended: number; eligible: number; rate: number | null };
/** Chinese names in pinyin order (one collator: creating one per comparison is slow on a long roster). */
const collator = new Intl.Collator('zh');
const rateOf = (attended: number, eligible: number): Participation => ({ attended, eligible, rate: eligible === 0 ? null : attended / eligible });

/**
 * Participation of the union over the period (eligible members who attended ÷ eligible members), in total and per
 * union group, counted by the database in one pass over the roster.
 */
export async function participationFigures(db: Db, orgId: string, period: DayPeriod) {
  const attended = attendanceCounts(db, orgId, period);
  const rows = await db
    .with(attended)
    .select({
      groupId: members.groupId,
      isTotal: sql<number>`GROUPING(${members.groupId})`.mapWith(Number),
      eligible: sql<number>`count(*)::int`.mapWith(Number),
      attended: sql<number>`(count(*) FILTER (WHERE ${attended.n} > 0))::int`.mapWith(Number),
    })
    .from(members)
    .leftJoin(attended, eq(attended.memberId, members.id))
    .where(and(eq(members.orgId, orgId), eligibleIn(orgId, period)))
    .groupBy(sql`GROUPING SETS ((${members.groupId}), ())`);
  const total = rows.find((r) => r.isTotal === 1);
  const groups = rows.filter((r) => r.isTotal === 0);
  const ids = groups.map((g) => g.groupId).filter((id): id is string => id !== null);
  const names = ids.length === 0 ? [] : await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const byGroup = groups
    .map((g) => ({ groupId: g.groupId, groupName: (g.groupId && nameOf.get(g.groupId)) || '未分组', ...rateOf(g.attended, g.eligible) }))
    .sort((a, b) => (a.groupId === null ? 1 : b.groupId === null ? -1 : collator.compare(a.groupName, b.groupName)));
  return { participation: rateOf(total?.attended ?? 0, total?.eligible ?? 0), byGroup };
}

/** Participation of the union over the period, in total. */
export async function participationOf(db: Db, orgId: string, period: DayPeriod): Promise<Participation> {
  return (await participationFigures(db, orgId, period)).participation;
}

/** How many activities the union held in the period, of one kind or of all. */
export async function heldCount(db: Db, orgId: string, period: DayPeriod, kind?: ActivityKind): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(activities)
    .innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
    .where(and(heldIn(orgId, period), kind ? eq(activityTypes.kind, kind) : undefined));
  return Number(row?.n ?? 0);
}

/**
 * How many members each audience invites as the roster stands now, one count per distinct audience (many
 * activities share 全体在职会员), keyed by the audience's JSON.
 */
export async function invitedCounts(db: Db, orgId: string, audiences: readonly unknown[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const raw of audiences) {
    const key = JSON.stringify(raw);
    if (counts.has(key)) continue;
    const parsed = audienceSchema.safeParse(raw);
    if (!parsed.success) {
      counts.set(key, 0);
      continue;
    }
    const [row] = await db.select({ n: count() }).from(members).where(audienceCondition(orgId, parsed.data));
    counts.set(key, Number(row?.n ?? 0));
  }
  return counts;
}

/** An activity held in the period with its figures: invited (the audience now), confirmed, wait-listed, attended. */
export interface HeldActivityFigures {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  typeName: string;
  kind: ActivityKind;
  organiserName: string | null;
  audience: Audience;
  invited: number;
  confirmed: number;
  waitlisted: number;
  attended: number;
  rate: number | null;
}

/** The activities held in the period, in date order, each with its figures. */
export async function heldActivityFigures(db: Db, orgId: string, period: DayPeriod): Promise<HeldActivityFigures[]> {
  const countOf = (status: 'confirmed' | 'waitlisted') =>
    sql<number>`(SELECT count(*) FROM ${activityRegistrations} WHERE ${activityRegistrations.activityId} = ${activities.id} AND ${activityRegistrations.status} = ${status})::int`.mapWith(Number);
  const rows = await db
    .select({
      id: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      place: activities.place,
      audience: activities.audience,
      typeName: activityTypes.name,
      kind: activityTypes.kind,
      organiserName: users.displayName,
      confirmed: countOf('confirmed'),
      waitlisted: countOf('waitlisted'),
      attended: sql<number>`(SELECT count(*) FROM ${activityAttendance} WHERE ${activityAttendance.activityId} = ${activities.id})::int`.mapWith(Number),
    })
    .from(activities)
    .innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
    .leftJoin(users, eq(users.id, activities.organiserUserId))
    .where(heldIn(orgId, period))
    .orderBy(asc(activities.startsAt), asc(activities.id));
  const invited = await invitedCounts(db, orgId, rows.map((r) => r.audience));
  return rows.map((r) => {
    const n = invited.get(JSON.stringify(r.audience)) ?? 0;
    return { ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), audience: r.audience as Audience, invited: n, rate: activityRate(n, r.attended) };
  });
}

/**
 * Attendance per member over the period: every member in the participation base (with 0 when they attended
 * nothing) and anyone else who attended; the most active first.
 */
export async function memberAttendance(db: Db, orgId: string, period: DayPeriod) {
  const attended = attendanceCounts(db, orgId, period);
  const rows = await db
    .with(attended)
    .select({ memberId: members.id, name: members.name, groupName: orgs.name, attended: sql<number>`coalesce(${attended.n}, 0)::int`.mapWith(Number) })
    .from(members)
    .leftJoin(attended, eq(attended.memberId, members.id))
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .where(and(eq(members.orgId, orgId), or(sql`${attended.n} > 0`, eligibleIn(orgId, period))))
    .orderBy(desc(sql`coalesce(${attended.n}, 0)`), asc(members.pinyinKey), asc(members.id));
  return rows;
}

/** GET /activities/stats: participation of the union and per group, activities by kind, per activity and per member. */
export async function activityStats(ctx: Ctx, q: { from?: string; to?: string }): Promise<z.infer<typeof activityStatsSchema>> {
  const org = activityOrg(ctx, 'activity.manage');
  const period = statsPeriod(q);
  const { participation, byGroup } = await participationFigures(ctx.db, org.id, period);
  const held = await heldActivityFigures(ctx.db, org.id, period);
  const memberRows = await memberAttendance(ctx.db, org.id, period);
  const perKind = new Map<ActivityKind, number>();
  for (const a of held) perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + 1);
  return {
    ...period,
    participation,
    byGroup,
    byKind: ACTIVITY_KINDS.map((kind) => ({ kind, label: ACTIVITY_KIND_LABELS[kind], count: perKind.get(kind) ?? 0 })),
    activities: held.map((a) => ({
      id: a.id,
      title: a.title,
      startsAt: instant(a.startsAt),
      typeName: a.typeName,
      invited: a.invited,
      confirmed: a.confirmed,
      attended: a.attended,
      rate: a.rate,
    })),
    members: memberRows,
  };
}
