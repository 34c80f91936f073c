import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ELECTION_LIMITS,
  ELECTION_MEETING_LABELS,
  ELECTION_POSITION_LABELS,
  OFFICIAL_ROLE_LABELS,
  type candidateInputSchema,
  type ElectionInput,
  type OfficialRole,
  type officialsInputSchema,
} from '../../../contracts/elections.js';
import { electionCandidates, electionOfficials, elections } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { findSession } from '../congress/congress.repository.js';
import { auditActor, electionOrg, loadCandidate, loadElection, type Org } from './elections.access.js';
import { lockedElectionStatus, officialsOf, unionMembers, type ElectionRow } from './elections.repository.js';

const NOT_DRAFT = '选举已开始，候选人和选举设置不能再修改';

/** The columns an election input sets, after checking the congress session belongs to the union and is not over. */
async function electionValues(ctx: Ctx, org: Org, input: ElectionInput) {
  let sessionId: string | null = null;
  if (input.meeting.kind === 'congress') {
    const found = await findSession(ctx.db, org.id, input.meeting.sessionId);
    if (!found) throw fieldError('meeting.sessionId', '所选教代会会议不存在');
    if (found.session.status === 'closed') throw fieldError('meeting.sessionId', '所选教代会会议已闭幕，不能再安排选举');
    sessionId = found.session.id;
  }
  return {
    title: input.title,
    position: input.position,
    seats: input.seats,
    meetingKind: input.meeting.kind,
    sessionId,
    online: input.online,
    paper: input.paper,
    differentialPercent: input.differentialPercent,
  };
}

const auditView = (e: Pick<ElectionRow, 'title' | 'position' | 'seats' | 'meetingKind' | 'online' | 'paper' | 'differentialPercent'>) => ({
  title: e.title,
  position: ELECTION_POSITION_LABELS[e.position],
  seats: e.seats,
  meeting: ELECTION_MEETING_LABELS[e.meetingKind],
  online: e.online,
  paper: e.paper,
  differentialPercent: e.differentialPercent,
});

/** POST /elections: a draft election. */
export async function createElection(ctx: Ctx, input: ElectionInput): Promise<string> {
  const org = electionOrg(ctx, 'election.manage');
  const values = await electionValues(ctx, org, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(elections).values({ ...values, orgId: org.id, createdBy: ctx.actor.userId }).returning();
    const view = auditView(row);
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.created',
      entityType: 'election',
      entityId: row.id,
      entityLabel: row.title,
      changes: Object.fromEntries(Object.entries(view).map(([k, v]) => [k, { to: v }])),
    });
    return row.id;
  });
}

/** PATCH /elections/:id: a draft's settings. */
export async function updateElection(ctx: Ctx, id: string, input: ElectionInput): Promise<void> {
  const { org, election } = await loadElection(ctx, id, 'election.manage');
  if (election.status !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT);
  const values = await electionValues(ctx, org, input);
  await ctx.db.transaction(async (tx) => {
    if ((await lockedElectionStatus(tx, election.id, 'update')) !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT);
    await tx.update(elections).set({ ...values, updatedAt: new Date() }).where(eq(elections.id, election.id));
    const before = auditView(election);
    const changes = diffFields(before, auditView({ ...election, ...values }), Object.keys(before) as (keyof typeof before)[]);
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'election.updated', entityType: 'election', entityId: election.id, entityLabel: values.title, changes });
  });
}

/** DELETE /elections/:id: a draft, with its candidates and officials. */
export async function deleteElection(ctx: Ctx, id: string): Promise<void> {
  const { org, election } = await loadElection(ctx, id, 'election.manage');
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx.delete(elections).where(and(eq(elections.id, election.id), eq(elections.status, 'draft'))).returning({ id: elections.id });
    if (!gone) throw new AppError('CONFLICT', '选举已开始，不能删除');
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'election.deleted', entityType: 'election', entityId: election.id, entityLabel: election.title });
  });
}

/** Why a member cannot stand (在职 and 会籍正常 only: 保留会籍 cannot stand, DOMAIN.md §2), or null. */
export function standingProblem(m: { name: string; employmentStatus: string; membershipStatus: string }): string | null {
  if (m.membershipStatus === 'reserved') return `${m.name} 为保留会籍会员，不能作为候选人`;
  if (m.membershipStatus !== 'normal') return `${m.name} 已转出或已退会，不能作为候选人`;
  if (m.employmentStatus !== 'active') return `${m.name} 不是在职会员，不能作为候选人`;
  return null;
}

/** POST /elections/:id/candidates: a member of the union in employment with a normal membership, not an official. */
export async function addCandidate(ctx: Ctx, id: string, input: z.infer<typeof candidateInputSchema>): Promise<void> {
  const { org, election } = await loadElection(ctx, id, 'election.manage');
  if (election.status !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT);
  const [member] = await unionMembers(ctx.db, org.id, [input.memberId]);
  if (!member) throw fieldError('memberId', '所选会员不存在');
  const problem = standingProblem(member);
  if (problem) throw fieldError('memberId', problem);
  await ctx.db.transaction(async (tx) => {
    // Held until the candidate is stored: the officials cannot be changed (nor the election started) in between.
    if ((await lockedElectionStatus(tx, election.id, 'update')) !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT);
    const official = (await officialsOf(tx, election.id)).find((o) => o.memberId === member.id);
    if (official) throw fieldError('memberId', `${member.name} 是本次选举的${OFFICIAL_ROLE_LABELS[official.role]}，不能作为候选人`);
    const n = await tx.$count(electionCandidates, eq(electionCandidates.electionId, election.id));
    if (n >= ELECTION_LIMITS.candidatesMax) throw fieldError('memberId', `候选人最多 ${ELECTION_LIMITS.candidatesMax} 名`);
    const [row] = await tx
      .insert(electionCandidates)
      .values({ orgId: org.id, electionId: election.id, memberId: member.id, note: input.note })
      .onConflictDoNothing({ target: [electionCandidates.electionId, electionCandidates.memberId] })
      .returning({ id: electionCandidates.id });
    if (!row) throw fieldError('memberId', `${member.name} 已是候选人`);
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.candidate.added',
      entityType: 'election',
      entityId: election.id,
      entityLabel: election.title,
      changes: { candidate: { to: member.name }, ...(input.note ? { note: { to: input.note } } : {}) },
    });
  });
}

/** DELETE /elections/candidates/:id: off a draft's list. Returns the election's id. */
export async function removeCandidate(ctx: Ctx, id: string): Promise<string> {
  const { org, candidate, election } = await loadCandidate(ctx, id, 'election.manage');
  const [member] = await unionMembers(ctx.db, org.id, [candidate.memberId]);
  await ctx.db.transaction(async (tx) => {
    if ((await lockedElectionStatus(tx, election.id, 'update')) !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT);
    await tx.delete(electionCandidates).where(eq(electionCandidates.id, candidate.id));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'election.candidate.removed', entityType: 'election', entityId: election.id, entityLabel: election.title, changes: { candidate: { from: member?.name ?? null } } });
  });
  return election.id;
}

/**
 * PUT /elections/:id/officials: the scrutineers (监票人) and counters (计票人), replacing the lists; members of the
 * union, never candidates, nobody in both roles. Until the election is closed (tellers are often named at the
 * meeting itself).
 */
export async function setOfficials(ctx: Ctx, id: string, input: z.infer<typeof officialsInputSchema>): Promise<void> {
  const { org, election } = await loadElection(ctx, id, 'election.manage');
  if (election.status === 'closed') throw new AppError('CONFLICT', '选举已结束，不能再修改监票人、计票人');
  const lists: Record<OfficialRole, string[]> = { scrutineer: [...new Set(input.scrutineers)], counter: [...new Set(input.counters)] };
  const pathOf: Record<OfficialRole, string> = { scrutineer: 'scrutineers', counter: 'counters' };
  const found = new Map((await unionMembers(ctx.db, org.id, [...lists.scrutineer, ...lists.counter])).map((m) => [m.id, m]));
  for (const role of ['scrutineer', 'counter'] as const) {
    const missing = lists[role].findIndex((m) => !found.has(m));
    if (missing >= 0) throw fieldError(`${pathOf[role]}.${missing}`, `所选${OFFICIAL_ROLE_LABELS[role]}不是本会会员`);
  }
  const both = lists.counter.findIndex((m) => lists.scrutineer.includes(m));
  if (both >= 0) throw fieldError(`counters.${both}`, `${found.get(lists.counter[both])!.name} 不能同时担任监票人和计票人`);
  await ctx.db.transaction(async (tx) => {
    const status = await lockedElectionStatus(tx, election.id, 'update');
    if (status === 'closed') throw new AppError('CONFLICT', '选举已结束，不能再修改监票人、计票人');
    const candidates = new Set((await tx.select({ memberId: electionCandidates.memberId }).from(electionCandidates).where(eq(electionCandidates.electionId, election.id))).map((c) => c.memberId));
    for (const role of ['scrutineer', 'counter'] as const) {
      const i = lists[role].findIndex((m) => candidates.has(m));
      if (i >= 0) throw fieldError(`${pathOf[role]}.${i}`, `${found.get(lists[role][i])!.name} 是候选人，不能担任${OFFICIAL_ROLE_LABELS[role]}`);
    }
    const before = await officialsOf(tx, election.id);
    await tx.delete(electionOfficials).where(eq(electionOfficials.electionId, election.id));
    const rows = (['scrutineer', 'counter'] as const).flatMap((role) => lists[role].map((memberId) => ({ electionId: election.id, memberId, role })));
    if (rows.length > 0) await tx.insert(electionOfficials).values(rows);
    const names = (role: OfficialRole, xs: { name: string }[]) => ({ [pathOf[role]]: { from: before.filter((o) => o.role === role).map((o) => o.name), to: xs.map((x) => x.name) } });
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.officials.set',
      entityType: 'election',
      entityId: election.id,
      entityLabel: election.title,
      changes: { ...names('scrutineer', lists.scrutineer.map((m) => found.get(m)!)), ...names('counter', lists.counter.map((m) => found.get(m)!)) },
    });
  });
}
