import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { secondConnection } from '../support/test-db.js';
import { countRows, signIn, type Client } from '../support/api.js';
import { ballot, crowd, ok, setup, type Voter } from '../support/evaluation-stage.js';

/*
 * 500 voters cast at once, and 100 of them send a second ballot at the same moment: exactly 500 ballots, 500 marks on
 * the roll, 100 clear refusals, one audit event per voter. On PostgreSQL half the voters go through a second app
 * with its own pool, as a second process would.
 */

const VOTERS = 500;
const DUPLICATES = 100;
let t: Awaited<ReturnType<typeof createTestApp>>;
let second: Awaited<ReturnType<typeof secondConnection>>;
let secondApp: App;
let chair: Client;
let voters: Voter[];

beforeAll(async () => {
  t = await createTestApp();
  second = await secondConnection(t.database);
  secondApp = second.database === t.database ? t.app : await buildApp(second.database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'silent' });
  const A = await buildSchool(t.database, '并发测评中学工会');
  chair = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '并发主席' })).phone!);
  voters = await crowd(t.database, t.app, A.union, VOTERS, { prefix: '教工', phonePrefix: '1365', postType: (i) => (i % 5 === 0 ? 'staff' : 'teacher'), appOf: (i) => (i % 2 ? secondApp : t.app) });
});
afterAll(async () => {
  if (secondApp !== t.app) await secondApp.close();
  await second.close();
  await t.close();
});

describe('casting under concurrency', () => {
  it('takes exactly one ballot from each of 500 voters casting at once, and refuses 100 second ballots clearly', async () => {
    const created = ok(await chair.post('/api/v1/evaluations', setup({ allowComments: true })), 201);
    const e = ok(await chair.post(`/api/v1/evaluations/${created.id}/publish`));
    expect(e.eligible).toBe(VOTERS);
    const path = `/api/v1/evaluations/${e.id}/ballots`;
    const ballotOf = (i: number) => ballot(e, i % 4, i % 4, [`意见${i}`]);
    const requests = voters.map((v, i) => v.c.post(path, ballotOf(i)));
    // The same ballot sent twice, as a double tap on 提交 would.
    for (let i = 0; i < DUPLICATES; i++) requests.push(voters[i * 5].c.post(path, ballotOf(i * 5)));
    const answers = await Promise.all(requests);
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(VOTERS);
    const refusals = answers.filter((r) => r.statusCode !== 201);
    expect(refusals).toHaveLength(DUPLICATES);
    for (const r of refusals) expect(r.json().error).toMatchObject({ code: 'CONFLICT', message: '您已参加过本次测评，每人只能提交一次' });
    // Each duplicated voter got one acceptance and one refusal, whichever of their two requests came first.
    for (let i = 0; i < DUPLICATES; i++) expect([answers[i * 5].statusCode, answers[VOTERS + i].statusCode].sort()).toEqual([201, 409]);

    expect(await countRows(t.database, 'evaluation_ballots', 'evaluation_id = $1', [e.id])).toBe(VOTERS);
    expect(await countRows(t.database, 'evaluation_comments', 'evaluation_id = $1', [e.id])).toBe(VOTERS);
    expect(await countRows(t.database, 'evaluation_voters', 'evaluation_id = $1 AND has_voted', [e.id])).toBe(VOTERS);
    expect(await countRows(t.database, 'audit_events', "action = 'evaluation.voted' AND entity_id = $1", [e.id])).toBe(VOTERS);
    expect(ok(await chair.get(`/api/v1/evaluations/${e.id}`)).cast).toBe(VOTERS);
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);

    const closed = ok(await chair.post(`/api/v1/evaluations/${e.id}/close`));
    expect(closed.cast).toBe(VOTERS);
    const r = ok(await chair.get(`/api/v1/evaluations/${e.id}/results`));
    expect(r.targets[0].overall.counts).toEqual([125, 125, 125, 125]);
    expect(r.targets[0].comments).toHaveLength(VOTERS);
    expect(await countRows(t.database, 'evaluation_ballots', 'evaluation_id = $1', [e.id])).toBe(VOTERS);
  });
});
