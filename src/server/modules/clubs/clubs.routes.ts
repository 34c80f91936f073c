import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { clubDetailSchema, clubInputSchema, clubMembersSchema, clubSummarySchema } from '../../../contracts/activities.js';
import { ctxOf } from '../../http/context.js';
import { createClub, getClub, listClubs, setClubMembers, updateClub } from './clubs.service.js';

const idParams = z.object({ id: z.string().uuid('兴趣小组无效') });
/** Any field of a club, and `archived` to retire it (its activities and history stay) or bring it back. */
const clubPatchSchema = clubInputSchema.partial().extend({ archived: z.boolean({ message: '停用应为是或否' }).optional() });

/** Interest groups (兴趣小组 / 俱乐部): a leader, members, their own activities and attendance. */
export async function clubRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/clubs',
    { schema: { tags: ['clubs'], summary: '本工会的兴趣小组（停用的排在后面）', response: { 200: z.object({ items: z.array(clubSummarySchema), canManage: z.boolean() }) } } },
    async (req) => listClubs(ctxOf(req, database)),
  );

  api.post(
    '/clubs',
    { schema: { tags: ['clubs'], summary: '新建兴趣小组（组长自动成为成员）', body: clubInputSchema, response: { 201: clubDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const id = await createClub(ctx, req.body);
      return reply.status(201).send(await getClub(ctx, id));
    },
  );

  api.get(
    '/clubs/:id',
    { schema: { tags: ['clubs'], summary: '兴趣小组：成员及其参加本组活动的次数、本组活动', params: idParams, response: { 200: clubDetailSchema } } },
    async (req) => getClub(ctxOf(req, database), req.params.id),
  );

  api.patch(
    '/clubs/:id',
    { schema: { tags: ['clubs'], summary: '修改兴趣小组（名称、简介、组长、停用或恢复）', params: idParams, body: clubPatchSchema, response: { 200: clubDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateClub(ctx, req.params.id, req.body);
      return getClub(ctx, req.params.id);
    },
  );

  api.put(
    '/clubs/:id/members',
    { schema: { tags: ['clubs'], summary: '设置兴趣小组成员（活动管理人员或本组组长）', params: idParams, body: clubMembersSchema, response: { 200: clubDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await setClubMembers(ctx, req.params.id, req.body.memberIds);
      return getClub(ctx, req.params.id);
    },
  );
}
