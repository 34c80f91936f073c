import { and, eq } from 'drizzle-orm';
import type { BallotMark, RoundOutcome, Tracker } from '../../../contracts/elections.js';
import { ballotProblem, countRound as countBallots } from '../../../domain/election/index.js';
import { electionBallots, electionOfficials, electionRounds, elections } from '../../db/schema/index.js';
import { AppError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { shuffleRewrite, vacuumBallotTables } from '../ballots/ballot-box.js';
import { auditActor, canManageElections, loadElection, loadRound, lockRound, myMemberId } from './elections.access.js';
import { winnersOf } from './elections.presenter.js';
import { ballotsOf, lockedElectionStatus, rollCounts, rollStanding, roundsOf } from './elections.repository.js';
import { paperState, roundCandidates } from './elections-paper.service.js';

/**
 * POST /elections/rounds/:id/count: under the round's exclusive lock (ballots in flight finish first, later ones
 * are refused), refuses while the paper board has blockers; writes each matched paper ballot, counts by DOMAIN.md
 * (`countRound`), stores the outcome, rewrites the round's ballots in random order (decision 012), and after commit
 * vacuums the ballot table so no old row version keeps the casting order.
 */
export async function countElectionRound(ctx: Ctx, roundId: string): Promise<void> {
  const { org, round, election: e } = await loadRound(ctx, roundId, 'election.manage');
  if (round.status !== 'open') throw new AppError('CONFLICT', '本轮已计票');
  await ctx.db.transaction(async (tx) => {
    await lockRound(tx, round.id, 'exclusive');
    const [locked] = await tx.select().from(electionRounds).where(eq(electionRounds.id, round.id)).for('update');
    if (locked.status !== 'open') throw new AppError('CONFLICT', '本轮已计票');
    const { board, matchedContents } = await paperState(tx, e, locked, ctx.actor.userId);
    if (board.blockers.length > 0) {
      const err = new AppError('CONFLICT', `暂不能计票：${board.blockers.join('；')}`);
      err.details = { blockers: board.blockers };
      throw err;
    }
    const paperRows = [...matchedContents.entries()].map(([paperNo, c]) => ({ roundId: round.id, paperNo, marks: c.marks, writeIns: c.writeIns, spoilt: c.spoilt }));
    if (paperRows.length > 0) await tx.insert(electionBallots).values(paperRows);
    const ballots = await ballotsOf(tx, round.id);
    const online = ballots.filter((b) => b.receipt !== null).length;
    const candidates = await roundCandidates(tx, locked);
    // Late arrivals may vote: 实到 is those present now if more than at the opening, never fewer than the online ballots.
    const present = Math.max(locked.present, (await rollCounts(tx, e)).present, online);
    const outcome: RoundOutcome = countBallots({
      due: locked.due,
      present,
      seats: locked.seats,
      candidates,
      // An online ballot is issued and returned at once; the paper figures are the scrutineers' counts.
      issued: (locked.paperIssued ?? 0) + online,
      returned: (locked.paperReturned ?? 0) + online,
      online,
      paper: paperRows.length,
      ballots: ballots.map((b) => ({ marks: b.marks as Record<string, BallotMark>, writeIns: b.writeIns as string[], spoilt: b.spoilt })),
    });
    await tx.update(electionRounds).set({ status: 'counted', outcome, present, countedAt: new Date() }).where(eq(electionRounds.id, round.id));
    await shuffleRewrite(tx, electionBallots, electionBallots.roundId, round.id);
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.round.counted',
      entityType: 'election_round',
      entityId: round.id,
      entityLabel: `${e.title} 第 ${round.number} 轮`,
      changes: {
        isVoid: { to: outcome.isVoid },
        figures: { to: outcome.figures },
        elected: { to: outcome.elected.map((w) => w.name) },
        next: { to: outcome.next.kind },
      },
    });
  });
  await vacuumBallotTables(ctx.database, [electionBallots]);
}

/**
 * GET /elections/rounds/:id/tracker: after counting, every ballot of the round — online ones by receipt code, paper
 * ones by number — with its contents and the outcome, so each voter can find their ballot and anyone can recount.
 * For the voters on the roll, the officials and the managers.
 */
export async function roundTracker(ctx: Ctx, roundId: string): Promise<Tracker> {
  const { org, round, election: e } = await loadRound(ctx, roundId, 'election.read');
  if (!canManageElections(ctx, org)) {
    const memberId = await myMemberId(ctx, org);
    const isOfficial =
      memberId !== null &&
      (await ctx.db.select({ m: electionOfficials.memberId }).from(electionOfficials).where(and(eq(electionOfficials.electionId, e.id), eq(electionOfficials.memberId, memberId)))).length > 0;
    if (!memberId || (!isOfficial && !(await rollStanding(ctx.db, e, memberId)).isOnRoll)) throw forbidden('选票公示只向本次选举的选举人公开');
  }
  if (round.status !== 'counted') throw new AppError('CONFLICT', '本轮计票后才公布全部选票');
  const candidates = await roundCandidates(ctx.db, round);
  const rows = await ballotsOf(ctx.db, round.id);
  rows.sort((a, b) => {
    if (a.receipt !== null && b.receipt !== null) return a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0;
    if (a.receipt !== null || b.receipt !== null) return a.receipt !== null ? -1 : 1;
    return (a.paperNo ?? 0) - (b.paperNo ?? 0);
  });
  return {
    roundNumber: round.number,
    seats: round.seats,
    candidates,
    ballots: rows.map((b) => {
      const contents = { marks: b.marks as Record<string, BallotMark>, writeIns: b.writeIns as string[], spoilt: b.spoilt };
      return { receipt: b.receipt, paperNo: b.paperNo, isVoid: ballotProblem(contents, round.seats, candidates) !== null, marks: contents.marks, writeIns: contents.writeIns };
    }),
    outcome: round.outcome as RoundOutcome,
  };
}

/** POST /elections/:id/close: ends a running election with the winners of its counted rounds (none open). */
export async function closeElection(ctx: Ctx, id: string): Promise<void> {
  const { org, election: e } = await loadElection(ctx, id, 'election.manage');
  if (e.status !== 'running') throw new AppError('CONFLICT', e.status === 'draft' ? '选举尚未开始' : '选举已结束');
  await ctx.db.transaction(async (tx) => {
    if ((await lockedElectionStatus(tx, e.id, 'update')) !== 'running') throw new AppError('CONFLICT', '选举已结束');
    const rounds = await roundsOf(tx, e.id);
    const open = rounds.find((r) => r.status === 'open');
    if (open) throw new AppError('CONFLICT', `第 ${open.number} 轮投票尚未计票，请先计票再结束选举`);
    if (rounds.length === 0) throw new AppError('CONFLICT', '还没有进行投票，不能结束选举');
    const winners = winnersOf(rounds);
    await tx.update(elections).set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() }).where(eq(elections.id, e.id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.closed',
      entityType: 'election',
      entityId: e.id,
      entityLabel: e.title,
      changes: { status: { from: 'running', to: 'closed' }, elected: { to: winners.map((w) => w.name) }, vacancies: { to: Math.max(0, e.seats - winners.length) } },
    });
  });
}
