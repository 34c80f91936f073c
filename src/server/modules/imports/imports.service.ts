import { and, eq, getTableColumns, lt, ne, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { memberImports, members } from '../../db/schema/index.js';
import { detectMapping, ROSTER_FIELDS, type RosterField } from '../../../domain/roster-columns.js';
import { can } from '../../../domain/policy.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { checkImportRows, replanImportRows, type ImportMode, type PlannedRow } from './imports.check.js';
import { writeImport } from './imports.commit.js';
import { readSpreadsheet } from './spreadsheet-reader.js';
import type { RowProblem } from '../../../domain/roster-import.js';

/** A stage that has not moved for this long was cut off (the process stopped); the user starts again. */
const STALE_MS = 2 * 60_000;
/** Imports writing at least this many members refresh the members table's planner statistics. */
const ANALYZE_AFTER_ROWS = 500;

type ImportRow = typeof memberImports.$inferSelect;

export interface ImportResult {
  total: number;
  toCreate: number;
  toUpdate: number;
  problems: RowProblem[];
  created?: number;
  updated?: number;
}

function unionOf(ctx: Ctx) {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, 'member.import', { type: 'org', path: org.path })) throw forbidden('您在当前组织没有导入会员的权限');
  return org;
}

/**
 * The job with one of its large columns: the rows (for the check) or the planned rows (for the commit). The
 * uploaded file itself is not kept.
 */
async function loadImport(ctx: Ctx, id: string, with_: 'rows' | 'planned') {
  const union = unionOf(ctx);
  const { rows, planned, ...columns } = getTableColumns(memberImports);
  const [row] = await ctx.db
    .select({ ...columns, ...(with_ === 'rows' ? { rows } : { planned }) })
    .from(memberImports)
    .where(and(eq(memberImports.id, id), eq(memberImports.orgId, union.id)))
    .limit(1);
  if (!row) throw notFound('导入任务');
  return row as typeof row & { rows?: ImportRow['rows']; planned?: ImportRow['planned'] };
}

/**
 * The job's status columns, without the file or the rows: the wizard polls this several times a second while
 * a stage runs, and loading megabytes of rows each time would slow the very stage it is waiting for.
 */
async function loadImportStatus(ctx: Ctx, id: string) {
  const union = unionOf(ctx);
  const { rows: _rows, planned: _planned, ...columns } = getTableColumns(memberImports);
  const [row] = await ctx.db
    .select({ ...columns, rowCount: sql<number>`coalesce(${memberImports.rowCount}, ${memberImports.rowsDone})`.mapWith(Number) })
    .from(memberImports)
    .where(and(eq(memberImports.id, id), eq(memberImports.orgId, union.id)))
    .limit(1);
  if (!row) throw notFound('导入任务');
  return row;
}

async function setProgress(db: Db, id: string, progress: number, rowsDone: number) {
  await db.update(memberImports).set({ progress: Math.min(99, Math.round(progress)), rowsDone, updatedAt: new Date() }).where(eq(memberImports.id, id));
}

async function fail(db: Db, id: string, e: unknown) {
  const message = e instanceof AppError ? e.message : '处理文件时出错，请检查文件后重试';
  await db.update(memberImports).set({ status: 'failed', error: message, rows: null, updatedAt: new Date() }).where(eq(memberImports.id, id));
}

/** Registers the upload and reads it in the background from memory; the wizard polls the status. */
export async function startImport(ctx: Ctx, fileName: string, file: Buffer): Promise<string> {
  const union = unionOf(ctx);
  // An old .xls is known from its name: say so at once rather than after a background read.
  if (/\.xls$/i.test(fileName)) await readSpreadsheet(fileName, file);
  if (!/\.(xlsx|csv)$/i.test(fileName)) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 或 .csv 文件');
  // Old uploads of this union that were never committed are dropped, so rows do not pile up; committed imports
  // stay, as the record their members' history points to.
  await ctx.db
    .delete(memberImports)
    .where(and(eq(memberImports.orgId, union.id), ne(memberImports.status, 'committed'), lt(memberImports.createdAt, new Date(Date.now() - 86_400_000))));
  const [row] = await ctx.db
    .insert(memberImports)
    .values({ orgId: union.id, userId: ctx.actor.userId, fileName, status: 'reading' })
    .returning({ id: memberImports.id });
  setImmediate(() => void readInBackground(ctx.database, row.id, fileName, file));
  return row.id;
}

async function readInBackground(database: Database, id: string, fileName: string, file: Buffer) {
  const db = database.db;
  try {
    const sheet = await readSpreadsheet(fileName, file, (fraction, rows) => setProgress(db, id, fraction * 100, rows));
    if (sheet.rows.length === 0) throw new AppError('UNSUPPORTED_FILE', '表格中除表头外没有数据行');
    if (sheet.rows.length > 50_000) throw new AppError('UNSUPPORTED_FILE', '一次最多导入 50000 行，请分批导入');
    await db
      .update(memberImports)
      .set({ status: 'read', headers: sheet.headers, rows: sheet.rows, rowCount: sheet.rows.length, mapping: detectMapping(sheet.headers), progress: 100, rowsDone: sheet.rows.length, updatedAt: new Date() })
      .where(eq(memberImports.id, id));
  } catch (e) {
    await fail(db, id, e).catch(() => undefined);
  }
}

/** How often a waiting status request looks at the job again (any app process may be the one working on it). */
const WAIT_STEP_MS = 50;

const isBusy = (status: ImportRow['status']) => status === 'reading' || status === 'checking';

/**
 * The wizard's view of an import: stage, progress, headers and mapping, and the check's outcome. With `waitMs`,
 * a request made while the file is being read or checked returns as soon as that stage ends (or when the time
 * is up, with the progress so far), so the wizard moves on without polling delays.
 */
export async function getImport(ctx: Ctx, id: string, waitMs = 0) {
  const until = Date.now() + waitMs;
  let row = await loadImportStatus(ctx, id);
  while (isBusy(row.status) && Date.now() + WAIT_STEP_MS <= until) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    row = await loadImportStatus(ctx, id);
  }
  const isStale = isBusy(row.status) && Date.now() - new Date(row.updatedAt).getTime() > STALE_MS;
  return {
    id: row.id,
    fileName: row.fileName,
    status: isStale ? ('failed' as const) : row.status,
    progress: row.status === 'read' || row.status === 'checked' || row.status === 'committed' ? 100 : row.progress,
    rowsDone: row.rowsDone,
    rowCount: row.rowCount,
    headers: row.headers ?? [],
    mapping: (row.mapping ?? {}) as Record<string, RosterField>,
    mode: row.mode,
    result: (row.result as ImportResult | null) ?? null,
    error: isStale ? '处理被中断，请重新上传文件' : row.error,
  };
}

function validateMapping(mapping: Record<string, string>, headerCount: number): Record<string, RosterField> {
  const seen = new Set<string>();
  const out: Record<string, RosterField> = {};
  for (const [col, field] of Object.entries(mapping)) {
    const n = Number(col);
    if (!Number.isInteger(n) || n < 0 || n >= headerCount) throw fieldError(`mapping.${col}`, `第 ${col} 列不存在`);
    if (!field) continue;
    if (!ROSTER_FIELDS.includes(field as RosterField)) throw fieldError(`mapping.${col}`, `未知字段：${field}`);
    if (seen.has(field)) throw fieldError(`mapping.${col}`, '同一字段只能对应一列');
    seen.add(field);
    out[col] = field as RosterField;
  }
  if (!seen.has('name')) throw fieldError('mapping', '请指定哪一列是“姓名”');
  return out;
}

/** Saves the column mapping and checks every row in the background. */
export async function checkImport(ctx: Ctx, id: string, mapping: Record<string, string>, mode: ImportMode) {
  const union = unionOf(ctx);
  const row = await loadImport(ctx, id, 'rows');
  if (row.status !== 'read' && row.status !== 'checked') throw new AppError('CONFLICT', '文件尚未读取完成或已导入');
  const cleanMapping = validateMapping(mapping, row.headers?.length ?? 0);
  await ctx.db.update(memberImports).set({ status: 'checking', mapping: cleanMapping, mode, progress: 0, rowsDone: 0, result: null, updatedAt: new Date() }).where(eq(memberImports.id, id));
  const db = ctx.db;
  const rows = row.rows ?? [];
  setImmediate(async () => {
    try {
      const outcome = await checkImportRows(db, union, rows, cleanMapping, mode, (done) => setProgress(db, id, (done / rows.length) * 100, done));
      const result: ImportResult = { total: outcome.total, toCreate: outcome.toCreate, toUpdate: outcome.toUpdate, problems: outcome.problems };
      await db.update(memberImports).set({ status: 'checked', result, planned: outcome.planned, progress: 100, rowsDone: rows.length, updatedAt: new Date() }).where(eq(memberImports.id, id));
    } catch (e) {
      await db.update(memberImports).set({ status: 'read', error: e instanceof AppError ? e.message : '检查时出错，请重试', updatedAt: new Date() }).where(eq(memberImports.id, id)).catch(() => undefined);
    }
  });
}

function importHasErrors(problems: RowProblem[]): AppError {
  const fields = problems.slice(0, 200).map((p) => ({ path: `rows.${p.row}.${p.field ?? ''}`, message: `第 ${p.row} 行：${p.message}` }));
  return new AppError('IMPORT_HAS_ERRORS', `有 ${problems.length} 处问题，未导入任何数据`, fields);
}

/**
 * Writes the import, all or nothing: the checked rows are placed against the roster again inside the
 * transaction (it may have changed since the preview) and any problem rolls everything back.
 */
export async function commitImport(ctx: Ctx, id: string) {
  const union = unionOf(ctx);
  const row = await loadImport(ctx, id, 'planned');
  if (row.status === 'committed') throw new AppError('CONFLICT', '该文件已导入，请勿重复提交');
  if (row.status !== 'checked' || !row.mapping || !row.mode) throw new AppError('CONFLICT', '请先完成检查');
  const written = await ctx.db.transaction(async (tx) => {
    // Lock the import row so a double click (or a second process) cannot commit it twice.
    await tx.execute(sql`SELECT id FROM ${memberImports} WHERE id = ${id} FOR UPDATE`);
    const [fresh] = await tx.select({ status: memberImports.status }).from(memberImports).where(eq(memberImports.id, id));
    if (fresh.status !== 'checked') throw new AppError('CONFLICT', '该文件已导入，请勿重复提交');
    // A file with any problem is never written, not even its good rows.
    const checkedProblems = (row.result as ImportResult | null)?.problems ?? [];
    if (checkedProblems.length > 0) throw importHasErrors(checkedProblems);
    const outcome = await replanImportRows(tx, union, (row.planned ?? []) as PlannedRow[], row.mode!, row.rowCount ?? row.rowsDone);
    if (outcome.problems.length > 0) throw importHasErrors(outcome.problems);
    const written = await writeImport(tx, union, id, outcome.planned, { userId: ctx.actor.userId, name: ctx.actor.name }, row.fileName);
    const result: ImportResult = { total: outcome.total, toCreate: outcome.toCreate, toUpdate: outcome.toUpdate, problems: [], ...written };
    await tx.update(memberImports).set({ status: 'committed', result, rows: null, planned: null, committedAt: sql`now()`, updatedAt: new Date() }).where(eq(memberImports.id, id));
    return written;
  });
  // A large import changes the roster's shape at once. Fresh planner statistics keep the roster list on its
  // indexes: the embedded engine has no autovacuum at all, and PostgreSQL's catches up only a minute later.
  // It runs after the response; it only refreshes statistics, so a failure (e.g. shutting down) is harmless.
  if (written.created + written.updated >= ANALYZE_AFTER_ROWS) {
    setImmediate(() => void ctx.db.execute(sql`ANALYZE ${members}`).catch(() => undefined));
  }
  return written;
}
