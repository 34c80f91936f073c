import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ACTIVITY_LIMITS } from '../../../contracts/activities.js';
import { CARE_LIMITS } from '../../../contracts/care.js';
import { careFiles } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { readUpload, type Upload } from '../../http/files.js';
import { writeAudit } from '../audit/audit.writer.js';
import { checkUpload, photoTypeOf, sizeLimitMessage } from '../activities/activities.files.js';
import { loadFile, loadFileFor } from './hardship.access.js';
import { fileLabel } from './hardship.presenter.js';

/*
 * Evidence of a hardship file (income certificates, 低保证, medical bills): care_files rows with owner 'hardship',
 * bytes in the database like activity files and under the same type and size checks (photos: JPEG/PNG/WebP up to
 * 5 MB; attachments: PDF, Office, images up to 20 MB), at most CARE_LIMITS.filesMax per file. Only the keepers
 * reach them; the audit trail records that evidence changed, never its name.
 */

/** The one file of a multipart upload (field `file`, optional `kind`: photo | attachment, guessed from the bytes). */
export const readEvidenceUpload = (req: FastifyRequest) => readUpload(req, { maxBytes: ACTIVITY_LIMITS.attachmentMaxBytes, tooLarge: () => sizeLimitMessage('attachment') });

const auditEvidence = (ctx: Ctx, orgId: string, file: { id: string; year: number }, action: string) => ({
  orgId,
  actor: { userId: ctx.actor.userId, name: ctx.actor.name },
  action,
  entityType: 'hardship_file',
  entityId: file.id,
  entityLabel: fileLabel(file.year),
  changes: { files: { changed: true } },
});

/** POST /hardship/files/:id/files: keeps one piece of evidence; the upload is read only once the actor has passed. */
export async function addEvidence(ctx: Ctx, fileId: string, readUpload: () => Promise<Upload>) {
  const { org, file } = await loadFileFor(ctx, fileId, 'hardship.manage');
  if (file.status === 'closed') throw new AppError('CONFLICT', '困难档案已销档，不能再上传材料');
  const upload = await readUpload();
  const checked = checkUpload(upload.kind ?? (photoTypeOf(upload.data) ? 'photo' : 'attachment'), upload.fileName, upload.data);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`hardship_files:${file.id}`}))`);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(careFiles)
      .where(and(eq(careFiles.ownerType, 'hardship'), eq(careFiles.ownerId, file.id)));
    if (Number(n) >= CARE_LIMITS.filesMax) throw fieldError('file', `每份困难档案最多上传 ${CARE_LIMITS.filesMax} 个材料，请先删除不需要的文件`);
    const [row] = await tx
      .insert(careFiles)
      .values({ orgId: org.id, ownerType: 'hardship', ownerId: file.id, name: checked.name, mime: checked.mime, size: upload.data.length, data: upload.data, uploadedBy: ctx.actor.userId })
      .returning({ id: careFiles.id, name: careFiles.name, mime: careFiles.mime, size: careFiles.size });
    await writeAudit(tx, auditEvidence(ctx, org.id, file, 'hardship.evidence.added'));
    return row;
  });
}

/** GET /hardship/files/:id/files/:evidenceId: the evidence with its bytes, for the keepers only (404 otherwise). */
export async function readEvidence(ctx: Ctx, fileId: string, evidenceId: string) {
  const { org, file } = await loadFile(ctx, fileId);
  const [row] = await ctx.db
    .select({ name: careFiles.name, mime: careFiles.mime, data: careFiles.data })
    .from(careFiles)
    .where(and(eq(careFiles.id, evidenceId), eq(careFiles.orgId, org.id), eq(careFiles.ownerType, 'hardship'), eq(careFiles.ownerId, file.id)))
    .limit(1);
  if (!row) throw notFound('材料');
  return { ...row, data: Buffer.from(row.data) };
}

/** DELETE /hardship/files/:id/files/:evidenceId. */
export async function deleteEvidence(ctx: Ctx, fileId: string, evidenceId: string): Promise<void> {
  const { org, file } = await loadFileFor(ctx, fileId, 'hardship.manage');
  if (file.status === 'closed') throw new AppError('CONFLICT', '困难档案已销档，材料不能删除');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(careFiles)
      .where(and(eq(careFiles.id, evidenceId), eq(careFiles.orgId, org.id), eq(careFiles.ownerType, 'hardship'), eq(careFiles.ownerId, file.id)))
      .returning({ id: careFiles.id });
    if (!row) throw notFound('材料');
    await writeAudit(tx, auditEvidence(ctx, org.id, file, 'hardship.evidence.removed'));
  });
}
