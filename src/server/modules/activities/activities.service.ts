import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ACTIVITY_LIMITS,
  activityInputSchema,
  type ActivityCreate,
  type ActivityDetail,
  type activityListQuerySchema,
  type activityListSchema,
  type activityPatchSchema,
  type Audience,
  type SignupField,
} from '../../../contracts/activities.js';
import {
  activityRate,
  cancelAllowed,
  checkinWindowOpen,
  isInAudience,
  signupBlocker,
  weeklyOccurrences,
  type ActivityTimes,
} from '../../../domain/activities/index.js';
import type { Db } from '../../db/client.js';
import { activities, calendarItems } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { roleHolderIds } from '../calendar/calendar.repository.js';
import { notify } from '../notifications/notifications.service.js';
import {
  activityCounts,
  activityPage,
  calendarItemOf,
  clubIdsOfMember,
  ensureDefaultTypes,
  filesOf,
  findType,
  groupsInside,
  invitedCount,
  isClubOfOrg,
  memberActivityPage,
  memberOfUser,
  membersOfOrg,
  registrantUserIds,
  standingOf,
  standingsInActivities,
  upcomingActivities,
  waitlistPlaces,
  type ActivityFull,
  type MemberFile,
} from './activities.repository.js';
import { activityOrg, audienceTextOf, audienceTexts, canManageActivities, loadActivity, NO_MEMBER_FILE_MESSAGE, outsideAudienceMessage, type Org } from './activities.access.js';
import { clockOf, detailView, instant, myRegistrationView, summaryView, whenAndWhere } from './activities.presenter.js';
import { fillSeats, notifyPromoted } from './registrations.service.js';

/** Whether an audience invites a member, for lists (the same rule as the SQL condition used for sign-up). */
function invites(audience: Audience, member: MemberFile, memberClubs: ReadonlySet<string>): boolean {
  const clubMemberIds = audience.kind === 'club' && memberClubs.has(audience.clubId) ? new Set([member.id]) : undefined;
  return isInAudience(audience, member, clubMemberIds);
}

// ——— Reading ———

/**
 * The activities list. `open` (members' default): published, not ended, inviting the actor — or all of them for
 * a user without a member file, who may browse; `mine`: the actor's registrations and attendance; `all`
 * (managers' default): everything, newest first.
 */
export async function listActivities(ctx: Ctx, q: z.infer<typeof activityListQuerySchema>): Promise<z.infer<typeof activityListSchema>> {
  const org = activityOrg(ctx, 'activity.read');
  const canManage = canManageActivities(ctx, org);
  const scope = q.scope ?? (canManage ? 'all' : 'open');
  if (scope === 'all' && !canManage) throw forbidden('只有工会干部可以查看全部活动');
  const now = new Date();
  const member = await memberOfUser(ctx.db, org.id, ctx.actor.userId);
  const memberClubs = member ? await clubIdsOfMember(ctx.db, member.id) : new Set<string>();
  const filter = { from: q.from, to: q.to, typeId: q.typeId };
  const page = { limit: ACTIVITY_LIMITS.pageSize, offset: (q.page - 1) * ACTIVITY_LIMITS.pageSize };

  let rows: ActivityFull[];
  let total: number;
  let standings: Awaited<ReturnType<typeof standingsInActivities>> | null = null;
  if (scope === 'all') ({ items: rows, total } = await activityPage(ctx.db, org.id, filter, page));
  else if (scope === 'mine') ({ items: rows, total } = member ? await memberActivityPage(ctx.db, org.id, member.id, filter, page) : { items: [], total: 0 });
  else {
    // A union has tens of upcoming activities, not thousands: the audience is checked here, per activity.
    const upcoming = await upcomingActivities(ctx.db, org.id, filter, now);
    standings = member ? await standingsInActivities(ctx.db, member.id, upcoming.map((a) => a.id)) : null;
    const open = member ? upcoming.filter((a) => invites(a.audience as Audience, member, memberClubs) || standings!.registrations.has(a.id)) : upcoming;
    total = open.length;
    rows = open.slice(page.offset, page.offset + page.limit);
  }

  const ids = rows.map((a) => a.id);
  const [mine, places, texts] = await Promise.all([
    member ? (standings ?? standingsInActivities(ctx.db, member.id, ids)) : null,
    member ? waitlistPlaces(ctx.db, member.id, ids) : null,
    audienceTexts(ctx.db, org.id, rows.map((a) => a.audience as Audience)),
  ]);
  const items = rows.map((a, i) => {
    const me =
      member && mine
        ? myRegistrationView(
            { isInvited: invites(a.audience as Audience, member, memberClubs), registration: mine.registrations.get(a.id) ?? null, attendedAt: mine.attended.get(a.id) ?? null },
            places?.get(a.id) ?? null,
          )
        : null;
    return summaryView(a, now, texts[i], me);
  });
  return { items, total, page: q.page, canManage };
}

/** GET /activities/:id: the activity, the actor's standing, what they may do, figures for managers. */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityDetail> {
  const { org, activity } = await loadActivity(ctx, id, 'activity.read');
  return activityDetail(ctx, org, activity);
}

/** The detail view of a loaded activity. */
export async function activityDetail(ctx: Ctx, org: Org, a: ActivityFull): Promise<ActivityDetail> {
  const now = new Date();
  const canManage = canManageActivities(ctx, org);
  const audience = a.audience as Audience;
  const [standing, files, audienceText, figures] = await Promise.all([
    standingOf(ctx.db, org.id, ctx.actor.userId, { id: a.id, audience }),
    filesOf(ctx.db, a.id),
    audienceTextOf(ctx.db, org.id, audience),
    canManage ? activityFigures(ctx.db, org.id, a.id, audience) : null,
  ]);
  const reg = standing?.registration ?? null;
  const place = reg?.status === 'waitlisted' && standing ? ((await waitlistPlaces(ctx.db, standing.member.id, [a.id])).get(a.id) ?? null) : null;
  const isActive = reg !== null && (reg.status === 'pending' || reg.status === 'confirmed' || reg.status === 'waitlisted');
  const clock = clockOf(a);
  let blocker: string | null;
  if (!standing) blocker = NO_MEMBER_FILE_MESSAGE;
  else if (isActive) blocker = null;
  else if (reg?.status === 'rejected') blocker = '您的报名未通过审核';
  else if (!standing.isInvited) blocker = outsideAudienceMessage(audienceText);
  else blocker = signupBlocker(clock, now);
  return detailView(a, now, {
    audienceText,
    me: standing ? myRegistrationView(standing, place) : null,
    files,
    figures,
    can: {
      signUp: standing !== null && !isActive && blocker === null,
      cancel: isActive && cancelAllowed(clock, now),
      checkIn:
        standing !== null &&
        (standing.isInvited || isActive) &&
        standing.attendedAt === null &&
        checkinWindowOpen({ startsAt: clock.startsAt, endsAt: clock.endsAt, status: a.status }, now),
      manage: canManage,
    },
    signUpBlocker: blocker,
  });
}

/** Invited, signed up, wait-listed, attended and the rate (attended ÷ invited). */
async function activityFigures(db: Db, orgId: string, activityId: string, audience: Audience): Promise<NonNullable<ActivityDetail['figures']>> {
  const [invited, counts] = await Promise.all([invitedCount(db, orgId, audience), activityCounts(db, activityId)]);
  return { invited, ...counts, rate: activityRate(invited, counts.attended) };
}

// ——— Publishing and editing ———

/** What an activity refers to, checked against the organisation; each refusal names its field. */
async function assertReferences(
  db: Db,
  org: Org,
  v: { typeId?: string; organiserUserId?: string | null; audience?: Audience; clubId?: string | null; calendarItemId?: string | null },
): Promise<void> {
  if (v.typeId !== undefined) {
    const type = await findType(db, org.id, v.typeId);
    if (!type || type.archivedAt !== null) throw fieldError('typeId', '活动类型不存在或已停用');
  }
  if (v.organiserUserId) {
    const holders = await roleHolderIds(db, org.id, [v.organiserUserId]);
    if (!holders.has(v.organiserUserId)) throw fieldError('organiserUserId', '组织者应为本工会有职务的人员');
  }
  const a = v.audience;
  if (a?.kind === 'groups') {
    const found = await groupsInside(db, org.path, a.groupIds);
    if (a.groupIds.some((id) => !found.has(id))) throw fieldError('audience.groupIds', '所选工会小组不属于本工会');
  }
  if (a?.kind === 'club' && !(await isClubOfOrg(db, org.id, a.clubId, { activeOnly: true }))) throw fieldError('audience.clubId', '兴趣小组不存在或已停用');
  if (a?.kind === 'list') {
    const found = await membersOfOrg(db, org.id, [...new Set(a.memberIds)]);
    if (a.memberIds.some((id) => !found.has(id))) throw fieldError('audience.memberIds', '所选人员不在本工会名册中');
  }
  if (v.clubId && !(await isClubOfOrg(db, org.id, v.clubId, { activeOnly: true }))) throw fieldError('clubId', '兴趣小组不存在或已停用');
  if (v.calendarItemId && !(await calendarItemOf(db, org.id, v.calendarItemId))) throw fieldError('calendarItemId', '行事历事项不存在或不属于本工会');
}

/** An activity's fields as the audit trail records them (instants in Shanghai time). */
function auditedValues(a: {
  typeId: string;
  title: string;
  description: string;
  startsAt: string | Date;
  endsAt: string | Date;
  place: string;
  organiserUserId: string | null;
  audience: unknown;
  capacity: number | null;
  signupOpensAt: string | Date | null;
  signupClosesAt: string | Date | null;
  cancelDeadline: string | Date | null;
  needsApproval: boolean;
  fields: unknown;
  calendarItemId: string | null;
  clubId: string | null;
}): Record<string, unknown> {
  const t = (d: string | Date | null) => (d === null ? null : instant(d));
  return {
    typeId: a.typeId,
    title: a.title,
    description: a.description,
    startsAt: t(a.startsAt),
    endsAt: t(a.endsAt),
    place: a.place,
    organiserUserId: a.organiserUserId,
    audience: a.audience,
    capacity: a.capacity,
    signupOpensAt: t(a.signupOpensAt),
    signupClosesAt: t(a.signupClosesAt),
    cancelDeadline: t(a.cancelDeadline),
    needsApproval: a.needsApproval,
    fields: a.fields,
    calendarItemId: a.calendarItemId,
    clubId: a.clubId,
  };
}
const AUDITED_FIELDS = [
  'typeId',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'place',
  'organiserUserId',
  'audience',
  'capacity',
  'signupOpensAt',
  'signupClosesAt',
  'cancelDeadline',
  'needsApproval',
  'fields',
  'calendarItemId',
  'clubId',
];

const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * Points a calendar item at the activity that fulfils it (行事历 shows it), in the caller's transaction, audited
 * as an edit of the item. Nothing is written when it already points there.
 */
async function linkCalendarItem(tx: Db, ctx: Ctx, orgId: string, itemId: string, activityId: string | null, onlyIfLinkedTo?: string): Promise<void> {
  const item = await calendarItemOf(tx, orgId, itemId);
  if (!item) return;
  if (onlyIfLinkedTo !== undefined && !(item.linkKind === 'activity' && item.linkId === onlyIfLinkedTo)) return;
  const next = activityId ? { linkKind: 'activity' as const, linkId: activityId } : { linkKind: null, linkId: null };
  if (item.linkKind === next.linkKind && item.linkId === next.linkId) return;
  await tx.update(calendarItems).set({ ...next, updatedAt: new Date() }).where(eq(calendarItems.id, itemId));
  await writeAudit(tx, {
    orgId,
    actor: { userId: ctx.actor.userId, name: ctx.actor.name },
    action: 'calendarItem.updated',
    entityType: 'calendar_item',
    entityId: itemId,
    entityLabel: item.title,
    changes: diffFields({ linkKind: item.linkKind, linkId: item.linkId }, next, ['linkKind', 'linkId']),
  });
}

/**
 * Publishes an activity — or, with `repeat`, a weekly series of them sharing a `seriesId` — and returns the ids in
 * date order. The organiser defaults to the actor. A linked calendar item is pointed at the first activity.
 */
export async function createActivity(ctx: Ctx, input: ActivityCreate): Promise<string[]> {
  const org = activityOrg(ctx, 'activity.manage');
  await ensureDefaultTypes(ctx.db, org.id);
  await assertReferences(ctx.db, org, input);
  const first: ActivityTimes = {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    signupOpensAt: input.signupOpensAt,
    signupClosesAt: input.signupClosesAt,
    cancelDeadline: input.cancelDeadline,
  };
  const occurrences = input.repeat ? weeklyOccurrences(first, input.repeat.count) : [first];
  const seriesId = input.repeat ? randomUUID() : null;
  const base = {
    orgId: org.id,
    typeId: input.typeId,
    title: input.title,
    description: input.description,
    place: input.place,
    organiserUserId: input.organiserUserId === undefined ? ctx.actor.userId : input.organiserUserId,
    audience: input.audience,
    capacity: input.capacity,
    needsApproval: input.needsApproval,
    fields: input.fields,
    calendarItemId: input.calendarItemId ?? null,
    clubId: input.clubId ?? null,
    seriesId,
    createdBy: ctx.actor.userId,
  };
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(activities)
      .values(
        occurrences.map((t) => ({
          ...base,
          startsAt: new Date(t.startsAt),
          endsAt: new Date(t.endsAt),
          signupOpensAt: dateOrNull(t.signupOpensAt),
          signupClosesAt: dateOrNull(t.signupClosesAt),
          cancelDeadline: dateOrNull(t.cancelDeadline),
          checkinSecret: randomBytes(32).toString('base64url'),
        })),
      )
      .returning();
    rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    if (base.calendarItemId) await linkCalendarItem(tx, ctx, org.id, base.calendarItemId, rows[0].id);
    for (const [i, row] of rows.entries()) {
      const changes = diffFields({} as Record<string, unknown>, auditedValues(row), AUDITED_FIELDS);
      if (seriesId) changes.series = { to: `每周重复第 ${i + 1}/${rows.length} 次` };
      await writeAudit(tx, {
        orgId: org.id,
        actor: { userId: ctx.actor.userId, name: ctx.actor.name },
        action: 'activity.created',
        entityType: 'activity',
        entityId: row.id,
        entityLabel: row.title,
        changes,
      });
    }
    return rows.map((r) => r.id);
  });
}

/**
 * Edits an activity; the activity with the changes applied is checked whole (a new end before the old start is
 * refused). More seats (or none) promote the waiting in order; fewer seats than are taken is refused. Members signed
 * up are notified when the time or the place changes.
 */
export async function updateActivity(ctx: Ctx, id: string, patch: z.infer<typeof activityPatchSchema>): Promise<void> {
  const { org, activity: a } = await loadActivity(ctx, id, 'activity.manage');
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能再修改');
  const before = auditedValues(a);
  const merged = activityInputSchema.parse({
    ...before,
    organiserUserId: a.organiserUserId,
    calendarItemId: a.calendarItemId,
    clubId: a.clubId,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  });
  const after = auditedValues({ ...merged, organiserUserId: merged.organiserUserId ?? null, calendarItemId: merged.calendarItemId ?? null, clubId: merged.clubId ?? null });
  const changes = diffFields(before, after, AUDITED_FIELDS);
  if (Object.keys(changes).length === 0) return;
  // References are checked when they change: an organiser who has since left office stays on old activities.
  await assertReferences(ctx.db, org, {
    typeId: changes.typeId ? merged.typeId : undefined,
    organiserUserId: changes.organiserUserId ? merged.organiserUserId : undefined,
    audience: changes.audience ? merged.audience : undefined,
    clubId: changes.clubId ? merged.clubId : undefined,
    calendarItemId: changes.calendarItemId ? merged.calendarItemId : undefined,
  });
  const capacity = merged.capacity;
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    // The capacity is checked against the seats taken under the row's lock, in the same statement.
    const [updated] = await tx
      .update(activities)
      .set({
        typeId: merged.typeId,
        title: merged.title,
        description: merged.description,
        startsAt: new Date(merged.startsAt),
        endsAt: new Date(merged.endsAt),
        place: merged.place,
        organiserUserId: merged.organiserUserId ?? null,
        audience: merged.audience,
        capacity,
        signupOpensAt: dateOrNull(merged.signupOpensAt),
        signupClosesAt: dateOrNull(merged.signupClosesAt),
        cancelDeadline: dateOrNull(merged.cancelDeadline),
        needsApproval: merged.needsApproval,
        fields: merged.fields as SignupField[],
        calendarItemId: merged.calendarItemId ?? null,
        clubId: merged.clubId ?? null,
        // A new start time re-arms the day-before reminder (its dedupe key names the start, so it is sent anew).
        ...(changes.startsAt ? { reminderSentAt: null } : {}),
        updatedAt: now,
      })
      .where(
        and(
          eq(activities.id, id),
          eq(activities.status, 'published'),
          // The edit was merged with the activity as loaded: if someone else saved it since, refuse rather than
          // silently put their change back (sign-ups change only the seat count, never updated_at).
          sql`date_trunc('milliseconds', ${activities.updatedAt}) = ${a.updatedAt}`,
          capacity === null ? undefined : sql`${activities.confirmedCount} <= ${capacity}`,
        ),
      )
      .returning();
    if (!updated) {
      const [current] = await tx
        .select({ status: activities.status, confirmedCount: activities.confirmedCount, isSame: sql<boolean>`date_trunc('milliseconds', ${activities.updatedAt}) = ${a.updatedAt}` })
        .from(activities)
        .where(eq(activities.id, id));
      if (current?.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能再修改');
      if (current && !current.isSame) throw new AppError('CONFLICT', '活动刚被其他人修改过，请刷新后再改');
      throw fieldError('capacity', `名额不能少于已报名的 ${current?.confirmedCount ?? a.confirmedCount} 人`);
    }
    const promoted = changes.capacity ? await fillSeats(tx, id) : [];
    if (changes.calendarItemId) {
      if (a.calendarItemId) await linkCalendarItem(tx, ctx, org.id, a.calendarItemId, null, id);
      if (updated.calendarItemId) await linkCalendarItem(tx, ctx, org.id, updated.calendarItemId, id);
    }
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'activity.updated',
      entityType: 'activity',
      entityId: id,
      entityLabel: updated.title,
      changes,
    });
    await notifyPromoted(tx, ctx, org.id, updated, promoted, now);
    if (changes.startsAt || changes.endsAt || changes.place) {
      await notify(tx, {
        userIds: await registrantUserIds(tx, id, ['confirmed', 'waitlisted', 'pending']),
        orgId: org.id,
        kind: 'activity_changed',
        title: `活动时间或地点有变：${updated.title}`,
        body: `现在的安排：${whenAndWhere(updated, now)}`,
        link: `/activities/${id}`,
      });
    }
  });
}

/** Cancels an activity (with a reason); everyone signed up, waiting or awaiting approval is notified. */
export async function cancelActivity(ctx: Ctx, id: string, reason: string): Promise<void> {
  const { org, activity: a } = await loadActivity(ctx, id, 'activity.manage');
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
  const now = new Date();
  if (now.getTime() >= a.endsAt.getTime()) throw new AppError('CONFLICT', '活动已结束，不能取消');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(activities)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: now })
      .where(and(eq(activities.id, id), eq(activities.status, 'published')))
      .returning({ id: activities.id });
    if (!row) throw new AppError('CONFLICT', '活动已取消');
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'activity.cancelled',
      entityType: 'activity',
      entityId: id,
      entityLabel: a.title,
      changes: { status: { from: 'published', to: 'cancelled' }, reason: { to: reason } },
    });
    await notify(tx, {
      userIds: await registrantUserIds(tx, id, ['confirmed', 'waitlisted', 'pending']),
      orgId: org.id,
      kind: 'activity_cancelled',
      title: `活动已取消：${a.title}（原因：${reason}）`,
      body: `原定 ${whenAndWhere(a, now)}`,
      link: `/activities/${id}`,
    });
  });
}
