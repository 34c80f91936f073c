import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { attendanceInputSchema, attendanceResultSchema, attendanceRosterSchema, congressCheckinCodeSchema } from '../../../contracts/congress.js';
import { checkinCode, isValidCheckinCode } from '../../../domain/activities/index.js';
import { shanghaiWallTime } from '../../../domain/activities/shanghai-time.js';
import { congressAttendance, congressConstituencies, congressRepresentatives, members, orgs } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { AppError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberChain, writeAudit } from '../audit/audit.writer.js';
import { instant } from '../activities/activities.presenter.js';
import { auditActor, loadSession, NO_MEMBER_FILE_MESSAGE } from './congress.access.js';
import { figuresView } from './congress.presenter.js';
import { attendanceCounts, attendanceOf, lockedSessionStatus, memberOfUser, standingIn, voterCondition, type SessionRow, type TermKey } from './congress.repository.js';

/** Scanning opens an hour before the session starts (as activities), and closes when the session is closed. */
const CHECKIN_LEAD_MS = 3_600_000;

/** Whether the code may be scanned now: once the session is declared open (whatever its planned time), or from an hour before a planned one. */
export const isCheckinOpen = (s: Pick<SessionRow, 'status' | 'startsAt'>, now: Date) =>
  s.status === 'open' || (s.status === 'planned' && now.getTime() >= s.startsAt.getTime() - CHECKIN_LEAD_MS);

/**
 * Everyone who may attend a session, with their entry: the voters, the invited and attending-only people of the
 * term (listed, not counted), and anyone else with an entry. Ordered by constituency, then by name.
 */
async function rosterRows(db: Db, term: TermKey, sessionId: string) {
  const isVoter = voterCondition(term);
  return db
    .select({
      memberId: members.id,
      name: members.name,
      groupName: orgs.name,
      constituencyName: congressConstituencies.name,
      kind: congressRepresentatives.kind,
      isVoter: sql<boolean>`(${isVoter})`,
      status: congressAttendance.status,
      reason: congressAttendance.absenceReason,
      source: congressAttendance.source,
      at: congressAttendance.at,
    })
    .from(members)
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .leftJoin(congressRepresentatives, and(eq(congressRepresentatives.termId, term.id), eq(congressRepresentatives.memberId, members.id), eq(congressRepresentatives.status, 'active')))
    .leftJoin(congressConstituencies, eq(congressConstituencies.id, congressRepresentatives.constituencyId))
    .leftJoin(congressAttendance, and(eq(congressAttendance.sessionId, sessionId), eq(congressAttendance.memberId, members.id)))
    .where(and(eq(members.orgId, term.orgId), or(isVoter, sql`${congressRepresentatives.id} IS NOT NULL`, sql`${congressAttendance.memberId} IS NOT NULL`)))
    .orderBy(sql`${congressConstituencies.position} NULLS LAST`, asc(congressConstituencies.name), asc(members.pinyinKey), asc(members.id));
}

/** GET /congress/sessions/:id/attendance: the roster with each person's entry, and the figures. */
export async function attendanceRoster(ctx: Ctx, sessionId: string): Promise<z.infer<typeof attendanceRosterSchema>> {
  const { session, term } = await loadSession(ctx, sessionId, 'congress.manage');
  const rows = await rosterRows(ctx.db, term, session.id);
  return {
    items: rows.map((r) => ({ ...r, isVoter: Boolean(r.isVoter), at: r.at ? instant(r.at) : null })),
    figures: figuresView(await attendanceCounts(ctx.db, term, session.id)),
  };
}

/**
 * POST /congress/sessions/:id/attendance: staff tick several people present, absent (with the reason: 病假、事假、
 * 公出 …) or back to not signed in. Only people who may attend (voters, invited, attending-only) can be ticked.
 */
export async function setAttendance(ctx: Ctx, sessionId: string, input: z.infer<typeof attendanceInputSchema>): Promise<z.infer<typeof attendanceResultSchema>> {
  const { org, session, term } = await loadSession(ctx, sessionId, 'congress.manage');
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，出勤不能再修改');
  if (input.status === 'absent' && !input.reason) throw fieldError('reason', '请填写缺席原因（病假、事假、公出等）');
  // In one order whoever sends them, so two staff ticking the same people at once lock the rows in the same order.
  const ids = [...new Set(input.memberIds)].sort();
  const roster = await rosterRows(ctx.db, term, session.id);
  const allowed = new Map(roster.filter((r) => r.isVoter || r.kind !== null).map((r) => [r.memberId, r]));
  const outside = ids.find((id) => !allowed.has(id));
  if (outside) throw fieldError('memberIds', term.form === 'all_staff' ? '所选人员不在本次大会的参会范围内' : '所选人员不是本届代表（含特邀、列席代表）');
  const repOf = new Map(
    (await ctx.db.select({ id: congressRepresentatives.id, memberId: congressRepresentatives.memberId }).from(congressRepresentatives).where(and(eq(congressRepresentatives.termId, term.id), eq(congressRepresentatives.status, 'active'), inArray(congressRepresentatives.memberId, ids)))).map((r) => [r.memberId, r.id]),
  );
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    if ((await lockedSessionStatus(tx, session.id, 'share')) === 'closed') throw new AppError('CONFLICT', '会议已闭幕，出勤不能再修改');
    let changed: string[];
    if (input.status === 'unknown') {
      changed = (await tx.delete(congressAttendance).where(and(eq(congressAttendance.sessionId, session.id), inArray(congressAttendance.memberId, ids))).returning({ memberId: congressAttendance.memberId })).map((r) => r.memberId);
    } else {
      const reason = input.status === 'absent' ? (input.reason ?? null) : null;
      changed = (
        await tx
          .insert(congressAttendance)
          .values(ids.map((memberId) => ({ sessionId: session.id, orgId: org.id, memberId, representativeId: repOf.get(memberId) ?? null, status: input.status as 'present' | 'absent', absenceReason: reason, source: 'staff' as const, recordedBy: ctx.actor.userId, at: now })))
          .onConflictDoUpdate({
            target: [congressAttendance.sessionId, congressAttendance.memberId],
            set: { status: input.status, absenceReason: reason, source: 'staff', recordedBy: ctx.actor.userId, at: now },
            setWhere: sql`${congressAttendance.status} IS DISTINCT FROM ${input.status} OR ${congressAttendance.absenceReason} IS DISTINCT FROM ${reason}`,
          })
          .returning({ memberId: congressAttendance.memberId })
      ).map((r) => r.memberId);
    }
    if (changed.length > 0) {
      await writeAudit(tx, {
        orgId: org.id,
        actor: auditActor(ctx),
        action: 'congress.attendance.set',
        entityType: 'congress_session',
        entityId: session.id,
        entityLabel: session.title,
        changes: { status: { to: { present: '出席', absent: '缺席', unknown: '未签到' }[input.status] }, ...(input.status === 'absent' ? { reason: { to: input.reason } } : {}), members: { to: changed.map((id) => allowed.get(id)!.name) } },
      });
    }
    return { changed: changed.length, figures: figuresView(await attendanceCounts(tx, term, session.id)) };
  });
}

/**
 * POST /congress/sessions/:id/checkin: the member scans the hall's rotating code (the activities' code, with the
 * session's secret). Voters, invited and attending-only people of the term may; a second scan is a no-op; a scan
 * after being ticked absent (leave asked in advance, then came after all) makes them present.
 */
export async function checkIn(ctx: Ctx, sessionId: string, code: string): Promise<{ message: string; at: string }> {
  const { org, session, term } = await loadSession(ctx, sessionId, 'congress.read');
  const member = await memberOfUser(ctx.db, org.id, ctx.actor.userId);
  if (!member) throw forbidden(NO_MEMBER_FILE_MESSAGE);
  const standing = await standingIn(ctx.db, term, member.id);
  if (!standing.isVoter && !standing.representative) throw forbidden(term.form === 'all_staff' ? '您不在本次大会的参会范围内' : '您不是本届教代会代表，无需签到');
  const now = new Date();
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，签到已关闭');
  if (!isCheckinOpen(session, now)) throw new AppError('CONFLICT', `签到尚未开始（${shanghaiWallTime(new Date(session.startsAt.getTime() - CHECKIN_LEAD_MS), now)} 起可签到）`);
  if (!isValidCheckinCode(session.checkinSecret, session.id, code, now)) throw fieldError('code', '签到码已过期，请重新扫描会场的二维码');
  const before = await attendanceOf(ctx.db, session.id, member.id);
  if (before?.status === 'present') return { message: '您已签到，无需重复签到', at: instant(before.at) };
  const at = await ctx.db.transaction(async (tx) => {
    if ((await lockedSessionStatus(tx, session.id, 'share')) === 'closed') throw new AppError('CONFLICT', '会议已闭幕，签到已关闭');
    const [row] = await tx
      .insert(congressAttendance)
      .values({ sessionId: session.id, orgId: org.id, memberId: member.id, representativeId: standing.representative?.id ?? null, status: 'present', source: 'scan', recordedBy: ctx.actor.userId, at: now })
      .onConflictDoUpdate({
        target: [congressAttendance.sessionId, congressAttendance.memberId],
        set: { status: 'present', absenceReason: null, source: 'scan', recordedBy: ctx.actor.userId, at: now },
        setWhere: sql`${congressAttendance.status} = 'absent'`,
      })
      .returning({ at: congressAttendance.at });
    if (!row) return null;
    await writeAudit(tx, {
      orgId: org.id,
      chain: memberChain(member.id),
      actor: auditActor(ctx),
      action: 'congress.attendance.checkedIn',
      entityType: 'congress_session',
      entityId: session.id,
      entityLabel: session.title,
      changes: { member: { to: member.name }, source: { to: 'scan' } },
    });
    return row.at;
  });
  if (at) return { message: '签到成功', at: instant(at) };
  const again = await attendanceOf(ctx.db, session.id, member.id);
  return { message: '您已签到，无需重复签到', at: instant(again!.at) };
}

/** The code for the hall screen, its QR URL and when the next one is due, with 应到 / 实到. */
export async function checkinCodeFor(ctx: Ctx, sessionId: string, origin: string): Promise<z.infer<typeof congressCheckinCodeSchema>> {
  const { session, term } = await loadSession(ctx, sessionId, 'congress.manage');
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，签到已关闭');
  const counts = await attendanceCounts(ctx.db, term, session.id);
  return { ...codeOf(session, origin), expected: counts.expected, present: counts.present };
}

/** The current code of a session and the URL its QR code carries. */
export function codeOf(session: Pick<SessionRow, 'id' | 'checkinSecret'>, origin: string): { code: string; url: string; expiresAt: string } {
  const { code, expiresAt } = checkinCode(session.checkinSecret, session.id, new Date());
  const url = `${origin}/congress/checkin?session=${encodeURIComponent(session.id)}&code=${encodeURIComponent(code)}`;
  return { code, url, expiresAt: instant(expiresAt) };
}
