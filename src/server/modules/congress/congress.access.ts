import { can } from '../../../domain/policy.js';
import { forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { findSession, findTerm, findVote, type SessionRow, type TermRow, type VoteRow } from './congress.repository.js';

export type Org = NonNullable<Ctx['actor']['org']>;
type CongressAction = 'congress.read' | 'congress.manage';

/** The grassroots union whose congress the actor reads (or manages); else 403. */
export function congressOrg(ctx: Ctx, action: CongressAction): Org {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, action, { type: 'org', path: org.path })) {
    throw forbidden(action === 'congress.manage' ? '您在当前组织没有管理教代会的权限' : '您在当前组织没有查看教代会的权限');
  }
  return org;
}

/** Whether the actor manages the congress of the union. */
export const canManageCongress = (ctx: Ctx, org: Org) => can(ctx.actor, 'congress.manage', { type: 'org', path: org.path });

/** A term of the actor's union, or 404 ("届次不存在…"), after the permission check. */
export async function loadTerm(ctx: Ctx, id: string, action: CongressAction): Promise<{ org: Org; term: TermRow }> {
  const org = congressOrg(ctx, action);
  const term = await findTerm(ctx.db, org.id, id);
  if (!term) throw notFound('届次');
  return { org, term };
}

/** A session of the actor's union with its term, or 404. */
export async function loadSession(ctx: Ctx, id: string, action: CongressAction): Promise<{ org: Org; session: SessionRow; term: TermRow }> {
  const org = congressOrg(ctx, action);
  const found = await findSession(ctx.db, org.id, id);
  if (!found) throw notFound('会议');
  return { org, ...found };
}

/** A vote of the actor's union with its session and term, or 404. */
export async function loadVote(ctx: Ctx, id: string, action: CongressAction): Promise<{ org: Org; vote: VoteRow; session: SessionRow; term: TermRow }> {
  const org = congressOrg(ctx, action);
  const found = await findVote(ctx.db, org.id, id);
  if (!found) throw notFound('表决事项');
  return { org, ...found };
}

/** The actor as the audit names them. */
export const auditActor = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });

export const NO_MEMBER_FILE_MESSAGE = '您的账号未关联会员档案，请联系工会';
