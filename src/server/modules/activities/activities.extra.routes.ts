import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { ACTIVITY_LIMITS, activityFileSchema, activityStatsSchema, periodQuerySchema } from '../../../contracts/activities.js';
import { ctxOf } from '../../http/context.js';
import { readUpload, sendExport } from '../../http/files.js';
import { exportAttendance, exportLedger, exportSigninSheet } from './activities.export.js';
import { addActivityFile, contentDisposition, deleteActivityFile, readActivityFile, sizeLimitMessage } from './activities.files.js';
import { activityStats } from './activities.stats.js';

const idParams = z.object({ id: z.string().uuid('活动无效') });
const fileParams = idParams.extend({ fileId: z.string().uuid('文件无效') });

/**
 * The one file of a multipart upload (field `file`) and its `kind` field, in either order. The size limit is the
 * larger one (attachments); a photo's own limit is checked once its kind is known.
 */
const readActivityUpload = (req: FastifyRequest) =>
  readUpload(req, {
    maxBytes: ACTIVITY_LIMITS.attachmentMaxBytes,
    tooLarge: (kind) => sizeLimitMessage(kind === 'photo' ? 'photo' : 'attachment'),
    notMultipart: '请以 multipart/form-data 上传文件（字段 file，类别字段 kind）',
  });

/** Activities beyond publishing and signing up: statistics, the ledger and attendance exports, the sign-in sheet, files. */
export async function activityExtraRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/activities/stats',
    {
      schema: {
        tags: ['activities'],
        summary: '活动统计：期间内（默认本学年）会员参与率、各工会小组参与率、各类活动次数、每项活动与每位会员的参加情况',
        querystring: periodQuerySchema,
        response: { 200: activityStatsSchema },
      },
    },
    async (req) => activityStats(ctxOf(req, database), req.query),
  );

  api.get(
    '/activities/ledger.xlsx',
    { schema: { tags: ['activities'], summary: '导出活动台账（Excel，默认本学年）', querystring: periodQuerySchema } },
    async (req, reply) => sendExport(reply, await exportLedger(ctxOf(req, database), req.query), 'activity-ledger.xlsx'),
  );

  api.get(
    '/activities/:id/attendance.xlsx',
    { schema: { tags: ['activities'], summary: '导出活动出勤名单（Excel）', params: idParams } },
    async (req, reply) => sendExport(reply, await exportAttendance(ctxOf(req, database), req.params.id), 'attendance.xlsx'),
  );

  api.get(
    '/activities/:id/signin-sheet.docx',
    { schema: { tags: ['activities'], summary: '打印签到表（Word）：已报名的人员，无需报名的活动为全部参加对象', params: idParams } },
    async (req, reply) => sendExport(reply, await exportSigninSheet(ctxOf(req, database), req.params.id), 'signin-sheet.docx'),
  );

  api.post(
    '/activities/:id/files',
    {
      schema: {
        tags: ['activities'],
        summary: '上传活动照片或附件（multipart：file 文件，kind = photo | attachment）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: activityFileSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addActivityFile(ctxOf(req, database), req.params.id, () => readActivityUpload(req))),
  );

  api.get(
    '/activities/:id/files/:fileId',
    { schema: { tags: ['activities'], summary: '查看或下载活动照片、附件', params: fileParams } },
    async (req, reply) => {
      const file = await readActivityFile(ctxOf(req, database), req.params.id, req.params.fileId);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition(file.kind, file.name))
        // Private and re-checked on every use: a removed photo must not live on in browsers' caches.
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );

  api.delete('/activities/:id/files/:fileId', { schema: { tags: ['activities'], summary: '删除活动照片或附件', params: fileParams } }, async (req, reply) => {
    await deleteActivityFile(ctxOf(req, database), req.params.id, req.params.fileId);
    return reply.status(204).send();
  });
}
