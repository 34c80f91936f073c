import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import { countRound, electionQuorumProblem, startRefusal } from '../../src/domain/election/index.js';
import { buildApp, type App } from '../../src/server/app.js';
import { congressRepresentatives } from '../../src/server/db/schema/index.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { client, countRows, signIn, type Client, type Res } from '../support/api.js';
import { docxText, ok, people, refused, type Person } from '../support/election-stage.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { secondConnection } from '../support/test-db.js';

/*
 * An election at a members' meeting through the API, online ballots only: setting up (fields named in errors,
 * candidates who may stand, in stroke order; officials never candidates), the 差额 refusal at the start, the roll
 * (保留会籍 and retirees not on it), the two-thirds quorum, one ballot per voter and round also when each sends two
 * at once (on PostgreSQL through two apps with their own pools), the ballot rows carrying no voter, the count,
 * the tracker that lets anyone recount, the close and the result report; then an election at a congress session
 * whose roll and presence come from the congress.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let second: Awaited<ReturnType<typeof secondConnection>>;
let secondApp: App;
let chair: Client;
let voters: Person[];
let cands: Record<string, Person>;
let reserved: Person;
let retired: Person;
let scrutineer: Person;
let counter: Person;
let outsiderB: Person;
let unionA: { id: string };

const url = (path: string) => `/api/v1/elections${path}`;
const CANDIDATE_NAMES = ['戴六', '赵五', '张四', '李三', '王二', '丁一'];

beforeAll(async () => {
  t = await createTestApp();
  second = await secondConnection(t.database);
  secondApp = second.database === t.database ? t.app : await buildApp(second.database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'silent' });
  const A = await buildSchool(t.database, '选举一中工会');
  const B = await buildSchool(t.database, '选举二中工会', A.district);
  unionA = A.union;
  chair = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '选举主席' })).phone!);
  const apps = [t.app, secondApp];
  voters = await people(t.database, A.union, Array.from({ length: 30 }, (_, i) => ({ name: `选民${String(i + 1).padStart(2, '0')}` })), apps);
  const c = await people(
    t.database,
    A.union,
    CANDIDATE_NAMES.map((name, i) => ({ name, gender: i % 2 ? 'F' : 'M', birthDate: `19${80 + i}-03-0${i + 1}` })),
    apps,
  );
  cands = Object.fromEntries(c.map((p) => [p.name, p]));
  [reserved, retired, scrutineer, counter] = await people(
    t.database,
    A.union,
    [{ name: '保留甲', membershipStatus: 'reserved' }, { name: '退休乙', employmentStatus: 'retired' }, { name: '监票甲' }, { name: '计票甲' }],
    apps,
  );
  [outsiderB] = await people(t.database, B.union, [{ name: '二中会员' }], apps);
});
afterAll(async () => {
  if (secondApp !== t.app) await secondApp.close();
  await second.close();
  await t.close();
});

let electionId: string;
let due: number;
let roundId: string;

const committee = { title: '第五届工会委员会委员选举', position: 'committee', seats: 5, meeting: { kind: 'members' }, online: true, paper: false };

describe('setting up', () => {
  it('names the field of every mistake', async () => {
    const title = refused(await chair.post(url(''), { ...committee, title: ' ' }), 400).fields![0];
    expect(title.path).toBe('title');
    expect(title.message).toContain('请填写选举名称');
    const seats = refused(await chair.post(url(''), { ...committee, seats: 0 }), 400).fields![0];
    expect(seats.path).toBe('seats');
    expect(seats.message).toBe('应选名额至少 1 名');
    expect(refused(await chair.post(url(''), { ...committee, online: false, paper: false }), 400).fields![0]).toEqual({ path: 'online', message: '投票方式至少选择一种（手机或纸质选票）' });
    expect(refused(await chair.post(url(''), { ...committee, differentialPercent: -1 }), 400).fields![0]).toEqual({ path: 'differentialPercent', message: '差额比例不能为负' });
    const e = refused(await chair.post(url(''), { ...committee, meeting: { kind: 'congress', sessionId: randomUUID() } }), 400);
    expect(e.fields![0]).toMatchObject({ path: 'meeting.sessionId', message: '所选教代会会议不存在' });
    expect(refused(await voters[0].c.post(url(''), committee), 403).code).toBe('FORBIDDEN');
  });

  it('creates a draft that says what the 差额 rule asks', async () => {
    const created = ok(await chair.post(url(''), committee), 201);
    electionId = created.id;
    expect(created).toMatchObject({ status: 'draft', seats: 5, meetingLabel: '会员大会', candidateCount: 0, attendance: null, rounds: [], can: { manage: true } });
    expect(created.candidateRule).toContain('至少 6 名');
    expect(created.startRefusal).toBe('还没有候选人，不能开始选举');
    // A draft is the organisers' until it starts.
    expect(refused(await voters[0].c.get(url(`/${electionId}`)), 404).message).toBe('选举不存在或无权查看');
    expect(refused(await voters[0].c.get(url(`/${electionId}/report.docx`)), 404).code).toBe('NOT_FOUND');
  });

  it('takes members in employment with a normal membership as candidates, listed in stroke order of the surname', async () => {
    for (const name of CANDIDATE_NAMES.filter((n) => n !== '丁一')) ok(await chair.post(url(`/${electionId}/candidates`), { memberId: cands[name].memberId, note: `${name}的简介` }), 201);
    const detail = ok(await chair.get(url(`/${electionId}`)));
    expect(detail.candidates.map((x: { name: string }) => x.name)).toEqual(['王二', '李三', '张四', '赵五', '戴六']);
    expect(refused(await chair.post(url(`/${electionId}/candidates`), { memberId: reserved.memberId }), 400).fields![0]).toEqual({ path: 'memberId', message: '保留甲 为保留会籍会员，不能作为候选人' });
    expect(refused(await chair.post(url(`/${electionId}/candidates`), { memberId: retired.memberId }), 400).message).toBe('退休乙 不是在职会员，不能作为候选人');
    expect(refused(await chair.post(url(`/${electionId}/candidates`), { memberId: cands['王二'].memberId }), 400).message).toBe('王二 已是候选人');
    expect(refused(await chair.post(url(`/${electionId}/candidates`), { memberId: outsiderB.memberId }), 400).message).toBe('所选会员不存在');
    expect(refused(await chair.post(url(`/${electionId}/candidates`), { memberId: 'x' }), 400).fields![0].path).toBe('memberId');
  });

  it('keeps the scrutineers and counters apart from the candidates', async () => {
    const e = refused(await chair.put(url(`/${electionId}/officials`), { scrutineers: [scrutineer.memberId, cands['王二'].memberId], counters: [] }), 400);
    expect(e.fields![0]).toEqual({ path: 'scrutineers.1', message: '王二 是候选人，不能担任监票人' });
    expect(refused(await chair.put(url(`/${electionId}/officials`), { scrutineers: [counter.memberId], counters: [counter.memberId] }), 400).message).toBe('计票甲 不能同时担任监票人和计票人');
    const set = ok(await chair.put(url(`/${electionId}/officials`), { scrutineers: [scrutineer.memberId], counters: [counter.memberId] }));
    expect(set.officials).toEqual([
      { memberId: scrutineer.memberId, name: '监票甲', role: 'scrutineer' },
      { memberId: counter.memberId, name: '计票甲', role: 'counter' },
    ]);
    expect(refused(await chair.post(url(`/${electionId}/candidates`), { memberId: counter.memberId }), 400).message).toBe('计票甲 是本次选举的计票人，不能作为候选人');
    // Named an official of a draft, one still does not see it.
    expect(ok<{ id: string }[]>(await counter.c.get(url(''))).map((x) => x.id)).not.toContain(electionId);
    expect(refused(await counter.c.get(url(`/${electionId}`)), 404).code).toBe('NOT_FOUND');
  });

  it('refuses to start a committee election without the extra candidates (差额), then fixes the roll', async () => {
    const refusal = startRefusal('committee', 5, 5, 5)!;
    expect(refusal).toBeTruthy();
    expect(ok(await chair.get(url(`/${electionId}`))).startRefusal).toBe(refusal);
    expect(refused(await chair.post(url(`/${electionId}/start`)), 409).message).toBe(refusal);
    const added = ok(await chair.post(url(`/${electionId}/candidates`), { memberId: cands['丁一'].memberId }), 201);
    expect(added.candidates.map((x: { name: string }) => x.name)).toEqual(['丁一', '王二', '李三', '张四', '赵五', '戴六']);
    expect(added.startRefusal).toBeNull();
    // The candidates may not change once started; the roll counts those in employment with a normal membership.
    const started = ok(await chair.post(url(`/${electionId}/start`)));
    due = voters.length + CANDIDATE_NAMES.length + 2;
    expect(started).toMatchObject({ status: 'running', attendance: { due, present: 0 }, startRefusal: null });
    expect(refused(await chair.post(url(`/${electionId}/start`)), 409).message).toBe('选举已开始');
    expect(refused(await chair.patch(url(`/${electionId}`), committee), 409).message).toBe('选举已开始，候选人和选举设置不能再修改');
    expect(refused(await chair.delete(url(`/candidates/${added.candidates[0].id}`)), 409).message).toBe('选举已开始，候选人和选举设置不能再修改');
    const roll = ok(await chair.get(url(`/${electionId}/roll`)));
    expect(roll).toMatchObject({ due, present: 0, presenceFrom: 'roll' });
    const onRoll = new Set(roll.people.map((p: { memberId: string }) => p.memberId));
    expect(onRoll.has(reserved.memberId)).toBe(false);
    expect(onRoll.has(retired.memberId)).toBe(false);
    expect(onRoll.has(cands['丁一'].memberId)).toBe(true);
    expect(refused(await voters[0].c.get(url(`/${electionId}/roll`)), 403).code).toBe('FORBIDDEN');
    // Voters see the elections they are on the roll of; the member with 保留会籍 does not.
    expect(ok<{ id: string }[]>(await voters[0].c.get(url(''))).map((x) => x.id)).toContain(electionId);
    expect(ok<unknown[]>(await reserved.c.get(url('')))).toHaveLength(0);
    expect(ok(await reserved.c.get(url(`/${electionId}`))).me).toEqual({ memberId: reserved.memberId, isOnRoll: false, isPresent: false, isCounter: false });
  });
});

const tick = (ps: Person[], present = true) => chair.post(url(`/${electionId}/attendance`), { memberIds: ps.map((p) => p.memberId), present });

describe('the quorum', () => {
  it('opens a round only with two thirds present, saying how many more are needed', async () => {
    const needed = Math.ceil((due * 2) / 3);
    expect(refused(await chair.post(url(`/${electionId}/attendance`), { memberIds: [reserved.memberId], present: true }), 400).fields![0].path).toBe('memberIds');
    ok(await tick(voters.slice(0, needed - 1)));
    const e = refused(await chair.post(url(`/${electionId}/rounds`)), 409);
    expect(e.message).toBe(electionQuorumProblem(needed - 1, due));
    expect(e.details).toEqual({ due, present: needed - 1 });
    expect(ok(await tick(voters.slice(needed - 1, needed)))).toMatchObject({ due, present: needed });
    const opened = ok(await chair.post(url(`/${electionId}/rounds`)), 201);
    const round = opened.rounds[0];
    roundId = round.id;
    expect(round).toMatchObject({ number: 1, seats: 5, status: 'open', due, present: needed, onlineCast: 0, outcome: null });
    expect(round.candidateIds).toEqual(opened.candidates.map((x: { id: string }) => x.id));
    expect(refused(await chair.post(url(`/${electionId}/rounds`)), 409).message).toBe('第 1 轮投票尚未计票，不能开始新一轮');
    // Late arrivals may vote; voter 30 stays away.
    ok(await tick(voters.slice(needed, 29)));
  });
});

const receipts = new Map<string, Record<string, string>>();

describe('online ballots', () => {
  let ids: string[];
  const allFor = (yes: number) => Object.fromEntries(ids.map((id, i) => [id, i < yes ? 'yes' : 'no']));
  const cast = (p: Person | Client, body: object) => ('c' in p ? p.c : p).post(url(`/rounds/${roundId}/ballots`), body);

  it('refuses those not present, not on the roll, or of another union, and checks the marks', async () => {
    ids = ok(await chair.get(url(`/${electionId}`))).rounds[0].candidateIds;
    expect(refused(await cast(voters[29], { marks: allFor(5) }), 403).message).toBe('请先到会登记，登记后才能投票');
    expect(refused(await cast(reserved, { marks: allFor(5) }), 403).message).toBe('您不在本次选举的选举人名单中，不能投票');
    expect(refused(await cast(outsiderB, { marks: allFor(5) }), 404).code).toBe('NOT_FOUND');
    const stray = randomUUID();
    expect(refused(await cast(voters[0], { marks: { ...allFor(5), [stray]: 'yes' } }), 400).fields![0]).toEqual({ path: `marks.${stray}`, message: '所选候选人不在本轮选举的候选人名单中' });
    expect(refused(await cast(voters[0], { marks: { [ids[0]]: 'maybe' } }), 400).fields![0]).toEqual({ path: `marks.${ids[0]}`, message: '选票：请选择 赞成、不赞成 或 弃权' });
    expect(await countRows(t.database, 'election_round_voters')).toBe(0);
  });

  it('takes one ballot, returns its receipt once, and refuses a second', async () => {
    const answer = ok(await cast(voters[0], { marks: allFor(5) }), 201);
    expect(answer.receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(answer.message).toContain(answer.receipt);
    receipts.set(answer.receipt, allFor(5));
    expect(refused(await cast(voters[0], { marks: allFor(1) }), 409).message).toBe('您已在本轮投过票，每人每轮只能投一次');
    const seen = ok(await voters[0].c.get(url(`/${electionId}`)));
    expect(seen.rounds[0]).toMatchObject({ onlineCast: 1, outcome: null, me: { hasVoted: true, voteRefusal: '您已在本轮投过票，每人每轮只能投一次' } });
    expect(seen.me).toMatchObject({ isOnRoll: true, isPresent: true });
    // The clerks' roll shows who has voted on the phone in the open round (so they get no paper ballot), not how.
    const people = ok(await chair.get(url(`/${electionId}/roll`))).people as { memberId: string; votedOnline: boolean }[];
    expect(people.filter((p) => p.votedOnline).map((p) => p.memberId)).toEqual([voters[0].memberId]);
    // A ballot approving more people than seats is the voter's to spoil: it is taken, and counted void.
    const spoilt = ok(await cast(voters[1], { marks: allFor(5), writeIns: ['钱 七'] }), 201);
    receipts.set(spoilt.receipt, allFor(5));
  });

  it('counts one ballot per voter when each sends two at once', async () => {
    const crowd = voters.slice(2, 29);
    const answers = await Promise.all(crowd.flatMap((p) => [cast(p, { marks: allFor(5) }), cast(client(secondApp, p.c.cookie), { marks: allFor(5) })]));
    for (let i = 0; i < crowd.length; i++) expect([answers[2 * i].statusCode, answers[2 * i + 1].statusCode].sort()).toEqual([201, 409]);
    for (const a of answers.filter((x) => x.statusCode === 201)) receipts.set(a.json().receipt, allFor(5));
    expect(receipts.size).toBe(29);
    expect(await countRows(t.database, 'election_round_voters', 'round_id = $1', [roundId])).toBe(29);
    expect(await countRows(t.database, 'election_ballots', 'round_id = $1', [roundId])).toBe(29);
  });

  it('keeps no link between a voter and a ballot in the tables and the audit', async () => {
    const columns = async (table: string) =>
      (await t.database.query<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name', [table])).map((r) => r.c);
    expect(await columns('election_ballots')).toEqual(['id', 'marks', 'paper_no', 'receipt', 'round_id', 'spoilt', 'write_ins']);
    expect(await columns('election_round_voters')).toEqual(['member_id', 'round_id']);
    const audits = await t.database.query<{ changes: unknown; chain: string }>("SELECT changes, chain_key AS chain FROM audit_events WHERE action = 'election.voted'");
    expect(audits).toHaveLength(29);
    expect(audits.every((a) => JSON.stringify(a.changes) === '{}' && a.chain.startsWith('member:'))).toBe(true);
    const everything = JSON.stringify(await t.database.query('SELECT * FROM audit_events'));
    for (const r of receipts.keys()) expect(everything).not.toContain(r);
    // Until the count, a ballot shares its transaction id with its voter's row: what the count's rewrite removes.
    expect(await sharedXmins()).toBe(29);
  });
});

/** How many ballots of the round carry the transaction id (xmin) of a "voted" row. */
async function sharedXmins(): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM election_ballots b WHERE b.round_id = $1 AND b.xmin::text IN (SELECT v.xmin::text FROM election_round_voters v WHERE v.round_id = $1)',
    [roundId],
  );
  return row.n;
}

describe('counting and the tracker', () => {
  it('counts for the managers only, and then takes no more ballots', async () => {
    expect(refused(await voters[0].c.post(url(`/rounds/${roundId}/count`)), 403).code).toBe('FORBIDDEN');
    expect(refused(await voters[0].c.get(url(`/rounds/${roundId}/tracker`)), 409).message).toBe('本轮计票后才公布全部选票');
    const counted = ok(await chair.post(url(`/rounds/${roundId}/count`)));
    const outcome = counted.rounds[0].outcome;
    expect(counted.rounds[0].status).toBe('counted');
    expect(outcome).toMatchObject({ isVoid: false, figures: { due, issued: 29, returned: 29, valid: 28, invalid: 1, online: 29, paper: 0 }, next: { kind: 'none' } });
    expect(outcome.elected.map((w: { name: string }) => w.name)).toEqual(['丁一', '王二', '李三', '张四', '赵五']);
    expect(outcome.steps.some((s: { kind: string; text: string }) => s.kind === 'elected' && s.text.startsWith('丁一 当选'))).toBe(true);
    expect(counted.elected).toHaveLength(5);
    // Rewritten in random order by the counting transaction: one transaction id for all, none of the voters'.
    expect(await sharedXmins()).toBe(0);
    expect(await t.database.query('SELECT DISTINCT xmin::text FROM election_ballots WHERE round_id = $1', [roundId])).toHaveLength(1);
    expect(await countRows(t.database, 'election_ballots', 'round_id = $1', [roundId])).toBe(29);
    expect(refused(await voters[29].c.post(url(`/rounds/${roundId}/ballots`), { marks: {} }), 409).message).toBe('本轮投票已结束');
    expect(refused(await chair.post(url(`/rounds/${roundId}/count`)), 409).message).toBe('本轮已计票');
    expect(refused(await chair.post(url(`/${electionId}/rounds`)), 409).message).toBe('应选名额已全部选出，无需再投票，请结束选举');
  });

  it('publishes every ballot by receipt to the voters, so that each finds theirs and anyone can recount', async () => {
    expect(refused(await reserved.c.get(url(`/rounds/${roundId}/tracker`)), 403).message).toBe('选票公示只向本次选举的选举人公开');
    const tracker = ok(await voters[7].c.get(url(`/rounds/${roundId}/tracker`)));
    expect(tracker.ballots).toHaveLength(29);
    const codes = tracker.ballots.map((b: { receipt: string }) => b.receipt);
    expect(codes).toEqual([...codes].sort());
    for (const [code, marks] of receipts) expect(tracker.ballots.find((b: { receipt: string }) => b.receipt === code)?.marks).toEqual(marks);
    const voids = tracker.ballots.filter((b: { isVoid: boolean }) => b.isVoid);
    expect(voids).toHaveLength(1);
    expect(voids[0].writeIns).toEqual(['钱七']);
    const recount = countRound({
      due,
      present: tracker.outcome.figures.present,
      seats: 5,
      candidates: tracker.candidates,
      issued: 29,
      returned: 29,
      online: 29,
      paper: 0,
      ballots: tracker.ballots.map((b: { marks: Record<string, 'yes'>; writeIns: string[] }) => ({ marks: b.marks, writeIns: b.writeIns, spoilt: false })),
    });
    expect(recount).toEqual(tracker.outcome);
  });
});

describe('closing and the report', () => {
  it('closes with the winners and gives the 选举结果报告单', async () => {
    expect(refused(await chair.get(url(`/${electionId}/report.docx`)), 409).message).toBe('选举结束后才能生成选举结果报告单');
    const closed = ok(await chair.post(url(`/${electionId}/close`)));
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.elected.map((w: { name: string; round: number }) => `${w.name}${w.round}`)).toEqual(['丁一1', '王二1', '李三1', '张四1', '赵五1']);
    expect(refused(await chair.post(url(`/${electionId}/close`)), 409).message).toBe('选举已结束');
    const text = await docxText(await voters[3].c.get(url(`/${electionId}/report.docx`)));
    for (const s of ['选举一中工会', '选举结果报告单', '第五届工会委员会委员选举', '工会委员会委员', '会员大会', `${due} 人`, '第一轮投票', '丁一', '戴六', '当选', '未当选', '监票甲', '计票甲']) expect(text).toContain(s);
    // 丁一 (born March 1985), 李三 and 赵五 are women: three of the five elected.
    expect(text).toContain('应选 5 名，当选 5 名；其中女性 3 名，占 60.0%');
    expect(text).toContain('1丁一女1985年3月');
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);
  });
});

describe('counting while ballots arrive', () => {
  it('counts exactly the ballots accepted before the count, and refuses the later ones', async () => {
    const e = ok(await chair.post(url(''), { ...committee, title: '女职工委员会主任选举', position: 'women', seats: 1 }), 201);
    ok(await chair.post(url(`/${e.id}/candidates`), { memberId: cands['王二'].memberId }), 201);
    ok(await chair.post(url(`/${e.id}/start`)));
    ok(await chair.post(url(`/${e.id}/attendance`), { memberIds: voters.map((p) => p.memberId), present: true }));
    const r = ok(await chair.post(url(`/${e.id}/rounds`)), 201).rounds[0];
    const ballots = voters.map((p) => p.c.post(url(`/rounds/${r.id}/ballots`), { marks: { [r.candidateIds[0]]: 'yes' } }));
    const counting = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return client(secondApp, chair.cookie).post(url(`/rounds/${r.id}/count`));
    })();
    const [answers, counted] = await Promise.all([Promise.all(ballots), counting]);
    const outcome = ok(counted).rounds[0].outcome;
    const accepted = answers.filter((a) => a.statusCode === 201).length;
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(refused(a, 409).message).toBe('本轮投票已结束');
    expect(outcome.figures.online).toBe(accepted);
    expect(await countRows(t.database, 'election_round_voters', 'round_id = $1', [r.id])).toBe(accepted);
    expect(await countRows(t.database, 'election_ballots', 'round_id = $1', [r.id])).toBe(accepted);
  });
});

describe('too few elected', () => {
  it('opens the next round for the empty seats among the candidates not elected', async () => {
    const e = ok(await chair.post(url(''), { ...committee, title: '经费审查委员会委员选举', position: 'audit', seats: 2 }), 201);
    for (const name of ['丁一', '王二', '李三']) ok(await chair.post(url(`/${e.id}/candidates`), { memberId: cands[name].memberId }), 201);
    ok(await chair.post(url(`/${e.id}/start`)));
    ok(await chair.post(url(`/${e.id}/attendance`), { memberIds: [...voters, ...Object.values(cands)].map((p) => p.memberId), present: true }));
    const r = ok(await chair.post(url(`/${e.id}/rounds`)), 201).rounds[0];
    const [ding, wang, li] = r.candidateIds as string[];
    // 丁一 has 赞成 from all 30 voters, 王二 and 李三 from 10 each: only 丁一 has more than half of the 38 due.
    for (const [i, p] of voters.entries()) ok(await p.c.post(url(`/rounds/${r.id}/ballots`), { marks: { [ding]: 'yes', [i < 10 ? wang : li]: i < 20 ? 'yes' : 'abstain' } }), 201);
    const outcome = ok(await chair.post(url(`/rounds/${r.id}/count`))).rounds[0].outcome;
    expect(outcome.next).toEqual({ kind: 'vacancies', seats: 1, candidateIds: [wang, li] });
    const second = ok(await chair.post(url(`/${e.id}/rounds`)), 201).rounds[1];
    expect(second).toMatchObject({ number: 2, seats: 1, candidateIds: [wang, li] });
  });
});

describe('an election at a congress session', () => {
  it('takes the roll from the term’s representatives and presence from the session’s attendance', async () => {
    const term = ok(await chair.post('/api/v1/congress/terms', { years: 5, startsOn: '2024-09-01' }), 201);
    const reps = voters.slice(0, 10);
    // A representative with 保留会籍 is no voter of a union election (DOMAIN.md §2): not on its roll.
    await t.database.db.insert(congressRepresentatives).values([...reps, reserved].map((p) => ({ orgId: unionA.id, termId: term.id, memberId: p.memberId, category: 'teacher' as const, electedOn: '2024-08-20' })));
    const session = ok(await chair.post(`/api/v1/congress/terms/${term.id}/sessions`, { startsAt: toShanghaiIso(new Date(Date.now() + 600_000)), place: '报告厅' }), 201);
    const e = ok(await chair.post(url(''), { ...committee, title: '工会主席选举', position: 'chair', seats: 1, meeting: { kind: 'congress', sessionId: session.id }, paper: true }), 201);
    expect(e.meetingLabel).toBe(session.title);
    ok(await chair.post(url(`/${e.id}/candidates`), { memberId: cands['丁一'].memberId }), 201);
    // 等额 is allowed for the chair.
    expect(ok(await chair.post(url(`/${e.id}/start`))).attendance).toMatchObject({ due: 10, present: 0 });
    const roll = ok(await chair.get(url(`/${e.id}/roll`)));
    expect(roll).toMatchObject({ due: 10, presenceFrom: 'congress' });
    expect(roll.people.map((p: { memberId: string }) => p.memberId)).not.toContain(reserved.memberId);
    expect(refused(await chair.post(url(`/${e.id}/attendance`), { memberIds: [reps[0].memberId], present: true }), 409).message).toBe('教代会会议上的选举以会议签到为准，请在会议签到中登记出席');
    ok(await chair.post(`/api/v1/congress/sessions/${session.id}/attendance`, { memberIds: reps.slice(0, 6).map((p) => p.memberId), status: 'present' }));
    expect(refused(await chair.post(url(`/${e.id}/rounds`)), 409).details).toEqual({ due: 10, present: 6 });
    ok(await chair.post(`/api/v1/congress/sessions/${session.id}/attendance`, { memberIds: [reps[6].memberId], status: 'present' }));
    const round = ok(await chair.post(url(`/${e.id}/rounds`)), 201).rounds[0];
    expect(round).toMatchObject({ due: 10, present: 7, seats: 1 });
    expect(refused(await reps[8].c.post(url(`/rounds/${round.id}/ballots`), { marks: {} }), 403).message).toBe('请先签到，签到后才能投票');
    expect(refused(await voters[20].c.post(url(`/rounds/${round.id}/ballots`), { marks: {} }), 403).message).toBe('您不在本次选举的选举人名单中，不能投票');
    ok(await reps[0].c.post(url(`/rounds/${round.id}/ballots`), { marks: { [round.candidateIds[0]]: 'yes' } }), 201);
  });
});

describe('starting while the candidates change', () => {
  // Two transactions interleaved by hand need two connections: PostgreSQL only (the embedded engine has one).
  it.skipIf(process.env.UNIONHOME_TEST_ENGINE !== 'postgres')('decides on the candidates as they are under the lock, not as read before it', async () => {
    const e = ok(await chair.post(url(''), { ...committee, title: '候选人变动中的委员选举', seats: 2 }), 201);
    for (const name of ['丁一', '王二', '李三']) ok(await chair.post(url(`/${e.id}/candidates`), { memberId: cands[name].memberId }), 201);
    const [first] = ok(await chair.get(url(`/${e.id}`))).candidates;
    let starting: Promise<Res> | undefined;
    await t.database.rawTransaction(async (query) => {
      // A clerk's change holds the election's row (as removing a candidate does) when the start comes in…
      await query('SELECT 1 FROM elections WHERE id = $1 FOR UPDATE', [e.id]);
      starting = chair.post(url(`/${e.id}/start`));
      for (let i = 0; i < 200; i++) {
        const [{ n }] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted');
        if (n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // …and takes a candidate off: 2 for 2 seats is no 差额 any more.
      await query('DELETE FROM election_candidates WHERE id = $1', [first.id]);
    });
    expect(refused(await starting!, 409).message).toBe(startRefusal('committee', 2, 2, 5));
    expect(ok(await chair.get(url(`/${e.id}`))).status).toBe('draft');
  });
});
