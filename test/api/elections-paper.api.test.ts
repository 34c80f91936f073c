import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotMark } from '../../src/contracts/elections.js';
import { ballotProblem, countRound } from '../../src/domain/election/index.js';
import { signIn, type Client } from '../support/api.js';
import { docxText, ok, people, refused, type Person } from '../support/election-stage.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';

/*
 * An election with online and paper ballots through the API: printing the numbered ballots, the paper counts, each
 * paper ballot entered twice by two different people (the same person re-entering replaces their own reading, a
 * third person is refused, a mismatch is listed with both readings until resolved, two tellers entering the same
 * number at once get entries 1 and 2), counting blocked until everything matches, a tie at the cut-off that calls a
 * round among the tied, a void round (more ballots back than issued) repeated, the tracker with receipts and paper
 * numbers that recounts to the outcome, the report; and another school's ids answering 404 on every route.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let chair: Client;
let chairB: Client;
let voters: Person[];
let cands: Person[];
let tellers: Person[];
let scrutineer: Person;
let memberB: Person;

const url = (path: string) => `/api/v1/elections${path}`;
const NAMES = ['张四', '李三', '丁一', '王二'];
const DUE = 12 + 4 + 3 + 1;

beforeAll(async () => {
  t = await createTestApp();
  const A = await buildSchool(t.database, '纸票一中工会');
  const B = await buildSchool(t.database, '纸票二中工会', A.district);
  chair = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '纸票主席' })).phone!);
  chairB = await signIn(t.app, (await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' })).phone!);
  voters = await people(t.database, A.union, Array.from({ length: 12 }, (_, i) => ({ name: `投票人${i + 1}` })), [t.app]);
  cands = await people(t.database, A.union, NAMES.map((name, i) => ({ name, gender: i < 2 ? ('F' as const) : ('M' as const), birthDate: `197${i}-05-20` })), [t.app]);
  tellers = await people(t.database, A.union, [{ name: '计票甲' }, { name: '计票乙' }, { name: '计票丙' }], [t.app]);
  [scrutineer] = await people(t.database, A.union, [{ name: '监票甲' }], [t.app]);
  [memberB] = await people(t.database, B.union, [{ name: '二中会员' }], [t.app]);
});
afterAll(async () => {
  await t.close();
});

let electionId: string;
/** Candidate ids in stroke order: 丁一, 王二, 李三, 张四. */
let A: string, Bc: string, C: string, D: string;
const rounds: string[] = [];

/** Marks giving 赞成 to the ids listed, 不赞成 to the others of the round. */
const yesTo = (round: string[], yes: string[]): Record<string, BallotMark> => Object.fromEntries(round.map((id) => [id, yes.includes(id) ? 'yes' : 'no']));

describe('setting up', () => {
  it('removes a candidate and deletes a draft', async () => {
    const draft = ok(await chair.post(url(''), { title: '试选', position: 'women', seats: 1, meeting: { kind: 'members' } }), 201);
    const withOne = ok(await chair.post(url(`/${draft.id}/candidates`), { memberId: cands[0].memberId }), 201);
    expect(ok(await chair.delete(url(`/candidates/${withOne.candidates[0].id}`))).candidates).toEqual([]);
    expect((await chair.delete(url(`/${draft.id}`))).statusCode).toBe(204);
    expect(refused(await chair.get(url(`/${draft.id}`)), 404).code).toBe('NOT_FOUND');
  });

  it('starts a committee election with one extra candidate, online and on paper', async () => {
    const e = ok(await chair.post(url(''), { title: '第三届工会委员会委员选举', position: 'committee', seats: 3, meeting: { kind: 'members' }, online: true, paper: true }), 201);
    electionId = e.id;
    for (const p of cands) ok(await chair.post(url(`/${electionId}/candidates`), { memberId: p.memberId, note: '教师' }), 201);
    const detail = ok(await chair.put(url(`/${electionId}/officials`), { scrutineers: [scrutineer.memberId], counters: tellers.map((p) => p.memberId) }));
    [A, Bc, C, D] = detail.candidates.map((c: { id: string }) => c.id);
    expect(detail.candidates.map((c: { name: string }) => c.name)).toEqual(['丁一', '王二', '李三', '张四']);
    expect(ok(await chair.post(url(`/${electionId}/start`))).attendance).toMatchObject({ due: DUE, present: 0 });
    expect(ok(await tellers[0].c.get(url(`/${electionId}`)))).toMatchObject({ me: { isCounter: true }, can: { manage: false, enterPaper: true } });
    ok(await chair.post(url(`/${electionId}/attendance`), { memberIds: [...voters, ...cands, ...tellers, scrutineer].map((p) => p.memberId), present: true }));
    rounds.push(ok(await chair.post(url(`/${electionId}/rounds`)), 201).rounds[0].id);
  });
});

describe('printing the paper ballots', () => {
  it('prints identical unnumbered copies (counters number them at counting), candidates in stroke order, and how to fill them in', async () => {
    const text = await docxText(await tellers[0].c.get(url(`/rounds/${rounds[0]}/ballots.docx?copies=3`)));
    for (const s of ['纸票一中工会', '第三届工会委员会委员选举选票', '计票编号：________（计票时由计票人填写）', '1丁一教师', '2王二教师', '3李三教师', '4张四教师', '另选', '赞成的人数（含另选他人）多于应选名额 3 名的，为无效票']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/第 \d+ 号/);
    expect(text.split('计票编号').length - 1).toBe(3);
    expect(text.indexOf('丁一')).toBeLessThan(text.indexOf('张四'));
    const e = refused(await chair.get(url(`/rounds/${rounds[0]}/ballots.docx?copies=${DUE + 1}`)), 400);
    expect(e.fields![0]).toEqual({ path: 'copies', message: `打印份数不能超过应到人数 ${DUE} 人` });
    expect(refused(await voters[0].c.get(url(`/rounds/${rounds[0]}/ballots.docx`)), 403).message).toBe('只有计票人和选举工作负责人可以录入、查看纸质选票');
  });
});

/*
 * Round 1: 19 ballots (16 online, paper nos. 1–3). 丁一 16, 王二 15, 李三 11, 张四 11 赞成 of 20 due (11 is over
 * half): four over half for three seats, 李三 and 张四 tied at the cut-off.
 */
const round1 = (k: number) => [k < 16 ? 'A' : '', k < 15 ? 'B' : '', k < 8 || (k >= 15 && k <= 17) ? 'C' : '', (k >= 8 && k <= 14) || k >= 15 ? 'D' : ''].filter(Boolean);
const ids = () => ({ A, B: Bc, C, D }) as Record<string, string>;
const ballot1 = (k: number) => yesTo([A, Bc, C, D], round1(k).map((x) => ids()[x]));
const receipts = new Map<string, Record<string, BallotMark>>();

describe('round 1: online ballots and paper ballots entered twice', () => {
  const board = (c: Client = chair) => c.get(url(`/rounds/${rounds[0]}/paper`));
  const enter = (c: Client, no: number, body: object) => c.put(url(`/rounds/${rounds[0]}/paper/${no}`), body);

  it('takes the online ballots', async () => {
    const online = [...voters, ...cands];
    for (let k = 0; k < 16; k++) {
      const r = ok(await online[k].c.post(url(`/rounds/${rounds[0]}/ballots`), { marks: ballot1(k) }), 201);
      receipts.set(r.receipt, ballot1(k));
    }
  });

  it('lets the same teller re-enter their own reading, a second teller check it, and refuses a third', async () => {
    expect(ok(await board())).toMatchObject({ issued: null, returned: null, entered: 0, matched: 0, ballots: [], blockers: ['尚未填写发出、收回票数'] });
    expect(refused(await board(voters[0].c), 403).code).toBe('FORBIDDEN');
    expect(refused(await enter(scrutineer.c, 1, { marks: ballot1(16) }), 403).code).toBe('FORBIDDEN');
    expect(refused(await enter(tellers[0].c, 0, { marks: ballot1(16) }), 400).fields).toEqual([{ path: 'no', message: '选票编号从 1 开始' }]);
    expect(refused(await tellers[0].c.put(url(`/rounds/${rounds[0]}/paper/abc`), { marks: {} }), 400).fields).toEqual([{ path: 'no', message: '选票编号应为整数' }]);
    expect(refused(await tellers[0].c.get(url(`/rounds/${rounds[0]}/ballots.docx?copies=0`)), 400).fields).toEqual([{ path: 'copies', message: '打印份数至少 1 份' }]);
    expect(refused(await tellers[0].c.get(url('/rounds/not-a-round/paper')), 400).fields).toEqual([{ path: 'id', message: '投票轮次编号无效' }]);
    ok(await enter(tellers[0].c, 1, { marks: yesTo([A, Bc, C, D], [A]) }));
    const single = ok(await enter(tellers[0].c, 1, { marks: ballot1(16) }));
    expect(single.ballots).toEqual([{ no: 1, state: 'single', enteredBy: ['计票甲'], differences: [], mine: true }]);
    expect(single.blockers).toContain('第 1 号选票只录入了一次，还需另一人录入核对');
    const matched = ok(await enter(tellers[1].c, 1, { marks: ballot1(16) }));
    expect(matched.ballots[0]).toEqual({ no: 1, state: 'matched', enteredBy: ['计票甲', '计票乙'], differences: [], mine: true });
    expect(refused(await enter(tellers[2].c, 1, { marks: ballot1(16) }), 409).message).toBe('第 1 号选票已由两人录入');
    expect(ok(await board(tellers[2].c)).ballots[0].mine).toBe(false);
  });

  it('lists a mismatch with both readings and blocks the count until it is resolved', async () => {
    ok(await enter(tellers[0].c, 2, { marks: ballot1(17) }));
    const wrong = { ...ballot1(17) } as Record<string, BallotMark>;
    delete wrong[D];
    const mismatch = ok(await enter(tellers[1].c, 2, { marks: wrong, writeIns: ['钱七'] }));
    expect(mismatch.ballots[1]).toMatchObject({ no: 2, state: 'mismatch', enteredBy: ['计票甲', '计票乙'] });
    expect(mismatch.ballots[1].differences).toContain('张四：第一次录入 赞成，第二次录入 弃权');
    expect(mismatch.ballots[1].differences.some((d: string) => d.includes('钱七'))).toBe(true);
    expect(mismatch.blockers).toEqual(['尚未填写发出、收回票数', '第 2 号选票两次录入不一致']);
    const e = refused(await chair.post(url(`/rounds/${rounds[0]}/count`)), 409);
    expect(e.message).toBe('暂不能计票：尚未填写发出、收回票数；第 2 号选票两次录入不一致');
    expect(e.details).toEqual({ blockers: ['尚未填写发出、收回票数', '第 2 号选票两次录入不一致'] });
    expect(ok(await enter(tellers[1].c, 2, { marks: ballot1(17) })).ballots[1]).toMatchObject({ state: 'matched', differences: [] });
  });

  it('checks the numbers issued and returned against the entries', async () => {
    expect(refused(await chair.put(url(`/rounds/${rounds[0]}/paper-count`), { issued: DUE + 1, returned: 3 }), 400).fields![0].path).toBe('issued');
    expect(refused(await chair.put(url(`/rounds/${rounds[0]}/paper-count`), { issued: -1, returned: 3 }), 400).fields![0].path).toBe('issued');
    const counted = ok(await tellers[2].c.put(url(`/rounds/${rounds[0]}/paper-count`), { issued: 3, returned: 3 }));
    expect(counted).toMatchObject({ issued: 3, returned: 3, entered: 2, matched: 2, blockers: ['已录入 2 张，收回 3 张'] });
  });

  it('gives two tellers entering the same number at once the first and the second entry', async () => {
    const [a, b] = await Promise.all([enter(tellers[2].c, 3, { marks: ballot1(18) }), enter(chair, 3, { marks: ballot1(18) })]);
    ok(a);
    ok(b);
    const after = ok(await board());
    expect(after.ballots[2]).toMatchObject({ no: 3, state: 'matched' });
    expect([...after.ballots[2].enteredBy].sort()).toEqual(['纸票主席', '计票丙'].sort());
    expect(after).toMatchObject({ entered: 3, matched: 3, blockers: [] });
  });

  it('counts: two elected, a tie at the cut-off calls a round among the tied', async () => {
    expect(refused(await tellers[0].c.post(url(`/rounds/${rounds[0]}/count`)), 403).code).toBe('FORBIDDEN');
    const detail = ok(await chair.post(url(`/rounds/${rounds[0]}/count`)));
    const outcome = detail.rounds[0].outcome;
    expect(outcome).toMatchObject({ isVoid: false, figures: { due: DUE, issued: 19, returned: 19, valid: 19, invalid: 0, online: 16, paper: 3 } });
    expect(outcome.tallies.map((x: { name: string; yes: number }) => `${x.name}${x.yes}`)).toEqual(['丁一16', '王二15', '李三11', '张四11']);
    expect(outcome.elected.map((w: { name: string }) => w.name)).toEqual(['丁一', '王二']);
    expect(outcome.next).toEqual({ kind: 'tie', seats: 1, candidateIds: [C, D] });
    expect(outcome.steps.some((s: { kind: string }) => s.kind === 'tie')).toBe(true);
    expect(refused(await enter(tellers[0].c, 4, { marks: ballot1(1) }), 409).message).toBe('本轮已计票，纸质选票不能再修改');
  });

  it('publishes receipts and paper numbers, and the published ballots recount to the outcome', async () => {
    const tracker = ok(await voters[5].c.get(url(`/rounds/${rounds[0]}/tracker`)));
    expect(tracker.ballots).toHaveLength(19);
    expect(tracker.seats).toBe(3);
    expect(tracker.ballots.slice(16).map((b: { paperNo: number; receipt: null }) => [b.paperNo, b.receipt])).toEqual([[1, null], [2, null], [3, null]]);
    for (const [code, marks] of receipts) expect(tracker.ballots.find((b: { receipt: string }) => b.receipt === code)?.marks).toEqual(marks);
    expect(tracker.ballots.find((b: { paperNo: number }) => b.paperNo === 2).marks).toEqual(ballot1(17));
    const candidates = tracker.candidates as { id: string; name: string }[];
    const ballots = tracker.ballots.map((b: { marks: Record<string, BallotMark>; writeIns: string[]; isVoid: boolean }) => {
      const read = { marks: b.marks, writeIns: b.writeIns, spoilt: false };
      return { ...read, spoilt: b.isVoid && ballotProblem(read, 3, candidates) === null };
    });
    const recount = countRound({ due: DUE, present: tracker.outcome.figures.present, seats: 3, candidates, issued: 19, returned: 19, online: 16, paper: 3, ballots });
    expect(recount).toEqual(tracker.outcome);
  });
});

describe('round 2: void, more ballots back than issued', () => {
  it('opens among the tied for the seat left, and voids the round when more ballots come back than were issued', async () => {
    const detail = ok(await chair.post(url(`/${electionId}/rounds`)), 201);
    const r2 = detail.rounds[1];
    rounds.push(r2.id);
    expect(r2).toMatchObject({ number: 2, seats: 1, candidateIds: [C, D], status: 'open' });
    expect(refused(await voters[0].c.post(url(`/rounds/${r2.id}/ballots`), { marks: { [A]: 'yes' } }), 400).fields![0].path).toBe(`marks.${A}`);
    for (const p of voters) ok(await p.c.post(url(`/rounds/${r2.id}/ballots`), { marks: yesTo([C, D], [C]) }), 201);
    expect(ok(await chair.put(url(`/rounds/${r2.id}/paper-count`), { issued: 2, returned: 3 })).blockers).toEqual([]);
    const counted = ok(await chair.post(url(`/rounds/${r2.id}/count`))).rounds[1].outcome;
    expect(counted).toMatchObject({ isVoid: true, elected: [], next: { kind: 'repeat', seats: 1, candidateIds: [C, D] }, figures: { issued: 14, returned: 15 } });
    expect(counted.steps.find((s: { kind: string }) => s.kind === 'void').text).toBe('收回选票 15 张，多于发出的 14 张，本轮投票无效');
  });
});

describe('round 3: the tie decided', () => {
  it('repeats the round and elects the one with more than half', async () => {
    const r3 = ok(await chair.post(url(`/${electionId}/rounds`)), 201).rounds[2];
    rounds.push(r3.id);
    expect(r3).toMatchObject({ number: 3, seats: 1, candidateIds: [C, D] });
    for (const [i, p] of [...voters, ...cands].entries()) ok(await p.c.post(url(`/rounds/${r3.id}/ballots`), { marks: yesTo([C, D], i < 12 ? [C] : [D]) }), 201);
    expect(refused(await chair.post(url(`/rounds/${r3.id}/count`)), 409).message).toBe('暂不能计票：尚未填写发出、收回票数');
    ok(await chair.put(url(`/rounds/${r3.id}/paper-count`), { issued: 0, returned: 0 }));
    const detail = ok(await chair.post(url(`/rounds/${r3.id}/count`)));
    expect(detail.rounds[2].outcome).toMatchObject({ isVoid: false, elected: [{ candidateId: C, name: '李三', yes: 12 }], next: { kind: 'none' } });
    expect(detail.elected.map((w: { name: string; round: number }) => `${w.name}${w.round}`)).toEqual(['丁一1', '王二1', '李三3']);
    const closed = ok(await chair.post(url(`/${electionId}/close`)));
    expect(closed.status).toBe('closed');
    const text = await docxText(await chair.get(url(`/${electionId}/report.docx`)));
    for (const s of ['选举结果报告单', '第一轮投票', '第二轮投票', '第三轮投票', '无效', '李三', '第三轮', '投票轮次3 轮']) expect(text).toContain(s);
    // 李三 and 张四 are the women; 李三 is elected: one woman of three.
    expect(text).toContain('应选 3 名，当选 3 名；其中女性 1 名，占 33.3%');
  });
});

describe('isolation', () => {
  it('answers 404 to another school on every route', async () => {
    const candidateId = ok(await chair.get(url(`/${electionId}`))).candidates[0].id;
    const r = rounds[0];
    const input = { title: '越权', position: 'chair', seats: 1, meeting: { kind: 'members' } };
    for (const res of [
      await chairB.get(url(`/${electionId}`)),
      await chairB.patch(url(`/${electionId}`), input),
      await chairB.delete(url(`/${electionId}`)),
      await chairB.post(url(`/${electionId}/candidates`), { memberId: memberB.memberId }),
      await chairB.delete(url(`/candidates/${candidateId}`)),
      await chairB.put(url(`/${electionId}/officials`), { scrutineers: [], counters: [] }),
      await chairB.post(url(`/${electionId}/start`)),
      await chairB.get(url(`/${electionId}/roll`)),
      await chairB.post(url(`/${electionId}/attendance`), { memberIds: [memberB.memberId], present: true }),
      await chairB.post(url(`/${electionId}/rounds`)),
      await chairB.post(url(`/${electionId}/close`)),
      await chairB.get(url(`/${electionId}/report.docx`)),
      await memberB.c.post(url(`/rounds/${r}/ballots`), { marks: {} }),
      await chairB.get(url(`/rounds/${r}/ballots.docx`)),
      await chairB.put(url(`/rounds/${r}/paper-count`), { issued: 1, returned: 1 }),
      await chairB.put(url(`/rounds/${r}/paper/1`), { marks: {} }),
      await chairB.get(url(`/rounds/${r}/paper`)),
      await chairB.post(url(`/rounds/${r}/count`)),
      await chairB.get(url(`/rounds/${r}/tracker`)),
    ]) {
      expect(refused(res, 404).code).toBe('NOT_FOUND');
    }
    expect(ok<unknown[]>(await chairB.get(url('')))).toEqual([]);
  });
});
