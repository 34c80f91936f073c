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

/**
 * Another pool of connections to the same PostgreSQL database as `database`: what a second app process would have.
 * On the embedded database (one process by nature) it is `database` itself, and `close` leaves it open.
 */
export async function secondConnection(database: Database): Promise<{ database: Database; close: () => Promise<void> }> {
  if (database.kind !== 'postgres') return { database, close: async () => undefined };
  const [{ name }] = await database.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const other = await openDatabase({ url: url.toString() });
  return { database: other, close: () => other.close() };
}
