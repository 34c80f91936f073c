import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL when UNIONHOME_TEST_ENGINE=postgres (dropped again on close).
 */
export async function freshDatabase(): Promise<Database> {
  if (process.env.UNIONHOME_TEST_ENGINE !== 'postgres') {
    const database = await openDatabase({ memory: true });
    await database.migrate();
    return database;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('UNIONHOME_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `uh_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  await database.migrate();
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return database;
}
