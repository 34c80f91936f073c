import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.js';

/** A value COPY writes: text, a number, a boolean, an array of text (a text[] column), or NULL. */
export type CopyValue = string | number | boolean | readonly string[] | null | undefined;

/** Escapes one field for COPY's text format: backslash, tab, newline and carriage return. */
function escapeField(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : text;
}

/** A text[] literal with every element quoted, so commas, braces, quotes and "NULL" stay plain text. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** One line of COPY text: fields separated by tabs, NULL as \N. */
export function copyLine(values: readonly CopyValue[]): string {
  return `${values
    .map((v) => {
      if (v === null || v === undefined) return '\\N';
      if (typeof v === 'boolean') return v ? 't' : 'f';
      if (Array.isArray(v)) return escapeField(arrayLiteral(v));
      return escapeField(String(v));
    })
    .join('\t')}\n`;
}

/** Lines per COPY on the embedded engine, whose input is copied into its WebAssembly memory in one piece. */
const EMBEDDED_COPY_ROWS = 2000;

/** The driver connection a Drizzle transaction runs on (a PGlite transaction or a pg client). */
function connectionOf(tx: Db): unknown {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('copyRows needs a Drizzle transaction');
  return client;
}

/**
 * Appends rows to a table with COPY … FROM, inside the caller's transaction: several times faster than INSERT
 * for thousands of rows on both engines. `table` and `columns` are identifiers from the schema, never user input.
 */
export async function copyRows(tx: Db, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void> {
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  const client = connectionOf(tx);
  if (client instanceof pg.Client) {
    const lines = (function* () {
      let chunk = '';
      let n = 0;
      for (const row of rows) {
        chunk += copyLine(row);
        if (++n % 1000 === 0) yield chunk, (chunk = '');
      }
      if (chunk) yield chunk;
    })();
    await pipeline(Readable.from(lines), client.query(copyFrom(statement)));
    return;
  }
  const pglite = client as { query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };
  const blobStatement = statement.replace('FROM STDIN', "FROM '/dev/blob'");
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const blob = new Blob(batch);
    batch = [];
    await pglite.query(blobStatement, [], { blob });
  };
  for (const row of rows) {
    batch.push(copyLine(row));
    if (batch.length >= EMBEDDED_COPY_ROWS) await flush();
  }
  await flush();
}
