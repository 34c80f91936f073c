import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinCode } from '../../src/domain/activities/index.js';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, signIn, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let committeeA: Client;
let chairB: Client;
let noFile: Client;
let sportTypeId: string;

/** A member of school A with an account: the member file, the user and a signed-in client. */
type Person = { c: Client; memberId: string; userId: string; name: string };
const people: Record<'wang' | 'li' | 'sun' | 'zhou' | 'zhao', Person> = {} as never;
let memberB: { id: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (msFromNow: number) => toShanghaiIso(new Date(Date.now() + msFromNow));

async function person(name: string, opts: { gender: 'M' | 'F'; groupId: string; employmentStatus?: 'active' | 'retired' }): Promise<Person> {
  const user = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name });
  const m = await buildMember(t.database, A.union, { name, gender: opts.gender, groupId: opts.groupId, employmentStatus: opts.employmentStatus ?? 'active', userId: user.id });
  return { c: await signIn(t.app, user.phone!), memberId: m.id, userId: user.id, name };
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '活动一小工会');
  B = await buildSchool(t.database, '活动二小工会', A.district);
  const ua = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '一小主席' });
  const uc = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '文体' }], { name: '文体委员' });
  const ub = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二小主席' });
  const un = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '无档案用户' });
  chairA = await signIn(t.app, ua.phone!);
  committeeA = await signIn(t.app, uc.phone!);
  chairB = await signIn(t.app, ub.phone!);
  noFile = await signIn(t.app, un.phone!);
  people.wang = await person('王芳', { gender: 'F', groupId: A.groupA.id });
  people.li = await person('李强', { gender: 'M', groupId: A.groupB.id });
  people.sun = await person('孙丽', { gender: 'F', groupId: A.groupB.id });
  people.zhou = await person('周敏', { gender: 'F', groupId: A.groupA.id });
  people.zhao = await person('赵老师', { gender: 'F', groupId: A.groupA.id, employmentStatus: 'retired' });
  memberB = await buildMember(t.database, B.union, { name: '二小会员' });
  const types = ok<{ items: { id: string; name: string }[] }>(await chairA.get('/api/v1/activity-types'));
  sportTypeId = types.items.find((x) => x.name === '文体')!.id;
});
afterAll(async () => t.close());

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const fieldOf = (res: Res) => {
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.fields[0] as { path: string; message: string };
};
const errorOf = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error.message as string;
};
const lastAction = async () => (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY id DESC LIMIT 1'))[0].action;
const notificationsOf = (p: Person, kind: string) => countRows(t.database, 'notifications', 'user_id = $1 AND kind = $2', [p.userId, kind]);

/** An activity open for sign-up now, two days ahead; `over` changes any field. */
function draft(over: Record<string, unknown> = {}) {
  return {
    typeId: sportTypeId,
    title: '教职工羽毛球赛',
    startsAt: at(2 * DAY),
    endsAt: at(2 * DAY + 2 * HOUR),
    place: '学校体育馆',
    audience: { kind: 'all' },
    capacity: 10,
    signupOpensAt: at(-HOUR),
    signupClosesAt: at(DAY),
    ...over,
  };
}
async function publish(over: Record<string, unknown> = {}, by = chairA) {
  return ok<{ ids: string[]; activity: Record<string, any> }>(await by.post('/api/v1/activities', draft(over)), 201).activity;
}
const signUp = (p: Person, id: string, answers: Record<string, string> = {}) => p.c.post(`/api/v1/activities/${id}/registrations`, { answers });
const detail = async (c: Client, id: string) => ok(await c.get(`/api/v1/activities/${id}`));

describe('activity types', () => {
  it('creates the default list once, even when several requests ask for it at the same moment', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => chairB.get('/api/v1/activity-types')));
    for (const res of answers) expect(ok<{ items: unknown[] }>(res).items).toHaveLength(9);
    expect(await countRows(t.database, 'activity_types', 'org_id = $1', [B.union.id])).toBe(9);
    const names = ok<{ items: { name: string }[] }>(await chairA.get('/api/v1/activity-types')).items.map((x) => x.name);
    expect(names).toEqual(['学习', '讲座', '文体', '比赛', '节日', '体检', '疗休养/出游', '志愿', '兴趣小组']);
  });

  it('adds, renames and archives types; an archived type is not offered for new activities', async () => {
    const created = ok(await committeeA.post('/api/v1/activity-types', { name: '读书会', kind: 'study' }), 201);
    expect(created).toMatchObject({ name: '读书会', kind: 'study', archived: false, position: 9 });
    expect(await lastAction()).toBe('activityType.created');
    expect(fieldOf(await chairA.post('/api/v1/activity-types', { name: '读书会', kind: 'club' }))).toEqual({ path: 'name', message: '已有同名的活动类型' });
    expect(fieldOf(await chairA.post('/api/v1/activity-types', { name: '', kind: 'club' })).message).toContain('类型名称');
    const archived = ok(await chairA.patch(`/api/v1/activity-types/${created.id}`, { name: '教师读书会', archived: true }));
    expect(archived).toMatchObject({ name: '教师读书会', archived: true });
    expect(await lastAction()).toBe('activityType.updated');
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ typeId: created.id })))).toEqual({ path: 'typeId', message: '活动类型不存在或已停用' });
    expect(errorOf(await people.wang.c.post('/api/v1/activity-types', { name: '合唱', kind: 'culture_sport' }), 403)).toContain('没有管理活动的权限');
  });
});

describe('publishing and editing', () => {
  it('refuses invalid activities naming the field', async () => {
    const noTitle = fieldOf(await chairA.post('/api/v1/activities', draft({ title: '  ' })));
    expect(noTitle.path).toBe('title');
    expect(noTitle.message).toContain('活动名称');
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ endsAt: at(DAY) })))).toEqual({ path: 'endsAt', message: '结束时间不能早于开始时间' });
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ capacity: 0 }))).path).toBe('capacity');
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ signupClosesAt: null }))).path).toBe('signupClosesAt');
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ audience: { kind: 'groups', groupIds: [B.groupA.id] } })))).toEqual({
      path: 'audience.groupIds',
      message: '所选工会小组不属于本工会',
    });
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ audience: { kind: 'list', memberIds: [people.wang.memberId, memberB.id] } }))).path).toBe('audience.memberIds');
    const itemB = ok(await chairB.post('/api/v1/calendar/items', { title: '二小运动会', dateKind: 'month', startDate: '2026-05-01', endDate: '2026-05-01' }), 201);
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ calendarItemId: itemB.id })))).toEqual({ path: 'calendarItemId', message: '行事历事项不存在或不属于本工会' });
    expect(fieldOf(await chairA.post('/api/v1/activities', draft({ repeat: { every: 'week', count: 60 } }))).path).toBe('repeat.count');
  });

  it('publishes an activity linked to a calendar item, which then points at it', async () => {
    const item = ok(await chairA.post('/api/v1/calendar/items', { title: '教职工羽毛球赛', dateKind: 'month', startDate: '2026-11-01', endDate: '2026-11-01' }), 201);
    const a = await publish({ calendarItemId: item.id, description: '单打、双打' });
    expect(a).toMatchObject({
      title: '教职工羽毛球赛',
      typeName: '文体',
      kind: 'culture_sport',
      phase: 'open',
      capacity: 10,
      confirmedCount: 0,
      audienceLabel: '全体在职会员',
      organiserName: '一小主席',
      calendarItemId: item.id,
      seriesId: null,
      can: { manage: true, signUp: false },
      signUpBlocker: '您的账号未关联会员档案，请联系工会',
    });
    expect(a.startsAt).toMatch(/\+08:00$/);
    expect(a.figures).toEqual({ invited: 4, confirmed: 0, pending: 0, waitlisted: 0, attended: 0, rate: 0 });
    expect(await lastAction()).toBe('activity.created');
    const [link] = await t.database.query<{ link_kind: string; link_id: string }>('SELECT link_kind, link_id FROM calendar_items WHERE id = $1', [item.id]);
    expect(link).toEqual({ link_kind: 'activity', link_id: a.id });
  });

  it('repeats weekly as a series sharing one id, answering all ids and the first activity', async () => {
    const res = ok<{ ids: string[]; activity: { id: string; seriesId: string } }>(await chairA.post('/api/v1/activities', draft({ title: '羽毛球俱乐部活动', repeat: { every: 'week', count: 3 } })), 201);
    expect(res.ids).toHaveLength(3);
    expect(res.activity.id).toBe(res.ids[0]);
    const rows = await t.database.query<{ id: string; series_id: string; starts_at: Date }>('SELECT id, series_id, starts_at FROM activities WHERE series_id = $1 ORDER BY starts_at', [res.activity.seriesId]);
    expect(rows.map((r) => r.id)).toEqual(res.ids);
    expect(new Date(rows[2].starts_at).getTime() - new Date(rows[0].starts_at).getTime()).toBe(14 * DAY);
  });

  it('edits only what the request names, checks the merged activity, and tells those signed up of a new time or place', async () => {
    const a = await publish({ capacity: 2 });
    ok(await signUp(people.wang, a.id));
    ok(await signUp(people.li, a.id));
    const renamed = ok(await chairA.patch(`/api/v1/activities/${a.id}`, { title: '教职工羽毛球团体赛' }));
    expect(renamed).toMatchObject({ title: '教职工羽毛球团体赛', capacity: 2, place: '学校体育馆', signupOpensAt: a.signupOpensAt, description: '' });
    expect(await lastAction()).toBe('activity.updated');
    expect(fieldOf(await chairA.patch(`/api/v1/activities/${a.id}`, { endsAt: at(DAY) })).path).toBe('endsAt');
    expect(fieldOf(await chairA.patch(`/api/v1/activities/${a.id}`, { capacity: 1 }))).toEqual({ path: 'capacity', message: '名额不能少于已报名的 2 人' });
    expect(await notificationsOf(people.wang, 'activity_changed')).toBe(0);
    ok(await chairA.patch(`/api/v1/activities/${a.id}`, { place: '区体育中心' }));
    expect(await notificationsOf(people.wang, 'activity_changed')).toBe(1);
    expect(await notificationsOf(people.li, 'activity_changed')).toBe(1);
    const [n] = await t.database.query<{ title: string; body: string }>("SELECT title, body FROM notifications WHERE user_id = $1 AND kind = 'activity_changed'", [people.wang.userId]);
    expect(n.title).toBe('活动时间或地点有变：教职工羽毛球团体赛');
    expect(n.body).toContain('区体育中心');
    // An edit that changes nothing writes nothing.
    const audits = await countRows(t.database, 'audit_events');
    ok(await chairA.patch(`/api/v1/activities/${a.id}`, { place: '区体育中心' }));
    expect(await countRows(t.database, 'audit_events')).toBe(audits);
  });

  it('never lets one edit silently undo another made at the same moment', async () => {
    for (let round = 0; round < 6; round++) {
      const a = await publish({ title: `并发修改${round}` });
      const [byTitle, byPlace] = await Promise.all([
        chairA.patch(`/api/v1/activities/${a.id}`, { title: `改名${round}` }),
        committeeA.patch(`/api/v1/activities/${a.id}`, { place: `新地点${round}` }),
      ]);
      for (const r of [byTitle, byPlace]) expect([200, 409], r.body).toContain(r.statusCode);
      if (byTitle.statusCode === 409 || byPlace.statusCode === 409) {
        expect((byTitle.statusCode === 409 ? byTitle : byPlace).json().error.message).toBe('活动刚被其他人修改过，请刷新后再改');
      }
      const now = await detail(chairA, a.id);
      // Whatever was answered 200 is there.
      if (byTitle.statusCode === 200) expect(now.title).toBe(`改名${round}`);
      if (byPlace.statusCode === 200) expect(now.place).toBe(`新地点${round}`);
    }
  });

  it('re-arms the day-before reminder when the start moves', async () => {
    const a = await publish({ title: '改期的讲座', startsAt: at(20 * HOUR), endsAt: at(22 * HOUR), signupClosesAt: at(10 * HOUR) });
    ok(await signUp(people.wang, a.id));
    const { sendActivityReminders } = await import('../../src/server/jobs/activity-reminders.job.js');
    const reminders = () => countRows(t.database, 'notifications', "user_id = $1 AND kind = 'reminder' AND link = $2", [people.wang.userId, `/activities/${a.id}`]);
    await sendActivityReminders(t.database, new Date());
    expect(await reminders()).toBe(1);
    // Moved to two hours later: a reminder for the new time, once.
    ok(await chairA.patch(`/api/v1/activities/${a.id}`, { startsAt: at(22 * HOUR), endsAt: at(23 * HOUR) }));
    await sendActivityReminders(t.database, new Date());
    await sendActivityReminders(t.database, new Date());
    expect(await reminders()).toBe(2);
    // A change of place alone does not send another.
    ok(await chairA.patch(`/api/v1/activities/${a.id}`, { place: '多功能厅' }));
    await sendActivityReminders(t.database, new Date());
    expect(await reminders()).toBe(2);
  });

  it('cancels with a reason, tells everyone signed up, and then refuses changes and sign-ups', async () => {
    const a = await publish({ title: '秋季登山' });
    ok(await signUp(people.zhou, a.id));
    expect(fieldOf(await chairA.post(`/api/v1/activities/${a.id}/cancel`, { reason: '' })).path).toBe('reason');
    const cancelled = ok(await chairA.post(`/api/v1/activities/${a.id}/cancel`, { reason: '天气原因' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', phase: 'cancelled', cancelReason: '天气原因' });
    expect(await lastAction()).toBe('activity.cancelled');
    const [n] = await t.database.query<{ title: string }>("SELECT title FROM notifications WHERE user_id = $1 AND kind = 'activity_cancelled'", [people.zhou.userId]);
    expect(n.title).toBe('活动已取消：秋季登山（原因：天气原因）');
    expect(errorOf(await chairA.post(`/api/v1/activities/${a.id}/cancel`, { reason: '再取消' }), 409)).toBe('活动已取消');
    expect(errorOf(await chairA.patch(`/api/v1/activities/${a.id}`, { title: '改名' }), 409)).toBe('活动已取消，不能再修改');
    expect(errorOf(await signUp(people.sun, a.id), 409)).toBe('活动已取消');
  });
});

describe('signing up', () => {
  it('refuses people outside the audience with a message naming who is invited', async () => {
    const women = await publish({ title: '三八节插花', audience: { kind: 'women' } });
    expect(errorOf(await signUp(people.li, women.id), 403)).toBe('您不在本活动的参加对象范围内（参加对象：女教职工）');
    expect(ok(await signUp(people.wang, women.id)).status).toBe('confirmed');
    expect((await detail(people.li.c, women.id)).signUpBlocker).toBe('您不在本活动的参加对象范围内（参加对象：女教职工）');

    const retirees = await publish({ title: '重阳节座谈', audience: { kind: 'retirees' } });
    expect(errorOf(await signUp(people.wang, retirees.id), 403)).toContain('参加对象：退休教职工');
    expect(ok(await signUp(people.zhao, retirees.id)).status).toBe('confirmed');

    // A chosen list: those on it may sign up and see that they are invited, but not who else is on it.
    const chosen = await publish({ title: '骨干教师座谈', audience: { kind: 'list', memberIds: [people.wang.memberId, people.li.memberId] } });
    expect(errorOf(await signUp(people.sun, chosen.id), 403)).toBe('您不在本活动的参加对象范围内（参加对象：指定人员（2 人））');
    expect(await detail(people.wang.c, chosen.id)).toMatchObject({ audience: { kind: 'list', memberIds: [] }, audienceLabel: '指定人员（2 人）', me: { isInvited: true } });
    expect((await detail(chairA, chosen.id)).audience.memberIds).toHaveLength(2);

    const group = await publish({ title: '语文组教研沙龙', audience: { kind: 'groups', groupIds: [A.groupA.id] } });
    expect(errorOf(await signUp(people.sun, group.id), 403)).toBe('您不在本活动的参加对象范围内（参加对象：语文组）');

    expect(errorOf(await noFile.post(`/api/v1/activities/${group.id}/registrations`, { answers: {} }), 403)).toBe('您的账号未关联会员档案，请联系工会');
    const seen = await detail(noFile, group.id);
    expect(seen).toMatchObject({ me: null, can: { signUp: false, manage: false }, figures: null, signUpBlocker: '您的账号未关联会员档案，请联系工会' });

    // Lists: a member sees what invites them; "mine" lists their registrations.
    const liOpen = ok(await people.li.c.get('/api/v1/activities')).items.map((x: { id: string }) => x.id);
    expect(liOpen).not.toContain(women.id);
    const wangOpen = ok(await people.wang.c.get('/api/v1/activities?scope=open'));
    expect(wangOpen.canManage).toBe(false);
    expect(wangOpen.items.find((x: { id: string }) => x.id === women.id)).toMatchObject({ phase: 'open', me: { status: 'confirmed', isInvited: true } });
    const mine = ok(await people.wang.c.get('/api/v1/activities?scope=mine')).items.map((x: { id: string }) => x.id);
    expect(mine).toContain(women.id);
    expect(mine).not.toContain(retirees.id);
    expect(errorOf(await people.wang.c.get('/api/v1/activities?scope=all'), 403)).toBe('只有工会干部可以查看全部活动');
  });

  it('treats a second sign-up, even at the same moment, as a no-op with the same answer', async () => {
    const a = await publish({ title: '趣味运动会' });
    const first = ok(await signUp(people.wang, a.id));
    expect(first).toMatchObject({ status: 'confirmed', message: '报名成功', activityId: a.id, isInvited: true });
    const audits = await countRows(t.database, 'audit_events');
    const again = ok(await signUp(people.wang, a.id));
    expect(again).toEqual(first);
    expect(await countRows(t.database, 'audit_events')).toBe(audits);
    expect(await notificationsOf(people.wang, 'signup_confirmed')).toBeGreaterThanOrEqual(1);

    const both = await Promise.all([signUp(people.li, a.id), signUp(people.li, a.id)]);
    const [x, y] = both.map((r) => ok(r));
    expect(x).toEqual(y);
    expect(await countRows(t.database, 'activity_registrations', 'activity_id = $1 AND member_id = $2', [a.id, people.li.memberId])).toBe(1);
    expect((await detail(chairA, a.id)).confirmedCount).toBe(2);
  });

  it('wait-lists beyond capacity, promotes the first waiting on a cancellation, and reuses a cancelled registration', async () => {
    const a = await publish({ title: '观影活动', capacity: 1 });
    expect(ok(await signUp(people.wang, a.id)).status).toBe('confirmed');
    const li = ok(await signUp(people.li, a.id));
    // The answer says what happened; the place is on the activity's page, which the app reloads at once.
    expect(li).toMatchObject({ status: 'waitlisted', waitlistPosition: null, message: '名额已满，您已进入候补，有人取消时将按顺序自动递补' });
    expect((await detail(people.li.c, a.id)).me).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await notificationsOf(people.li, 'signup_waitlisted')).toBe(1);
    expect(ok(await signUp(people.sun, a.id)).status).toBe('waitlisted');
    expect((await detail(people.sun.c, a.id)).me).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await detail(people.zhou.c, a.id)).phase).toBe('full');

    const cancelled = ok(await people.wang.c.delete(`/api/v1/activities/${a.id}/registrations/me`));
    expect(cancelled).toMatchObject({ status: 'cancelled', message: '已取消报名' });
    expect((await detail(people.li.c, a.id)).me).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect((await detail(people.sun.c, a.id)).me).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await notificationsOf(people.li, 'promoted')).toBe(1);
    const actions = (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY id DESC LIMIT 2')).map((r) => r.action);
    expect(actions.sort()).toEqual(['registration.cancelled', 'registration.promoted']);
    // Cancelling again changes nothing.
    expect(ok(await people.wang.c.delete(`/api/v1/activities/${a.id}/registrations/me`)).status).toBe('cancelled');

    expect(ok(await signUp(people.wang, a.id)).status).toBe('waitlisted');
    expect((await detail(people.wang.c, a.id)).me).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await countRows(t.database, 'activity_registrations', 'activity_id = $1 AND member_id = $2', [a.id, people.wang.memberId])).toBe(1);
    expect(errorOf(await people.zhou.c.delete(`/api/v1/activities/${a.id}/registrations/me`), 409)).toBe('您尚未报名此活动');

    // More seats go to the waiting, in their order.
    ok(await chairA.patch(`/api/v1/activities/${a.id}`, { capacity: 3 }));
    expect((await detail(people.sun.c, a.id)).me.status).toBe('confirmed');
    expect((await detail(people.wang.c, a.id)).me.status).toBe('confirmed');
    expect(await detail(chairA, a.id)).toMatchObject({ confirmedCount: 3, waitlistCount: 0, phase: 'full' });
    expect(await notificationsOf(people.sun, 'promoted')).toBe(1);
  });

  it('allows cancelling until the cancel deadline only', async () => {
    const a = await publish({ title: '手工坊', cancelDeadline: at(-60_000) });
    ok(await signUp(people.sun, a.id));
    expect((await detail(people.sun.c, a.id)).can.cancel).toBe(false);
    expect(errorOf(await people.sun.c.delete(`/api/v1/activities/${a.id}/registrations/me`), 409)).toMatch(/^已过取消截止时间（\d+月\d+日 \d\d:\d\d），如需取消请联系活动组织者$/);
    const b = await publish({ title: '手工坊（二）', cancelDeadline: at(DAY + HOUR) });
    ok(await signUp(people.sun, b.id));
    expect((await detail(people.sun.c, b.id)).can.cancel).toBe(true);
    expect(ok(await people.sun.c.delete(`/api/v1/activities/${b.id}/registrations/me`)).status).toBe('cancelled');
  });

  it('refuses sign-ups outside the sign-up window', async () => {
    const later = await publish({ title: '冬季长跑', signupOpensAt: at(HOUR), signupClosesAt: at(DAY) });
    expect(errorOf(await signUp(people.wang, later.id), 409)).toMatch(/^报名尚未开始（\d+月\d+日 \d\d:\d\d 开始）$/);
    const closed = await publish({ title: '歌咏比赛', signupOpensAt: at(-DAY), signupClosesAt: at(-HOUR) });
    expect(errorOf(await signUp(people.wang, closed.id), 409)).toBe('报名已截止');
    const none = await publish({ title: '全体教职工大会', capacity: null, signupOpensAt: null, signupClosesAt: null });
    expect(errorOf(await signUp(people.wang, none.id), 409)).toBe('本活动无需报名');
  });

  it('checks the custom sign-up fields', async () => {
    const a = await publish({
      title: '教工篮球赛',
      fields: [
        { key: 'size', label: '尺码', type: 'choice', options: ['S', 'M', 'L'], required: true },
        { key: 'note', label: '备注', type: 'text' },
      ],
    });
    expect(fieldOf(await signUp(people.li, a.id))).toEqual({ path: 'answers.size', message: '请填写“尺码”' });
    expect(fieldOf(await signUp(people.li, a.id, { size: 'XXL' }))).toEqual({ path: 'answers.size', message: '“尺码”的选项无效' });
    expect(fieldOf(await signUp(people.li, a.id, { size: 'M', color: '红' }))).toEqual({ path: 'answers.color', message: '报名信息中有未知的项目' });
    expect(ok(await signUp(people.li, a.id, { size: 'M', note: '  ' })).answers).toEqual({ size: 'M' });
  });
});

describe('approval', () => {
  it('keeps sign-ups pending until the organiser approves (seat or wait-list) or rejects', async () => {
    const a = await publish({ title: '暑期疗休养', capacity: 1, needsApproval: true });
    expect(ok(await signUp(people.wang, a.id))).toMatchObject({ status: 'pending', message: '已提交报名，等待组织者审核' });
    ok(await signUp(people.li, a.id));
    ok(await signUp(people.sun, a.id));
    const roster = ok<{ items: { memberId: string; status: string | null; registrationId: string | null }[] }>(await chairA.get(`/api/v1/activities/${a.id}/registrations`));
    const reg = (p: Person) => roster.items.find((r) => r.memberId === p.memberId)!.registrationId!;
    expect(roster.items.slice(0, 3).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    const decide = (p: Person, decision: string, by = chairA) => by.post(`/api/v1/activities/${a.id}/registrations/${reg(p)}/decision`, { decision });

    expect(errorOf(await decide(people.wang, 'approve', people.zhou.c), 403)).toContain('没有管理活动的权限');
    expect(ok(await decide(people.wang, 'approve'))).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(await lastAction()).toBe('registration.approved');
    expect(ok(await decide(people.li, 'approve'))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(ok(await decide(people.sun, 'reject'))).toMatchObject({ status: 'rejected' });
    expect(await lastAction()).toBe('registration.rejected');
    expect(errorOf(await decide(people.wang, 'reject'), 409)).toBe('该报名已处理（已报名）');
    expect(fieldOf(await chairA.post(`/api/v1/activities/${a.id}/registrations/${reg(people.wang)}/decision`, { decision: 'maybe' })).path).toBe('decision');

    expect(await notificationsOf(people.wang, 'signup_approved')).toBe(1);
    expect(await notificationsOf(people.li, 'signup_approved')).toBe(1);
    expect(await notificationsOf(people.sun, 'signup_rejected')).toBe(1);
    // A rejected member signing up again does not get round the decision.
    expect(ok(await signUp(people.sun, a.id))).toMatchObject({ status: 'rejected', message: '您的报名未通过审核' });
    expect((await detail(people.sun.c, a.id)).signUpBlocker).toBe('您的报名未通过审核');
    // Nor does scanning the code at the venue.
    const [{ secret }] = await t.database.query<{ secret: string }>('SELECT checkin_secret AS secret FROM activities WHERE id = $1', [a.id]);
    await t.database.query("UPDATE activities SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '2 hours', signup_closes_at = now(), signup_opens_at = now() - interval '1 day' WHERE id = $1", [a.id]);
    const scan = await people.sun.c.post(`/api/v1/activities/${a.id}/checkin`, { code: checkinCode(secret, a.id, new Date()).code });
    expect(errorOf(scan, 403)).toBe('您的报名未通过审核，不能签到；如有疑问请联系活动组织者');
  });
});

describe('roster and attendance', () => {
  it('lists the invited and anyone registered or present outside the audience, and sets attendance from the roster and the paper sheet', async () => {
    const a = await publish({ title: '语文组读书分享', audience: { kind: 'groups', groupIds: [A.groupA.id] }, startsAt: at(30 * 60_000), endsAt: at(3 * HOUR), signupOpensAt: at(-DAY), signupClosesAt: at(10 * 60_000) });
    ok(await signUp(people.wang, a.id));
    let roster = ok<{ items: Record<string, any>[] }>(await chairA.get(`/api/v1/activities/${a.id}/registrations`)).items;
    expect(roster.map((r) => r.name).sort()).toEqual(['周敏', '王芳']);
    expect(roster[0]).toMatchObject({ name: '王芳', status: 'confirmed', isInvited: true, groupName: '语文组', attendedAt: null });

    expect(ok(await chairA.put(`/api/v1/activities/${a.id}/attendance`, { memberIds: [people.wang.memberId, people.li.memberId], source: 'roster' }))).toEqual({ attended: 2, added: 2, removed: 0 });
    expect(await lastAction()).toBe('attendance.set');
    roster = ok<{ items: Record<string, any>[] }>(await chairA.get(`/api/v1/activities/${a.id}/registrations`)).items;
    expect(roster.find((r) => r.name === '李强')).toMatchObject({ isInvited: false, status: null, attendanceSource: 'roster' });

    // Zhou scans the code; the paper sheet then says only Wang came: Li is removed, Zhou's scan stays.
    const [{ secret }] = await t.database.query<{ secret: string }>('SELECT checkin_secret AS secret FROM activities WHERE id = $1', [a.id]);
    ok(await people.zhou.c.post(`/api/v1/activities/${a.id}/checkin`, { code: checkinCode(secret, a.id, new Date()).code }));
    expect(ok(await chairA.put(`/api/v1/activities/${a.id}/attendance`, { memberIds: [people.wang.memberId], source: 'paper' }))).toEqual({ attended: 2, added: 0, removed: 1 });
    expect(ok(await chairA.put(`/api/v1/activities/${a.id}/attendance`, { memberIds: [], source: 'roster' }))).toEqual({ attended: 1, added: 0, removed: 1 });
    roster = ok<{ items: Record<string, any>[] }>(await chairA.get(`/api/v1/activities/${a.id}/registrations`)).items;
    expect(roster.filter((r) => r.attendedAt).map((r) => [r.name, r.attendanceSource])).toEqual([['周敏', 'scan']]);
    expect((await detail(chairA, a.id)).figures).toEqual({ invited: 2, confirmed: 1, pending: 0, waitlisted: 0, attended: 1, rate: 0.5 });

    expect(fieldOf(await chairA.put(`/api/v1/activities/${a.id}/attendance`, { memberIds: [memberB.id], source: 'roster' }))).toEqual({ path: 'memberIds', message: '所选人员不在本工会名册中' });
    expect(fieldOf(await chairA.put(`/api/v1/activities/${a.id}/attendance`, { memberIds: [], source: 'scan' })).path).toBe('source');
    const future = await publish({ title: '下周的讲座' });
    expect(errorOf(await chairA.put(`/api/v1/activities/${future.id}/attendance`, { memberIds: [people.wang.memberId], source: 'roster' }), 409)).toBe('活动开始前一小时起才能登记出勤');
  });
});

describe('check-in', () => {
  /** Waits until the current 30-second window has a few seconds left, so a code computed now is still current when the server reads it. */
  async function awayFromWindowEdge() {
    while ((Date.now() / 1000) % 30 > 27) await new Promise((r) => setTimeout(r, 250));
  }

  it('accepts the current and the previous code, refuses older and wrong ones, and a second scan is a no-op', async () => {
    const a = await publish({ title: '师德专题学习', capacity: null, signupOpensAt: null, signupClosesAt: null, startsAt: at(30 * 60_000), endsAt: at(3 * HOUR) });
    const [{ secret }] = await t.database.query<{ secret: string }>('SELECT checkin_secret AS secret FROM activities WHERE id = $1', [a.id]);
    await awayFromWindowEdge();
    const screen = ok(await chairA.get(`/api/v1/activities/${a.id}/checkin-code`));
    expect(screen.code).toMatch(/^[A-Z2-7]{8}$/);
    expect(screen.url).toBe(`http://localhost:80/checkin?activity=${a.id}&code=${screen.code}`);
    expect(screen).toMatchObject({ attended: 0, invited: 4 });
    expect(Date.parse(screen.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);
    expect((await detail(people.wang.c, a.id)).can.checkIn).toBe(true);

    const first = ok(await people.wang.c.post(`/api/v1/activities/${a.id}/checkin`, { code: screen.code }));
    expect(first.message).toBe('签到成功');
    expect(await lastAction()).toBe('attendance.checkedIn');
    const second = ok(await people.wang.c.post(`/api/v1/activities/${a.id}/checkin`, { code: screen.code }));
    expect(second).toEqual({ attendedAt: first.attendedAt, message: '您已签到，无需重复签到' });
    expect((await detail(people.wang.c, a.id)).can.checkIn).toBe(false);

    await awayFromWindowEdge();
    const previous = checkinCode(secret, a.id, new Date(Date.now() - 30_000)).code;
    expect(ok(await people.li.c.post(`/api/v1/activities/${a.id}/checkin`, { code: previous.toLowerCase() })).message).toBe('签到成功');
    const expired = checkinCode(secret, a.id, new Date(Date.now() - 60_000)).code;
    const refused = { path: 'code', message: '签到码已过期，请重新扫描现场的二维码' };
    expect(fieldOf(await people.sun.c.post(`/api/v1/activities/${a.id}/checkin`, { code: expired }))).toEqual(refused);
    expect(fieldOf(await people.sun.c.post(`/api/v1/activities/${a.id}/checkin`, { code: 'ABCDEFGH' }))).toEqual(refused);
    const other = await publish({ title: '另一场学习', capacity: null, signupOpensAt: null, signupClosesAt: null, startsAt: at(30 * 60_000), endsAt: at(3 * HOUR) });
    const [{ secret: otherSecret }] = await t.database.query<{ secret: string }>('SELECT checkin_secret AS secret FROM activities WHERE id = $1', [other.id]);
    expect(fieldOf(await people.sun.c.post(`/api/v1/activities/${a.id}/checkin`, { code: checkinCode(otherSecret, other.id, new Date()).code }))).toEqual(refused);
    expect(fieldOf(await people.sun.c.post(`/api/v1/activities/${a.id}/checkin`, {})).path).toBe('code');
    expect(ok(await chairA.get(`/api/v1/activities/${a.id}/checkin-code`)).attended).toBe(2);
  });

  it('is open from an hour before the start until the end, for the invited only', async () => {
    const code = async (id: string) => {
      const [{ secret }] = await t.database.query<{ secret: string }>('SELECT checkin_secret AS secret FROM activities WHERE id = $1', [id]);
      return checkinCode(secret, id, new Date()).code;
    };
    const noSignup = { capacity: null, signupOpensAt: null, signupClosesAt: null };
    const early = await publish({ title: '明天的讲座', ...noSignup, startsAt: at(2 * HOUR), endsAt: at(4 * HOUR) });
    expect(errorOf(await people.wang.c.post(`/api/v1/activities/${early.id}/checkin`, { code: await code(early.id) }), 409)).toMatch(/^签到尚未开始（\d+月\d+日 \d\d:\d\d 起可签到）$/);
    const ended = await publish({ title: '上午的讲座', ...noSignup, startsAt: at(-3 * HOUR), endsAt: at(-HOUR) });
    expect(errorOf(await people.wang.c.post(`/api/v1/activities/${ended.id}/checkin`, { code: await code(ended.id) }), 409)).toBe('活动已结束，签到已关闭');
    const group = await publish({ title: '语文组集体备课', ...noSignup, audience: { kind: 'groups', groupIds: [A.groupA.id] }, startsAt: at(-10 * 60_000), endsAt: at(HOUR) });
    await awayFromWindowEdge();
    expect(errorOf(await people.li.c.post(`/api/v1/activities/${group.id}/checkin`, { code: await code(group.id) }), 403)).toBe('您不在本活动的参加对象范围内（参加对象：语文组）');
    expect(ok(await people.zhou.c.post(`/api/v1/activities/${group.id}/checkin`, { code: await code(group.id) })).message).toBe('签到成功');
  });
});

describe('organisations and roles', () => {
  it('answers 404 on every route for another school’s activity, and lists none of it', async () => {
    const a = await publish({ title: '一小专属活动', startsAt: at(30 * 60_000), endsAt: at(3 * HOUR), signupOpensAt: at(-DAY), signupClosesAt: at(10 * 60_000), needsApproval: true });
    const reg = ok(await signUp(people.wang, a.id)).registrationId;
    const typeA = ok<{ items: { id: string }[] }>(await chairA.get('/api/v1/activity-types')).items[0].id;
    const base = `/api/v1/activities/${a.id}`;
    const attempts: [string, Promise<Res>][] = [
      ['detail', chairB.get(base)],
      ['edit', chairB.patch(base, { title: '改名' })],
      ['cancel', chairB.post(`${base}/cancel`, { reason: '越权' })],
      ['sign up', chairB.post(`${base}/registrations`, { answers: {} })],
      ['cancel mine', chairB.delete(`${base}/registrations/me`)],
      ['roster', chairB.get(`${base}/registrations`)],
      ['decision', chairB.post(`${base}/registrations/${reg}/decision`, { decision: 'approve' })],
      ['attendance', chairB.put(`${base}/attendance`, { memberIds: [], source: 'roster' })],
      ['check in', chairB.post(`${base}/checkin`, { code: 'ABCDEFGH' })],
      ['check-in code', chairB.get(`${base}/checkin-code`)],
      ['type', chairB.patch(`/api/v1/activity-types/${typeA}`, { name: '改名' })],
    ];
    for (const [what, res] of attempts) {
      const r = await res;
      expect(r.statusCode, `${what}: ${r.body}`).toBe(404);
      expect(r.json().error.message, what).toMatch(/不存在/);
    }
    // Another activity's registration through this activity's path is not found either.
    const other = await publish({ title: '另一个需审核的活动', needsApproval: true });
    expect((await chairA.post(`/api/v1/activities/${other.id}/registrations/${reg}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    const listB = ok(await chairB.get('/api/v1/activities?scope=all'));
    expect(listB.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect(ok(await chairA.get(base)).title).toBe('一小专属活动');
  });

  it('lets a member read and sign up but not manage', async () => {
    const a = await publish({ title: '健步走' });
    const m = people.zhou.c;
    const base = `/api/v1/activities/${a.id}`;
    const attempts: [string, Promise<Res>][] = [
      ['create', m.post('/api/v1/activities', draft())],
      ['edit', m.patch(base, { title: '改名' })],
      ['cancel', m.post(`${base}/cancel`, { reason: '不想办了' })],
      ['roster', m.get(`${base}/registrations`)],
      ['attendance', m.put(`${base}/attendance`, { memberIds: [], source: 'roster' })],
      ['check-in code', m.get(`${base}/checkin-code`)],
      ['types', m.post('/api/v1/activity-types', { name: '新类型', kind: 'other' })],
      ['list all', m.get('/api/v1/activities?scope=all')],
    ];
    for (const [what, res] of attempts) expect((await res).statusCode, what).toBe(403);
    const seen = await detail(m, a.id);
    expect(seen).toMatchObject({ figures: null, can: { manage: false, signUp: true } });
    expect(ok(await signUp(people.zhou, a.id)).status).toBe('confirmed');
    // The committee member manages like the chair.
    expect(ok(await committeeA.get(`${base}/registrations`)).items.length).toBeGreaterThan(0);
    expect(ok(await committeeA.get('/api/v1/activities')).canManage).toBe(true);
  });
});
