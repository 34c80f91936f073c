import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_LIMITS } from '../../src/contracts/plans.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, shanghaiToday, signIn, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let chairB: Client;
let memberA: Client;
let ownerA: { id: string };
let ownerB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '计划一中工会');
  B = await buildSchool(t.database, '计划二中工会', A.district);
  const ua = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '一中主席' });
  const ub = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' });
  const um = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '一中会员' });
  ownerA = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '文体' }], { name: '文体委员' });
  ownerB = await buildUser(t.database, [{ org: B.union, role: 'committee', portfolio: '文体' }], { name: '二中委员' });
  chairA = await signIn(t.app, ua.phone!);
  chairB = await signIn(t.app, ub.phone!);
  memberA = await signIn(t.app, um.phone!);
});
afterAll(async () => t.close());

type Item = { id: string; title: string; dateKind: string; startDate: string; endDate: string; status: string; ownerName: string | null; planId: string | null; link: unknown; overdue: boolean; timeLabel: string };
type Goal = { id: string; text: string; metric: string | null; comparator: string | null; target: number | null; label: string | null; unit: string | null; value: { status: string; value?: number; met?: boolean; detail?: string } };
type Plan = {
  id: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  planDate: string | null;
  copiedFromId: string | null;
  sections: { heading: string; body: string }[];
  goals: Goal[];
  items: Item[];
  can: { manage: boolean };
};

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const auditCount = () => countRows(t.database, 'audit_events');
const lastAction = async () => (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY id DESC LIMIT 1'))[0].action;
const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

const schoolYearPlan = () => ({
  title: '2025—2026学年工会工作计划',
  periodKind: 'school_year',
  periodStart: '2025-09-01',
  periodEnd: '2026-08-31',
  planDate: '2025-09-01',
  sections: [
    { heading: '指导思想', body: '<p>坚持<strong>以教职工为中心</strong></p><script>alert(1)</script><p onclick="steal()">团结<a href="http://x">链接</a></p>' },
    { heading: '工作目标', body: '<ul><li>目标一</li></ul>' },
  ],
  goals: [
    { text: '教职工文体活动参与率不低于85%', metric: 'participation_rate', comparator: '>=', target: 0.85 },
    { text: '行事历事项按时完成', metric: 'calendar_completion_rate', comparator: '>=', target: 0.9 },
    { text: '打造有温度的职工之家' },
  ],
  items: [
    { title: '制定工会工作计划', dateKind: 'month', startDate: '2025-09-15', endDate: '2025-09-20', ownerUserId: ownerA.id, category: '自身建设' },
    { title: '教师节慰问', dateKind: 'date', startDate: '2025-09-10', endDate: '2025-09-10', category: '送温暖' },
    { title: '暑期疗休养', dateKind: 'month', startDate: '2026-07-01', endDate: '2026-08-01' },
  ],
});

async function createPlan(c: Client, body: object = schoolYearPlan()): Promise<Plan> {
  return ok<Plan>(await c.post('/api/v1/plans', body), 201);
}

describe('creating a plan with its sections, goals and schedule in one request', () => {
  it('saves everything, normalises month items, sanitises section bodies and writes one audit event', async () => {
    const before = await auditCount();
    const plan = await createPlan(chairA);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAction()).toBe('plan.created');
    expect(plan.sections.map((s) => s.heading)).toEqual(['指导思想', '工作目标']);
    expect(plan.sections[0].body).toContain('<strong>以教职工为中心</strong>');
    expect(plan.sections[0].body).not.toMatch(/script|alert|onclick|steal|href|<a/);
    expect(plan.sections[0].body).toContain('团结链接');
    expect(plan.goals.map((g) => g.text)).toEqual(['教职工文体活动参与率不低于85%', '行事历事项按时完成', '打造有温度的职工之家']);
    expect(plan.items.map((i) => [i.title, i.dateKind, i.startDate, i.endDate, i.status])).toEqual([
      ['制定工会工作计划', 'month', '2025-09-01', '2025-09-30', 'planned'],
      ['教师节慰问', 'date', '2025-09-10', '2025-09-10', 'planned'],
      ['暑期疗休养', 'month', '2026-07-01', '2026-08-31', 'planned'],
    ]);
    expect(plan.items[0].ownerName).toBe('文体委员');
    expect(plan.items[2].timeLabel).toBe('7—8月');
    expect(plan.can.manage).toBe(true);
    const list = ok<{ items: { id: string; itemCount: number; goalCount: number; sectionCount: number }[]; canManage: boolean }>(await chairA.get('/api/v1/plans'));
    expect(list.canManage).toBe(true);
    expect(list.items.find((p) => p.id === plan.id)).toMatchObject({ itemCount: 3, goalCount: 3, sectionCount: 2 });
  });

  it('refuses the whole request when one item is wrong, naming the field in Chinese, and writes nothing', async () => {
    const counts = async () => [await countRows(t.database, 'plans'), await countRows(t.database, 'calendar_items'), await countRows(t.database, 'plan_goals'), await auditCount()];
    const before = await counts();
    const base = schoolYearPlan();

    const backwards = await chairA.post('/api/v1/plans', { ...base, items: [base.items[0], { title: '倒着的', dateKind: 'range', startDate: '2025-10-10', endDate: '2025-10-01' }] });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([expect.objectContaining({ path: 'items.1.endDate', message: expect.stringContaining('结束日期不能早于开始日期') })]);

    const stranger = await chairA.post('/api/v1/plans', { ...base, items: [base.items[1], { ...base.items[0], ownerUserId: crypto.randomUUID() }] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields).toEqual([{ path: 'items.1.ownerUserId', message: '负责人应为本组织有职务的人员' }]);

    // Someone with a role in another school is not an owner here either.
    const otherSchool = await chairA.post('/api/v1/plans', { ...base, items: [{ ...base.items[0], ownerUserId: ownerB.id }] });
    expect(otherSchool.statusCode).toBe(400);
    expect(otherSchool.json().error.fields[0].path).toBe('items.0.ownerUserId');

    const oneDay = await chairA.post('/api/v1/plans', { ...base, items: [{ title: '某一天', dateKind: 'date', startDate: '2025-10-01', endDate: '2025-10-02' }] });
    expect(oneDay.statusCode).toBe(400);
    expect(oneDay.json().error.fields[0].path).toBe('items.0.endDate');

    const noComparator = await chairA.post('/api/v1/plans', { ...base, goals: [{ text: '参与率', metric: 'participation_rate', target: 0.8 }] });
    expect(noComparator.statusCode).toBe(400);
    expect(noComparator.json().error.fields[0]).toMatchObject({ path: 'goals.0.comparator', message: expect.stringContaining('比较方式') });

    expect(await counts()).toEqual(before);
  });
});

describe('goals with live values', () => {
  it('measures the calendar completion rate from the calendar and moves when an item is done', async () => {
    // A school of its own: the completion rate counts every item of the organisation in the period.
    const C = await buildSchool(t.database, '指标小学工会');
    const chair = await signIn(t.app, (await buildUser(t.database, [{ org: C.union, role: 'chair' }])).phone!);
    const today = shanghaiToday();
    const plan = await createPlan(chair, {
      title: '本学期计划',
      periodKind: 'term',
      periodStart: addDays(today, -60),
      periodEnd: addDays(today, 60),
      goals: [
        { text: '事项完成率达到90%', metric: 'calendar_completion_rate', comparator: '>=', target: 0.9 },
        { text: '文体活动参与率不低于85%', metric: 'participation_rate', comparator: '>=', target: 0.85 },
        { text: '没有数字的目标' },
      ],
      items: [
        { title: '已过期一', dateKind: 'date', startDate: addDays(today, -10), endDate: addDays(today, -10) },
        { title: '已过期二', dateKind: 'range', startDate: addDays(today, -8), endDate: addDays(today, -5) },
        { title: '取消的', dateKind: 'date', startDate: addDays(today, -3), endDate: addDays(today, -3), status: 'cancelled' },
        { title: '将来的', dateKind: 'date', startDate: addDays(today, 10), endDate: addDays(today, 10) },
      ],
    });
    const [rate, participation, plain] = plan.goals;
    expect(rate).toMatchObject({ label: '行事历完成率', unit: 'rate', value: { status: 'measured', value: 0, met: false, detail: '已完成 0 / 应完成 2 项' } });
    // The school has held no activity yet: the metric has a source but nothing to measure.
    expect(participation.value).toEqual({ status: 'no_data', detail: '期间内尚无可计算的数据' });
    expect(participation.label).toBe('文体活动参与率');
    expect(plain.value).toEqual({ status: 'no_metric' });
    expect(plan.items.filter((i) => i.overdue).map((i) => i.title)).toEqual(['已过期一', '已过期二']);

    const first = plan.items.find((i) => i.title === '已过期一')!;
    ok(await chair.patch(`/api/v1/calendar/items/${first.id}`, { status: 'done' }));
    const after = ok<Plan>(await chair.get(`/api/v1/plans/${plan.id}`));
    expect(after.goals[0].value).toEqual({ status: 'measured', value: 0.5, met: false, detail: '已完成 1 / 应完成 2 项' });

    const second = plan.items.find((i) => i.title === '已过期二')!;
    ok(await chair.patch(`/api/v1/calendar/items/${second.id}`, { status: 'done' }));
    const done = ok<Plan>(await chair.get(`/api/v1/plans/${plan.id}`));
    expect(done.goals[0].value).toMatchObject({ status: 'measured', value: 1, met: true });
  });

  it('says there is nothing to measure yet when no item is due', async () => {
    const C = await buildSchool(t.database, '未来小学工会');
    const chair = await signIn(t.app, (await buildUser(t.database, [{ org: C.union, role: 'chair' }])).phone!);
    const today = shanghaiToday();
    const plan = await createPlan(chair, {
      title: '下学期计划',
      periodKind: 'term',
      periodStart: addDays(today, 30),
      periodEnd: addDays(today, 200),
      goals: [{ text: '完成率', metric: 'calendar_completion_rate', comparator: '>=', target: 0.9 }],
    });
    expect(plan.goals[0].value.status).toBe('no_data');
  });

  it('adds, edits and removes goals, each audited', async () => {
    const plan = await createPlan(chairA);
    const bad = await chairA.post(`/api/v1/plans/${plan.id}/goals`, { text: '满意率', metric: 'satisfaction_rate', comparator: '>=' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('target');

    const goal = ok<Goal>(await chairA.post(`/api/v1/plans/${plan.id}/goals`, { text: '提案办结率100%', metric: 'proposal_closure_rate', comparator: '=', target: 1 }), 201);
    expect(goal).toMatchObject({ label: '提案办结率', unit: 'rate', value: { status: 'no_data' } });
    expect(await lastAction()).toBe('goal.created');

    const renamed = ok<Goal>(await chairA.patch(`/api/v1/plans/${plan.id}/goals/${goal.id}`, { text: '提案按期办结' }));
    expect(renamed).toMatchObject({ text: '提案按期办结', metric: 'proposal_closure_rate', comparator: '=', target: 1 });
    expect(await lastAction()).toBe('goal.updated');

    const plain = ok<Goal>(await chairA.patch(`/api/v1/plans/${plan.id}/goals/${goal.id}`, { metric: null }));
    expect(plain).toMatchObject({ metric: null, comparator: null, target: null, value: { status: 'no_metric' } });

    const before = await auditCount();
    ok(await chairA.patch(`/api/v1/plans/${plan.id}/goals/${goal.id}`, { text: '提案按期办结' }));
    expect(await auditCount()).toBe(before);

    expect((await chairA.delete(`/api/v1/plans/${plan.id}/goals/${goal.id}`)).statusCode).toBe(204);
    expect(await lastAction()).toBe('goal.deleted');
    const detail = ok<Plan>(await chairA.get(`/api/v1/plans/${plan.id}`));
    expect(detail.goals.map((g) => g.id)).not.toContain(goal.id);
    expect((await chairA.delete(`/api/v1/plans/${plan.id}/goals/${goal.id}`)).statusCode).toBe(404);
  });

  it('lists the metric catalogue with what can be measured yet', async () => {
    const { items } = ok<{ items: { id: string; hasSource: boolean }[] }>(await memberA.get('/api/v1/plans/metrics'));
    expect(items.find((m) => m.id === 'calendar_completion_rate')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'participation_rate')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'care_coverage')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'care_on_time_rate')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'assistance_count')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'proposal_closure_rate')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'satisfaction_rate')?.hasSource).toBe(true);
    expect(items.find((m) => m.id === 'request_response_rate')?.hasSource).toBe(false);
  });
});

describe('editing a plan', () => {
  it('reorders, edits and sanitises sections with one PUT', async () => {
    const plan = await createPlan(chairA);
    const res = await chairA.put(`/api/v1/plans/${plan.id}/sections`, {
      sections: [
        { heading: '工作目标', body: '<ul><li>目标一</li></ul>' },
        { heading: '指导思想', body: '<p>坚持</p><img src=x onerror="alert(1)"><h3 style="color:red">小标题</h3>' },
        { heading: '保障措施', body: '' },
      ],
    });
    const updated = ok<Plan>(res);
    expect(updated.sections.map((s) => s.heading)).toEqual(['工作目标', '指导思想', '保障措施']);
    expect(updated.sections[1].body).toBe('<p>坚持</p><h3>小标题</h3>');
    expect(await lastAction()).toBe('plan.sectionsReplaced');
    const again = ok<Plan>(await chairA.get(`/api/v1/plans/${plan.id}`));
    expect(again.sections.map((s) => s.heading)).toEqual(['工作目标', '指导思想', '保障措施']);
    const blank = await chairA.put(`/api/v1/plans/${plan.id}/sections`, { sections: [{ heading: '', body: '' }] });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].path).toBe('sections.0.heading');
  });

  it('changes the title and period, checking the period as a whole', async () => {
    const plan = await createPlan(chairA);
    const bad = await chairA.patch(`/api/v1/plans/${plan.id}`, { periodEnd: '2025-08-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'periodEnd', message: expect.stringContaining('期间结束不能早于开始') });
    const renamed = ok<Plan>(await chairA.patch(`/api/v1/plans/${plan.id}`, { title: '2025—2026学年工会工作计划（修订）' }));
    expect(renamed.title).toBe('2025—2026学年工会工作计划（修订）');
    expect(await lastAction()).toBe('plan.updated');
  });

  it('deletes a plan and leaves its items on the calendar, unlinked', async () => {
    const plan = await createPlan(chairA);
    expect((await chairA.delete(`/api/v1/plans/${plan.id}`)).statusCode).toBe(204);
    expect(await lastAction()).toBe('plan.deleted');
    expect((await chairA.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    const rows = await t.database.query<{ plan_id: string | null }>('SELECT plan_id FROM calendar_items WHERE id = ANY($1::uuid[])', [plan.items.map((i) => i.id)]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.plan_id === null)).toBe(true);
    expect(await countRows(t.database, 'plan_sections', 'plan_id = $1', [plan.id])).toBe(0);
  });
});

describe('copying a plan to the next school year', () => {
  it('copies sections and goals, shifts items by whole months, resets statuses and drops links', async () => {
    const plan = await createPlan(chairA);
    const [first, second] = plan.items;
    ok(await chairA.patch(`/api/v1/calendar/items/${first.id}`, { status: 'done', link: { kind: 'activity', id: crypto.randomUUID() } }));
    ok(await chairA.patch(`/api/v1/calendar/items/${second.id}`, { status: 'cancelled' }));
    const copy = ok<Plan>(await chairA.post(`/api/v1/plans/${plan.id}/copy`, { periodStart: '2026-09-01', periodEnd: '2027-08-31' }), 201);
    expect(await lastAction()).toBe('plan.copied');
    expect(copy.id).not.toBe(plan.id);
    expect(copy.copiedFromId).toBe(plan.id);
    expect(copy.title).toBe('2026—2027学年工会工作计划');
    expect(copy.planDate).toBe('2026-09-01');
    expect(copy.sections.map((s) => s.heading)).toEqual(plan.sections.map((s) => s.heading));
    expect(copy.goals.map((g) => [g.text, g.metric, g.target])).toEqual(plan.goals.map((g) => [g.text, g.metric, g.target]));
    expect(copy.items.map((i) => [i.title, i.dateKind, i.startDate, i.endDate, i.status, i.link])).toEqual([
      ['制定工会工作计划', 'month', '2026-09-01', '2026-09-30', 'planned', null],
      ['教师节慰问', 'date', '2026-09-10', '2026-09-10', 'planned', null],
      ['暑期疗休养', 'month', '2027-07-01', '2027-08-31', 'planned', null],
    ]);
    expect(copy.items[0].ownerName).toBe('文体委员');
    // The old plan keeps its own items and statuses.
    const old = ok<Plan>(await chairA.get(`/api/v1/plans/${plan.id}`));
    expect(old.items.map((i) => i.status)).toEqual(['done', 'cancelled', 'planned']);
  });

  it('takes a given title and refuses a period that ends before it starts', async () => {
    const plan = await createPlan(chairA);
    const bad = await chairA.post(`/api/v1/plans/${plan.id}/copy`, { periodStart: '2026-09-01', periodEnd: '2026-08-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('periodEnd');
    const copy = ok<Plan>(await chairA.post(`/api/v1/plans/${plan.id}/copy`, { title: '新学期计划', periodStart: '2026-02-01', periodEnd: '2026-07-31' }), 201);
    expect(copy.title).toBe('新学期计划');
    expect(copy.items[0]).toMatchObject({ startDate: '2026-02-01', endDate: '2026-02-28' });
  });
});

describe('who may see and change a plan', () => {
  it('gives the chair of another school 404 for every id of this school’s plan', async () => {
    const plan = await createPlan(chairA);
    const goalId = plan.goals[0].id;
    const tries = [
      await chairB.get(`/api/v1/plans/${plan.id}`),
      await chairB.patch(`/api/v1/plans/${plan.id}`, { title: '篡改' }),
      await chairB.delete(`/api/v1/plans/${plan.id}`),
      await chairB.get(`/api/v1/plans/${plan.id}/export.docx`),
      await chairB.put(`/api/v1/plans/${plan.id}/sections`, { sections: [] }),
      await chairB.post(`/api/v1/plans/${plan.id}/goals`, { text: '篡改' }),
      await chairB.patch(`/api/v1/plans/${plan.id}/goals/${goalId}`, { text: '篡改' }),
      await chairB.delete(`/api/v1/plans/${plan.id}/goals/${goalId}`),
      await chairB.post(`/api/v1/plans/${plan.id}/copy`, { periodStart: '2026-09-01', periodEnd: '2027-08-31' }),
    ];
    expect(tries.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
    const list = ok<{ items: { id: string }[] }>(await chairB.get('/api/v1/plans'));
    expect(list.items.map((p) => p.id)).not.toContain(plan.id);
    const again = ok<Plan>(await chairA.get(`/api/v1/plans/${plan.id}`));
    expect(again.title).toBe(plan.title);
    expect(again.goals).toHaveLength(3);
  });

  it('lets a member read plans but not create or change them', async () => {
    const plan = await createPlan(chairA);
    const read = ok<Plan>(await memberA.get(`/api/v1/plans/${plan.id}`));
    expect(read.can.manage).toBe(false);
    expect(ok<{ canManage: boolean }>(await memberA.get('/api/v1/plans')).canManage).toBe(false);
    const before = await auditCount();
    expect((await memberA.post('/api/v1/plans', schoolYearPlan())).statusCode).toBe(403);
    expect((await memberA.patch(`/api/v1/plans/${plan.id}`, { title: '改' })).statusCode).toBe(403);
    expect((await memberA.delete(`/api/v1/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await memberA.post('/api/v1/plans/parse', { text: '三月\n1. 制定计划' })).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('asks for a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/plans' })).statusCode).toBe(401);
  });
});

describe('reading a plan text', () => {
  const sample = [
    '阳光小学工会2025—2026学年第二学期工作计划',
    '一、指导思想',
    '坚持以教职工为中心。',
    '二、工作目标',
    '1. 教职工文体活动参与率不低于85%。',
    '三、工作安排',
    '三月',
    '1. 开展“三八”妇女节系列活动',
    '2. 教职工体检',
    '四月',
    '1. 读书节系列活动',
    '七、八月份',
    '1. 暑期疗休养',
    '2026年2月20日',
  ].join('\n');

  it('reads pasted text into sections, goals and items, with month items placed in the period', async () => {
    const before = [await countRows(t.database, 'plans'), await countRows(t.database, 'calendar_items'), await auditCount()];
    const res = await chairA.post('/api/v1/plans/parse?periodStart=2026-02-01&periodEnd=2026-07-31', { text: sample });
    const draft = ok<{ items: { text: string; months: number[] }[]; goals: { text: string; metric: string | null }[]; suggestedItems: { title: string; startDate: string; endDate: string; outsidePeriod: boolean }[] }>(res);
    expect(draft.items.map((i) => i.months)).toEqual([[3], [3], [4], [7, 8]]);
    expect(draft.goals.some((g) => g.metric === 'participation_rate')).toBe(true);
    expect(draft.suggestedItems.map((s) => [s.startDate, s.endDate, s.outsidePeriod])).toEqual([
      ['2026-03-01', '2026-03-31', false],
      ['2026-03-01', '2026-03-31', false],
      ['2026-04-01', '2026-04-30', false],
      ['2026-07-01', '2026-08-31', true],
    ]);
    // Nothing is saved.
    expect([await countRows(t.database, 'plans'), await countRows(t.database, 'calendar_items'), await auditCount()]).toEqual(before);
  });

  it('takes the period from the body too, and gives no suggestions without one', async () => {
    const withBody = ok<{ suggestedItems: unknown[] }>(await chairA.post('/api/v1/plans/parse', { text: sample, periodStart: '2025-09-01', periodEnd: '2026-08-31' }));
    expect(withBody.suggestedItems).toHaveLength(4);
    const without = ok<{ items: unknown[]; suggestedItems: unknown[] }>(await chairA.post('/api/v1/plans/parse', { text: sample }));
    expect(without.items).toHaveLength(4);
    expect(without.suggestedItems).toEqual([]);
    const half = await chairA.post('/api/v1/plans/parse', { text: sample, periodStart: '2025-09-01' });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.fields[0].path).toBe('periodEnd');
    const empty = await chairA.post('/api/v1/plans/parse', { text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('text');
  });

  it('reads an uploaded .txt file', async () => {
    const res = await chairA.upload('/api/v1/plans/parse?periodStart=2026-02-01&periodEnd=2026-07-31', '工作计划.txt', Buffer.from(sample, 'utf8'));
    const draft = ok<{ items: { months: number[] }[]; goals: unknown[]; suggestedItems: unknown[] }>(res);
    expect(draft.items).toHaveLength(4);
    expect(draft.goals.length).toBeGreaterThan(0);
    expect(draft.suggestedItems).toHaveLength(4);
  });

  it('refuses other file types and files over the size limit', async () => {
    const pdf = await chairA.upload('/api/v1/plans/parse', '计划.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('.docx') });
    const huge = await chairA.upload('/api/v1/plans/parse', '计划.txt', Buffer.alloc(PLAN_LIMITS.parseFileMaxBytes + 1, 0x61));
    expect(huge.statusCode).toBe(413);
  });

  it('reads a real school plan: four items in March', async () => {
    const text = fs.readFileSync(path.resolve(process.cwd(), '../shared/seeds/000_46b3652309eb07f0.txt'), 'utf8');
    const draft = ok<{ items: { text: string; months: number[] }[]; goals: { metric: string | null }[]; statedPeriod: unknown }>(
      await chairA.post('/api/v1/plans/parse?periodStart=2026-02-01&periodEnd=2026-07-31', { text }),
    );
    expect(draft.items.filter((i) => i.months.includes(3))).toHaveLength(4);
    // The title's "（2025-2026年第二学期）" is offered as the period, so the wizard can place the months in 2026.
    expect(draft.statedPeriod).toEqual({ kind: 'term', start: '2026-02-01', end: '2026-07-31', phrase: '2025-2026年第二学期' });
    expect(draft.goals.map((g) => g.metric)).toEqual(expect.arrayContaining(['participation_rate', 'request_response_rate']));
  });
});

describe('exporting a plan to Word', () => {
  it('returns a .docx whose document holds the plan’s items, and audits the export', async () => {
    const plan = await createPlan(chairA);
    const before = await auditCount();
    const res = await memberA.get(`/api/v1/plans/${plan.id}/export.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(`${plan.title}.docx`)}`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const item of ['制定工会工作计划', '教师节慰问', '暑期疗休养']) expect(xml).toContain(item);
    expect(xml).toContain('指导思想');
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAction()).toBe('plan.exported');
  });
});
