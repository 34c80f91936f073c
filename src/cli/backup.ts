import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../server/db/schema/index.js';
import type { Database } from '../server/db/client.js';

const FORMAT = 'unionhome-backup';
const CHUNK = 1000;

/** Table names in schema order (parents before children), as declared in db/schema/index.ts. */
export function tableOrder(): string[] {
  // A module namespace lists its exports alphabetically, so the order is derived from the foreign keys:
  // every table comes after the tables it references (self-references aside).
  const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));
  const name = (t: PgTable) => getTableName(t);
  const deps = new Map(tables.map((t) => [name(t), getTableConfig(t).foreignKeys.map((fk) => name(fk.reference().foreignTable)).filter((d) => d !== name(t))]));
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n)) return;
    if (path.has(n)) throw new Error(`foreign keys form a cycle at ${n}`);
    path.add(n);
    for (const d of deps.get(n) ?? []) visit(d, path);
    path.delete(n);
    ordered.push(n);
  };
  for (const t of [...deps.keys()].sort()) visit(t, new Set());
  return ordered;
}

/**
 * Writes every table to a gzip file of JSON lines — a header, then chunks of rows as PostgreSQL's
 * row_to_json gives them — the same on the embedded database and on a server.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const tables = tableOrder();
  const [{ version }] = await database.query<{ version: number }>('SELECT count(*)::int AS version FROM drizzle.__drizzle_migrations');
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = (obj: unknown) => new Promise<void>((resolve) => (gzip.write(`${JSON.stringify(obj)}\n`) ? resolve() : gzip.once('drain', resolve)));
  await write({ format: FORMAT, version: 1, schemaVersion: version, createdAt: new Date().toISOString(), tables });
  let total = 0;
  // One snapshot for all tables, so the backup is consistent even while the app is writing.
  await database.rawTransaction(async (query) => {
    for (const table of tables) {
      const rows = await query<{ r: unknown }>(`SELECT row_to_json(t) AS r FROM "${table}" t`);
      for (let i = 0; i < rows.length; i += CHUNK) await write({ table, rows: rows.slice(i, i + CHUNK).map((x) => x.r) });
      total += rows.length;
    }
  });
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
    gzip.end();
  });
  return { tables: tables.length, rows: total };
}

/** Replaces the whole database's content with a backup, in one transaction (all or nothing). */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  // pipeline (not pipe) passes a read error of the file on to the reader, instead of leaving it waiting forever.
  const input = pipeline(fs.createReadStream(file), zlib.createGunzip(), () => undefined);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: { format: string; schemaVersion: number; tables: string[] } | null = null;
  const chunks: { table: string; rows: unknown[] }[] = [];
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      const obj = JSON.parse(line);
      if (!header) {
        if (obj?.format !== FORMAT || !Array.isArray(obj.tables)) throw new Error('not a backup');
        header = obj;
      } else if (typeof obj?.table === 'string' && Array.isArray(obj.rows)) chunks.push(obj);
      else throw new Error('bad chunk');
    }
  } catch (e) {
    // Not gzip, not JSON lines, someone else's JSON, cut short, unreadable: one plain answer, nothing touched.
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `备份文件不存在：${file}` : '不是职工之家的备份文件，或文件已损坏';
    throw new Error(`${reason}（数据库未作任何改动）`);
  }
  if (!header) throw new Error('备份文件是空的');
  const [{ version }] = await database.query<{ version: number }>('SELECT count(*)::int AS version FROM drizzle.__drizzle_migrations');
  if (header.schemaVersion !== version) throw new Error(`备份的数据库版本（${header.schemaVersion}）与当前程序（${version}）不一致`);
  const known = new Set(tableOrder());
  for (const t of [...header.tables, ...chunks.map((c) => c.table)]) if (!known.has(t)) throw new Error(`备份中含有未知的表：${t}`);
  let total = 0;
  await database.rawTransaction(async (query) => {
    await query(`TRUNCATE ${tableOrder().map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    // Parents before children, whatever order the file lists them in.
    const order = tableOrder();
    chunks.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
    for (const { table, rows } of chunks) {
      await query(
        `INSERT INTO "${table}" OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`,
        [JSON.stringify(rows)],
      );
      total += rows.length;
    }
    const [{ max }] = await query<{ max: number | null }>('SELECT max(id)::int AS max FROM audit_events');
    if (max) await query(`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), ${max})`);
  });
  return { tables: header.tables.length, rows: total };
}
