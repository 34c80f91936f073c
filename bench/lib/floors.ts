import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { openDatabase, type DatabaseTarget } from '../../src/server/db/client.js';
import { XLSX_READER_OPTIONS } from '../../src/server/modules/imports/spreadsheet-reader.js';
import { rosterPageQueries } from '../../src/server/modules/members/members.repository.js';
import type { MemberListQuery } from '../../src/contracts/members.js';
import type { Ctx } from '../../src/server/http/context.js';

/**
 * exceljs alone: the same streaming WorkbookReader with the same options, fed the same way (256 KB chunks of
 * the buffer), every row of the first sheet iterated and every value touched. Returns seconds and rows.
 */
export async function readXlsxFloor(buffer: Buffer): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const chunk = 256 * 1024;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < buffer.length; i += chunk) yield buffer.subarray(i, i + chunk);
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, XLSX_READER_OPTIONS);
  let rows = 0;
  let touched = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      for (let i = 1; i < values.length; i++) if (values[i] !== null && values[i] !== undefined) touched++;
      rows++;
    }
    break;
  }
  if (touched === 0) throw new Error('exceljs floor read no values');
  return { seconds: (performance.now() - started) / 1000, rows: rows - 1 };
}

/** The union whose roster the list benchmark pages through, as the chair sees it. */
export interface ListScope {
  orgId: string;
}

/**
 * The roster list's SQL issued directly through the driver: the exact statements Drizzle builds for the
 * route (rows page and count, run together as the route runs them), for the same pages in the same order.
 * Returns one duration in ms per page.
 */
export async function listQueryFloor(
  target: DatabaseTarget,
  scope: ListScope,
  base: Omit<MemberListQuery, 'page'>,
  warmPages: number[],
  pages: number[],
): Promise<{ durations: number[]; sample: string }> {
  const database = await openDatabase(target);
  try {
    const [org] = await database.query<{ path: string }>('SELECT path FROM orgs WHERE id = $1', [scope.orgId]);
    if (!org) throw new Error(`union ${scope.orgId} not found for the list floor`);
    // The actor the route would build for the union's chair; only the query builders see it.
    const ctx: Ctx = {
      database,
      db: database.db,
      actor: {
        sessionId: 'bench',
        userId: '00000000-0000-0000-0000-000000000000',
        name: 'bench',
        isPlatformAdmin: false,
        org: { id: scope.orgId, path: org.path, kind: 'grassroots' },
        roles: [{ role: 'chair', portfolio: '' }],
      },
    };
    const statements = (page: number) => {
      const q = rosterPageQueries(ctx, { ...base, page } as MemberListQuery);
      return [q.rows.toSQL(), q.total.toSQL()];
    };
    const run = async (page: number) => {
      const [rows, total] = statements(page);
      const started = performance.now();
      const [r, t] = await Promise.all([database.query(rows.sql, rows.params), database.query(total.sql, total.params)]);
      const ms = performance.now() - started;
      if (r.length === 0 || t.length !== 1) throw new Error(`floor query for page ${page} returned ${r.length} rows`);
      return ms;
    };
    for (const p of warmPages) await run(p);
    const durations: number[] = [];
    for (const p of pages) durations.push(await run(p));
    const [rows, total] = statements(pages[0]);
    return { durations, sample: `${rows.sql} -- ${JSON.stringify(rows.params)}\n${total.sql} -- ${JSON.stringify(total.params)}` };
  } finally {
    await database.close();
  }
}
