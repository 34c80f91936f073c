import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { OnlineBallotInput, RoundOutcome } from '../../../contracts/elections.js';
import { byStroke, electionQuorumProblem, normaliseName, receiptCode } from '../../../domain/election/index.js';
import { electionBallots, electionRounds, electionRoundVoters } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberChain, writeAudit } from '../audit/audit.writer.js';
import { sealedBallotWrite } from '../ballots/ballot-box.js';
import { auditActor, loadElection, loadRound, lockRound } from './elections.access.js';
import { winnersOf } from './elections.presenter.js';
import { candidatesOf, lockedElectionStatus, lockedPresence, rollCounts, roundsOf, roundsVotedBy, type RoundRow } from './elections.repository.js';
import { voteRefusal, voterStanding } from './elections-view.service.js';

/** What the next round is: its seats and candidates, or why there is none. */
async function nextRoundPlan(ctx: Ctx, e: { id: string; seats: number }, rounds: RoundRow[]): Promise<{ seats: number; candidateIds: string[] }> {
  const open = rounds.find((r) => r.status === 'open');
  if (open) throw new AppError('CONFLICT', `第 ${open.number} 轮投票尚未计票，不能开始新一轮`);
  const remaining = e.seats - winnersOf(rounds).length;
  if (remaining <= 0) throw new AppError('CONFLICT', '应选名额已全部选出，无需再投票，请结束选举');
  const candidates = byStroke(await candidatesOf(ctx.db, e.id), (c) => c.name);
  const last = rounds.at(-1);
  if (!last) return { seats: e.seats, candidateIds: candidates.map((c) => c.id) };
  const next = (last.outcome as RoundOutcome).next;
  if (next.kind === 'none' || next.candidateIds.length === 0) throw new AppError('CONFLICT', `第 ${last.number} 轮计票后没有可以继续参加投票的候选人，尚缺 ${remaining} 名，请结束选举后另行补选`);
  const listed = new Set(next.candidateIds);
  return { seats: Math.min(next.kind === 'repeat' ? last.seats : next.seats, remaining), candidateIds: candidates.filter((c) => listed.has(c.id)).map((c) => c.id) };
}

/**
 * POST /elections/:id/rounds: the first round with every candidate for all the seats, then the round the last
 * count calls for (among the tied, for the empty seats, or again after a void round). 409 while a round is open,
 * when every seat is filled, and below two thirds present (details {due, present}).
 */
export async function openRound(ctx: Ctx, electionId: string): Promise<void> {
  const { org, election: e } = await loadElection(ctx, electionId, 'election.manage');
  if (e.status !== 'running') throw new AppError('CONFLICT', e.status === 'draft' ? '选举尚未开始，请先开始选举（确定选举人名单）' : '选举已结束');
  await ctx.db.transaction(async (tx) => {
    // Opening rounds one at a time: the second of two clicks sees the first round open.
    if ((await lockedElectionStatus(tx, e.id, 'update')) !== 'running') throw new AppError('CONFLICT', '选举已结束');
    const txCtx = { ...ctx, db: tx };
    const rounds = await roundsOf(tx, e.id);
    const plan = await nextRoundPlan(txCtx, e, rounds);
    const counts = await rollCounts(tx, e);
    const problem = electionQuorumProblem(counts.present, counts.due);
    if (problem) {
      const err = new AppError('CONFLICT', problem);
      err.details = { due: counts.due, present: counts.present };
      throw err;
    }
    const number = rounds.length + 1;
    const [row] = await tx
      .insert(electionRounds)
      .values({ orgId: org.id, electionId: e.id, number, seats: plan.seats, candidateIds: plan.candidateIds, due: counts.due, present: counts.present })
      .returning({ id: electionRounds.id });
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.round.opened',
      entityType: 'election_round',
      entityId: row.id,
      entityLabel: `${e.title} 第 ${number} 轮`,
      changes: { seats: { to: plan.seats }, candidates: { to: plan.candidateIds.length }, due: { to: counts.due }, present: { to: counts.present } },
    });
  });
}

/** The marks and write-ins of a ballot checked against the round: only its candidates, write-ins normalised once each. */
export function checkedContents(round: Pick<RoundRow, 'candidateIds'>, input: Pick<OnlineBallotInput, 'marks' | 'writeIns'>): OnlineBallotInput {
  const listed = new Set(round.candidateIds as string[]);
  const stray = Object.keys(input.marks).find((id) => !listed.has(id));
  if (stray) throw fieldError(`marks.${stray}`, '所选候选人不在本轮选举的候选人名单中');
  const writeIns = input.writeIns.map(normaliseName);
  const twice = writeIns.findIndex((n, i) => writeIns.indexOf(n) !== i);
  if (twice >= 0) throw fieldError(`writeIns.${twice}`, `另选人 ${writeIns[twice]} 重复填写`);
  return { marks: input.marks, writeIns };
}

const RECEIPT_TRIES = 5;

/**
 * POST /elections/rounds/:id/ballots: a present voter's online ballot. One per voter and round whatever the
 * concurrency: the key of election_round_voters refuses a second row, and both rows are written in one transaction
 * under the round's shared advisory lock, which counting takes exclusively (no ballot lands after the count). The
 * ballot carries no voter and no time, only a random receipt code returned here once. A ballot with more 赞成 than
 * seats is accepted (the page warns; spoiling one's ballot is the voter's right) and counted void. The audit says
 * only "voted", in the member's chain; a failed write reaches the log without the ballot (`sealedBallotWrite`).
 */
export async function castOnlineBallot(ctx: Ctx, roundId: string, input: OnlineBallotInput): Promise<{ receipt: string; message: string }> {
  const { org, round, election: e } = await loadRound(ctx, roundId, 'election.read');
  const standing = await voterStanding(ctx, org, e);
  const hasVoted = standing.memberId ? (await roundsVotedBy(ctx.db, standing.memberId, [round.id])).has(round.id) : false;
  const refusal = voteRefusal(e, round, standing, hasVoted);
  if (refusal) throw refusal.isEntitlement ? forbidden(refusal.message) : new AppError('CONFLICT', refusal.message);
  const contents = checkedContents(round, input);
  const memberId = standing.memberId!;
  const receipt = await sealedBallotWrite(() =>
    ctx.db.transaction(async (tx) => {
      await lockRound(tx, round.id, 'shared');
      const [now] = await tx.select({ status: electionRounds.status }).from(electionRounds).where(eq(electionRounds.id, round.id));
      if (now?.status !== 'open') throw new AppError('CONFLICT', '本轮投票已结束');
      if (!(await lockedPresence(tx, e, memberId))) throw forbidden(e.meetingKind === 'congress' ? '请先签到，签到后才能投票' : '请先到会登记，登记后才能投票');
      const [voted] = await tx
        .insert(electionRoundVoters)
        .values({ roundId: round.id, memberId })
        .onConflictDoNothing({ target: [electionRoundVoters.roundId, electionRoundVoters.memberId] })
        .returning({ memberId: electionRoundVoters.memberId });
      if (!voted) throw new AppError('CONFLICT', '您已在本轮投过票，每人每轮只能投一次');
      // 40 random bits: a clash is rare, and then another code is drawn (the unique index says so without aborting).
      for (let i = 0; i < RECEIPT_TRIES; i++) {
        const code = receiptCode(randomBytes(5));
        const [stored] = await tx
          .insert(electionBallots)
          .values({ roundId: round.id, receipt: code, marks: contents.marks, writeIns: contents.writeIns, spoilt: false })
          .onConflictDoNothing({ target: electionBallots.receipt })
          .returning({ id: electionBallots.id });
        if (stored) {
          await writeAudit(tx, { orgId: org.id, chain: memberChain(memberId), actor: auditActor(ctx), action: 'election.voted', entityType: 'election_round', entityId: round.id, entityLabel: `${e.title} 第 ${round.number} 轮`, changes: {} });
          return code;
        }
      }
      throw new AppError('CONFLICT', '投票未成功，请再提交一次');
    }),
  );
  return { receipt, message: `投票成功。您的选票查验码是 ${receipt}，只显示这一次，请记下；计票后可在选票公示中用它核对您的选票。` };
}
