import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  assistanceRecords,
  careBirthdayBenefits,
  careCampaignRecipients,
  careCampaigns,
  careEventTypes,
  careEvents,
  careVisits,
  members,
  orgs,
  users,
} from '../../db/schema/index.js';

/*
 * What the care reports and the plan's goal metrics read: care given in a period (visits, festival receipts,
 * birthday benefits), the 五必访 events of a period with their first visit, started campaigns, overrides, assistance.
 * Periods are whole Asia/Shanghai days, both ends included.
 */

/** A period of days (YYYY-MM-DD), both ends included. */
export interface DayPeriod {
  from: string;
  to: string;
}

const reportGroup = alias(orgs, 'report_group');
const approver = alias(users, 'report_approver');
const dayStart = (day: string) => sql`${`${day}T00:00:00+08:00`}::timestamptz`;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** An instant as its Asia/Shanghai day. */
const shanghaiDay = (col: unknown) => sql<string>`to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
/** An instant within the period's days. */
const instantIn = (col: typeof careCampaignRecipients.receivedAt | typeof careCampaigns.startedAt, p: DayPeriod) =>
  and(gte(col, dayStart(p.from)), lt(col, dayStart(dayAfter(p.to))));

/** One line of care given: who, when, in which group, how much, under which type (visits) or source. */
export interface CareLine {
  source: 'visit' | 'festival' | 'birthday';
  typeId: string | null;
  typeName: string;
  typePosition: number;
  memberId: string;
  groupId: string | null;
  groupName: string | null;
  on: string;
  amountFen: number;
}

/** Everything the union gave in the period: visits (by visit date), receipts (by 签收 day), birthday benefits. */
export async function careLines(db: Db, unionId: string, p: DayPeriod): Promise<CareLine[]> {
  const [visits, receipts, birthdays] = await Promise.all([
    db
      .select({
        typeId: careVisits.typeId,
        typeName: careEventTypes.name,
        typePosition: careEventTypes.position,
        memberId: careVisits.memberId,
        groupId: members.groupId,
        groupName: reportGroup.name,
        on: careVisits.visitedOn,
        amountFen: careVisits.amountFen,
      })
      .from(careVisits)
      .innerJoin(careEventTypes, eq(careEventTypes.id, careVisits.typeId))
      .innerJoin(members, eq(members.id, careVisits.memberId))
      .leftJoin(reportGroup, eq(reportGroup.id, members.groupId))
      .where(and(eq(careVisits.orgId, unionId), gte(careVisits.visitedOn, p.from), lte(careVisits.visitedOn, p.to))),
    db
      .select({
        memberId: careCampaignRecipients.memberId,
        groupId: careCampaignRecipients.groupId,
        groupName: reportGroup.name,
        on: shanghaiDay(careCampaignRecipients.receivedAt),
        amountFen: careCampaignRecipients.valueFen,
      })
      .from(careCampaignRecipients)
      .innerJoin(careCampaigns, eq(careCampaigns.id, careCampaignRecipients.campaignId))
      .leftJoin(reportGroup, eq(reportGroup.id, careCampaignRecipients.groupId))
      .where(and(eq(careCampaigns.orgId, unionId), isNull(careCampaignRecipients.excludedReason), instantIn(careCampaignRecipients.receivedAt, p))),
    db
      .select({
        memberId: careBirthdayBenefits.memberId,
        groupId: members.groupId,
        groupName: reportGroup.name,
        on: careBirthdayBenefits.givenOn,
        amountFen: careBirthdayBenefits.amountFen,
      })
      .from(careBirthdayBenefits)
      .innerJoin(members, eq(members.id, careBirthdayBenefits.memberId))
      .leftJoin(reportGroup, eq(reportGroup.id, members.groupId))
      .where(and(eq(careBirthdayBenefits.orgId, unionId), gte(careBirthdayBenefits.givenOn, p.from), lte(careBirthdayBenefits.givenOn, p.to))),
  ]);
  return [
    ...visits.map((v) => ({ source: 'visit' as const, ...v })),
    ...receipts.map((r) => ({ source: 'festival' as const, typeId: null, typeName: '节日慰问', typePosition: 1000, ...r })),
    ...birthdays.map((b) => ({ source: 'birthday' as const, typeId: null, typeName: '生日慰问', typePosition: 1001, ...b })),
  ];
}

const firstVisitOn = sql<string | null>`(SELECT min(v.visited_on)::text FROM ${careVisits} v WHERE v.event_id = ${careEvents.id})`;

/**
 * The 五必访 events that occurred in the period (up to `until`), with their deadline and first visit: what 按期率
 * counts. Events closed without any visit (登记有误, 已由学校慰问) are left out.
 */
export async function eventsWithFirstVisit(db: Db, unionId: string, p: DayPeriod) {
  const rows = await db
    .select({
      eventId: careEvents.id,
      memberName: members.name,
      groupName: reportGroup.name,
      typeName: careEventTypes.name,
      occurredOn: careEvents.occurredOn,
      dueOn: careEvents.dueOn,
      firstVisitOn,
    })
    .from(careEvents)
    .innerJoin(members, eq(members.id, careEvents.memberId))
    .innerJoin(careEventTypes, eq(careEventTypes.id, careEvents.typeId))
    .leftJoin(reportGroup, eq(reportGroup.id, members.groupId))
    .where(
      and(
        eq(careEvents.orgId, unionId),
        gte(careEvents.occurredOn, p.from),
        lte(careEvents.occurredOn, p.to),
        or(ne(careEvents.status, 'closed'), sql`EXISTS (SELECT 1 FROM ${careVisits} v WHERE v.event_id = ${careEvents.id})`),
      ),
    )
    .orderBy(asc(careEvents.occurredOn), asc(careEvents.id));
  return rows.map((r) => ({ ...r, firstVisitOn: r.firstVisitOn === null ? null : String(r.firstVisitOn).slice(0, 10) }));
}

/** The union's campaigns started in the period, oldest first. */
export async function campaignsStartedIn(db: Db, unionId: string, p: DayPeriod) {
  return db
    .select()
    .from(careCampaigns)
    .where(and(eq(careCampaigns.orgId, unionId), inArray(careCampaigns.status, ['distributing', 'closed']), instantIn(careCampaigns.startedAt, p)))
    .orderBy(asc(careCampaigns.startedAt), asc(careCampaigns.id));
}

/** Visits and birthday benefits of the period the chair let past a rule, with the reason, who approved and the rules passed. */
export async function overridesIn(db: Db, unionId: string, p: DayPeriod) {
  const [visits, birthdays] = await Promise.all([
    db
      .select({
        visitId: careVisits.id,
        eventId: careVisits.eventId,
        memberName: members.name,
        typeName: careEventTypes.name,
        visitedOn: careVisits.visitedOn,
        amountFen: careVisits.amountFen,
        reason: careVisits.overrideReason,
        by: approver.displayName,
        violations: careVisits.overrideViolations,
      })
      .from(careVisits)
      .innerJoin(members, eq(members.id, careVisits.memberId))
      .innerJoin(careEventTypes, eq(careEventTypes.id, careVisits.typeId))
      .leftJoin(approver, eq(approver.id, careVisits.overrideBy))
      .where(and(eq(careVisits.orgId, unionId), isNotNull(careVisits.overrideReason), gte(careVisits.visitedOn, p.from), lte(careVisits.visitedOn, p.to))),
    db
      .select({
        visitId: careBirthdayBenefits.id,
        memberName: members.name,
        visitedOn: careBirthdayBenefits.givenOn,
        amountFen: careBirthdayBenefits.amountFen,
        reason: careBirthdayBenefits.overrideReason,
        by: approver.displayName,
        violations: careBirthdayBenefits.overrideViolations,
      })
      .from(careBirthdayBenefits)
      .innerJoin(members, eq(members.id, careBirthdayBenefits.memberId))
      .leftJoin(approver, eq(approver.id, careBirthdayBenefits.overrideBy))
      .where(
        and(
          eq(careBirthdayBenefits.orgId, unionId),
          isNotNull(careBirthdayBenefits.overrideReason),
          gte(careBirthdayBenefits.givenOn, p.from),
          lte(careBirthdayBenefits.givenOn, p.to),
        ),
      ),
  ]);
  return [...visits, ...birthdays.map((b) => ({ ...b, eventId: null, typeName: '生日慰问' }))].sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : 0));
}

/** Assistance (帮扶) given in the period per kind: records (人次), distinct people, amounts. Keepers' figures only. */
export async function assistanceByKind(db: Db, unionId: string, p: DayPeriod) {
  const where = and(eq(assistanceRecords.orgId, unionId), gte(assistanceRecords.givenOn, p.from), lte(assistanceRecords.givenOn, p.to));
  const [byKind, [people]] = await Promise.all([
    db
      .select({
        kind: assistanceRecords.kind,
        count: sql<number>`count(*)::int`.mapWith(Number),
        amountFen: sql<number>`coalesce(sum(${assistanceRecords.amountFen}), 0)::int`.mapWith(Number),
      })
      .from(assistanceRecords)
      .where(where)
      .groupBy(assistanceRecords.kind),
    db.select({ n: sql<number>`count(DISTINCT ${assistanceRecords.memberId})::int`.mapWith(Number) }).from(assistanceRecords).where(where),
  ]);
  return { byKind, people: people?.n ?? 0 };
}
