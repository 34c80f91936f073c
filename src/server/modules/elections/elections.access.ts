import { sql } from 'drizzle-orm';
import { can } from '../../../domain/policy.js';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberOfUser } from '../congress/congress.repository.js';
import { findCandidate, findElection, findRound, isCounterOf, type CandidateRow, type ElectionRow, type RoundRow } from './elections.repository.js';

export type Org = NonNullable<Ctx['actor']['org']>;
type ElectionAction = 'election.read' | 'election.manage';

/** The grassroots union whose elections the actor reads (or manages); else 403. */
export function electionOrg(ctx: Ctx, action: ElectionAction): Org {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, action, { type: 'org', path: org.path })) {
    throw forbidden(action === 'election.manage' ? '您在当前组织没有管理选举的权限' : '您在当前组织没有查看选举的权限');
  }
  return org;
}

/** Whether the actor manages the union's elections. */
export const canManageElections = (ctx: Ctx, org: Org) => can(ctx.actor, 'election.manage', { type: 'org', path: org.path });

/**
 * An election of the actor's union, or 404, after the permission check — a draft too, for anyone who does not
 * manage elections (candidates and officials are not settled until it starts).
 */
export async function loadElection(ctx: Ctx, id: string, action: ElectionAction): Promise<{ org: Org; election: ElectionRow }> {
  const org = electionOrg(ctx, action);
  const election = await findElection(ctx.db, org.id, id);
  if (!election || (election.status === 'draft' && action !== 'election.manage' && !canManageElections(ctx, org))) throw notFound('选举');
  return { org, election };
}

/** A round of the actor's union with its election, or 404. */
export async function loadRound(ctx: Ctx, id: string, action: ElectionAction): Promise<{ org: Org; round: RoundRow; election: ElectionRow }> {
  const org = electionOrg(ctx, action);
  const found = await findRound(ctx.db, org.id, id);
  if (!found) throw notFound('投票轮次');
  return { org, ...found };
}

/** A candidate of the actor's union with its election, or 404. */
export async function loadCandidate(ctx: Ctx, id: string, action: ElectionAction): Promise<{ org: Org; candidate: CandidateRow; election: ElectionRow }> {
  const org = electionOrg(ctx, action);
  const found = await findCandidate(ctx.db, org.id, id);
  if (!found) throw notFound('候选人');
  return { org, ...found };
}

/** The actor's member file in the union, or null. */
export async function myMemberId(ctx: Ctx, org: Org): Promise<string | null> {
  return (await memberOfUser(ctx.db, org.id, ctx.actor.userId))?.id ?? null;
}

/**
 * A round for the tellers: managers, or the counters (计票人) named for its election; else 403. Read after the 404
 * check, so another union's id still answers 404.
 */
export async function loadRoundForTellers(ctx: Ctx, id: string): Promise<{ org: Org; round: RoundRow; election: ElectionRow; isManager: boolean }> {
  const { org, round, election } = await loadRound(ctx, id, 'election.read');
  const isManager = canManageElections(ctx, org);
  if (!isManager && !(await isCounterOf(ctx.db, election.id, await myMemberId(ctx, org)))) throw forbidden('只有计票人和选举工作负责人可以录入、查看纸质选票');
  return { org, round, election, isManager };
}

/** The actor as the audit names them. */
export const auditActor = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });

export const NO_MEMBER_FILE_MESSAGE = '您的账号未关联会员档案，请联系工会';

/**
 * A round's advisory lock: casting and entering paper ballots take it shared, counting exclusive — so no ballot
 * commits after the count, without every voter queueing on the round's row.
 */
export async function lockRound(tx: Db, roundId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const key = `election_round:${roundId}`;
  if (mode === 'shared') await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`);
  else await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
