import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  calendarItemCreateSchema,
  calendarItemPatchSchema,
  calendarItemSchema,
  calendarListSchema,
  calendarQuerySchema,
  feedStatusSchema,
  festivalListSchema,
  ownerSchema,
} from '../../../contracts/plans.js';
import { isoDateSchema } from '../../../contracts/members.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { ctxOf, requireActor } from '../../http/context.js';
import { createFeed, feedStatus, icsForToken, revokeFeed } from './calendar.feed.js';
import { createItem, deleteItem, exportCalendar, festivalList, getItem, listCalendar, listOwners, updateItem } from './calendar.service.js';

const idParams = z.object({ id: z.string().uuid('事项无效') });
const yearMessage = '年份应为 1950 到 2100 之间的整数';

/** The calendar (行事历): items, owners, festivals, the spreadsheet, and the iCalendar subscription. */
export async function calendarRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/calendar/items',
    { schema: { tags: ['calendar'], summary: '行事历事项（与 [from, to] 有交集；默认本月）', querystring: calendarQuerySchema, response: { 200: calendarListSchema } } },
    async (req) => listCalendar(ctxOf(req, database), req.query),
  );

  api.post(
    '/calendar/items',
    { schema: { tags: ['calendar'], summary: '新增事项', body: calendarItemCreateSchema, response: { 201: calendarItemSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await createItem(ctx, req.body);
      return reply.status(201).send(await getItem(ctx, id));
    },
  );

  api.patch(
    '/calendar/items/:id',
    { schema: { tags: ['calendar'], summary: '修改事项（含标记完成、延期、取消）', params: idParams, body: calendarItemPatchSchema, response: { 200: calendarItemSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateItem(ctx, req.params.id, req.body);
      return getItem(ctx, req.params.id);
    },
  );

  api.delete('/calendar/items/:id', { schema: { tags: ['calendar'], summary: '删除事项', params: idParams } }, async (req, reply) => {
    await deleteItem(ctxOf(req, database), req.params.id);
    return reply.status(204).send();
  });

  api.get(
    '/calendar/owners',
    { schema: { tags: ['calendar'], summary: '可选的负责人（本组织有职务的人员）', response: { 200: z.object({ items: z.array(ownerSchema) }) } } },
    async (req) => ({ items: await listOwners(ctxOf(req, database)) }),
  );

  api.get(
    '/calendar/festivals',
    {
      schema: {
        tags: ['calendar'],
        summary: '某年的节日（农历节日已换算为公历）',
        querystring: z.object({
          year: z.coerce.number({ message: yearMessage }).int(yearMessage).min(1950, yearMessage).max(2100, yearMessage).optional(),
        }),
        response: { 200: festivalListSchema },
      },
    },
    async (req) => {
      requireActor(req);
      return festivalList(req.query.year ?? Number(todayInShanghai().slice(0, 4)));
    },
  );

  api.get(
    '/calendar/export.xlsx',
    { schema: { tags: ['calendar'], summary: '导出行事历为 Excel（默认本月）', querystring: z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }) } },
    async (req, reply) => {
      const { file, fileName } = await exportCalendar(ctxOf(req, database), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="calendar.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(file);
    },
  );

  api.get(
    '/calendar/feed',
    { schema: { tags: ['calendar'], summary: '行事历订阅链接的状态', response: { 200: feedStatusSchema } } },
    async (req) => feedStatus(ctxOf(req, database)),
  );

  api.post(
    '/calendar/feed',
    { schema: { tags: ['calendar'], summary: '生成新的订阅链接（仅此一次显示；旧链接随即失效）', response: { 201: z.object({ url: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await createFeed(ctxOf(req, database))),
  );

  api.delete('/calendar/feed', { schema: { tags: ['calendar'], summary: '停用订阅链接' } }, async (req, reply) => {
    await revokeFeed(ctxOf(req, database));
    return reply.status(204).send();
  });
}

/**
 * The iCalendar feed, outside /api and without a session: calendar apps fetch it with no cookie, the secret
 * token in the path is the key. Unknown and revoked tokens are a plain 404.
 */
export async function icalRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/ical/:file', { schema: { hide: true, params: z.object({ file: z.string() }) } }, async (req, reply) => {
    const match = /^(.+)\.ics$/.exec(req.params.file);
    const ics = match ? await icsForToken(database.db, match[1]) : null;
    if (ics === null) return reply.status(404).type('text/plain; charset=utf-8').send('未找到');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
  });
}
