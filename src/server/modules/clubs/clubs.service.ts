import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivitySummary, Audience, clubDetailSchema, clubInputSchema, clubSummarySchema } from '../../../contracts/activities.js';
import { isInAudience } from '../../../domain/activities/index.js';
import { can } from '../../../domain/policy.js';
import type { Db } from '../../db/client.js';
import { clubMembers, clubs } from '../../db/schema/index.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { activityOrg, audienceTexts } from '../activities/activities.access.js';
import { myRegistrationView, summaryView } from '../activities/activities.presenter.js';
import { clubIdsOfMember, memberOfUser, standingsInActivities, waitlistPlaces } from '../activities/activities.repository.js';
import { clubActivityRows, clubMemberIds, clubMemberRows, clubsOf, findClub, isClubNameTaken, memberIdsOfUser, unionMembers, type ClubRow } from './clubs.repository.js';

export type ClubSummary = z.infer<typeof clubSummarySchema>;
export type ClubDetail = z.infer<typeof clubDetailSchema>;
type ClubInput = z.infer<typeof clubInputSchema>;
/** PATCH /clubs/:id: any of the fields, and `archived` to retire a club or bring it back. */
export type ClubPatch = Partial<ClubInput> & { archived?: boolean };

const audit = (ctx: Ctx, orgId: string) => ({ orgId, actor: { userId: ctx.actor.userId, name: ctx.actor.name } });

function summary(row: ClubRow): ClubSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    leaderMemberId: row.leaderMemberId,
    leaderName: row.leaderName,
    memberCount: row.memberCount,
    activityCount: row.activityCount,
    archived: row.archivedAt !== null,
  };
}

/** Still on the roster: not transferred out, not withdrawn, not deceased (retirees may join clubs). */
const isOnRoster = (m: { employmentStatus: string; membershipStatus: string }) =>
  (m.membershipStatus === 'normal' || m.membershipStatus === 'reserved') && m.employmentStatus !== 'deceased';

const OFF_ROSTER_WORDS: Record<string, string> = { transferred_out: '已调出', withdrawn: '已退会', deceased: '已去世' };

/**
 * Checks that every id is a member file of the union still on the roster; the message names who is not:
 * "张三（已调出）" for one of ours, "第 3 位人员不是本工会会员" for an id from elsewhere (whose name is not ours to show).
 */
async function assertUnionMembers(db: Db, orgId: string, ids: readonly string[], path: string, what: string): Promise<Map<string, string>> {
  const found = new Map((await unionMembers(db, orgId, ids)).map((m) => [m.id, m]));
  const problems: string[] = [];
  ids.forEach((id, i) => {
    const m = found.get(id);
    if (!m) problems.push(ids.length === 1 ? '所选人员不是本工会会员' : `第 ${i + 1} 位人员不是本工会会员`);
    else if (!isOnRoster(m)) problems.push(`${m.name}${OFF_ROSTER_WORDS[m.employmentStatus === 'deceased' ? 'deceased' : m.membershipStatus] ?? '已不在会员名册中'}`);
  });
  if (problems.length > 0) {
    const message = `${what}应为本工会在册会员，${problems.join('；')}`;
    throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
  }
  return new Map([...found.values()].map((m) => [m.id, m.name]));
}

async function assertNameFree(db: Db, orgId: string, name: string, exceptId?: string) {
  if (await isClubNameTaken(db, orgId, name, exceptId)) {
    const message = `已有名为“${name}”的兴趣小组`;
    throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
  }
}

/** Whether the actor may change a club's members: a manager of the union's activities, or the club's leader. */
async function canManageMembers(ctx: Ctx, org: { id: string; path: string }, club: ClubRow): Promise<boolean> {
  if (can(ctx.actor, 'activity.manage', { type: 'org', path: org.path })) return true;
  if (!club.leaderMemberId) return false;
  return (await memberIdsOfUser(ctx.db, org.id, ctx.actor.userId)).includes(club.leaderMemberId);
}

/** GET /clubs: the union's interest groups, for anyone in the union. */
export async function listClubs(ctx: Ctx): Promise<{ items: ClubSummary[]; canManage: boolean }> {
  const org = activityOrg(ctx, 'activity.read');
  const rows = await clubsOf(ctx.db, org.id);
  return { items: rows.map(summary), canManage: can(ctx.actor, 'activity.manage', { type: 'org', path: org.path }) };
}

/** The club's activities as activity lists show them, with the actor's own standing in each. */
async function activitySummaries(ctx: Ctx, orgId: string, clubId: string): Promise<ActivitySummary[]> {
  const rows = await clubActivityRows(ctx.db, orgId, clubId);
  if (rows.length === 0) return [];
  const audiences = rows.map((r) => r.audience as Audience);
  const texts = await audienceTexts(ctx.db, orgId, audiences);
  const me = await memberOfUser(ctx.db, orgId, ctx.actor.userId);
  const ids = rows.map((r) => r.id);
  const standing = me ? await standingsInActivities(ctx.db, me.id, ids) : null;
  const places = me ? await waitlistPlaces(ctx.db, me.id, ids) : null;
  const myClubs = me ? await clubIdsOfMember(ctx.db, me.id) : new Set<string>();
  const now = new Date();
  return rows.map((r, i) => {
    const audience = audiences[i];
    const mine =
      me && standing
        ? myRegistrationView(
            {
              isInvited: isInAudience(audience, me, audience.kind === 'club' && myClubs.has(audience.clubId) ? new Set([me.id]) : undefined),
              registration: standing.registrations.get(r.id) ?? null,
              attendedAt: standing.attended.get(r.id) ?? null,
            },
            places?.get(r.id) ?? null,
          )
        : null;
    return summaryView(r, now, texts[i], mine);
  });
}

/** GET /clubs/:id: the club, its members with their attendance at its activities, its activities. */
export async function getClub(ctx: Ctx, id: string): Promise<ClubDetail> {
  const org = activityOrg(ctx, 'activity.read');
  const club = await findClub(ctx.db, org.id, id);
  if (!club) throw notFound('兴趣小组');
  return {
    ...summary(club),
    members: await clubMemberRows(ctx.db, club.id),
    activities: await activitySummaries(ctx, org.id, club.id),
    canManage: await canManageMembers(ctx, org, club),
  };
}

/** POST /clubs: a new interest group; its leader becomes its first member. Audited. */
export async function createClub(ctx: Ctx, input: ClubInput): Promise<string> {
  const org = activityOrg(ctx, 'activity.manage');
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, org.id, input.name);
    const leaderId = input.leaderMemberId ?? null;
    const names = leaderId ? await assertUnionMembers(tx, org.id, [leaderId], 'leaderMemberId', '组长') : new Map<string, string>();
    const [row] = await tx
      .insert(clubs)
      .values({ orgId: org.id, name: input.name, description: input.description || null, leaderMemberId: leaderId })
      .returning({ id: clubs.id });
    if (leaderId) await tx.insert(clubMembers).values({ clubId: row.id, memberId: leaderId });
    await writeAudit(tx, {
      ...audit(ctx, org.id),
      action: 'club.created',
      entityType: 'club',
      entityId: row.id,
      entityLabel: input.name,
      changes: { name: { to: input.name }, description: { to: input.description || null }, leader: { to: leaderId ? names.get(leaderId) : null } },
    });
    return row.id;
  });
}

/** PATCH /clubs/:id: rename, describe, change the leader (who joins the club), archive or restore. Audited. */
export async function updateClub(ctx: Ctx, id: string, patch: ClubPatch): Promise<void> {
  const org = activityOrg(ctx, 'activity.manage');
  await ctx.db.transaction(async (tx) => {
    const club = await findClub(tx, org.id, id);
    if (!club) throw notFound('兴趣小组');
    if (patch.name !== undefined && patch.name !== club.name) await assertNameFree(tx, org.id, patch.name, id);
    const leaderId = patch.leaderMemberId;
    const leaderName = leaderId ? (await assertUnionMembers(tx, org.id, [leaderId], 'leaderMemberId', '组长')).get(leaderId)! : null;
    const before = { name: club.name, description: club.description, leader: club.leaderName, archived: club.archivedAt !== null };
    const after = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(leaderId !== undefined ? { leader: leaderName } : {}),
      ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
    };
    const changes = diffFields(before, after, ['name', 'description', 'leader', 'archived']);
    if (leaderId !== undefined && leaderId !== club.leaderMemberId && !changes.leader) changes.leader = { from: club.leaderName, to: leaderName };
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(clubs)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description || null } : {}),
        ...(leaderId !== undefined ? { leaderMemberId: leaderId } : {}),
        ...(patch.archived !== undefined ? { archivedAt: patch.archived ? (club.archivedAt ?? new Date()) : null } : {}),
      })
      .where(eq(clubs.id, id));
    if (leaderId) await tx.insert(clubMembers).values({ clubId: id, memberId: leaderId }).onConflictDoNothing();
    await writeAudit(tx, {
      ...audit(ctx, org.id),
      action: patch.archived === true && changes.archived ? 'club.archived' : 'club.updated',
      entityType: 'club',
      entityId: id,
      entityLabel: patch.name ?? club.name,
      changes,
    });
  });
}

/**
 * PUT /clubs/:id/members: the club's members become exactly this list (members of the union still on the roster).
 * Managers, and the club's own leader, may do it. Audited with who joined and who left.
 */
export async function setClubMembers(ctx: Ctx, id: string, memberIds: readonly string[]): Promise<void> {
  const org = activityOrg(ctx, 'activity.read');
  const club = await findClub(ctx.db, org.id, id);
  if (!club) throw notFound('兴趣小组');
  if (!(await canManageMembers(ctx, org, club))) throw forbidden('只有工会活动管理人员或本兴趣小组组长可以调整成员');
  if (club.archivedAt) throw new AppError('CONFLICT', '兴趣小组已停用，请先恢复后再调整成员');
  const wanted = [...new Set(memberIds)];
  await ctx.db.transaction(async (tx) => {
    const names = await assertUnionMembers(tx, org.id, wanted, 'memberIds', '成员');
    const current = await clubMemberIds(tx, id);
    const added = wanted.filter((m) => !current.includes(m));
    const removed = current.filter((m) => !wanted.includes(m));
    if (added.length === 0 && removed.length === 0) return;
    const removedNames = new Map((await unionMembers(tx, org.id, removed)).map((m) => [m.id, m.name]));
    if (removed.length > 0) await tx.delete(clubMembers).where(and(eq(clubMembers.clubId, id), inArray(clubMembers.memberId, removed)));
    if (added.length > 0) await tx.insert(clubMembers).values(added.map((memberId) => ({ clubId: id, memberId }))).onConflictDoNothing();
    await writeAudit(tx, {
      ...audit(ctx, org.id),
      action: 'club.membersSet',
      entityType: 'club',
      entityId: id,
      entityLabel: club.name,
      changes: {
        ...(added.length > 0 ? { joined: { to: added.map((m) => names.get(m)) } } : {}),
        ...(removed.length > 0 ? { left: { from: removed.map((m) => removedNames.get(m) ?? m) } } : {}),
        memberCount: { from: current.length, to: wanted.length },
      },
    });
  });
}
