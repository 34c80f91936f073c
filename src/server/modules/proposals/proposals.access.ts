import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { can } from '../../../domain/policy.js';
import { proposals } from '../../db/schema/index.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { eligibleAmong, findProposal, memberIdsOfUser, type ProposalFull, type TermRow } from './proposals.repository.js';

export type Org = NonNullable<Ctx['actor']['org']>;

/**
 * Where the actor works with proposals: their grassroots union, their own member files there (a representative is
 * one by data, not by role), and whether they sit on the proposals committee or answer as a department.
 */
export interface ProposalScope {
  union: Org;
  memberIds: string[];
  isReviewer: boolean;
  isHandler: boolean;
}

/** The actor's proposal scope; 403 outside a grassroots union where they have a role. */
export async function proposalScope(ctx: Ctx): Promise<ProposalScope> {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, 'congress.read', { type: 'org', path: org.path })) throw forbidden('请在基层工会中查看教代会提案');
  const node = { type: 'org' as const, path: org.path };
  return {
    union: org,
    memberIds: await memberIdsOfUser(ctx.db, org.id, ctx.actor.userId),
    isReviewer: can(ctx.actor, 'proposal.review', node),
    isHandler: can(ctx.actor, 'proposal.handle', node),
  };
}

/** The scope of a proposals-committee action (review, assignment, supervision, figures); 403 for anyone else. */
export async function reviewerScope(ctx: Ctx): Promise<ProposalScope> {
  const scope = await proposalScope(ctx);
  if (!scope.isReviewer) throw forbidden('只有工会主席、副主席和提案工作委员可以审查和督办提案');
  return scope;
}

/** The scope of a department's own list; 403 for anyone without the handler role. */
export async function handlerScope(ctx: Ctx): Promise<ProposalScope> {
  const scope = await proposalScope(ctx);
  if (!scope.isHandler) throw forbidden('只有承办部门账号可以查看交办给本部门的提案');
  return scope;
}

const isOwn = (memberIds: string[]): SQL | undefined =>
  memberIds.length === 0
    ? undefined
    : or(
        inArray(proposals.proposerMemberId, memberIds),
        sql`EXISTS (SELECT 1 FROM proposal_signers s WHERE s.proposal_id = ${proposals.id} AND s.member_id IN (${sql.join(
          memberIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`,
      );

/**
 * The proposals the actor may see, as SQL: their own (as proposer, co-signer or joint proposer, drafts included);
 * for the committee every one ever submitted (a draft its proposer dropped stays theirs); for a department, those assigned to it in any round.
 */
export function visibleTo(ctx: Ctx, scope: ProposalScope): SQL {
  const parts = [
    isOwn(scope.memberIds),
    scope.isReviewer ? isNotNull(proposals.submittedAt) : undefined,
    scope.isHandler ? sql`EXISTS (SELECT 1 FROM proposal_assignments a WHERE a.proposal_id = ${proposals.id} AND a.handler_user_id = ${ctx.actor.userId})` : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return and(eq(proposals.orgId, scope.union.id), parts.length === 0 ? sql`FALSE` : or(...parts))!;
}

/** A proposal of the actor's union they may see, or 404 ("提案不存在或无权查看") — another union's, another department's. */
export async function loadProposal(ctx: Ctx, id: string): Promise<{ scope: ProposalScope; proposal: ProposalFull }> {
  const scope = await proposalScope(ctx);
  const [visible] = await ctx.db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.id, id), visibleTo(ctx, scope))).limit(1);
  const proposal = visible ? await findProposal(ctx.db, scope.union.id, id) : null;
  if (!proposal) throw notFound('提案');
  return { scope, proposal };
}

/** The actor as a representative who may propose or co-sign in a term, or null. */
export async function representativeIn(ctx: Ctx, scope: ProposalScope, term: Pick<TermRow, 'id' | 'form'>): Promise<{ memberId: string; name: string } | null> {
  const eligible = await eligibleAmong(ctx.db, scope.union.id, term, scope.memberIds);
  const [first] = eligible.entries();
  return first ? { memberId: first[0], name: first[1] } : null;
}

/** The refusal of someone who is not a representative of the term. */
export function notRepresentative(term: Pick<TermRow, 'number' | 'form'>): AppError {
  return forbidden(
    term.form === 'all_staff' ? '只有在职在会的教职工可以在教职工大会提出提案' : `只有第${term.number}届教代会代表可以提出或附议提案（特邀代表、列席人员除外）`,
  );
}

/** A refusal of the state machine (domain/congress) as a 409 with its Chinese reason. */
export const refused = (reason: string) => new AppError('CONFLICT', reason);
