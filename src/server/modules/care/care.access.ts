import { can, type Action, type Resource } from '../../../domain/policy.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { findCareEvent, unionOfPath, type CareEventFull } from './care.repository.js';

export type Org = NonNullable<Ctx['actor']['org']>;

/**
 * Where the actor does care work: the grassroots union whose rows they touch, and, for a group leader working in a
 * union group, that group (they reach its members only).
 */
export interface CareScope {
  union: { id: string; path: string };
  /** The organisation the actor works in (the union itself, or one of its groups). */
  org: Org;
  /** The group the actor works in, or null in the union itself. */
  groupId: string | null;
}

/** The actor's care scope; 403 outside a grassroots union or one of its groups. */
export async function careScope(ctx: Ctx): Promise<CareScope> {
  const org = ctx.actor.org;
  if (!org || (org.kind !== 'grassroots' && org.kind !== 'group')) throw forbidden('请在基层工会或工会小组中进行慰问工作');
  if (org.kind === 'grassroots') return { union: { id: org.id, path: org.path }, org, groupId: null };
  const union = await unionOfPath(ctx.db, org.path);
  if (!union) throw forbidden('请在基层工会或工会小组中进行慰问工作');
  return { union, org, groupId: org.id };
}

/** The actor's scope when they may do an organisation-wide care action (lists, the policy, exports); else 403. */
export async function careScopeFor(ctx: Ctx, action: 'care.read' | 'care.manage'): Promise<CareScope> {
  const scope = await careScope(ctx);
  if (!can(ctx.actor, action, { type: 'org', path: scope.org.path })) {
    throw forbidden(action === 'care.manage' ? '您在当前组织没有管理慰问标准的权限' : '您在当前组织没有查看慰问工作的权限');
  }
  return scope;
}

/** The policy resource of a member of the union (their group's path places them under a group leader). */
export function careMemberResource(scope: CareScope, m: { groupPath: string | null; userId: string | null }): Resource {
  return { type: 'member', orgPath: scope.union.path, groupPath: m.groupPath, userId: m.userId };
}

/** Whether the actor may do a care action for a member of the union. */
export const canForMember = (ctx: Ctx, scope: CareScope, action: Action, m: { groupPath: string | null; userId: string | null }) =>
  can(ctx.actor, action, careMemberResource(scope, m));

const REFUSALS: Partial<Record<Action, string>> = {
  'care.visit': '您没有为该会员登记慰问的权限',
  'care.register': '您没有为该会员登记慰问事由的权限',
};

/**
 * An event of the union the actor may act on. An event the actor may not even read is not found (404, "慰问记录
 * 不存在…"); one they may read but not act on is refused (403).
 */
export async function loadCareEvent(ctx: Ctx, id: string, action: 'care.read' | 'care.register' | 'care.visit'): Promise<{ scope: CareScope; event: CareEventFull }> {
  const scope = await careScope(ctx);
  const event = await findCareEvent(ctx.db, scope.union.id, id);
  const member = event ? { groupPath: event.groupPath, userId: event.memberUserId } : null;
  if (!event || !member || !canForMember(ctx, scope, 'care.read', member)) throw notFound('慰问记录');
  if (action !== 'care.read' && !canForMember(ctx, scope, action, member)) throw forbidden(REFUSALS[action]);
  return { scope, event };
}

/** The refusal of an override by anyone but the chair. */
export const OVERRIDE_REFUSED = '只有工会主席可以批准超标准慰问';

/** Refuses a change to a closed event. */
export function assertNotClosed(event: { status: string }, what: string): void {
  if (event.status === 'closed') throw new AppError('CONFLICT', `该慰问事由已关闭，不能再${what}`);
}
