import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { electionAttendanceInputSchema, rollSchema } from '../../../contracts/elections.js';
import { startRefusal } from '../../../domain/election/index.js';
import { electionRoll, elections, members } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findSession, voterCondition } from '../congress/congress.repository.js';
import { auditActor, loadElection } from './elections.access.js';
import { candidatesOf, lockedElectionStatus, rollCounts, rollPeople, unionMembers, type ElectionRow } from './elections.repository.js';
import { standingProblem } from './elections-setup.service.js';

type Roll = z.infer<typeof rollSchema>;

/** Why an election that is not a draft cannot start again. */
const notDraft = (s: ElectionRow['status']) => (s === 'running' ? '选举已开始' : '选举已结束');

/** Who may vote in a union election: members in employment with a normal membership (保留会籍 does not, DOMAIN.md §2). */
const entitled = (orgId: string) => and(eq(members.orgId, orgId), eq(members.employmentStatus, 'active'), eq(members.membershipStatus, 'normal'))!;

/**
 * POST /elections/:id/start: refuses too few candidates (差额 for committee members, DOMAIN.md) or a candidate who
 * can no longer stand, then fixes the roll (应到): members in employment with a normal membership (保留会籍 does not
 * vote) — at a congress session those of them who are voters of the session's term. Everything it decides on is
 * read under the election's row lock, which removing a candidate or changing the seats or the meeting also takes:
 * a change a moment before is seen, never started past.
 */
export async function startElection(ctx: Ctx, id: string): Promise<void> {
  const { org, election: loaded } = await loadElection(ctx, id, 'election.manage');
  if (loaded.status !== 'draft') throw new AppError('CONFLICT', notDraft(loaded.status));
  await ctx.db.transaction(async (tx) => {
    const [e] = await tx.select().from(elections).where(eq(elections.id, loaded.id)).for('update');
    if (e?.status !== 'draft') throw new AppError('CONFLICT', notDraft(e?.status ?? 'closed'));
    const candidates = await candidatesOf(tx, e.id);
    const refusal = startRefusal(e.position, e.seats, candidates.length, e.differentialPercent);
    if (refusal) throw new AppError('CONFLICT', refusal);
    // A candidate's file may have changed since they were added (retired, 保留会籍).
    for (const m of await unionMembers(tx, org.id, candidates.map((c) => c.memberId))) {
      const problem = standingProblem(m);
      if (problem) throw new AppError('CONFLICT', `${problem}，请先将其移出候选人名单`);
    }
    let voters = entitled(org.id);
    if (e.meetingKind === 'congress') {
      const found = await findSession(tx, org.id, e.sessionId!);
      if (!found || found.session.status === 'closed') throw new AppError('CONFLICT', '教代会会议已闭幕，不能再开始选举');
      voters = and(voterCondition(found.term), voters)!;
    }
    await tx.execute(sql`INSERT INTO ${electionRoll} (election_id, member_id) SELECT ${e.id}, ${members.id} FROM ${members} WHERE ${voters}`);
    const { due } = await rollCounts(tx, e);
    if (due === 0) throw new AppError('CONFLICT', e.meetingKind === 'congress' ? '本届教代会没有在职且会籍正常的正式代表，无法确定选举人名单' : '没有在职且会籍正常的会员，无法确定选举人名单');
    await tx.update(elections).set({ status: 'running', startedAt: new Date(), updatedAt: new Date() }).where(eq(elections.id, e.id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.started',
      entityType: 'election',
      entityId: e.id,
      entityLabel: e.title,
      changes: { status: { from: 'draft', to: 'running' }, due: { to: due }, candidates: { to: candidates.length } },
    });
  });
}

/** The roll with presence and its figures (empty before the start). */
export async function rollOf(ctx: Ctx, e: ElectionRow): Promise<Roll> {
  const presenceFrom = e.meetingKind === 'congress' ? 'congress' : 'roll';
  if (e.status === 'draft') return { due: 0, present: 0, people: [], presenceFrom };
  const people = await rollPeople(ctx.db, e);
  return { due: people.length, present: people.filter((p) => p.present).length, people, presenceFrom };
}

/** GET /elections/:id/roll: for the managers. */
export async function getRoll(ctx: Ctx, id: string): Promise<Roll> {
  const { election } = await loadElection(ctx, id, 'election.manage');
  return rollOf(ctx, election);
}

/**
 * POST /elections/:id/attendance: ticks people of the roll present (or not) at a members' meeting. At a congress
 * session presence is the session's attendance, kept by the congress's check-in.
 */
export async function setElectionAttendance(ctx: Ctx, id: string, input: z.infer<typeof electionAttendanceInputSchema>): Promise<Roll> {
  const { org, election: e } = await loadElection(ctx, id, 'election.manage');
  if (e.meetingKind === 'congress') throw new AppError('CONFLICT', '教代会会议上的选举以会议签到为准，请在会议签到中登记出席');
  if (e.status !== 'running') throw new AppError('CONFLICT', e.status === 'draft' ? '选举尚未开始，开始后才有选举人名单' : '选举已结束，到会情况不能再修改');
  // In one order whoever sends them, so two clerks ticking the same people lock the rows in the same order.
  const ids = [...new Set(input.memberIds)].sort();
  const onRoll = await ctx.db.select({ memberId: electionRoll.memberId, name: members.name }).from(electionRoll).innerJoin(members, eq(members.id, electionRoll.memberId)).where(and(eq(electionRoll.electionId, e.id), inArray(electionRoll.memberId, ids)));
  const names = new Map(onRoll.map((r) => [r.memberId, r.name]));
  const outside = ids.findIndex((m) => !names.has(m));
  if (outside >= 0) throw fieldError('memberIds', '所选人员不在本次选举的选举人名单中');
  await ctx.db.transaction(async (tx) => {
    if ((await lockedElectionStatus(tx, e.id, 'share')) !== 'running') throw new AppError('CONFLICT', '选举已结束，到会情况不能再修改');
    const changed = await tx
      .update(electionRoll)
      .set({ present: input.present })
      .where(and(eq(electionRoll.electionId, e.id), inArray(electionRoll.memberId, ids), sql`${electionRoll.present} IS DISTINCT FROM ${input.present}`))
      .returning({ memberId: electionRoll.memberId });
    if (changed.length === 0) return;
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.attendance.set',
      entityType: 'election',
      entityId: e.id,
      entityLabel: e.title,
      changes: { present: { to: input.present }, members: { to: changed.map((c) => names.get(c.memberId)!) } },
    });
  });
  return rollOf(ctx, e);
}
