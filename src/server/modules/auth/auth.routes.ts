import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { LIMITS } from '../../../contracts/limits.js';
import { ctxOf, requireActor } from '../../http/context.js';
import { SESSION_COOKIE } from './sessions.js';
import { changeOwnPassword, logIn, logOut } from './auth.service.js';
import { describeMe, resetPassword, switchOrg } from './me.service.js';
import { meSchema } from './me.schema.js';

const okSchema = z.object({ ok: z.literal(true) });

/** Log-in, log-out, the current user, switching organisation, passwords. */
export async function authRoutes(app: FastifyInstance, { database, config }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.isCookieSecure,
    maxAge: LIMITS.sessionDays * 86_400,
  };

  api.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '用手机号或工号登录',
        body: z.object({
          login: z.string().trim().min(1, '请填写手机号或工号').max(50),
          password: z.string().min(1, '请填写密码').max(LIMITS.passwordMax),
        }),
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const { token, user } = await logIn(database.db, req.body.login, req.body.password);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return describeMe(database.db, user.id, null);
    },
  );

  api.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } } }, async (req, reply) => {
    if (req.actor) await logOut(database.db, req.actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.get('/me', { schema: { tags: ['auth'], summary: '当前用户、所在组织与权限', response: { 200: meSchema } } }, async (req) => {
    const actor = requireActor(req);
    return describeMe(database.db, actor.userId, actor.org?.id ?? null);
  });

  api.put(
    '/me/current-org',
    {
      schema: {
        tags: ['auth'],
        summary: '切换当前组织',
        body: z.object({ orgId: z.string().uuid('组织无效') }),
        response: { 200: meSchema },
      },
    },
    async (req) => switchOrg(ctxOf(req, database), req.body.orgId),
  );

  api.put(
    '/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码',
        body: z.object({ oldPassword: z.string().min(1, '请填写原密码'), newPassword: z.string().min(1, '请填写新密码') }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await changeOwnPassword(ctxOf(req, database), req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  api.post(
    '/users/:userId/reset-password',
    {
      schema: {
        tags: ['auth'],
        summary: '管理员重置密码（返回一次性临时密码）',
        params: z.object({ userId: z.string().uuid('用户无效') }),
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (req) => resetPassword(ctxOf(req, database), req.params.userId),
  );
}
