import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/contracts/activities.js';
import { isInAudience, participation, type ParticipationMember } from '../../src/domain/activities/index.js';
import { activities, activityAttendance, activityRegistrations, activityTypes, members } from '../../src/server/db/schema/index.js';
import { schoolYearOf } from '../../src/server/modules/activities/activities.stats.js';
import { buildMember, buildSchool, buildUser, createTestApp, eq } from '../support/test-app.js';
import { countRows, readXlsx, shanghaiToday, signIn, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let chairB: Client;
let memberA: Client;
let organiser: { id: string };

type School = Awaited<ReturnType<typeof buildSchool>>;
type Kind = (typeof activityTypes.$inferSelect)['kind'];
type Stats = {
  from: string;
  to: string;
  participation: { attended: number; eligible: number; rate: number | null };
  byGroup: { groupId: string | null; groupName: string; attended: number; eligible: number; rate: number | null }[];
  byKind: { kind: string; label: string; count: number }[];
  activities: { id: string; title: string; startsAt: string; typeName: string; invited: number; confirmed: number; attended: number; rate: number | null }[];
  members: { memberId: string; name: string; groupName: string | null; attended: number }[];
};

const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const lastAudit = async () => (await t.database.query<{ action: string; entity_label: string | null }>('SELECT action, entity_label FROM audit_events ORDER BY id DESC LIMIT 1'))[0];

/** The union's activity types, one per kind, inserted as the activities module would on first use. */
async function typesFor(school: School): Promise<Record<Kind, string>> {
  const kinds: Kind[] = ['study', 'culture_sport', 'festival', 'club'];
  const rows = await t.database.db
    .insert(activityTypes)
    .values(kinds.map((kind, position) => ({ orgId: school.union.id, name: { study: '学习', culture_sport: '文体', festival: '节日', club: '兴趣小组' }[kind as string]!, kind, position })))
    .returning();
  return Object.fromEntries(rows.map((r) => [r.kind, r.id])) as Record<Kind, string>;
}

/** An activity written straight into the table (the statistics only read what the activity routes write). */
async function addActivity(school: School, typeId: string, a: { title: string; startsAt: string; audience: Audience; status?: 'published' | 'cancelled'; withSignup?: boolean; place?: string }) {
  const startsAt = new Date(a.startsAt);
  const [row] = await t.database.db
    .insert(activities)
    .values({
      orgId: school.union.id,
      typeId,
      title: a.title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      place: a.place ?? '学校报告厅',
      organiserUserId: organiser.id,
      audience: a.audience,
      status: a.status ?? 'published',
      signupOpensAt: a.withSignup ? new Date(startsAt.getTime() - 7 * 86_400_000) : null,
      signupClosesAt: a.withSignup ? new Date(startsAt.getTime() - 86_400_000) : null,
      checkinSecret: 'test-secret',
    })
    .returning();
  return row;
}

async function attend(school: School, activityId: string, memberIds: string[], source: 'scan' | 'roster' | 'paper' = 'roster') {
  for (const memberId of memberIds) await t.database.db.insert(activityAttendance).values({ activityId, orgId: school.union.id, memberId, source, at: new Date('2024-10-10T15:35:00+08:00') });
}

async function register(school: School, activityId: string, regs: [string, 'confirmed' | 'waitlisted' | 'cancelled' | 'pending'][]) {
  for (const [memberId, status] of regs) await t.database.db.insert(activityRegistrations).values({ activityId, orgId: school.union.id, memberId, status, waitlistSeq: status === 'waitlisted' ? 1 : null });
}

// A past school year, so that every activity in it has been held.
const PERIOD = { from: '2024-09-01', to: '2025-08-31' };
let m: Record<string, { id: string }>;
let acts: Record<string, { id: string }>;
let types: Record<Kind, string>;

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '统计实验小学工会');
  B = await buildSchool(t.database, '统计二小工会', A.district);
  const ua = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '实小主席' });
  const ub = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二小主席' });
  const um = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '实小会员' });
  organiser = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '文体' }], { name: '文体委员' });
  chairA = await signIn(t.app, ua.phone!);
  chairB = await signIn(t.app, ub.phone!);
  memberA = await signIn(t.app, um.phone!);

  const g = { A: A.groupA.id, B: A.groupB.id };
  m = {
    liu: await buildMember(t.database, A.union, { name: '刘芳', gender: 'F', groupId: g.A, joinedOn: '2010-09-01' }),
    chen: await buildMember(t.database, A.union, { name: '陈刚', gender: 'M', groupId: g.A, joinedOn: null }),
    zhao: await buildMember(t.database, A.union, { name: '赵磊', gender: 'M', groupId: g.B }),
    // Joined in the middle of the year: in the base (joined by the period's end), attended nothing.
    sun: await buildMember(t.database, A.union, { name: '孙悦', gender: 'F', groupId: g.A, joinedOn: '2025-03-01' }),
    // Joined after the period: not in the base.
    zhou: await buildMember(t.database, A.union, { name: '周新', gender: 'M', groupId: g.B, joinedOn: '2025-10-01' }),
    wu: await buildMember(t.database, A.union, { name: '吴敏', gender: 'F', groupId: null }),
    // Retirees, one keeping a reserved membership (保留会籍): in the base because a retirees' activity was held.
    qian: await buildMember(t.database, A.union, { name: '钱老师', employmentStatus: 'retired', membershipStatus: 'normal' }),
    zheng: await buildMember(t.database, A.union, { name: '郑老师', employmentStatus: 'retired', membershipStatus: 'reserved' }),
    // At work but with a reserved membership: attended, yet not in the base, so not counted.
    feng: await buildMember(t.database, A.union, { name: '冯静', gender: 'F', groupId: g.B, membershipStatus: 'reserved' }),
    // Transferred out: neither invited nor counted.
    he: await buildMember(t.database, A.union, { name: '何平', membershipStatus: 'transferred_out', employmentStatus: 'transferred' }),
  };
  types = await typesFor(A);
  acts = {
    study: await addActivity(A, types.study, { title: '师德师风专题学习', startsAt: '2024-10-10T15:30:00+08:00', audience: { kind: 'all' }, withSignup: true }),
    ball: await addActivity(A, types.culture_sport, { title: '数学组羽毛球赛', startsAt: '2025-03-08T15:30:00+08:00', audience: { kind: 'groups', groupIds: [g.B] }, place: '体育馆' }),
    chongyang: await addActivity(A, types.festival, { title: '重阳节退休教师座谈', startsAt: '2024-10-11T09:00:00+08:00', audience: { kind: 'retirees' } }),
    cancelled: await addActivity(A, types.study, { title: '取消的学习', startsAt: '2024-11-01T15:30:00+08:00', audience: { kind: 'all' }, status: 'cancelled' }),
    lastYear: await addActivity(A, types.study, { title: '上学年的学习', startsAt: '2024-05-01T15:30:00+08:00', audience: { kind: 'all' } }),
    // The first minute of the period's first day and the last minute of its last day, in Shanghai time.
    firstDay: await addActivity(A, types.club, { title: '开学第一课', startsAt: '2024-09-01T00:00:00+08:00', audience: { kind: 'list', memberIds: [m.chen.id, m.sun.id] } }),
    nextDay: await addActivity(A, types.club, { title: '次学年活动', startsAt: '2025-09-01T00:00:00+08:00', audience: { kind: 'all' } }),
  };
  await attend(A, acts.study.id, [m.liu.id, m.zhao.id, m.wu.id, m.feng.id]);
  await attend(A, acts.ball.id, [m.zhao.id], 'scan');
  await attend(A, acts.chongyang.id, [m.qian.id], 'paper');
  await attend(A, acts.cancelled.id, [m.chen.id]);
  await attend(A, acts.lastYear.id, [m.chen.id]);
  await attend(A, acts.nextDay.id, [m.chen.id]);
  await register(A, acts.study.id, [
    [m.liu.id, 'confirmed'],
    [m.chen.id, 'confirmed'],
    [m.zhao.id, 'waitlisted'],
    [m.sun.id, 'cancelled'],
  ]);

  // Another school: its activity and attendance never show in the first school's figures.
  const bTypes = await typesFor(B);
  const bMember = await buildMember(t.database, B.union, { name: '二小会员' });
  const bAct = await addActivity(B, bTypes.study, { title: '二小的学习', startsAt: '2024-10-10T15:30:00+08:00', audience: { kind: 'all' } });
  await attend(B, bAct.id, [bMember.id]);
  acts.otherSchool = bAct;
});
afterAll(async () => t.close());

const stats = async (c: Client, query = `from=${PERIOD.from}&to=${PERIOD.to}`) => ok<Stats>(await c.get(`/api/v1/activities/stats${query ? `?${query}` : ''}`));

/** The domain's participation over the same rows, read back from the database as plain data. */
async function domainParticipation(groupId?: string | null) {
  const rows = await t.database.db.select().from(members).where(eq(members.orgId, A.union.id));
  const roster = rows.filter((r) => groupId === undefined || r.groupId === groupId);
  const base: ParticipationMember[] = roster.map((r) => ({ id: r.id, employmentStatus: r.employmentStatus, membershipStatus: r.membershipStatus, joinedOn: r.joinedOn }));
  const held = [acts.study.id, acts.ball.id, acts.chongyang.id, acts.firstDay.id];
  const attendance = await t.database.db.select().from(activityAttendance);
  const attended = new Set(attendance.filter((a) => held.includes(a.activityId)).map((a) => a.memberId));
  const retireesInvited = new Set(
    roster.filter((r) => isInAudience({ kind: 'retirees' }, { id: r.id, gender: r.gender, employmentStatus: r.employmentStatus, membershipStatus: r.membershipStatus, groupId: r.groupId, department: r.department })).map((r) => r.id),
  );
  return participation(base, attended, retireesInvited, PERIOD.to);
}

describe('participation over a period', () => {
  it('counts in SQL what the domain rule counts: retirees invited to their activity, 保留会籍, a member who joined after the period', async () => {
    const s = await stats(chairA);
    expect(s.from).toBe(PERIOD.from);
    expect(s.to).toBe(PERIOD.to);
    // Base: 刘芳 陈刚 赵磊 孙悦 吴敏 (active) + 钱老师 郑老师 (retirees, a retirees' activity was held) = 7;
    // attended: 刘芳 赵磊 吴敏 钱老师. 冯静 (保留会籍) attended but is outside the base; 周新 joined after the period.
    expect(s.participation).toEqual({ attended: 4, eligible: 7, rate: 4 / 7 });
    expect(s.participation).toEqual(await domainParticipation());
  });

  it('gives each union group its own rate, the same as the domain rule on the group’s members', async () => {
    const s = await stats(chairA);
    const byName = Object.fromEntries(s.byGroup.map((g) => [g.groupName, g]));
    expect(Object.keys(byName)).toEqual(['数学组', '语文组', '未分组']);
    expect(byName['语文组']).toMatchObject({ groupId: A.groupA.id, attended: 1, eligible: 3 });
    expect(byName['数学组']).toMatchObject({ groupId: A.groupB.id, attended: 1, eligible: 1, rate: 1 });
    expect(byName['未分组']).toMatchObject({ groupId: null, attended: 2, eligible: 3 });
    for (const g of s.byGroup) expect({ attended: g.attended, eligible: g.eligible, rate: g.rate }).toEqual(await domainParticipation(g.groupId));
  });

  it('lists the activities held in the period with their figures, and counts them by kind', async () => {
    const s = await stats(chairA);
    expect(s.activities.map((a) => a.title)).toEqual(['开学第一课', '师德师风专题学习', '重阳节退休教师座谈', '数学组羽毛球赛']);
    const study = s.activities.find((a) => a.id === acts.study.id)!;
    // Invited by 全体在职会员: 刘芳 陈刚 赵磊 孙悦 周新 吴敏 (the audience as the roster stands now).
    expect(study).toMatchObject({ typeName: '学习', invited: 6, confirmed: 2, attended: 4, rate: 4 / 6 });
    expect(s.activities.find((a) => a.id === acts.chongyang.id)).toMatchObject({ invited: 2, attended: 1, rate: 0.5 });
    expect(s.activities.find((a) => a.id === acts.firstDay.id)).toMatchObject({ invited: 2, attended: 0, rate: 0 });
    const kinds = Object.fromEntries(s.byKind.map((k) => [k.kind, k]));
    expect(kinds.study).toEqual({ kind: 'study', label: '学习', count: 1 });
    expect(kinds.culture_sport.count).toBe(1);
    expect(kinds.festival.count).toBe(1);
    expect(kinds.club.count).toBe(1);
    expect(kinds.outing.count).toBe(0);
  });

  it('gives each member their attendance count, the base with zeros and anyone else who came', async () => {
    const s = await stats(chairA);
    const byId = Object.fromEntries(s.members.map((x) => [x.memberId, x.attended]));
    expect(byId).toEqual({ [m.zhao.id]: 2, [m.liu.id]: 1, [m.wu.id]: 1, [m.qian.id]: 1, [m.feng.id]: 1, [m.chen.id]: 0, [m.sun.id]: 0, [m.zheng.id]: 0 });
    expect(s.members[0]).toMatchObject({ name: '赵磊', groupName: '数学组', attended: 2 });
  });

  it('defaults to the current school year and leaves out what has not happened yet', async () => {
    const now = Date.now();
    const todayStart = Date.parse(`${shanghaiToday()}T00:00:00+08:00`);
    const past = new Date(Math.max(now - 3_600_000, todayStart + 1000)).toISOString();
    const held = await addActivity(A, types.study, { title: '本学年的学习', startsAt: past, audience: { kind: 'all' } });
    const future = await addActivity(A, types.study, { title: '还没开始的学习', startsAt: new Date(now + 3_600_000).toISOString(), audience: { kind: 'all' } });
    await attend(A, held.id, [m.chen.id]);
    const s = await stats(chairA, '');
    expect({ from: s.from, to: s.to }).toEqual(schoolYearOf(shanghaiToday()));
    const ids = s.activities.map((a) => a.id);
    expect(ids).toContain(held.id);
    expect(ids).not.toContain(future.id);
    expect(s.members.find((x) => x.memberId === m.chen.id)?.attended).toBe(1);
    await t.database.db.delete(activityAttendance).where(eq(activityAttendance.activityId, held.id));
    await t.database.db.delete(activities).where(eq(activities.id, held.id));
    await t.database.db.delete(activities).where(eq(activities.id, future.id));
  });

  it('keeps each school to its own figures and refuses members without the activity-manager role', async () => {
    const s = await stats(chairB);
    expect(s.activities.map((a) => a.title)).toEqual(['二小的学习']);
    expect(s.participation).toEqual({ attended: 1, eligible: 1, rate: 1 });
    expect((await memberA.get(`/api/v1/activities/stats?from=${PERIOD.from}&to=${PERIOD.to}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/activities/stats' })).statusCode).toBe(401);
  });

  it('names the field of a wrong period', async () => {
    const backwards = await chairA.get('/api/v1/activities/stats?from=2025-09-01&to=2025-08-31');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({ path: 'to', message: expect.stringContaining('结束日期不能早于开始日期') });
    const badDate = await chairA.get('/api/v1/activities/stats?from=2025-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields[0]).toMatchObject({ path: 'from', message: expect.stringContaining('日期不存在') });
    const tooLong = await chairA.get('/api/v1/activities/stats?from=2020-09-01&to=2025-08-31');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'to', message: '统计范围不能超过 3 年' });
  });
});

describe('exports', () => {
  it('exports the 活动台账 of the period as .xlsx, one row per activity held, and audits it', async () => {
    const before = await countRows(t.database, 'audit_events');
    const res = await chairA.get(`/api/v1/activities/ledger.xlsx?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`统计实验小学工会活动台账-${PERIOD.from}至${PERIOD.to}.xlsx`)}`);
    const { sheetNames, rows } = await readXlsx(res.rawPayload);
    expect(sheetNames).toEqual(['活动台账']);
    expect(rows[0][0]).toBe(`统计实验小学工会 活动台账（${PERIOD.from} 至 ${PERIOD.to}）`);
    expect(rows[1]).toEqual(['序号', '日期', '活动名称', '类型', '地点', '组织者', '参加对象', '应到', '报名', '候补', '实到', '参与率']);
    expect(rows.slice(2, 6).map((r) => r[2])).toEqual(['开学第一课', '师德师风专题学习', '重阳节退休教师座谈', '数学组羽毛球赛']);
    expect(rows[3]).toEqual([2, '2024-10-10 15:30', '师德师风专题学习', '学习', '学校报告厅', '文体委员', '全体在职会员', 6, 2, 1, 4, 4 / 6]);
    expect(rows[4].slice(6, 11)).toEqual(['退休教职工', 2, 0, 0, 1]);
    expect(rows[5][6]).toBe('数学组');
    expect(rows[2][6]).toBe('指定人员（2 人）');
    expect([rows[6][0], rows[6][2], ...rows[6].slice(7)]).toEqual(['合计', '共 4 项活动', 12, 2, 1, 6, 0.5]);
    expect(String(rows[7][0])).toContain('会员参与率：57.1%（期间内至少参加一次活动的会员 4 人 / 应参加会员 7 人）');
    expect(await countRows(t.database, 'audit_events')).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'activity.ledgerExported', entity_label: `活动台账 ${PERIOD.from} 至 ${PERIOD.to}，4 项` });
    expect((await memberA.get('/api/v1/activities/ledger.xlsx')).statusCode).toBe(403);
  });

  it('exports an activity’s attendance: everyone invited, signed up or present, with how they checked in', async () => {
    const res = await chairA.get(`/api/v1/activities/${acts.study.id}/attendance.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[0][0]).toBe('师德师风专题学习 出勤名单（2024年10月10日（星期四）15:30—17:30）');
    expect(rows[1]).toEqual(['序号', '姓名', '工会小组', '部门', '报名状态', '是否出勤', '签到方式', '签到时间']);
    const people = rows.slice(2, -1);
    // Invited (6) and 冯静, present though outside the audience; by group, 未分组 last.
    expect(people.map((r) => r[1])).toEqual(expect.arrayContaining(['刘芳', '陈刚', '赵磊', '孙悦', '周新', '吴敏', '冯静']));
    expect(people).toHaveLength(7);
    expect(people.at(-1)![1]).toBe('吴敏');
    const liu = people.find((r) => r[1] === '刘芳')!;
    expect([liu[2], liu[3] ?? null, ...liu.slice(4)]).toEqual(['语文组', null, '已报名', '是', '名单勾选', '2024-10-10 15:35']);
    expect(people.find((r) => r[1] === '孙悦')!.slice(4, 6)).toEqual(['已取消', '否']);
    expect(people.find((r) => r[1] === '周新')!.slice(4, 6)).toEqual(['未报名', '否']);
    expect(rows.at(-1)![0]).toBe('共 7 人，出勤 4 人');
    expect(await lastAudit()).toMatchObject({ action: 'activity.attendanceExported', entity_label: '师德师风专题学习' });
  });

  it('prints the 签到表 as an A4 .docx: the confirmed registrants, a repeating header, a blank signature column', async () => {
    const res = await chairA.get(`/api/v1/activities/${acts.study.id}/signin-sheet.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('师德师风专题学习-签到表.docx'));
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]);
    expect(text).toEqual(expect.arrayContaining(['师德师风专题学习签到表', '时间：2024年10月10日（星期四）15:30—17:30', '地点：学校报告厅', '组织者：文体委员', '序号', '姓名', '工会小组', '签名']));
    // Confirmed only: 刘芳 and 陈刚 (语文组); 赵磊 waits, 孙悦 cancelled.
    expect(text).toEqual(expect.arrayContaining(['刘芳', '陈刚']));
    expect(text).not.toContain('赵磊');
    expect(text).not.toContain('孙悦');
    expect(text.join('')).toContain('应到 2 人');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(await lastAudit()).toMatchObject({ action: 'activity.signinSheetExported', entity_label: '师德师风专题学习' });
  });

  it('lists everyone invited on the 签到表 of an activity without sign-up', async () => {
    const res = await chairA.get(`/api/v1/activities/${acts.chongyang.id}/signin-sheet.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]);
    expect(text).toEqual(expect.arrayContaining(['钱老师', '郑老师']));
    expect(text).not.toContain('刘芳');
  });

  it('answers 404 for another school’s activity and 403 for a member, and writes no audit event', async () => {
    const before = await countRows(t.database, 'audit_events');
    for (const url of [`/api/v1/activities/${acts.otherSchool.id}/attendance.xlsx`, `/api/v1/activities/${acts.otherSchool.id}/signin-sheet.docx`]) {
      const res = await chairA.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toContain('活动不存在');
    }
    expect((await memberA.get(`/api/v1/activities/${acts.study.id}/signin-sheet.docx`)).statusCode).toBe(403);
    const bad = await chairA.get('/api/v1/activities/not-an-id/attendance.xlsx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('id');
    expect(await countRows(t.database, 'audit_events')).toBe(before);
  });
});

describe('goal metrics read from activities', () => {
  it('moves a plan’s participation goal when attendance is recorded, and counts study sessions and activities', async () => {
    const C = await buildSchool(t.database, '指标活动小学工会');
    const chairUser = await buildUser(t.database, [{ org: C.union, role: 'chair' }]);
    const chair = await signIn(t.app, chairUser.phone!);
    const cTypes = await typesFor(C);
    const [x, y] = [await buildMember(t.database, C.union, { name: '甲' }), await buildMember(t.database, C.union, { name: '乙' })];
    await buildMember(t.database, C.union, { name: '丙', employmentStatus: 'retired' });
    const plan = ok<{ id: string; goals: { metric: string; value: { status: string; value?: number; met?: boolean; detail?: string } }[] }>(
      await chair.post('/api/v1/plans', {
        title: '2024—2025学年工会工作计划',
        periodKind: 'school_year',
        periodStart: PERIOD.from,
        periodEnd: PERIOD.to,
        goals: [
          { text: '文体活动参与率不低于85%', metric: 'participation_rate', comparator: '>=', target: 0.85 },
          { text: '专题学习不少于2次', metric: 'study_sessions', comparator: '>=', target: 2 },
          { text: '开展活动不少于3次', metric: 'activity_count', comparator: '>=', target: 3 },
        ],
      }),
      201,
    );
    const goals = async () => ok<typeof plan>(await chair.get(`/api/v1/plans/${plan.id}`)).goals.map((g) => g.value);
    // Nothing held yet: no participation to measure, zero sessions.
    expect(plan.goals.map((g) => g.value)).toEqual([
      { status: 'no_data', detail: '期间内尚无可计算的数据' },
      { status: 'measured', value: 0, met: false, detail: '已开展专题学习 0 次' },
      { status: 'measured', value: 0, met: false, detail: '已开展活动 0 次' },
    ]);

    const study = await addActivity(C, cTypes.study, { title: '专题学习一', startsAt: '2024-10-10T15:30:00+08:00', audience: { kind: 'all' } });
    await addActivity(C, cTypes.study, { title: '专题学习二', startsAt: '2025-04-10T15:30:00+08:00', audience: { kind: 'all' } });
    await addActivity(C, cTypes.culture_sport, { title: '趣味运动会', startsAt: '2025-05-10T15:30:00+08:00', audience: { kind: 'all' } });
    await addActivity(C, cTypes.study, { title: '取消的学习', startsAt: '2025-05-11T15:30:00+08:00', audience: { kind: 'all' }, status: 'cancelled' });
    expect(await goals()).toEqual([
      { status: 'measured', value: 0, met: false, detail: '参加 0 人 / 应参加 2 人' },
      { status: 'measured', value: 2, met: true, detail: '已开展专题学习 2 次' },
      { status: 'measured', value: 3, met: true, detail: '已开展活动 3 次' },
    ]);

    // The organiser enters the paper sign-in sheet through the attendance API.
    ok(await chair.put(`/api/v1/activities/${study.id}/attendance`, { memberIds: [x.id], source: 'paper' }));
    expect((await goals())[0]).toEqual({ status: 'measured', value: 0.5, met: false, detail: '参加 1 人 / 应参加 2 人' });
    ok(await chair.put(`/api/v1/activities/${study.id}/attendance`, { memberIds: [x.id, y.id], source: 'paper' }));
    expect((await goals())[0]).toEqual({ status: 'measured', value: 1, met: true, detail: '参加 2 人 / 应参加 2 人' });
    ok(await chair.put(`/api/v1/activities/${study.id}/attendance`, { memberIds: [y.id], source: 'paper' }));
    expect((await goals())[0]).toMatchObject({ value: 0.5, met: false });
  });
});

describe('routes', () => {
  it('serves /activities/stats and /activities/ledger.xlsx on their own paths, not as an activity id', async () => {
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('stats');
    const res = await chairA.get('/api/v1/activities/stats');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveProperty('participation');
    const ledger = await chairA.get('/api/v1/activities/ledger.xlsx');
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.headers['content-type']).toContain('spreadsheetml');
  });
});
