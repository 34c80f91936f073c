import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { cosignDecisionSchema, ProposalCreate, ProposalDetail, ProposalPatch } from '../../../contracts/proposals.js';
import { proposalTransition } from '../../../domain/congress/index.js';
import type { Db } from '../../db/client.js';
import { proposals, proposalSigners } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { loadProposal, notRepresentative, proposalScope, refused, representativeIn, type ProposalScope } from './proposals.access.js';
import { isWindowOpen } from './proposals.presenter.js';
import { eligibleAmong, findSession, lockProposal, memberNames, signersOf, type ProposalFull, type TermRow } from './proposals.repository.js';
import { reloadPage } from './proposal-views.service.js';

/*
 * A representative's side of a proposal, on the phone: drafting (案由, 类别, 理由, 建议, co-signers), co-signers
 * confirming, submitting — as a proposal inside the window with enough confirmed co-signers, else only as an
 * opinion (意见建议), saying why — and withdrawing before review.
 */

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });
const label = (p: { number: number | null; title: string }) => (p.number ? `第${p.number}号 ${p.title}` : p.title);

/**
 * Co-signers must be representatives of the same term, each once, and not the proposer (DOMAIN.md: one proposer +
 * at least N co-signers). Refused with the field named, and the people who are not representatives by name.
 */
async function checkCosigners(db: Db, unionId: string, term: Pick<TermRow, 'id' | 'form' | 'number'>, proposerMemberId: string, ids: string[]): Promise<void> {
  if (new Set(ids).size !== ids.length) throw fieldError('cosignerMemberIds', '附议人不能重复');
  if (ids.includes(proposerMemberId)) throw fieldError('cosignerMemberIds', '提案人不能附议自己的提案');
  const eligible = await eligibleAmong(db, unionId, term, ids);
  const missing = ids.filter((id) => !eligible.has(id));
  if (missing.length === 0) return;
  const names = await memberNames(db, unionId, missing);
  if (missing.some((id) => !names.has(id))) throw fieldError('cosignerMemberIds', '附议人不存在');
  const who = missing.map((id) => names.get(id)).join('、');
  throw fieldError('cosignerMemberIds', term.form === 'all_staff' ? `${who}不是在职在会的教职工，不能附议` : `${who}不是第${term.number}届教代会代表，不能附议`);
}

/** Invites co-signers (rows `invited`) and asks them on their phones. */
async function invite(tx: Db, unionId: string, p: { id: string; title: string }, proposerName: string, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx
    .insert(proposalSigners)
    .values(memberIds.map((memberId) => ({ proposalId: p.id, orgId: unionId, memberId, role: 'cosigner' as const, status: 'invited' as const })))
    .onConflictDoUpdate({ target: [proposalSigners.proposalId, proposalSigners.memberId], set: { status: 'invited', respondedAt: null } });
  const accounts = (await signersOf(tx, p.id)).filter((s) => memberIds.includes(s.memberId) && s.userId).map((s) => s.userId!);
  await notify(tx, {
    userIds: accounts,
    orgId: unionId,
    kind: 'proposal_cosign_requested',
    title: `请确认附议：${p.title}`,
    body: `${proposerName}邀请您作为附议人，请查看提案内容后确认或谢绝`,
    link: `/proposals/${p.id}`,
  });
}

/** The proposer's own draft, or 403 (another person's) / 409 (no longer a draft). */
async function ownDraft(ctx: Ctx, id: string, what: string): Promise<{ scope: ProposalScope; proposal: ProposalFull }> {
  const loaded = await loadProposal(ctx, id);
  if (!loaded.scope.memberIds.includes(loaded.proposal.proposerMemberId)) throw forbidden(`只有提案人可以${what}`);
  if (loaded.proposal.status !== 'draft') throw new AppError('CONFLICT', `提案已提交，不能再${what}`);
  return loaded;
}

/** POST /proposals: a draft by a representative of the session's term; the co-signers are invited at once. */
export async function createProposal(ctx: Ctx, input: ProposalCreate): Promise<ProposalDetail> {
  const scope = await proposalScope(ctx);
  const found = await findSession(ctx.db, scope.union.id, input.sessionId);
  if (!found) throw fieldError('sessionId', '会议不存在');
  const { session, term } = found;
  const me = await representativeIn(ctx, scope, term);
  if (!me) throw notRepresentative(term);
  await checkCosigners(ctx.db, scope.union.id, term, me.memberId, input.cosignerMemberIds);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(proposals)
      .values({ orgId: scope.union.id, termId: term.id, sessionId: session.id, proposerMemberId: me.memberId, title: input.title, category: input.category, reasons: input.reasons, suggestions: input.suggestions })
      .returning({ id: proposals.id });
    await invite(tx, scope.union.id, { id: row.id, title: input.title }, me.name, input.cosignerMemberIds);
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.drafted',
      entityType: 'proposal',
      entityId: row.id,
      entityLabel: input.title,
      changes: { session: { to: session.title }, category: { to: input.category }, cosigners: { to: input.cosignerMemberIds.length } },
    });
    return row.id;
  });
  return reloadPage(ctx, scope, id);
}

/**
 * PATCH /proposals/:id (the proposer's draft). Co-signers confirmed a wording: when it changes they are asked again;
 * a new list of co-signers invites the new ones and drops the others.
 */
export async function updateProposal(ctx: Ctx, id: string, patch: ProposalPatch): Promise<ProposalDetail> {
  const { scope, proposal } = await ownDraft(ctx, id, '修改');
  const term = { id: proposal.termId, form: proposal.termForm, number: proposal.termNumber };
  if (patch.cosignerMemberIds) await checkCosigners(ctx.db, scope.union.id, term, proposal.proposerMemberId, patch.cosignerMemberIds);
  await ctx.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, scope.union.id, id);
    if (!locked || locked.status !== 'draft') throw new AppError('CONFLICT', '提案已提交，不能再修改');
    const changes = diffFields(locked, patch, ['title', 'category', 'reasons', 'suggestions']);
    const signers = await signersOf(tx, id);
    const current = signers.filter((s) => s.role === 'cosigner').map((s) => s.memberId);
    const next = patch.cosignerMemberIds ?? current;
    const added = next.filter((m) => !current.includes(m));
    const removed = current.filter((m) => !next.includes(m));
    if (Object.keys(changes).length === 0 && added.length === 0 && removed.length === 0) return;
    const { cosignerMemberIds: _list, ...wording } = patch;
    await tx.update(proposals).set({ ...wording, updatedAt: new Date() }).where(eq(proposals.id, id));
    if (removed.length > 0) await tx.delete(proposalSigners).where(and(eq(proposalSigners.proposalId, id), inArray(proposalSigners.memberId, removed)));
    // A co-signer vouched for the words they read; new words are asked for again.
    const isReworded = Object.keys(changes).length > 0;
    const askAgain = isReworded ? signers.filter((s) => s.role === 'cosigner' && s.status !== 'invited' && next.includes(s.memberId)).map((s) => s.memberId) : [];
    await invite(tx, scope.union.id, { id, title: patch.title ?? locked.title }, proposal.proposerName, [...added, ...askAgain]);
    for (const k of ['reasons', 'suggestions'] as const) if (changes[k]) changes[k] = { changed: true } as never;
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.updated',
      entityType: 'proposal',
      entityId: id,
      entityLabel: patch.title ?? locked.title,
      changes: { ...changes, ...(added.length ? { cosignersAdded: { to: added.length } } : {}), ...(removed.length ? { cosignersRemoved: { to: removed.length } } : {}) },
    });
  });
  return reloadPage(ctx, scope, id);
}

type CosignDecision = z.infer<typeof cosignDecisionSchema>['decision'];

/** POST /proposals/:id/cosign: the invited co-signer confirms (still a representative of the term) or declines. */
export async function cosignProposal(ctx: Ctx, id: string, decision: CosignDecision): Promise<ProposalDetail> {
  const { scope, proposal } = await loadProposal(ctx, id);
  const signers = await signersOf(ctx.db, id);
  const me = signers.find((s) => s.role === 'cosigner' && scope.memberIds.includes(s.memberId));
  if (!me) throw forbidden('您不是这件提案邀请的附议人');
  if (decision === 'confirm') {
    const eligible = await eligibleAmong(ctx.db, scope.union.id, { id: proposal.termId, form: proposal.termForm }, [me.memberId]);
    if (!eligible.has(me.memberId)) throw notRepresentative({ number: proposal.termNumber, form: proposal.termForm });
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, scope.union.id, id);
    if (!locked || locked.status !== 'draft') throw new AppError('CONFLICT', '提案已经提交，不能再更改附议');
    const status = decision === 'confirm' ? 'confirmed' : 'declined';
    await tx.update(proposalSigners).set({ status, respondedAt: new Date() }).where(and(eq(proposalSigners.proposalId, id), eq(proposalSigners.memberId, me.memberId)));
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.cosigned',
      entityType: 'proposal',
      entityId: id,
      entityLabel: locked.title,
      changes: { cosigner: { to: me.name }, decision: { from: me.status, to: status } },
    });
  });
  return reloadPage(ctx, scope, id);
}

const CLOCK = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const when = (d: Date | string) => CLOCK.format(new Date(d));

/** Why a draft cannot go in as a proposal now: the window, the co-signers still representatives who confirmed. */
async function proposalProblems(db: Db, p: ProposalFull, unionId: string, now: Date): Promise<string[]> {
  const problems: string[] = [];
  if (p.opensAt === null || p.closesAt === null) problems.push('本次会议未设置提案征集时间');
  else if (now.getTime() < new Date(p.opensAt).getTime()) problems.push(`提案征集尚未开始（${when(p.opensAt)} 开始）`);
  else if (!isWindowOpen({ proposalsOpenAt: p.opensAt, proposalsCloseAt: p.closesAt }, now)) problems.push(`提案征集已于 ${when(p.closesAt)} 截止`);
  const confirmed = (await signersOf(db, p.id)).filter((s) => s.role === 'cosigner' && s.status === 'confirmed').map((s) => s.memberId);
  const stillEligible = (await eligibleAmong(db, unionId, { id: p.termId, form: p.termForm }, confirmed)).size;
  if (stillEligible < p.cosignersMin) problems.push(`已确认的附议人 ${stillEligible} 人，至少需要 ${p.cosignersMin} 人`);
  return problems;
}

/**
 * POST /proposals/:id/submit. Inside the window with enough confirmed co-signers it goes in as a proposal (unless the
 * proposer asks for an opinion). Otherwise it is refused (409) naming why, and can be filed as an opinion with
 * `asOpinion`; the answer's `submission` says what it became and why. The co-signers are counted under the
 * proposal's lock, which their confirmations take too, so none changes their mind in between.
 */
export async function submitProposal(ctx: Ctx, id: string, asOpinion: boolean): Promise<ProposalDetail> {
  const { scope, proposal } = await ownDraft(ctx, id, '提交');
  const me = await representativeIn(ctx, scope, { id: proposal.termId, form: proposal.termForm });
  if (!me) throw notRepresentative({ number: proposal.termNumber, form: proposal.termForm });
  if (proposal.reasons === '') throw fieldError('reasons', '请填写理由后再提交');
  if (proposal.suggestions === '') throw fieldError('suggestions', '请填写建议后再提交');
  const submission = await ctx.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, scope.union.id, id);
    const next = proposalTransition(locked!.status, 'submit', { round: locked!.round });
    if ('refused' in next) throw refused(next.refused);
    const problems = await proposalProblems(tx, proposal, scope.union.id, new Date());
    if (problems.length > 0 && !asOpinion) {
      const e = new AppError('CONFLICT', `${problems.join('；')}，不能作为提案提交；可以作为意见建议提交`);
      e.details = { reasons: problems, canSubmitAsOpinion: true };
      throw e;
    }
    const kind = problems.length > 0 || asOpinion ? ('opinion' as const) : ('proposal' as const);
    const reasons = kind === 'opinion' ? (problems.length > 0 ? problems : ['提案人选择作为意见建议提交']) : [];
    await tx.update(proposals).set({ status: next.to, kind, submittedAt: new Date(), updatedAt: new Date() }).where(eq(proposals.id, id));
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.submitted',
      entityType: 'proposal',
      entityId: id,
      entityLabel: locked!.title,
      changes: { status: { from: locked!.status, to: next.to }, kind: { to: kind }, ...(reasons.length ? { why: { to: reasons.join('；') } } : {}) },
    });
    return { kind, reasons };
  });
  return reloadPage(ctx, scope, id, submission);
}

/** POST /proposals/:id/withdraw: the proposer, before the committee has reviewed it. */
export async function withdrawProposal(ctx: Ctx, id: string, reason: string): Promise<ProposalDetail> {
  const { scope, proposal } = await loadProposal(ctx, id);
  if (!scope.memberIds.includes(proposal.proposerMemberId)) throw forbidden('只有提案人可以撤回提案');
  await ctx.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, scope.union.id, id);
    const next = proposalTransition(locked!.status, 'withdraw', { round: locked!.round });
    if ('refused' in next) throw refused(next.refused);
    await tx.update(proposals).set({ status: next.to, updatedAt: new Date() }).where(eq(proposals.id, id));
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: actorOf(ctx),
      action: 'proposal.withdrawn',
      entityType: 'proposal',
      entityId: id,
      entityLabel: label(locked!),
      changes: { status: { from: locked!.status, to: next.to }, ...(reason ? { reason: { to: reason } } : {}) },
    });
  });
  return reloadPage(ctx, scope, id);
}
