import { and, asc, count, desc, eq, getTableColumns, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Audience, RegistrationStatus } from '../../../contracts/activities.js';
import { DEFAULT_ACTIVITY_TYPES, ACTIVITY_KIND_LABELS } from '../../../contracts/activities.js';
import { rowsOf, type Db } from '../../db/client.js';
import {
  activities,
  activityAttendance,
  activityFiles,
  activityRegistrations,
  activityTypes,
  calendarItems,
  clubMembers,
  clubs,
  members,
  orgs,
  users,
} from '../../db/schema/index.js';
import { audienceCondition } from './activities.audience.js';

export type ActivityRow = typeof activities.$inferSelect;
/** An activity with the names shown next to it and how many wait. */
export type ActivityFull = ActivityRow & {
  typeName: string;
  kind: (typeof activityTypes.$inferSelect)['kind'];
  clubName: string | null;
  organiserName: string | null;
  waitlistCount: number;
};
export type ActivityTypeRow = typeof activityTypes.$inferSelect;

const waitlistCount = sql<number>`(SELECT count(*) FROM ${activityRegistrations} WHERE ${activityRegistrations.activityId} = ${activities.id} AND ${activityRegistrations.status} = 'waitlisted')`.mapWith(Number);

const activityColumns = {
  ...getTableColumns(activities),
  typeName: activityTypes.name,
  kind: activityTypes.kind,
  clubName: clubs.name,
  organiserName: users.displayName,
  waitlistCount,
};

function selectActivities(db: Db) {
  return db
    .select(activityColumns)
    .from(activities)
    .innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
    .leftJoin(clubs, eq(clubs.id, activities.clubId))
    .leftJoin(users, eq(users.id, activities.organiserUserId));
}

/** One activity of the organisation, or null (another organisation's activity is not found). */
export async function findActivity(db: Db, orgId: string, id: string): Promise<ActivityFull | null> {
  const [row] = await selectActivities(db).where(and(eq(activities.orgId, orgId), eq(activities.id, id))).limit(1);
  return row ?? null;
}

/** One activity's own row (no names, no counts): what a sign-up, a cancellation or a check-in needs, read cheaply. */
export async function findActivityRow(db: Db, orgId: string, id: string): Promise<ActivityRow | null> {
  const [row] = await db.select().from(activities).where(and(eq(activities.orgId, orgId), eq(activities.id, id))).limit(1);
  return row ?? null;
}

/** Filters of a list: start date in [from, to] (Asia/Shanghai days), a type. */
export interface ActivityFilter {
  from?: string;
  to?: string;
  typeId?: string;
}

/** The first instant of a Shanghai day, and the first instant of the day after. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

function filterCondition(orgId: string, f: ActivityFilter): SQL {
  return and(
    eq(activities.orgId, orgId),
    f.from ? gte(activities.startsAt, dayStart(f.from)) : undefined,
    f.to ? lt(activities.startsAt, dayAfter(f.to)) : undefined,
    f.typeId ? eq(activities.typeId, f.typeId) : undefined,
  )!;
}

/** A page of the organisation's activities, newest first, and how many there are in all. */
export async function activityPage(db: Db, orgId: string, f: ActivityFilter, page: { limit: number; offset: number }) {
  const where = filterCondition(orgId, f);
  const [items, [{ total }]] = await Promise.all([
    selectActivities(db).where(where).orderBy(desc(activities.startsAt), asc(activities.id)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(activities).where(where),
  ]);
  return { items, total: Number(total) };
}

/** Published activities that have not ended, soonest first: what members may still sign up for or attend. */
export async function upcomingActivities(db: Db, orgId: string, f: ActivityFilter, now: Date): Promise<ActivityFull[]> {
  return selectActivities(db)
    .where(and(filterCondition(orgId, f), eq(activities.status, 'published'), sql`${activities.endsAt} > ${now}`))
    .orderBy(asc(activities.startsAt), asc(activities.id));
}

/** The activities a member registered for or attended, newest first, one page and the total. */
export async function memberActivityPage(db: Db, orgId: string, memberId: string, f: ActivityFilter, page: { limit: number; offset: number }) {
  const where = and(
    filterCondition(orgId, f),
    sql`(EXISTS (SELECT 1 FROM ${activityRegistrations} WHERE ${activityRegistrations.activityId} = ${activities.id} AND ${activityRegistrations.memberId} = ${memberId})
      OR EXISTS (SELECT 1 FROM ${activityAttendance} WHERE ${activityAttendance.activityId} = ${activities.id} AND ${activityAttendance.memberId} = ${memberId}))`,
  );
  const [items, [{ total }]] = await Promise.all([
    selectActivities(db).where(where).orderBy(desc(activities.startsAt), asc(activities.id)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(activities).where(where),
  ]);
  return { items, total: Number(total) };
}

// ——— The acting member ———

/** A member file as the audience rule reads it. */
export type MemberFile = Pick<typeof members.$inferSelect, 'id' | 'name' | 'userId' | 'gender' | 'employmentStatus' | 'membershipStatus' | 'groupId' | 'department'>;

const memberFileColumns = {
  id: members.id,
  name: members.name,
  userId: members.userId,
  gender: members.gender,
  employmentStatus: members.employmentStatus,
  membershipStatus: members.membershipStatus,
  groupId: members.groupId,
  department: members.department,
};

/** The member file through which a user acts in an organisation, or null when the account is not linked to one. */
export async function memberOfUser(db: Db, orgId: string, userId: string): Promise<MemberFile | null> {
  const [row] = await db
    .select(memberFileColumns)
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.userId, userId)))
    .orderBy(asc(members.createdAt), asc(members.id))
    .limit(1);
  return row ?? null;
}

/** The interest groups a member belongs to. */
export async function clubIdsOfMember(db: Db, memberId: string): Promise<Set<string>> {
  const rows = await db.select({ clubId: clubMembers.clubId }).from(clubMembers).where(eq(clubMembers.memberId, memberId));
  return new Set(rows.map((r) => r.clubId));
}

/** A member's registration as the member's own views show it. */
export interface RegistrationRow {
  id: string;
  activityId: string;
  memberId: string;
  status: RegistrationStatus;
  answers: Record<string, string>;
  waitlistSeq: number | null;
  createdAt: Date;
}

/** A user's standing in one activity: their member file, whether the audience invites them, registration, attendance. */
export interface Standing {
  member: MemberFile;
  isInvited: boolean;
  registration: RegistrationRow | null;
  attendedAt: Date | null;
}

/** Everything about the acting user and one activity in one query; null when the user has no member file here. */
export async function standingOf(db: Db, orgId: string, userId: string, activity: { id: string; audience: Audience }): Promise<Standing | null> {
  const [row] = await db
    .select({
      ...memberFileColumns,
      isInvited: sql<boolean>`(${audienceCondition(orgId, activity.audience)})`,
      registration: activityRegistrations,
      attendedAt: activityAttendance.at,
    })
    .from(members)
    .leftJoin(activityRegistrations, and(eq(activityRegistrations.activityId, activity.id), eq(activityRegistrations.memberId, members.id)))
    .leftJoin(activityAttendance, and(eq(activityAttendance.activityId, activity.id), eq(activityAttendance.memberId, members.id)))
    .where(and(eq(members.orgId, orgId), eq(members.userId, userId)))
    .orderBy(asc(members.createdAt), asc(members.id))
    .limit(1);
  if (!row) return null;
  const { isInvited, registration, attendedAt, ...member } = row;
  return { member, isInvited: Boolean(isInvited), registration: registration ? registrationRow(registration) : null, attendedAt };
}

function registrationRow(r: typeof activityRegistrations.$inferSelect): RegistrationRow {
  return {
    id: r.id,
    activityId: r.activityId,
    memberId: r.memberId,
    status: r.status,
    answers: (r.answers ?? {}) as Record<string, string>,
    waitlistSeq: r.waitlistSeq === null ? null : Number(r.waitlistSeq),
    createdAt: r.createdAt,
  };
}

/** A member's registration in an activity, read afresh (after a transaction). */
export async function registrationOf(db: Db, activityId: string, memberId: string): Promise<RegistrationRow | null> {
  const [row] = await db
    .select()
    .from(activityRegistrations)
    .where(and(eq(activityRegistrations.activityId, activityId), eq(activityRegistrations.memberId, memberId)))
    .limit(1);
  return row ? registrationRow(row) : null;
}

/** A member's registrations and attendance in several activities, by activity id. */
export async function standingsInActivities(db: Db, memberId: string, activityIds: string[]) {
  if (activityIds.length === 0) return { registrations: new Map<string, RegistrationRow>(), attended: new Map<string, Date>() };
  const [regs, attended] = await Promise.all([
    db
      .select()
      .from(activityRegistrations)
      .where(and(eq(activityRegistrations.memberId, memberId), inArray(activityRegistrations.activityId, activityIds))),
    db
      .select({ activityId: activityAttendance.activityId, at: activityAttendance.at })
      .from(activityAttendance)
      .where(and(eq(activityAttendance.memberId, memberId), inArray(activityAttendance.activityId, activityIds))),
  ]);
  return {
    registrations: new Map(regs.map((r) => [r.activityId, registrationRow(r)])),
    attended: new Map(attended.map((a) => [a.activityId, a.at])),
  };
}

/** 1-based wait-list places of a member's waiting registrations, by activity id: 1 + how many wait with a lower number. */
export async function waitlistPlaces(db: Db, memberId: string, activityIds: string[]): Promise<Map<string, number>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db.execute(sql`
    SELECT r.activity_id AS "activityId", count(w.id)::int AS ahead
    FROM ${activityRegistrations} r
    LEFT JOIN ${activityRegistrations} w ON w.activity_id = r.activity_id AND w.status = 'waitlisted' AND w.waitlist_seq < r.waitlist_seq
    WHERE r.member_id = ${memberId} AND r.status = 'waitlisted' AND r.activity_id IN (${sql.join(activityIds.map((id) => sql`${id}`), sql`, `)})
    GROUP BY r.activity_id`);
  return new Map(rowsOf<{ activityId: string; ahead: number }>(rows).map((r) => [r.activityId, Number(r.ahead) + 1]));
}

// ——— Types ———

/** The organisation's activity types in their order; the default list is created the first time it is needed. */
export async function typesOf(db: Db, orgId: string): Promise<ActivityTypeRow[]> {
  const rows = await db.select().from(activityTypes).where(eq(activityTypes.orgId, orgId)).orderBy(asc(activityTypes.position), asc(activityTypes.name));
  if (rows.length > 0) return rows;
  await ensureDefaultTypes(db, orgId);
  return db.select().from(activityTypes).where(eq(activityTypes.orgId, orgId)).orderBy(asc(activityTypes.position), asc(activityTypes.name));
}

/**
 * Inserts the default types (学习, 讲座, …) for an organisation that has none. Two requests doing it at once
 * both succeed: the unique (org, name) index lets the second insert nothing.
 */
export async function ensureDefaultTypes(db: Db, orgId: string): Promise<void> {
  const [any] = await db.select({ id: activityTypes.id }).from(activityTypes).where(eq(activityTypes.orgId, orgId)).limit(1);
  if (any) return;
  await db
    .insert(activityTypes)
    .values(DEFAULT_ACTIVITY_TYPES.map((kind, position) => ({ orgId, name: ACTIVITY_KIND_LABELS[kind], kind, position })))
    .onConflictDoNothing({ target: [activityTypes.orgId, activityTypes.name] });
}

/** One type of the organisation, or null. */
export async function findType(db: Db, orgId: string, id: string): Promise<ActivityTypeRow | null> {
  const [row] = await db.select().from(activityTypes).where(and(eq(activityTypes.orgId, orgId), eq(activityTypes.id, id))).limit(1);
  return row ?? null;
}

// ——— Things an activity points at ———

/** Names of union groups by id (for the audience's words). */
export async function groupNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Names of interest groups of the organisation by id. */
export async function clubNames(db: Db, orgId: string, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.select({ id: clubs.id, name: clubs.name }).from(clubs).where(and(eq(clubs.orgId, orgId), inArray(clubs.id, ids)));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Which of these ids are union groups inside the organisation. */
export async function groupsInside(db: Db, orgPath: string, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(inArray(orgs.id, ids), eq(orgs.kind, 'group'), sql`${orgs.path} LIKE ${`${orgPath}%`}`));
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids are member files of the organisation. */
export async function membersOfOrg(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.orgId, orgId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whether an interest group belongs to the organisation (archived ones included: old activities keep theirs). */
export async function isClubOfOrg(db: Db, orgId: string, clubId: string, { activeOnly = false } = {}): Promise<boolean> {
  const [row] = await db
    .select({ id: clubs.id })
    .from(clubs)
    .where(and(eq(clubs.orgId, orgId), eq(clubs.id, clubId), activeOnly ? isNull(clubs.archivedAt) : undefined))
    .limit(1);
  return row !== undefined;
}

/** A calendar item of the organisation (id, title, link), or null. */
export async function calendarItemOf(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: calendarItems.id, title: calendarItems.title, linkKind: calendarItems.linkKind, linkId: calendarItems.linkId })
    .from(calendarItems)
    .where(and(eq(calendarItems.orgId, orgId), eq(calendarItems.id, id)))
    .limit(1);
  return row ?? null;
}

/** The photos and attachments of an activity, oldest first (without their bytes). */
export async function filesOf(db: Db, activityId: string) {
  return db
    .select({ id: activityFiles.id, kind: activityFiles.kind, name: activityFiles.name, mime: activityFiles.mime, size: activityFiles.size, createdAt: activityFiles.createdAt })
    .from(activityFiles)
    .where(eq(activityFiles.activityId, activityId))
    .orderBy(asc(activityFiles.createdAt), asc(activityFiles.id));
}

// ——— Figures and the roster ———

/** How many members the audience invites. */
export async function invitedCount(db: Db, orgId: string, audience: Audience): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).where(audienceCondition(orgId, audience));
  return Number(row?.n ?? 0);
}

/** Registrations by status and attendance of an activity. */
export async function activityCounts(db: Db, activityId: string) {
  const [[regs], [att]] = await Promise.all([
    db
      .select({
        confirmed: sql<number>`count(*) FILTER (WHERE ${activityRegistrations.status} = 'confirmed')`.mapWith(Number),
        pending: sql<number>`count(*) FILTER (WHERE ${activityRegistrations.status} = 'pending')`.mapWith(Number),
        waitlisted: sql<number>`count(*) FILTER (WHERE ${activityRegistrations.status} = 'waitlisted')`.mapWith(Number),
      })
      .from(activityRegistrations)
      .where(eq(activityRegistrations.activityId, activityId)),
    db.select({ n: count() }).from(activityAttendance).where(eq(activityAttendance.activityId, activityId)),
  ]);
  return { confirmed: regs.confirmed, pending: regs.pending, waitlisted: regs.waitlisted, attended: Number(att.n) };
}

/** Every invited member, and anyone registered or present outside the audience, with their standing. */
export async function rosterRows(db: Db, orgId: string, activity: { id: string; audience: Audience }) {
  const invited = audienceCondition(orgId, activity.audience);
  return db
    .select({
      memberId: members.id,
      name: members.name,
      pinyinKey: members.pinyinKey,
      groupName: orgs.name,
      department: members.department,
      userId: members.userId,
      isInvited: sql<boolean>`(${invited})`,
      registrationId: activityRegistrations.id,
      status: activityRegistrations.status,
      waitlistSeq: activityRegistrations.waitlistSeq,
      answers: activityRegistrations.answers,
      registeredAt: activityRegistrations.createdAt,
      attendedAt: activityAttendance.at,
      attendanceSource: activityAttendance.source,
    })
    .from(members)
    .leftJoin(activityRegistrations, and(eq(activityRegistrations.activityId, activity.id), eq(activityRegistrations.memberId, members.id)))
    .leftJoin(activityAttendance, and(eq(activityAttendance.activityId, activity.id), eq(activityAttendance.memberId, members.id)))
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .where(and(eq(members.orgId, orgId), sql`(${invited} OR ${activityRegistrations.id} IS NOT NULL OR ${activityAttendance.id} IS NOT NULL)`))
    .orderBy(asc(members.pinyinKey), asc(members.id));
}

/** User accounts of members whose registration of an activity has one of these statuses. */
export async function registrantUserIds(db: Db, activityId: string, statuses: RegistrationStatus[]): Promise<string[]> {
  const rows = await db
    .select({ userId: members.userId })
    .from(activityRegistrations)
    .innerJoin(members, eq(members.id, activityRegistrations.memberId))
    .where(and(eq(activityRegistrations.activityId, activityId), inArray(activityRegistrations.status, statuses)));
  return rows.map((r) => r.userId).filter((id): id is string => id !== null);
}
