import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { calendarItemSchema } from '../../../contracts/plans.js';
import { careSummarySchema } from '../../../contracts/care.js';
import { ctxOf } from '../../http/context.js';
import { dashboardFor } from './dashboard.service.js';

const countRow = z.object({ label: z.string(), value: z.number() });

/** The home page's figures, all read from the database. */
export async function dashboardRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计',
        response: {
          200: z.object({
            orgName: z.string().nullable(),
            counts: z.array(countRow),
            groups: z.array(z.object({ id: z.string(), name: z.string(), members: z.number() })),
            childUnions: z.array(z.object({ id: z.string(), name: z.string(), members: z.number(), groups: z.number() })),
            recent: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), entityLabel: z.string().nullable() })),
            /** Calendar items overlapping the current month (at most 10), empty when the actor may not read the calendar. */
            thisMonth: z.array(calendarItemSchema),
            /** 待慰问 / 已逾期 care events (per group), null where the actor does no care work. */
            care: careSummarySchema.nullable(),
            /** Hardship files whose yearly review is due (within 30 days or past): for the chair and 生活福利 only, else null. */
            hardshipReviewsDue: z.number().int().nullable(),
          }),
        },
      },
    },
    async (req) => dashboardFor(ctxOf(req, database)),
  );
}
