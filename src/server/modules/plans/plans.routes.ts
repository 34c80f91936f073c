import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  goalInputSchema,
  goalPatchSchema,
  goalViewSchema,
  metricInfoSchema,
  parsePeriodSchema,
  parseResultSchema,
  parseTextSchema,
  PLAN_LIMITS,
  planCopySchema,
  planCreateSchema,
  planDetailSchema,
  planListSchema,
  planPatchSchema,
  sectionsReplaceSchema,
} from '../../../contracts/plans.js';
import { isoDateSchema } from '../../../contracts/members.js';
import { AppError } from '../../http/app-error.js';
import { ctxOf, requireActor } from '../../http/context.js';
import { workingOrg } from '../calendar/calendar.service.js';
import { metricCatalogue } from './metric-sources.js';
import { planTextFromFile } from './plan-text.js';
import {
  addGoal,
  copyPlan,
  createPlan,
  deleteGoal,
  deletePlan,
  exportPlan,
  getGoal,
  getPlanDetail,
  listPlans,
  parsePlanDraft,
  replaceSections,
  updateGoal,
  updatePlan,
} from './plans.service.js';

const idParams = z.object({ id: z.string().uuid('计划无效') });
const goalParams = idParams.extend({ goalId: z.string().uuid('目标无效') });
const periodFields = { periodStart: isoDateSchema.optional(), periodEnd: isoDateSchema.optional() };

/** Work plans (工作计划): list, create (also from an imported text), edit, sections, goals, copy, Word export. */
export async function planRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/plans',
    { schema: { tags: ['plans'], summary: '工作计划列表（期间新的在前）', response: { 200: planListSchema } } },
    async (req) => listPlans(ctxOf(req, database)),
  );

  api.get(
    '/plans/metrics',
    { schema: { tags: ['plans'], summary: '目标可绑定的指标，及是否已有数据来源', response: { 200: z.object({ items: z.array(metricInfoSchema) }) } } },
    async (req) => {
      requireActor(req);
      return { items: metricCatalogue() };
    },
  );

  api.post(
    '/plans/parse',
    {
      schema: {
        tags: ['plans'],
        summary: '识别计划文本（JSON {text}，或 multipart 上传 .docx/.txt，字段 file）；不保存任何数据',
        consumes: ['application/json', 'multipart/form-data'],
        querystring: z.object(periodFields),
        // A multipart upload arrives without a JSON body.
        body: parseTextSchema.extend(periodFields).nullish(),
        response: { 200: parseResultSchema },
      },
    },
    async (req) => {
      // Reading a plan text is the first step of creating one: the same people may do it.
      workingOrg(ctxOf(req, database), 'plan.manage');
      let text: string;
      if (req.isMultipart()) {
        const part = await req.file({ limits: { fileSize: PLAN_LIMITS.parseFileMaxBytes, files: 1 } });
        if (!part) throw new AppError('BAD_REQUEST', '没有收到文件');
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${PLAN_LIMITS.parseFileMaxBytes / 1024 / 1024} MB`);
        text = await planTextFromFile(part.filename, buffer);
        if (text.length > PLAN_LIMITS.parseTextMax) throw new AppError('BAD_REQUEST', `文件中的文字超过 ${PLAN_LIMITS.parseTextMax} 个字，请分段导入`);
      } else if (req.body) {
        text = req.body.text;
      } else {
        throw new AppError('BAD_REQUEST', '请粘贴计划文本或上传 .docx / .txt 文件');
      }
      const period = parsePeriodSchema.parse({
        periodStart: req.body?.periodStart ?? req.query.periodStart,
        periodEnd: req.body?.periodEnd ?? req.query.periodEnd,
      });
      return parsePlanDraft(text, period.periodStart && period.periodEnd ? { start: period.periodStart, end: period.periodEnd } : null);
    },
  );

  api.post(
    '/plans',
    { schema: { tags: ['plans'], summary: '新建工作计划（可同时提交章节、目标和事项，全部成功或全部不写入）', body: planCreateSchema, response: { 201: planDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await createPlan(ctx, req.body);
      return reply.status(201).send(await getPlanDetail(ctx, id));
    },
  );

  api.get(
    '/plans/:id',
    { schema: { tags: ['plans'], summary: '工作计划详情：章节、目标（含实时数值）、事项', params: idParams, response: { 200: planDetailSchema } } },
    async (req) => getPlanDetail(ctxOf(req, database), req.params.id),
  );

  api.patch(
    '/plans/:id',
    { schema: { tags: ['plans'], summary: '修改标题、期间、落款日期', params: idParams, body: planPatchSchema, response: { 200: planDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updatePlan(ctx, req.params.id, req.body);
      return getPlanDetail(ctx, req.params.id);
    },
  );

  api.delete('/plans/:id', { schema: { tags: ['plans'], summary: '删除计划（事项保留在行事历上）', params: idParams } }, async (req, reply) => {
    await deletePlan(ctxOf(req, database), req.params.id);
    return reply.status(204).send();
  });

  api.put(
    '/plans/:id/sections',
    { schema: { tags: ['plans'], summary: '整体替换章节（数组顺序即文档顺序）', params: idParams, body: sectionsReplaceSchema, response: { 200: planDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await replaceSections(ctx, req.params.id, req.body.sections);
      return getPlanDetail(ctx, req.params.id);
    },
  );

  api.post(
    '/plans/:id/goals',
    { schema: { tags: ['plans'], summary: '新增目标', params: idParams, body: goalInputSchema, response: { 201: goalViewSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const goalId = await addGoal(ctx, req.params.id, req.body);
      return reply.status(201).send(await getGoal(ctx, req.params.id, goalId));
    },
  );

  api.patch(
    '/plans/:id/goals/:goalId',
    { schema: { tags: ['plans'], summary: '修改目标', params: goalParams, body: goalPatchSchema, response: { 200: goalViewSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateGoal(ctx, req.params.id, req.params.goalId, req.body);
      return getGoal(ctx, req.params.id, req.params.goalId);
    },
  );

  api.delete('/plans/:id/goals/:goalId', { schema: { tags: ['plans'], summary: '删除目标', params: goalParams } }, async (req, reply) => {
    await deleteGoal(ctxOf(req, database), req.params.id, req.params.goalId);
    return reply.status(204).send();
  });

  api.post(
    '/plans/:id/copy',
    { schema: { tags: ['plans'], summary: '复制到新的期间（事项按整月顺延，状态重置为计划）', params: idParams, body: planCopySchema, response: { 201: planDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await copyPlan(ctx, req.params.id, req.body);
      return reply.status(201).send(await getPlanDetail(ctx, id));
    },
  );

  api.get('/plans/:id/export.docx', { schema: { tags: ['plans'], summary: '导出为 Word 文档', params: idParams } }, async (req, reply) => {
    const { file, fileName } = await exportPlan(ctxOf(req, database), req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="plan.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(file);
  });
}
