import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExportFile } from '../modules/activities/activities.export.js';
import { contentDisposition, encodeRfc5987 } from '../modules/activities/activities.files.js';
import { AppError, fieldError } from './app-error.js';

/** How a module reads its uploads: the size limit and its refusal (which may depend on the `kind` field). */
export interface UploadRule {
  maxBytes: number;
  tooLarge: (kind: string | null) => string;
  /** The refusal of a request that is not multipart, when the module's form has more than the file. */
  notMultipart?: string;
}

/** One uploaded file with the `kind` field sent along, if any. */
export interface Upload {
  kind: string | null;
  fileName: string;
  data: Buffer;
}

/**
 * The one file of a multipart upload (field `file`) and its optional `kind` field, in either order, refused past
 * the size limit while it is read (nobody makes the server hold more than that).
 */
export async function readUpload(req: FastifyRequest, rule: UploadRule): Promise<Upload> {
  if (!req.isMultipart()) throw fieldError('file', rule.notMultipart ?? '请以 multipart/form-data 上传文件（字段 file）');
  let kind: string | null = null;
  let upload: { fileName: string; data: Buffer } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: rule.maxBytes, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') upload = { fileName: part.filename, data };
      } else if (part.fieldname === 'kind') kind = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const message = rule.tooLarge(kind);
      throw new AppError('PAYLOAD_TOO_LARGE', message, [{ path: 'file', message }]);
    }
    if (code === 'FST_FILES_LIMIT') throw fieldError('file', '一次只能上传一个文件');
    throw e;
  }
  if (!upload) throw fieldError('file', '没有收到文件（字段名应为 file）');
  return { kind, ...upload };
}

/** A file kept in the database as the download routes send it. */
export interface StoredFile {
  name: string;
  mime: string;
  data: Buffer;
}

/** Sends an export as a download: its UTF-8 file name, with an ASCII fallback for clients that ignore `filename*`. */
export function sendExport(reply: FastifyReply, e: ExportFile, asciiName: string) {
  return reply
    .header('content-type', e.contentType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeRfc5987(e.fileName)}`)
    .send(e.file);
}

/**
 * Sends a stored upload under its own name: an image is shown in the page, anything else downloaded. Private and
 * re-checked on every use by default, so a removed file does not live on in browsers' caches.
 */
export function sendStoredFile(reply: FastifyReply, f: StoredFile, cacheControl: 'private, no-cache' | 'private, no-store' = 'private, no-cache') {
  return reply
    .header('content-type', f.mime)
    .header('content-disposition', contentDisposition(f.mime.startsWith('image/') ? 'photo' : 'attachment', f.name))
    .header('cache-control', cacheControl)
    .send(f.data);
}
