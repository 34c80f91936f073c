import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

/** The Drizzle database (or a transaction on it); both engines share this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** An open database: Drizzle, a raw SQL escape hatch for tools and benchmarks, and a way to close it. */
export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  /** Runs one SQL statement with positional parameters and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * The same as a named prepared statement, where the engine keeps them (PostgreSQL, per connection): parsed and
   * planned once per connection instead of at every call — for the few hottest statements, whose text never varies.
   */
  prepared<T = Record<string, unknown>>(name: string, text: string, params: unknown[]): Promise<T[]>;
  /** Runs raw statements on one connection inside one transaction (for backup and restore). */
  rawTransaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Where the database lives: a PostgreSQL URL, a PGlite data directory, or ':memory:' for tests. */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/** Opens the embedded PGlite database or a pooled connection to a PostgreSQL server. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openEmbedded('dataDir' in target ? target.dataDir : undefined);
}

/**
 * The embedded engine's buffer pool. PostgreSQL's default (128 MB) lives inside PGlite's WebAssembly memory and
 * is resident from the start, on top of the operating system's cache of the same files; 32 MB holds a
 * district's roster and its indexes, and keeps the whole server well under 500 MB.
 */
const EMBEDDED_SHARED_BUFFERS = '32MB';

async function openEmbedded(dataDir?: string): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const options = { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] };
  const client = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'embedded',
    async query(text, params) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as never;
    },
    async prepared(_name, text, params) {
      return (await client.query(text, params)).rows as never;
    },
    async rawTransaction(fn) {
      return client.transaction(async (tx) => fn(async (text, params) => (await tx.query(text, params as unknown[])).rows as never));
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.UNIONHOME_PG_POOL ?? 10) });
  // An idle connection dropped by the server (restart, failover, DROP … WITH (FORCE)) must not kill the app:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL 连接中断（已丢弃该连接）：${err.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query(text, params) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows as never;
    },
    async prepared(name, text, params) {
      return (await pool.query({ name, text, values: params })).rows as never;
    },
    async rawTransaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        const result = await fn(async (text, params) => (await conn.query(text, params as unknown[])).rows as never);
        await conn.query('COMMIT');
        return result;
      } catch (e) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        conn.release();
      }
    },
    async migrate() {
      // Several app processes may start at once: one migrates, the others wait on the advisory lock.
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock(727274001)');
        await migratePg(drizzlePg(conn) as never, { migrationsFolder });
      } finally {
        await conn.query('SELECT pg_advisory_unlock(727274001)').catch(() => undefined);
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** The rows of a raw statement's result (`db.execute`), whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
