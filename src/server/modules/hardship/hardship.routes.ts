import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  assistanceInputSchema,
  assistanceListSchema,
  assistanceQuerySchema,
  assistanceRecordSchema,
  hardshipCloseSchema,
  hardshipFileDetailSchema,
  hardshipInputSchema,
  hardshipListQuerySchema,
  hardshipListSchema,
  hardshipMySchema,
  hardshipPatchSchema,
  hardshipReassessSchema,
} from '../../../contracts/care.js';
import { ctxOf } from '../../http/context.js';
import { sendStoredFile } from '../../http/files.js';
import { createAssistance, listAssistance } from './assistance.service.js';
import { getHardshipFile, listHardshipFiles, myHardshipFiles } from './hardship-views.service.js';
import { addEvidence, deleteEvidence, readEvidence, readEvidenceUpload } from './hardship.files.js';
import { approveHardshipFile, closeHardshipFile, createHardshipFile, reassessHardshipFile, submitHardshipFile, updateHardshipFile } from './hardship.service.js';

const idParams = z.object({ id: z.string().uuid('困难档案无效') });
const evidenceParams = idParams.extend({ fileId: z.string().uuid('材料无效') });
const evidenceSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });
const tags = ['hardship'];

/**
 * Hardship files (困难职工建档立卡) and assistance (帮扶): only the chair and the 生活福利 committee member; the chair
 * approves; a member reads their own file at /hardship/my. Anyone else: 403 for lists, 404 for a file.
 */
export async function hardshipRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/hardship/files',
    { schema: { tags, summary: '困难职工档案列表（主席、生活福利委员）；含待复核档案数', querystring: hardshipListQuerySchema, response: { 200: hardshipListSchema } } },
    async (req) => listHardshipFiles(ctxOf(req, database), req.query),
  );

  api.post(
    '/hardship/files',
    { schema: { tags, summary: '为会员建立某年度的困难档案（草稿），按收入与本年度低保线评定困难类别', body: hardshipInputSchema, response: { 201: hardshipFileDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await createHardshipFile(ctx, req.body);
      return reply.status(201).send(await getHardshipFile(ctx, id));
    },
  );

  api.get(
    '/hardship/my',
    { schema: { tags, summary: '我的困难档案（本人，不含审批人与销档理由）', response: { 200: hardshipMySchema } } },
    async (req) => myHardshipFiles(ctxOf(req, database)),
  );

  api.get(
    '/hardship/files/:id',
    { schema: { tags, summary: '困难档案详情：评定依据、材料、帮扶记录、可进行的操作', params: idParams, response: { 200: hardshipFileDetailSchema } } },
    async (req) => getHardshipFile(ctxOf(req, database), req.params.id),
  );

  api.patch(
    '/hardship/files/:id',
    { schema: { tags, summary: '修改草稿或待审批的困难档案（重新评定困难类别）', params: idParams, body: hardshipPatchSchema, response: { 200: hardshipFileDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateHardshipFile(ctx, req.params.id, req.body);
      return getHardshipFile(ctx, req.params.id);
    },
  );

  api.post(
    '/hardship/files/:id/submit',
    { schema: { tags, summary: '提交工会主席审批', params: idParams, response: { 200: hardshipFileDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await submitHardshipFile(ctx, req.params.id);
      return getHardshipFile(ctx, req.params.id);
    },
  );

  api.post(
    '/hardship/files/:id/approve',
    { schema: { tags, summary: '工会主席审批建档（一年后复核）', params: idParams, response: { 200: hardshipFileDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await approveHardshipFile(ctx, req.params.id);
      return getHardshipFile(ctx, req.params.id);
    },
  );

  api.post(
    '/hardship/files/:id/reassess',
    { schema: { tags, summary: '年度复核：复制为下一年度的新档案（草稿）', params: idParams, body: hardshipReassessSchema.nullish(), response: { 201: hardshipFileDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await reassessHardshipFile(ctx, req.params.id, req.body?.year);
      return reply.status(201).send(await getHardshipFile(ctx, id));
    },
  );

  api.post(
    '/hardship/files/:id/close',
    { schema: { tags, summary: '销档（须填写理由）', params: idParams, body: hardshipCloseSchema, response: { 200: hardshipFileDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await closeHardshipFile(ctx, req.params.id, req.body.reason);
      return getHardshipFile(ctx, req.params.id);
    },
  );

  api.post(
    '/hardship/files/:id/files',
    { schema: { tags, summary: '上传证明材料（multipart：file，可选 kind = photo | attachment）', consumes: ['multipart/form-data'], params: idParams, response: { 201: evidenceSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      return reply.status(201).send(await addEvidence(ctx, req.params.id, () => readEvidenceUpload(req)));
    },
  );

  api.get(
    '/hardship/files/:id/files/:fileId',
    { schema: { tags, summary: '下载证明材料', params: evidenceParams } },
    // Hardship evidence is kept out of every cache.
    async (req, reply) => sendStoredFile(reply, await readEvidence(ctxOf(req, database), req.params.id, req.params.fileId), 'private, no-store'),
  );

  api.delete(
    '/hardship/files/:id/files/:fileId',
    { schema: { tags, summary: '删除证明材料', params: evidenceParams } },
    async (req, reply) => {
      await deleteEvidence(ctxOf(req, database), req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  );

  api.get(
    '/hardship/assistance',
    { schema: { tags, summary: '帮扶记录（默认本年度）与合计：人次、人数、金额、按类别', querystring: assistanceQuerySchema, response: { 200: assistanceListSchema } } },
    async (req) => listAssistance(ctxOf(req, database), req.query),
  );

  api.post(
    '/hardship/assistance',
    { schema: { tags, summary: '登记帮扶（计入困难职工帮扶科目）', body: assistanceInputSchema, response: { 201: assistanceRecordSchema } } },
    async (req, reply) => reply.status(201).send(await createAssistance(ctxOf(req, database), req.body)),
  );
}
