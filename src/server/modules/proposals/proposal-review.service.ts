import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProposalAssign, ProposalDetail, ProposalReview } from '../../../contracts/proposals.js';
import { proposalTransition, replyDueOn } from '../../../domain/congress/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import type { Db } from '../../db/client.js';
import { congressTerms, members, proposalAssignments, proposalNotes, proposals, proposalSigners } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { loadProposal, refused, reviewerScope, type ProposalScope } from './proposals.access.js';
import { handlersOf, lockProposal, nextNumber } from './proposals.repository.js';
import { reloadPage } from './proposal-views.service.js';

/*
 * The proposals committee's work (proposal.review): 立案 with the session's next number, 并案, 转为意见建议, 不予立案
 * with its reason; 交办 to a lead department and assisting ones with the responsible leader and the reply deadline;
 * 督办 notes. Each in one transaction under the proposal's row lock, moved by the domain's state machine.
 */

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });
type Locked = typeof proposals.$inferSelect;

/** A proposal the committee may act on: visible to them (404 otherwise), locked in the transaction. */
async function lockForReview(tx: Db, scope: ProposalScope, id: string): Promise<Locked> {
  const locked = await lockProposal(tx, scope.union.id, id);
  if (!locked || locked.submittedAt === null) throw notFound('提案');
  return locked;
}

/** The account of a member, for a notification. */
async function userOfMember(tx: Db, memberId: string): Promise<string[]> {
  const [m] = await tx.select({ userId: members.userId }).from(members).where(eq(members.id, memberId));
  return m?.userId ? [m.userId] : [];
}

const DECISION_WORDS = { accept: '立案', convert: '转为意见建议', reject: '不予立案' } as const;

/** POST /proposals/:id/review: 立案 (numbered), 转为意见建议 (it becomes an opinion), or 不予立案 with the reason. */
export async function reviewProposal(ctx: Ctx, id: string, input: ProposalReview): Promise<ProposalDetail> {
  const scope = await reviewerScope(ctx);
  await ctx.db.transaction(async (tx) => {
    const p = await lockForReview(tx, scope, id);
    if (input.decision === 'accept' && p.kind === 'opinion') throw new AppError('CONFLICT', '意见建议不能立案，可以转为意见建议处理或不予立案');
    const next = proposalTransition(p.status, input.decision, { round: p.round });
    if ('refused' in next) throw refused(next.refused);
    const number = input.decision === 'accept' ? await nextNumber(tx, p.sessionId) : null;
    const reason = input.reason === '' ? null : input.reason;
    await tx
      .update(proposals)
      .set({
        status: next.to,
        ...(number ? { number } : {}),
        ...(input.decision === 'convert' ? { kind: 'opinion' as const } : {}),
        reviewReason: reason,
        reviewedBy: ctx.actor.userId,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(proposals.id, id));
    const action = ({ accept: 'proposal.accepted', convert: 'proposal.converted', reject: 'proposal.rejected' } as const)[input.decision];
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action,
      entityType: 'proposal',
      entityId: id,
      entityLabel: p.title,
      changes: { status: { from: p.status, to: next.to }, ...(number ? { number: { to: number } } : {}), ...(reason ? { reason: { to: reason } } : {}) },
    });
    const outcome = number ? `已立案，编号第${number}号` : `${DECISION_WORDS[input.decision]}${reason ? `：${reason}` : ''}`;
    await notify(tx, { userIds: await userOfMember(tx, p.proposerMemberId), orgId: scope.union.id, kind: 'proposal_reviewed', title: `提案审查结果：${p.title}`, body: outcome, link: `/proposals/${id}` });
  });
  return reloadPage(ctx, scope, id);
}

/**
 * POST /proposals/:id/merge (并案): the sources (submitted proposals of the same session) are folded into :id, which
 * is accepted (numbered) if it was only submitted; their proposers become joint proposers of it.
 */
export async function mergeProposals(ctx: Ctx, targetId: string, sourceIds: string[]): Promise<ProposalDetail> {
  const scope = await reviewerScope(ctx);
  if (new Set(sourceIds).size !== sourceIds.length) throw fieldError('sourceIds', '并入的提案不能重复');
  if (sourceIds.includes(targetId)) throw fieldError('sourceIds', '不能把提案并入它自己');
  await ctx.db.transaction(async (tx) => {
    // Rows are locked in id order, so two merges touching the same proposals queue instead of deadlocking.
    const rows = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, scope.union.id), inArray(proposals.id, [targetId, ...sourceIds])))
      .orderBy(asc(proposals.id))
      .for('update');
    const target = rows.find((r) => r.id === targetId);
    if (!target || target.submittedAt === null) throw notFound('提案');
    if (target.kind !== 'proposal' || (target.status !== 'submitted' && target.status !== 'accepted')) {
      throw new AppError('CONFLICT', '只能并入待审查或已立案（尚未交办）的提案');
    }
    const sources = sourceIds.map((sid) => rows.find((r) => r.id === sid && r.submittedAt !== null));
    if (sources.some((s) => !s)) throw fieldError('sourceIds', '并入的提案不存在');
    for (const s of sources as Locked[]) {
      if (s.sessionId !== target.sessionId) throw fieldError('sourceIds', `“${s.title}”不属于同一次会议，不能并案`);
      if (s.kind !== 'proposal') throw fieldError('sourceIds', `“${s.title}”是意见建议，不能并案`);
      const next = proposalTransition(s.status, 'merge', { round: s.round });
      if ('refused' in next) throw fieldError('sourceIds', `“${s.title}”：${next.refused}`);
    }
    let number = target.number;
    if (target.status === 'submitted') {
      number = await nextNumber(tx, target.sessionId);
      await tx.update(proposals).set({ status: 'accepted', number, reviewedBy: ctx.actor.userId, reviewedAt: new Date(), updatedAt: new Date() }).where(eq(proposals.id, targetId));
      await writeAudit(tx, {
        orgId: scope.union.id,
        actor: actorOf(ctx),
        action: 'proposal.accepted',
        entityType: 'proposal',
        entityId: targetId,
        entityLabel: target.title,
        changes: { status: { from: 'submitted', to: 'accepted' }, number: { to: number } },
      });
    }
    for (const s of sources as Locked[]) {
      await tx
        .update(proposals)
        .set({ status: 'merged', mergedIntoId: targetId, reviewReason: `并入第${number}号提案`, reviewedBy: ctx.actor.userId, reviewedAt: new Date(), updatedAt: new Date() })
        .where(eq(proposals.id, s.id));
      if (s.proposerMemberId !== target.proposerMemberId) {
        await tx
          .insert(proposalSigners)
          .values({ proposalId: targetId, orgId: scope.union.id, memberId: s.proposerMemberId, role: 'joint', status: 'confirmed', respondedAt: new Date() })
          .onConflictDoUpdate({ target: [proposalSigners.proposalId, proposalSigners.memberId], set: { role: 'joint', status: 'confirmed' } });
      }
      await writeAudit(tx, {
        orgId: scope.union.id,
        actor: actorOf(ctx),
        action: 'proposal.merged',
        entityType: 'proposal',
        entityId: s.id,
        entityLabel: s.title,
        changes: { status: { from: s.status, to: 'merged' }, mergedInto: { to: `第${number}号 ${target.title}` } },
      });
      await notify(tx, {
        userIds: await userOfMember(tx, s.proposerMemberId),
        orgId: scope.union.id,
        kind: 'proposal_reviewed',
        title: `提案审查结果：${s.title}`,
        body: `已并入第${number}号提案“${target.title}”，您为联名提案人`,
        link: `/proposals/${targetId}`,
      });
    }
  });
  return reloadPage(ctx, scope, targetId);
}

/** GET /proposals/handlers: the departments proposals can be assigned to. */
export async function listHandlers(ctx: Ctx) {
  const scope = await reviewerScope(ctx);
  return { items: await handlersOf(ctx.db, scope.union.id) };
}

/**
 * POST /proposals/:id/assign (交办): the lead and assisting departments of the current round, the responsible school
 * leader, and the deadline — the term's reply weeks from today moved to a working day, unless one is given. Assigning
 * again before the reply changes the departments and keeps the round's deadline unless a new one is given. The
 * deadline is written on every assignment row of the round (so the round keeps it after the next one begins) and on
 * the proposal as the current round's (for lists, the overdue list and reminders).
 */
export async function assignProposal(ctx: Ctx, id: string, input: ProposalAssign): Promise<ProposalDetail> {
  const scope = await reviewerScope(ctx);
  const assists = input.assistUserIds;
  if (new Set(assists).size !== assists.length) throw fieldError('assistUserIds', '协办部门不能重复');
  if (assists.includes(input.leadUserId)) throw fieldError('assistUserIds', '主办部门不必再列为协办部门');
  const handlers = new Map((await handlersOf(ctx.db, scope.union.id)).map((h) => [h.userId, h.name]));
  if (!handlers.has(input.leadUserId)) throw fieldError('leadUserId', '主办部门应为本工会的承办部门账号');
  if (assists.some((u) => !handlers.has(u))) throw fieldError('assistUserIds', '协办部门应为本工会的承办部门账号');
  const today = todayInShanghai();
  if (input.replyDueOn && input.replyDueOn < today) throw fieldError('replyDueOn', '答复期限不能早于今天');
  await ctx.db.transaction(async (tx) => {
    const p = await lockForReview(tx, scope, id);
    if (p.kind === 'opinion') throw new AppError('CONFLICT', '意见建议不交办');
    const next = proposalTransition(p.status, 'assign', { round: p.round });
    if ('refused' in next) throw refused(next.refused);
    const [{ replyWeeks }] = await tx.select({ replyWeeks: congressTerms.replyWeeks }).from(congressTerms).where(eq(congressTerms.id, p.termId));
    const dueOn = input.replyDueOn ?? (p.status === 'assigned' && p.replyDueOn ? p.replyDueOn : replyDueOn(today, replyWeeks));
    const before = await tx.select({ userId: proposalAssignments.handlerUserId, role: proposalAssignments.role }).from(proposalAssignments).where(and(eq(proposalAssignments.proposalId, id), eq(proposalAssignments.round, p.round)));
    await tx.delete(proposalAssignments).where(and(eq(proposalAssignments.proposalId, id), eq(proposalAssignments.round, p.round)));
    await tx.insert(proposalAssignments).values([
      { proposalId: id, orgId: scope.union.id, handlerUserId: input.leadUserId, role: 'lead' as const, round: p.round, replyDueOn: dueOn },
      ...assists.map((u) => ({ proposalId: id, orgId: scope.union.id, handlerUserId: u, role: 'assist' as const, round: p.round, replyDueOn: dueOn })),
    ]);
    await tx.update(proposals).set({ status: next.to, responsibleLeader: input.responsibleLeader, replyDueOn: dueOn, updatedAt: new Date() }).where(eq(proposals.id, id));
    const names = (ids: string[]) => ids.map((u) => handlers.get(u) ?? '').join('、');
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.assigned',
      entityType: 'proposal',
      entityId: id,
      entityLabel: `第${p.number}号 ${p.title}`,
      changes: {
        status: { from: p.status, to: next.to },
        round: { to: p.round },
        lead: { to: handlers.get(input.leadUserId) },
        ...(assists.length ? { assist: { to: names(assists) } } : {}),
        responsibleLeader: { from: p.responsibleLeader, to: input.responsibleLeader },
        replyDueOn: { from: p.replyDueOn, to: dueOn },
      },
    });
    const isNew = (u: string) => !before.some((b) => b.userId === u);
    await notify(tx, {
      userIds: [input.leadUserId, ...assists].filter(isNew),
      orgId: scope.union.id,
      kind: 'proposal_assigned',
      title: `交办提案：第${p.number}号 ${p.title}`,
      body: `请于 ${dueOn} 前答复；责任领导：${input.responsibleLeader}`,
      link: `/proposals/${id}`,
    });
  });
  return reloadPage(ctx, scope, id);
}

/** POST /proposals/:id/notes (督办): a committee note on a submitted proposal. */
export async function addNote(ctx: Ctx, id: string, text: string) {
  const scope = await reviewerScope(ctx);
  const { proposal } = await loadProposal(ctx, id);
  if (proposal.submittedAt === null) throw notFound('提案');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(proposalNotes).values({ proposalId: id, orgId: scope.union.id, authorUserId: ctx.actor.userId, text }).returning();
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.note.added',
      entityType: 'proposal',
      entityId: id,
      entityLabel: proposal.title,
      changes: { note: { to: text } },
    });
    return { id: row.id, text: row.text, author: ctx.actor.name, at: new Date(row.at).toISOString() };
  });
}
