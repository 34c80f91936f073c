import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site (CSRF defence on top of SameSite cookies):
 * an `Origin` whose host is not this server's host nor an allowed origin, or `Sec-Fetch-Site: cross-site`.
 * Requests without either header (command-line clients, tests) carry no browser cookie risk and pass.
 */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: string[]): void {
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw new AppError('ORIGIN_REFUSED');
      }
      // Behind a reverse proxy (trustProxy) req.host is the X-Forwarded-Host the browser actually used.
      const isSameHost = originHost === req.headers.host || originHost === req.host;
      if (!isSameHost && !allowedOrigins.includes(origin)) throw new AppError('ORIGIN_REFUSED');
      return;
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('ORIGIN_REFUSED');
  });
}
