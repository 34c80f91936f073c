import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { buildSchool, buildUser } from '../support/test-app.js';
import { freshDatabase } from '../support/test-db.js';
import { signIn, type Client } from '../support/api.js';
import { crowd, ok, refused, setup, type Voter } from '../support/evaluation-stage.js';

/*
 * The proof that nothing links a voter to a ballot (decision 012). The app logs at level info into a buffer; every
 * table of the database is read before the voters cast, after they have cast and after the close. Then:
 * - casting changes only the roll, the ballots, the comments and the audit; closing only the evaluation's own row
 *   and the audit (the ballots and comments are rewritten with the same content);
 * - no new or changed row outside the roll, the audit and the notifications holds a voter's member id, user id,
 *   name or phone, and no ballot or comment holds a time;
 * - the ballot table shares no column with the roll but the evaluation's id and the (k-anonymous) group;
 * - no log line holds a ballot's content or id, or a voter's identifiers;
 * - before the close the ballots lie in the order they were cast and share each voter's transaction id (what the
 *   close must undo); after it they all carry the close's transaction id, none of the roll's, in another order;
 * - a ballot whose write fails leaves a log line with the SQLSTATE only, not the failing row.
 */

const VOTERS = 12;
let database: Database;
let app: App;
const lines: string[] = [];
let chair: Client;
let voters: Voter[];

type Snapshot = Map<string, string[]>;

/** Every row of every table of the public schema, as JSON text. */
async function snapshot(): Promise<Snapshot> {
  const tables = await database.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const out: Snapshot = new Map();
  for (const { name } of tables) out.set(name, (await database.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM "${name}" t`)).map((x) => x.r));
  return out;
}

/** Rows of `after` that were not in `before` (new, or changed), per table. */
function changes(before: Snapshot, after: Snapshot): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const left = new Map<string, number>();
    for (const r of before.get(table) ?? []) left.set(r, (left.get(r) ?? 0) + 1);
    const fresh = rows.filter((r) => {
      const n = left.get(r) ?? 0;
      if (n > 0) left.set(r, n - 1);
      return n === 0;
    });
    if (fresh.length > 0) out.set(table, fresh);
  }
  return out;
}

const TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ROLL_AND_RECORDS = new Set(['evaluation_voters', 'audit_events', 'audit_chain_heads', 'notifications']);
/** Each voter's ratings differ: voter i's grades spell i in base 4, so the order of the ballots shows the casting order. */
const gradesOf = (i: number, dims: number) => Array.from({ length: dims }, (_, d) => Math.floor(i / 4 ** d) % 4);
const commentOf = (i: number) => `第${i}位的意见：食堂饭菜要改进-${i * 7919}`;
const signature = (ratings: number[][]) => JSON.stringify(ratings[0]);

beforeAll(async () => {
  database = await freshDatabase();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildApp(database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'info', logStream });
  await app.ready();
  const A = await buildSchool(database, '匿名测评中学工会');
  chair = await signIn(app, (await buildUser(database, [{ org: A.union, role: 'chair' }], { name: '匿名主席' })).phone!);
  voters = await crowd(database, app, A.union, VOTERS + 1, { prefix: '匿名教工', phonePrefix: '1381' });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('anonymity by construction', () => {
  it('keeps every table and log line free of any link between a voter and a ballot', async () => {
    const created = ok(await chair.post('/api/v1/evaluations', setup({ minGroupSize: 3 })), 201);
    const e = ok(await chair.post(`/api/v1/evaluations/${created.id}/publish`));
    expect(e.eligible).toBe(VOTERS + 1);
    const dims = e.dimensions.length;

    const beforeCast = await snapshot();
    const logsFrom = lines.length;
    for (let i = 0; i < VOTERS; i++) {
      const body = { ratings: e.targets.map((x: { key: string }, k: number) => ({ targetKey: x.key, grades: gradesOf(i, dims), overall: i % 4, comment: k === 0 ? commentOf(i) : '' })) };
      ok(await voters[i].c.post(`/api/v1/evaluations/${e.id}/ballots`, body), 201);
    }
    const afterCast = await snapshot();
    const cast = changes(beforeCast, afterCast);
    expect([...cast.keys()].sort()).toEqual(['audit_chain_heads', 'audit_events', 'evaluation_ballots', 'evaluation_comments', 'evaluation_voters']);

    // Before the close: the ballots lie in casting order and share each voter's transaction — what the close undoes.
    const inPlace = await database.query<{ id: string; ratings: number[][]; x: string }>('SELECT id, ratings, xmin::text AS x FROM evaluation_ballots WHERE evaluation_id = $1 ORDER BY ctid', [e.id]);
    const castOrder = Array.from({ length: VOTERS }, (_, i) => JSON.stringify(gradesOf(i, dims).concat(i % 4)));
    expect(inPlace.map((b) => signature(b.ratings))).toEqual(castOrder);
    const rollXmins = async () => new Set((await database.query<{ x: string }>('SELECT xmin::text AS x FROM evaluation_voters WHERE evaluation_id = $1', [e.id])).map((r) => r.x));
    const rollBefore = await rollXmins();
    expect(inPlace.filter((b) => rollBefore.has(b.x))).toHaveLength(VOTERS);

    ok(await chair.post(`/api/v1/evaluations/${e.id}/close`));
    const afterClose = await snapshot();
    const closing = changes(afterCast, afterClose);
    // The rewritten ballots and comments keep their content (their place and transaction change: checked below).
    expect([...closing.keys()].sort()).toEqual(['audit_chain_heads', 'audit_events', 'evaluations']);

    // No new or changed row outside the roll, the audit and the notifications names a voter.
    const identifiers = voters.flatMap((v) => [v.memberId, v.userId, v.name, v.phone]);
    for (const [table, rows] of changes(beforeCast, afterClose)) {
      if (ROLL_AND_RECORDS.has(table)) continue;
      for (const row of rows) for (const id of identifiers) expect(row.includes(id), `${table} holds ${id}: ${row}`).toBe(false);
    }
    // No ballot and no comment holds a time; the evaluation's row changed only by being closed, at one instant.
    for (const table of ['evaluation_ballots', 'evaluation_comments']) for (const row of afterClose.get(table)!) expect(TIME.test(row), row).toBe(false);
    const [was] = afterCast.get('evaluations')!.map((r) => JSON.parse(r));
    const [now] = afterClose.get('evaluations')!.map((r) => JSON.parse(r));
    expect(Object.keys(now).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(was[k])).sort()).toEqual(['closed_at', 'results', 'status', 'updated_at']);
    expect(new Date(now.closed_at).getTime()).toBe(new Date(now.updated_at).getTime());

    // The ballot shares no column with the roll but the evaluation and the group (recorded only for ≥ minGroupSize on the roll).
    const columns = async (table: string) => (await database.query<{ c: string }>("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1", [table])).map((r) => r.c);
    const roll = new Set(await columns('evaluation_voters'));
    expect((await columns('evaluation_ballots')).filter((c) => roll.has(c)).sort()).toEqual(['evaluation_id', 'voter_group']);
    expect((await columns('evaluation_comments')).filter((c) => roll.has(c))).toEqual(['evaluation_id']);

    // After the close: one transaction id for all ballots and comments, none of the roll's; another order.
    const shuffled = await database.query<{ id: string; ratings: number[][]; x: string }>('SELECT id, ratings, xmin::text AS x FROM evaluation_ballots WHERE evaluation_id = $1 ORDER BY ctid', [e.id]);
    expect(shuffled).toHaveLength(VOTERS);
    const ballotXmins = new Set(shuffled.map((b) => b.x));
    expect(ballotXmins.size).toBe(1);
    const commentXmins = new Set((await database.query<{ x: string }>('SELECT xmin::text AS x FROM evaluation_comments WHERE evaluation_id = $1', [e.id])).map((r) => r.x));
    expect(commentXmins).toEqual(ballotXmins);
    const rollAfter = await rollXmins();
    expect([...ballotXmins].filter((x) => rollAfter.has(x))).toEqual([]);
    expect(shuffled.map((b) => signature(b.ratings))).not.toEqual(castOrder);
    expect(shuffled.map((b) => signature(b.ratings)).sort()).toEqual([...castOrder].sort());

    // The logs: requests were logged, and nothing of a ballot or a voter reached them.
    const logged = lines.slice(logsFrom);
    expect(logged.filter((l) => l.includes('/ballots')).length).toBeGreaterThanOrEqual(VOTERS);
    const secrets = [...shuffled.map((b) => b.id), ...Array.from({ length: VOTERS }, (_, i) => commentOf(i)), '"ratings"', '"grades"', '"overall"', ...identifiers];
    for (const line of lines) for (const s of secrets) expect(line.includes(s), `log line holds ${s}: ${line}`).toBe(false);
  });

  it('logs a ballot whose write fails by its SQLSTATE only, never the failing row', async () => {
    const created = ok(await chair.post('/api/v1/evaluations', setup({ title: '写入失败的测评' })), 201);
    const e = ok(await chair.post(`/api/v1/evaluations/${created.id}/publish`));
    const grades = e.dimensions.map((_: string, d: number) => [3, 1, 2, 0, 1][d % 5]);
    const body = { ratings: e.targets.map((x: { key: string }) => ({ targetKey: x.key, grades, overall: 2, comment: '' })) };
    // Any failure inside the write: here a check no row can pass, whose error carries the row ("Failing row contains …").
    await database.query('ALTER TABLE evaluation_ballots ADD CONSTRAINT test_refuses_every_row CHECK (false) NOT VALID');
    const from = lines.length;
    try {
      expect(refused(await voters[VOTERS].c.post(`/api/v1/evaluations/${e.id}/ballots`, body), 500).code).toBe('INTERNAL');
    } finally {
      await database.query('ALTER TABLE evaluation_ballots DROP CONSTRAINT test_refuses_every_row');
    }
    const logged = lines.slice(from);
    expect(logged.some((l) => l.includes('BallotWriteError') && l.includes('23514'))).toBe(true);
    const ratings = [...grades, 2];
    const secrets = ['Failing row', JSON.stringify(ratings), ratings.join(', '), voters[VOTERS].memberId, voters[VOTERS].userId];
    for (const line of logged) for (const s of secrets) expect(line.includes(s), `log line holds ${s}: ${line}`).toBe(false);
    // Nothing was half-written, and the voter may try again.
    expect(ok(await chair.get(`/api/v1/evaluations/${e.id}`)).cast).toBe(0);
    ok(await voters[VOTERS].c.post(`/api/v1/evaluations/${e.id}/ballots`, body), 201);
  });
});
