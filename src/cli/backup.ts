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

/** Rows fetched from the cursor at a time, and the most JSON text one chunk line may carry (photos are large). */
const FETCH_ROWS = 200;
const CHUNK_MAX_CHARS = 8 * 1024 * 1024;

/**
 * Writes every table to a gzip file of JSON lines — a header, then chunks of rows as PostgreSQL's
 * row_to_json gives them — the same on the embedded database and on a server. Rows are read through a cursor and
 * written in chunks bounded by rows and by size, so a table of photos never has to fit in memory at once.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const tables = tableOrder();
  const [{ version }] = await database.query<{ version: number }>('SELECT count(*)::int AS version FROM drizzle.__drizzle_migrations');
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = (line: string) => new Promise<void>((resolve) => (gzip.write(`${line}\n`) ? resolve() : gzip.once('drain', resolve)));
  await write(JSON.stringify({ format: FORMAT, version: 1, schemaVersion: version, createdAt: new Date().toISOString(), tables }));
  let total = 0;
  // One snapshot for all tables, so the backup is consistent even while the app is writing.
  await database.rawTransaction(async (query) => {
    for (const table of tables) {
      await query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM "${table}" t`);
      let rows: string[] = [];
      let size = 0;
      const flush = async () => {
        if (rows.length === 0) return;
        await write(`{"table":${JSON.stringify(table)},"rows":[${rows.join(',')}]}`);
        rows = [];
        size = 0;
      };
      for (;;) {
        const fetched = await query<{ r: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const { r } of fetched) {
          if (rows.length >= CHUNK || (rows.length > 0 && size + r.length > CHUNK_MAX_CHARS)) await flush();
          rows.push(r);
          size += r.length;
        }
        total += fetched.length;
        if (fetched.length < FETCH_ROWS) break;
      }
      await flush();
      await query('CLOSE backup_rows');
    }
  });
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
    gzip.end();
  });
  return { tables: tables.length, rows: total };
}

/** The backup's lines as objects; any failure to read them becomes one plain Chinese answer. */
async function* backupLines(file: string): AsyncGenerator<Record<string, unknown>> {
  // pipeline (not pipe) passes a read error of the file on to the reader, instead of leaving it waiting forever.
  const input = pipeline(fs.createReadStream(file), zlib.createGunzip(), () => undefined);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      const obj = JSON.parse(line);
      if (obj === null || typeof obj !== 'object') throw new Error('bad line');
      yield obj;
    }
  } catch (e) {
    // Not gzip, not JSON lines, cut short, unreadable: one plain answer (the restore's transaction rolls back).
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `备份文件不存在：${file}` : '不是职工之家的备份文件，或文件已损坏';
    throw new Error(`${reason}（数据库未作任何改动）`);
  }
}

const damaged = () => new Error('不是职工之家的备份文件，或文件已损坏（数据库未作任何改动）');

/**
 * Replaces the whole database's content with a backup, in one transaction (all or nothing). The chunks are
 * inserted as they are read, parents before children (the order backups are written in), so a backup larger
 * than memory restores too; a bad or out-of-order chunk anywhere rolls everything back.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const lines = backupLines(file);
  const first = await lines.next();
  if (first.done) throw new Error('备份文件是空的');
  const header = first.value as { format?: unknown; schemaVersion?: unknown; tables?: unknown };
  if (header.format !== FORMAT || !Array.isArray(header.tables)) throw damaged();
  const [{ version }] = await database.query<{ version: number }>('SELECT count(*)::int AS version FROM drizzle.__drizzle_migrations');
  if (header.schemaVersion !== version) throw new Error(`备份的数据库版本（${String(header.schemaVersion)}）与当前程序（${version}）不一致`);
  const order = tableOrder();
  for (const t of header.tables) if (!order.includes(t as string)) throw new Error(`备份中含有未知的表：${String(t)}`);
  let total = 0;
  await database.rawTransaction(async (query) => {
    await query(`TRUNCATE ${order.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    let at = 0;
    for await (const chunk of lines) {
      const { table, rows } = chunk as { table?: unknown; rows?: unknown };
      if (typeof table !== 'string' || !Array.isArray(rows)) throw damaged();
      const index = order.indexOf(table);
      if (index < 0) throw new Error(`备份中含有未知的表：${table}`);
      // A child's rows before its parent's would break the foreign keys half-way: such a file is not ours.
      if (index < at) throw damaged();
      at = index;
      try {
        await query(
          `INSERT INTO "${table}" OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`,
          [JSON.stringify(rows)],
        );
      } catch (e) {
        // A row whose parent is missing or repeated: the file was not written whole by a backup of ours.
        if (['23503', '23505'].includes((e as { code?: string }).code ?? '')) throw damaged();
        throw e;
      }
      total += rows.length;
    }
    const [{ max }] = await query<{ max: number | null }>('SELECT max(id)::int AS max FROM audit_events');
    if (max) await query(`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), ${max})`);
    // The wait-list numbers come from a sequence of their own, which TRUNCATE … RESTART IDENTITY does not touch:
    // move it past the restored numbers, or a new wait-listed member could jump ahead of the restored ones.
    const [{ seq }] = await query<{ seq: string | null }>('SELECT max(waitlist_seq)::text AS seq FROM activity_registrations');
    if (seq) await query("SELECT setval('activity_waitlist_seq', $1::bigint)", [seq]);
  });
  return { tables: header.tables.length, rows: total };
}
