import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  UNIONHOME_DATA_DIR: z.string().default('./data'),
  UNIONHOME_DEMO: z.enum(['0', '1']).optional(),
  UNIONHOME_ADMIN_PHONE: z.string().optional(),
  UNIONHOME_ADMIN_PASSWORD: z.string().optional(),
  UNIONHOME_COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /** Extra origins allowed to send state-changing requests, comma-separated (the app's own host always is). */
  UNIONHOME_ALLOWED_ORIGINS: z.string().default(''),
  /** The reverse proxy in front: a hop count, or its addresses (comma-separated IPs/CIDRs). Unset: none trusted. */
  UNIONHOME_TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Runtime configuration, read once from the environment and checked. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: 'auto' | 'on' | 'off';
  adminPhone?: string;
  adminPassword?: string;
  isCookieSecure: boolean;
  allowedOrigins: string[];
  /** Forwarded headers are believed only from these proxies (Fastify's trustProxy); false when none is set. */
  trustProxy: false | number | string;
  logLevel: string;
}

/** Reads and validates the environment; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO= in a shell or a .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量有误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.UNIONHOME_DATA_DIR),
    demo: e.UNIONHOME_DEMO === '1' ? 'on' : e.UNIONHOME_DEMO === '0' ? 'off' : 'auto',
    adminPhone: e.UNIONHOME_ADMIN_PHONE,
    adminPassword: e.UNIONHOME_ADMIN_PASSWORD,
    isCookieSecure: e.UNIONHOME_COOKIE_SECURE === '1',
    allowedOrigins: e.UNIONHOME_ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: !e.UNIONHOME_TRUST_PROXY ? false : /^\d+$/.test(e.UNIONHOME_TRUST_PROXY) ? Number(e.UNIONHOME_TRUST_PROXY) : e.UNIONHOME_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}
