import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { CARE_LIMITS } from '../../../contracts/care.js';
import { careFiles } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { readUpload } from '../../http/files.js';
import { writeAudit } from '../audit/audit.writer.js';
import { photoTypeOf, storedFileName } from '../activities/activities.files.js';
import { assertNotClosed, careScope, loadCareEvent } from './care.access.js';
import { findCareVisit } from './care.repository.js';

/*
 * Evidence of care events (诊断证明, 出院记录 …: images or PDF) and photos of visits (images), kept in the database
 * as bytes like activity files, so every process and every backup has them. Hardship files (S3) keep theirs here too.
 */

/** What an uploaded care file is for: an event's evidence (image or PDF), a visit's photo (image only). */
export type CareFileKind = 'evidence' | 'photo';
const MB = 1024 * 1024;
export const CARE_FILE_TOO_LARGE = `文件不能超过 ${CARE_LIMITS.fileMaxBytes / MB} MB`;

/** The type the bytes really are, whatever the file is called; refused with the field named otherwise. */
export function checkCareUpload(kind: CareFileKind, fileName: string, data: Buffer): { name: string; mime: string } {
  const name = storedFileName(fileName);
  if (name === '') throw fieldError('file', '文件名不能为空');
  if (data.length === 0) throw fieldError('file', `文件“${name}”是空的`);
  if (data.length > CARE_LIMITS.fileMaxBytes) throw new AppError('PAYLOAD_TOO_LARGE', CARE_FILE_TOO_LARGE, [{ path: 'file', message: CARE_FILE_TOO_LARGE }]);
  const image = photoTypeOf(data);
  if (image) return { name, mime: image };
  if (kind === 'evidence' && data.subarray(0, 5).toString('latin1') === '%PDF-') return { name, mime: 'application/pdf' };
  throw fieldError('file', kind === 'photo' ? `“${name}”不是 JPEG、PNG 或 WebP 图片` : `“${name}”不是图片（JPEG、PNG、WebP）或 PDF 文件`);
}

/** The one file of a multipart upload (field `file`), refused past the care file limit while it is read. */
export const readCareUpload = (req: FastifyRequest) => readUpload(req, { maxBytes: CARE_LIMITS.fileMaxBytes, tooLarge: () => CARE_FILE_TOO_LARGE });

type Owner = { type: 'event' | 'visit'; id: string; eventId: string; label: string };

/** Stores a checked file of an owner (at most CARE_LIMITS.filesMax each); audited on the event. */
async function storeFile(ctx: Ctx, unionId: string, owner: Owner, kind: CareFileKind, upload: { fileName: string; data: Buffer }) {
  const file = checkCareUpload(kind, upload.fileName, upload.data);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`care_files:${owner.id}`}))`);
    const [{ n }] = await tx.select({ n: count() }).from(careFiles).where(and(eq(careFiles.ownerType, owner.type), eq(careFiles.ownerId, owner.id)));
    if (Number(n) >= CARE_LIMITS.filesMax) throw fieldError('file', `最多上传 ${CARE_LIMITS.filesMax} 个文件`);
    const [row] = await tx
      .insert(careFiles)
      .values({ orgId: unionId, ownerType: owner.type, ownerId: owner.id, name: file.name, mime: file.mime, size: upload.data.length, data: upload.data, uploadedBy: ctx.actor.userId })
      .returning({ id: careFiles.id, name: careFiles.name, mime: careFiles.mime, size: careFiles.size });
    await writeAudit(tx, {
      orgId: unionId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: owner.type === 'event' ? 'care.event.fileAdded' : 'care.visit.fileAdded',
      entityType: 'care_event',
      entityId: owner.eventId,
      entityLabel: owner.label,
      changes: { file: { to: file.name }, size: { to: upload.data.length } },
    });
    return row;
  });
}

/** POST /care/events/:id/files: evidence, by whoever may register the event (the member too); read after the checks. */
export async function addEventFile(ctx: Ctx, eventId: string, read: () => Promise<{ fileName: string; data: Buffer }>) {
  const { scope, event } = await loadCareEvent(ctx, eventId, 'care.register');
  assertNotClosed(event, '上传材料');
  const upload = await read();
  return storeFile(ctx, scope.union.id, { type: 'event', id: event.id, eventId: event.id, label: `${event.memberName}·${event.typeName}` }, 'evidence', upload);
}

/** The visit of the union the actor may act on, through its event (404 for another union's or another group's). */
async function loadVisit(ctx: Ctx, visitId: string, action: 'care.read' | 'care.visit') {
  const scope = await careScope(ctx);
  const visit = await findCareVisit(ctx.db, scope.union.id, visitId);
  if (!visit) throw notFound('慰问记录');
  const { event } = await loadCareEvent(ctx, visit.eventId, action);
  return { scope, visit, event };
}

/** POST /care/visits/:id/files: a photo of the visit, by those who may record visits. */
export async function addVisitFile(ctx: Ctx, visitId: string, read: () => Promise<{ fileName: string; data: Buffer }>) {
  const { scope, visit, event } = await loadVisit(ctx, visitId, 'care.visit');
  assertNotClosed(event, '上传照片');
  const upload = await read();
  return storeFile(ctx, scope.union.id, { type: 'visit', id: visit.id, eventId: event.id, label: `${event.memberName}·${event.typeName}` }, 'photo', upload);
}

async function fileOf(ctx: Ctx, unionId: string, ownerType: 'event' | 'visit', ownerId: string, fileId: string) {
  const [row] = await ctx.db
    .select({ name: careFiles.name, mime: careFiles.mime, data: careFiles.data })
    .from(careFiles)
    .where(and(eq(careFiles.id, fileId), eq(careFiles.orgId, unionId), eq(careFiles.ownerType, ownerType), eq(careFiles.ownerId, ownerId)))
    .limit(1);
  if (!row) throw notFound('文件');
  return { ...row, data: Buffer.from(row.data) };
}

/** GET /care/events/:id/files/:fileId: for whoever may read the event. */
export async function readEventFile(ctx: Ctx, eventId: string, fileId: string) {
  const { scope, event } = await loadCareEvent(ctx, eventId, 'care.read');
  return fileOf(ctx, scope.union.id, 'event', event.id, fileId);
}

/** GET /care/visits/:id/files/:fileId: for whoever may read the visit's event. */
export async function readVisitFile(ctx: Ctx, visitId: string, fileId: string) {
  const { scope, visit } = await loadVisit(ctx, visitId, 'care.read');
  return fileOf(ctx, scope.union.id, 'visit', visit.id, fileId);
}
