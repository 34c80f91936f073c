import { HARDSHIP_REVIEW_NOTICE_DAYS } from '../../../contracts/care.js';
import { addDays, shanghaiToday } from '../../../domain/care/index.js';
import { can } from '../../../domain/policy.js';
import { forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { findFile, type HardshipFull } from './hardship.repository.js';

/*
 * Who reaches hardship data (DOMAIN.md §2, PIPL): the chair and the 生活福利 committee member of the grassroots
 * union, nobody else. A list asked for by anyone else is a 403; a file's id is a 404, so that nobody learns
 * whether a colleague has a file.
 */

export type Org = NonNullable<Ctx['actor']['org']>;
type KeeperAction = 'hardship.read' | 'hardship.manage' | 'hardship.approve';

const ownNode = (org: Org) => ({ type: 'org' as const, path: org.path });

/** Whether the actor may do the action in their current organisation. */
export function mayDo(ctx: Ctx, action: KeeperAction): boolean {
  const org = ctx.actor.org;
  return org !== null && can(ctx.actor, action, ownNode(org));
}

/** The union the actor keeps hardship files of; 403 for anyone else (lists, creations). */
export function keeperOrg(ctx: Ctx, action: 'hardship.read' | 'hardship.manage'): Org {
  if (!mayDo(ctx, action)) throw forbidden('困难职工档案仅工会主席和生活福利委员可以查看和办理');
  return ctx.actor.org!;
}

/** Today in Shanghai and the last review date that counts as due from today (the notice period ahead). */
export function reviewWindow(now = new Date()): { today: string; noticeFrom: string } {
  const today = shanghaiToday(now);
  return { today, noticeFrom: addDays(today, HARDSHIP_REVIEW_NOTICE_DAYS) };
}

/** A file of the actor's union for a keeper; 404 for everyone else and for another union's id. */
export async function loadFile(ctx: Ctx, id: string): Promise<{ org: Org; file: HardshipFull }> {
  if (!mayDo(ctx, 'hardship.read')) throw notFound('困难档案');
  const org = ctx.actor.org!;
  const file = await findFile(ctx.db, org.id, id, reviewWindow().noticeFrom);
  if (!file) throw notFound('困难档案');
  return { org, file };
}

/** The same, for a change: the keeper must also be allowed to manage (or, for approval, to approve). */
export async function loadFileFor(ctx: Ctx, id: string, action: 'hardship.manage' | 'hardship.approve'): Promise<{ org: Org; file: HardshipFull }> {
  const loaded = await loadFile(ctx, id);
  if (!mayDo(ctx, action)) throw forbidden(action === 'hardship.approve' ? '只有工会主席可以审批困难档案' : '您没有办理困难档案的权限');
  return loaded;
}
