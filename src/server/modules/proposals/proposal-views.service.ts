import { and, asc, count, eq, ilike, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PROPOSAL_LIMITS, type assignedListSchema, type overdueListSchema, type ProposalDetail, type ProposalListQuery, type ProposalMy } from '../../../contracts/proposals.js';
import { daysBetween } from '../../../domain/care/deadlines.js';
import { roundTimeliness } from '../../../domain/congress/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { members, proposalAssignments, proposalNotes, proposals } from '../../db/schema/index.js';
import { fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { handlerScope, loadProposal, proposalScope, representativeIn, reviewerScope, visibleTo, type ProposalScope } from './proposals.access.js';
import { detailView, fileView, isWindowOpen, sessionView, summaryView } from './proposals.presenter.js';
import {
  assignmentsOf,
  currentTerm,
  eligibleMembers,
  filesOf,
  findProposal,
  findSession,
  mergedFrom,
  notesOf,
  ratingsOf,
  repliesOf,
  selectSummaries,
  sessionsOf,
  signersOf,
  summariesWhere,
  type ProposalFull,
} from './proposals.repository.js';

/*
 * What people read: a proposal's page with what the actor may do, the lists (the committee's, a representative's
 * "my proposals" on the phone, a department's own, the overdue list), and the co-signer picker.
 */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A proposal's page as the actor may see it; `submission` is added after a submission. */
export async function proposalPage(ctx: Ctx, scope: ProposalScope, p: ProposalFull, submission?: ProposalDetail['submission']): Promise<ProposalDetail> {
  const now = new Date();
  const today = todayInShanghai(now);
  const [signers, assignments, replies, ratings, notes, files, from, into] = await Promise.all([
    signersOf(ctx.db, p.id),
    assignmentsOf(ctx.db, p.id),
    repliesOf(ctx.db, p.id),
    ratingsOf(ctx.db, p.id),
    notesOf(ctx.db, p.id),
    filesOf(ctx.db, p.id),
    mergedFrom(ctx.db, p.id),
    p.mergedIntoId ? findProposal(ctx.db, scope.union.id, p.mergedIntoId) : Promise.resolve(null),
  ]);
  const mine = (memberId: string) => scope.memberIds.includes(memberId);
  const isProposer = mine(p.proposerMemberId);
  const mySigner = signers.find((s) => mine(s.memberId)) ?? null;
  const myAssignments = scope.isHandler ? assignments.filter((a) => a.userId === ctx.actor.userId) : [];
  const myCurrent = myAssignments.find((a) => a.round === p.round) ?? null;
  const myRoles: ProposalDetail['myRoles'] = [];
  if (isProposer) myRoles.push('proposer');
  if (mySigner) myRoles.push(mySigner.role);
  const isReviewer = scope.isReviewer && p.submittedAt !== null;
  if (isReviewer) myRoles.push('reviewer');
  if (myCurrent) myRoles.push(myCurrent.role);
  const currentReply = replies.find((r) => r.round === p.round) ?? null;
  const isFollower = isProposer || mySigner?.role === 'joint' || mySigner?.status === 'confirmed';
  const hasRated = ratings.some((r) => r.round === p.round && mine(r.memberId));
  const mayReadNotes = isReviewer || myAssignments.length > 0;
  return detailView(p, today, {
    reasons: p.reasons,
    suggestions: p.suggestions,
    term: { id: p.termId, number: p.termNumber, cosignersMin: p.cosignersMin, replyWeeks: p.replyWeeks },
    window: { opensAt: iso(p.opensAt), closesAt: iso(p.closesAt), isOpen: isWindowOpen({ proposalsOpenAt: p.opensAt, proposalsCloseAt: p.closesAt }, now) },
    review: { reason: p.reviewReason, by: p.reviewerName, at: iso(p.reviewedAt) },
    mergedInto: into ? { id: into.id, number: into.number, title: into.title } : null,
    mergedFrom: from,
    responsibleLeader: p.responsibleLeader,
    signers: signers.map((s) => ({ memberId: s.memberId, name: s.name, role: s.role, status: s.status, respondedAt: iso(s.respondedAt) })),
    assignments: assignments.map((a) => ({ round: a.round, role: a.role, handler: { id: a.userId, name: a.name }, replyDueOn: a.replyDueOn, assignedAt: iso(a.assignedAt)! })),
    replies: replies.map((r) => {
      // Each round is judged against its own deadline, kept on its assignment rows.
      const dueOn = assignments.find((a) => a.round === r.round && a.replyDueOn !== null)?.replyDueOn ?? null;
      const timeliness = roundTimeliness({ replyDueOn: dueOn, repliedOn: r.repliedOn }, today);
      return { id: r.id, round: r.round, resultCode: r.resultCode, text: r.text, handler: r.handler, repliedAt: iso(r.repliedAt)!, dueOn, isOnTime: timeliness === null ? null : timeliness === 'onTime' };
    }),
    ratings: ratings.map((r) => ({ round: r.round, name: r.name, isProposer: r.memberId === p.proposerMemberId, rating: r.rating, comment: r.comment, at: iso(r.at)! })),
    notes: mayReadNotes ? notes.map((n) => ({ id: n.id, text: n.text, author: n.author, at: iso(n.at)! })) : [],
    files: files.map(fileView),
    myRoles,
    mySignerStatus: mySigner?.status ?? null,
    can: {
      edit: isProposer && p.status === 'draft',
      cosign: mySigner?.role === 'cosigner' && p.status === 'draft',
      submit: isProposer && p.status === 'draft',
      withdraw: isProposer && (p.status === 'draft' || p.status === 'submitted'),
      review: isReviewer && p.status === 'submitted',
      merge: isReviewer && p.kind === 'proposal' && (p.status === 'submitted' || p.status === 'accepted'),
      assign: isReviewer && p.kind === 'proposal' && (p.status === 'accepted' || p.status === 'assigned'),
      reply: myCurrent?.role === 'lead' && p.status === 'assigned',
      rate: currentReply !== null && !hasRated && (isProposer ? p.status === 'replied' : isFollower && (p.status === 'replied' || p.status === 'closed')),
      note: isReviewer,
    },
    ...(submission ? { submission } : {}),
  });
}

/** The proposal's page after a change (for services that changed it). */
export async function reloadPage(ctx: Ctx, scope: ProposalScope, id: string, submission?: ProposalDetail['submission']): Promise<ProposalDetail> {
  const proposal = await findProposal(ctx.db, scope.union.id, id);
  if (!proposal) throw notFound('提案');
  return proposalPage(ctx, scope, proposal, submission);
}

/** GET /proposals/:id. */
export async function getProposal(ctx: Ctx, id: string): Promise<ProposalDetail> {
  const { scope, proposal } = await loadProposal(ctx, id);
  return proposalPage(ctx, scope, proposal);
}

/** GET /proposals: what the actor may see (the committee: all but drafts), filtered, a page at a time. */
export async function listProposals(ctx: Ctx, q: ProposalListQuery) {
  const scope = await proposalScope(ctx);
  const today = todayInShanghai();
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    visibleTo(ctx, scope),
    q.sessionId ? eq(proposals.sessionId, q.sessionId) : undefined,
    q.status !== 'all' ? eq(proposals.status, q.status) : undefined,
    q.kind ? eq(proposals.kind, q.kind) : undefined,
    q.category ? eq(proposals.category, q.category) : undefined,
    like ? or(ilike(proposals.title, like), ilike(members.name, like)) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    summariesWhere(ctx.db, where, PROPOSAL_LIMITS.pageSize, (q.page - 1) * PROPOSAL_LIMITS.pageSize),
    ctx.db.select({ total: count() }).from(proposals).innerJoin(members, eq(members.id, proposals.proposerMemberId)).where(where),
  ]);
  return { items: rows.map((r) => summaryView(r, today)), total: Number(total), page: q.page, canReview: scope.isReviewer };
}

const memberList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * GET /proposals/my (the representative's phone): whether they are a representative of the current term, its
 * sessions with their windows, their proposals, invitations to co-sign, what they co-signed, replies to rate.
 */
export async function myProposals(ctx: Ctx): Promise<ProposalMy> {
  const scope = await proposalScope(ctx);
  const now = new Date();
  const today = todayInShanghai(now);
  const term = await currentTerm(ctx.db, scope.union.id, today);
  const rep = term ? await representativeIn(ctx, scope, term) : null;
  const sessions = term ? (await sessionsOf(ctx.db, scope.union.id, term.id)).map((s) => sessionView(s.session, s.termNumber, now)) : [];
  const empty = { proposals: [], invitations: [], cosigned: [], toRate: [] };
  if (scope.memberIds.length === 0) {
    return { representative: null, sessions, ...empty };
  }
  const ids = memberList(scope.memberIds);
  const union = eq(proposals.orgId, scope.union.id);
  const signerIs = (condition: ReturnType<typeof sql>) =>
    sql`EXISTS (SELECT 1 FROM proposal_signers s WHERE s.proposal_id = ${proposals.id} AND s.member_id IN (${ids}) AND ${condition})`;
  const notRatedByMe = sql`NOT EXISTS (SELECT 1 FROM proposal_ratings r WHERE r.proposal_id = ${proposals.id} AND r.round = ${proposals.round} AND r.member_id IN (${ids}))`;
  const [own, invitations, cosigned, toRate] = await Promise.all([
    summariesWhere(ctx.db, and(union, or(sql`${proposals.proposerMemberId} IN (${ids})`, signerIs(sql`s.role = 'joint'`)))),
    summariesWhere(ctx.db, and(union, eq(proposals.status, 'draft'), signerIs(sql`s.role = 'cosigner' AND s.status = 'invited'`))),
    summariesWhere(ctx.db, and(union, signerIs(sql`s.role = 'cosigner' AND s.status = 'confirmed'`))),
    summariesWhere(
      ctx.db,
      and(union, eq(proposals.status, 'replied'), notRatedByMe, or(sql`${proposals.proposerMemberId} IN (${ids})`, signerIs(sql`(s.role = 'joint' OR s.status = 'confirmed')`))),
    ),
  ]);
  const view = (rows: typeof own) => rows.map((r) => summaryView(r, today));
  return {
    representative: rep && term ? { memberId: rep.memberId, name: rep.name, termId: term.id, termNumber: term.number, cosignersMin: term.cosignersMin } : null,
    sessions,
    proposals: view(own),
    invitations: view(invitations),
    cosigned: view(cosigned),
    toRate: view(toRate),
  };
}

/** GET /proposals/cosigner-candidates?sessionId: the representatives of the session's term, the actor left out. */
export async function cosignerCandidates(ctx: Ctx, sessionId: string) {
  const scope = await proposalScope(ctx);
  const found = await findSession(ctx.db, scope.union.id, sessionId);
  if (!found) throw fieldError('sessionId', '会议不存在');
  const all = await eligibleMembers(ctx.db, scope.union.id, found.term);
  return { items: all.filter((m) => !scope.memberIds.includes(m.memberId)) };
}

type AssignedList = z.infer<typeof assignedListSchema>;

/** GET /proposals/assigned: a department's own proposals — open (to answer), replied, or all — with its role. */
export async function assignedToMe(ctx: Ctx, status: 'open' | 'replied' | 'all'): Promise<AssignedList> {
  const scope = await handlerScope(ctx);
  const today = todayInShanghai();
  const mineNow = sql`EXISTS (SELECT 1 FROM proposal_assignments a WHERE a.proposal_id = ${proposals.id} AND a.round = ${proposals.round} AND a.handler_user_id = ${ctx.actor.userId})`;
  const filter =
    status === 'open' ? and(eq(proposals.status, 'assigned'), mineNow) : status === 'replied' ? or(eq(proposals.status, 'replied'), eq(proposals.status, 'closed')) : undefined;
  const rows = await selectSummaries(ctx.db)
    .where(and(eq(proposals.orgId, scope.union.id), sql`EXISTS (SELECT 1 FROM proposal_assignments a WHERE a.proposal_id = ${proposals.id} AND a.handler_user_id = ${ctx.actor.userId})`, filter))
    .orderBy(sql`${proposals.replyDueOn} ASC NULLS LAST`, sql`${proposals.number} ASC NULLS LAST`, proposals.id)
    .limit(500);
  const mine = await ctx.db
    .select({ proposalId: proposalAssignments.proposalId, role: proposalAssignments.role })
    .from(proposalAssignments)
    .where(and(eq(proposalAssignments.orgId, scope.union.id), eq(proposalAssignments.handlerUserId, ctx.actor.userId)))
    .orderBy(asc(proposalAssignments.round));
  // The role of the latest round the department was given the proposal in.
  const roleOf = new Map(mine.map((a) => [a.proposalId, a.role]));
  return { items: rows.map((r) => ({ ...summaryView(r, today), myRole: roleOf.get(r.id) ?? 'assist' })) };
}

type OverdueList = z.infer<typeof overdueListSchema>;

/** GET /proposals/overdue (督办): assigned, no reply of the current round, the deadline passed; longest overdue first. */
export async function overdueProposals(ctx: Ctx): Promise<OverdueList> {
  const scope = await reviewerScope(ctx);
  const today = todayInShanghai();
  const rows = await selectSummaries(ctx.db)
    .where(and(eq(proposals.orgId, scope.union.id), eq(proposals.status, 'assigned'), lt(proposals.replyDueOn, today)))
    .orderBy(proposals.replyDueOn, sql`${proposals.number} ASC NULLS LAST`, proposals.id)
    .limit(500);
  const counts = await ctx.db
    .select({ proposalId: proposalNotes.proposalId, n: count() })
    .from(proposalNotes)
    .where(eq(proposalNotes.orgId, scope.union.id))
    .groupBy(proposalNotes.proposalId);
  const notes = new Map(counts.map((c) => [c.proposalId, Number(c.n)]));
  return {
    items: rows.map((r) => ({ ...summaryView(r, today), daysOverdue: daysBetween(r.replyDueOn!, today), responsibleLeader: r.responsibleLeader, notes: notes.get(r.id) ?? 0 })),
  };
}

/** 404 for a session that is not the union's. */
export async function sessionOfUnion(ctx: Ctx, scope: ProposalScope, sessionId: string) {
  const found = await findSession(ctx.db, scope.union.id, sessionId);
  if (!found) throw notFound('会议');
  return found;
}
