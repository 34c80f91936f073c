import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnd, monthIndex, monthStart, shiftDateByMonths } from '../../src/domain/plan-period.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { client, countRows, readXlsx, shanghaiToday, signIn, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let chairB: Client;
let memberA: Client;
let ownerA: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '行事历一小工会');
  B = await buildSchool(t.database, '行事历二小工会', A.district);
  const ua = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '一小主席' });
  const ub = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二小主席' });
  const um = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '一小会员' });
  ownerA = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '女工' }, { org: A.union, role: 'member' }], { name: '女工委员' });
  chairA = await signIn(t.app, ua.phone!);
  chairB = await signIn(t.app, ub.phone!);
  memberA = await signIn(t.app, um.phone!);
});
afterAll(async () => t.close());

type Item = {
  id: string;
  title: string;
  dateKind: string;
  startDate: string;
  endDate: string;
  status: string;
  ownerUserId: string | null;
  ownerName: string | null;
  planId: string | null;
  planTitle: string | null;
  overdue: boolean;
  timeLabel: string;
};
type List = { items: Item[]; from: string; to: string; canManage: boolean };

const today = shanghaiToday();
const thisMonth = { from: monthStart(monthIndex(today)), to: monthEnd(monthIndex(today)) };
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const auditCount = () => countRows(t.database, 'audit_events');
const lastAction = async () => (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY id DESC LIMIT 1'))[0].action;
const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const addItem = async (c: Client, body: object) => ok<Item>(await c.post('/api/v1/calendar/items', body), 201);
const list = async (c: Client, query = '') => ok<List>(await c.get(`/api/v1/calendar/items${query ? `?${query}` : ''}`));

describe('schedule items', () => {
  it('creates month items as whole months and audits each change', async () => {
    const before = await auditCount();
    const item = await addItem(chairA, { title: '三八妇女节系列活动', dateKind: 'month', startDate: '2026-03-08', endDate: '2026-03-08', ownerUserId: ownerA.id, category: '女工工作' });
    expect(item).toMatchObject({ dateKind: 'month', startDate: '2026-03-01', endDate: '2026-03-31', status: 'planned', ownerName: '女工委员', timeLabel: '3月', planId: null });
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAction()).toBe('calendarItem.created');

    const done = ok<Item>(await chairA.patch(`/api/v1/calendar/items/${item.id}`, { status: 'done', note: '已完成两癌筛查' }));
    expect(done.status).toBe('done');
    expect(await lastAction()).toBe('calendarItem.updated');

    // The item with the change applied is checked whole: a new end before the old start is refused.
    const backwards = await chairA.patch(`/api/v1/calendar/items/${item.id}`, { dateKind: 'range', endDate: '2026-02-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({ path: 'endDate', message: expect.stringContaining('结束日期不能早于开始日期') });

    const unchanged = await auditCount();
    ok(await chairA.patch(`/api/v1/calendar/items/${item.id}`, { status: 'done' }));
    expect(await auditCount()).toBe(unchanged);

    expect((await chairA.delete(`/api/v1/calendar/items/${item.id}`)).statusCode).toBe(204);
    expect(await lastAction()).toBe('calendarItem.deleted');
    expect((await chairA.delete(`/api/v1/calendar/items/${item.id}`)).statusCode).toBe(404);
  });

  it('refuses bad items with a Chinese message on the field, writing nothing', async () => {
    const planB = ok<{ id: string }>(await chairB.post('/api/v1/plans', { title: '二小计划', periodKind: 'year', periodStart: '2026-01-01', periodEnd: '2026-12-31' }), 201);
    const before = [await countRows(t.database, 'calendar_items'), await auditCount()];
    const oneDay = await chairA.post('/api/v1/calendar/items', { title: '开会', dateKind: 'date', startDate: '2026-04-01', endDate: '2026-04-02' });
    expect(oneDay.json().error.fields).toEqual([{ path: 'endDate', message: '“某一天”的事项，结束日期应与开始日期相同' }]);
    const stranger = await chairA.post('/api/v1/calendar/items', { title: '开会', dateKind: 'date', startDate: '2026-04-01', endDate: '2026-04-01', ownerUserId: crypto.randomUUID() });
    expect(stranger.json().error.fields).toEqual([{ path: 'ownerUserId', message: '负责人应为本组织有职务的人员' }]);
    const otherPlan = await chairA.post('/api/v1/calendar/items', { title: '开会', dateKind: 'date', startDate: '2026-04-01', endDate: '2026-04-01', planId: planB.id });
    expect(otherPlan.json().error.fields).toEqual([{ path: 'planId', message: '计划不存在或不属于本组织' }]);
    const noTitle = await chairA.post('/api/v1/calendar/items', { title: ' ', dateKind: 'month', startDate: '2026-04-01', endDate: '2026-04-01' });
    expect(noTitle.json().error.fields[0]).toMatchObject({ path: 'title', message: expect.stringContaining('请填写事项') });
    const badDate = await chairA.post('/api/v1/calendar/items', { title: '开会', dateKind: 'date', startDate: '2026-02-30', endDate: '2026-02-30' });
    expect(badDate.json().error.fields[0].path).toBe('startDate');
    for (const r of [oneDay, stranger, otherPlan, noTitle, badDate]) expect(r.statusCode).toBe(400);
    expect([await countRows(t.database, 'calendar_items'), await auditCount()]).toEqual(before);
  });

  it('adds an item to a plan of the organisation, at the end of its schedule', async () => {
    const plan = ok<{ id: string; title: string }>(
      await chairA.post('/api/v1/plans', {
        title: '一小年度计划',
        periodKind: 'year',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        items: [{ title: '年初计划', dateKind: 'month', startDate: '2027-01-01', endDate: '2027-01-01' }],
      }),
      201,
    );
    const item = await addItem(chairA, { title: '年末总结', dateKind: 'month', startDate: '2027-12-01', endDate: '2027-12-01', planId: plan.id });
    expect(item).toMatchObject({ planId: plan.id, planTitle: '一小年度计划' });
    const detail = ok<{ items: { title: string }[] }>(await chairA.get(`/api/v1/plans/${plan.id}`));
    expect(detail.items.map((i) => i.title)).toEqual(['年初计划', '年末总结']);
    const filtered = await list(chairA, `from=2027-01-01&to=2027-12-31&planId=${plan.id}`);
    expect(filtered.items.map((i) => i.title)).toEqual(['年初计划', '年末总结']);
  });
});

describe('listing the calendar', () => {
  it('lists items overlapping the window, this month by default, with overdue flags', async () => {
    const C = await buildSchool(t.database, '列表小学工会');
    const chair = await signIn(t.app, (await buildUser(t.database, [{ org: C.union, role: 'chair' }], { name: '列表主席' })).phone!);
    const lastMonth = monthIndex(today) - 1;
    await addItem(chair, { title: '本月事项', dateKind: 'month', startDate: today, endDate: today, ownerUserId: null });
    await addItem(chair, { title: '上月未完成', dateKind: 'month', startDate: monthStart(lastMonth), endDate: monthStart(lastMonth) });
    const lastDone = await addItem(chair, { title: '上月已完成', dateKind: 'month', startDate: monthStart(lastMonth), endDate: monthStart(lastMonth), status: 'done' });
    await addItem(chair, { title: '跨月活动', dateKind: 'range', startDate: monthStart(lastMonth), endDate: thisMonth.from });
    await addItem(chair, { title: '下月事项', dateKind: 'month', startDate: shiftDateByMonths(thisMonth.from, 1), endDate: shiftDateByMonths(thisMonth.from, 1) });

    const current = await list(chair);
    expect([current.from, current.to]).toEqual([thisMonth.from, thisMonth.to]);
    expect(current.items.map((i) => i.title).sort()).toEqual(['本月事项', '跨月活动'].sort());
    expect(current.canManage).toBe(true);

    const previous = await list(chair, `from=${monthStart(lastMonth)}&to=${monthEnd(lastMonth)}`);
    const byTitle = Object.fromEntries(previous.items.map((i) => [i.title, i]));
    expect(Object.keys(byTitle).sort()).toEqual(['上月已完成', '上月未完成', '跨月活动'].sort());
    expect(byTitle['上月未完成'].overdue).toBe(true);
    expect(byTitle['上月已完成'].overdue).toBe(false);
    expect(byTitle['跨月活动'].overdue).toBe(thisMonth.from < today);

    const onlyDone = await list(chair, `from=${monthStart(lastMonth)}&to=${monthEnd(lastMonth)}&status=done`);
    expect(onlyDone.items.map((i) => i.id)).toEqual([lastDone.id]);

    const backwards = await chair.get(`/api/v1/calendar/items?from=${thisMonth.to}&to=${thisMonth.from}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe('to');
    const tooLong = await chair.get('/api/v1/calendar/items?from=2020-01-01&to=2026-01-01');
    expect(tooLong.statusCode).toBe(400);
  });

  it('offers the people with a role in the organisation as owners', async () => {
    const { items } = ok<{ items: { userId: string; name: string; roles: string[] }[] }>(await memberA.get('/api/v1/calendar/owners'));
    expect(items.map((o) => o.name).sort()).toEqual(['一小主席', '一小会员', '女工委员'].sort());
    expect(items.find((o) => o.userId === ownerA.id)?.roles.sort()).toEqual(['committee', 'member']);
  });

  it('lets a member read the calendar but not change it', async () => {
    const item = await addItem(chairA, { title: '会员可见', dateKind: 'month', startDate: today, endDate: today });
    const seen = await list(memberA);
    expect(seen.items.map((i) => i.id)).toContain(item.id);
    expect(seen.canManage).toBe(false);
    const before = await auditCount();
    expect((await memberA.post('/api/v1/calendar/items', { title: '越权', dateKind: 'month', startDate: today, endDate: today })).statusCode).toBe(403);
    expect((await memberA.patch(`/api/v1/calendar/items/${item.id}`, { status: 'done' })).statusCode).toBe(403);
    expect((await memberA.delete(`/api/v1/calendar/items/${item.id}`)).statusCode).toBe(403);
    expect((await memberA.post('/api/v1/calendar/feed')).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('keeps each organisation’s items to itself', async () => {
    const item = await addItem(chairA, { title: '一小内部事项', dateKind: 'month', startDate: today, endDate: today });
    expect((await chairB.patch(`/api/v1/calendar/items/${item.id}`, { title: '篡改' })).statusCode).toBe(404);
    expect((await chairB.delete(`/api/v1/calendar/items/${item.id}`)).statusCode).toBe(404);
    const theirs = await list(chairB, `from=${addDays(today, -400)}&to=${addDays(today, 400)}`);
    expect(theirs.items.map((i) => i.title)).not.toContain('一小内部事项');
    const row = (await t.database.query<{ title: string }>('SELECT title FROM calendar_items WHERE id = $1', [item.id]))[0];
    expect(row.title).toBe('一小内部事项');
  });
});

describe('festivals', () => {
  it('gives the year’s twelve festivals, name and date only, in date order', async () => {
    const festivals = ok<{ name: string; date: string }[]>(await memberA.get('/api/v1/calendar/festivals?year=2026'));
    expect(festivals).toHaveLength(12);
    expect(festivals).toContainEqual({ name: '中秋', date: '2026-09-25' });
    expect(festivals).toContainEqual({ name: '春节', date: '2026-02-17' });
    expect(festivals).toContainEqual({ name: '重阳', date: '2026-10-18' });
    expect(festivals.every((f) => Object.keys(f).sort().join() === 'date,name')).toBe(true);
    expect(festivals.map((f) => f.date)).toEqual([...festivals.map((f) => f.date)].sort());
  });

  it('refuses a year outside 1950–2100, naming the field', async () => {
    for (const year of ['1949', '2101', 'abc', '2026.5']) {
      const res = await memberA.get(`/api/v1/calendar/festivals?year=${year}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0]).toMatchObject({ path: 'year', message: expect.stringContaining('年份应为 1950 到 2100 之间的整数') });
    }
    expect(ok<unknown[]>(await memberA.get('/api/v1/calendar/festivals?year=1950'))).toHaveLength(12);
  });
});

describe('the iCalendar subscription', () => {
  const events = (ics: string) => {
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    return calendar.getAllSubcomponents('vevent').map((e) => ({ summary: String(e.getFirstPropertyValue('summary')), start: String(e.getFirstPropertyValue('dtstart')) }));
  };
  const anonymous = () => client(t.app);

  it('serves the organisation’s items and festivals without a session, until revoked or replaced', async () => {
    const D = await buildSchool(t.database, '订阅小学工会');
    const chair = await signIn(t.app, (await buildUser(t.database, [{ org: D.union, role: 'chair' }])).phone!);
    await addItem(chair, { title: '订阅本月事项', dateKind: 'month', startDate: today, endDate: today });
    await addItem(chair, { title: '订阅两月后', dateKind: 'date', startDate: shiftDateByMonths(today, 2), endDate: shiftDateByMonths(today, 2), status: 'done' });
    await addItem(chair, { title: '两年后的事项', dateKind: 'date', startDate: shiftDateByMonths(today, 24), endDate: shiftDateByMonths(today, 24) });
    await addItem(chairA, { title: '别的学校的事项', dateKind: 'month', startDate: today, endDate: today });

    expect(ok<{ active: boolean; createdAt: string | null }>(await chair.get('/api/v1/calendar/feed'))).toMatchObject({ active: false, createdAt: null });
    const before = await auditCount();
    const { url } = ok<{ url: string }>(await chair.post('/api/v1/calendar/feed'), 201);
    expect(url).toMatch(/^\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAction()).toBe('calendarFeed.created');
    const status = ok<{ active: boolean; createdAt: string | null }>(await chair.get('/api/v1/calendar/feed'));
    expect(status.active).toBe(true);
    expect(status.createdAt).not.toBeNull();
    // Only a hash of the token is stored.
    const token = url.slice('/ical/'.length, -'.ics'.length);
    expect(await countRows(t.database, 'calendar_feeds', 'token_hash = $1', [token])).toBe(0);

    const res = await anonymous().get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const summaries = events(res.body).map((e) => e.summary);
    expect(summaries).toContain('订阅本月事项');
    expect(summaries).toContain('【已完成】订阅两月后');
    expect(summaries).not.toContain('两年后的事项');
    expect(summaries).not.toContain('别的学校的事项');
    const festivals = ok<{ name: string; date: string }[]>(await chair.get(`/api/v1/calendar/festivals?year=${today.slice(0, 4)}`));
    expect(events(res.body)).toContainEqual({ summary: '中秋', start: festivals.find((f) => f.name === '中秋')!.date });

    // A new link replaces the old one.
    const second = ok<{ url: string }>(await chair.post('/api/v1/calendar/feed'), 201);
    expect(second.url).not.toBe(url);
    expect((await anonymous().get(url)).statusCode).toBe(404);
    expect((await anonymous().get(second.url)).statusCode).toBe(200);

    expect((await chair.delete('/api/v1/calendar/feed')).statusCode).toBe(204);
    expect(await lastAction()).toBe('calendarFeed.revoked');
    expect((await anonymous().get(second.url)).statusCode).toBe(404);
    expect(ok<{ active: boolean }>(await chair.get('/api/v1/calendar/feed')).active).toBe(false);
    // Revoking again changes nothing and writes nothing.
    const after = await auditCount();
    expect((await chair.delete('/api/v1/calendar/feed')).statusCode).toBe(204);
    expect(await auditCount()).toBe(after);
  });

  it('answers 404 to unknown and malformed tokens', async () => {
    expect((await anonymous().get('/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    expect((await anonymous().get('/ical/nonsense')).statusCode).toBe(404);
    expect((await anonymous().get('/ical/..%2F..%2Fetc.ics')).statusCode).toBe(404);
  });
});

describe('the calendar spreadsheet', () => {
  it('exports the window’s items to an .xlsx and audits it', async () => {
    const E = await buildSchool(t.database, '导出小学工会');
    const chair = await signIn(t.app, (await buildUser(t.database, [{ org: E.union, role: 'chair' }], { name: '导出主席' })).phone!);
    await addItem(chair, { title: '导出的事项', dateKind: 'month', startDate: '2026-05-01', endDate: '2026-06-01', ownerUserId: null, category: '文体活动' });
    await addItem(chair, { title: '窗口外的事项', dateKind: 'month', startDate: '2026-09-01', endDate: '2026-09-01' });
    const before = await auditCount();
    const res = await chair.get('/api/v1/calendar/export.xlsx?from=2026-05-01&to=2026-06-30');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const sheet = await readXlsx(res.rawPayload);
    const cells = sheet.rows.flat().map(String);
    expect(cells).toContain('导出的事项');
    expect(cells).not.toContain('窗口外的事项');
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAction()).toBe('calendar.exported');
  });
});

describe('the home page', () => {
  it('shows this month’s items of the current organisation', async () => {
    const F = await buildSchool(t.database, '首页小学工会');
    const chair = await signIn(t.app, (await buildUser(t.database, [{ org: F.union, role: 'chair' }])).phone!);
    await addItem(chair, { title: '首页本月', dateKind: 'month', startDate: today, endDate: today });
    await addItem(chair, { title: '首页下月', dateKind: 'month', startDate: shiftDateByMonths(thisMonth.from, 1), endDate: shiftDateByMonths(thisMonth.from, 1) });
    const dashboard = ok<{ thisMonth: Item[] }>(await chair.get('/api/v1/dashboard'));
    expect(dashboard.thisMonth.map((i) => i.title)).toEqual(['首页本月']);
    expect(dashboard.thisMonth[0]).toMatchObject({ overdue: false, status: 'planned' });
    const others = ok<{ thisMonth: Item[] }>(await chairB.get('/api/v1/dashboard'));
    expect(others.thisMonth.map((i) => i.title)).not.toContain('首页本月');
  });
});
