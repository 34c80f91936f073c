import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { activityInputSchema, type ActivityCreate, type activityPatchSchema, type Audience, type SignupField } from '../../../contracts/activities.js';
import { weeklyOccurrences, type ActivityTimes } from '../../../domain/activities/index.js';
import type { Db } from '../../db/client.js';
import { activities, calendarItems } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { roleHolderIds } from '../calendar/calendar.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { calendarItemOf, ensureDefaultTypes, findType, groupsInside, isClubOfOrg, membersOfOrg, registrantUserIds } from './activities.repository.js';
import { activityOrg, loadActivity, type Org } from './activities.access.js';
import { instant, whenAndWhere } from './activities.presenter.js';
import { fillSeats, notifyPromoted } from './registrations.service.js';

/*
 * Publishing, editing and cancelling activities (organisers). Reading them — lists and one activity's page — is in
 * activity-views.service.ts; signing up in registrations.service.ts; attendance and check-in in attendance.service.ts.
 */

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
