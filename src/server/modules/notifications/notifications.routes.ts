import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { notificationListSchema, notificationsReadSchema } from '../../../contracts/activities.js';
import { ctxOf } from '../../http/context.js';
import { listNotifications, markRead } from './notifications.service.js';

const listQuery = z.object({ unread: z.enum(['0', '1'], { message: 'unread 应为 0 或 1' }).optional() });

/** The bell: the signed-in user's own notifications, in whichever organisation they work. */
export async function notificationRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/notifications',
    { schema: { tags: ['notifications'], summary: '我的通知（最新在前，最多 50 条；unread=1 只列未读）', querystring: listQuery, response: { 200: notificationListSchema } } },
    async (req) => listNotifications(ctxOf(req, database), { unread: req.query.unread === '1' }),
  );

  api.post(
    '/notifications/read',
    { schema: { tags: ['notifications'], summary: '标为已读：{ids} 或 {all: true}', body: notificationsReadSchema, response: { 200: z.object({ updated: z.number().int() }) } } },
    async (req) => ({ updated: await markRead(ctxOf(req, database), req.body) }),
  );
}
