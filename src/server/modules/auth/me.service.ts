import { and, eq, inArray, isNull, like, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members, orgs, roleAssignments, sessions, users } from '../../db/schema/index.js';
import { ACTIONS, can, type Actor } from '../../../domain/policy.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { hashPassword, temporaryPassword } from './passwords.js';
import { userMemberships } from './sessions.js';
import type { Me } from './me.schema.js';

/** The /me answer for a user working in `currentOrgId` (or their first organisation). */
export async function describeMe(db: Db, userId: string, currentOrgId: string | null): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const memberships = await userMemberships(db, userId);
  const current = memberships.find((m) => m.org.id === currentOrgId) ?? memberships[0] ?? null;
  const actor: Actor = {
    userId,
    isPlatformAdmin: user.isPlatformAdmin,
    org: current ? { id: current.org.id, path: current.org.path, kind: current.org.kind } : null,
    roles: current?.roles ?? [],
  };
  const resource = current ? { type: 'org' as const, path: current.org.path } : { type: 'none' as const };
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.userId, userId)).limit(1);
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      phone: user.phone,
      isPlatformAdmin: user.isPlatformAdmin,
      mustChangePassword: user.mustChangePassword,
      memberId: member?.id ?? null,
    },
    memberships: memberships.map((m) => ({
      org: { id: m.org.id, name: m.org.name, kind: m.org.kind },
      roles: m.roles,
    })),
    currentOrg: current ? { id: current.org.id, name: current.org.name, kind: current.org.kind } : null,
    abilities: ACTIONS.filter((a) => can(actor, a, resource)),
  };
}

/** Moves the session to another organisation where the user holds a role. */
export async function switchOrg(ctx: Ctx, orgId: string): Promise<Me> {
  const memberships = await userMemberships(ctx.db, ctx.actor.userId);
  if (!memberships.some((m) => m.org.id === orgId)) throw forbidden('您在该组织没有角色');
  await ctx.db.update(sessions).set({ currentOrgId: orgId }).where(eq(sessions.id, ctx.actor.sessionId));
  return describeMe(ctx.db, ctx.actor.userId, orgId);
}

/**
 * Gives a user a new temporary password (shown once) and signs them out everywhere. A platform admin may
 * reset anyone; a chair only people who hold a role in, or are on the roster of, their organisation's subtree.
 */
export async function resetPassword(ctx: Ctx, userId: string): Promise<{ temporaryPassword: string }> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound('用户');
  if (!ctx.actor.isPlatformAdmin) {
    const org = ctx.actor.org;
    if (!org || !can(ctx.actor, 'user.resetPassword', { type: 'org', path: org.path })) throw forbidden();
    if (user.isPlatformAdmin) throw forbidden('不能重置平台管理员的密码');
    const subtree = ctx.db.select({ id: orgs.id }).from(orgs).where(like(orgs.path, `${org.path}%`));
    const [inRoles] = await ctx.db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.orgId, subtree)))
      .limit(1);
    const [onRoster] = await ctx.db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.userId, userId), or(inArray(members.orgId, subtree), inArray(members.groupId, subtree))))
      .limit(1);
    if (!inRoles && !onRoster) throw notFound('用户');
    // The temporary password goes to the chair: not for an account that also acts elsewhere (another school,
    // the parent union), or a chair could take over rights they do not have.
    const [elsewhere] = await ctx.db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, userId), notInArray(roleAssignments.orgId, subtree)))
      .limit(1);
    if (elsewhere) throw forbidden('此人在其他组织也担任角色，请联系平台管理员重置密码');
    // Nor for an account linked to a member file on another roster: a chair could otherwise give any account a
    // role here (by its phone) and then read that person's file in another union as them.
    const [otherRoster] = await ctx.db
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          eq(members.userId, userId),
          notInArray(members.orgId, subtree),
          or(isNull(members.groupId), notInArray(members.groupId, subtree)),
        ),
      )
      .limit(1);
    if (otherRoster) throw forbidden('此人在其他工会的名册上，请联系平台管理员重置密码');
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await writeAudit(tx, {
      orgId: ctx.actor.org?.id ?? null,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      entityLabel: user.displayName,
    });
  });
  return { temporaryPassword: password };
}
