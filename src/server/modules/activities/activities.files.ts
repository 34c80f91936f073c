import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ACTIVITY_LIMITS, ATTACHMENT_EXTENSIONS, type activityFileSchema } from '../../../contracts/activities.js';
import { activityFiles } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { activityOrg, loadActivity } from './activities.access.js';

/** A photo or an attachment of an activity as the API lists it (never its bytes). */
export type ActivityFileView = z.infer<typeof activityFileSchema>;
export type ActivityFileKind = ActivityFileView['kind'];

const FILE_KIND_LABELS: Record<ActivityFileKind, string> = { photo: '照片', attachment: '附件' };
const MB = 1024 * 1024;

/** The size limit of a kind of file, in words: "照片不能超过 5 MB". */
export function sizeLimitMessage(kind: ActivityFileKind): string {
  return kind === 'photo' ? `照片不能超过 ${ACTIVITY_LIMITS.photoMaxBytes / MB} MB` : `附件不能超过 ${ACTIVITY_LIMITS.attachmentMaxBytes / MB} MB`;
}

const startsWith = (data: Buffer, bytes: readonly number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The image type the bytes really are (JPEG, PNG or WebP), whatever the file is called; null otherwise. */
export function photoTypeOf(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (startsWith(data, JPEG)) return 'image/jpeg';
  if (startsWith(data, PNG)) return 'image/png';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const ATTACHMENT_TYPES: Record<(typeof ATTACHMENT_EXTENSIONS)[number], { mime: string; looksRight: (d: Buffer) => boolean }> = {
  '.pdf': { mime: 'application/pdf', looksRight: (d) => d.subarray(0, 1024).includes('%PDF-') },
  '.docx': { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', looksRight: (d) => startsWith(d, ZIP) },
  '.xlsx': { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', looksRight: (d) => startsWith(d, ZIP) },
  '.pptx': { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', looksRight: (d) => startsWith(d, ZIP) },
  '.jpg': { mime: 'image/jpeg', looksRight: (d) => startsWith(d, JPEG) },
  '.jpeg': { mime: 'image/jpeg', looksRight: (d) => startsWith(d, JPEG) },
  '.png': { mime: 'image/png', looksRight: (d) => startsWith(d, PNG) },
};

const isAttachmentExtension = (ext: string): ext is keyof typeof ATTACHMENT_TYPES => ext in ATTACHMENT_TYPES;

/** A file name as it is kept: the last path segment, without control characters, at most 100 characters (extension kept). */
export function storedFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name.length <= 100) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 100 - ext.length) + ext;
}

/** What an upload must be: its kind known, its type and size within the limits (checked by content, not only by name). */
export function checkUpload(kind: string | null, fileName: string, data: Buffer): { kind: ActivityFileKind; name: string; mime: string } {
  if (kind !== 'photo' && kind !== 'attachment') throw fieldError('kind', '文件类别应为 照片（photo）或 附件（attachment）');
  const name = storedFileName(fileName);
  if (name === '') throw fieldError('file', '文件名不能为空');
  if (data.length === 0) throw fieldError('file', `文件“${name}”是空的`);
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', sizeLimitMessage(kind), [{ path: 'file', message: sizeLimitMessage(kind) }]);
  if (kind === 'photo') {
    if (data.length > ACTIVITY_LIMITS.photoMaxBytes) throw tooLarge();
    const mime = photoTypeOf(data);
    if (!mime) throw fieldError('file', `“${name}”不是 JPEG、PNG 或 WebP 图片`);
    return { kind, name, mime };
  }
  if (data.length > ACTIVITY_LIMITS.attachmentMaxBytes) throw tooLarge();
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : '';
  if (!isAttachmentExtension(ext)) throw fieldError('file', `附件只能是 ${ATTACHMENT_EXTENSIONS.join('、')} 文件`);
  const type = ATTACHMENT_TYPES[ext];
  if (!type.looksRight(data)) throw fieldError('file', `“${name}”的内容与扩展名 ${ext} 不符`);
  return { kind, name, mime: type.mime };
}

const fileColumns = {
  id: activityFiles.id,
  kind: activityFiles.kind,
  name: activityFiles.name,
  mime: activityFiles.mime,
  size: activityFiles.size,
  createdAt: activityFiles.createdAt,
};

const view = (r: { id: string; kind: ActivityFileKind; name: string; mime: string; size: number; createdAt: Date | string }): ActivityFileView => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
});

/**
 * POST /activities/:id/files: keeps a photo or an attachment in the database (at most 30 per activity); audited.
 * The upload is read only once the actor and the activity have passed (nobody else makes the server read 20 MB).
 */
export async function addActivityFile(
  ctx: Ctx,
  activityId: string,
  readUpload: () => Promise<{ kind: string | null; fileName: string; data: Buffer }>,
): Promise<ActivityFileView> {
  const { org, activity } = await loadActivity(ctx, activityId, 'activity.manage');
  const upload = await readUpload();
  const file = checkUpload(upload.kind, upload.fileName, upload.data);
  return ctx.db.transaction(async (tx) => {
    // Two uploads at once must not both pass the count: they queue on a lock of this activity's files (not on
    // the activity's row, which sign-ups need).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`activity_files:${activity.id}`}))`);
    const [{ n }] = await tx.select({ n: count() }).from(activityFiles).where(eq(activityFiles.activityId, activity.id));
    if (Number(n) >= ACTIVITY_LIMITS.filesMax) throw fieldError('file', `每个活动最多上传 ${ACTIVITY_LIMITS.filesMax} 个文件，请先删除不需要的文件`);
    const [row] = await tx
      .insert(activityFiles)
      .values({ activityId: activity.id, orgId: org.id, kind: file.kind, name: file.name, mime: file.mime, size: upload.data.length, data: upload.data, uploadedBy: ctx.actor.userId })
      .returning(fileColumns);
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'activity.fileAdded',
      entityType: 'activity',
      entityId: activity.id,
      entityLabel: activity.title,
      changes: { file: { to: file.name }, kind: { to: FILE_KIND_LABELS[file.kind] }, size: { to: upload.data.length } },
    });
    return view(row);
  });
}

/** GET /activities/:id/files/:fileId: the file with its bytes, for anyone who may see the union's activities. */
export async function readActivityFile(ctx: Ctx, activityId: string, fileId: string) {
  const org = activityOrg(ctx, 'activity.read');
  const [row] = await ctx.db
    .select({ kind: activityFiles.kind, name: activityFiles.name, mime: activityFiles.mime, data: activityFiles.data })
    .from(activityFiles)
    .where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId), eq(activityFiles.orgId, org.id)))
    .limit(1);
  if (!row) throw notFound('文件');
  return { ...row, data: Buffer.from(row.data) };
}

/** DELETE /activities/:id/files/:fileId; audited. */
export async function deleteActivityFile(ctx: Ctx, activityId: string, fileId: string): Promise<void> {
  const { org, activity } = await loadActivity(ctx, activityId, 'activity.manage');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(activityFiles)
      .where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activity.id), eq(activityFiles.orgId, org.id)))
      .returning({ name: activityFiles.name, kind: activityFiles.kind });
    if (!row) throw notFound('文件');
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'activity.fileRemoved',
      entityType: 'activity',
      entityId: activity.id,
      entityLabel: activity.title,
      changes: { file: { from: row.name }, kind: { from: FILE_KIND_LABELS[row.kind] } },
    });
  });
}

/** A value for `filename*=UTF-8''…` (RFC 5987: apostrophes and brackets escaped too). */
export const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition for a stored file name: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: ActivityFileKind, name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind === 'photo' ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
