import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { RATING_LABELS, RESULT_CODE_LABELS, type ProposalDetail, type proposalRateSchema, type proposalReplySchema } from '../../../contracts/proposals.js';
import { proposalTransition, replyDueOn } from '../../../domain/congress/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { congressTerms, proposalAssignments, proposalRatings, proposalReplies, proposals } from '../../db/schema/index.js';
import { AppError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { loadProposal, refused } from './proposals.access.js';
import { followerUserIds, lockProposal, signersOf } from './proposals.repository.js';
import { reloadPage } from './proposal-views.service.js';

/*
 * The department's reply (答复, result code A–D) and the ratings (满意 / 基本满意 / 不满意). The proposer's rating
 * moves the proposal: 不满意 in round 1 sends it back to the same departments for round 2 with a new deadline;
 * anything else — or any rating of round 2 — closes it. Co-signers and joint proposers rate too; their ratings are
 * kept and shown, and move nothing.
 */

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });
const label = (p: { number: number | null; title: string }) => (p.number ? `第${p.number}号 ${p.title}` : p.title);

/** POST /proposals/:id/reply: the lead department of the current round answers; the proposer and co-signers are told. */
export async function replyToProposal(ctx: Ctx, id: string, input: z.infer<typeof proposalReplySchema>): Promise<ProposalDetail> {
  const { scope } = await loadProposal(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, scope.union.id, id);
    const [mine] = await tx
      .select({ role: proposalAssignments.role })
      .from(proposalAssignments)
      .where(and(eq(proposalAssignments.proposalId, id), eq(proposalAssignments.round, p!.round), eq(proposalAssignments.handlerUserId, ctx.actor.userId)));
    if (!mine || !scope.isHandler) throw forbidden('只有交办的主办部门可以答复');
    if (mine.role !== 'lead') throw forbidden('由主办部门答复，协办部门请配合主办部门办理');
    const next = proposalTransition(p!.status, 'reply', { round: p!.round });
    if ('refused' in next) throw refused(next.refused);
    await tx.insert(proposalReplies).values({ proposalId: id, orgId: scope.union.id, round: p!.round, handlerUserId: ctx.actor.userId, resultCode: input.resultCode, text: input.text });
    await tx.update(proposals).set({ status: next.to, updatedAt: new Date() }).where(eq(proposals.id, id));
    const today = todayInShanghai();
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.replied',
      entityType: 'proposal',
      entityId: id,
      entityLabel: label(p!),
      changes: { status: { from: p!.status, to: next.to }, round: { to: p!.round }, resultCode: { to: input.resultCode }, onTime: { to: p!.replyDueOn === null || today <= p!.replyDueOn } },
    });
    await notify(tx, {
      userIds: await followerUserIds(tx, id, p!.proposerMemberId),
      orgId: scope.union.id,
      kind: 'proposal_replied',
      title: `提案已答复：${label(p!)}`,
      body: `答复结果：${input.resultCode} ${RESULT_CODE_LABELS[input.resultCode]}。请查看答复并评价`,
      link: `/proposals/${id}`,
    });
  });
  return reloadPage(ctx, scope, id);
}

type RateInput = z.infer<typeof proposalRateSchema>;

/**
 * POST /proposals/:id/rate: the proposer rates the current round's reply (and moves the proposal); a confirmed
 * co-signer or joint proposer rates it too, once per round, until the next round begins.
 */
export async function rateProposal(ctx: Ctx, id: string, input: RateInput): Promise<ProposalDetail> {
  const { scope, proposal } = await loadProposal(ctx, id);
  const isProposer = scope.memberIds.includes(proposal.proposerMemberId);
  const signer = isProposer ? null : (await signersOf(ctx.db, id)).find((s) => scope.memberIds.includes(s.memberId) && (s.role === 'joint' || s.status === 'confirmed'));
  if (!isProposer && !signer) throw forbidden('只有提案人、附议人和联名提案人可以评价答复');
  const memberId = isProposer ? proposal.proposerMemberId : signer!.memberId;
  await ctx.db.transaction(async (tx) => {
    const p = (await lockProposal(tx, scope.union.id, id))!;
    const [reply] = await tx.select({ id: proposalReplies.id }).from(proposalReplies).where(and(eq(proposalReplies.proposalId, id), eq(proposalReplies.round, p.round)));
    const [already] = await tx
      .select({ rating: proposalRatings.rating })
      .from(proposalRatings)
      .where(and(eq(proposalRatings.proposalId, id), eq(proposalRatings.round, p.round), eq(proposalRatings.memberId, memberId)));
    if (reply && already) throw new AppError('CONFLICT', `您已评价过第${p.round}轮答复（${RATING_LABELS[already.rating]}）`);
    if (!isProposer) {
      if (!reply || (p.status !== 'replied' && p.status !== 'closed')) throw new AppError('CONFLICT', '承办部门尚未答复，不能评价');
      await tx.insert(proposalRatings).values({ proposalId: id, orgId: scope.union.id, round: p.round, memberId, rating: input.rating, comment: input.comment });
      await writeAudit(tx, {
        orgId: scope.union.id,
        actor: actorOf(ctx),
        action: 'proposal.rated',
        entityType: 'proposal',
        entityId: id,
        entityLabel: label(p),
        changes: { round: { to: p.round }, rater: { to: signer!.name }, rating: { to: RATING_LABELS[input.rating] } },
      });
      return;
    }
    const next = proposalTransition(p.status, 'rate', { round: p.round, rating: input.rating });
    if ('refused' in next) throw refused(next.refused);
    await tx.insert(proposalRatings).values({ proposalId: id, orgId: scope.union.id, round: p.round, memberId, rating: input.rating, comment: input.comment });
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.rated',
      entityType: 'proposal',
      entityId: id,
      entityLabel: label(p),
      changes: { round: { to: p.round }, rater: { to: proposal.proposerName }, rating: { to: RATING_LABELS[input.rating] }, status: { from: p.status, to: next.to } },
    });
    if (next.to === 'closed') {
      await tx.update(proposals).set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() }).where(eq(proposals.id, id));
      await writeAudit(tx, { orgId: scope.union.id, actor: actorOf(ctx), action: 'proposal.closed', entityType: 'proposal', entityId: id, entityLabel: label(p), changes: { status: { from: p.status, to: 'closed' }, rounds: { to: p.round } } });
      return;
    }
    // 不满意 in round 1: back to the same departments, a new deadline from today (round 1 keeps its own on its rows).
    const [{ replyWeeks }] = await tx.select({ replyWeeks: congressTerms.replyWeeks }).from(congressTerms).where(eq(congressTerms.id, p.termId));
    const dueOn = replyDueOn(todayInShanghai(), replyWeeks);
    const previous = await tx.select().from(proposalAssignments).where(and(eq(proposalAssignments.proposalId, id), eq(proposalAssignments.round, p.round)));
    await tx.insert(proposalAssignments).values(previous.map((a) => ({ proposalId: id, orgId: a.orgId, handlerUserId: a.handlerUserId, role: a.role, round: next.round, replyDueOn: dueOn })));
    await tx.update(proposals).set({ status: next.to, round: next.round, replyDueOn: dueOn, updatedAt: new Date() }).where(eq(proposals.id, id));
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      // Not a 交办 by the committee: the proposer's 不满意 returns it to the same departments for the next round.
      action: 'proposal.returned',
      entityType: 'proposal',
      entityId: id,
      entityLabel: label(p),
      changes: {
        status: { from: p.status, to: next.to },
        round: { from: p.round, to: next.round },
        rating: { to: RATING_LABELS[input.rating] },
        replyDueOn: { from: p.replyDueOn, to: dueOn },
        ...(input.comment ? { comment: { to: input.comment } } : {}),
      },
    });
    await notify(tx, {
      userIds: previous.map((a) => a.handlerUserId),
      orgId: scope.union.id,
      kind: 'proposal_assigned',
      title: `提案人对答复不满意，请再次办理：${label(p)}`,
      body: `请于 ${dueOn} 前再次答复${input.comment ? `；提案人意见：${input.comment}` : ''}`,
      link: `/proposals/${id}`,
    });
  });
  return reloadPage(ctx, scope, id);
}
