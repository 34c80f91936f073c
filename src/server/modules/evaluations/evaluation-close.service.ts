import { randomInt } from 'node:crypto';
import { and, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { EvaluationGroup, EvaluationResults } from '../../../contracts/evaluations.js';
import { groupsToKeep, tallyEvaluation } from '../../../domain/evaluation/index.js';
import type { Database } from '../../db/client.js';
import { evaluationBallots, evaluationComments, evaluations } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit, type AuditInput } from '../audit/audit.writer.js';
import { instant } from '../activities/activities.presenter.js';
import { shuffleRewrite, vacuumBallotTables } from '../ballots/ballot-box.js';
import { auditActor, loadEvaluation, SYSTEM_ACTOR } from './evaluations.access.js';
import { dueEvaluations, findEvaluation, type EvaluationRow, type StoredTarget } from './evaluations.repository.js';

/** The advisory lock of an evaluation: ballots take it shared (evaluation_cast), closing takes it exclusively. */
export const evaluationLockKey = (id: string) => `evaluation:${id}`;

/** A uniformly random order (Fisher–Yates with the operating system's randomness). */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Closes a published evaluation, once, whoever asks first in whichever process: under the exclusive advisory lock
 * (so every ballot in flight has committed and no other can start) it counts the ballots with `tallyEvaluation`
 * (comments in a random order), erases from the ballots every group the breakdown leaves out (`groupsToKeep`),
 * rewrites the ballots and comments in random order (decision 012), and stores the figures with the evaluation
 * marked closed. After commit the old row versions are vacuumed away. `isDue`: only if the window has ended (the lazy close and
 * the job), and then voting ended at closesAt. Returns whether this call closed it.
 */
export async function closeEvaluation(database: Database, id: string, opts: { actor: AuditInput['actor']; now: Date; isDue: boolean }): Promise<boolean> {
  const closed = await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${evaluationLockKey(id)}))`);
    const [e] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for('update');
    if (e?.status !== 'published') return false;
    if (opts.isDue && new Date(e.closesAt) > opts.now) return false;
    const closedAt = opts.isDue ? new Date(e.closesAt) : opts.now;

    // Counted first, with each ballot's group as cast, so the note can name the groups left out of the breakdown.
    const ballots = await tx.select({ voterGroup: evaluationBallots.voterGroup, ratings: evaluationBallots.ratings }).from(evaluationBallots).where(eq(evaluationBallots.evaluationId, id));
    const comments = await tx.select({ targetKey: evaluationComments.targetKey, body: evaluationComments.body }).from(evaluationComments).where(eq(evaluationComments.evaluationId, id));
    const def = {
      targets: e.targets as StoredTarget[],
      dimensions: e.dimensions as string[],
      grades: e.grades as string[],
      overallGrades: e.overallGrades as string[],
      allowComments: e.allowComments,
    };
    const tally = tallyEvaluation(
      def,
      ballots.map((b) => ({ voterGroup: b.voterGroup as EvaluationGroup | null, ratings: b.ratings as number[][] })),
      { eligible: e.eligible ?? 0, min: e.minGroupSize, comments: shuffled(comments) },
    );
    // Then the groups too small to be shown are erased from the ballots themselves, and every ballot and comment
    // is rewritten in random order.
    const counts: Partial<Record<EvaluationGroup | 'none', number>> = {};
    for (const b of ballots) {
      const g = (b.voterGroup ?? 'none') as EvaluationGroup | 'none';
      counts[g] = (counts[g] ?? 0) + 1;
    }
    const keep = [...groupsToKeep(counts, e.minGroupSize)];
    await tx
      .update(evaluationBallots)
      .set({ voterGroup: null })
      .where(and(eq(evaluationBallots.evaluationId, id), isNotNull(evaluationBallots.voterGroup), keep.length > 0 ? notInArray(evaluationBallots.voterGroup, keep) : undefined));
    await shuffleRewrite(tx, evaluationBallots, evaluationBallots.evaluationId, id);
    await shuffleRewrite(tx, evaluationComments, evaluationComments.evaluationId, id);
    const results: EvaluationResults = { id: e.id, title: e.title, closedAt: instant(closedAt), dimensions: def.dimensions, grades: def.grades, overallGrades: def.overallGrades, allowComments: def.allowComments, ...tally };
    await tx.update(evaluations).set({ status: 'closed', closedAt, results, updatedAt: opts.now }).where(eq(evaluations.id, id));
    await writeAudit(tx, {
      orgId: e.orgId,
      actor: opts.actor,
      action: 'evaluation.closed',
      entityType: 'evaluation',
      entityId: e.id,
      entityLabel: e.title,
      changes: { status: { from: 'published', to: 'closed' }, eligible: { to: tally.eligible }, cast: { to: tally.cast }, ...(opts.isDue ? { reason: { to: '测评时间已到' } } : {}) },
    });
    return true;
  });
  if (closed) await vacuumBallotTables(database, [evaluationBallots, evaluationComments]);
  return closed;
}

/** The evaluation as it stands after closing it if its window has ended (the first read after closesAt does it). */
export async function closeIfDue(ctx: Ctx, e: EvaluationRow, now: Date): Promise<EvaluationRow> {
  if (e.status !== 'published' || new Date(e.closesAt) > now) return e;
  await closeEvaluation(ctx.database, e.id, { actor: SYSTEM_ACTOR, now, isDue: true });
  return (await findEvaluation(ctx.db, e.orgId, e.id)) ?? e;
}

/** Closes every evaluation of the union (or, for the job, of every union) whose window has ended; returns how many this call closed. */
export async function closeDueOf(database: Database, orgId: string | undefined, now: Date): Promise<number> {
  let n = 0;
  for (const due of await dueEvaluations(database.db, now, orgId)) {
    if (await closeEvaluation(database, due.id, { actor: SYSTEM_ACTOR, now, isDue: true })) n++;
  }
  return n;
}

/** POST /evaluations/:id/close: ends voting now, before closesAt. */
export async function closeNow(ctx: Ctx, id: string): Promise<void> {
  const { evaluation } = await loadEvaluation(ctx, id, 'evaluation.manage');
  if (evaluation.status !== 'published') throw new AppError('CONFLICT', evaluation.status === 'draft' ? '测评尚未发布' : '测评已结束');
  const now = new Date();
  // Past its window already, it is closed as of closesAt, as the first read would have done.
  const isClosed = await closeEvaluation(ctx.database, evaluation.id, { actor: auditActor(ctx), now, isDue: new Date(evaluation.closesAt) <= now });
  if (!isClosed) throw new AppError('CONFLICT', '测评已结束');
}
