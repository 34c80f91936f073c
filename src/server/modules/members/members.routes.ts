import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { isoDateSchema, memberInputSchema, memberListQuerySchema } from '../../../contracts/members.js';
import { LIMITS } from '../../../contracts/limits.js';
import { can } from '../../../domain/policy.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { forbidden } from '../../http/app-error.js';
import { ctxOf } from '../../http/context.js';
import { listAllMembers, listMembers, memberHistoryOf, rosterFacets } from './members.repository.js';
import { memberSchema, presentMember } from './members.presenter.js';
import { createMember, getMember, loadMemberFor, retireMember, transferOutMember, updateMember } from './members.service.js';
import { rosterWorkbook } from './members.export.js';
import { writeAudit } from '../audit/audit.writer.js';

const idParams = z.object({ id: z.string().uuid('会员无效') });
const isoDate = isoDateSchema;

const historySchema = z.object({
  id: z.string(),
  kind: z.string(),
  onDate: z.string(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});

/** The roster (会员档案): list, detail, create, edit, retire, transfer out, export. */
export async function memberRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: '会员名册（分页、搜索、筛选、排序）',
        querystring: memberListQuerySchema,
        response: { 200: z.object({ items: z.array(memberSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), canCreate: z.boolean(), canImport: z.boolean() }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, database);
      const { rows, total } = await listMembers(ctx, req.query);
      const orgPath = ctx.actor.org!.path;
      return {
        items: rows.map((r) => presentMember(ctx, r, r.orgPath)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        canCreate: can(ctx.actor, 'member.create', { type: 'org', path: orgPath }),
        canImport: can(ctx.actor, 'member.import', { type: 'org', path: orgPath }),
      };
    },
  );

  api.get(
    '/members/export.xlsx',
    { schema: { tags: ['members'], summary: '导出当前筛选结果为 Excel', querystring: memberListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      if (!can(ctx.actor, 'member.export', { type: 'org', path: ctx.actor.org?.path ?? '' })) throw forbidden();
      const rows = await listAllMembers(ctx, req.query, LIMITS.exportRowsMax);
      const views = rows.map((r) => presentMember(ctx, r, r.orgPath));
      const file = await rosterWorkbook(views);
      // A read, but one that carries personal data out of the system: the trail says who took what.
      await ctx.db.transaction((tx) =>
        writeAudit(tx, {
          orgId: ctx.actor.org!.id,
          actor: { userId: ctx.actor.userId, name: ctx.actor.name },
          action: 'member.exported',
          entityType: 'member_export',
          entityLabel: `${views.length} 人`,
          changes: { rows: { to: views.length }, filters: { to: req.query } },
        }),
      );
      const name = encodeURIComponent(`会员名册-${todayInShanghai()}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="members.xlsx"; filename*=UTF-8''${name}`)
        .send(file);
    },
  );

  api.get(
    '/members/facets',
    { schema: { tags: ['members'], summary: '名册中在用的部门和标签（筛选与填写提示）', response: { 200: z.object({ departments: z.array(z.string()), tags: z.array(z.string()) }) } } },
    async (req) => rosterFacets(ctxOf(req, database)),
  );

  api.get(
    '/members/:id',
    { schema: { tags: ['members'], summary: '会员档案详情与变动记录', params: idParams, response: { 200: memberSchema.extend({ history: z.array(historySchema) }) } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      const member = await getMember(ctx, req.params.id);
      const history = await memberHistoryOf(ctx.db, member.id);
      return { ...member, history };
    },
  );

  api.post(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: '新增会员（或办理转入）',
        body: memberInputSchema.extend({
          transferIn: z.object({ fromOrgName: z.string().trim().min(1, '请填写转出单位').max(LIMITS.orgNameMax), onDate: isoDate }).optional(),
        }),
        response: { 201: memberSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const { transferIn, ...input } = req.body;
      const id = await createMember(ctx, input, transferIn);
      return reply.status(201).send(await getMember(ctx, id));
    },
  );

  api.patch(
    '/members/:id',
    { schema: { tags: ['members'], summary: '修改会员档案', params: idParams, body: memberInputSchema.partial(), response: { 200: memberSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateMember(ctx, req.params.id, req.body);
      return getMember(ctx, req.params.id);
    },
  );

  api.post(
    '/members/:id/retire',
    {
      schema: {
        tags: ['members'],
        summary: '办理退休',
        params: idParams,
        body: z.object({ onDate: isoDate, keepMembership: z.boolean().default(true), note: z.string().max(LIMITS.noteMax).nullable().optional() }),
        response: { 200: memberSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, database);
      await retireMember(ctx, req.params.id, req.body);
      return getMember(ctx, req.params.id);
    },
  );

  api.post(
    '/members/:id/transfer-out',
    {
      schema: {
        tags: ['members'],
        summary: '办理转出',
        params: idParams,
        body: z.object({
          onDate: isoDate,
          toOrgName: z.string().trim().min(1, '请填写转入单位').max(LIMITS.orgNameMax),
          note: z.string().max(LIMITS.noteMax).nullable().optional(),
        }),
        response: { 200: memberSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, database);
      await transferOutMember(ctx, req.params.id, req.body);
      return getMember(ctx, req.params.id);
    },
  );

  // The account linked to a member, for a chair's password reset.
  api.get(
    '/members/:id/account',
    { schema: { tags: ['members'], summary: '会员关联的登录账号', params: idParams, response: { 200: z.object({ userId: z.string().nullable() }) } } },
    async (req) => {
      const row = await loadMemberFor(ctxOf(req, database), req.params.id, 'member.update');
      return { userId: row.userId };
    },
  );
}

