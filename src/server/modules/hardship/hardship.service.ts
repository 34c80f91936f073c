import { and, eq, sql } from 'drizzle-orm';
import type { HardshipInput, HardshipPatch, HardshipStatus } from '../../../contracts/care.js';
import { hardshipLevel, perCapitaMonthlyFen, reviewDueOn, shanghaiToday } from '../../../domain/care/index.js';
import type { Db } from '../../db/client.js';
import { hardshipFiles } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { keeperOrg, loadFileFor, type Org } from './hardship.access.js';
import { fileLabel } from './hardship.presenter.js';
import { hasFileFor, povertyLineFor, unionMember, type HardshipFull } from './hardship.repository.js';

/*
 * Hardship files (困难职工建档立卡): draft → submitted → approved by the chair (review a year later) → re-assessed
 * yearly as a new file → closed with a reason. The level is computed from the figures and the year's 低保线 by
 * domain/care and stored with them. Privacy: audit events carry field names only — never an income, a cost, a
 * level, a reason or the member's id (the vice chair reads the trail and could look the member up) — and their
 * label names the year, not the member; the keepers find the member from the file's id.
 */

type Figures = Pick<HardshipInput, 'householdSize' | 'annualIncomeFen' | 'unavoidableCostsFen' | 'isAccident'>;
const CONTENT_FIELDS = ['householdSize', 'annualIncomeFen', 'unavoidableCostsFen', 'isAccident', 'household', 'reasons'] as const;
const COMPUTED_FIELDS = ['povertyLineFen', 'perCapitaMonthlyFen', 'level'] as const;

/** The per-capita income and the level of the figures against the year's 低保线 (null: none set). */
export function assess(f: Figures, povertyLineFen: number | null) {
  return {
    povertyLineFen,
    perCapitaMonthlyFen: perCapitaMonthlyFen(f.annualIncomeFen, f.unavoidableCostsFen, f.householdSize),
    level: hardshipLevel({ ...f, povertyLineFen }),
  };
}

/** JSON with object keys sorted: a household read back from jsonb (keys reordered) equals the one sent. */
const canonical = (v: unknown) =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/** `{ field: { changed: true } }` for each field that differs: what the audit trail may know of a hardship file. */
function changedNames(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]) {
  const changes: Record<string, { changed: true }> = {};
  for (const k of keys) if (k in after && canonical(before[k]) !== canonical(after[k])) changes[k] = { changed: true };
  return changes;
}

async function audit(tx: Db, ctx: Ctx, org: Org, action: string, file: { id: string; year: number }, changes: Record<string, unknown>) {
  await writeAudit(tx, {
    orgId: org.id,
    actor: { userId: ctx.actor.userId, name: ctx.actor.name },
    action,
    entityType: 'hardship_file',
    entityId: file.id,
    entityLabel: fileLabel(file.year),
    changes,
  });
}

const conflict = (message: string) => new AppError('CONFLICT', message);
const yearTaken = (year: number) => new AppError('CONFLICT', `该会员 ${year} 年度已有困难档案`, [{ path: 'year', message: `该会员 ${year} 年度已有困难档案` }]);

/** Inserts a file (refused when the member has one for the year, also when two requests race). */
async function insertFile(tx: Db, values: typeof hardshipFiles.$inferInsert): Promise<string> {
  const [row] = await tx.insert(hardshipFiles).values(values).onConflictDoNothing().returning({ id: hardshipFiles.id });
  if (!row) throw yearTaken(values.year);
  return row.id;
}

/** POST /hardship/files: a draft file for a member on the union's roll and a year. */
export async function createHardshipFile(ctx: Ctx, input: HardshipInput): Promise<string> {
  const org = keeperOrg(ctx, 'hardship.manage');
  const member = await unionMember(ctx.db, org.id, input.memberId);
  if (!member) throw fieldError('memberId', '所选会员不在本工会名册中');
  if (member.membershipStatus !== 'normal' && member.membershipStatus !== 'reserved') throw fieldError('memberId', `${member.name}已不在册，不能建立困难档案`);
  if (await hasFileFor(ctx.db, org.id, member.id, input.year)) throw yearTaken(input.year);
  const computed = assess(input, await povertyLineFor(ctx.db, org.id, input.year));
  return ctx.db.transaction(async (tx) => {
    const id = await insertFile(tx, { ...input, ...computed, orgId: org.id, status: 'draft', createdBy: ctx.actor.userId });
    const named = Object.fromEntries([...CONTENT_FIELDS, ...COMPUTED_FIELDS].map((k) => [k, { changed: true }]));
    await audit(tx, ctx, org, 'hardship.file.created', { id, year: input.year }, { memberId: { changed: true }, year: { to: input.year }, ...named });
    return id;
  });
}

function assertStatus(file: HardshipFull, allowed: HardshipStatus[], message: string): void {
  if (!allowed.includes(file.status)) throw conflict(message);
}

const NOT_EDITABLE: Record<HardshipStatus, string> = {
  draft: '',
  submitted: '',
  approved: '已建档的困难档案不能修改；家庭情况变化时请重新评定',
  closed: '困难档案已销档，不能修改',
};

/** PATCH /hardship/files/:id: figures and household while a draft or awaiting approval; the level is recomputed. */
export async function updateHardshipFile(ctx: Ctx, id: string, patch: HardshipPatch): Promise<void> {
  const { org, file } = await loadFileFor(ctx, id, 'hardship.manage');
  assertStatus(file, ['draft', 'submitted'], NOT_EDITABLE[file.status]);
  const next = { ...file, ...stripUndefined(patch) };
  const computed = assess(next, await povertyLineFor(ctx.db, org.id, file.year));
  const values = { ...stripUndefined(patch), ...computed };
  const changes = changedNames(file, values, [...CONTENT_FIELDS, ...COMPUTED_FIELDS]);
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await updateIfUnchanged(tx, file, { ...values, updatedAt: new Date() });
    await audit(tx, ctx, org, 'hardship.file.updated', file, changes);
  });
}

/** Writes the file only if it is still as read — same status, not edited since (two keepers at once: the second is told, not lost). */
async function updateIfUnchanged(tx: Db, file: HardshipFull, set: Partial<typeof hardshipFiles.$inferInsert>): Promise<void> {
  const [row] = await tx
    .update(hardshipFiles)
    .set(set)
    .where(and(eq(hardshipFiles.id, file.id), eq(hardshipFiles.status, file.status), sql`date_trunc('milliseconds', ${hardshipFiles.updatedAt}) = ${file.updatedAt}`))
    .returning({ id: hardshipFiles.id });
  if (!row) throw conflict('困难档案刚被他人修改或处理，请刷新后再试');
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A status change: the level is computed again first (the year's 低保线 may have been set or changed since the
 * figures were entered), then status and stamps are written with the audit event.
 */
async function transition(
  ctx: Ctx,
  org: Org,
  file: HardshipFull,
  action: string,
  set: Partial<typeof hardshipFiles.$inferInsert> & { status: HardshipStatus },
  extra: Record<string, unknown> = {},
): Promise<void> {
  const computed = file.status === 'closed' || set.status === 'closed' ? {} : assess(file, await povertyLineFor(ctx.db, org.id, file.year));
  const changes = { status: { from: file.status, to: set.status }, ...changedNames(file, computed, COMPUTED_FIELDS), ...extra };
  await ctx.db.transaction(async (tx) => {
    await updateIfUnchanged(tx, file, { ...computed, ...set, updatedAt: new Date() });
    await audit(tx, ctx, org, action, file, changes);
  });
}

/** POST /hardship/files/:id/submit: the draft goes to the chair for approval. */
export async function submitHardshipFile(ctx: Ctx, id: string): Promise<void> {
  const { org, file } = await loadFileFor(ctx, id, 'hardship.manage');
  const refusal: Record<HardshipStatus, string> = { draft: '', submitted: '困难档案已提交，等待工会主席审批', approved: '困难档案已审批建档', closed: NOT_EDITABLE.closed };
  assertStatus(file, ['draft'], refusal[file.status]);
  await transition(ctx, org, file, 'hardship.file.submitted', { status: 'submitted' });
}

/**
 * POST /hardship/files/:id/approve (the chair): the file is 建档 with a review date a year from today. A file whose
 * level is 不符合 cannot be approved — it is corrected or closed.
 */
export async function approveHardshipFile(ctx: Ctx, id: string, now = new Date()): Promise<void> {
  const { org, file } = await loadFileFor(ctx, id, 'hardship.approve');
  assertStatus(file, ['submitted'], file.status === 'draft' ? '困难档案尚未提交审批' : file.status === 'approved' ? '困难档案已审批' : NOT_EDITABLE.closed);
  const level = assess(file, await povertyLineFor(ctx.db, org.id, file.year)).level;
  if (level === 'none') throw conflict('评定结果为“不符合”，不能建档；请核实家庭情况后修改，或关闭档案');
  const due = reviewDueOn(shanghaiToday(now));
  await transition(ctx, org, file, 'hardship.file.approved', { status: 'approved', approvedBy: ctx.actor.userId, approvedAt: now, reviewDueOn: due }, { reviewDueOn: { to: due } });
}

/**
 * POST /hardship/files/:id/reassess: the yearly re-assessment of an approved file — a new draft for the next year
 * (or the year given), copied from this one, its level computed against that year's 低保线. Returns the new id.
 */
export async function reassessHardshipFile(ctx: Ctx, id: string, year?: number): Promise<string> {
  const { org, file } = await loadFileFor(ctx, id, 'hardship.manage');
  if (file.status !== 'approved') throw conflict(file.status === 'closed' ? '困难档案已销档，不能重新评定' : '困难档案尚未审批建档，不能重新评定');
  if (file.reassessedInYear !== null) throw conflict(`该档案已于 ${file.reassessedInYear} 年度重新评定`);
  const target = year ?? file.year + 1;
  if (target <= file.year) throw fieldError('year', `重新评定的年度应晚于 ${file.year} 年`);
  if (await hasFileFor(ctx.db, org.id, file.memberId, target)) throw yearTaken(target);
  const copied = {
    householdSize: file.householdSize,
    annualIncomeFen: file.annualIncomeFen,
    unavoidableCostsFen: file.unavoidableCostsFen,
    isAccident: file.isAccident,
    household: file.household,
    reasons: file.reasons,
  };
  const computed = assess(copied, await povertyLineFor(ctx.db, org.id, target));
  return ctx.db.transaction(async (tx) => {
    const newId = await insertFile(tx, { ...copied, ...computed, orgId: org.id, memberId: file.memberId, year: target, status: 'draft', createdBy: ctx.actor.userId });
    await audit(tx, ctx, org, 'hardship.file.reassessed', { id: newId, year: target }, { from: { to: file.id }, year: { from: file.year, to: target } });
    return newId;
  });
}

/** POST /hardship/files/:id/close {reason}: 销档 (out of hardship, left the school …); the reason stays on the file. */
export async function closeHardshipFile(ctx: Ctx, id: string, reason: string, now = new Date()): Promise<void> {
  const { org, file } = await loadFileFor(ctx, id, 'hardship.manage');
  assertStatus(file, ['draft', 'submitted', 'approved'], '困难档案已销档');
  await transition(ctx, org, file, 'hardship.file.closed', { status: 'closed', closedReason: reason, closedAt: now }, { closedReason: { changed: true } });
}
