import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  careCloseSchema,
  careEventDetailSchema,
  careEventInputSchema,
  careEventListQuerySchema,
  careEventListSchema,
  careEventPatchSchema,
  careEventTypeCreateSchema,
  careEventTypePatchSchema,
  careEventTypeSchema,
  careFileSchema,
  carePolicyInputSchema,
  carePolicySchema,
  carePresetInputSchema,
  careRegisterQuerySchema,
  careSummarySchema,
  careVisitInputSchema,
} from '../../../contracts/care.js';
import { ctxOf } from '../../http/context.js';
import { sendExport, sendStoredFile } from '../../http/files.js';
import { careSummary, closeCareEvent, getCareEvent, listCareEvents, registerCareEvent, updateCareEvent } from './care-events.service.js';
import { createCareType, getCarePolicy, listCareTypes, putCarePolicy, setCarePreset, updateCareType } from './care-policy.service.js';
import { exportVisitRegister } from './care-register.export.js';
import { recordVisit } from './care-visits.service.js';
import { addEventFile, addVisitFile, readCareUpload, readEventFile, readVisitFile } from './care.files.js';

const eventParams = z.object({ id: z.string().uuid('慰问记录无效') });
const visitParams = z.object({ id: z.string().uuid('慰问记录无效') });
const typeParams = z.object({ id: z.string().uuid('事由类型无效') });
const fileParams = z.object({ id: z.string().uuid('慰问记录无效'), fileId: z.string().uuid('文件无效') });

/** Care events (五必访) and visits, the standards and caps, evidence and photos, the visit register, the home counts. */
export async function careRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  api.get(
    '/care/event-types',
    { schema: { tags, summary: '慰问事由类型（首次使用时建立默认类型；含已停用的）', response: { 200: z.object({ items: z.array(careEventTypeSchema), canManage: z.boolean() }) } } },
    async (req) => listCareTypes(ctxOf(req, database)),
  );
  api.post(
    '/care/event-types',
    { schema: { tags, summary: '新增慰问事由类型及其标准', body: careEventTypeCreateSchema, response: { 201: careEventTypeSchema } } },
    async (req, reply) => reply.status(201).send(await createCareType(ctxOf(req, database), req.body)),
  );
  api.patch(
    '/care/event-types/:id',
    { schema: { tags, summary: '修改慰问事由类型（改名、标准、停用或恢复）', params: typeParams, body: careEventTypePatchSchema, response: { 200: careEventTypeSchema } } },
    async (req) => updateCareType(ctxOf(req, database), req.params.id, req.body),
  );

  api.get('/care/policy', { schema: { tags, summary: '慰问标准表', response: { 200: carePolicySchema } } }, async (req) => getCarePolicy(ctxOf(req, database)));
  api.put(
    '/care/policy',
    { schema: { tags, summary: '保存整张慰问标准表（未列出的事由类型停用）', body: carePolicyInputSchema, response: { 200: carePolicySchema } } },
    async (req) => putCarePolicy(ctxOf(req, database), req.body),
  );
  api.post(
    '/care/policy/preset',
    { schema: { tags, summary: '以省级标准（福建 2018 / 安徽 2018）设置慰问标准表', body: carePresetInputSchema, response: { 200: carePolicySchema } } },
    async (req) => setCarePreset(ctxOf(req, database), req.body.preset),
  );

  api.get(
    '/care/events',
    {
      schema: {
        tags,
        summary: '慰问事由列表：open 待慰问（含逾期，最紧急在前）、due、overdue、visited、closed、all；工会小组长只见本组',
        querystring: careEventListQuerySchema,
        response: { 200: careEventListSchema },
      },
    },
    async (req) => listCareEvents(ctxOf(req, database), req.query),
  );
  api.post(
    '/care/events',
    { schema: { tags, summary: '登记慰问事由（通知该会员的工会小组长和生活福利委员）', body: careEventInputSchema, response: { 201: careEventDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await registerCareEvent(ctx, req.body);
      return reply.status(201).send(await getCareEvent(ctx, id));
    },
  );
  api.get(
    '/care/events/:id',
    { schema: { tags, summary: '慰问事由详情：慰问记录、建议慰问人、本年已慰问情况、标准', params: eventParams, response: { 200: careEventDetailSchema } } },
    async (req) => getCareEvent(ctxOf(req, database), req.params.id),
  );
  api.patch(
    '/care/events/:id',
    { schema: { tags, summary: '修改慰问事由（日期或类型变化时重算慰问时限）', params: eventParams, body: careEventPatchSchema, response: { 200: careEventDetailSchema } } },
    async (req) => updateCareEvent(ctxOf(req, database), req.params.id, req.body),
  );
  api.post(
    '/care/events/:id/close',
    { schema: { tags, summary: '关闭慰问事由（如已由学校慰问、登记有误）', params: eventParams, body: careCloseSchema, response: { 200: careEventDetailSchema } } },
    async (req) => closeCareEvent(ctxOf(req, database), req.params.id, req.body.reason),
  );
  api.post(
    '/care/events/:id/visits',
    {
      schema: {
        tags,
        summary: '登记慰问；超出标准时拒绝（409 CARE_CAP，列出全部超标规则），工会主席可附理由批准（override）。返回慰问事由详情',
        params: eventParams,
        body: careVisitInputSchema,
        response: { 201: careEventDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordVisit(ctxOf(req, database), req.params.id, req.body)),
  );

  api.post(
    '/care/events/:id/files',
    { schema: { tags, summary: '上传慰问事由的证明材料（multipart：file，图片或 PDF）', consumes: ['multipart/form-data'], params: eventParams, response: { 201: careFileSchema } } },
    async (req, reply) => reply.status(201).send(await addEventFile(ctxOf(req, database), req.params.id, () => readCareUpload(req))),
  );
  api.get('/care/events/:id/files/:fileId', { schema: { tags, summary: '查看证明材料', params: fileParams } }, async (req, reply) =>
    sendStoredFile(reply, await readEventFile(ctxOf(req, database), req.params.id, req.params.fileId)),
  );
  api.post(
    '/care/visits/:id/files',
    { schema: { tags, summary: '上传慰问照片（multipart：file，JPEG / PNG / WebP）', consumes: ['multipart/form-data'], params: visitParams, response: { 201: careFileSchema } } },
    async (req, reply) => reply.status(201).send(await addVisitFile(ctxOf(req, database), req.params.id, () => readCareUpload(req))),
  );
  api.get('/care/visits/:id/files/:fileId', { schema: { tags, summary: '查看慰问照片', params: fileParams } }, async (req, reply) =>
    sendStoredFile(reply, await readVisitFile(ctxOf(req, database), req.params.id, req.params.fileId)),
  );

  api.get('/care/visits/register.xlsx', { schema: { tags, summary: '导出慰问登记表（Excel，默认本年）', querystring: careRegisterQuerySchema } }, async (req, reply) =>
    sendExport(reply, await exportVisitRegister(ctxOf(req, database), req.query, 'xlsx'), 'care-visit-register.xlsx'),
  );
  api.get('/care/visits/register.docx', { schema: { tags, summary: '打印慰问登记表（Word，默认本年）', querystring: careRegisterQuerySchema } }, async (req, reply) =>
    sendExport(reply, await exportVisitRegister(ctxOf(req, database), req.query, 'docx'), 'care-visit-register.docx'),
  );

  api.get('/care/summary', { schema: { tags, summary: '待慰问、已逾期数（按工会小组；工会小组长为本组）', response: { 200: careSummarySchema } } }, async (req) =>
    careSummary(ctxOf(req, database)),
  );
}
