import { can } from '../../../domain/policy.js';
import { forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { findEvaluation, type EvaluationRow } from './evaluations.repository.js';

export type Org = NonNullable<Ctx['actor']['org']>;
type EvaluationAction = 'evaluation.read' | 'evaluation.manage';

/** The grassroots union whose evaluations the actor reads (or manages); else 403. */
export function evaluationOrg(ctx: Ctx, action: EvaluationAction): Org {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, action, { type: 'org', path: org.path })) {
    throw forbidden(action === 'evaluation.manage' ? '您在当前组织没有管理民主测评的权限' : '您在当前组织没有查看民主测评的权限');
  }
  return org;
}

/** Whether the actor manages the union's evaluations. */
export const canManageEvaluations = (ctx: Ctx, org: Org) => can(ctx.actor, 'evaluation.manage', { type: 'org', path: org.path });

/**
 * An evaluation of the actor's union, after the permission check, or 404 — a draft too, for anyone who does not
 * manage evaluations (a draft is not shown to voters until it is published).
 */
export async function loadEvaluation(ctx: Ctx, id: string, action: EvaluationAction): Promise<{ org: Org; evaluation: EvaluationRow; isManager: boolean }> {
  const org = evaluationOrg(ctx, action);
  const evaluation = await findEvaluation(ctx.db, org.id, id);
  const isManager = action === 'evaluation.manage' || canManageEvaluations(ctx, org);
  if (!evaluation || (evaluation.status === 'draft' && !isManager)) throw notFound('民主测评');
  return { org, evaluation, isManager };
}

/** The actor as the audit names them. */
export const auditActor = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });

/** Who closes an evaluation whose window has ended, when no person does. */
export const SYSTEM_ACTOR = { userId: null, name: '系统' };

export const NO_MEMBER_FILE_MESSAGE = '您的账号未关联会员档案，请联系工会';
export const NOT_ON_ROLL_MESSAGE = '您不在本次测评的参评人员范围内';
export const ALREADY_VOTED_MESSAGE = '您已参加过本次测评，每人只能提交一次';
export const NOT_OPEN_MESSAGE = '测评尚未开始';
export const CLOSED_MESSAGE = '测评已结束';
