import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import { checkinCode } from '../../src/domain/activities/checkin-code.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, signIn, type Client, type Res } from '../support/api.js';

/*
 * The congress through the API: terms (3 or 5 years; the all-staff form), constituencies, representatives with the
 * composition check in numbers, replacement and recall with their history, sessions with the agenda and the
 * proposal window, attendance by the rotating code and by staff (应到 / 实到 / 缺席 with reasons), who may do what,
 * and isolation between two schools. Votes are in congress-votes.api.test.ts.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let chair: Client;
let organiser: Client;
let sport: Client;
let wang: Client;
let zhou: Client;
let guest: Client;
let chairB: Client;
const m = {} as Record<string, string>;
let termId: string;
let sessionId: string;
const reps = {} as Record<string, string>;
const constituencies = {} as Record<string, string>;

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[] };
};
const url = (path: string) => `/api/v1/congress/${path}`;
const lastAction = async () => (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY id DESC LIMIT 1'))[0].action;

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '教代会一中工会');
  const B = await buildSchool(t.database, '教代会二中工会', A.district);
  const uChair = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '陈主席' });
  const uOrganiser = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '组织' }], { name: '组织委员' });
  const uSport = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '文体' }], { name: '文体委员' });
  const uWang = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '王芳' });
  const uZhou = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '周敏' });
  const uGuest = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '老校长' });
  const uChairB = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' });
  // Ten who will be elected: six teachers (two of them 中层以上), two staff, two workers; five of them women.
  const people: [string, 'teacher' | 'staff' | 'worker' | 'other', 'M' | 'F', string | null][] = [
    ['王芳', 'teacher', 'F', uWang.id],
    ['李强', 'teacher', 'M', null],
    ['赵敏', 'teacher', 'F', null],
    ['钱进', 'teacher', 'M', null],
    ['孙丽', 'teacher', 'F', null],
    ['吴刚', 'teacher', 'M', null],
    ['郑洁', 'staff', 'F', null],
    ['冯涛', 'staff', 'M', null],
    ['陈静', 'worker', 'F', null],
    ['褚明', 'worker', 'M', null],
  ];
  for (const [name, postType, gender, userId] of people) m[name] = (await buildMember(t.database, A.union, { name, postType, gender, birthDate: '1985-03-02', groupId: A.groupA.id, userId })).id;
  m['周敏'] = (await buildMember(t.database, A.union, { name: '周敏', gender: 'F', birthDate: '1990-05-01', userId: uZhou.id })).id;
  m['蒋其'] = (await buildMember(t.database, A.union, { name: '蒋其', postType: 'other' })).id;
  m['沈退'] = (await buildMember(t.database, A.union, { name: '沈退', employmentStatus: 'retired', membershipStatus: 'reserved', userId: uGuest.id })).id;
  m['韩借'] = (await buildMember(t.database, A.union, { name: '韩借', membershipStatus: 'reserved' })).id;
  m['二中'] = (await buildMember(t.database, B.union, { name: '二中会员' })).id;
  chair = await signIn(t.app, uChair.phone!);
  organiser = await signIn(t.app, uOrganiser.phone!);
  sport = await signIn(t.app, uSport.phone!);
  wang = await signIn(t.app, uWang.phone!);
  zhou = await signIn(t.app, uZhou.phone!);
  guest = await signIn(t.app, uGuest.phone!);
  chairB = await signIn(t.app, uChairB.phone!);
});
afterAll(async () => t.close());

describe('terms', () => {
  it('creates a term of 3 or 5 years with the default policy, and only the leaders and 组织 may', async () => {
    expect(refused(await sport.post(url('terms'), { years: 5, startsOn: '2024-09-01' }), 403).message).toBe('您在当前组织没有管理教代会的权限');
    expect(refused(await wang.post(url('terms'), { years: 5, startsOn: '2024-09-01' }), 403).code).toBe('FORBIDDEN');
    const e = refused(await organiser.post(url('terms'), { years: 4, startsOn: '2024-09-01' }), 400);
    expect(e.fields![0]).toMatchObject({ path: 'years' });
    expect(e.message).toContain('每届任期应为 3 年或 5 年');
    const term = ok(await organiser.post(url('terms'), { years: 5, startsOn: '2024-09-01' }), 201);
    expect(term).toMatchObject({
      number: 1,
      label: '第一届教职工代表大会',
      form: 'congress',
      startsOn: '2024-09-01',
      endsOn: '2029-08-31',
      isCurrent: true,
      policy: { teacherMinPercent: 60, leaderMaxPercent: 20, cosignersMin: 2, replyWeeks: 8 },
      voters: 0,
      can: { manage: true },
    });
    termId = term.id;
    expect(await lastAction()).toBe('congress.term.created');
    const dup = refused(await chair.post(url('terms'), { number: 1, years: 3, startsOn: '2029-09-01' }), 409);
    expect(dup.fields).toEqual([{ path: 'number', message: '已有第1届' }]);
    const list = ok(await wang.get(url('terms')));
    expect(list).toMatchObject({ canManage: false, items: [{ id: termId, me: { memberId: m['王芳'], representative: null, isVoter: false } }] });
    expect(ok(await chair.patch(url(`terms/${termId}`), { cosignersMin: 3 })).policy.cosignersMin).toBe(3);
    expect(refused(await chair.patch(url(`terms/${termId}`), { teacherMinPercent: 120 }), 400).fields![0].path).toBe('teacherMinPercent');
    ok(await chair.patch(url(`terms/${termId}`), { cosignersMin: 2 }));
  });
});

describe('representatives', () => {
  it('adds constituencies and representatives, checking who may stand', async () => {
    for (const name of ['第一代表团', '第二代表团']) constituencies[name] = ok(await organiser.post(url(`terms/${termId}/constituencies`), { name }), 201).id;
    expect(refused(await organiser.post(url(`terms/${termId}/constituencies`), { name: '第一代表团' }), 400).fields![0]).toEqual({ path: 'name', message: '本届已有同名的代表团' });
    const add = (name: string, body: Record<string, unknown> = {}) =>
      organiser.post(url(`terms/${termId}/representatives`), { memberId: m[name], constituencyId: constituencies['第一代表团'], electedOn: '2024-08-20', ...body });
    const names = ['王芳', '李强', '赵敏', '钱进', '孙丽', '吴刚', '郑洁', '冯涛', '陈静', '褚明'];
    for (const [i, name] of names.entries()) {
      const rep = ok(await add(name, { isLeader: i === 1 || i === 2, constituencyId: i < 5 ? constituencies['第一代表团'] : constituencies['第二代表团'] }), 201);
      reps[name] = rep.id;
    }
    reps['周敏'] = ok(await add('周敏'), 201).id;
    expect(ok(await chair.get(url(`terms/${termId}/representatives`))).items).toHaveLength(11);
    const li = ok(await chair.get(url(`terms/${termId}/representatives`))).items.find((r: { name: string }) => r.name === '李强');
    expect(li).toMatchObject({ category: 'teacher', isLeader: true, constituencyName: '第一代表团', kind: 'representative', status: 'active', gender: 'M' });
    expect(li.age).toBeGreaterThan(30);

    expect(refused(await add('王芳'), 409).message).toBe('王芳已是本届正式代表');
    expect(refused(await add('韩借'), 400).fields![0]).toEqual({ path: 'memberId', message: '韩借不在职或保留会籍，没有被选举权，不能当选正式代表' });
    expect(refused(await add('二中'), 400).fields![0]).toEqual({ path: 'memberId', message: '所选人员不在本工会名册中' });
    expect(refused(await add('蒋其'), 400).fields![0].path).toBe('category');
    expect(refused(await add('蒋其', { electedOn: '2030-01-01', category: 'staff' }), 400).fields![0].path).toBe('electedOn');
    expect(refused(await add('蒋其', { constituencyId: crypto.randomUUID(), category: 'staff' }), 400).fields![0]).toEqual({ path: 'constituencyId', message: '所选代表团不属于本届' });
    expect(refused(await wang.post(url(`terms/${termId}/representatives`), { memberId: m['蒋其'], electedOn: '2024-08-20' }), 403).code).toBe('FORBIDDEN');
    // The retired teacher comes as 特邀代表 and 蒋其 attends only (列席): neither votes nor counts in the composition.
    ok(await add('沈退', { kind: 'invited', constituencyId: null, category: 'teacher' }), 201);
    ok(await add('蒋其', { kind: 'observer', constituencyId: null, category: 'worker' }), 201);
    expect(await countRows(t.database, 'audit_events', "action = 'congress.representative.added'")).toBe(13);
  });

  it('checks the composition against the policy in numbers, counting only voting representatives', async () => {
    // Recall 周敏 first so that exactly ten voting representatives remain.
    ok(await chair.post(url(`representatives/${reps['周敏']}/end`), { status: 'recalled', reason: '经代表团提议，大会表决罢免', endedOn: '2025-03-01' }));
    const term = ok(await wang.get(url(`terms/${termId}`)));
    expect(term.voters).toBe(10);
    expect(term.composition).toMatchObject({
      total: 10,
      teachers: 6,
      leaders: 2,
      women: 5,
      womenText: '女代表 5 / 10 = 50.0%',
      checks: [
        { rule: 'teachers', ok: true, text: '教师代表 6 / 10 = 60%（不低于 60%）✓' },
        { rule: 'leaders', ok: true, text: '中层以上 2 / 10 = 20%（不超过 20%）✓' },
      ],
    });
    expect(term.composition.ageBands.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(10);
    expect(term.constituencies).toEqual([
      expect.objectContaining({ name: '第一代表团', representatives: 5 }),
      expect.objectContaining({ name: '第二代表团', representatives: 5 }),
    ]);
    expect(term.me).toMatchObject({ memberId: m['王芳'], isVoter: true, representative: { kind: 'representative', constituencyName: '第一代表团' } });
    // A member sees the list without genders and ages.
    const seen = ok(await wang.get(url(`terms/${termId}/representatives`)));
    expect(seen.items.every((r: { gender: unknown; age: unknown }) => r.gender === null && r.age === null)).toBe(true);
    // One more leader breaks the 20 % ceiling: a warning with the figures, not a refusal.
    ok(await chair.post(url(`representatives/${reps['吴刚']}/replace`), { memberId: m['周敏'], electedOn: '2025-04-01', reason: '调离本校', isLeader: true, category: 'teacher' }), 201);
    const after = ok(await chair.get(url(`terms/${termId}`))).composition;
    expect(after.checks[1]).toEqual({ rule: 'leaders', ok: false, text: '中层以上 3 / 10 = 30%（应不超过 20%）✗' });
  });

  it('keeps the history of replacements and recalls', async () => {
    const list = ok(await chair.get(url(`terms/${termId}/representatives`)));
    const wu = list.items.find((r: { id: string }) => r.id === reps['吴刚']);
    const successor = list.items.find((r: { replacesId: string | null }) => r.replacesId === reps['吴刚']);
    expect(wu).toMatchObject({ status: 'replaced', endedOn: '2025-04-01', endReason: '调离本校', replacedById: successor.id, replacedByName: '周敏' });
    expect(successor).toMatchObject({ name: '周敏', status: 'active', constituencyName: '第二代表团', replacesName: '吴刚', electedOn: '2025-04-01' });
    expect(list.history).toEqual([
      { on: '2025-04-01', kind: 'replaced', representativeId: reps['吴刚'], text: '吴刚（第二代表团）由 周敏 补选替换，原因：调离本校' },
      { on: '2025-03-01', kind: 'recalled', representativeId: reps['周敏'], text: '罢免 周敏（第一代表团），原因：经代表团提议，大会表决罢免' },
    ]);
    expect(refused(await chair.post(url(`representatives/${reps['吴刚']}/replace`), { memberId: m['蒋其'], electedOn: '2025-05-01', reason: '再次替换', category: 'staff' }), 409).message).toBe('该代表已不在任，不能再替换');
    expect(refused(await chair.post(url(`representatives/${reps['王芳']}/end`), { status: 'recalled', endedOn: '2025-05-01' }), 400).fields![0].path).toBe('reason');
    expect(refused(await chair.post(url(`representatives/${reps['王芳']}/replace`), { memberId: m['王芳'], electedOn: '2025-05-01', reason: '换届' }), 400).fields![0].path).toBe('memberId');
    expect(await countRows(t.database, 'audit_events', "action IN ('congress.representative.replaced', 'congress.representative.recalled')")).toBe(2);
  });
});

let code: string;
let allStaffSessionId: string;

describe('sessions and attendance', () => {
  it('creates a session with its agenda and proposal window, checking the dates', async () => {
    const startsAt = toShanghaiIso(new Date(Date.now() + 30 * 60_000));
    const e = refused(await chair.post(url(`terms/${termId}/sessions`), { startsAt, proposalsOpenAt: toShanghaiIso(new Date()), proposalsCloseAt: toShanghaiIso(new Date(Date.now() - 86_400_000)) }), 400);
    expect(e.fields![0]).toEqual({ path: 'proposalsCloseAt', message: '提案征集截止时间应晚于开始时间' });
    expect(refused(await chair.post(url(`terms/${termId}/sessions`), { startsAt: '2030-03-01T14:00:00+08:00' }), 400).fields![0]).toEqual({ path: 'startsAt', message: '会议时间应在本届任期内（2024-09-01 至 2029-08-31）' });
    const s = ok(
      await chair.post(url(`terms/${termId}/sessions`), {
        startsAt,
        place: '学校报告厅',
        proposalsOpenAt: toShanghaiIso(new Date(Date.now() - 86_400_000)),
        proposalsCloseAt: toShanghaiIso(new Date(Date.now() + 86_400_000)),
        agenda: [{ title: '学校工作报告', kind: 'report' }, { title: '教职工福利方案', kind: 'welfare', description: '节日慰问与疗休养' }],
      }),
      201,
    );
    sessionId = s.id;
    expect(s).toMatchObject({ number: 1, title: '第一届教职工代表大会第一次会议', status: 'planned', isProposalWindowOpen: true, term: { label: '第一届教职工代表大会' } });
    expect(s.agenda.map((a: { title: string }) => a.title)).toEqual(['学校工作报告', '教职工福利方案']);
    expect(s.attendance).toEqual({ expected: 10, present: 0, absent: 0, notYet: 10, quorum: { met: false, required: 7, missing: 7, text: '实到 0 人，未达到应到 10 人的三分之二（7 人），还需 7 人到会才能表决' } });
    ok(await chair.post(url(`sessions/${sessionId}/agenda`), { title: '学校发展规划', kind: 'plan' }), 201);
    const patched = ok(await chair.patch(url(`sessions/${sessionId}`), { place: '学校礼堂' }));
    expect(patched).toMatchObject({ place: '学校礼堂', agenda: [{ position: 0 }, { position: 1 }, { title: '学校发展规划', position: 2 }] });
    expect(await lastAction()).toBe('congress.session.updated');
    expect(refused(await wang.patch(url(`sessions/${sessionId}`), { place: '操场' }), 403).code).toBe('FORBIDDEN');
  });

  it('checks representatives in by the rotating code, once, and refuses others', async () => {
    const mine = ok(await wang.get(url(`sessions/${sessionId}`)));
    expect(mine.me).toMatchObject({ isVoter: true, attendance: null, canCheckIn: true });
    expect(mine.can.manage).toBe(false);
    expect(refused(await wang.get(url(`sessions/${sessionId}/checkin-code`)), 403).code).toBe('FORBIDDEN');
    const screen = ok(await organiser.get(url(`sessions/${sessionId}/checkin-code`)));
    expect(screen).toMatchObject({ expected: 10, present: 0 });
    expect(screen.url).toContain(`/congress/checkin?session=${sessionId}&code=${screen.code}`);
    code = screen.code;
    expect(refused(await wang.post(url(`sessions/${sessionId}/checkin`), { code: 'AAAAAAAA' }), 400).fields![0]).toEqual({ path: 'code', message: '签到码已过期，请重新扫描会场的二维码' });
    // A code of another session (another secret) does not work here either.
    expect(refused(await wang.post(url(`sessions/${sessionId}/checkin`), { code: checkinCode('another-secret', sessionId, new Date()).code }), 400).fields![0].path).toBe('code');
    expect(ok(await wang.post(url(`sessions/${sessionId}/checkin`), { code: code.toLowerCase() }))).toMatchObject({ message: '签到成功' });
    expect(ok(await wang.post(url(`sessions/${sessionId}/checkin`), { code }))).toMatchObject({ message: '您已签到，无需重复签到' });
    expect(await countRows(t.database, 'audit_events', "action = 'congress.attendance.checkedIn' AND chain_key = $1", [`member:${m['王芳']}`])).toBe(1);
    // The invited retiree signs in too, but is not counted; a member who is not a representative needs no sign-in.
    ok(await guest.post(url(`sessions/${sessionId}/checkin`), { code }));
    expect(refused(await sport.post(url(`sessions/${sessionId}/checkin`), { code }), 403).message).toBe('您的账号未关联会员档案，请联系工会');
    expect(ok(await wang.get(url(`sessions/${sessionId}`))).attendance).toMatchObject({ expected: 10, present: 1, absent: 0, notYet: 9 });
  });

  it('opens scanning an hour before a planned session, and at once when the chair declares a later one open', async () => {
    const later = ok(await chair.post(url(`terms/${termId}/sessions`), { startsAt: toShanghaiIso(new Date(Date.now() + 14 * 86_400_000)), place: '学校报告厅' }), 201);
    expect(ok(await wang.get(url(`sessions/${later.id}`))).me.canCheckIn).toBe(false);
    const early = ok(await organiser.get(url(`sessions/${later.id}/checkin-code`))).code as string;
    expect(refused(await wang.post(url(`sessions/${later.id}/checkin`), { code: early }), 409).message).toMatch(/^签到尚未开始（\d+月\d+日 \d\d:\d\d 起可签到）$/);
    ok(await chair.post(url(`sessions/${later.id}/open`)));
    expect(ok(await wang.get(url(`sessions/${later.id}`))).me.canCheckIn).toBe(true);
    const now = ok(await organiser.get(url(`sessions/${later.id}/checkin-code`))).code as string;
    expect(ok(await wang.post(url(`sessions/${later.id}/checkin`), { code: now }))).toMatchObject({ message: '签到成功' });
    ok(await chair.post(url(`sessions/${later.id}/close`)));
  });

  it('lets staff tick people present or absent with a reason, and counts 应到 / 实到 / 缺席', async () => {
    const tick = (names: string[], status: string, reason?: string) => organiser.post(url(`sessions/${sessionId}/attendance`), { memberIds: names.map((n) => m[n]), status, reason });
    expect(refused(await tick(['李强'], 'absent'), 400).fields![0]).toEqual({ path: 'reason', message: '请填写缺席原因（病假、事假、公出等）' });
    expect(refused(await tick(['韩借'], 'present'), 400).fields![0]).toEqual({ path: 'memberIds', message: '所选人员不是本届代表（含特邀、列席代表）' });
    expect(refused(await tick(['吴刚'], 'present'), 400).fields![0].path).toBe('memberIds');
    expect(ok(await tick(['李强'], 'absent', '病假')).figures).toMatchObject({ present: 1, absent: 1 });
    expect(ok(await tick(['赵敏', '钱进', '孙丽', '郑洁'], 'present')).figures).toMatchObject({ expected: 10, present: 5, absent: 1, notYet: 4 });
    // 周敏 asked for leave, then came after all: her scan makes her present.
    expect(ok(await tick(['周敏'], 'absent', '事假')).figures).toMatchObject({ present: 5, absent: 2 });
    const fresh = ok(await organiser.get(url(`sessions/${sessionId}/checkin-code`))).code;
    expect(ok(await zhou.post(url(`sessions/${sessionId}/checkin`), { code: fresh })).message).toBe('签到成功');
    expect(ok(await zhou.get(url(`sessions/${sessionId}`))).attendance).toMatchObject({ expected: 10, present: 6, absent: 1, notYet: 3, quorum: { met: false, missing: 1 } });
    const again = ok(await tick(['赵敏', '钱进'], 'present'));
    expect(again.changed).toBe(0);
    expect(ok(await tick(['冯涛'], 'absent', '公出')).figures.quorum).toMatchObject({ met: false, required: 7, missing: 1 });
    expect(ok(await tick(['陈静'], 'present')).figures.quorum).toEqual({ met: true, required: 7, missing: 0, text: '实到 7 人，达到应到 10 人的三分之二（7 人），可以表决' });
    expect(ok(await tick(['陈静'], 'unknown')).figures).toMatchObject({ present: 6, notYet: 2 });

    const roster = ok(await organiser.get(url(`sessions/${sessionId}/attendance`)));
    const row = (name: string) => roster.items.find((r: { name: string }) => r.name === name);
    expect(row('李强')).toMatchObject({ status: 'absent', reason: '病假', source: 'staff', isVoter: true, constituencyName: '第一代表团' });
    expect(row('王芳')).toMatchObject({ status: 'present', source: 'scan' });
    expect(row('沈退')).toMatchObject({ status: 'present', kind: 'invited', isVoter: false });
    expect(row('蒋其')).toMatchObject({ status: null, kind: 'observer', isVoter: false });
    expect(row('吴刚')).toBeUndefined();
    expect(row('周敏')).toMatchObject({ status: 'present', reason: null, source: 'scan' });
    expect(roster.figures).toMatchObject({ expected: 10, present: 6, absent: 2 });
    expect(refused(await wang.get(url(`sessions/${sessionId}/attendance`)), 403).code).toBe('FORBIDDEN');
  });

  it('closes attendance with the session', async () => {
    ok(await chair.post(url(`sessions/${sessionId}/open`)));
    ok(await chair.post(url(`sessions/${sessionId}/close`)));
    expect(refused(await zhou.post(url(`sessions/${sessionId}/checkin`), { code }), 409).message).toBe('会议已闭幕，签到已关闭');
    expect(refused(await organiser.post(url(`sessions/${sessionId}/attendance`), { memberIds: [m['褚明']], status: 'present' }), 409).message).toBe('会议已闭幕，出勤不能再修改');
    expect(refused(await chair.patch(url(`sessions/${sessionId}`), { place: '操场' }), 409).message).toBe('会议已闭幕，不能再修改');
    expect(ok(await zhou.get(url(`sessions/${sessionId}`))).me.canCheckIn).toBe(false);
  });
});

describe('the all-staff meeting', () => {
  it('makes every member in employment with a normal membership a voter, without representatives', async () => {
    const term = ok(await chair.post(url('terms'), { form: 'all_staff', years: 3, startsOn: '2026-09-01' }), 201);
    expect(term).toMatchObject({ number: 2, label: '第二届教职工大会', endsOn: '2029-08-31', composition: null });
    // The eleven in employment with a normal membership and 蒋其 (post type 其他) vote; the retiree and 韩借 (保留会籍) do not.
    expect(term.voters).toBe(12);
    expect(refused(await chair.post(url(`terms/${term.id}/representatives`), { memberId: m['王芳'], electedOn: '2026-08-20' }), 409).message).toBe('教职工大会由全体在职会员参加，不需要登记代表');
    expect(refused(await chair.post(url(`terms/${term.id}/constituencies`), { name: '第一组' }), 409).message).toBe('教职工大会由全体在职会员参加，不设代表团');
    const s = ok(await chair.post(url(`terms/${term.id}/sessions`), { startsAt: '2026-09-10T14:00:00+08:00', place: '学校礼堂' }), 201);
    expect(s).toMatchObject({ title: '第二届教职工大会第一次会议', attendance: { expected: 12 } });
    expect(ok(await zhou.get(url(`sessions/${s.id}`))).me).toMatchObject({ isVoter: true, representative: null });
    expect(ok(await guest.get(url(`sessions/${s.id}`))).me).toMatchObject({ isVoter: false });
    expect(refused(await chair.post(url(`sessions/${s.id}/attendance`), { memberIds: [m['韩借']], status: 'present' }), 400).fields![0].message).toBe('所选人员不在本次大会的参会范围内');
    expect(ok(await chair.post(url(`sessions/${s.id}/attendance`), { memberIds: [m['蒋其'], m['周敏']], status: 'present' })).figures).toMatchObject({ expected: 12, present: 2 });
    allStaffSessionId = s.id;
  });

  it('decides on all voting staff and says so in the result, on the screen and in the resolution', async () => {
    const s = allStaffSessionId;
    const staff = ['王芳', '李强', '赵敏', '钱进', '孙丽', '吴刚', '郑洁', '冯涛'];
    ok(await chair.post(url(`sessions/${s}/attendance`), { memberIds: staff.map((n) => m[n]), status: 'present' }));
    ok(await chair.post(url(`sessions/${s}/open`)));
    const vote = ok(await chair.post(url(`sessions/${s}/votes`), { title: '教职工绩效工资分配方案', mode: 'secret', channel: 'paper' }), 201).id;
    expect(ok(await chair.post(url(`votes/${vote}/open`)))).toMatchObject({ base: 12, present: 10 });
    ok(await chair.post(url(`votes/${vote}/paper`), { yes: 7, no: 2, abstain: 1 }));
    const closed = ok(await chair.post(url(`votes/${vote}/close`)));
    expect(closed).toMatchObject({ passed: true, base: 12, present: 10, yes: 7 });
    expect(closed.resultText).toBe('应到 12 人，实到 10 人；赞成 7 票、反对 2 票、弃权 1 票。赞成票超过全体教职工的半数（12 人的半数为 6），通过。');
    // A member in employment votes online without being a representative; the result again names all staff.
    const online = ok(await chair.post(url(`sessions/${s}/votes`), { title: '食堂承包方案', mode: 'named', channel: 'online' }), 201).id;
    ok(await chair.post(url(`votes/${online}/open`)));
    expect(ok(await zhou.post(url(`votes/${online}/ballots`), { choice: 'yes' }))).toMatchObject({ ballots: 1, me: { hasVoted: true } });
    expect(refused(await guest.post(url(`votes/${online}/ballots`), { choice: 'yes' }), 403).message).toBe('您不在本次大会的表决人员范围内（须在职且会籍正常）');
    expect(ok(await chair.post(url(`votes/${online}/close`))).resultText).toBe(
      '应到 12 人，实到 10 人；赞成 1 票、反对 0 票、弃权 0 票，未投票 9 人。赞成票未超过全体教职工的半数（12 人的半数为 6），未通过。',
    );
    const stored = await t.database.query<{ rule: string }>("SELECT result->>'rule' AS rule FROM congress_votes WHERE id = $1", [vote]);
    expect(stored[0].rule).toBe('赞成票超过全体教职工（应到人数）的半数为通过');
    expect(ok(await chair.get(url(`sessions/${s}/screen`))).term).toEqual({ label: '第二届教职工大会', form: 'all_staff' });

    const res = await chair.get(url(`sessions/${s}/resolution.docx`));
    expect(res.statusCode, res.body).toBe(200);
    const text = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('会议应到教职工 12 人，实到 10 人');
    expect(text).toContain('赞成票超过全体教职工半数为通过');
    expect(text).not.toContain('代表');
  });
});

describe('isolation', () => {
  it('answers 404 to another school for every term, session, constituency, agenda item and representative id', async () => {
    const agendaItemId = ok(await chair.get(url(`sessions/${sessionId}`))).agenda[0].id as string;
    for (const res of [
      await chairB.get(url(`terms/${termId}`)),
      await chairB.patch(url(`terms/${termId}`), { cosignersMin: 5 }),
      await chairB.get(url(`terms/${termId}/representatives`)),
      await chairB.post(url(`terms/${termId}/representatives`), { memberId: m['二中'], electedOn: '2024-08-20', category: 'teacher' }),
      await chairB.post(url(`terms/${termId}/constituencies`), { name: '越权' }),
      await chairB.patch(url(`constituencies/${constituencies['第一代表团']}`), { name: '越权' }),
      await chairB.post(url(`representatives/${reps['王芳']}/end`), { status: 'left', reason: '越权', endedOn: '2025-01-01' }),
      await chairB.post(url(`terms/${termId}/sessions`), { startsAt: '2025-03-01T14:00:00+08:00' }),
      await chairB.get(url(`sessions/${sessionId}`)),
      await chairB.get(url(`sessions/${sessionId}/attendance`)),
      await chairB.post(url(`sessions/${sessionId}/checkin`), { code }),
      await chairB.patch(url(`sessions/${sessionId}`), { place: '越权' }),
      await chairB.post(url(`sessions/${sessionId}/open`)),
      await chairB.post(url(`sessions/${sessionId}/close`)),
      await chairB.post(url(`sessions/${sessionId}/agenda`), { title: '越权议题', kind: 'other' }),
      await chairB.patch(url(`agenda/${agendaItemId}`), { title: '越权' }),
      await chairB.delete(url(`agenda/${agendaItemId}`)),
      await chairB.get(url(`sessions/${sessionId}/checkin-code`)),
      await chairB.post(url(`sessions/${sessionId}/attendance`), { memberIds: [m['二中']], status: 'present' }),
      await chairB.post(url(`representatives/${reps['王芳']}/replace`), { memberId: m['二中'], electedOn: '2025-05-01', reason: '越权', category: 'teacher' }),
    ]) {
      expect(refused(res, 404).code).toBe('NOT_FOUND');
    }
    expect(ok(await chairB.get(url('terms'))).items).toEqual([]);
  });
});

describe('a term past its end', () => {
  it('holds no more sessions: opening one is refused, naming when the mandates ended', async () => {
    // School B's chair, so that school A's current term stays the one the tests above use.
    const term = ok(await chairB.post(url('terms'), { years: 3, startsOn: '2015-09-01' }), 201);
    expect(term.endsOn).toBe('2018-08-31');
    const s = ok(await chairB.post(url(`terms/${term.id}/sessions`), { startsAt: '2016-03-01T14:00:00+08:00', place: '会议室' }), 201);
    const e = refused(await chairB.post(url(`sessions/${s.id}/open`)), 409);
    expect(e.message).toBe('第一届教职工代表大会的任期已于 2018-08-31 届满，不能再召开会议；请先产生新一届代表');
    expect(ok(await chairB.get(url(`sessions/${s.id}`))).status).toBe('planned');
  });
});
