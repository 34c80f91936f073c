/**
 * The sign-up benchmark's server (a child process of `bench/signup.bench.ts`): the app exactly as
 * `unionhome serve` builds it (src/server/app.ts on the configured database, same environment variables), plus
 * one bench-only route, the floor:
 *
 *   POST /api/bench/floor — a bare authenticated Fastify route: the app's own hooks (origin check, the session
 *   lookup of every /api/ request) resolve the actor from the session cookie, then one INSERT on the same
 *   database. No schema, no service, no transaction: the least a signed-in write can cost in this process.
 *
 * The floor's table is created here, in the benchmark's throw-away database, never by the app's migrations.
 */
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/app.js';
import { openConfiguredDatabase } from '../../src/server/boot.js';
import { requireActor } from '../../src/server/http/context.js';
import { FLOOR_PATH } from './signup-data.js';

async function main() {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  await database.query(
    'CREATE TABLE IF NOT EXISTS bench_floor_hits (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id uuid NOT NULL, org_id uuid, at timestamptz NOT NULL DEFAULT now())',
  );
  const app = await buildApp(database, config);
  app.post(FLOOR_PATH, { schema: { hide: true } }, async (req) => {
    const actor = requireActor(req);
    const [row] = await database.query<{ id: string }>('INSERT INTO bench_floor_hits (user_id, org_id) VALUES ($1, $2) RETURNING id', [actor.userId, actor.org?.id ?? null]);
    return { id: row.id };
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(`bench server listening on ${config.host}:${config.port} (${database.kind})`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
