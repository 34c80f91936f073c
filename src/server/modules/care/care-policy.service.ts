import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CARE_LIMITS,
  CARE_PRESET_LABELS,
  type CarePolicy,
  type CarePolicyInput,
  type CarePreset,
  type CareRule,
  type careEventTypeCreateSchema,
  type careEventTypePatchSchema,
} from '../../../contracts/care.js';
import { can } from '../../../domain/policy.js';
import { presetPolicy } from '../../../domain/care/index.js';
import type { Db } from '../../db/client.js';
import { careEventTypes, carePovertyLines } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit, type FieldChanges } from '../audit/audit.writer.js';
import { careScope, careScopeFor } from './care.access.js';
import { careTypeView } from './care.presenter.js';
import { careSettingsOf, careTypesOf, findCareType, povertyLinesOf, ruleColumns, ruleOf, saveCareSettings, type CareSettings, type CareTypeRow } from './care.repository.js';

/*
 * The union's standards and caps (慰问标准): the event types with their rules, festival and birthday rules, ethnic
 * festivals, 低保线 per year; edited as a whole table or set from a provincial preset. Everything is audited.
 */

type Actor = { userId: string | null; name: string };

/** GET /care/policy: the table as the union keeps it (care.read to see it; care.manage to edit, as `canManage`). */
export async function getCarePolicy(ctx: Ctx): Promise<CarePolicy> {
  const scope = await careScopeFor(ctx, 'care.read');
  const [types, settings, povertyLines] = await Promise.all([careTypesOf(ctx.db, scope.union.id), careSettingsOf(ctx.db, scope.union.id), povertyLinesOf(ctx.db, scope.union.id)]);
  return {
    types: types.map(careTypeView),
    festivalCapPerYearFen: settings.festivalCapPerYearFen,
    festivalForms: settings.festivalForms,
    birthdayCapFen: settings.birthdayCapFen,
    birthdayForms: settings.birthdayForms,
    ethnicFestivals: settings.ethnicFestivals,
    povertyLines,
    preset: settings.preset,
    updatedAt: settings.updatedAt ? new Date(settings.updatedAt).toISOString() : null,
    canManage: can(ctx.actor, 'care.manage', { type: 'org', path: scope.org.path }),
  };
}

/** GET /care/event-types: everyone working in the union or a group (members register their own events with them). */
export async function listCareTypes(ctx: Ctx) {
  const scope = await careScope(ctx);
  const types = await careTypesOf(ctx.db, scope.union.id);
  return { items: types.map(careTypeView), canManage: can(ctx.actor, 'care.manage', { type: 'org', path: scope.org.path }) };
}

const settingsKeys = ['festivalCapPerYearFen', 'festivalForms', 'birthdayCapFen', 'birthdayForms', 'ethnicFestivals'] as const;
const typeAudit = (t: { name: string; kind: string; archived: boolean; rule: CareRule }) => ({ name: t.name, kind: t.kind, archived: t.archived, ...t.rule });
const rowAudit = (t: CareTypeRow) => typeAudit({ name: t.name, kind: t.kind, archived: t.archivedAt !== null, rule: ruleOf(t) });

/** What changed in one type, under its name ("生病住院.capPerEventFen"). */
function typeChanges(label: string, before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChanges {
  const diff = diffFields(before ?? {}, after, Object.keys(after));
  return Object.fromEntries(Object.entries(diff).map(([k, v]) => [`${label}.${k}`, v]));
}

const lockPolicy = (tx: Db, orgId: string) => tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`care_policy:${orgId}`}))`);

/**
 * PUT /care/policy: the whole table. Types are matched by id, else by name (a name of an archived type revives it);
 * types left out are archived (events keep theirs). One audit event lists every change.
 */
export async function putCarePolicy(ctx: Ctx, input: CarePolicyInput): Promise<CarePolicy> {
  const scope = await careScopeFor(ctx, 'care.manage');
  const orgId = scope.union.id;
  const seen = new Map<string, number>();
  input.types.forEach((t, i) => {
    if (seen.has(t.name)) throw fieldError(`types.${i}.name`, `事由类型“${t.name}”重复`);
    seen.set(t.name, i);
  });
  const years = new Set<number>();
  input.povertyLines.forEach((p, i) => {
    if (years.has(p.year)) throw fieldError(`povertyLines.${i}.year`, `${p.year} 年的低保线重复`);
    years.add(p.year);
  });
  const ethnicFestivals = [...new Set(input.ethnicFestivals)];
  await ctx.db.transaction(async (tx) => {
    await lockPolicy(tx, orgId);
    const existing = await careTypesOf(tx, orgId);
    const byId = new Map(existing.map((t) => [t.id, t]));
    const byName = new Map(existing.map((t) => [t.name, t]));
    const changes: FieldChanges = {};
    const kept = new Set<string>();
    for (const [i, t] of input.types.entries()) {
      const row = t.id ? byId.get(t.id) : byName.get(t.name);
      if (t.id && !row) throw fieldError(`types.${i}.id`, '事由类型不存在');
      const owner = byName.get(t.name);
      if (row && owner && owner.id !== row.id && !input.types.some((o) => o.id === owner.id)) {
        throw fieldError(`types.${i}.name`, `已有同名的事由类型“${t.name}”（已停用）`);
      }
      const { id: _id, name, kind, archived, ...rule } = t;
      const values = { name, kind, position: i, archivedAt: archived ? (row?.archivedAt ?? new Date()) : null, ...ruleColumns(rule) };
      Object.assign(changes, typeChanges(name, row ? rowAudit(row) : null, typeAudit({ name, kind, archived, rule })));
      if (row) {
        kept.add(row.id);
        await tx.update(careEventTypes).set(values).where(eq(careEventTypes.id, row.id));
      } else await tx.insert(careEventTypes).values({ orgId, ...values });
    }
    for (const row of existing) {
      if (kept.has(row.id) || row.archivedAt !== null) continue;
      await tx.update(careEventTypes).set({ archivedAt: new Date() }).where(eq(careEventTypes.id, row.id));
      changes[`${row.name}.archived`] = { from: false, to: true };
    }
    const before = await careSettingsOf(tx, orgId);
    const after = { ...input, ethnicFestivals };
    Object.assign(changes, diffFields(before as unknown as Record<string, unknown>, after, [...settingsKeys]));
    await saveCareSettings(tx, orgId, { ...before, ...pick(after) });
    const lines = await povertyLinesOf(tx, orgId);
    const sorted = [...input.povertyLines].sort((a, b) => a.year - b.year);
    if (JSON.stringify(lines) !== JSON.stringify(sorted)) {
      // The 低保线 decides hardship levels: only the hardship keepers (chair, 生活福利) set it.
      if (!can(ctx.actor, 'hardship.manage', { type: 'org', path: ctx.actor.org!.path })) {
        throw new AppError('FORBIDDEN', '低保线只能由工会主席或生活福利委员设置', [{ path: 'povertyLines', message: '您没有设置低保线的权限' }]);
      }
      changes.povertyLines = { from: lines, to: sorted };
      await tx.delete(carePovertyLines).where(eq(carePovertyLines.orgId, orgId));
      if (sorted.length > 0) await tx.insert(carePovertyLines).values(sorted.map((p) => ({ orgId, ...p })));
    }
    await writeAudit(tx, { orgId, actor: { userId: ctx.actor.userId, name: ctx.actor.name }, action: 'care.policy.updated', entityType: 'care_policy', entityId: orgId, entityLabel: '慰问标准', changes });
  });
  return getCarePolicy(ctx);
}

const pick = (s: Pick<CareSettings, (typeof settingsKeys)[number]>) => ({
  festivalCapPerYearFen: s.festivalCapPerYearFen,
  festivalForms: s.festivalForms,
  birthdayCapFen: s.birthdayCapFen,
  birthdayForms: s.birthdayForms,
  ethnicFestivals: s.ethnicFestivals,
});

/**
 * Sets the union's table from a preset in the caller's transaction (the route's use case and the demo data): the
 * caps of the kinds the preset names, 住院手术 added when missing, the festival and birthday rules; audited.
 */
export async function applyCarePreset(tx: Db, orgId: string, preset: CarePreset, actor: Actor): Promise<void> {
  await lockPolicy(tx, orgId);
  const existing = (await careTypesOf(tx, orgId)).filter((t) => t.archivedAt === null);
  const result = presetPolicy(preset, existing.map((t) => ({ kind: t.kind, name: t.name, rule: ruleOf(t) })));
  const byName = new Map(existing.map((t) => [t.name, t]));
  const changes: FieldChanges = {};
  for (const [position, t] of result.types.entries()) {
    const row = byName.get(t.name);
    Object.assign(changes, typeChanges(t.name, row ? rowAudit(row) : null, typeAudit({ ...t, archived: false })));
    if (row) {
      await tx.update(careEventTypes).set({ position, ...ruleColumns(t.rule) }).where(eq(careEventTypes.id, row.id));
      continue;
    }
    // A type the preset adds (住院手术) takes its place in the list; an archived one of that name comes back.
    const revived = await tx
      .update(careEventTypes)
      .set({ kind: t.kind, position, archivedAt: null, ...ruleColumns(t.rule) })
      .where(and(eq(careEventTypes.orgId, orgId), eq(careEventTypes.name, t.name)))
      .returning({ id: careEventTypes.id });
    if (revived.length === 0) await tx.insert(careEventTypes).values({ orgId, name: t.name, kind: t.kind, position, ...ruleColumns(t.rule) });
  }
  const before = await careSettingsOf(tx, orgId);
  const after = { festivalCapPerYearFen: result.festivalCapPerYearFen, festivalForms: result.festivalForms, birthdayCapFen: result.birthdayCapFen, birthdayForms: result.birthdayForms };
  Object.assign(changes, diffFields(before as unknown as Record<string, unknown>, after, Object.keys(after) as (keyof typeof after)[]));
  await saveCareSettings(tx, orgId, { ...before, ...after, preset });
  await writeAudit(tx, {
    orgId,
    actor,
    action: 'care.policy.preset',
    entityType: 'care_policy',
    entityId: orgId,
    entityLabel: `慰问标准：${CARE_PRESET_LABELS[preset]}`,
    changes: { preset: { from: before.preset, to: preset }, ...changes },
  });
}

/** POST /care/policy/preset. */
export async function setCarePreset(ctx: Ctx, preset: CarePreset): Promise<CarePolicy> {
  const scope = await careScopeFor(ctx, 'care.manage');
  await ctx.db.transaction((tx) => applyCarePreset(tx, scope.union.id, preset, { userId: ctx.actor.userId, name: ctx.actor.name }));
  return getCarePolicy(ctx);
}

/** POST /care/event-types: a type with its rule at the end of the list. */
export async function createCareType(ctx: Ctx, input: z.infer<typeof careEventTypeCreateSchema>) {
  const scope = await careScopeFor(ctx, 'care.manage');
  const orgId = scope.union.id;
  return ctx.db.transaction(async (tx) => {
    await lockPolicy(tx, orgId);
    const existing = await careTypesOf(tx, orgId);
    if (existing.filter((t) => t.archivedAt === null).length >= CARE_LIMITS.typesMax) throw fieldError('name', `事由类型最多 ${CARE_LIMITS.typesMax} 个`);
    if (existing.some((t) => t.name === input.name)) throw fieldError('name', '已有同名的事由类型');
    const { name, kind, archived, ...rule } = input;
    const position = existing.reduce((m, t) => Math.max(m, t.position), -1) + 1;
    const [row] = await tx.insert(careEventTypes).values({ orgId, name, kind, position, archivedAt: archived ? new Date() : null, ...ruleColumns(rule) }).returning();
    await writeAudit(tx, {
      orgId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'care.policy.updated',
      entityType: 'care_policy',
      entityId: orgId,
      entityLabel: '慰问标准',
      changes: typeChanges(name, null, rowAudit(row)),
    });
    return careTypeView(row);
  });
}

/** PATCH /care/event-types/:id: any part of a type (rename, rule, archive or restore). */
export async function updateCareType(ctx: Ctx, id: string, patch: z.infer<typeof careEventTypePatchSchema>) {
  const scope = await careScopeFor(ctx, 'care.manage');
  const orgId = scope.union.id;
  return ctx.db.transaction(async (tx) => {
    await lockPolicy(tx, orgId);
    const row = await findCareType(tx, orgId, id);
    if (!row) throw notFound('事由类型');
    if (patch.name !== undefined && patch.name !== row.name) {
      const [clash] = await tx.select({ id: careEventTypes.id }).from(careEventTypes).where(and(eq(careEventTypes.orgId, orgId), eq(careEventTypes.name, patch.name)));
      if (clash) throw fieldError('name', '已有同名的事由类型');
    }
    const { archived, name, kind, ...rulePatch } = patch;
    const rule = { ...ruleOf(row), ...Object.fromEntries(Object.entries(rulePatch).filter(([, v]) => v !== undefined)) } as CareRule;
    const next = { name: name ?? row.name, kind: kind ?? row.kind, archived: archived ?? row.archivedAt !== null, rule };
    const [updated] = await tx
      .update(careEventTypes)
      .set({ name: next.name, kind: next.kind, archivedAt: next.archived ? (row.archivedAt ?? new Date()) : null, ...ruleColumns(rule) })
      .where(eq(careEventTypes.id, id))
      .returning();
    const changes = typeChanges(next.name, rowAudit(row), typeAudit(next));
    if (Object.keys(changes).length > 0) {
      await writeAudit(tx, { orgId, actor: { userId: ctx.actor.userId, name: ctx.actor.name }, action: 'care.policy.updated', entityType: 'care_policy', entityId: orgId, entityLabel: '慰问标准', changes });
    }
    return careTypeView(updated);
  });
}
