import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { ROSTER_FIELDS } from '../../../domain/roster-columns.js';
import { AppError } from '../../http/app-error.js';
import { ctxOf, requireActor } from '../../http/context.js';
import { checkImport, commitImport, getImport, startImport } from './imports.service.js';
import { templateWorkbook } from './imports.template.js';

const idParams = z.object({ id: z.string().uuid('导入任务无效') });

const problemSchema = z.object({ row: z.number(), field: z.string().nullable(), column: z.string(), value: z.string(), message: z.string() });
const importSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['reading', 'read', 'checking', 'checked', 'committed', 'failed']),
  progress: z.number(),
  rowsDone: z.number(),
  rowCount: z.number(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  mode: z.enum(['create', 'upsert']).nullable(),
  result: z
    .object({ total: z.number(), toCreate: z.number(), toUpdate: z.number(), problems: z.array(problemSchema), created: z.number().optional(), updated: z.number().optional() })
    .nullable(),
  error: z.string().nullable(),
});

/** The roster import wizard: upload → mapping → check (every problem listed) → commit all or nothing. */
export async function importRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/imports/template.xlsx', { schema: { tags: ['imports'], summary: '下载会员导入模板' } }, async (req, reply) => {
    requireActor(req);
    const name = encodeURIComponent('会员导入模板.xlsx');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${name}`)
      .send(await templateWorkbook());
  });

  api.post(
    '/imports',
    { schema: { tags: ['imports'], summary: '上传名册文件（multipart，字段 file）', consumes: ['multipart/form-data'], response: { 202: z.object({ id: z.string() }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await req.file();
      if (!part) throw new AppError('BAD_REQUEST', '没有收到文件');
      const buffer = await part.toBuffer();
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 20 MB，请分批导入');
      const id = await startImport(ctx, part.filename, buffer);
      return reply.status(202).send({ id });
    },
  );

  api.get(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: '导入进度、列对应与检查结果（waitMs：读取或检查进行中时，最多等待该毫秒数，阶段一结束即返回）',
        params: idParams,
        querystring: z.object({ waitMs: z.coerce.number().int('等待时间应为整数').min(0, '等待时间不能为负').max(10_000, '等待时间最多 10000 毫秒').optional() }),
        response: { 200: importSchema },
      },
    },
    async (req) => getImport(ctxOf(req, database), req.params.id, req.query.waitMs ?? 0),
  );

  api.post(
    '/imports/:id/check',
    {
      schema: {
        tags: ['imports'],
        summary: '按列对应关系检查全部行（后台进行，轮询进度）',
        params: idParams,
        body: z.object({
          mapping: z.record(z.string(), z.union([z.enum(ROSTER_FIELDS as [string, ...string[]]), z.literal('')])),
          mode: z.enum(['create', 'upsert'], { message: '导入方式应为“仅新增”或“新增并更新已有会员”' }).default('create'),
        }),
        response: { 202: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await checkImport(ctxOf(req, database), req.params.id, req.body.mapping, req.body.mode);
      return reply.status(202).send({ ok: true as const });
    },
  );

  api.post(
    '/imports/:id/commit',
    { schema: { tags: ['imports'], summary: '确认导入（全部成功或全部不写入）', params: idParams, response: { 200: z.object({ created: z.number(), updated: z.number() }) } } },
    async (req) => commitImport(ctxOf(req, database), req.params.id),
  );
}
