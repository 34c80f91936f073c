import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { ActivityFull } from '../activities/activities.repository.js';
import { activities, activityAttendance, activityRegistrations, activityTypes, clubMembers, clubs, members, orgs, users } from '../../db/schema/index.js';

const leader = alias(members, 'leader');

/** A club with its leader's name and how many members and (not cancelled) activities it has. */
export interface ClubRow {
  id: string;
  name: string;
  description: string | null;
  leaderMemberId: string | null;
  leaderName: string | null;
  leaderUserId: string | null;
  memberCount: number;
  activityCount: number;
  archivedAt: Date | null;
}

function selectClubs(db: Db, where: SQL) {
  return db
    .select({
      id: clubs.id,
      name: clubs.name,
      description: clubs.description,
      leaderMemberId: clubs.leaderMemberId,
      leaderName: leader.name,
      leaderUserId: leader.userId,
      memberCount: sql<number>`(SELECT count(*) FROM ${clubMembers} WHERE ${clubMembers.clubId} = ${clubs.id})`.mapWith(Number),
      activityCount: sql<number>`(SELECT count(*) FROM ${activities} WHERE ${activities.clubId} = ${clubs.id} AND ${activities.status} = 'published')`.mapWith(Number),
      archivedAt: clubs.archivedAt,
    })
    .from(clubs)
    .leftJoin(leader, eq(leader.id, clubs.leaderMemberId))
    .where(where);
}

/** The union's clubs: active ones first, then by name. */
export async function clubsOf(db: Db, orgId: string): Promise<ClubRow[]> {
  const rows = await selectClubs(db, eq(clubs.orgId, orgId));
  return rows.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.name.localeCompare(b.name, 'zh'));
}

/** One club of the union, or null (another union's club is not found). */
export async function findClub(db: Db, orgId: string, id: string): Promise<ClubRow | null> {
  const [row] = await selectClubs(db, and(eq(clubs.orgId, orgId), eq(clubs.id, id))!).limit(1);
  return row ?? null;
}

/** Whether another club of the union already has this name. */
export async function isClubNameTaken(db: Db, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clubs.id })
    .from(clubs)
    .where(and(eq(clubs.orgId, orgId), eq(clubs.name, name), exceptId ? sql`${clubs.id} <> ${exceptId}` : undefined))
    .limit(1);
  return row !== undefined;
}

/** The club's members, by name, each with how many of the club's activities they attended. */
export async function clubMemberRows(db: Db, clubId: string) {
  const attended = sql<number>`(SELECT count(*) FROM ${activityAttendance} INNER JOIN ${activities} ON ${activities.id} = ${activityAttendance.activityId}
    WHERE ${activityAttendance.memberId} = ${members.id} AND ${activities.clubId} = ${clubId} AND ${activities.status} = 'published')`.mapWith(Number);
  return db
    .select({ memberId: members.id, name: members.name, groupName: orgs.name, attended })
    .from(clubMembers)
    .innerJoin(members, eq(members.id, clubMembers.memberId))
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .where(eq(clubMembers.clubId, clubId))
    .orderBy(asc(members.pinyinKey), asc(members.id));
}

/** Ids of the club's members. */
export async function clubMemberIds(db: Db, clubId: string): Promise<string[]> {
  const rows = await db.select({ id: clubMembers.memberId }).from(clubMembers).where(eq(clubMembers.clubId, clubId));
  return rows.map((r) => r.id);
}

/** Member files of the union among these ids, with what decides whether they are still on the roster. */
export async function unionMembers(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: members.id, name: members.name, userId: members.userId, employmentStatus: members.employmentStatus, membershipStatus: members.membershipStatus })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, [...ids])));
}

/** The club's activities, newest first (cancelled ones too), as the activity lists read them. */
export async function clubActivityRows(db: Db, orgId: string, clubId: string): Promise<ActivityFull[]> {
  return db
    .select({
      ...getTableColumns(activities),
      typeName: activityTypes.name,
      kind: activityTypes.kind,
      clubName: clubs.name,
      organiserName: users.displayName,
      waitlistCount: sql<number>`(SELECT count(*) FROM ${activityRegistrations} WHERE ${activityRegistrations.activityId} = ${activities.id} AND ${activityRegistrations.status} = 'waitlisted')`.mapWith(Number),
    })
    .from(activities)
    .innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
    .innerJoin(clubs, eq(clubs.id, activities.clubId))
    .leftJoin(users, eq(users.id, activities.organiserUserId))
    .where(and(eq(activities.orgId, orgId), eq(activities.clubId, clubId)))
    .orderBy(desc(activities.startsAt), asc(activities.id));
}

/** The union's member files of a user (a club leader acts through theirs). */
export async function memberIdsOfUser(db: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.orgId, orgId), eq(members.userId, userId)));
  return rows.map((r) => r.id);
}
