import type { Audience } from '../../../contracts/activities.js';
import { audienceLabel } from '../../../domain/activities/index.js';
import { can } from '../../../domain/policy.js';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { clubNames, findActivity, findActivityRow, groupNames, type ActivityFull, type ActivityRow } from './activities.repository.js';

export type Org = NonNullable<Ctx['actor']['org']>;

/** The grassroots union the actor works in, when they may read (or manage) its activities there; else 403. */
export function activityOrg(ctx: Ctx, action: 'activity.read' | 'activity.manage'): Org {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, action, { type: 'org', path: org.path })) {
    throw forbidden(action === 'activity.manage' ? '您在当前组织没有管理活动的权限' : '您在当前组织没有查看活动的权限');
  }
  return org;
}

/** Whether the actor manages activities in the organisation. */
export const canManageActivities = (ctx: Ctx, org: Org) => can(ctx.actor, 'activity.manage', { type: 'org', path: org.path });

/** An activity of the actor's union, or 404 ("活动不存在…"), after the permission check. */
export async function loadActivity(ctx: Ctx, id: string, action: 'activity.read' | 'activity.manage'): Promise<{ org: Org; activity: ActivityFull }> {
  const org = activityOrg(ctx, action);
  const activity = await findActivity(ctx.db, org.id, id);
  if (!activity) throw notFound('活动');
  return { org, activity };
}

/** The same, without the names and counts: for a member's sign-up, cancellation and check-in, which are hot paths. */
export async function loadActivityRow(ctx: Ctx, id: string, action: 'activity.read' | 'activity.manage'): Promise<{ org: Org; activity: ActivityRow }> {
  const org = activityOrg(ctx, action);
  const activity = await findActivityRow(ctx.db, org.id, id);
  if (!activity) throw notFound('活动');
  return { org, activity };
}

/** Refusal of a member outside the audience, naming who is invited. */
export const outsideAudienceMessage = (audienceText: string) => `您不在本活动的参加对象范围内（参加对象：${audienceText}）`;
export const NO_MEMBER_FILE_MESSAGE = '您的账号未关联会员档案，请联系工会';

/** Audiences in words, with the names of the groups and interest groups they name. */
export async function audienceTexts(db: Db, orgId: string, audiences: Audience[]): Promise<string[]> {
  const groupIds = [...new Set(audiences.flatMap((a) => (a.kind === 'groups' ? a.groupIds : [])))];
  const clubIds = [...new Set(audiences.flatMap((a) => (a.kind === 'club' ? [a.clubId] : [])))];
  const [groups, clubs] = await Promise.all([groupNames(db, groupIds), clubNames(db, orgId, clubIds)]);
  return audiences.map((a) => audienceLabel(a, { groups, clubName: a.kind === 'club' ? (clubs[a.clubId] ?? null) : null }));
}

/** The audience in words for one activity. */
export async function audienceTextOf(db: Db, orgId: string, audience: Audience): Promise<string> {
  return (await audienceTexts(db, orgId, [audience]))[0];
}

