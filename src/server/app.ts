import '../contracts/zod-setup.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from './db/client.js';
import type { Config } from './config.js';
import { LIMITS } from '../contracts/limits.js';
import { notFoundReply, registerErrorHandling } from './http/error-handler.js';
import { registerOriginCheck } from './http/origin-check.js';
import { actorFromToken, SESSION_COOKIE } from './modules/auth/sessions.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { memberRoutes } from './modules/members/members.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { calendarRoutes, icalRoutes } from './modules/calendar/calendar.routes.js';
import { activityRoutes } from './modules/activities/activities.routes.js';
import { activityExtraRoutes } from './modules/activities/activities.extra.routes.js';
import { clubRoutes } from './modules/clubs/clubs.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { careRoutes } from './modules/care/care.routes.js';
import { careExtraRoutes } from './modules/care/care.extra.routes.js';
import { hardshipRoutes } from './modules/hardship/hardship.routes.js';
import { proposalRoutes } from './modules/proposals/proposals.routes.js';
import { proposalHandlingRoutes } from './modules/proposals/proposal-handling.routes.js';
import { congressRoutes } from './modules/congress/congress.routes.js';
import { congressSessionRoutes } from './modules/congress/congress-sessions.routes.js';
import { evaluationRoutes } from './modules/evaluations/evaluations.routes.js';
import { electionRoutes } from './modules/elections/elections.routes.js';

export type App = FastifyInstance;

/**
 * Client-side routes (/members/…) get the single-page app; a missing asset or API route stays a 404, so a
 * stale page never receives HTML in place of a script.
 */
function setSpaFallback(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/assets/') && !/\.[a-z0-9]+(\?|$)/i.test(req.url);
    if (isPage) return reply.sendFile('index.html');
    return notFoundReply(req, reply);
  });
}

/** Everything a route module needs from the app. */
export interface Deps {
  database: Database;
  config: Pick<Config, 'isCookieSecure'>;
}

const webDist = process.env.UNIONHOME_WEB_DIR
  ? path.resolve(process.env.UNIONHOME_WEB_DIR)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the Fastify app explicitly: plugins, hooks, then each module's routes. */
export async function buildApp(
  database: Database,
  config: Pick<Config, 'isCookieSecure' | 'allowedOrigins' | 'logLevel'> & Partial<Pick<Config, 'trustProxy'>> & {
    /** Where the log lines go instead of stdout (a test reads them, to prove what never reaches a log). */
    logStream?: NodeJS.WritableStream;
  },
): Promise<App> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, ...(config.logStream ? { stream: config.logStream } : {}) },
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For/-Host are believed only from a configured proxy: otherwise any client could pick its own
    // address (and so its own log-in rate-limit bucket).
    // (Cast only to pick Fastify's HTTP/1 overload: a hop count or an address list is accepted at run time.)
    trustProxy: (config.trustProxy ?? false) as boolean,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: LIMITS.importFileMaxBytes, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Unionhome 职工之家 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerOriginCheck(app, config.allowedOrigins);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.url.startsWith('/api/')) req.actor = await actorFromToken(database.db, token);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await database.query('SELECT 1');
    return { status: 'ok' };
  });

  const deps: Deps = { database, config };
  await app.register(
    async (api) => {
      await authRoutes(api, deps);
      await orgRoutes(api, deps);
      await memberRoutes(api, deps);
      await importRoutes(api, deps);
      await auditRoutes(api, deps);
      await dashboardRoutes(api, deps);
      await planRoutes(api, deps);
      await calendarRoutes(api, deps);
      await activityRoutes(api, deps);
      await activityExtraRoutes(api, deps);
      await clubRoutes(api, deps);
      await notificationRoutes(api, deps);
      await careRoutes(api, deps);
      await careExtraRoutes(api, deps);
      await hardshipRoutes(api, deps);
      await proposalRoutes(api, deps);
      await proposalHandlingRoutes(api, deps);
      await congressRoutes(api, deps);
      await congressSessionRoutes(api, deps);
      await evaluationRoutes(api, deps);
      await electionRoutes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  // Calendar apps subscribe without a session (the token in the path is the key): outside /api, where the
  // session hook does not look, and a GET, which the Origin check lets through.
  await icalRoutes(app, deps);

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    // Files are looked up on each request (wildcard), so a rebuild is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
    setSpaFallback(app);
  } else app.setNotFoundHandler(notFoundReply);
  return app;
}
