import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../server/db/client.js';
import { memberImports, orgs } from '../server/db/schema/index.js';
import { detectMapping } from '../domain/roster-columns.js';
import type { RowProblem } from '../domain/roster-import.js';
import { readSpreadsheet } from '../server/modules/imports/spreadsheet-reader.js';
import { checkImportRows, type ImportMode } from '../server/modules/imports/imports.check.js';
import { writeImport } from '../server/modules/imports/imports.commit.js';

/**
 * The command-line import: the same reading, column detection, checks and all-or-nothing write as the web
 * wizard, with the headers detected automatically.
 */
export async function importMembersFromFile(database: Database, file: string, orgId: string, mode: ImportMode): Promise<{ created: number; updated: number; problems: RowProblem[] }> {
  if (!fs.existsSync(file)) throw new Error(`文件不存在：${file}`);
  const [union] = await database.db.select().from(orgs).where(eq(orgs.id, orgId)).limit(1);
  if (!union || union.kind !== 'grassroots') throw new Error('--org 应为一个基层工会的 ID');
  const sheet = await readSpreadsheet(path.basename(file), fs.readFileSync(file));
  const mapping = detectMapping(sheet.headers);
  if (!Object.values(mapping).includes('name')) throw new Error('没有找到“姓名”列');
  return database.db.transaction(async (tx) => {
    const outcome = await checkImportRows(tx, union, sheet.rows, mapping, mode);
    if (outcome.problems.length) return { created: 0, updated: 0, problems: outcome.problems };
    const fileName = path.basename(file);
    const result = { total: outcome.total, toCreate: outcome.toCreate, toUpdate: outcome.toUpdate, problems: [] };
    const [job] = await tx
      .insert(memberImports)
      .values({ orgId, userId: null, fileName, status: 'committed', headers: sheet.headers, rowCount: sheet.rows.length, mapping, mode, result, committedAt: sql`now()` })
      .returning({ id: memberImports.id });
    const written = await writeImport(tx, union, job.id, outcome.planned, { userId: null, name: '命令行导入' }, fileName);
    return { ...written, problems: [] };
  });
}
