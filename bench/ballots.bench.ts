/**
 * Ballot benchmark (`npm run bench:ballots`): a whole school casting its democratic-evaluation ballots at once, over
 * loopback HTTP with real session cookies, per database engine.
 *
 *   1. one school union with 2 000 members in employment (会籍正常), each with an account, the 会员 role and a
 *      session (bench/lib/signup-data.ts, as the sign-up benchmark); the chair creates and publishes, through the
 *      API, an evaluation of 5 leaders on the 5 default dimensions for all members, and a warm-up one like it;
 *   2. the server — the app plus the bench-only floor route (bench/lib/signup-server.ts) — in a child process;
 *   3. warm-up: the whole burst on the warm-up evaluation and 2 000 floor requests;
 *   4. the floor: 2 000 requests to the bare authenticated one-INSERT route at the same concurrency, twice before
 *      the burst and once after; the floor is their median;
 *   5. the burst: 2 000 ballots `POST /api/v1/evaluations/:id/ballots` at concurrency 100, with every tenth voter
 *      sending the same ballot a second time right after the first (a double tap): 2 200 requests, of which 200
 *      must be refused with 409 "您已参加过本次测评…";
 *   6. the server stopped, the database is read: ballots, roll marks, audit events, the audit chains re-verified.
 *
 * Prints one JSON object on stdout ({embedded, postgres}, each with voters, ballots, duplicates_refused, errors,
 * ballots_per_s, p95_ms, floor_requests_per_s and more); progress goes to stderr. ballots_per_s counts accepted
 * ballots over the whole burst's wall time (the refused doubles included in that time). The PostgreSQL part runs
 * when TEST_DATABASE_URL (or DATABASE_URL) is set, in a database created for the run and dropped after it.
 *
 * Knobs: BENCH_VOTERS, BENCH_CONCURRENCY, BENCH_SKIP_EMBEDDED=1, BENCH_CPU_PROF=<dir> (the server's V8 CPU profiles).
 */
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../src/domain/seeded-random.js';
import { openDatabase, type DatabaseTarget } from '../src/server/db/client.js';
import { verifyAuditTrail } from '../src/server/modules/audit/audit.service.js';
import { burst, type BurstRequest, type BurstResult } from './lib/burst.js';
import { runBench, runOnEngines } from './lib/engines.js';
import { ApiClient } from './lib/http-client.js';
import { fail, log, quantile, round } from './lib/log.js';
import { repoRoot, startServer } from './lib/server-process.js';
import { FLOOR_PATH, seedSignupSchool, type SignupData } from './lib/signup-data.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const VOTERS = num('BENCH_VOTERS', 2000);
const CONCURRENCY = num('BENCH_CONCURRENCY', 100);
/** Every tenth voter taps 提交 twice. */
const DOUBLE_EVERY = 10;
const ALREADY = '您已参加过本次测评，每人只能提交一次';
const serverScript = path.join(repoRoot, 'bench/lib/signup-server.ts');

interface EngineResult {
  engine: 'embedded' | 'postgres';
  voters: number;
  ballots: number;
  duplicates_refused: number;
  errors: number;
  ballots_per_s: number;
  p50_ms: number;
  p95_ms: number;
  floor_requests_per_s: number;
  floor_p95_ms: number;
  ratio: number;
  targets_met: boolean;
  concurrency: number;
  floor_runs_requests_per_s: number[];
  load_avg_1m: number;
  /** Server CPU per request (user + system from /proc; with PostgreSQL the database's processes are not counted). */
  cpu_ms_per_request: number;
  floor_cpu_ms_per_request: number;
  db: { ballots: number; marked: number; comments: number; audit_events: number; audit_chain_intact: boolean };
}

const MINUTE = 60_000;
const shanghai = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const LEADERS = [
  { name: '陈志远', post: '党支部书记、校长' },
  { name: '刘慧敏', post: '副校长' },
  { name: '黄建华', post: '副校长' },
  { name: '周丽萍', post: '工会主席' },
  { name: '吴国强', post: '教务处主任' },
];

/** Creates and publishes an evaluation of the five leaders for every member, open now for a day. */
async function publishEvaluation(chair: ApiClient, title: string): Promise<{ id: string; targets: { key: string }[]; dimensions: string[] }> {
  const now = Date.now();
  const draft = await chair.call<{ id: string }>('POST', '/api/v1/evaluations', {
    title,
    targets: LEADERS,
    voters: { kind: 'members' },
    opensAt: shanghai(now - MINUTE),
    closesAt: shanghai(now + 24 * 60 * MINUTE),
  });
  const e = await chair.call<{ id: string; eligible: number; targets: { key: string }[]; dimensions: string[] }>('POST', `/api/v1/evaluations/${draft.id}/publish`);
  if (e.eligible !== VOTERS) fail(`"${title}" has ${e.eligible} voters on its roll, expected ${VOTERS}`);
  return e;
}

/** The burst's requests: each voter's ballot (a quarter with a comment), every tenth sent twice in a row. */
function ballotRequests(data: SignupData, e: { id: string; targets: { key: string }[]; dimensions: string[] }, seed: number): BurstRequest[] {
  const rand = seededRandom(seed);
  const grade = () => Math.min(3, Math.floor(rand() * rand() * 4));
  const out: BurstRequest[] = [];
  data.members.slice(0, VOTERS).forEach((m, i) => {
    const ratings = e.targets.map((t, k) => ({
      targetKey: t.key,
      grades: e.dimensions.map(grade),
      overall: grade(),
      comment: i % 4 === 0 && k === i % e.targets.length ? '希望进一步加强与教职工的沟通，多听取一线意见。' : '',
    }));
    const r = { method: 'POST', path: `/api/v1/evaluations/${e.id}/ballots`, cookie: m.cookie, body: { ratings } };
    out.push(r);
    if (i % DOUBLE_EVERY === 0) out.push(r);
  });
  return out;
}

const floorRequests = (data: SignupData) => data.members.slice(0, VOTERS).map((m) => ({ method: 'POST', path: FLOOR_PATH, cookie: m.cookie, body: {} }));

/** Accepted ballots, clear refusals of a second ballot, and anything else. */
function classify(r: BurstResult) {
  let ballots = 0;
  let refused = 0;
  const other: string[] = [];
  for (const o of r.outcomes) {
    if (o.status === 201) ballots++;
    else if (o.status === 409 && o.body.includes(ALREADY)) refused++;
    else other.push(`${o.status || o.error}: ${o.body.slice(0, 200)}`);
  }
  return { ballots, refused, other };
}

async function runEngine(kind: 'embedded' | 'postgres', target: DatabaseTarget): Promise<EngineResult> {
  log(`[${kind}] seeding one union with ${VOTERS} members, accounts and sessions…`);
  const setup = await openDatabase(target);
  let data: SignupData;
  try {
    await setup.migrate();
    data = await seedSignupSchool(setup, VOTERS);
    await setup.query('ANALYZE');
  } finally {
    await setup.close();
  }

  const dbEnv: Record<string, string> = 'url' in target ? { DATABASE_URL: target.url } : { DATABASE_URL: '', UNIONHOME_DATA_DIR: (target as { dataDir: string }).dataDir };
  const profDir = process.env.BENCH_CPU_PROF;
  const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir, kind)}`] : [];
  const server = await startServer({ ...dbEnv, UNIONHOME_ADMIN_PHONE: '', UNIONHOME_ADMIN_PASSWORD: '' }, kind, [...nodeArgs, '--import', 'tsx', serverScript]);
  const chair = new ApiClient(server.baseUrl);
  chair.cookie = data.chairCookie;
  const floorRuns: BurstResult[] = [];
  const floorCpuMs: number[] = [];
  let evaluationId: string;
  let run: BurstResult;
  let loadAvg: number;
  let cpuMs: number;
  try {
    const warm = await publishEvaluation(chair, '民主测评（预热）');
    const measured = await publishEvaluation(chair, '2025年度校级领导班子民主测评');
    evaluationId = measured.id;

    const warmRun = await burst(server.baseUrl, ballotRequests(data, warm, 1), CONCURRENCY);
    const w = classify(warmRun);
    if (w.other.length > 0) fail(`${kind} warm-up: ${w.other.length} unexpected answers, e.g. ${w.other.slice(0, 3).join(' | ')}`);
    const warmFloor = await burst(server.baseUrl, floorRequests(data), CONCURRENCY);
    if (warmFloor.errors > 0) fail(`${kind} warm-up floor: ${warmFloor.errors} errors`);
    log(`[${kind}] warm-up: ${w.ballots} ballots at ${round(w.ballots / (warmRun.wallMs / 1000), 0)}/s, floor ${round(warmFloor.requestsPerS, 0)}/s`);

    const measureFloor = async (label: string) => {
      const cpu0 = server.cpuMs();
      const f = await burst(server.baseUrl, floorRequests(data), CONCURRENCY);
      floorCpuMs.push((server.cpuMs() - cpu0) / VOTERS);
      if (f.errors > 0) fail(`${kind} floor ${label}: ${f.errors} errors`);
      floorRuns.push(f);
      log(`[${kind}] floor ${label}: ${round(f.requestsPerS, 0)} requests/s, p95 ${round(quantile(f.outcomes.map((o) => o.ms), 0.95))} ms`);
    };
    await measureFloor('run 1 (before)');
    await measureFloor('run 2 (before)');

    const requests = ballotRequests(data, measured, 2);
    log(`[${kind}] burst: ${VOTERS} ballots (+${requests.length - VOTERS} doubles) at concurrency ${CONCURRENCY}…`);
    loadAvg = os.loadavg()[0];
    const cpu0 = server.cpuMs();
    run = await burst(server.baseUrl, requests, CONCURRENCY);
    cpuMs = (server.cpuMs() - cpu0) / requests.length;
    await measureFloor('run 3 (after)');
  } finally {
    chair.close();
    await server.stop();
  }

  const c = classify(run);
  if (c.other.length > 0) log(`[${kind}] ${c.other.length} unexpected answers, e.g. ${c.other.slice(0, 3).join(' | ')}`);
  const check = await openDatabase(target);
  let db: EngineResult['db'];
  try {
    const count = async (sql: string) => Number((await check.query<{ n: number }>(sql, [evaluationId]))[0].n);
    const trail = await verifyAuditTrail(check.db);
    db = {
      ballots: await count('SELECT count(*)::int AS n FROM evaluation_ballots WHERE evaluation_id = $1'),
      marked: await count('SELECT count(*)::int AS n FROM evaluation_voters WHERE evaluation_id = $1 AND has_voted'),
      comments: await count('SELECT count(*)::int AS n FROM evaluation_comments WHERE evaluation_id = $1'),
      audit_events: await count("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'evaluation.voted'"),
      audit_chain_intact: trail.breaks.length === 0,
    };
  } finally {
    await check.close();
  }
  if (db.ballots !== c.ballots || db.marked !== c.ballots || db.audit_events !== c.ballots) fail(`${kind}: ${c.ballots} ballots accepted, the database holds ${JSON.stringify(db)}`);

  const floor = [...floorRuns].sort((x, y) => x.requestsPerS - y.requestsPerS)[Math.floor(floorRuns.length / 2)];
  const ballotsPerS = c.ballots / (run.wallMs / 1000);
  const ms = run.outcomes.map((o) => o.ms);
  const result: EngineResult = {
    engine: kind,
    voters: VOTERS,
    ballots: c.ballots,
    duplicates_refused: c.refused,
    errors: c.other.length,
    ballots_per_s: round(ballotsPerS, 0),
    p50_ms: round(quantile(ms, 0.5)),
    p95_ms: round(quantile(ms, 0.95)),
    floor_requests_per_s: round(floor.requestsPerS, 0),
    floor_p95_ms: round(quantile(floor.outcomes.map((o) => o.ms), 0.95)),
    ratio: round(ballotsPerS / floor.requestsPerS, 3),
    targets_met: c.ballots === VOTERS && c.other.length === 0 && db.audit_chain_intact && ballotsPerS >= 0.5 * floor.requestsPerS,
    concurrency: CONCURRENCY,
    floor_runs_requests_per_s: floorRuns.map((f) => round(f.requestsPerS, 0)),
    load_avg_1m: round(loadAvg, 1),
    cpu_ms_per_request: round(cpuMs),
    floor_cpu_ms_per_request: round(floorCpuMs.reduce((x, y) => x + y, 0) / floorCpuMs.length),
    db,
  };
  log(`[${kind}]`, result);
  return result;
}

runBench(() => runOnEngines('ballots', runEngine));
