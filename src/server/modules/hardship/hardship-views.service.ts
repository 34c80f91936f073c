import type { z } from 'zod';
import type { HardshipFileDetail, HardshipList, HardshipMy, hardshipListQuerySchema } from '../../../contracts/care.js';
import type { Ctx } from '../../http/context.js';
import { keeperOrg, loadFile, mayDo, reviewWindow } from './hardship.access.js';
import { assistanceView, fileAbilities, fileDetail, fileSummary, ownFile } from './hardship.presenter.js';
import { assistanceRows, evidenceOf, fileRows, ownFileRows, reviewDueCount } from './hardship.repository.js';

/** GET /hardship/files: the union's files for their keepers (403 for anyone else), with the count due for review. */
export async function listHardshipFiles(ctx: Ctx, q: z.infer<typeof hardshipListQuerySchema>): Promise<HardshipList> {
  const org = keeperOrg(ctx, 'hardship.read');
  const { noticeFrom } = reviewWindow();
  const [rows, due] = await Promise.all([
    fileRows(ctx.db, org.id, { status: q.status, level: q.level, year: q.year, reviewDueOnly: q.reviewDue === 'true' }, noticeFrom),
    reviewDueCount(ctx.db, org.id, noticeFrom),
  ]);
  return { items: rows.map(fileSummary), reviewDue: due, canManage: mayDo(ctx, 'hardship.manage'), canApprove: mayDo(ctx, 'hardship.approve') };
}

/** GET /hardship/files/:id: a file's page for its keepers; 404 for everyone else. */
export async function getHardshipFile(ctx: Ctx, id: string): Promise<HardshipFileDetail> {
  const { org, file } = await loadFile(ctx, id);
  const [files, assistance] = await Promise.all([evidenceOf(ctx.db, org.id, file.id), assistanceRows(ctx.db, org.id, { fileId: file.id })]);
  const can = fileAbilities(file, { manage: mayDo(ctx, 'hardship.manage'), approve: mayDo(ctx, 'hardship.approve') });
  return fileDetail(file, { files, assistance: assistance.map(assistanceView), can });
}

/** GET /hardship/my: the signed-in member's own files (any union they are on the roll of), without keepers' notes. */
export async function myHardshipFiles(ctx: Ctx): Promise<HardshipMy> {
  const rows = await ownFileRows(ctx.db, ctx.actor.userId, reviewWindow().noticeFrom);
  return { items: rows.map(ownFile) };
}

/**
 * For the home page of a hardship keeper (the chair, the 生活福利 committee member): how many of the union's files
 * are due for re-assessment — approved, not re-assessed, review date within 30 days or past. Null for anyone
 * else, who must not even learn that files exist.
 */
export async function hardshipReviewsDue(ctx: Ctx): Promise<number | null> {
  if (!mayDo(ctx, 'hardship.read')) return null;
  return reviewDueCount(ctx.db, ctx.actor.org!.id, reviewWindow().noticeFrom);
}
