import { and, asc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CARE_EVENT_KIND_LABELS, DEFAULT_CARE_EVENT_KINDS, type BenefitForm, type CareEventKind, type CarePreset, type CareRule } from '../../../contracts/care.js';
import { DEFAULT_CARE_RULES } from '../../../domain/care/index.js';
import type { Db } from '../../db/client.js';
import { careEvents, careEventTypes, careFiles, carePovertyLines, careSettings, careVisits, members, orgs, roleAssignments, users } from '../../db/schema/index.js';

/*
 * The care tables of a union as the events, visits and policy services read them. Every query names the union
 * (`orgId`), so another organisation's ids are simply not found.
 */

export type CareTypeRow = typeof careEventTypes.$inferSelect;
export type CareEventRow = typeof careEvents.$inferSelect;
export type CareVisitRow = typeof careVisits.$inferSelect;

/** The retirees' visit type every union starts with (重阳, 春节 visits to 退休教职工): kind `other`, no deadline. */
export const RETIREE_VISIT_TYPE = '退休教职工走访';

/** The default 五必访 list with the default rules, then the retirees' visit type. */
export function defaultCareTypes(): { name: string; kind: CareEventKind; rule: CareRule }[] {
  return [
    ...DEFAULT_CARE_EVENT_KINDS.map((kind) => ({ name: CARE_EVENT_KIND_LABELS[kind], kind, rule: DEFAULT_CARE_RULES[kind] })),
    { name: RETIREE_VISIT_TYPE, kind: 'other' as const, rule: DEFAULT_CARE_RULES.other },
  ];
}

/** A type's rule as domain/care reads it. */
export function ruleOf(t: CareTypeRow): CareRule {
  return {
    deadlineDays: t.deadlineDays,
    standardFen: t.standardFen,
    capPerEventFen: t.capPerEventFen,
    capPerYearFen: t.capPerYearFen,
    countPerYear: t.countPerYear,
    forms: t.forms as BenefitForm[],
    claimMonths: t.claimMonths,
    requiresDues: t.requiresDues,
  };
}

/** A rule as the table's columns. */
export const ruleColumns = (r: CareRule) => ({
  deadlineDays: r.deadlineDays,
  standardFen: r.standardFen,
  capPerEventFen: r.capPerEventFen,
  capPerYearFen: r.capPerYearFen,
  countPerYear: r.countPerYear,
  forms: [...r.forms],
  claimMonths: r.claimMonths,
  requiresDues: r.requiresDues,
});

/**
 * Inserts the default types for a union that has none. Two requests doing it at once both succeed: the unique
 * (org, name) index lets the second insert nothing.
 */
export async function ensureDefaultCareTypes(db: Db, orgId: string): Promise<void> {
  const [any] = await db.select({ id: careEventTypes.id }).from(careEventTypes).where(eq(careEventTypes.orgId, orgId)).limit(1);
  if (any) return;
  await db
    .insert(careEventTypes)
    .values(defaultCareTypes().map((t, position) => ({ orgId, name: t.name, kind: t.kind, position, ...ruleColumns(t.rule) })))
    .onConflictDoNothing({ target: [careEventTypes.orgId, careEventTypes.name] });
}

/** The union's event types in their order (archived ones included); the default list on first use. */
export async function careTypesOf(db: Db, orgId: string): Promise<CareTypeRow[]> {
  await ensureDefaultCareTypes(db, orgId);
  return db.select().from(careEventTypes).where(eq(careEventTypes.orgId, orgId)).orderBy(asc(careEventTypes.position), asc(careEventTypes.name));
}

/** One type of the union, or null. */
export async function findCareType(db: Db, orgId: string, id: string): Promise<CareTypeRow | null> {
  const [row] = await db.select().from(careEventTypes).where(and(eq(careEventTypes.orgId, orgId), eq(careEventTypes.id, id))).limit(1);
  return row ?? null;
}

/** The union's festival and birthday rules and approved ethnic festivals (defaults until the table is first saved). */
export interface CareSettings {
  festivalCapPerYearFen: number | null;
  festivalForms: BenefitForm[];
  birthdayCapFen: number | null;
  birthdayForms: BenefitForm[];
  ethnicFestivals: string[];
  preset: CarePreset | null;
  updatedAt: Date | null;
}

/** The union's care settings. */
export async function careSettingsOf(db: Db, orgId: string): Promise<CareSettings> {
  const [row] = await db.select().from(careSettings).where(eq(careSettings.orgId, orgId)).limit(1);
  if (!row) return { festivalCapPerYearFen: null, festivalForms: ['goods'], birthdayCapFen: null, birthdayForms: ['goods', 'voucher'], ethnicFestivals: [], preset: null, updatedAt: null };
  return {
    festivalCapPerYearFen: row.festivalCapPerYearFen,
    festivalForms: row.festivalForms as BenefitForm[],
    birthdayCapFen: row.birthdayCapFen,
    birthdayForms: row.birthdayForms as BenefitForm[],
    ethnicFestivals: row.ethnicFestivals,
    preset: row.preset,
    updatedAt: row.updatedAt,
  };
}

/** Writes the union's care settings (insert or replace). */
export async function saveCareSettings(db: Db, orgId: string, s: Omit<CareSettings, 'updatedAt'>): Promise<void> {
  const values = { ...s, festivalForms: [...s.festivalForms], birthdayForms: [...s.birthdayForms], ethnicFestivals: [...s.ethnicFestivals], updatedAt: new Date() };
  await db.insert(careSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: careSettings.orgId, set: values });
}

/** The union's 低保线 by year, oldest first. */
export async function povertyLinesOf(db: Db, orgId: string): Promise<{ year: number; monthlyFen: number }[]> {
  return db.select({ year: carePovertyLines.year, monthlyFen: carePovertyLines.monthlyFen }).from(carePovertyLines).where(eq(carePovertyLines.orgId, orgId)).orderBy(asc(carePovertyLines.year));
}

// ——— Members and the people around them ———

const groupOrg = alias(orgs, 'care_group');

/** A member of the union as care needs it: name, account, group (with its path, for the policy), status. */
export async function careMemberOf(db: Db, unionId: string, memberId: string) {
  const [row] = await db
    .select({
      id: members.id,
      name: members.name,
      userId: members.userId,
      groupId: members.groupId,
      groupName: groupOrg.name,
      groupPath: groupOrg.path,
      membershipStatus: members.membershipStatus,
    })
    .from(members)
    .leftJoin(groupOrg, eq(groupOrg.id, members.groupId))
    .where(and(eq(members.orgId, unionId), eq(members.id, memberId)))
    .limit(1);
  return row ?? null;
}
export type CareMember = NonNullable<Awaited<ReturnType<typeof careMemberOf>>>;

/** The grassroots union a group (or sub-union) belongs to: the grassroots node on its path. */
export async function unionOfPath(db: Db, path: string): Promise<{ id: string; path: string } | null> {
  const [row] = await db
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grassroots'), sql`${path} LIKE ${orgs.path} || '%'`))
    .limit(1);
  return row ?? null;
}

/** Holders of the roles that look after a member: the group's leaders, the union's welfare member, chair, vice chair. */
export async function carersOf(db: Db, unionId: string, groupId: string | null) {
  const rows = await db
    .select({ userId: users.id, name: users.displayName, role: roleAssignments.role, portfolio: roleAssignments.portfolio })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      or(
        groupId ? and(eq(roleAssignments.orgId, groupId), eq(roleAssignments.role, 'group_leader')) : undefined,
        and(
          eq(roleAssignments.orgId, unionId),
          or(and(eq(roleAssignments.role, 'committee'), eq(roleAssignments.portfolio, '生活福利')), inArray(roleAssignments.role, ['chair', 'vice_chair'])),
        ),
      ),
    )
    .orderBy(asc(roleAssignments.createdAt), asc(users.id));
  return rows;
}

/** Which of these users hold a role in the union or one of its groups (visitors named by account). */
export async function roleHoldersInUnion(db: Db, unionPath: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ userId: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .where(and(inArray(roleAssignments.userId, userIds), sql`${orgs.path} LIKE ${`${unionPath}%`}`));
  return new Map(rows.map((r) => [r.userId, r.name]));
}

// ——— Events ———

const reporter = alias(users, 'care_reporter');

/** An event with its member, group and type names and what has been given so far. */
export const eventColumns = {
  ...getTableColumns(careEvents),
  memberName: members.name,
  memberUserId: members.userId,
  groupId: members.groupId,
  groupName: groupOrg.name,
  groupPath: groupOrg.path,
  typeName: careEventTypes.name,
  typeKind: careEventTypes.kind,
  reporterName: reporter.displayName,
  visitCount: sql<number>`(SELECT count(*) FROM ${careVisits} v WHERE v.event_id = ${careEvents.id})`.mapWith(Number),
  givenFen: sql<number>`(SELECT coalesce(sum(v.amount_fen), 0) FROM ${careVisits} v WHERE v.event_id = ${careEvents.id})`.mapWith(Number),
};

/** Events joined with what they are shown with; callers add the conditions. */
export function selectEvents(db: Db) {
  return db
    .select(eventColumns)
    .from(careEvents)
    .innerJoin(members, eq(members.id, careEvents.memberId))
    .innerJoin(careEventTypes, eq(careEventTypes.id, careEvents.typeId))
    .leftJoin(groupOrg, eq(groupOrg.id, members.groupId))
    .leftJoin(reporter, eq(reporter.id, careEvents.reportedBy));
}
export type CareEventFull = Awaited<ReturnType<ReturnType<typeof selectEvents>['where']>>[number];

/** One event of the union, or null. */
export async function findCareEvent(db: Db, unionId: string, id: string): Promise<CareEventFull | null> {
  const [row] = await selectEvents(db).where(and(eq(careEvents.orgId, unionId), eq(careEvents.id, id))).limit(1);
  return row ?? null;
}

// ——— Visits and files ———

const recorder = alias(users, 'care_recorder');
const approver = alias(users, 'care_approver');

/** The visits of some events, oldest first, with the names of who recorded and who approved an override. */
export async function visitsOfEvents(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({ ...getTableColumns(careVisits), recorderName: recorder.displayName, overrideByName: approver.displayName })
    .from(careVisits)
    .leftJoin(recorder, eq(recorder.id, careVisits.recordedBy))
    .leftJoin(approver, eq(approver.id, careVisits.overrideBy))
    .where(inArray(careVisits.eventId, eventIds))
    .orderBy(asc(careVisits.visitedOn), asc(careVisits.recordedAt), asc(careVisits.id));
}
export type CareVisitFull = Awaited<ReturnType<typeof visitsOfEvents>>[number];

/** One visit of the union with its event's id, or null. */
export async function findCareVisit(db: Db, unionId: string, id: string) {
  const [row] = await db.select().from(careVisits).where(and(eq(careVisits.orgId, unionId), eq(careVisits.id, id))).limit(1);
  return row ?? null;
}

/** The files (no bytes) of some owners, oldest first, by owner id. */
export async function filesOfOwners(db: Db, ownerType: 'event' | 'visit', ownerIds: string[]) {
  const byOwner = new Map<string, { id: string; name: string; mime: string; size: number }[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .select({ ownerId: careFiles.ownerId, id: careFiles.id, name: careFiles.name, mime: careFiles.mime, size: careFiles.size })
    .from(careFiles)
    .where(and(eq(careFiles.ownerType, ownerType), inArray(careFiles.ownerId, ownerIds)))
    .orderBy(asc(careFiles.createdAt), asc(careFiles.id));
  for (const { ownerId, ...f } of rows) byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), f]);
  return byOwner;
}

/**
 * A member's benefit visits (money or goods) for events of a type, and every visit of one event: what the caps are
 * checked against. Visits of the event count under the event's type even if the type was changed since.
 */
export async function benefitsOf(db: Db, memberId: string, typeId: string, eventId: string) {
  const rows = await db
    .select({ eventId: careVisits.eventId, typeId: careVisits.typeId, on: careVisits.visitedOn, amountFen: careVisits.amountFen })
    .from(careVisits)
    .where(
      and(
        eq(careVisits.memberId, memberId),
        or(eq(careVisits.eventId, eventId), eq(careVisits.typeId, typeId)),
        or(sql`${careVisits.amountFen} > 0`, sql`${careVisits.goods} <> ''`),
      ),
    );
  return rows.map((r) => ({ ...r, typeId: r.eventId === eventId ? typeId : r.typeId }));
}

/** Events without a group filter match members of every group; `null` is "members without a group". */
export const inGroup = (groupId: string | null | undefined) =>
  groupId === undefined ? undefined : groupId === null ? isNull(members.groupId) : eq(members.groupId, groupId);
