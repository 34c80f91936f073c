import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { ctxOf } from '../../http/context.js';
import { isoDateSchema } from '../../../contracts/members.js';
import { auditActors, listAudit } from './audit.service.js';

const isoDate = isoDateSchema;

/** The audit trail: read-only; there is no route that edits or deletes an event. */
export async function auditRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '操作记录（按人员、对象、日期筛选）',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
          actorId: z.string().uuid('人员无效').optional(),
          entityType: z.string().max(40).optional(),
          entityId: z.string().max(80).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actorId: z.string().nullable(),
                actorName: z.string(),
                orgId: z.string().nullable(),
                orgName: z.string().nullable(),
                action: z.string(),
                entityType: z.string(),
                entityId: z.string().nullable(),
                entityLabel: z.string().nullable(),
                changes: z.unknown(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listAudit(ctxOf(req, database), req.query),
  );
  api.get(
    '/audit/actors',
    { schema: { tags: ['audit'], summary: '操作记录中出现的人员', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } } },
    async (req) => ({ items: await auditActors(ctxOf(req, database)) }),
  );
}
