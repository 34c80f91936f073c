import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { buildSchool, buildUser } from '../support/test-app.js';
import { freshDatabase } from '../support/test-db.js';
import { signIn, type Client } from '../support/api.js';
import { ok, people, refused, type Person } from '../support/election-stage.js';

/*
 * An election's online ballots and the log (decision 012), with the app logging at level info into a buffer: a
 * ballot whose write fails leaves a line with the SQLSTATE only — not the statement's values (the receipt, the
 * marks) nor the failing row — and over a whole round (ballots, count, tracker) no line holds a receipt or a mark.
 */

let database: Database;
let app: App;
const lines: string[] = [];
let chair: Client;
let voters: Person[];
let candidate: Person;

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
  const A = await buildSchool(database, '选票日志中学工会');
  chair = await signIn(app, (await buildUser(database, [{ org: A.union, role: 'chair' }], { name: '日志主席' })).phone!);
  voters = await people(database, A.union, Array.from({ length: 6 }, (_, i) => ({ name: `日志选民${i + 1}` })), [app]);
  [candidate] = await people(database, A.union, [{ name: '丁候选' }], [app]);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const url = (path: string) => `/api/v1/elections${path}`;

describe('online ballots and the log', () => {
  it('logs a ballot whose write fails by its SQLSTATE only, and no receipt or mark ever', async () => {
    const e = ok(await chair.post(url(''), { title: '工会主席选举', position: 'chair', seats: 1, meeting: { kind: 'members' }, online: true, paper: false }), 201);
    ok(await chair.post(url(`/${e.id}/candidates`), { memberId: candidate.memberId }), 201);
    ok(await chair.post(url(`/${e.id}/start`)));
    ok(await chair.post(url(`/${e.id}/attendance`), { memberIds: [...voters, candidate].map((p) => p.memberId), present: true }));
    const round = ok(await chair.post(url(`/${e.id}/rounds`)), 201).rounds[0];
    const marks = { [round.candidateIds[0]]: 'no' };
    const from = lines.length;

    // Any failure inside the write: here a check no row can pass (the ORM's error would quote the statement's values).
    await database.query('ALTER TABLE election_ballots ADD CONSTRAINT test_refuses_every_row CHECK (false) NOT VALID');
    try {
      expect(refused(await voters[0].c.post(url(`/rounds/${round.id}/ballots`), { marks, writeIns: ['钱日志'] }), 500).code).toBe('INTERNAL');
    } finally {
      await database.query('ALTER TABLE election_ballots DROP CONSTRAINT test_refuses_every_row');
    }
    expect(lines.slice(from).some((l) => l.includes('BallotWriteError') && l.includes('23514'))).toBe(true);
    // Nothing was half-written: the voter may vote.
    expect(await database.query('SELECT 1 FROM election_round_voters WHERE round_id = $1', [round.id])).toHaveLength(0);

    const receipts: string[] = [];
    for (const p of voters) receipts.push(ok<{ receipt: string }>(await p.c.post(url(`/rounds/${round.id}/ballots`), { marks, writeIns: ['钱日志'] }), 201).receipt);
    ok(await chair.post(url(`/rounds/${round.id}/count`)));
    expect(ok(await voters[1].c.get(url(`/rounds/${round.id}/tracker`))).ballots).toHaveLength(voters.length);

    const secrets = ['Failing row', 'params:', '钱日志', round.candidateIds[0], ...receipts, ...voters.flatMap((p) => [p.memberId, p.userId])];
    for (const line of lines.slice(from)) for (const s of secrets) expect(line.includes(s), `log line holds ${s}: ${line}`).toBe(false);
  });
});
