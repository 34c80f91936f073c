import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeMemberInput } from '../../src/domain/member-fields.js';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import { congressRepresentatives, members, roleAssignments, sessions, users } from '../../src/server/db/schema/index.js';
import { SESSION_COOKIE, tokenHash } from '../../src/server/modules/auth/sessions.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { buildApp, type App } from '../../src/server/app.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { secondConnection } from '../support/test-db.js';
import { client, countRows, signIn, type Client, type Res } from '../support/api.js';

/*
 * Congress votes through the API with 67 representatives: a vote opens only with two thirds present (45 of 67, and
 * the refusal says how many more are needed), passes only with 赞成 above half of ALL representatives, online
 * ballots count once per representative even when each sends two at once (on PostgreSQL through two apps with their
 * own pools, as two processes), a secret vote's tables hold no link between voter and choice, paper totals are
 * checked against those present, the resolution lists each vote, and the hall screen never shows a choice early.
 */

const REPS = 67;
let t: Awaited<ReturnType<typeof createTestApp>>;
let second: Awaited<ReturnType<typeof secondConnection>>;
let secondApp: App;
let chair: Client;
let chairB: Client;
let outsider: Client;
let memberB: Client;
const reps: { memberId: string; repId: string; c: Client }[] = [];
let sessionId: string;

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; details?: Record<string, unknown>; fields?: { path: string; message: string }[] };
};

/** People with an account, a member file and a session, written in bulk (logging in 68 times would only hash passwords). */
async function crowd(union: { id: string }, count: number, prefix: string) {
  const people = Array.from({ length: count }, (_, i) => ({ name: `${prefix}${String(i + 1).padStart(2, '0')}`, phone: `135${prefix === '代表' ? '0' : '1'}${String(i).padStart(7, '0')}` }));
  const userRows = await t.database.db.insert(users).values(people.map((p) => ({ displayName: p.name, phone: p.phone, passwordHash: 'not-used-for-log-in' }))).returning({ id: users.id, phone: users.phone });
  await t.database.db.insert(roleAssignments).values(userRows.map((r) => ({ userId: r.id, orgId: union.id, role: 'member' as const, portfolio: '' })));
  const memberRows = await t.database.db
    .insert(members)
    .values(people.map((p, i) => ({ ...completeMemberInput({ name: p.name, staffNo: `${prefix}${i}` }), orgId: union.id, userId: userRows[i].id, tags: [] })) as (typeof members.$inferInsert)[])
    .returning({ id: members.id, userId: members.userId });
  const tokens = memberRows.map(() => randomBytes(32).toString('base64url'));
  await t.database.db.insert(sessions).values(memberRows.map((m, i) => ({ tokenHash: tokenHash(tokens[i]), userId: m.userId!, currentOrgId: union.id, expiresAt: new Date(Date.now() + 86_400_000) })));
  return memberRows.map((m, i) => ({ memberId: m.id, c: client(i % 2 ? secondApp : t.app, `${SESSION_COOKIE}=${tokens[i]}`) }));
}

beforeAll(async () => {
  t = await createTestApp();
  second = await secondConnection(t.database);
  secondApp = second.database === t.database ? t.app : await buildApp(second.database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'silent' });
  const A = await buildSchool(t.database, '表决一中工会');
  const B = await buildSchool(t.database, '表决二中工会', A.district);
  chair = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '表决主席' })).phone!);
  chairB = await signIn(t.app, (await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' })).phone!);
  const term = ok(await chair.post('/api/v1/congress/terms', { years: 5, startsOn: '2024-09-01' }), 201);
  const people = await crowd(A.union, REPS, '代表');
  const rows = await t.database.db
    .insert(congressRepresentatives)
    .values(people.map((p) => ({ orgId: A.union.id, termId: term.id, memberId: p.memberId, category: 'teacher' as const, electedOn: '2024-08-20' })))
    .returning({ id: congressRepresentatives.id, memberId: congressRepresentatives.memberId });
  people.forEach((p, i) => reps.push({ ...p, repId: rows[i].id }));
  [{ c: outsider }] = await crowd(A.union, 1, '会员');
  const uB = await buildUser(t.database, [{ org: B.union, role: 'member' }], { name: '二中会员' });
  await buildMember(t.database, B.union, { name: '二中会员', userId: uB.id });
  memberB = await signIn(t.app, uB.phone!);
  const s = ok(
    await chair.post(`/api/v1/congress/terms/${term.id}/sessions`, {
      startsAt: toShanghaiIso(new Date(Date.now() + 600_000)),
      place: '学校报告厅',
      agenda: [{ title: '学校工作报告', kind: 'report' }, { title: '教职工福利方案', kind: 'welfare' }, { title: '学校发展规划', kind: 'plan' }],
    }),
    201,
  );
  sessionId = s.id;
  expect(s.attendance).toMatchObject({ expected: REPS, present: 0, notYet: REPS });
});
afterAll(async () => {
  if (secondApp !== t.app) await secondApp.close();
  await second.close();
  await t.close();
});

const url = (path: string) => `/api/v1/congress/${path}`;
const tick = (from: number, to: number) => chair.post(url(`sessions/${sessionId}/attendance`), { memberIds: reps.slice(from, to).map((r) => r.memberId), status: 'present' });
const newVote = async (body: Record<string, unknown>) => ok(await chair.post(url(`sessions/${sessionId}/votes`), body), 201).id as string;
const agenda = async () => ok(await chair.get(url(`sessions/${sessionId}`))).agenda as { id: string; title: string }[];
const choiceOf = (i: number, yes: number, no: number) => (i < yes ? 'yes' : i < yes + no ? 'no' : 'abstain');

let namedVote: string;
let paperVote: string;
let secretVote: string;

describe('quorum', () => {
  it('opens a vote only in a session under way and with two thirds present, saying how many more are needed', async () => {
    namedVote = await newVote({ agendaItemId: (await agenda())[0].id, mode: 'named', channel: 'online' });
    expect(refused(await chair.post(url(`votes/${namedVote}/open`)), 409).message).toBe('会议尚未开始，请先宣布开会');
    ok(await chair.post(url(`sessions/${sessionId}/open`)));
    expect(ok(await tick(0, 44)).figures).toMatchObject({ expected: 67, present: 44, quorum: { met: false, required: 45, missing: 1 } });
    const e = refused(await chair.post(url(`votes/${namedVote}/open`)), 409);
    expect(e.message).toBe('实到 44 人，未达到应到 67 人的三分之二（45 人），还需 1 人到会才能表决');
    expect(e.details).toEqual({ expected: 67, present: 44 });
    expect(ok(await chair.get(url(`votes/${namedVote}`))).status).toBe('draft');
    ok(await tick(44, 45));
    const opened = ok(await chair.post(url(`votes/${namedVote}/open`)));
    expect(opened).toMatchObject({ status: 'open', base: 67, present: 45, ballots: 0, yes: null });
    expect(refused(await chair.post(url(`votes/${namedVote}/open`)), 409).message).toBe('表决已在进行中');
    // The 45 present are told on their phones; absent representatives are not.
    expect(await countRows(t.database, 'notifications', "kind = 'congress_vote_opened'")).toBe(45);
  });
});

describe('an online named vote', () => {
  it('takes one ballot from each present representative, hides the result until closing, and decides on all 67', async () => {
    // Five arrive late and may vote.
    ok(await tick(45, 50));
    const absent = reps[60];
    expect(refused(await absent.c.post(url(`votes/${namedVote}/ballots`), { choice: 'yes' }), 403).message).toBe('请先签到，签到后才能表决');
    expect(refused(await outsider.post(url(`votes/${namedVote}/ballots`), { choice: 'yes' }), 403).message).toBe('您不是本届教代会正式代表，不能参加表决');
    expect(refused(await reps[0].c.post(url(`votes/${namedVote}/ballots`), { choice: 'maybe' }), 400).fields![0].path).toBe('choice');
    for (let i = 0; i < 50; i++) {
      const v = ok(await reps[i].c.post(url(`votes/${namedVote}/ballots`), { choice: choiceOf(i, 34, 10) }));
      expect(v).toMatchObject({ ballots: i + 1, yes: null, passed: null, me: { hasVoted: true, choice: choiceOf(i, 34, 10), canVote: false } });
    }
    expect(refused(await reps[0].c.post(url(`votes/${namedVote}/ballots`), { choice: 'no' }), 409).message).toBe('您已投过票，每人只能投一次');
    // The audit log (read by the leaders) says who voted, not how: the choices stay hidden until the vote closes.
    const audits = await t.database.query<{ changes: unknown }>("SELECT changes FROM audit_events WHERE action = 'congress.vote.voted' AND entity_id = $1", [namedVote]);
    expect(audits).toHaveLength(50);
    expect(audits.every((a) => JSON.stringify(a.changes) === '{}')).toBe(true);
    const seen = ok(await reps[3].c.get(url(`sessions/${sessionId}`))).votes[0];
    expect(seen).toMatchObject({ status: 'open', ballots: 50, yes: null, no: null, abstain: null, resultText: null, me: { hasVoted: true, choice: 'yes' } });
    expect(refused(await chair.post(url(`votes/${namedVote}/paper`), { yes: 1, no: 0, abstain: 0 }), 409).message).toBe('本事项为手机投票，不需要录入纸质票');

    const closed = ok(await chair.post(url(`votes/${namedVote}/close`)));
    expect(closed).toMatchObject({ status: 'closed', base: 67, present: 50, yes: 34, no: 10, abstain: 6, passed: true });
    expect(closed.resultText).toBe('应到 67 人，实到 50 人；赞成 34 票、反对 10 票、弃权 6 票。赞成票超过全体代表的半数（67 人的半数为 33.5），通过。');
    expect(closed.namedBallots).toHaveLength(50);
    expect(closed.namedBallots.filter((b: { choice: string }) => b.choice === 'no')).toHaveLength(10);
    expect(ok(await reps[1].c.get(url(`votes/${namedVote}`))).namedBallots).toBeNull();
    expect(refused(await reps[55].c.post(url(`votes/${namedVote}/ballots`), { choice: 'yes' }), 409).message).toBe('表决已结束');
  });
});

describe('paper ballots', () => {
  it('checks the tellers’ totals against those present, and a majority of those present is not enough', async () => {
    paperVote = await newVote({ agendaItemId: (await agenda())[1].id, mode: 'secret', channel: 'paper' });
    expect(refused(await chair.post(url(`votes/${paperVote}/close`)), 409).message).toBe('表决尚未开始');
    ok(await chair.post(url(`votes/${paperVote}/open`)));
    expect(refused(await reps[0].c.post(url(`votes/${paperVote}/ballots`), { choice: 'yes' }), 409).message).toBe('本事项使用纸质选票表决，请在会场填写选票');
    expect(refused(await chair.post(url(`votes/${paperVote}/close`)), 409).message).toBe('请先录入纸质选票的统计结果，再结束表决');
    const e = refused(await chair.post(url(`votes/${paperVote}/paper`), { yes: 35, no: 10, abstain: 6 }), 400);
    expect(e.message).toBe('赞成、反对、弃权合计 51 票，超过实到人数 50 人');
    expect(refused(await chair.post(url(`votes/${paperVote}/paper`), { yes: -1, no: 0, abstain: 0 }), 400).fields![0].path).toBe('yes');
    const entered = ok(await chair.post(url(`votes/${paperVote}/paper`), { yes: 33, no: 11, abstain: 6 }));
    expect(entered).toMatchObject({ status: 'open', yes: null, paperTally: { yes: 33, no: 11, abstain: 6 } });
    expect(ok(await reps[2].c.get(url(`votes/${paperVote}`)))).toMatchObject({ yes: null, paperTally: null, me: { canVote: false } });
    expect(refused(await reps[2].c.post(url(`votes/${paperVote}/paper`), { yes: 50, no: 0, abstain: 0 }), 403).code).toBe('FORBIDDEN');
    const closed = ok(await chair.post(url(`votes/${paperVote}/close`)));
    // 33 is more than half of the 50 present but not of the 67 representatives.
    expect(closed).toMatchObject({ passed: false, yes: 33, base: 67, present: 50 });
    expect(closed.resultText).toBe('应到 67 人，实到 50 人；赞成 33 票、反对 11 票、弃权 6 票。赞成票未超过全体代表的半数（67 人的半数为 33.5），未通过。');
    expect(refused(await chair.post(url(`votes/${paperVote}/paper`), { yes: 40, no: 5, abstain: 5 }), 409).message).toBe('表决已结束，不能再修改票数');
  });
});

describe('a secret online vote under concurrency', () => {
  it('counts one ballot per representative when each of 60 sends two at once, and keeps no link between voter and choice', async () => {
    ok(await tick(50, 60));
    secretVote = await newVote({ agendaItemId: (await agenda())[2].id, mode: 'secret', channel: 'online' });
    ok(await chair.post(url(`votes/${secretVote}/open`)));
    const voters = reps.slice(0, 60);
    const answers = await Promise.all(voters.flatMap((r, i) => [0, 1].map(() => r.c.post(url(`votes/${secretVote}/ballots`), { choice: choiceOf(i, 30, 20) }))));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 409)).toHaveLength(60);
    for (let i = 0; i < 60; i++) expect([answers[2 * i].statusCode, answers[2 * i + 1].statusCode].sort()).toEqual([200, 409]);
    expect(await countRows(t.database, 'congress_vote_voters', 'vote_id = $1', [secretVote])).toBe(60);
    expect(await countRows(t.database, 'congress_secret_choices', 'vote_id = $1', [secretVote])).toBe(60);

    // Nothing on the voter's row says how they voted, the choices carry no voter and no time, the audit says "voted".
    expect(await countRows(t.database, 'congress_vote_voters', 'vote_id = $1 AND choice IS NOT NULL', [secretVote])).toBe(0);
    const columns = async (table: string) =>
      (await t.database.query<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name', [table])).map((r) => r.c);
    expect(await columns('congress_secret_choices')).toEqual(['choice', 'id', 'vote_id']);
    expect(await columns('congress_vote_voters')).toEqual(['choice', 'member_id', 'vote_id']);
    const audits = await t.database.query<{ changes: unknown; chain: string }>("SELECT changes, chain_key AS chain FROM audit_events WHERE action = 'congress.vote.voted' AND entity_id = $1", [secretVote]);
    expect(audits).toHaveLength(60);
    expect(audits.every((a) => JSON.stringify(a.changes) === '{}' && a.chain.startsWith('member:'))).toBe(true);

    // While open, the screen and the phones show how many voted, never how.
    const screen = ok(await chair.get(url(`sessions/${sessionId}/screen`)));
    expect(screen.votes.find((v: { id: string }) => v.id === secretVote)).toMatchObject({ status: 'open', ballots: 60, yes: null, no: null, abstain: null, passed: null });
    expect(screen.attendance).toMatchObject({ expected: 67, present: 60, notYet: 7 });
    expect(screen.checkin.code).toMatch(/^[A-Z2-7]{8}$/);
    expect(ok(await reps[7].c.get(url(`votes/${secretVote}`))).me).toEqual({ hasVoted: true, choice: null, canVote: false, reason: null });
    expect(refused(await chair.post(url(`sessions/${sessionId}/close`)), 409).message).toBe('还有 1 项表决未结束，请先结束表决再闭幕');

    const closed = ok(await chair.post(url(`votes/${secretVote}/close`)));
    expect(closed).toMatchObject({ yes: 30, no: 20, abstain: 10, base: 67, present: 60, passed: false, namedBallots: null });
    expect(await countRows(t.database, 'congress_secret_choices', 'vote_id = $1', [secretVote])).toBe(60);
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);
  });
});

describe('the passing rule at exactly half', () => {
  it('does not pass with exactly half of all representatives, and passes with one more', async () => {
    ok(await chair.post(url(`representatives/${reps[66].repId}/end`), { status: 'recalled', reason: '本人申请辞去代表职务', endedOn: '2026-01-10' }));
    const half = await newVote({ title: '关于调整课后服务安排的决定', mode: 'named', channel: 'paper' });
    expect(ok(await chair.post(url(`votes/${half}/open`)))).toMatchObject({ base: 66, present: 60 });
    ok(await chair.post(url(`votes/${half}/paper`), { yes: 33, no: 20, abstain: 7 }));
    const notPassed = ok(await chair.post(url(`votes/${half}/close`)));
    expect(notPassed.passed).toBe(false);
    expect(notPassed.resultText).toBe('应到 66 人，实到 60 人；赞成 33 票、反对 20 票、弃权 7 票。赞成票恰好为半数，未超过全体代表的半数（66 人的半数为 33），未通过。');
    const more = await newVote({ title: '关于调整课后服务安排的决定（修改稿）', mode: 'named', channel: 'paper' });
    ok(await chair.post(url(`votes/${more}/open`)));
    ok(await chair.post(url(`votes/${more}/paper`), { yes: 34, no: 20, abstain: 6 }));
    expect(ok(await chair.post(url(`votes/${more}/close`))).passed).toBe(true);
  });
});

describe('the resolution and the hall screen', () => {
  it('lists every closed vote with its result in the resolution', async () => {
    const res = await reps[4].c.get(url(`sessions/${sessionId}/resolution.docx`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('第一届教职工代表大会第一次会议决议');
    for (const title of ['学校工作报告', '教职工福利方案', '学校发展规划', '关于调整课后服务安排的决定']) expect(text).toContain(title);
    expect(text).toContain('赞成 34 票、反对 10 票、弃权 6 票。赞成票超过全体代表的半数（67 人的半数为 33.5），通过。');
    expect(text).toContain('会议决定：通过《学校工作报告》、《关于调整课后服务安排的决定（修改稿）》；《教职工福利方案》、《学校发展规划》、《关于调整课后服务安排的决定》未获通过。');
  });

  it('shows the hall screen to the organisers only', async () => {
    expect(refused(await reps[0].c.get(url(`sessions/${sessionId}/screen`)), 403).code).toBe('FORBIDDEN');
    const screen = ok(await chair.get(url(`sessions/${sessionId}/screen`)));
    expect(screen.votes).toHaveLength(5);
    expect(screen.votes[0]).toMatchObject({ title: '学校工作报告', yes: 34, passed: true });
    ok(await chair.post(url(`sessions/${sessionId}/close`)));
    expect(ok(await chair.get(url(`sessions/${sessionId}/screen`))).checkin).toBeNull();
    expect(refused(await chair.post(url(`sessions/${sessionId}/votes`), { title: '补充表决', mode: 'named', channel: 'paper' }), 409).message).toBe('会议已闭幕，不能再安排表决');
  });
});

describe('isolation', () => {
  it('answers 404 to another school for every vote and session id', async () => {
    for (const res of [
      await chairB.get(url(`votes/${secretVote}`)),
      await chairB.post(url(`votes/${paperVote}/paper`), { yes: 1, no: 0, abstain: 0 }),
      await chairB.post(url(`votes/${namedVote}/close`)),
      await chairB.post(url(`votes/${paperVote}/open`)),
      await chairB.delete(url(`votes/${namedVote}`)),
      await memberB.post(url(`votes/${secretVote}/ballots`), { choice: 'yes' }),
      await chairB.get(url(`sessions/${sessionId}/screen`)),
      await chairB.get(url(`sessions/${sessionId}/attendance`)),
      await chairB.get(url(`sessions/${sessionId}/resolution.docx`)),
      await chairB.post(url(`sessions/${sessionId}/votes`), { title: '越权表决', mode: 'named', channel: 'paper' }),
    ]) {
      expect(refused(res, 404).code).toBe('NOT_FOUND');
    }
  });
});

describe('concurrency', () => {
  /** A fresh session of the term, under way, with the first `present` representatives ticked present. */
  async function sessionUnderWay(present: number): Promise<string> {
    const termId = ok(await chair.get(url(`sessions/${sessionId}`))).term.id;
    const s = ok(await chair.post(url(`terms/${termId}/sessions`), { startsAt: toShanghaiIso(new Date(Date.now() + 600_000)), place: '学校报告厅' }), 201).id as string;
    ok(await chair.post(url(`sessions/${s}/open`)));
    if (present > 0) ok(await chair.post(url(`sessions/${s}/attendance`), { memberIds: reps.slice(0, present).map((r) => r.memberId), status: 'present' }));
    return s;
  }
  const chairOnSecond = () => client(secondApp, chair.cookie);

  it('lets two staff tick the same people at once, in opposite orders, without a deadlock', async () => {
    const s = await sessionUnderWay(0);
    const ids = reps.slice(0, 60).map((r) => r.memberId);
    const other = chairOnSecond();
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([
        chair.post(url(`sessions/${s}/attendance`), { memberIds: ids, status: round % 2 ? 'present' : 'absent', reason: '公出' }),
        other.post(url(`sessions/${s}/attendance`), { memberIds: [...ids].reverse(), status: round % 2 ? 'absent' : 'present', reason: '病假' }),
      ]);
      ok(a);
      ok(b);
      // One of the two wins for everybody: all present or all absent, never a mixture.
      const figures = ok(await chair.get(url(`sessions/${s}/attendance`))).figures;
      expect([figures.present, figures.absent].sort((x: number, y: number) => x - y)).toEqual([0, 60]);
    }
  });

  it('never leaves a vote open in a session closed at the same moment', async () => {
    const other = chairOnSecond();
    for (let round = 0; round < 6; round++) {
      const s = await sessionUnderWay(45);
      const vote = await (async () => ok(await chair.post(url(`sessions/${s}/votes`), { title: `并发表决 ${round}`, mode: 'named', channel: 'paper' }), 201).id as string)();
      const [opened, closed] = await Promise.all([chair.post(url(`votes/${vote}/open`)), other.post(url(`sessions/${s}/close`))]);
      expect([opened.statusCode, closed.statusCode].sort()).toContain(200);
      const after = ok(await chair.get(url(`sessions/${s}`)));
      const v = after.votes.find((x: { id: string }) => x.id === vote);
      expect(after.status === 'closed' && v.status === 'open', `round ${round}: ${opened.statusCode} ${opened.body} / ${closed.statusCode} ${closed.body}`).toBe(false);
      if (opened.statusCode === 409) expect(opened.json().error.message).toBe('会议已闭幕，不能再表决');
      if (closed.statusCode === 409) expect(closed.json().error.message).toBe('还有 1 项表决未结束，请先结束表决再闭幕');
    }
  });

  it('changes no attendance after the session closes, even when the tick and the close cross', async () => {
    const other = chairOnSecond();
    const seqOf = async (action: string, s: string) =>
      (await t.database.query<{ seq: number }>('SELECT seq FROM audit_events WHERE action = $1 AND entity_id = $2', [action, s]))[0]?.seq;
    for (let round = 0; round < 6; round++) {
      const s = await sessionUnderWay(0);
      const [ticked, closed] = await Promise.all([chair.post(url(`sessions/${s}/attendance`), { memberIds: reps.slice(0, 45).map((r) => r.memberId), status: 'present' }), other.post(url(`sessions/${s}/close`))]);
      ok(closed);
      if (ticked.statusCode === 409) {
        expect(refused(ticked, 409).message).toBe('会议已闭幕，出勤不能再修改');
        continue;
      }
      ok(ticked);
      // Both went through: the tick was committed before the close (the organisation's audit chain numbers in commit order).
      expect(Number(await seqOf('congress.attendance.set', s)), `round ${round}`).toBeLessThan(Number(await seqOf('congress.session.closed', s)));
    }
  });

  it('counts exactly the ballots accepted before a vote closes while ballots arrive', async () => {
    const s = await sessionUnderWay(60);
    const vote = ok(await chair.post(url(`sessions/${s}/votes`), { title: '边投边结束', mode: 'secret', channel: 'online' }), 201).id as string;
    ok(await chair.post(url(`votes/${vote}/open`)));
    const ballots = reps.slice(0, 60).map((r, i) => r.c.post(url(`votes/${vote}/ballots`), { choice: choiceOf(i, 30, 20) }));
    const closing = (async () => {
      await new Promise((r) => setTimeout(r, 5));
      return chairOnSecond().post(url(`votes/${vote}/close`));
    })();
    const [answers, closed] = await Promise.all([Promise.all(ballots), closing]);
    const result = ok(closed);
    const accepted = answers.filter((a) => a.statusCode === 200).length;
    for (const a of answers.filter((x) => x.statusCode !== 200)) expect(refused(a, 409).message).toBe('表决已结束');
    expect(result.yes + result.no + result.abstain).toBe(accepted);
    expect(await countRows(t.database, 'congress_vote_voters', 'vote_id = $1', [vote])).toBe(accepted);
    expect(await countRows(t.database, 'congress_secret_choices', 'vote_id = $1', [vote])).toBe(accepted);
  });
  it('keeps the agenda at 30 items when the last places are taken from two screens at once', async () => {
    const s = await sessionUnderWay(0);
    for (let i = 0; i < 28; i++) ok(await chair.post(url(`sessions/${s}/agenda`), { title: `议题 ${i + 1}`, kind: 'other' }), 201);
    const answers = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? chairOnSecond() : chair).post(url(`sessions/${s}/agenda`), { title: `并发议题 ${i}`, kind: 'other' })));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(refused(a, 409).message).toBe('议程最多 30 项');
    expect(ok(await chair.get(url(`sessions/${s}`))).agenda).toHaveLength(30);
  });

  it('either keeps an agenda item with its vote or deletes it with none, when both are asked at once', async () => {
    for (let round = 0; round < 6; round++) {
      const s = await sessionUnderWay(0);
      ok(await chair.post(url(`sessions/${s}/agenda`), { title: `待定议题 ${round}`, kind: 'other' }), 201);
      const [item] = ok(await chair.get(url(`sessions/${s}`))).agenda as { id: string }[];
      const [created, removed] = await Promise.all([
        chair.post(url(`sessions/${s}/votes`), { agendaItemId: item.id, mode: 'named', channel: 'paper' }),
        chairOnSecond().delete(url(`agenda/${item.id}`)),
      ]);
      const after = ok(await chair.get(url(`sessions/${s}`)));
      if (created.statusCode === 201) {
        expect(refused(removed, 409).message).toBe('该议题已安排表决，不能删除');
        expect(after.agenda).toHaveLength(1);
        expect(after.votes).toHaveLength(1);
      } else {
        const e = refused(created, 400);
        expect(e.fields?.[0]).toMatchObject({ path: 'agendaItemId' });
        expect(removed.statusCode, removed.body).toBe(200);
        expect(after.agenda).toHaveLength(0);
        expect(after.votes).toHaveLength(0);
      }
    }
  });

  it('refuses the ballot of a representative whose absence is being recorded at that moment', async () => {
    const s = await sessionUnderWay(50);
    const vote = ok(await chair.post(url(`sessions/${s}/votes`), { title: '缺席边界', mode: 'named', channel: 'online' }), 201).id as string;
    ok(await chair.post(url(`votes/${vote}/open`)));
    const voter = reps[49];
    // A clerk's change of the attendance row, not yet committed, while the ballot arrives (on PostgreSQL through
    // another connection; the embedded engine has one connection and runs them one after the other).
    let ballot: Promise<Res> | undefined;
    await second.database.rawTransaction(async (q) => {
      await q("UPDATE congress_attendance SET status = 'absent', absence_reason = '临时离会' WHERE session_id = $1 AND member_id = $2", [s, voter.memberId]);
      ballot = voter.c.post(url(`votes/${vote}/ballots`), { choice: 'yes' });
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(refused(await ballot!, 403).message).toBe('请先签到，签到后才能表决');
    expect(await countRows(t.database, 'congress_vote_voters', 'vote_id = $1', [vote])).toBe(0);
  });

});
