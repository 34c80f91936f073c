import { and, eq, sql } from 'drizzle-orm';
import { REGISTRATION_STATUS_LABELS, type Audience, type RegistrationStatus, type RegistrationView, type SignupField } from '../../../contracts/activities.js';
import { answersProblem, cancelAllowed, signupBlocker } from '../../../domain/activities/index.js';
import { shanghaiWallTime } from '../../../domain/activities/shanghai-time.js';
import { rowsOf, type Db } from '../../db/client.js';
import { activities, activityRegistrations, members } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberChain, writeAudit } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { registrationOf, waitlistPlaces, type ActivityRow, type RegistrationRow, type Standing } from './activities.repository.js';
import { activityAndStanding, insertSignup, signUpAudit, type MemberActivity, type NewSignup } from './signup.statements.js';
import { clockOf, myRegistrationView, registrationMessage, whenAndWhere } from './activities.presenter.js';
import { activityOrg, audienceTextOf, loadActivity, NO_MEMBER_FILE_MESSAGE, outsideAudienceMessage, type Org } from './activities.access.js';

/*
 * Locks are taken in one order everywhere, so two requests never wait on each other in a circle: an existing
 * registration row first, then the activity row (the seat statement, which also inserts a new registration), then
 * the audit chain (writeAudit, at the end, as every module does after its own rows). A member's own sign-up,
 * cancellation and check-in are audited in the member's chain, not the organisation's: a burst of sign-ups from
 * hundreds of members then waits only on the activity row while seats are left, and on nothing once it is full. Promotion picks
 * the waiting registration with SKIP LOCKED, so it never waits against that order. The seat count lives in the
 * activity row and its CHECK: never counted in memory.
 */

/** Statuses that hold or wait for a seat. */
const isActive = (s: RegistrationStatus | null | undefined) => s === 'pending' || s === 'confirmed' || s === 'waitlisted';

/**
 * Takes a seat for a registration if one is free — the one conditional UPDATE of the activity's count, under its row
 * lock — or else puts it on the wait-list with the next number; one statement either way.
 */
export async function takeSeatOrWait(tx: Db, activityId: string, registrationId: string): Promise<{ status: 'confirmed' | 'waitlisted'; waitlistSeq: number | null }> {
  const [row] = rowsOf<{ status: 'confirmed' | 'waitlisted'; waitlistSeq: string | number | null }>(
    await tx.execute(sql`
      WITH seat AS (
        UPDATE ${activities} SET confirmed_count = confirmed_count + 1
        WHERE id = ${activityId} AND status = 'published' AND (capacity IS NULL OR confirmed_count < capacity)
        RETURNING id
      )
      UPDATE ${activityRegistrations}
      SET status = CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'confirmed' ELSE 'waitlisted' END,
          waitlist_seq = CASE WHEN EXISTS (SELECT 1 FROM seat) THEN NULL ELSE nextval('activity_waitlist_seq') END,
          updated_at = now()
      WHERE id = ${registrationId}
      RETURNING status, waitlist_seq AS "waitlistSeq"`),
  );
  return { status: row.status, waitlistSeq: row.waitlistSeq === null ? null : Number(row.waitlistSeq) };
}

/** A registration moved from the wait-list to confirmed. */
export interface Promoted {
  registrationId: string;
  memberId: string;
  name: string;
  userId: string | null;
}

/**
 * Gives free seats to the waiting, lowest wait-list number first, one statement per seat: picks the first waiting
 * registration (SKIP LOCKED), takes a seat for it if one is free, confirms it. Returns who was promoted.
 */
export async function fillSeats(tx: Db, activityId: string): Promise<Promoted[]> {
  const promoted: Promoted[] = [];
  for (;;) {
    const rows = rowsOf<Promoted>(
      await tx.execute(sql`
        WITH next AS (
          SELECT id FROM ${activityRegistrations}
          WHERE activity_id = ${activityId} AND status = 'waitlisted'
          ORDER BY waitlist_seq LIMIT 1
          FOR UPDATE SKIP LOCKED
        ), seat AS (
          UPDATE ${activities} SET confirmed_count = confirmed_count + 1
          WHERE id = ${activityId} AND status = 'published' AND (capacity IS NULL OR confirmed_count < capacity) AND EXISTS (SELECT 1 FROM next)
          RETURNING id
        )
        UPDATE ${activityRegistrations} r
        SET status = 'confirmed', promoted_at = now(), updated_at = now()
        FROM next, seat, ${members} m
        WHERE r.id = next.id AND m.id = r.member_id
        RETURNING r.id AS "registrationId", r.member_id AS "memberId", m.name AS "name", m.user_id AS "userId"`),
    );
    if (rows.length === 0) return promoted;
    promoted.push(...rows);
  }
}

/** Audits each promotion and tells the promoted (in the caller's transaction). */
export async function notifyPromoted(
  tx: Db,
  ctx: Ctx,
  orgId: string,
  a: Pick<ActivityRow, 'id' | 'title' | 'startsAt' | 'endsAt' | 'place'>,
  promoted: Promoted[],
  now: Date,
  chain?: string,
): Promise<void> {
  if (promoted.length === 0) return;
  for (const p of promoted) {
    await writeAudit(tx, {
      orgId,
      chain,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'registration.promoted',
      entityType: 'activity',
      entityId: a.id,
      entityLabel: a.title,
      changes: { member: { to: p.name }, status: { from: 'waitlisted', to: 'confirmed' } },
    });
  }
  await notify(tx, {
    userIds: promoted.map((p) => p.userId).filter((id): id is string => id !== null),
    orgId,
    kind: 'promoted',
    title: `您已从候补转为正式报名：${a.title}`,
    body: `名额有了空缺，您已按候补顺序转为正式报名。${whenAndWhere(a, now)}`,
    link: `/activities/${a.id}`,
  });
}

/** The answer to a sign-up or a cancellation: the member's registration as it now stands, without the wait-list place. */
function registrationView(activityId: string, standing: Standing, reg: RegistrationRow | null): RegistrationView {
  const mine = myRegistrationView({ isInvited: standing.isInvited, registration: reg, attendedAt: standing.attendedAt }, null);
  return { ...mine, activityId, message: registrationMessage(mine.status, null) };
}

/** Answers as stored: trimmed, empty ones left out. */
function cleanAnswers(answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
}

/** The activity of the organisation and the acting user's standing in it; 404 / 403 as the member should hear it. */
async function activityForMember(ctx: Ctx, activityId: string): Promise<{ org: Org; a: MemberActivity; standing: Standing }> {
  const org = activityOrg(ctx, 'activity.read');
  const found = await activityAndStanding(ctx.database, org.id, activityId, ctx.actor.userId);
  if (!found) throw notFound('活动');
  if (!found.standing) throw forbidden(NO_MEMBER_FILE_MESSAGE);
  return { org, a: found.activity, standing: found.standing };
}

const waitlistedBody = '名额已满，您已进入候补名单；有人取消时将按顺序自动递补，届时会通知您。';

/**
 * Signs the acting member up. Twice is a no-op with the same answer; a cancelled registration is reused. Without
 * approval the member gets a seat or a place on the wait-list at once; with it, the registration waits for the organiser.
 */
export async function signUp(ctx: Ctx, activityId: string, input: { answers: Record<string, string> }): Promise<RegistrationView> {
  const { org, a, standing } = await activityForMember(ctx, activityId);
  const existing = standing.registration;
  if (existing && existing.status !== 'cancelled') return registrationView(a.id, standing, existing);
  if (!standing.isInvited) throw forbidden(outsideAudienceMessage(await audienceTextOf(ctx.db, org.id, a.audience as Audience)));
  const now = new Date();
  const blocker = signupBlocker(clockOf(a), now);
  if (blocker) throw new AppError('CONFLICT', blocker);
  const answers = cleanAnswers(input.answers);
  const problem = answersProblem(a.fields as SignupField[], answers);
  if (problem) throw fieldError(problem.path, problem.message);
  const member = standing.member;
  const actor = { userId: ctx.actor.userId, name: ctx.actor.name };
  const notices = {
    confirmed: { title: `报名成功：${a.title}`, body: whenAndWhere(a, now), link: `/activities/${a.id}` },
    waitlisted: { title: `已进入候补：${a.title}`, body: waitlistedBody, link: `/activities/${a.id}` },
  };

  let registration: RegistrationRow | null;
  try {
    const row = existing
      ? await reopenRegistration(ctx, a, existing.id, { member, answers, actor, notices, now })
      : await insertSignup(ctx.database, { activityId: a.id, orgId: org.id, title: a.title, member, answers, needsApproval: a.needsApproval, actor, notices, at: now });
    // Nothing written: the activity was cancelled in the meantime.
    if (!row) throw new AppError('CONFLICT', '活动已取消');
    registration = { ...row, activityId: a.id, memberId: member.id, answers, createdAt: now };
  } catch (e) {
    // The same member's other sign-up, at the same moment, got there first: this one is a no-op with its answer.
    if (!(e instanceof DuplicateSignUp) && (e as { code?: string }).code !== '23505') throw e;
    registration = await registrationOf(ctx.db, a.id, member.id);
    if (!registration || registration.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
  }
  return registrationView(a.id, standing, registration);
}

/** A sign-up that lost the race to the same member's other sign-up: its transaction is rolled back, its answer is a no-op. */
class DuplicateSignUp extends Error {}

/**
 * Reopens the member's cancelled registration (a sign-up after cancelling): a seat, a wait-list number or approval
 * pending, with its audit event and notification, in one transaction. The status condition lets only one of two
 * concurrent sign-ups do it; the other throws DuplicateSignUp.
 */
async function reopenRegistration(
  ctx: Ctx,
  a: MemberActivity,
  registrationId: string,
  r: Pick<NewSignup, 'member' | 'answers' | 'actor' | 'notices'> & { now: Date },
): Promise<{ id: string; status: RegistrationStatus; waitlistSeq: number | null } | null> {
  return ctx.db.transaction(async (tx) => {
    const [reopened] = await tx
      .update(activityRegistrations)
      .set({ status: 'pending', answers: r.answers, waitlistSeq: null, promotedAt: null, createdAt: r.now, updatedAt: r.now })
      .where(and(eq(activityRegistrations.id, registrationId), eq(activityRegistrations.status, 'cancelled')))
      .returning({ id: activityRegistrations.id });
    if (!reopened) throw new DuplicateSignUp();
    const row = a.needsApproval ? { id: reopened.id, status: 'pending' as const, waitlistSeq: null } : { id: reopened.id, ...(await takeSeatOrWait(tx, a.id, reopened.id)) };
    await writeAudit(tx, signUpAudit({ orgId: a.orgId, activityId: a.id, title: a.title, member: r.member, actor: r.actor }, row.status));
    if (row.status !== 'pending' && r.member.userId) {
      const notice = row.status === 'confirmed' ? r.notices.confirmed : r.notices.waitlisted;
      await notify(tx, { userIds: [r.member.userId], orgId: a.orgId, kind: row.status === 'confirmed' ? 'signup_confirmed' : 'signup_waitlisted', ...notice });
    }
    return row;
  });
}

/**
 * Cancels the acting member's registration, until the cancel deadline (or the start). A freed seat goes to the
 * first waiting person in the same transaction, who is notified. Cancelling again is a no-op.
 */
export async function cancelMyRegistration(ctx: Ctx, activityId: string): Promise<RegistrationView> {
  const { org, a, standing } = await activityForMember(ctx, activityId);
  const reg = standing.registration;
  if (!reg) throw new AppError('CONFLICT', '您尚未报名此活动');
  if (!isActive(reg.status)) return registrationView(a.id, standing, reg);
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
  const now = new Date();
  if (!cancelAllowed(clockOf(a), now)) {
    const deadline = shanghaiWallTime(a.cancelDeadline ?? a.startsAt, now);
    throw new AppError('CONFLICT', `已过取消截止时间（${deadline}），如需取消请联系活动组织者`);
  }
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: activityRegistrations.status })
      .from(activityRegistrations)
      .where(eq(activityRegistrations.id, reg.id))
      .for('update');
    if (!current || !isActive(current.status)) return;
    await tx.update(activityRegistrations).set({ status: 'cancelled', waitlistSeq: null, updatedAt: now }).where(eq(activityRegistrations.id, reg.id));
    let promoted: Promoted[] = [];
    if (current.status === 'confirmed') {
      await tx
        .update(activities)
        .set({ confirmedCount: sql`${activities.confirmedCount} - 1` })
        .where(eq(activities.id, a.id));
      promoted = await fillSeats(tx, a.id);
    }
    await writeAudit(tx, {
      orgId: org.id,
      chain: memberChain(standing.member.id),
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'registration.cancelled',
      entityType: 'activity',
      entityId: a.id,
      entityLabel: a.title,
      changes: { member: { to: standing.member.name }, status: { from: current.status, to: 'cancelled' } },
    });
    await notifyPromoted(tx, ctx, org.id, a, promoted, now, memberChain(standing.member.id));
  });
  return registrationView(a.id, standing, await registrationOf(ctx.db, a.id, standing.member.id));
}

/** The organiser's decision on a registration awaiting approval. */
export async function decideRegistration(
  ctx: Ctx,
  activityId: string,
  registrationId: string,
  decision: 'approve' | 'reject',
): Promise<{ registrationId: string; status: RegistrationStatus; waitlistPosition: number | null }> {
  const { org, activity: a } = await loadActivity(ctx, activityId, 'activity.manage');
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
  const now = new Date();
  const outcome = await ctx.db.transaction(async (tx) => {
    const [reg] = await tx
      .select({ id: activityRegistrations.id, status: activityRegistrations.status, memberId: members.id, name: members.name, userId: members.userId })
      .from(activityRegistrations)
      .innerJoin(members, eq(members.id, activityRegistrations.memberId))
      .where(and(eq(activityRegistrations.id, registrationId), eq(activityRegistrations.activityId, a.id), eq(activityRegistrations.orgId, org.id)))
      .for('update', { of: activityRegistrations });
    if (!reg) throw notFound('报名记录');
    if (reg.status !== 'pending') throw new AppError('CONFLICT', `该报名已处理（${REGISTRATION_STATUS_LABELS[reg.status]}）`);
    let status: RegistrationStatus = 'rejected';
    if (decision === 'approve') status = (await takeSeatOrWait(tx, a.id, reg.id)).status;
    else await tx.update(activityRegistrations).set({ status: 'rejected', updatedAt: now }).where(eq(activityRegistrations.id, reg.id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: decision === 'approve' ? 'registration.approved' : 'registration.rejected',
      entityType: 'activity',
      entityId: a.id,
      entityLabel: a.title,
      changes: { member: { to: reg.name }, status: { from: 'pending', to: status } },
    });
    if (reg.userId) {
      await notify(tx, {
        userIds: [reg.userId],
        orgId: org.id,
        kind: decision === 'approve' ? 'signup_approved' : 'signup_rejected',
        title: decision === 'approve' ? `报名已通过审核：${a.title}` : `报名未通过审核：${a.title}`,
        body:
          status === 'confirmed'
            ? whenAndWhere(a, now)
            : status === 'waitlisted'
              ? waitlistedBody
              : '如有疑问请联系活动组织者。',
        link: `/activities/${a.id}`,
      });
    }
    return { memberId: reg.memberId, status };
  });
  const place = outcome.status === 'waitlisted' ? ((await waitlistPlaces(ctx.db, outcome.memberId, [a.id])).get(a.id) ?? null) : null;
  return { registrationId, status: outcome.status, waitlistPosition: place };
}
