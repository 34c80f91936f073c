import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { ACTIVITY_LIMITS, type activityTypeCreateSchema, type activityTypePatchSchema } from '../../../contracts/activities.js';
import { activityTypes } from '../../db/schema/index.js';
import { fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { activityOrg, canManageActivities } from './activities.access.js';
import { typeView } from './activities.presenter.js';
import { findType, typesOf } from './activities.repository.js';

/** The organisation's activity types (the default list on first use), archived ones included and flagged. */
export async function listTypes(ctx: Ctx) {
  const org = activityOrg(ctx, 'activity.read');
  const rows = await typesOf(ctx.db, org.id);
  return { items: rows.map(typeView), canManage: canManageActivities(ctx, org) };
}

/** Adds a type at the end of the list. */
export async function createType(ctx: Ctx, input: z.infer<typeof activityTypeCreateSchema>) {
  const org = activityOrg(ctx, 'activity.manage');
  const existing = await typesOf(ctx.db, org.id);
  if (existing.length >= ACTIVITY_LIMITS.typesMax) throw fieldError('name', `活动类型最多 ${ACTIVITY_LIMITS.typesMax} 个`);
  if (existing.some((t) => t.name === input.name)) throw fieldError('name', '已有同名的活动类型');
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx.select({ position: max(activityTypes.position) }).from(activityTypes).where(eq(activityTypes.orgId, org.id));
    const [row] = await tx
      .insert(activityTypes)
      .values({ orgId: org.id, name: input.name, kind: input.kind, position: (last?.position ?? -1) + 1 })
      .returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'activityType.created',
      entityType: 'activity_type',
      entityId: row.id,
      entityLabel: row.name,
      changes: { name: { to: row.name }, kind: { to: row.kind } },
    });
    return typeView(row);
  });
}

/** Renames a type or archives it (an archived type stays on its activities and is no longer offered). */
export async function updateType(ctx: Ctx, id: string, patch: z.infer<typeof activityTypePatchSchema>) {
  const org = activityOrg(ctx, 'activity.manage');
  const type = await findType(ctx.db, org.id, id);
  if (!type) throw notFound('活动类型');
  const next = { name: patch.name ?? type.name, archived: patch.archived ?? type.archivedAt !== null };
  const changes = diffFields({ name: type.name, archived: type.archivedAt !== null }, next, ['name', 'archived']);
  if (Object.keys(changes).length === 0) return typeView(type);
  if (changes.name) {
    const others = await typesOf(ctx.db, org.id);
    if (others.some((t) => t.id !== id && t.name === next.name)) throw fieldError('name', '已有同名的活动类型');
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(activityTypes)
      .set({ name: next.name, archivedAt: next.archived ? (type.archivedAt ?? new Date()) : null })
      .where(eq(activityTypes.id, id))
      .returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'activityType.updated',
      entityType: 'activity_type',
      entityId: id,
      entityLabel: row.name,
      changes,
    });
    return typeView(row);
  });
}

