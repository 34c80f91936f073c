import pg from 'pg';
import { log } from './log.js';

/**
 * Creates a database for the run on the PostgreSQL server of `serverUrl`, runs `fn` with its URL, and drops it
 * afterwards (forcing out connections left behind by a failed run).
 */
export async function withFreshDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>, prefix = 'unionhome_bench'): Promise<T> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    log(`[postgres] created database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(async () => admin.query(`DROP DATABASE IF EXISTS "${name}"`));
    log(`[postgres] dropped database ${name}`);
    await admin.end();
  }
}
