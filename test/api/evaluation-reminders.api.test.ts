import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEvaluationReminders } from '../../src/server/jobs/evaluation-reminders.job.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, signIn, type Client } from '../support/api.js';
import { ballot, crowd, ok, setup, type Voter } from '../support/evaluation-stage.js';

/*
 * In an evaluation's last day, those on the roll who have not voted yet are reminded once — not those who voted,
 * not before the last day, not after it closes, and not twice when the job runs again (or in two processes).
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let chair: Client;
let voters: Voter[];

beforeAll(async () => {
  t = await createTestApp();
  const A = await buildSchool(t.database, '催评中学工会');
  chair = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '催评主席' })).phone!);
  voters = await crowd(t.database, t.app, A.union, 4, { prefix: '催评', phonePrefix: '1367' });
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const reminded = (evaluationId: string) => countRows(t.database, 'notifications', "kind = 'evaluation_reminder' AND link = $1", [`/evaluations/${evaluationId}`]);

describe('reminding those who have not voted', () => {
  it('reminds each non-voter once in the last day, and nobody who voted', async () => {
    const created = ok(await chair.post('/api/v1/evaluations', setup({ voters: { kind: 'list', memberIds: voters.map((v) => v.memberId) } })), 201);
    const e = ok(await chair.post(`/api/v1/evaluations/${created.id}/publish`));
    ok(await voters[0].c.post(`/api/v1/evaluations/${e.id}/ballots`, ballot(e, 0)), 201);
    const closesAt = new Date(e.closesAt).getTime();

    // More than a day before the end: nothing yet.
    expect(await sendEvaluationReminders(t.database, new Date(closesAt - 25 * HOUR))).toEqual({ reminders: 0 });
    // In the last day: the three who have not voted, once, however often the job runs.
    expect(await sendEvaluationReminders(t.database, new Date(closesAt - 2 * HOUR))).toEqual({ reminders: 3 });
    const [again, twin] = await Promise.all([sendEvaluationReminders(t.database, new Date(closesAt - HOUR)), sendEvaluationReminders(t.database, new Date(closesAt - HOUR))]);
    expect(again.reminders + twin.reminders).toBe(0);
    expect(await reminded(e.id)).toBe(3);
    const mine = await t.database.query<{ user_id: string; title: string; body: string }>("SELECT user_id, title, body FROM notifications WHERE kind = 'evaluation_reminder'");
    expect(mine.map((n) => n.user_id).sort()).toEqual(voters.slice(1).map((v) => v.userId).sort());
    expect(mine[0].title).toBe('民主测评即将结束：2025年度校级领导班子成员民主测评');
    expect(mine[0].body).toMatch(/^测评将于 .+ 结束，您还没有提交评价。评价以匿名方式保存。$/);
    // After the end: no more reminders.
    expect(await sendEvaluationReminders(t.database, new Date(closesAt + HOUR))).toEqual({ reminders: 0 });
  });

  it('reminds nobody of a draft or of an evaluation closed early', async () => {
    const draft = ok(await chair.post('/api/v1/evaluations', setup({ title: '草稿测评', voters: { kind: 'list', memberIds: voters.map((v) => v.memberId) } })), 201);
    const closed = ok(await chair.post('/api/v1/evaluations', setup({ title: '提前结束的测评', voters: { kind: 'list', memberIds: voters.map((v) => v.memberId) } })), 201);
    ok(await chair.post(`/api/v1/evaluations/${closed.id}/publish`));
    ok(await chair.post(`/api/v1/evaluations/${closed.id}/close`));
    await sendEvaluationReminders(t.database, new Date(new Date(draft.closesAt).getTime() - HOUR));
    expect(await reminded(draft.id)).toBe(0);
    expect(await reminded(closed.id)).toBe(0);
  });
});
