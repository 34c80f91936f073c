import { gunzipSync, gzipSync } from 'node:zlib';
import { customType, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';

/** One spreadsheet row kept for the wizard's later stages. */
export type StoredRow = { row: number; cells: (string | number | boolean | null)[] };

/**
 * JSON kept gzip-compressed in base64 text (a quarter of jsonb's size), so the rows of a 30 000-row file move
 * through the database, and the embedded engine's memory, which never shrinks, lightly.
 */
const compressedJson = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    // Level 1: several times faster than the default for a fifth more bytes; the rows stay here for minutes.
    toDriver: (value) => gzipSync(JSON.stringify(value), { level: 1 }).toString('base64'),
    fromDriver: (text) => JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8')) as T,
  })(name);

/**
 * A roster import in progress. Every stage's result lives here (the uploaded file is read as it arrives and not
 * kept), not in a process's
 * memory, so any app process can answer the wizard's next request.
 */
export const memberImports = pgTable(
  'member_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    /** Who uploaded the file; null for an import run from the command line. */
    userId: uuid('user_id').references(() => users.id),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: ['reading', 'read', 'checking', 'checked', 'committed', 'failed'] }).notNull(),
    /** Percent done of the current stage (reading or checking), and rows handled so far. */
    progress: integer('progress').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    headers: jsonb('headers').$type<string[]>(),
    rows: compressedJson<StoredRow[]>('rows'),
    rowCount: integer('row_count'),
    /** Column index → roster field, as detected and then corrected by the user. */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    mode: text('mode', { enum: ['create', 'upsert'] }),
    /** The check's outcome: counts and every problem of every row. */
    result: jsonb('result'),
    /** The checked rows as they will be written (see imports.check.ts PlannedRow), kept from check to commit. */
    planned: compressedJson<unknown[]>('planned'),
    error: text('error'),
    /** When the rows were written; a committed import stays as the record its members' history points to. */
    committedAt: timestamp('committed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_imports_org_idx').on(t.orgId, t.createdAt)],
);
