import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  constituencyInputSchema,
  constituencyPatchSchema,
  representativeEndSchema,
  representativeInputSchema,
  representativeListSchema,
  representativeReplaceSchema,
  representativeSchema,
  termCreateSchema,
  termDetailSchema,
  termListSchema,
  termPatchSchema,
} from '../../../contracts/congress.js';
import { ctxOf } from '../../http/context.js';
import { addConstituency, createTerm, getTerm, listTerms, updateConstituency, updateTerm } from './congress-terms.service.js';
import { addRepresentative, endRepresentative, getRepresentative, listRepresentatives, replaceRepresentative } from './congress-representatives.service.js';

const termParams = z.object({ id: z.string().uuid('届次无效') });
const constituencyParams = z.object({ id: z.string().uuid('代表团无效') });
const representativeParams = z.object({ id: z.string().uuid('代表无效') });
const constituencySchema = z.object({ id: z.string(), name: z.string(), position: z.number().int() });

/** Congress terms (届), constituencies and representatives with their replacement and recall history. */
export async function congressRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['congress'];

  api.get('/congress/terms', { schema: { tags, summary: '教代会届次（最新在前，标出本届；含我的代表身份）', response: { 200: termListSchema } } }, async (req) => listTerms(ctxOf(req, database)));
  api.post(
    '/congress/terms',
    { schema: { tags, summary: '新建一届（3 年或 5 年；教职工代表大会或教职工大会）', body: termCreateSchema, response: { 201: termDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      return reply.status(201).send(await getTerm(ctx, await createTerm(ctx, req.body)));
    },
  );
  api.get(
    '/congress/terms/:id',
    { schema: { tags, summary: '届次详情：政策、代表团、代表构成核对、会议、我的身份', params: termParams, response: { 200: termDetailSchema } } },
    async (req) => getTerm(ctxOf(req, database), req.params.id),
  );
  api.patch(
    '/congress/terms/:id',
    { schema: { tags, summary: '修改本届政策（代表构成比例、附议人数、答复期限）', params: termParams, body: termPatchSchema, response: { 200: termDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateTerm(ctx, req.params.id, req.body);
      return getTerm(ctx, req.params.id);
    },
  );

  api.post(
    '/congress/terms/:id/constituencies',
    { schema: { tags, summary: '新增代表团（代表组）', params: termParams, body: constituencyInputSchema, response: { 201: constituencySchema.extend({ representatives: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await addConstituency(ctxOf(req, database), req.params.id, req.body.name)),
  );
  api.patch(
    '/congress/constituencies/:id',
    { schema: { tags, summary: '修改代表团名称或顺序', params: constituencyParams, body: constituencyPatchSchema, response: { 200: constituencySchema } } },
    async (req) => updateConstituency(ctxOf(req, database), req.params.id, req.body),
  );

  api.get(
    '/congress/terms/:id/representatives',
    { schema: { tags, summary: '本届代表名单（含已替换、罢免、离任的）、构成核对与变动记录', params: termParams, response: { 200: representativeListSchema } } },
    async (req) => listRepresentatives(ctxOf(req, database), req.params.id),
  );
  api.post(
    '/congress/terms/:id/representatives',
    { schema: { tags, summary: '登记代表（正式、特邀或列席）', params: termParams, body: representativeInputSchema, response: { 201: representativeSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await addRepresentative(ctx, req.params.id, req.body);
      return reply.status(201).send(await getRepresentative(ctx, req.params.id, id));
    },
  );
  api.post(
    '/congress/representatives/:id/replace',
    { schema: { tags, summary: '补选替换：原代表终止（已替换），新代表接任。返回新代表', params: representativeParams, body: representativeReplaceSchema, response: { 201: representativeSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const { id, termId } = await replaceRepresentative(ctx, req.params.id, req.body);
      return reply.status(201).send(await getRepresentative(ctx, termId, id));
    },
  );
  api.post(
    '/congress/representatives/:id/end',
    { schema: { tags, summary: '罢免或离任（须填写原因）', params: representativeParams, body: representativeEndSchema, response: { 200: representativeSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      const { id, termId } = await endRepresentative(ctx, req.params.id, req.body);
      return getRepresentative(ctx, termId, id);
    },
  );
}
