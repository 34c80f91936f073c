import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BallotMark, PaperBoard, PaperEntryInput, paperCountInputSchema } from '../../../contracts/elections.js';
import { paperDifferences } from '../../../domain/election/index.js';
import type { Db } from '../../db/client.js';
import { electionPaperEntries, electionRounds } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { auditActor, loadRoundForTellers, lockRound } from './elections.access.js';
import { candidatesOf, paperEntriesOf, type ElectionRow, type PaperEntryRow, type RoundRow } from './elections.repository.js';
import { checkedContents } from './elections-rounds.service.js';

/** One paper ballot's contents as entered. */
export interface PaperContents {
  marks: Record<string, BallotMark>;
  writeIns: string[];
  spoilt: boolean;
}

const contentsOf = (e: Pick<PaperEntryRow, 'marks' | 'writeIns' | 'spoilt'>): PaperContents => ({ marks: e.marks as Record<string, BallotMark>, writeIns: e.writeIns as string[], spoilt: e.spoilt });

/** The round's candidates as {id, name}, in the round's (stroke) order. */
export async function roundCandidates(db: Db, round: Pick<RoundRow, 'electionId' | 'candidateIds'>): Promise<{ id: string; name: string }[]> {
  const byId = new Map((await candidatesOf(db, round.electionId)).map((c) => [c.id, c.name]));
  return (round.candidateIds as string[]).map((id) => ({ id, name: byId.get(id) ?? '' }));
}

/** The board as computed from the entries: each ballot's state, the matched contents, and what stops counting. */
export async function paperState(db: Db, e: Pick<ElectionRow, 'paper'>, round: RoundRow, viewerId: string): Promise<{ board: PaperBoard; matchedContents: Map<number, PaperContents> }> {
  const candidates = await roundCandidates(db, round);
  const rows = await paperEntriesOf(db, round.id);
  const byNo = new Map<number, typeof rows>();
  for (const r of rows) byNo.set(r.entry.paperNo, [...(byNo.get(r.entry.paperNo) ?? []), r]);
  const matchedContents = new Map<number, PaperContents>();
  const ballots: PaperBoard['ballots'] = [...byNo.entries()].map(([no, entries]) => {
    const differences = entries.length === 2 ? paperDifferences(contentsOf(entries[0].entry), contentsOf(entries[1].entry), candidates) : [];
    const state = entries.length < 2 ? 'single' : differences.length > 0 ? 'mismatch' : 'matched';
    if (state === 'matched') matchedContents.set(no, contentsOf(entries[0].entry));
    return { no, state, enteredBy: entries.map((x) => x.by), differences, mine: entries.some((x) => x.entry.enteredBy === viewerId) };
  });
  const issued = round.paperIssued;
  const returned = round.paperReturned;
  const blockers: string[] = [];
  if (e.paper) {
    if (issued === null || returned === null) blockers.push('尚未填写发出、收回票数');
    // More ballots back than issued voids the round whatever they say (DOMAIN.md): nothing to enter first.
    if (issued === null || returned === null || returned <= issued) {
      for (const b of ballots) {
        if (b.state === 'mismatch') blockers.push(`第 ${b.no} 号选票两次录入不一致`);
        if (b.state === 'single') blockers.push(`第 ${b.no} 号选票只录入了一次，还需另一人录入核对`);
      }
      if (returned !== null && ballots.length !== returned) blockers.push(`已录入 ${ballots.length} 张，收回 ${returned} 张`);
    }
  }
  return { board: { issued, returned, entered: ballots.length, matched: matchedContents.size, ballots, blockers }, matchedContents };
}

/** GET /elections/rounds/:id/paper: for the counters and managers. */
export async function paperBoard(ctx: Ctx, roundId: string): Promise<PaperBoard> {
  const { round, election } = await loadRoundForTellers(ctx, roundId);
  return (await paperState(ctx.db, election, round, ctx.actor.userId)).board;
}

/** The checks every paper change makes: paper in use and the round still open. */
function assertPaperOpen(e: Pick<ElectionRow, 'paper'>, round: Pick<RoundRow, 'status'>): void {
  if (!e.paper) throw new AppError('CONFLICT', '本次选举不使用纸质选票');
  if (round.status !== 'open') throw new AppError('CONFLICT', '本轮已计票，纸质选票不能再修改');
}

/** PUT /elections/rounds/:id/paper-count: 发出 / 收回 as the scrutineers counted them; never more issued than due. */
export async function setPaperCount(ctx: Ctx, roundId: string, input: z.infer<typeof paperCountInputSchema>): Promise<PaperBoard> {
  const { org, round, election } = await loadRoundForTellers(ctx, roundId);
  assertPaperOpen(election, round);
  if (input.issued > round.due) throw fieldError('issued', `发出选票数不能超过应到人数 ${round.due} 人`);
  await ctx.db.transaction(async (tx) => {
    await lockRound(tx, round.id, 'shared');
    const [row] = await tx
      .update(electionRounds)
      .set({ paperIssued: input.issued, paperReturned: input.returned })
      .where(and(eq(electionRounds.id, round.id), eq(electionRounds.status, 'open')))
      .returning({ id: electionRounds.id });
    if (!row) throw new AppError('CONFLICT', '本轮已计票，纸质选票不能再修改');
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.round.paperCount',
      entityType: 'election_round',
      entityId: round.id,
      entityLabel: `${election.title} 第 ${round.number} 轮`,
      changes: { issued: { from: round.paperIssued, to: input.issued }, returned: { from: round.paperReturned, to: input.returned } },
    });
  });
  return paperBoard(ctx, roundId);
}

/**
 * PUT /elections/rounds/:id/paper/:no: the acting teller's reading of paper ballot no. N. The first two different
 * people make entries 1 and 2 (the second is the check); re-entering replaces one's own reading (how a mismatch is
 * resolved); a third person is refused. Per ballot under an advisory lock, so two tellers entering the same number
 * at once get entries 1 and 2, not two entries 1.
 */
export async function enterPaperBallot(ctx: Ctx, roundId: string, no: number, input: PaperEntryInput): Promise<PaperBoard> {
  const { org, round, election } = await loadRoundForTellers(ctx, roundId);
  assertPaperOpen(election, round);
  const contents = { ...checkedContents(round, input), spoilt: input.spoilt };
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    await lockRound(tx, round.id, 'shared');
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`election_paper:${round.id}:${no}`}, 0))`);
    const [now] = await tx.select({ status: electionRounds.status }).from(electionRounds).where(eq(electionRounds.id, round.id));
    if (now?.status !== 'open') throw new AppError('CONFLICT', '本轮已计票，纸质选票不能再修改');
    const entries = await tx.select().from(electionPaperEntries).where(and(eq(electionPaperEntries.roundId, round.id), eq(electionPaperEntries.paperNo, no)));
    const mine = entries.find((x) => x.enteredBy === userId);
    let entry: number;
    if (mine) {
      entry = mine.entry;
      await tx
        .update(electionPaperEntries)
        .set({ ...contents, enteredAt: new Date() })
        .where(and(eq(electionPaperEntries.roundId, round.id), eq(electionPaperEntries.paperNo, no), eq(electionPaperEntries.entry, entry)));
    } else {
      if (entries.length >= 2) throw new AppError('CONFLICT', `第 ${no} 号选票已由两人录入`);
      entry = entries.some((x) => x.entry === 1) ? 2 : 1;
      await tx.insert(electionPaperEntries).values({ roundId: round.id, paperNo: no, entry, enteredBy: userId, ...contents });
    }
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'election.paper.entered',
      entityType: 'election_round',
      entityId: round.id,
      entityLabel: `${election.title} 第 ${round.number} 轮`,
      changes: { paperNo: { to: no }, entry: { to: entry }, ...(mine ? { replaced: { to: true } } : {}) },
    });
  });
  return paperBoard(ctx, roundId);
}
