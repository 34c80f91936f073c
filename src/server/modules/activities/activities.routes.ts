import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  activityCancelSchema,
  activityCreatedSchema,
  activityCreateSchema,
  activityDetailSchema,
  activityListQuerySchema,
  activityListSchema,
  activityPatchSchema,
  activityTypeCreateSchema,
  activityTypePatchSchema,
  activityTypeSchema,
  attendanceResultSchema,
  attendanceSetSchema,
  checkinCodeSchema,
  checkinResultSchema,
  checkinSchema,
  decisionResultSchema,
  registrationCreateSchema,
  registrationDecisionSchema,
  registrationViewSchema,
  rosterSchema,
} from '../../../contracts/activities.js';
import { ctxOf } from '../../http/context.js';
import { activityRoster, checkIn, checkinCodeFor, setAttendance } from './attendance.service.js';
import { cancelActivity, createActivity, updateActivity } from './activities.service.js';
import { getActivity, listActivities } from './activity-views.service.js';
import { createType, listTypes, updateType } from './activity-types.service.js';
import { cancelMyRegistration, decideRegistration, signUp } from './registrations.service.js';

const idParams = z.object({ id: z.string().uuid('活动无效') });
const typeParams = z.object({ id: z.string().uuid('活动类型无效') });
const decisionParams = z.object({ id: z.string().uuid('活动无效'), registrationId: z.string().uuid('报名记录无效') });

/**
 * The origin the organiser's browser is on, for the URL in the check-in QR code: the Origin header when it names
 * this server's host (it carries the scheme the browser used), else the scheme and host of the request (behind a
 * trusted proxy, the forwarded ones).
 */
export function originOf(req: FastifyRequest): string {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/i.test(origin)) {
    const host = new URL(origin).host;
    if (host === req.host || host === req.headers.host) return origin;
  }
  return `${req.protocol}://${req.host}`;
}

/** Activities: publishing, sign-up with capacity and wait-list, the roster, attendance and check-in, activity types. */
export async function activityRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/activity-types',
    { schema: { tags: ['activities'], summary: '活动类型（首次使用时建立默认类型；含已停用的）', response: { 200: z.object({ items: z.array(activityTypeSchema), canManage: z.boolean() }) } } },
    async (req) => listTypes(ctxOf(req, database)),
  );

  api.post(
    '/activity-types',
    { schema: { tags: ['activities'], summary: '新增活动类型', body: activityTypeCreateSchema, response: { 201: activityTypeSchema } } },
    async (req, reply) => reply.status(201).send(await createType(ctxOf(req, database), req.body)),
  );

  api.patch(
    '/activity-types/:id',
    { schema: { tags: ['activities'], summary: '修改活动类型（改名、停用或恢复）', params: typeParams, body: activityTypePatchSchema, response: { 200: activityTypeSchema } } },
    async (req) => updateType(ctxOf(req, database), req.params.id, req.body),
  );

  api.get(
    '/activities',
    {
      schema: {
        tags: ['activities'],
        summary: '活动列表（open：我可参加的未结束活动，会员默认；mine：我报名或出勤的；all：全部，管理者默认）',
        querystring: activityListQuerySchema,
        response: { 200: activityListSchema },
      },
    },
    async (req) => listActivities(ctxOf(req, database), req.query),
  );

  api.post(
    '/activities',
    {
      schema: {
        tags: ['activities'],
        summary: '发布活动；带 repeat 时按周重复生成一组活动。返回 { ids: 按时间排序的全部活动 id, activity: 第一个活动 }',
        body: activityCreateSchema,
        response: { 201: activityCreatedSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      const ids = await createActivity(ctx, req.body);
      return reply.status(201).send({ ids, activity: await getActivity(ctx, ids[0]) });
    },
  );

  api.get(
    '/activities/:id',
    { schema: { tags: ['activities'], summary: '活动详情（含我的报名、可进行的操作；管理者另有统计数字）', params: idParams, response: { 200: activityDetailSchema } } },
    async (req) => getActivity(ctxOf(req, database), req.params.id),
  );

  api.patch(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: '修改活动（时间或地点变化时通知已报名者；增加名额时按候补顺序递补）',
        params: idParams,
        body: activityPatchSchema,
        response: { 200: activityDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, database);
      await updateActivity(ctx, req.params.id, req.body);
      return getActivity(ctx, req.params.id);
    },
  );

  api.post(
    '/activities/:id/cancel',
    { schema: { tags: ['activities'], summary: '取消活动（通知所有报名者）', params: idParams, body: activityCancelSchema, response: { 200: activityDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await cancelActivity(ctx, req.params.id, req.body.reason);
      return getActivity(ctx, req.params.id);
    },
  );

  api.post(
    '/activities/:id/registrations',
    {
      schema: {
        tags: ['activities'],
        summary: '报名（名额已满进入候补；重复报名不产生变化，返回同样的结果）',
        params: idParams,
        body: registrationCreateSchema,
        response: { 200: registrationViewSchema },
      },
    },
    async (req) => signUp(ctxOf(req, database), req.params.id, req.body),
  );

  api.delete(
    '/activities/:id/registrations/me',
    { schema: { tags: ['activities'], summary: '取消我的报名（取消截止前；空出的名额由第一位候补递补）', params: idParams, response: { 200: registrationViewSchema } } },
    async (req) => cancelMyRegistration(ctxOf(req, database), req.params.id),
  );

  api.get(
    '/activities/:id/registrations',
    { schema: { tags: ['activities'], summary: '报名名单：参加对象全体及名单外的报名、出勤者', params: idParams, response: { 200: rosterSchema } } },
    async (req) => activityRoster(ctxOf(req, database), req.params.id),
  );

  api.post(
    '/activities/:id/registrations/:registrationId/decision',
    {
      schema: {
        tags: ['activities'],
        summary: '审核报名（通过：有名额即报名成功，否则进入候补）',
        params: decisionParams,
        body: registrationDecisionSchema,
        response: { 200: decisionResultSchema },
      },
    },
    async (req) => decideRegistration(ctxOf(req, database), req.params.id, req.params.registrationId, req.body.decision),
  );

  api.put(
    '/activities/:id/attendance',
    {
      schema: {
        tags: ['activities'],
        summary: '登记出勤（名单勾选或纸质签到表）：之后出勤者恰为这些人，扫码签到的记录保留',
        params: idParams,
        body: attendanceSetSchema,
        response: { 200: attendanceResultSchema },
      },
    },
    async (req) => setAttendance(ctxOf(req, database), req.params.id, req.body),
  );

  api.post(
    '/activities/:id/checkin',
    { schema: { tags: ['activities'], summary: '扫码签到（当前或上一个签到码有效；重复签到不产生变化）', params: idParams, body: checkinSchema, response: { 200: checkinResultSchema } } },
    async (req) => checkIn(ctxOf(req, database), req.params.id, req.body.code),
  );

  api.get(
    '/activities/:id/checkin-code',
    { schema: { tags: ['activities'], summary: '现场签到屏的签到码（每 30 秒更换）与二维码链接', params: idParams, response: { 200: checkinCodeSchema } } },
    async (req) => checkinCodeFor(ctxOf(req, database), req.params.id, originOf(req)),
  );
}
