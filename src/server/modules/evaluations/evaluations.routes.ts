import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { ballotInputSchema, evaluationDetailSchema, evaluationInputSchema, evaluationResultsSchema, evaluationSummarySchema } from '../../../contracts/evaluations.js';
import { ctxOf } from '../../http/context.js';
import { sendExport } from '../../http/files.js';
import { castBallot } from './evaluation-ballots.service.js';
import { closeNow } from './evaluation-close.service.js';
import { publishEvaluation } from './evaluation-publish.service.js';
import { exportReport, exportResultsSheet, getResults } from './evaluation-results.service.js';
import { createEvaluation, deleteEvaluation, getEvaluation, listEvaluations, updateEvaluation } from './evaluations.service.js';

const params = z.object({ id: z.string().uuid('测评编号无效') });
const detail = { 200: evaluationDetailSchema };

/** Democratic evaluations (民主测评): setup, publishing with the roll, anonymous ballots, closing, results and the report. */
export async function evaluationRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluations'];

  api.get('/evaluations', { schema: { tags, summary: '民主测评列表（管理者看全部；其他人看自己参评的）', response: { 200: z.array(evaluationSummarySchema) } } }, async (req) =>
    listEvaluations(ctxOf(req, database)),
  );
  api.post('/evaluations', { schema: { tags, summary: '新建民主测评（草稿）', body: evaluationInputSchema, response: { 201: evaluationDetailSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req, database);
    return reply.status(201).send(await getEvaluation(ctx, await createEvaluation(ctx, req.body)));
  });
  api.get('/evaluations/:id', { schema: { tags, summary: '测评详情，含我能否参评（草稿仅管理者可见）', params, response: detail } }, async (req) => getEvaluation(ctxOf(req, database), req.params.id));
  api.patch('/evaluations/:id', { schema: { tags, summary: '修改草稿（全部字段）', params, body: evaluationInputSchema, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await updateEvaluation(ctx, req.params.id, req.body);
    return getEvaluation(ctx, req.params.id);
  });
  api.delete('/evaluations/:id', { schema: { tags, summary: '删除草稿', params } }, async (req, reply) => {
    await deleteEvaluation(ctxOf(req, database), req.params.id);
    return reply.status(204).send();
  });
  api.post('/evaluations/:id/publish', { schema: { tags, summary: '发布：按参评范围确定参评名单并通知参评人', params, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await publishEvaluation(ctx, req.params.id);
    return getEvaluation(ctx, req.params.id);
  });
  api.post('/evaluations/:id/close', { schema: { tags, summary: '提前结束测评并统计结果', params, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await closeNow(ctx, req.params.id);
    return getEvaluation(ctx, req.params.id);
  });
  api.post(
    '/evaluations/:id/ballots',
    { schema: { tags, summary: '提交测评票（匿名，每人一次）', params, body: ballotInputSchema, response: { 201: z.object({ message: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await castBallot(ctxOf(req, database), req.params.id, req.body)),
  );
  api.get('/evaluations/:id/results', { schema: { tags, summary: '测评结果（测评结束后）', params, response: { 200: evaluationResultsSchema } } }, async (req) => getResults(ctxOf(req, database), req.params.id));
  api.get('/evaluations/:id/report.docx', { schema: { tags, summary: '民主测评结果报告（Word）', params } }, async (req, reply) =>
    sendExport(reply, await exportReport(ctxOf(req, database), req.params.id), 'evaluation-report.docx'),
  );
  api.get('/evaluations/:id/results.xlsx', { schema: { tags, summary: '民主测评结果（Excel）', params } }, async (req, reply) =>
    sendExport(reply, await exportResultsSheet(ctxOf(req, database), req.params.id), 'evaluation-results.xlsx'),
  );
}
