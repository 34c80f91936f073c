/**
 * Roster benchmark (`npm run bench:roster`): a real `unionhome serve` process per database engine, talked to
 * over loopback HTTP with a real session cookie.
 *
 *   1. a district of 200 school unions and 30 000 members (seed:scale), plus one new 基层工会 with a chair;
 *   2. import of a 30 000-row .xlsx into that union through the import wizard's API
 *      (upload → read → check → commit), after a 1 000-row warm-up import into a second union, against the
 *      floor of exceljs alone reading the same file in this process (best of two, right before the import);
 *   3. the roster list API over the union's 30 000 members (one filter, pinyin order, varying pages),
 *      against the floor of the same SQL issued directly through the driver;
 *   4. the server's RSS after the import.
 *
 * Prints one JSON object on stdout; progress goes to stderr. The PostgreSQL part runs when TEST_DATABASE_URL
 * is set, in a database created for the run and dropped after it.
 *
 * Knobs for quick local runs (the defaults are the benchmark): BENCH_IMPORT_ROWS, BENCH_SEED_UNIONS,
 * BENCH_SEED_MEMBERS, BENCH_LIST_REQUESTS, BENCH_LIST_WARMUP, BENCH_SKIP_EMBEDDED=1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from '../src/server/db/client.js';
import { seededRandom } from '../src/domain/seeded-random.js';
import { ApiClient } from './lib/http-client.js';
import { listQueryFloor, readXlsxFloor } from './lib/floors.js';
import { withFreshDatabase } from './lib/fresh-pg.js';
import { fail, log, quantile, round, sleep } from './lib/log.js';
import { BENCH_GROUPS, writeRosterXlsx } from './lib/roster-xlsx.js';
import { runCli, startServer } from './lib/server-process.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const IMPORT_ROWS = num('BENCH_IMPORT_ROWS', 30_000);
const WARMUP_IMPORT_ROWS = 1000;
const SEED_UNIONS = num('BENCH_SEED_UNIONS', 200);
const SEED_MEMBERS = num('BENCH_SEED_MEMBERS', 30_000);
const LIST_REQUESTS = num('BENCH_LIST_REQUESTS', 200);
const LIST_WARMUP = num('BENCH_LIST_WARMUP', 20);
const PAGE_SIZE = 50;
/** The wizard's progress requests: each waits on the server up to WAIT_MS and returns when the stage ends. */
const WAIT_MS = 1000;
const POLL_MS = 50;

const ADMIN_PHONE = '13900000000';
const ADMIN_PASSWORD = 'BenchAdmin2024';
const CHAIR_PHONE = '13900000001';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One filter, pinyin order: the chair looking at the women on the roster (e.g. for 三八 activities). */
const LIST_FILTER = { gender: 'F' as const };

interface EngineResult {
  import_rows: number;
  import_s: number;
  import_floor_s: number;
  import_ratio: number;
  list_p50_ms: number;
  list_p95_ms: number;
  list_floor_p95_ms: number;
  list_target_met: boolean;
  rss_mb: number;
}

interface ImportView {
  id: string;
  status: 'reading' | 'read' | 'checking' | 'checked' | 'committed' | 'failed';
  progress: number;
  rowsDone: number;
  rowCount: number;
  headers: string[];
  mapping: Record<string, string>;
  result: { total: number; toCreate: number; toUpdate: number; problems: { row: number; column: string; value: string; message: string }[] } | null;
  error: string | null;
}

async function pollImport(client: ApiClient, id: string, busy: ImportView['status']): Promise<ImportView> {
  let lastLogged = 0;
  for (;;) {
    const view = await client.call<ImportView>('GET', `/api/v1/imports/${id}?waitMs=${WAIT_MS}`);
    if (view.status !== busy) return view;
    if (Date.now() - lastLogged > 5000) {
      lastLogged = Date.now();
      log(`  ${busy}… ${view.progress}% (${view.rowsDone} rows)`);
    }
    await sleep(POLL_MS);
  }
}

/** The pages the list benchmark visits: spread over the whole roster, the same sequence for HTTP and floor. */
function pageSequence(pageCount: number, n: number, seed: number): number[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => 1 + Math.floor(rand() * pageCount));
}

/** Drives the import wizard through the API: upload → read → check (detected mapping) → commit. */
async function importThroughApi(client: ApiClient, file: Buffer, rows: number, label: string) {
  const started = performance.now();
  const { data: upload } = await client.upload<{ id: string }>('/api/v1/imports', `roster-${rows}.xlsx`, XLSX_TYPE, file);
  const read = await pollImport(client, upload.id, 'reading');
  if (read.status !== 'read') fail(`${label}: reading the file ended in ${read.status}: ${read.error}`);
  const tRead = performance.now();
  if (read.rowCount !== rows) fail(`${label}: the server read ${read.rowCount} rows, expected ${rows}`);
  const mapped = new Set(Object.values(read.mapping));
  if (mapped.size < 14) fail(`${label}: the detected mapping misses fields: ${JSON.stringify(read.mapping)} for ${JSON.stringify(read.headers)}`);
  await client.call('POST', `/api/v1/imports/${upload.id}/check`, { mapping: read.mapping, mode: 'create' });
  const checked = await pollImport(client, upload.id, 'checking');
  const tChecked = performance.now();
  if (checked.status !== 'checked') fail(`${label}: the check ended in ${checked.status}: ${checked.error}`);
  const problems = checked.result?.problems ?? [];
  if (problems.length > 0) fail(`${label}: the check found ${problems.length} problems, e.g. ${JSON.stringify(problems.slice(0, 5))}`);
  if (checked.result?.toCreate !== rows) fail(`${label}: the check plans ${checked.result?.toCreate} new members, expected ${rows}`);
  const committed = await client.call<{ created: number; updated: number }>('POST', `/api/v1/imports/${upload.id}/commit`);
  const tCommitted = performance.now();
  if (committed.created !== rows) fail(`${label}: the commit created ${committed.created} members, expected ${rows}`);
  return {
    seconds: (tCommitted - started) / 1000,
    stages: `read ${round((tRead - started) / 1000)} s, check ${round((tChecked - tRead) / 1000)} s, commit ${round((tCommitted - tChecked) / 1000)} s`,
  };
}

async function runEngine(
  kind: 'embedded' | 'postgres',
  target: DatabaseTarget,
  xlsx: Buffer,
  warmXlsx: Buffer,
  floorXlsx: () => Promise<number>,
): Promise<EngineResult> {
  const dbEnv: Record<string, string> = 'url' in target ? { DATABASE_URL: target.url } : { UNIONHOME_DATA_DIR: (target as { dataDir: string }).dataDir };

  log(`[${kind}] seeding ${SEED_UNIONS} unions, ${SEED_MEMBERS} members (seed:scale)…`);
  let started = performance.now();
  const seedOut = await runCli(['seed:scale', '--unions', String(SEED_UNIONS), '--members', String(SEED_MEMBERS)], { ...dbEnv, UNIONHOME_DEMO: '0' });
  const seeded = JSON.parse(seedOut.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? 'null') as { districtId: string; unionIds: string[] } | null;
  if (!seeded?.districtId) fail(`seed:scale printed no district: ${seedOut.slice(0, 200)}`);
  log(`[${kind}] seeded in ${round((performance.now() - started) / 1000, 1)} s`);

  const server = await startServer({ ...dbEnv, UNIONHOME_ADMIN_PHONE: ADMIN_PHONE, UNIONHOME_ADMIN_PASSWORD: ADMIN_PASSWORD }, kind);
  const admin = new ApiClient(server.baseUrl);
  const chair = new ApiClient(server.baseUrl);
  let unionId: string;
  let importS: number;
  let floorS: number;
  let rssMb: number;
  let pages: number[];
  let warmPages: number[];
  const httpMs: number[] = [];
  try {
    // A new 基层工会 in the district, with a chair, created by the platform admin; and a second one for the
    // warm-up import, chaired by the same person.
    await admin.login(ADMIN_PHONE, ADMIN_PASSWORD);
    const newUnion = (name: string) =>
      admin.call<{ id: string; chairTemporaryPassword: string | null }>('POST', '/api/v1/orgs', {
        parentId: seeded.districtId,
        kind: 'grassroots',
        name,
        chair: { name: '林主席', phone: CHAIR_PHONE },
      });
    const union = await newUnion('规模测试导入学校工会');
    unionId = union.id;
    if (!union.chairTemporaryPassword) fail('creating the union did not return the chair’s temporary password');
    const me = await chair.login(CHAIR_PHONE, union.chairTemporaryPassword);
    if (me.currentOrg?.id !== unionId) fail(`the chair's session is not in the new union (${JSON.stringify(me.currentOrg)})`);
    const warmUnion = await newUnion('规模测试预热学校工会');
    const workIn = async (orgId: string) => {
      const now = await chair.call<{ currentOrg: { id: string } | null }>('PUT', '/api/v1/me/current-org', { orgId });
      if (now.currentOrg?.id !== orgId) fail(`could not switch the chair to ${orgId}`);
    };
    const addGroups = async (orgId: string) => {
      for (const g of BENCH_GROUPS) await chair.call('POST', '/api/v1/orgs', { parentId: orgId, kind: 'group', name: g.name, department: g.name });
    };

    // Warm-up: a small import in the other union, so the timed one does not pay for the server's first
    // compilation of the reader, the checks and the writes (the floor's exceljs is warm too).
    await workIn(warmUnion.id);
    await addGroups(warmUnion.id);
    const warm = await importThroughApi(chair, warmXlsx, WARMUP_IMPORT_ROWS, `${kind} warm-up`);
    log(`[${kind}] warm-up import of ${WARMUP_IMPORT_ROWS} rows: ${round(warm.seconds)} s`);
    await workIn(unionId);
    await addGroups(unionId);

    // Floor: exceljs alone on the same file, in this process, right before the import (best of two).
    log(`[${kind}] exceljs floor…`);
    floorS = Math.min(await floorXlsx(), await floorXlsx());
    log(`[${kind}] exceljs floor ${round(floorS)} s`);

    // The import, as the wizard drives it.
    log(`[${kind}] importing ${IMPORT_ROWS} rows…`);
    const imported = await importThroughApi(chair, xlsx, IMPORT_ROWS, kind);
    importS = imported.seconds;
    const memory = server.memory();
    rssMb = memory.rssMb;
    log(`[${kind}] import ${round(importS)} s (${imported.stages}); server RSS ${round(memory.rssMb, 0)} MB (peak ${round(memory.peakMb, 0)} MB)`);
    await sleep(3000);
    log(`[${kind}] server RSS 3 s later: ${round(server.memory().rssMb, 0)} MB`);
    const roster = await chair.call<{ total: number }>('GET', '/api/v1/members?page=1&pageSize=1');
    if (roster.total !== IMPORT_ROWS) fail(`the union's roster has ${roster.total} members after the import, expected ${IMPORT_ROWS}`);

    // The roster list over the union's members: one filter, pinyin order, pages spread over the roster.
    const query = (page: number) => `/api/v1/members?page=${page}&pageSize=${PAGE_SIZE}&sort=pinyin&gender=${LIST_FILTER.gender}`;
    const first = await chair.call<{ total: number }>('GET', query(1));
    const pageCount = Math.ceil(first.total / PAGE_SIZE);
    if (first.total < IMPORT_ROWS / 3) fail(`only ${first.total} members match the list filter`);
    warmPages = pageSequence(pageCount, LIST_WARMUP, 7);
    pages = pageSequence(pageCount, LIST_REQUESTS, 11);
    log(`[${kind}] list: ${first.total} members match, ${pageCount} pages; ${LIST_WARMUP} warm-up + ${LIST_REQUESTS} requests`);
    const fetchPage = async (page: number) => {
      const t0 = performance.now();
      const res = await chair.request('GET', query(page));
      const ms = performance.now() - t0;
      if (res.status !== 200) fail(`GET ${query(page)} → ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
      const body = res.json<{ items: unknown[]; total: number }>();
      if (body.items.length === 0 || body.total !== first.total) fail(`GET ${query(page)} returned ${body.items.length} items of ${body.total}`);
      return ms;
    };
    for (const p of warmPages) await fetchPage(p);
    for (const p of pages) httpMs.push(await fetchPage(p));
  } finally {
    admin.close();
    chair.close();
    await server.stop();
  }

  // Floor: the same SQL straight through the driver, on the same data (the server is stopped: PGlite allows
  // one process per data directory).
  log(`[${kind}] list floor (same SQL through the driver)…`);
  const floor = await listQueryFloor(target, { orgId: unionId }, { pageSize: PAGE_SIZE, sort: 'pinyin', ...LIST_FILTER }, warmPages, pages);
  log(`[${kind}] floor SQL:\n${floor.sample}`);
  const listP95 = quantile(httpMs, 0.95);
  const floorP95 = quantile(floor.durations, 0.95);
  const result: EngineResult = {
    import_rows: IMPORT_ROWS,
    import_s: round(importS),
    import_floor_s: round(floorS),
    import_ratio: round(importS / floorS),
    list_p50_ms: round(quantile(httpMs, 0.5)),
    list_p95_ms: round(listP95),
    list_floor_p95_ms: round(floorP95),
    list_target_met: listP95 <= 2 * floorP95 + 5,
    rss_mb: round(rssMb, 0),
  };
  log(`[${kind}] list floor p50 ${round(quantile(floor.durations, 0.5))} ms`, result);
  return result;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unionhome-bench-'));
  try {
    const xlsxPath = path.join(tmp, 'roster.xlsx');
    log(`writing a ${IMPORT_ROWS}-row roster .xlsx…`);
    await writeRosterXlsx(xlsxPath, IMPORT_ROWS);
    const xlsx = fs.readFileSync(xlsxPath);
    const warmPath = path.join(tmp, 'warm-up.xlsx');
    await writeRosterXlsx(warmPath, WARMUP_IMPORT_ROWS, 7);
    const warmXlsx = fs.readFileSync(warmPath);
    log(`roster file: ${round(xlsx.length / 1024 / 1024)} MB`);
    const floorXlsx = async () => {
      const r = await readXlsxFloor(xlsx);
      if (r.rows !== IMPORT_ROWS) fail(`exceljs read ${r.rows} data rows, expected ${IMPORT_ROWS}`);
      return r.seconds;
    };

    const embedded =
      process.env.BENCH_SKIP_EMBEDDED === '1' ? null : await runEngine('embedded', { dataDir: path.join(tmp, 'embedded-data') }, xlsx, warmXlsx, floorXlsx);
    const pgUrl = process.env.TEST_DATABASE_URL;
    const postgres = pgUrl ? await withFreshDatabase(pgUrl, (url) => runEngine('postgres', { url }, xlsx, warmXlsx, floorXlsx)) : null;
    const out: Record<string, unknown> = { embedded, postgres };
    if (!pgUrl) out.postgres_skipped = 'skipped: TEST_DATABASE_URL not set';
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
