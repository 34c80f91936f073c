import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PASSING_RULES, VOTE_CHANNEL_LABELS, VOTE_MODE_LABELS, type VoteChoice, type VoteView, type paperTallySchema, type voteCreateSchema, type voteDetailSchema } from '../../../contracts/congress.js';
import { paperTallyProblem, quorumProblem, voteOutcome } from '../../../domain/congress/index.js';
import { congressAgendaItems, congressAttendance, congressSecretChoices, congressVotes, congressVoteVoters, members } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberChain, writeAudit } from '../audit/audit.writer.js';
import { sealedBallotWrite, shuffleRewrite, vacuumBallotTables } from '../ballots/ballot-box.js';
import { notify } from '../notifications/notifications.service.js';
import { auditActor, canManageCongress, loadSession, loadVote, NO_MEMBER_FILE_MESSAGE, type Org } from './congress.access.js';
import { voteView } from './congress.presenter.js';
import { attendanceCounts, attendanceOf, ballotCounts, ballotsOf, lockedSessionStatus, memberOfUser, standingIn, voterCondition, type SessionRow, type TermRow, type VoteRow } from './congress.repository.js';

/** Where the viewer stands for online voting in a session: their member file, voter status and presence. */
export interface VoterStanding {
  memberId: string | null;
  isVoter: boolean;
  isPresent: boolean;
}

/** The viewer's standing in the session (one lookup for all its votes). */
export async function voterStanding(ctx: Ctx, org: Org, term: TermRow, session: SessionRow): Promise<VoterStanding> {
  const member = await memberOfUser(ctx.db, org.id, ctx.actor.userId);
  if (!member) return { memberId: null, isVoter: false, isPresent: false };
  const [standing, attendance] = [await standingIn(ctx.db, term, member.id), await attendanceOf(ctx.db, session.id, member.id)];
  return { memberId: member.id, isVoter: standing.isVoter, isPresent: attendance?.status === 'present' };
}

/** Why this viewer cannot cast an online ballot in this vote now, or null. */
function voteRefusal(v: Pick<VoteRow, 'status' | 'channel'>, term: TermRow, s: VoterStanding): string | null {
  if (v.channel === 'paper') return '本事项使用纸质选票表决，请在会场填写选票';
  if (v.status === 'draft') return '表决尚未开始';
  if (v.status === 'closed') return '表决已结束';
  if (!s.memberId) return NO_MEMBER_FILE_MESSAGE;
  if (!s.isVoter) return term.form === 'all_staff' ? '您不在本次大会的表决人员范围内（须在职且会籍正常）' : '您不是本届教代会正式代表，不能参加表决';
  if (!s.isPresent) return '请先签到，签到后才能表决';
  return null;
}

/** The votes as the viewer sees them. */
export async function voteViewsFor(ctx: Ctx, org: Org, term: TermRow, votes: VoteRow[], standing: VoterStanding): Promise<VoteView[]> {
  const ids = votes.map((v) => v.id);
  const [counts, mine] = [await ballotCounts(ctx.db, ids), standing.memberId ? await ballotsOf(ctx.db, standing.memberId, ids) : new Map<string, VoteChoice | null>()];
  const isManager = canManageCongress(ctx, org);
  return votes.map((v) => voteView(v, counts.get(v.id) ?? 0, { canManage: isManager, voteRefusal: voteRefusal(v, term, standing), ballot: mine.has(v.id) ? mine.get(v.id)! : undefined }));
}

/** GET /congress/votes/:id: the vote, and who voted what in a closed named vote (managers). */
export async function getVote(ctx: Ctx, id: string): Promise<z.infer<typeof voteDetailSchema>> {
  const { org, vote, session, term } = await loadVote(ctx, id, 'congress.read');
  const [view] = await voteViewsFor(ctx, org, term, [vote], await voterStanding(ctx, org, term, session));
  const isNamedResult = vote.mode === 'named' && vote.channel === 'online' && vote.status === 'closed' && canManageCongress(ctx, org);
  const namedBallots = isNamedResult
    ? (
        await ctx.db
          .select({ memberId: congressVoteVoters.memberId, name: members.name, choice: congressVoteVoters.choice })
          .from(congressVoteVoters)
          .innerJoin(members, eq(members.id, congressVoteVoters.memberId))
          .where(eq(congressVoteVoters.voteId, vote.id))
          .orderBy(asc(members.pinyinKey))
      ).map((b) => ({ ...b, choice: b.choice! }))
    : null;
  return { ...view, namedBallots };
}

/** POST /congress/sessions/:id/votes: a draft vote on an agenda item (its title by default) or on a free title. */
export async function createVote(ctx: Ctx, sessionId: string, input: z.infer<typeof voteCreateSchema>): Promise<string> {
  const { org, session } = await loadSession(ctx, sessionId, 'congress.manage');
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，不能再安排表决');
  let title = input.title;
  if (input.agendaItemId) {
    const [item] = await ctx.db.select().from(congressAgendaItems).where(and(eq(congressAgendaItems.sessionId, session.id), eq(congressAgendaItems.id, input.agendaItemId)));
    if (!item) throw fieldError('agendaItemId', '所选议题不属于本次会议');
    title ??= item.title;
  }
  return ctx.db.transaction(async (tx) => {
    if ((await lockedSessionStatus(tx, session.id, 'share')) === 'closed') throw new AppError('CONFLICT', '会议已闭幕，不能再安排表决');
    if (input.agendaItemId) {
      // Held until the vote is stored, so the item cannot be deleted in between.
      const [held] = await tx.select({ id: congressAgendaItems.id }).from(congressAgendaItems).where(eq(congressAgendaItems.id, input.agendaItemId)).for('share');
      if (!held) throw fieldError('agendaItemId', '所选议题已被删除，请刷新后重选');
    }
    const [row] = await tx.insert(congressVotes).values({ orgId: org.id, sessionId: session.id, agendaItemId: input.agendaItemId, title: title!, mode: input.mode, channel: input.channel }).returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.vote.created',
      entityType: 'congress_vote',
      entityId: row.id,
      entityLabel: row.title,
      changes: { session: { to: session.title }, mode: { to: VOTE_MODE_LABELS[row.mode] }, channel: { to: VOTE_CHANNEL_LABELS[row.channel] } },
    });
    return row.id;
  });
}

/** DELETE /congress/votes/:id: a vote that has not been opened. */
export async function deleteVote(ctx: Ctx, id: string): Promise<void> {
  const { org, vote } = await loadVote(ctx, id, 'congress.manage');
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx.delete(congressVotes).where(and(eq(congressVotes.id, vote.id), eq(congressVotes.status, 'draft'))).returning({ id: congressVotes.id });
    if (!gone) throw new AppError('CONFLICT', '表决已开始，不能删除');
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.vote.deleted', entityType: 'congress_vote', entityId: vote.id, entityLabel: vote.title });
  });
}

/**
 * POST /congress/votes/:id/open: only in a session under way and with a quorum (present × 3 ≥ expected × 2); the
 * refusal says how many more must arrive. Fixes the base (every voter of the term now) and those present; tells
 * the present voters of an online vote on their phones.
 */
export async function openVote(ctx: Ctx, id: string): Promise<void> {
  const { org, vote, session, term } = await loadVote(ctx, id, 'congress.manage');
  if (vote.status !== 'draft') throw new AppError('CONFLICT', vote.status === 'open' ? '表决已在进行中' : '表决已结束');
  if (session.status !== 'open') throw new AppError('CONFLICT', session.status === 'planned' ? '会议尚未开始，请先宣布开会' : '会议已闭幕，不能再表决');
  await ctx.db.transaction(async (tx) => {
    // The session stays open until this commits: closing it waits, then finds this vote open and refuses.
    if ((await lockedSessionStatus(tx, session.id, 'share')) !== 'open') throw new AppError('CONFLICT', '会议已闭幕，不能再表决');
    const counts = await attendanceCounts(tx, term, session.id);
    const problem = quorumProblem(counts.present, counts.expected);
    if (problem) {
      const e = new AppError('CONFLICT', problem);
      e.details = { expected: counts.expected, present: counts.present };
      throw e;
    }
    const now = new Date();
    const [opened] = await tx
      .update(congressVotes)
      .set({ status: 'open', base: counts.expected, present: counts.present, openedAt: now })
      .where(and(eq(congressVotes.id, vote.id), eq(congressVotes.status, 'draft')))
      .returning({ id: congressVotes.id });
    if (!opened) throw new AppError('CONFLICT', '表决已在进行中');
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.vote.opened',
      entityType: 'congress_vote',
      entityId: vote.id,
      entityLabel: vote.title,
      changes: { base: { to: counts.expected }, present: { to: counts.present } },
    });
    if (vote.channel === 'online') {
      const present = await tx
        .select({ userId: members.userId })
        .from(members)
        .innerJoin(congressAttendance, and(eq(congressAttendance.sessionId, session.id), eq(congressAttendance.memberId, members.id), eq(congressAttendance.status, 'present')))
        .where(and(voterCondition(term), sql`${members.userId} IS NOT NULL`));
      await notify(tx, {
        userIds: present.map((p) => p.userId!),
        orgId: org.id,
        kind: 'congress_vote_opened',
        title: `请表决：${vote.title}`,
        body: `${session.title}的表决已开始（${VOTE_MODE_LABELS[vote.mode]}），请在手机上投票。`,
        link: `/congress/sessions/${session.id}`,
        dedupeKey: (userId) => `congress-vote:${vote.id}:${userId}`,
      });
    }
  });
}

/**
 * POST /congress/votes/:id/ballots: a present voter's online ballot. One per voter whatever the concurrency: the key
 * of congress_vote_voters refuses a second row, and the ballot is written under a share lock of the vote row, which
 * closing takes exclusively, so no ballot lands after the count. In a secret vote the voter row carries no choice;
 * the choice goes to congress_secret_choices with no voter and no time. The audit says only "voted", in a named
 * vote too, so that no choice shows before the vote closes.
 */
export async function castBallot(ctx: Ctx, id: string, choice: VoteChoice): Promise<VoteView> {
  const { org, vote, session, term } = await loadVote(ctx, id, 'congress.read');
  const standing = await voterStanding(ctx, org, term, session);
  const refusal = voteRefusal(vote, term, standing);
  if (refusal && vote.status === 'open' && vote.channel === 'online') throw forbidden(refusal);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const memberId = standing.memberId!;
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: congressVotes.status }).from(congressVotes).where(eq(congressVotes.id, vote.id)).for('share');
    if (locked?.status !== 'open') throw new AppError('CONFLICT', '表决已结束');
    // Presence is checked again under a share lock of the attendance row: a clerk marking the voter absent at
    // this moment waits for the ballot, or the ballot sees the change and is refused.
    const [attending] = await tx
      .select({ status: congressAttendance.status })
      .from(congressAttendance)
      .where(and(eq(congressAttendance.sessionId, session.id), eq(congressAttendance.memberId, memberId)))
      .for('share');
    if (attending?.status !== 'present') throw forbidden('请先签到，签到后才能表决');
    const [inserted] = await tx
      .insert(congressVoteVoters)
      .values({ voteId: vote.id, memberId, choice: vote.mode === 'named' ? choice : null })
      .onConflictDoNothing({ target: [congressVoteVoters.voteId, congressVoteVoters.memberId] })
      .returning({ memberId: congressVoteVoters.memberId });
    if (!inserted) throw new AppError('CONFLICT', '您已投过票，每人只能投一次');
    if (vote.mode === 'secret') await sealedBallotWrite(() => tx.insert(congressSecretChoices).values({ voteId: vote.id, choice }));
    await writeAudit(tx, {
      orgId: org.id,
      chain: memberChain(memberId),
      actor: auditActor(ctx),
      action: 'congress.vote.voted',
      entityType: 'congress_vote',
      entityId: vote.id,
      entityLabel: vote.title,
      // "Voted" only, whatever the mode: a named vote's choices are shown once it closes (namedBallots), not to
      // readers of the audit log while it is open; a secret vote's never.
      changes: {},
    });
  });
  const [fresh] = await voteViewsFor(ctx, org, term, [{ ...vote }], standing);
  return fresh;
}

/**
 * POST /congress/votes/:id/paper: the tellers' totals of the paper ballots, while the vote is open; no more ballots
 * than people present (re-entering replaces the totals). The result stays hidden until closing.
 */
export async function enterPaperTally(ctx: Ctx, id: string, t: z.infer<typeof paperTallySchema>): Promise<void> {
  const { org, vote, session, term } = await loadVote(ctx, id, 'congress.manage');
  if (vote.channel !== 'paper') throw new AppError('CONFLICT', '本事项为手机投票，不需要录入纸质票');
  if (vote.status !== 'open') throw new AppError('CONFLICT', vote.status === 'draft' ? '表决尚未开始' : '表决已结束，不能再修改票数');
  await ctx.db.transaction(async (tx) => {
    const { present } = await attendanceCounts(tx, term, session.id);
    const problem = paperTallyProblem({ present: Math.max(present, vote.present ?? 0), ...t });
    if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: 'yes', message: problem }]);
    const [row] = await tx
      .update(congressVotes)
      .set({ yes: t.yes, no: t.no, abstain: t.abstain })
      .where(and(eq(congressVotes.id, vote.id), eq(congressVotes.status, 'open')))
      .returning({ id: congressVotes.id });
    if (!row) throw new AppError('CONFLICT', '表决已结束，不能再修改票数');
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.vote.paper',
      entityType: 'congress_vote',
      entityId: vote.id,
      entityLabel: vote.title,
      changes: { yes: { from: vote.yes, to: t.yes }, no: { from: vote.no, to: t.no }, abstain: { from: vote.abstain, to: t.abstain } },
    });
  });
}

/** Counts of an online vote's choices: from the voters' rows (named) or the unlinked choices (secret). */
async function onlineTally(tx: Ctx['db'], vote: VoteRow): Promise<{ yes: number; no: number; abstain: number; ballots: number }> {
  const rows =
    vote.mode === 'named'
      ? await tx.select({ choice: congressVoteVoters.choice, n: sql<number>`count(*)::int` }).from(congressVoteVoters).where(eq(congressVoteVoters.voteId, vote.id)).groupBy(congressVoteVoters.choice)
      : await tx.select({ choice: congressSecretChoices.choice, n: sql<number>`count(*)::int` }).from(congressSecretChoices).where(eq(congressSecretChoices.voteId, vote.id)).groupBy(congressSecretChoices.choice);
  const of = (c: VoteChoice) => Number(rows.find((r) => r.choice === c)?.n ?? 0);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(congressVoteVoters).where(eq(congressVoteVoters.voteId, vote.id));
  return { yes: of('yes'), no: of('no'), abstain: of('abstain'), ballots: Number(n) };
}

/**
 * POST /congress/votes/:id/close: counts the ballots (or takes the tellers' totals), and decides by the firm rule —
 * 赞成 more than half of the base fixed at opening (全体代表, or 全体教职工 in an all-staff meeting) — with the
 * arithmetic in words. 实到 is those present now (late arrivals may vote), never fewer than the ballots cast.
 */
export async function closeVote(ctx: Ctx, id: string): Promise<void> {
  const { org, vote, session, term } = await loadVote(ctx, id, 'congress.manage');
  if (vote.status !== 'open') throw new AppError('CONFLICT', vote.status === 'draft' ? '表决尚未开始' : '表决已结束');
  if (vote.channel === 'paper' && vote.yes === null) throw new AppError('CONFLICT', '请先录入纸质选票的统计结果，再结束表决');
  await ctx.db.transaction(async (tx) => {
    // Taking the row lock first waits for ballots in flight (they hold a share lock) and stops new ones.
    const [locked] = await tx.select().from(congressVotes).where(eq(congressVotes.id, vote.id)).for('update');
    if (locked.status !== 'open') throw new AppError('CONFLICT', '表决已结束');
    const tally = locked.channel === 'online' ? await onlineTally(tx, locked) : { yes: locked.yes!, no: locked.no!, abstain: locked.abstain!, ballots: locked.yes! + locked.no! + locked.abstain! };
    const now = (await attendanceCounts(tx, term, session.id)).present;
    const present = Math.max(now, locked.present ?? 0, tally.ballots);
    const base = locked.base!;
    const outcome = voteOutcome({ base, present, yes: tally.yes, no: tally.no, abstain: tally.abstain }, { voters: term.form === 'all_staff' ? 'staff' : 'representatives' });
    await tx
      .update(congressVotes)
      .set({ status: 'closed', present, yes: tally.yes, no: tally.no, abstain: tally.abstain, passed: outcome.passed, result: { text: outcome.text, rule: PASSING_RULES[term.form] }, closedAt: new Date() })
      .where(eq(congressVotes.id, vote.id));
    // A secret vote's choices are rewritten in random order once counted (decision 012): the order they were
    // stored in, and the transaction ids they share with the voters' rows, no longer line up with the voters.
    if (locked.channel === 'online' && locked.mode === 'secret') await shuffleRewrite(tx, congressSecretChoices, congressSecretChoices.voteId, vote.id);
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.vote.closed',
      entityType: 'congress_vote',
      entityId: vote.id,
      entityLabel: vote.title,
      changes: { base: { to: base }, present: { to: present }, yes: { to: tally.yes }, no: { to: tally.no }, abstain: { to: tally.abstain }, passed: { to: outcome.passed } },
    });
  });
  if (vote.channel === 'online' && vote.mode === 'secret') await vacuumBallotTables(ctx.database, [congressSecretChoices]);
}
