import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { members, orgs, roleAssignments, sessions, users } from '../../db/schema/index.js';
import { ORG_CHILD_KINDS, ORG_KIND_LABELS, ROLE_LABELS, ROLES_BY_KIND } from '../../../contracts/roles.js';
import { can } from '../../../domain/policy.js';
import { maskPhone } from '../../../domain/masking.js';
import { normalizePhone } from '../../../domain/phone.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { hashPassword, temporaryPassword } from '../auth/passwords.js';
import type { assignRoleBody, createOrgBody, updateOrgBody } from './orgs.schema.js';

type OrgRow = typeof orgs.$inferSelect;

/** Loads an organisation the actor can see, or 404 (never 403, so ids of others' rows reveal nothing). */
export async function loadOrg(ctx: Ctx, id: string): Promise<OrgRow> {
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, id)).limit(1);
  if (!org || !can(ctx.actor, 'org.read', { type: 'org', path: org.path })) throw notFound('组织');
  return org;
}

/** The grassroots union (基层工会) a node belongs to: itself, or its nearest such ancestor. */
export async function grassrootsOf(db: Db, org: OrgRow): Promise<OrgRow | null> {
  if (org.kind === 'grassroots') return org;
  const ids = org.path.split('/').filter(Boolean);
  const rows = await db.select().from(orgs).where(and(inArray(orgs.id, ids), eq(orgs.kind, 'grassroots')));
  return rows[0] ?? null;
}

/** The organisations the actor can see: the whole tree for a platform admin, else the current subtree. */
export async function listOrgTree(ctx: Ctx) {
  const base = ctx.actor.isPlatformAdmin ? '/' : ctx.actor.org?.path;
  if (!base) return [];
  const rows = await ctx.db
    .select({
      id: orgs.id,
      parentId: orgs.parentId,
      kind: orgs.kind,
      name: orgs.name,
      department: orgs.department,
      path: orgs.path,
      // Columns of the outer table are written out in full: Drizzle leaves them unqualified here.
      memberCount: sql<number>`(
        SELECT count(*)::int FROM members m
        WHERE (m.org_id = orgs.id OR m.group_id = orgs.id)
          AND m.membership_status IN ('normal', 'reserved'))`,
    })
    .from(orgs)
    .where(like(orgs.path, `${base}%`))
    .orderBy(orgs.path);
  return rows
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.name.localeCompare(b.name, 'zh'))
    .map(({ path, ...r }) => ({
      ...r,
      canManage: can(ctx.actor, 'org.manageGroups', { type: 'org', path }) || ctx.actor.isPlatformAdmin,
    }));
}

/** Finds an account by phone, or opens one with a temporary password (returned once). */
async function ensureAccount(tx: Db, name: string, phone: string) {
  const normal = normalizePhone(phone);
  const [existing] = await tx.select().from(users).where(eq(users.phone, normal)).limit(1);
  if (existing) return { user: existing, temporaryPassword: null as string | null };
  const password = temporaryPassword();
  const [user] = await tx
    .insert(users)
    .values({ displayName: name, phone: normal, passwordHash: await hashPassword(password), mustChangePassword: true })
    .returning();
  return { user, temporaryPassword: password };
}

/**
 * Creates an organisation. A platform admin creates any node (and may name its chair); a chair creates
 * sub-unions and union groups inside their own organisation.
 */
export async function createOrg(ctx: Ctx, input: z.infer<typeof createOrgBody>) {
  let parent: OrgRow | null = null;
  if (input.parentId) {
    parent = await loadOrg(ctx, input.parentId).catch(() => {
      throw fieldError('parentId', '上级组织不存在或无权操作');
    });
    if (!ORG_CHILD_KINDS[parent.kind].includes(input.kind)) {
      throw fieldError('kind', `${ORG_KIND_LABELS[parent.kind]}下不能建立${ORG_KIND_LABELS[input.kind]}`);
    }
  } else if (input.kind !== 'parent' && input.kind !== 'grassroots') {
    throw fieldError('parentId', `${ORG_KIND_LABELS[input.kind]}必须有上级组织`);
  }
  const isAdmin = ctx.actor.isPlatformAdmin;
  const mayCreateChild = parent !== null && can(ctx.actor, 'org.manageGroups', { type: 'org', path: parent.path });
  if (!isAdmin && !(mayCreateChild && (input.kind === 'group' || input.kind === 'sub'))) throw forbidden();
  if (input.chair && !isAdmin) throw forbidden('只有平台管理员可以指定工会主席');

  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(parent ? eq(orgs.parentId, parent.id) : sql`${orgs.parentId} IS NULL`, eq(orgs.name, input.name)))
      .limit(1);
    if (dup) throw fieldError('name', '同一上级下已有同名组织');
    const id = crypto.randomUUID();
    const [org] = await tx
      .insert(orgs)
      .values({
        id,
        parentId: parent?.id ?? null,
        kind: input.kind,
        name: input.name,
        department: input.department ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
      })
      .returning();
    let chairPassword: string | null = null;
    if (input.chair) {
      const { user, temporaryPassword: pw } = await ensureAccount(tx, input.chair.name, input.chair.phone);
      chairPassword = pw;
      await tx.insert(roleAssignments).values({ userId: user.id, orgId: org.id, role: 'chair' });
    }
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'org.created',
      entityType: 'org',
      entityId: org.id,
      entityLabel: org.name,
      changes: {
        kind: { to: input.kind },
        name: { to: input.name },
        parent: { to: parent?.name ?? null },
        ...(input.chair ? { chair: { to: `${input.chair.name} ${maskPhone(input.chair.phone)}` } } : {}),
      },
    });
    return { org, chairTemporaryPassword: chairPassword };
  });
}

/** Renames an organisation node (or changes the department a group follows). */
export async function updateOrg(ctx: Ctx, id: string, input: z.infer<typeof updateOrgBody>) {
  const org = await loadOrg(ctx, id);
  if (!ctx.actor.isPlatformAdmin && !(org.kind !== 'parent' && org.kind !== 'grassroots' && can(ctx.actor, 'org.manageGroups', { type: 'org', path: org.path }))) {
    throw forbidden();
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.name !== undefined && input.name !== org.name) changes.name = { from: org.name, to: input.name };
  if (input.department !== undefined && input.department !== org.department) changes.department = { from: org.department, to: input.department };
  // Nothing to change (an empty body, or the same values): no write and no audit event.
  if (Object.keys(changes).length === 0) return org;
  return ctx.db.transaction(async (tx) => {
    if (changes.name && input.name) {
      const [dup] = await tx
        .select({ id: orgs.id })
        .from(orgs)
        .where(and(org.parentId ? eq(orgs.parentId, org.parentId) : sql`${orgs.parentId} IS NULL`, eq(orgs.name, input.name)))
        .limit(1);
      if (dup) throw fieldError('name', '同一上级下已有同名组织');
    }
    const [updated] = await tx.update(orgs).set(input).where(eq(orgs.id, id)).returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'org.updated',
      entityType: 'org',
      entityId: org.id,
      entityLabel: updated.name,
      changes,
    });
    return updated;
  });
}

/** Removes an empty union group or sub-union (no members, no child nodes, no roles). */
export async function deleteOrg(ctx: Ctx, id: string): Promise<void> {
  const org = await loadOrg(ctx, id);
  if (org.kind !== 'group' && org.kind !== 'sub') throw new AppError('CONFLICT', '只能删除分工会或工会小组');
  if (!can(ctx.actor, 'org.manageGroups', { type: 'org', path: org.path }) && !ctx.actor.isPlatformAdmin) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx.select({ n: count() }).from(members).where(eq(members.groupId, id));
    const [c] = await tx.select({ n: count() }).from(orgs).where(eq(orgs.parentId, id));
    if (m.n > 0) throw new AppError('CONFLICT', `该组织还有 ${m.n} 名会员，请先调整到其他小组`);
    if (c.n > 0) throw new AppError('CONFLICT', '该组织下还有下级组织');
    await tx.delete(roleAssignments).where(eq(roleAssignments.orgId, id));
    // Sessions working in the node fall back to the person's next organisation (the column references orgs).
    await tx.update(sessions).set({ currentOrgId: null }).where(eq(sessions.currentOrgId, id));
    await tx.delete(orgs).where(eq(orgs.id, id));
    await writeAudit(tx, {
      orgId: org.parentId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'org.deleted',
      entityType: 'org',
      entityId: org.id,
      entityLabel: org.name,
      changes: { name: { from: org.name } },
    });
  });
}

function assertMayManageRoles(ctx: Ctx, org: OrgRow) {
  if (ctx.actor.isPlatformAdmin) return;
  if (!can(ctx.actor, 'org.manageRoles', { type: 'org', path: org.path })) {
    // A chair manages the roles of their union and of the groups beneath it. Not a parent union's chair: the
    // groups beneath a parent union are its schools' groups, and a role there opens the members' files.
    const parentOk =
      org.kind === 'group' &&
      ctx.actor.org !== null &&
      ctx.actor.org.kind !== 'parent' &&
      org.path.startsWith(ctx.actor.org.path) &&
      can(ctx.actor, 'org.manageRoles', { type: 'org', path: ctx.actor.org.path });
    if (!parentOk) throw forbidden();
  }
}

/** Everyone holding a role in an organisation. Phones are masked unless the actor may manage roles there. */
export async function listRoles(ctx: Ctx, orgId: string) {
  const org = await loadOrg(ctx, orgId);
  const rows = await ctx.db
    .select({
      id: roleAssignments.id,
      userId: users.id,
      displayName: users.displayName,
      phone: users.phone,
      role: roleAssignments.role,
      portfolio: roleAssignments.portfolio,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.orgId, org.id));
  let mayManage = true;
  try {
    assertMayManageRoles(ctx, org);
  } catch {
    mayManage = false;
  }
  return rows
    .map((r) => ({ ...r, phone: mayManage ? r.phone : maskPhone(r.phone) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
}

/** Gives a person a role in an organisation, opening an account if they have none. */
export async function assignRole(ctx: Ctx, orgId: string, input: z.infer<typeof assignRoleBody>) {
  const org = await loadOrg(ctx, orgId);
  assertMayManageRoles(ctx, org);
  if (!ROLES_BY_KIND[org.kind].includes(input.role)) {
    throw fieldError('role', `${ORG_KIND_LABELS[org.kind]}不设“${ROLE_LABELS[input.role]}”角色`);
  }
  if (input.role === 'parent_admin' && !ctx.actor.isPlatformAdmin) throw forbidden('只有平台管理员可以指定上级工会管理员');
  return ctx.db.transaction(async (tx) => {
    let name = input.name ?? '';
    let phone = input.phone ?? '';
    let memberRow: typeof members.$inferSelect | undefined;
    if (input.memberId) {
      [memberRow] = await tx.select().from(members).where(eq(members.id, input.memberId)).limit(1);
      const union = await grassrootsOf(tx, org);
      if (!memberRow || !union || memberRow.orgId !== union.id) throw fieldError('memberId', '会员不存在或不属于本工会');
      name = memberRow.name;
      if (!memberRow.userId && !memberRow.phone) throw fieldError('memberId', '该会员没有手机号，无法开通账号，请先补充手机号');
      phone = memberRow.phone ?? '';
    }
    let userId: string;
    let temporary: string | null = null;
    if (memberRow?.userId) userId = memberRow.userId;
    else {
      const acc = await ensureAccount(tx, name, phone);
      userId = acc.user.id;
      temporary = acc.temporaryPassword;
      if (memberRow) await tx.update(members).set({ userId }).where(eq(members.id, memberRow.id));
    }
    const [dup] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.orgId, org.id), eq(roleAssignments.role, input.role), eq(roleAssignments.portfolio, input.portfolio)))
      .limit(1);
    if (dup) throw new AppError('CONFLICT', '此人已担任该角色');
    const [assignment] = await tx
      .insert(roleAssignments)
      .values({ userId, orgId: org.id, role: input.role, portfolio: input.portfolio })
      .returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'role.assigned',
      entityType: 'role',
      entityId: assignment.id,
      entityLabel: name,
      changes: { role: { to: ROLE_LABELS[input.role] }, ...(input.portfolio ? { portfolio: { to: input.portfolio } } : {}) },
    });
    return { assignmentId: assignment.id, userId, temporaryPassword: temporary };
  });
}

/** Takes a role away. A chair cannot remove their own chair role (ask the platform admin or another chair). */
export async function removeRole(ctx: Ctx, assignmentId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ a: roleAssignments, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.id, assignmentId))
    .limit(1);
  if (!row) throw notFound('角色');
  const org = await loadOrg(ctx, row.a.orgId);
  assertMayManageRoles(ctx, org);
  if (row.a.userId === ctx.actor.userId && row.a.role === 'chair' && !ctx.actor.isPlatformAdmin) {
    throw new AppError('CONFLICT', '不能撤销自己的主席角色');
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'role.removed',
      entityType: 'role',
      entityId: assignmentId,
      entityLabel: row.name,
      changes: { role: { from: ROLE_LABELS[row.a.role] }, ...(row.a.portfolio ? { portfolio: { from: row.a.portfolio } } : {}) },
    });
  });
}
