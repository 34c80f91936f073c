/**
 * Sign-up benchmark (`npm run bench:signup`): a burst of sign-ups for an activity with few seats, against the
 * running server over loopback HTTP with real session cookies, per database engine.
 *
 *   1. one school union with 2 000 members on the roster, each with an account, the 会员 role and a session
 *      (made by the app's own createSession, as a log-in does); a chair who publishes, through the API, an
 *      activity with 100 seats open to everyone (audience 'all') and a warm-up activity like it;
 *   2. the server — the app of src/server/app.ts plus one bench-only floor route (bench/lib/signup-server.ts) —
 *      in a child process, so the load generator does not share its event loop;
 *   3. warm-up: the same burst for the warm-up activity (2 000 sign-ups for 100 seats) and 2 000 floor requests;
 *   4. the floor: 2 000 requests from the 2 000 members to a bare authenticated route doing one INSERT
 *      (same session lookup, same database), at the same concurrency — two runs right before the burst and
 *      one right after it; the floor is their median (other work on the host moves single runs a lot);
 *   5. the burst: 2 000 sign-ups `POST /api/v1/activities/:id/registrations` from the 2 000 members at
 *      concurrency 100, on keep-alive connections;
 *   6. the server stopped, the database itself is read: confirmed and wait-listed registrations, the activity's
 *      confirmed_count, each member's status against the answer they got, the audit chain re-verified.
 *
 * Prints one JSON object on stdout; progress goes to stderr. The PostgreSQL part runs when TEST_DATABASE_URL
 * (or DATABASE_URL) is set, in a database created for the run and dropped after it.
 *
 * Knobs for quick local runs (the defaults are the benchmark): BENCH_MEMBERS, BENCH_CAPACITY,
 * BENCH_CONCURRENCY, BENCH_SKIP_EMBEDDED=1, BENCH_CPU_PROF=<dir> (writes the server's V8 CPU profiles under <dir>/<engine>/).
 */
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseTarget } from '../src/server/db/client.js';
import { verifyAuditTrail } from '../src/server/modules/audit/audit.service.js';
import { burst, type BurstResult } from './lib/burst.js';
import { runBench, runOnEngines } from './lib/engines.js';
import { ApiClient } from './lib/http-client.js';
import { fail, log, quantile, round } from './lib/log.js';
import { repoRoot, startServer } from './lib/server-process.js';
import { FLOOR_PATH, seedSignupSchool, type SignupData } from './lib/signup-data.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const MEMBERS = num('BENCH_MEMBERS', 2000);
const CAPACITY = num('BENCH_CAPACITY', 100);
const CONCURRENCY = num('BENCH_CONCURRENCY', 100);
/** The warm-up is a whole burst of each kind: the server's JIT (and PGlite's WebAssembly tiers) reach steady state. */
const WARMUP = MEMBERS;

const serverScript = path.join(repoRoot, 'bench/lib/signup-server.ts');

interface EngineResult {
  engine: 'embedded' | 'postgres';
  members: number;
  capacity: number;
  concurrency: number;
  confirmed: number;
  waitlisted: number;
  errors: number;
  requests_per_s: number;
  p50_ms: number;
  p95_ms: number;
  floor_requests_per_s: number;
  floor_p95_ms: number;
  ratio: number;
  targets_met: boolean;
  /** Every floor run (two before the burst, one after); the floor reported is their median. */
  floor_runs_requests_per_s: number[];
  /** The machine's 1-minute load average when the burst started (other work on the host skews both figures). */
  load_avg_1m: number;
  /**
   * CPU time of the server process per request (user + system, from /proc), for the burst and for the floor
   * (mean of its runs): not skewed by other work on the host. With the embedded engine it includes the
   * database; with PostgreSQL the database's own processes are not counted.
   */
  cpu_ms_per_request: number;
  floor_cpu_ms_per_request: number;
  /** Read from the database after the run (the server stopped). */
  db: { confirmed: number; waitlisted: number; other: number; confirmed_count: number; notifications: number; audit_events: number; audit_chain_intact: boolean };
}

interface RegistrationAnswer {
  registrationId: string | null;
  status: string | null;
  activityId: string;
}

const DAY = 86_400_000;
/** An instant as the web sends it: Asia/Shanghai wall time with its offset. */
function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Publishes an activity with `capacity` seats, open to all active members, sign-up open now. */
async function publishActivity(chair: ApiClient, typeId: string, title: string, capacity: number): Promise<string> {
  const now = Date.now();
  const startsAt = now + 7 * DAY;
  const created = await chair.call<{ ids: string[] }>('POST', '/api/v1/activities', {
    typeId,
    title,
    description: '每位教职工限报一项，名额有限，额满后进入候补。',
    startsAt: shanghai(startsAt),
    endsAt: shanghai(startsAt + 3 * 3_600_000),
    place: '学校体育馆',
    audience: { kind: 'all' },
    capacity,
    signupOpensAt: shanghai(now - 3_600_000),
    signupClosesAt: shanghai(startsAt - DAY),
    cancelDeadline: shanghai(startsAt - DAY),
    needsApproval: false,
    fields: [],
  });
  const id = created.ids[0];
  if (!id) fail(`creating "${title}" answered no id: ${JSON.stringify(created)}`);
  return id;
}

function signups(data: SignupData, activityId: string, from: number, to: number) {
  return data.members.slice(from, to).map((m) => ({ method: 'POST', path: `/api/v1/activities/${activityId}/registrations`, cookie: m.cookie, body: { answers: {} } }));
}

function floorRequests(data: SignupData, from: number, to: number) {
  return data.members.slice(from, to).map((m) => ({ method: 'POST', path: FLOOR_PATH, cookie: m.cookie, body: {} }));
}

/** The error answers of a burst in a few words: how many of each status, and the first bodies. */
function describeErrors(label: string, r: BurstResult): string {
  const bad = r.outcomes.filter((o) => o.status < 200 || o.status >= 300);
  const byStatus = new Map<string, number>();
  for (const o of bad) byStatus.set(String(o.status || o.error), (byStatus.get(String(o.status || o.error)) ?? 0) + 1);
  return `${label}: ${bad.length} errors (${[...byStatus].map(([k, v]) => `${k} × ${v}`).join(', ')}), e.g. ${bad
    .slice(0, 3)
    .map((o) => o.body.slice(0, 300) || o.error)
    .join(' | ')}`;
}

function statusesOf(r: BurstResult): (string | null)[] {
  return r.outcomes.map((o) => {
    if (o.status < 200 || o.status >= 300) return null;
    return (JSON.parse(o.body) as RegistrationAnswer).status;
  });
}

async function runEngine(kind: 'embedded' | 'postgres', target: DatabaseTarget): Promise<EngineResult> {
  // The embedded database admits one process at a time: the data is made here, then the server takes it over.
  log(`[${kind}] seeding one union with ${MEMBERS} members, accounts and sessions…`);
  const started = performance.now();
  const setup = await openDatabase(target);
  let data: SignupData;
  try {
    await setup.migrate();
    data = await seedSignupSchool(setup, MEMBERS);
    // As after a real roster import (which analyzes the members table): the planner knows the tables' sizes.
    await setup.query('ANALYZE');
  } finally {
    await setup.close();
  }
  log(`[${kind}] seeded in ${round((performance.now() - started) / 1000, 1)} s`);

  // DATABASE_URL is cleared for the embedded run, so a URL in the environment cannot redirect it.
  const dbEnv: Record<string, string> = 'url' in target ? { DATABASE_URL: target.url } : { DATABASE_URL: '', UNIONHOME_DATA_DIR: (target as { dataDir: string }).dataDir };
  const profDir = process.env.BENCH_CPU_PROF;
  const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir, kind)}`] : [];
  const server = await startServer({ ...dbEnv, UNIONHOME_ADMIN_PHONE: '', UNIONHOME_ADMIN_PASSWORD: '' }, kind, [...nodeArgs, '--import', 'tsx', serverScript]);
  const chair = new ApiClient(server.baseUrl);
  chair.cookie = data.chairCookie;
  let activityId: string;
  const floorRuns: BurstResult[] = [];
  const floorCpuMs: number[] = [];
  let run: BurstResult;
  let loadAvg: number;
  let cpuMs: number;
  try {
    const types = await chair.call<{ items: { id: string; kind: string; archived: boolean }[] }>('GET', '/api/v1/activity-types');
    const type = types.items.find((t) => t.kind === 'culture_sport' && !t.archived) ?? types.items.find((t) => !t.archived);
    if (!type) fail(`the union has no activity type: ${JSON.stringify(types)}`);
    const warmId = await publishActivity(chair, type.id, '教职工气排球赛（预热）', CAPACITY);
    activityId = await publishActivity(chair, type.id, '教职工羽毛球赛', CAPACITY);

    // Warm-up: both paths compiled and their connections open before anything is timed.
    const warmSignups = await burst(server.baseUrl, signups(data, warmId, 0, WARMUP), CONCURRENCY);
    if (warmSignups.errors > 0) fail(describeErrors(`${kind} warm-up sign-ups`, warmSignups));
    const warmFloor = await burst(server.baseUrl, floorRequests(data, 0, WARMUP), CONCURRENCY);
    if (warmFloor.errors > 0) fail(describeErrors(`${kind} warm-up floor`, warmFloor));
    log(`[${kind}] warm-up: ${WARMUP} sign-ups at ${round(warmSignups.requestsPerS, 0)}/s, ${WARMUP} floor requests at ${round(warmFloor.requestsPerS, 0)}/s`);

    const measureFloor = async (label: string) => {
      const cpu0 = server.cpuMs();
      const f = await burst(server.baseUrl, floorRequests(data, 0, MEMBERS), CONCURRENCY);
      floorCpuMs.push((server.cpuMs() - cpu0) / MEMBERS);
      if (f.errors > 0) fail(describeErrors(`${kind} floor`, f));
      floorRuns.push(f);
      log(`[${kind}] floor ${label}: ${round(f.requestsPerS, 0)} requests/s, p95 ${round(quantile(f.outcomes.map((o) => o.ms), 0.95))} ms, server CPU ${round(floorCpuMs.at(-1)!)} ms/request`);
    };
    await measureFloor('run 1 (before)');
    await measureFloor('run 2 (before)');

    log(`[${kind}] burst: ${MEMBERS} sign-ups for ${CAPACITY} seats at concurrency ${CONCURRENCY}…`);
    loadAvg = os.loadavg()[0];
    const cpu0 = server.cpuMs();
    run = await burst(server.baseUrl, signups(data, activityId, 0, MEMBERS), CONCURRENCY);
    cpuMs = (server.cpuMs() - cpu0) / MEMBERS;
    log(`[${kind}] burst: ${round(run.requestsPerS, 0)} requests/s, p95 ${round(quantile(run.outcomes.map((o) => o.ms), 0.95))} ms, ${run.errors} errors, server CPU ${round(cpuMs)} ms/request`);
    if (run.errors > 0) log(describeErrors(`[${kind}] burst`, run));
    await measureFloor('run 3 (after)');
  } finally {
    chair.close();
    await server.stop();
  }

  // The answers, then the database itself.
  const answered = statusesOf(run);
  const confirmed = answered.filter((s) => s === 'confirmed').length;
  const waitlisted = answered.filter((s) => s === 'waitlisted').length;
  const check = await openDatabase(target);
  let db: EngineResult['db'];
  try {
    const rows = await check.query<{ member_id: string; status: string; waitlist_seq: string | number | null }>(
      'SELECT member_id, status, waitlist_seq FROM activity_registrations WHERE activity_id = $1',
      [activityId],
    );
    const [activity] = await check.query<{ confirmed_count: number; capacity: number }>('SELECT confirmed_count, capacity FROM activities WHERE id = $1', [activityId]);
    const [{ n: notifications }] = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE link LIKE $1', [`%${activityId}%`]);
    const [{ n: auditEvents }] = await check.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action LIKE 'registration.%'", [activityId]);
    const byMember = new Map(rows.map((r) => [r.member_id, r]));
    if (byMember.size !== rows.length) fail(`${kind}: a member holds two registrations`);
    const mismatched = data.members.filter((m, i) => answered[i] !== null && byMember.get(m.memberId)?.status !== answered[i]);
    if (mismatched.length > 0) fail(`${kind}: ${mismatched.length} members were answered a status the database does not hold`);
    const waitSeqs = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlist_seq);
    if (waitSeqs.some((s) => s === null) || new Set(waitSeqs.map(String)).size !== waitSeqs.length) fail(`${kind}: wait-list numbers missing or repeated`);
    // Every sign-up appended to the union's audit chain at once: the chain must still verify, unforked.
    const trail = await verifyAuditTrail(check.db);
    if (trail.breaks.length > 0) log(`[${kind}] the audit chain is broken: ${JSON.stringify(trail.breaks)}`);
    db = {
      confirmed: rows.filter((r) => r.status === 'confirmed').length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
      other: rows.filter((r) => r.status !== 'confirmed' && r.status !== 'waitlisted').length,
      confirmed_count: activity.confirmed_count,
      notifications,
      audit_events: auditEvents,
      audit_chain_intact: trail.breaks.length === 0,
    };
  } finally {
    await check.close();
  }
  if (db.confirmed !== db.confirmed_count) fail(`${kind}: ${db.confirmed} confirmed registrations but confirmed_count = ${db.confirmed_count}`);
  if (run.errors === 0 && (db.confirmed !== confirmed || db.waitlisted !== waitlisted)) {
    fail(`${kind}: the answers say ${confirmed} confirmed / ${waitlisted} wait-listed, the database ${db.confirmed} / ${db.waitlisted}`);
  }

  const ms = run.outcomes.map((o) => o.ms);
  const floor = [...floorRuns].sort((x, y) => x.requestsPerS - y.requestsPerS)[Math.floor(floorRuns.length / 2)];
  const result: EngineResult = {
    engine: kind,
    members: MEMBERS,
    capacity: CAPACITY,
    concurrency: CONCURRENCY,
    confirmed,
    waitlisted,
    errors: run.errors,
    requests_per_s: round(run.requestsPerS, 0),
    p50_ms: round(quantile(ms, 0.5)),
    p95_ms: round(quantile(ms, 0.95)),
    floor_requests_per_s: round(floor.requestsPerS, 0),
    floor_p95_ms: round(quantile(floor.outcomes.map((o) => o.ms), 0.95)),
    ratio: round(run.requestsPerS / floor.requestsPerS, 3),
    targets_met: confirmed === CAPACITY && db.confirmed === CAPACITY && db.audit_chain_intact && run.errors === 0 && run.requestsPerS >= 0.5 * floor.requestsPerS,
    floor_runs_requests_per_s: floorRuns.map((f) => round(f.requestsPerS, 0)),
    load_avg_1m: round(loadAvg, 1),
    cpu_ms_per_request: round(cpuMs),
    floor_cpu_ms_per_request: round(floorCpuMs.reduce((x, y) => x + y, 0) / floorCpuMs.length),
    db,
  };
  log(`[${kind}]`, result);
  return result;
}

runBench(() => runOnEngines('signup', runEngine));
