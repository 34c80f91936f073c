import { and, eq } from 'drizzle-orm';
import type { EvaluationGroup, EvaluationVoters } from '../../../contracts/evaluations.js';
import { shanghaiWallTime } from '../../../domain/activities/shanghai-time.js';
import { groupOfPostType, recordedGroups } from '../../../domain/evaluation/index.js';
import { evaluations, evaluationVoters } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { auditActor, loadEvaluation } from './evaluations.access.js';
import { rollOf, type RollPerson } from './evaluations.repository.js';
import { votersProblem } from './evaluations.service.js';

/** Roll rows per INSERT: 3 parameters a row stays well under PostgreSQL's 65 535 bind parameters. */
const ROLL_CHUNK = 5000;

/**
 * The group each person's ballot will carry: their post type's group if that group has at least `min` people on
 * the roll (and survives the closure rule of `recordedGroups`), else none — a group too small is never recorded.
 */
export function groupsOnRoll(roll: RollPerson[], min: number): Map<string, EvaluationGroup | null> {
  const groupOf = new Map(roll.map((p) => [p.memberId, groupOfPostType(p.postType)]));
  const counts: Partial<Record<EvaluationGroup, number>> = {};
  for (const g of groupOf.values()) counts[g] = (counts[g] ?? 0) + 1;
  const recorded = recordedGroups(counts, min);
  return new Map([...groupOf].map(([id, g]) => [id, recorded.has(g) ? g : null]));
}

/**
 * POST /evaluations/:id/publish: fixes the roll from the voters setting as the roster stands now (a list is
 * checked again: someone may have retired since), with each voter's group for the breakdown, and tells each voter
 * with an account. The window must still lie ahead.
 */
export async function publishEvaluation(ctx: Ctx, id: string): Promise<void> {
  const { org, evaluation } = await loadEvaluation(ctx, id, 'evaluation.manage');
  if (evaluation.status !== 'draft') throw new AppError('CONFLICT', evaluation.status === 'published' ? '测评已发布' : '测评已结束');
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    // The draft as it is when published (an edit a moment ago included), locked until the roll is fixed.
    const [e] = await tx
      .update(evaluations)
      .set({ status: 'published', publishedAt: now, updatedAt: now })
      .where(and(eq(evaluations.id, evaluation.id), eq(evaluations.status, 'draft')))
      .returning();
    if (!e) throw new AppError('CONFLICT', '测评已发布');
    if (new Date(e.closesAt) <= now) throw fieldError('closesAt', '结束时间已过，请修改结束时间后再发布');
    const voters = e.voters as EvaluationVoters;
    const problem = await votersProblem(tx, org.id, voters);
    if (problem) throw problem;
    const roll = (await rollOf(tx, org.id, voters)) ?? [];
    if (roll.length === 0) throw new AppError('CONFLICT', '参评人员范围内没有符合条件的人员（须在职且会籍正常），不能发布');
    const groups = groupsOnRoll(roll, e.minGroupSize);
    for (let i = 0; i < roll.length; i += ROLL_CHUNK) {
      await tx.insert(evaluationVoters).values(roll.slice(i, i + ROLL_CHUNK).map((p) => ({ evaluationId: evaluation.id, memberId: p.memberId, voterGroup: groups.get(p.memberId) ?? null })));
    }
    await tx.update(evaluations).set({ eligible: roll.length }).where(eq(evaluations.id, evaluation.id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'evaluation.published',
      entityType: 'evaluation',
      entityId: evaluation.id,
      entityLabel: e.title,
      changes: { status: { from: 'draft', to: 'published' }, eligible: { to: roll.length } },
    });
    const window = `${shanghaiWallTime(new Date(e.opensAt), now)} 至 ${shanghaiWallTime(new Date(e.closesAt), now)}`;
    await notify(tx, {
      userIds: roll.map((p) => p.userId).filter((u): u is string => u !== null),
      orgId: org.id,
      kind: 'evaluation_published',
      title: `请参加民主测评：${e.title}`,
      body: `测评时间：${window}。评价以匿名方式提交，任何人都无法查看您的评价内容。`,
      link: `/evaluations/${evaluation.id}`,
      dedupeKey: (userId) => `evaluation:${evaluation.id}:${userId}`,
    });
  });
}
