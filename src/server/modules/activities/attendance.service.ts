import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Audience, RegistrationStatus, attendanceSetSchema, checkinCodeSchema, rosterSchema } from '../../../contracts/activities.js';
import { checkinCode, checkinWindowOpen, isValidCheckinCode, waitlistPosition } from '../../../domain/activities/index.js';
import { shanghaiWallTime } from '../../../domain/activities/shanghai-time.js';
import { activityAttendance } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberChain, writeAudit } from '../audit/audit.writer.js';
import { audienceTextOf, loadActivity, loadActivityRow, NO_MEMBER_FILE_MESSAGE, outsideAudienceMessage } from './activities.access.js';
import { clockOf, instant } from './activities.presenter.js';
import { invitedCount, membersOfOrg, rosterRows, standingOf } from './activities.repository.js';

/** Before the start, organisers may record attendance from this long before it (the same hour check-in opens). */
const ATTENDANCE_LEAD_MS = 3_600_000;

/** The roster's order: awaiting a decision, signed up, waiting (by place), then the rest; by name within each. */
const STATUS_ORDER: Record<RegistrationStatus | 'none', number> = { pending: 0, confirmed: 1, waitlisted: 2, cancelled: 3, rejected: 4, none: 5 };

/** The organiser's roster: every invited member, and anyone registered or present outside the audience. */
export async function activityRoster(ctx: Ctx, activityId: string): Promise<z.infer<typeof rosterSchema>> {
  const { org, activity: a } = await loadActivity(ctx, activityId, 'activity.manage');
  const rows = await rosterRows(ctx.db, org.id, { id: a.id, audience: a.audience as Audience });
  const waiting = rows.filter((r) => r.status === 'waitlisted' && r.waitlistSeq !== null).map((r) => Number(r.waitlistSeq));
  const rank = (r: (typeof rows)[number]) => STATUS_ORDER[r.status ?? 'none'];
  rows.sort(
    (x, y) =>
      rank(x) - rank(y) ||
      (x.status === 'waitlisted' ? Number(x.waitlistSeq) - Number(y.waitlistSeq) : 0) ||
      (x.pinyinKey < y.pinyinKey ? -1 : x.pinyinKey > y.pinyinKey ? 1 : 0) ||
      (x.memberId < y.memberId ? -1 : 1),
  );
  return {
    items: rows.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      groupName: r.groupName,
      department: r.department,
      isInvited: Boolean(r.isInvited),
      registrationId: r.registrationId,
      status: r.status,
      waitlistPosition: r.status === 'waitlisted' && r.waitlistSeq !== null ? waitlistPosition(Number(r.waitlistSeq), waiting) : null,
      answers: (r.answers ?? {}) as Record<string, string>,
      registeredAt: r.registeredAt ? instant(r.registeredAt) : null,
      attendedAt: r.attendedAt ? instant(r.attendedAt) : null,
      attendanceSource: r.attendanceSource,
    })),
  };
}

/**
 * Sets who attended, as ticked on the roster or entered from the paper sheet: afterwards exactly these members are
 * present apart from those who scanned the code (scans are never removed here). Audited with the names added and removed.
 */
export async function setAttendance(ctx: Ctx, activityId: string, input: z.infer<typeof attendanceSetSchema>): Promise<{ attended: number; added: number; removed: number }> {
  const { org, activity: a } = await loadActivity(ctx, activityId, 'activity.manage');
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能登记出勤');
  const now = new Date();
  if (now.getTime() < a.startsAt.getTime() - ATTENDANCE_LEAD_MS) throw new AppError('CONFLICT', '活动开始前一小时起才能登记出勤');
  const ids = [...new Set(input.memberIds)];
  const names = await membersOfOrg(ctx.db, org.id, ids);
  if (ids.some((id) => !names.has(id))) throw fieldError('memberIds', '所选人员不在本工会名册中');
  return ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(activityAttendance)
      .where(
        and(
          eq(activityAttendance.activityId, a.id),
          inArray(activityAttendance.source, ['roster', 'paper']),
          ids.length > 0 ? notInArray(activityAttendance.memberId, ids) : undefined,
        ),
      )
      .returning({ memberId: activityAttendance.memberId });
    const added =
      ids.length === 0
        ? []
        : await tx
            .insert(activityAttendance)
            .values(ids.map((memberId) => ({ activityId: a.id, orgId: org.id, memberId, source: input.source, recordedBy: ctx.actor.userId, at: now })))
            .onConflictDoNothing({ target: [activityAttendance.activityId, activityAttendance.memberId] })
            .returning({ memberId: activityAttendance.memberId });
    if (removed.length > 0 || added.length > 0) {
      const removedNames = await membersOfOrg(tx, org.id, removed.map((r) => r.memberId));
      await writeAudit(tx, {
        orgId: org.id,
        actor: { userId: ctx.actor.userId, name: ctx.actor.name },
        action: 'attendance.set',
        entityType: 'activity',
        entityId: a.id,
        entityLabel: a.title,
        changes: {
          source: { to: input.source },
          ...(added.length > 0 ? { added: { to: added.map((r) => names.get(r.memberId)) } } : {}),
          ...(removed.length > 0 ? { removed: { to: removed.map((r) => removedNames.get(r.memberId)) } } : {}),
        },
      });
    }
    const [{ n }] = await tx.select({ n: count() }).from(activityAttendance).where(eq(activityAttendance.activityId, a.id));
    return { attended: Number(n), added: added.length, removed: removed.length };
  });
}

/**
 * Checks the acting member in with the code on the venue's screen: the current window's code or the previous one's,
 * from an hour before the start until the end, for members invited or signed up. A second scan is a no-op.
 */
export async function checkIn(ctx: Ctx, activityId: string, code: string): Promise<{ attendedAt: string; message: string }> {
  const { org, activity: a } = await loadActivityRow(ctx, activityId, 'activity.read');
  const audience = a.audience as Audience;
  const standing = await standingOf(ctx.db, org.id, ctx.actor.userId, { id: a.id, audience });
  if (!standing) throw forbidden(NO_MEMBER_FILE_MESSAGE);
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
  const now = new Date();
  const clock = clockOf(a);
  if (!checkinWindowOpen({ startsAt: clock.startsAt, endsAt: clock.endsAt, status: a.status }, now)) {
    if (now.getTime() >= a.endsAt.getTime()) throw new AppError('CONFLICT', '活动已结束，签到已关闭');
    const opens = new Date(a.startsAt.getTime() - 3_600_000);
    throw new AppError('CONFLICT', `签到尚未开始（${shanghaiWallTime(opens, now)} 起可签到）`);
  }
  if (!isValidCheckinCode(a.checkinSecret, a.id, code, now)) throw fieldError('code', '签到码已过期，请重新扫描现场的二维码');
  const status = standing.registration?.status;
  if (status === 'rejected') throw forbidden('您的报名未通过审核，不能签到；如有疑问请联系活动组织者');
  const isRegistered = status === 'confirmed' || status === 'waitlisted' || status === 'pending';
  if (!standing.isInvited && !isRegistered) throw forbidden(outsideAudienceMessage(await audienceTextOf(ctx.db, org.id, audience)));
  if (standing.attendedAt) return { attendedAt: instant(standing.attendedAt), message: '您已签到，无需重复签到' };

  const attendedAt = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activityAttendance)
      .values({ activityId: a.id, orgId: org.id, memberId: standing.member.id, source: 'scan', recordedBy: ctx.actor.userId, at: now })
      .onConflictDoNothing({ target: [activityAttendance.activityId, activityAttendance.memberId] })
      .returning({ at: activityAttendance.at });
    if (!row) return null;
    await writeAudit(tx, {
      orgId: org.id,
      chain: memberChain(standing.member.id),
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'attendance.checkedIn',
      entityType: 'activity',
      entityId: a.id,
      entityLabel: a.title,
      changes: { member: { to: standing.member.name }, source: { to: 'scan' } },
    });
    return row.at;
  });
  if (attendedAt) return { attendedAt: instant(attendedAt), message: '签到成功' };
  // A second scan that raced the first: the member is present all the same.
  const [row] = await ctx.db
    .select({ at: activityAttendance.at })
    .from(activityAttendance)
    .where(and(eq(activityAttendance.activityId, a.id), eq(activityAttendance.memberId, standing.member.id)));
  return { attendedAt: instant(row.at), message: '您已签到，无需重复签到' };
}

/**
 * The code for the venue's screen: the current window's code, the URL its QR code carries (on the origin the
 * organiser's browser uses), when the next code is due, and how many of the invited are present.
 */
export async function checkinCodeFor(ctx: Ctx, activityId: string, origin: string): Promise<z.infer<typeof checkinCodeSchema>> {
  const { org, activity: a } = await loadActivity(ctx, activityId, 'activity.manage');
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
  const { code, expiresAt } = checkinCode(a.checkinSecret, a.id, new Date());
  const [invited, [{ n }]] = await Promise.all([
    invitedCount(ctx.db, org.id, a.audience as Audience),
    ctx.db.select({ n: count() }).from(activityAttendance).where(eq(activityAttendance.activityId, a.id)),
  ]);
  const url = `${origin}/checkin?activity=${encodeURIComponent(a.id)}&code=${encodeURIComponent(code)}`;
  return { code, url, expiresAt: instant(expiresAt), attended: Number(n), invited };
}
