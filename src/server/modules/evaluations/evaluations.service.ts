import { and, eq } from 'drizzle-orm';
import { EVALUATION_VOTER_KIND_LABELS, type EvaluationDetail, type EvaluationInput, type EvaluationSummary, type EvaluationVoters } from '../../../contracts/evaluations.js';
import { shanghaiWallTime } from '../../../domain/activities/shanghai-time.js';
import type { Db } from '../../db/client.js';
import { evaluations } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { closeDueOf, closeIfDue } from './evaluation-close.service.js';
import { auditActor, canManageEvaluations, evaluationOrg, loadEvaluation, type Org } from './evaluations.access.js';
import { evaluationDetail, evaluationSummary, votersLabelOf, type ViewerPlace } from './evaluations.presenter.js';
import { castCounts, evaluationsOf, memberIdOfUser, memberNamesOf, rollPlacesOf, rollSize, termNumberOf, unentitledOf, type EvaluationRow, type StoredTarget } from './evaluations.repository.js';

/** The viewer's member file and places on the rolls of the given evaluations. */
async function viewerPlaces(ctx: Ctx, org: Org, ids: string[]): Promise<{ memberId: string | null; places: Map<string, boolean> }> {
  const memberId = await memberIdOfUser(ctx.db, org.id, ctx.actor.userId);
  return { memberId, places: memberId ? await rollPlacesOf(ctx.db, memberId, ids) : new Map() };
}

const placeIn = (v: { memberId: string | null; places: Map<string, boolean> }, id: string): ViewerPlace => ({
  memberId: v.memberId,
  isEligible: v.places.has(id),
  hasVoted: v.places.get(id) === true,
});

/** GET /evaluations: managers see every evaluation of the union; others those whose roll holds them. */
export async function listEvaluations(ctx: Ctx): Promise<EvaluationSummary[]> {
  const org = evaluationOrg(ctx, 'evaluation.read');
  const now = new Date();
  await closeDueOf(ctx.database, org.id, now);
  const isManager = canManageEvaluations(ctx, org);
  const memberId = await memberIdOfUser(ctx.db, org.id, ctx.actor.userId);
  const rows = await evaluationsOf(ctx.db, org.id, isManager ? undefined : memberId);
  const ids = rows.map((r) => r.id);
  const [casts, places] = [await castCounts(ctx.db, ids), memberId ? await rollPlacesOf(ctx.db, memberId, ids) : new Map<string, boolean>()];
  return rows.map((e) => evaluationSummary(e, casts.get(e.id) ?? 0, placeIn({ memberId, places }, e.id), now));
}

/** GET /evaluations/:id (a draft: managers only). Closes it first if its window has ended. */
export async function getEvaluation(ctx: Ctx, id: string): Promise<EvaluationDetail> {
  const loaded = await loadEvaluation(ctx, id, 'evaluation.read');
  const { org, isManager } = loaded;
  const now = new Date();
  const e = await closeIfDue(ctx, loaded.evaluation, now);
  const viewer = await viewerPlaces(ctx, org, [e.id]);
  const cast = e.status === 'draft' ? null : ((await castCounts(ctx.db, [e.id])).get(e.id) ?? 0);
  const voters = e.voters as EvaluationVoters;
  const count = e.status === 'draft' ? await rollSize(ctx.db, org.id, voters) : e.eligible;
  const termNumber = voters.kind === 'term' ? await termNumberOf(ctx.db, org.id, voters.termId) : null;
  const voterList = isManager && voters.kind === 'list' ? await memberNamesOf(ctx.db, org.id, voters.memberIds) : null;
  return evaluationDetail(e, { cast, me: placeIn(viewer, e.id), isManager, votersLabel: votersLabelOf(voters, count, termNumber), voterList, now });
}

/**
 * Keys for the targets: a target already in the evaluation under the same name and post keeps its key; a new one
 * gets the next number, never one given before.
 */
function withKeys(input: EvaluationInput['targets'], before: StoredTarget[]): StoredTarget[] {
  let last = Math.max(0, ...before.map((t) => Number(t.key.replace(/^t/, '')) || 0));
  const unused = [...before];
  return input.map((t) => {
    const i = unused.findIndex((b) => b.name === t.name && b.post === t.post);
    if (i >= 0) return { key: unused.splice(i, 1)[0].key, name: t.name, post: t.post };
    last += 1;
    return { key: `t${last}`, name: t.name, post: t.post };
  });
}

/** The roll setting checked against the union: the term is the union's; every listed person is an entitled member. */
export async function votersProblem(db: Db, orgId: string, voters: EvaluationVoters): Promise<AppError | null> {
  if (voters.kind === 'term' && (await termNumberOf(db, orgId, voters.termId)) === null) return fieldError('voters.termId', '所选教代会届次不存在');
  if (voters.kind === 'list') {
    const { names, unknown } = await unentitledOf(db, orgId, voters.memberIds);
    if (names.length > 0 || unknown > 0) {
      const parts = [
        names.length > 0 ? `${names.join('、')} 不是在职且会籍正常的会员，不能参评` : '',
        unknown > 0 ? `${unknown} 人不是本会会员` : '',
      ].filter(Boolean);
      return fieldError('voters.memberIds', `参评人员有误：${parts.join('；')}`);
    }
  }
  return null;
}

/** Checks of a setup beyond its shape: the window, and the voters against the union. */
async function checkSetup(ctx: Ctx, org: Org, input: EvaluationInput, now: Date): Promise<void> {
  if (new Date(input.closesAt) <= new Date(input.opensAt)) throw fieldError('closesAt', '结束时间应晚于开始时间');
  if (new Date(input.closesAt) <= now) throw fieldError('closesAt', '结束时间应晚于当前时间');
  const problem = await votersProblem(ctx.db, org.id, input.voters);
  if (problem) throw problem;
}

/** The stored columns of a setup. */
function columnsOf(input: EvaluationInput, targets: StoredTarget[]) {
  return {
    title: input.title,
    description: input.description,
    targets,
    dimensions: input.dimensions,
    grades: input.grades,
    overallGrades: input.overallGrades,
    allowComments: input.allowComments,
    voters: input.voters,
    minGroupSize: input.minGroupSize,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
  };
}

/** The voters setting in the audit: its kind, and the number of a list (not the whole list). */
function votersAuditText(v: EvaluationVoters): string {
  return v.kind === 'list' ? `${EVALUATION_VOTER_KIND_LABELS.list}（${v.memberIds.length} 人）` : v.kind === 'term' ? `${EVALUATION_VOTER_KIND_LABELS.term}（届次 ${v.termId}）` : EVALUATION_VOTER_KIND_LABELS.members;
}

/** What the audit shows of a setup (names of the targets, the window as wall time). */
function auditView(e: Pick<EvaluationRow, 'title' | 'targets' | 'dimensions' | 'grades' | 'overallGrades' | 'allowComments' | 'voters' | 'minGroupSize' | 'opensAt' | 'closesAt'>, now: Date) {
  return {
    title: e.title,
    targets: (e.targets as StoredTarget[]).map((t) => `${t.name}（${t.post}）`).join('、'),
    dimensions: (e.dimensions as string[]).join('、'),
    grades: (e.grades as string[]).join('、'),
    overallGrades: (e.overallGrades as string[]).join('、'),
    allowComments: e.allowComments,
    voters: votersAuditText(e.voters as EvaluationVoters),
    minGroupSize: e.minGroupSize,
    opensAt: shanghaiWallTime(new Date(e.opensAt), now),
    closesAt: shanghaiWallTime(new Date(e.closesAt), now),
  };
}
const AUDITED = ['title', 'targets', 'dimensions', 'grades', 'overallGrades', 'allowComments', 'voters', 'minGroupSize', 'opensAt', 'closesAt'] as const;

/** POST /evaluations: a draft. */
export async function createEvaluation(ctx: Ctx, input: EvaluationInput): Promise<string> {
  const org = evaluationOrg(ctx, 'evaluation.manage');
  const now = new Date();
  await checkSetup(ctx, org, input, now);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(evaluations).values({ orgId: org.id, createdBy: ctx.actor.userId, ...columnsOf(input, withKeys(input.targets, [])) }).returning();
    const view = auditView(row, now);
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'evaluation.created',
      entityType: 'evaluation',
      entityId: row.id,
      entityLabel: row.title,
      changes: Object.fromEntries(AUDITED.map((k) => [k, { to: view[k] }])),
    });
    return row.id;
  });
}

/** A draft locked for a change, or 409 once it is published. */
async function lockedDraft(tx: Ctx['db'], id: string): Promise<EvaluationRow> {
  const [row] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for('update');
  if (row?.status !== 'draft') throw new AppError('CONFLICT', '测评已发布，不能再修改或删除');
  return row;
}

/** PATCH /evaluations/:id: every field of a draft. */
export async function updateEvaluation(ctx: Ctx, id: string, input: EvaluationInput): Promise<void> {
  const { org, evaluation } = await loadEvaluation(ctx, id, 'evaluation.manage');
  if (evaluation.status !== 'draft') throw new AppError('CONFLICT', '测评已发布，不能再修改或删除');
  const now = new Date();
  await checkSetup(ctx, org, input, now);
  await ctx.db.transaction(async (tx) => {
    const before = await lockedDraft(tx, evaluation.id);
    const [after] = await tx
      .update(evaluations)
      .set({ ...columnsOf(input, withKeys(input.targets, before.targets as StoredTarget[])), updatedAt: now })
      .where(eq(evaluations.id, evaluation.id))
      .returning();
    const changes = diffFields(auditView(before, now), auditView(after, now), [...AUDITED]);
    if (Object.keys(changes).length === 0) return;
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'evaluation.updated', entityType: 'evaluation', entityId: evaluation.id, entityLabel: after.title, changes });
  });
}

/** DELETE /evaluations/:id: a draft only. */
export async function deleteEvaluation(ctx: Ctx, id: string): Promise<void> {
  const { org, evaluation } = await loadEvaluation(ctx, id, 'evaluation.manage');
  await ctx.db.transaction(async (tx) => {
    await lockedDraft(tx, evaluation.id);
    await tx.delete(evaluations).where(and(eq(evaluations.id, evaluation.id), eq(evaluations.status, 'draft')));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'evaluation.deleted', entityType: 'evaluation', entityId: evaluation.id, entityLabel: evaluation.title });
  });
}
