import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/domain/care/index.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, readXlsx, shanghaiToday, signIn, signInAt, type Client, type Res } from '../support/api.js';

/*
 * The union's standards and caps (慰问标准) through the API: the table, editing it, the provincial presets, visits
 * refused by a cap with every rule named, and the chair's override — audited and shown.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chair: Client;
let vice: Client;
let welfare: Client;
let leader: Client;
let member: Client;
let chairB: Client;
let zhouId: string;
let liId: string;

type Policy = {
  types: ({ id: string; name: string; kind: string; archived: boolean } & Record<string, unknown>)[];
  festivalCapPerYearFen: number | null;
  festivalForms: string[];
  birthdayCapFen: number | null;
  birthdayForms: string[];
  ethnicFestivals: string[];
  povertyLines: { year: number; monthlyFen: number }[];
  preset: string | null;
  canManage: boolean;
};

const today = shanghaiToday();
const year = Number(today.slice(0, 4));

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[]; details?: { violations: { rule: string; message: string }[] } };
};
const lastAudit = async () => (await t.database.query<{ action: string; changes: Record<string, any> }>('SELECT action, changes FROM audit_events ORDER BY id DESC LIMIT 1'))[0];

/** The table as PUT takes it (the response's read-only fields left out). */
const asInput = (p: Policy) => ({
  types: p.types.map(({ position: _p, ...rest }) => rest),
  festivalCapPerYearFen: p.festivalCapPerYearFen,
  festivalForms: p.festivalForms,
  birthdayCapFen: p.birthdayCapFen,
  birthdayForms: p.birthdayForms,
  ethnicFestivals: p.ethnicFestivals,
  povertyLines: p.povertyLines,
});
const typeId = (p: Policy, name: string) => p.types.find((x) => x.name === name)!.id;

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '标准一中工会');
  B = await buildSchool(t.database, '标准二中工会', A.district);
  const uChair = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '陈主席' });
  const uVice = await buildUser(t.database, [{ org: A.union, role: 'vice_chair' }], { name: '副主席' });
  const uWelfare = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '生活福利' }], { name: '福利委员' });
  const uLeader = await buildUser(t.database, [{ org: A.groupA, role: 'group_leader' }], { name: '语文组长' });
  const uMember = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '普通会员' });
  const uChairB = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' });
  chair = await signIn(t.app, uChair.phone!);
  vice = await signIn(t.app, uVice.phone!);
  welfare = await signIn(t.app, uWelfare.phone!);
  leader = await signInAt(t.app, uLeader.phone!, A.groupA.id);
  member = await signIn(t.app, uMember.phone!);
  chairB = await signIn(t.app, uChairB.phone!);
  await buildMember(t.database, A.union, { name: '普通会员', groupId: A.groupA.id, userId: uMember.id });
  zhouId = (await buildMember(t.database, A.union, { name: '周敏', groupId: A.groupA.id })).id;
  liId = (await buildMember(t.database, A.union, { name: '李强', groupId: A.groupB.id })).id;
});
afterAll(async () => t.close());

describe('the policy table', () => {
  it('shows the defaults to those who do care work; only leaders and committee may edit it', async () => {
    const p = ok<Policy>(await chair.get('/api/v1/care/policy'));
    expect(p).toMatchObject({ festivalCapPerYearFen: null, festivalForms: ['goods'], birthdayCapFen: null, birthdayForms: ['goods', 'voucher'], ethnicFestivals: [], povertyLines: [], preset: null, canManage: true });
    expect(p.types.find((x) => x.kind === 'hospital')).toMatchObject({ name: '生病住院', deadlineDays: 3, capPerEventFen: null, forms: ['goods', 'cash'], requiresDues: false });
    expect(ok<Policy>(await leader.get('/api/v1/care/policy')).canManage).toBe(false);
    expect(refused(await member.get('/api/v1/care/policy'), 403).message).toBe('您在当前组织没有查看慰问工作的权限');
    expect(refused(await leader.put('/api/v1/care/policy', asInput(p)), 403).message).toBe('您在当前组织没有管理慰问标准的权限');
    expect(refused(await member.post('/api/v1/care/policy/preset', { preset: 'fujian_2018' }), 403).code).toBe('FORBIDDEN');
  });

  it('saves the whole table: rules, a new type, a type left out archived, festivals and 低保线; audited as a diff', async () => {
    const p = ok<Policy>(await chair.get('/api/v1/care/policy'));
    const input = asInput(p);
    const hospital = input.types.find((x) => x.name === '生病住院')!;
    Object.assign(hospital, { capPerEventFen: 50000, standardFen: 50000, countPerYear: 1, claimMonths: 6 });
    input.types = input.types.filter((x) => x.name !== '意外或突发事件');
    input.types.push({ name: '重大疾病', kind: 'other', deadlineDays: 3, standardFen: 100000, capPerEventFen: 100000, capPerYearFen: 200000, countPerYear: null, forms: ['cash'], claimMonths: null, requiresDues: true, archived: false } as never);
    Object.assign(input, { festivalCapPerYearFen: 130000, ethnicFestivals: ['三月三', '三月三'], povertyLines: [{ year, monthlyFen: 85000 }] });
    const saved = ok<Policy>(await welfare.put('/api/v1/care/policy', input));
    expect(saved.types.find((x) => x.name === '生病住院')).toMatchObject({ capPerEventFen: 50000, countPerYear: 1, claimMonths: 6 });
    expect(saved.types.find((x) => x.name === '重大疾病')).toMatchObject({ kind: 'other', forms: ['cash'], requiresDues: true, archived: false });
    expect(saved.types.find((x) => x.name === '意外或突发事件')!.archived).toBe(true);
    expect(saved).toMatchObject({ festivalCapPerYearFen: 130000, ethnicFestivals: ['三月三'], povertyLines: [{ year, monthlyFen: 85000 }] });
    const audit = await lastAudit();
    expect(audit.action).toBe('care.policy.updated');
    expect(audit.changes).toMatchObject({
      '生病住院.capPerEventFen': { from: null, to: 50000 },
      '生病住院.countPerYear': { from: null, to: 1 },
      '重大疾病.capPerEventFen': { to: 100000 },
      '意外或突发事件.archived': { from: false, to: true },
      festivalCapPerYearFen: { from: null, to: 130000 },
      povertyLines: { from: [], to: [{ year, monthlyFen: 85000 }] },
    });
    // An archived type is not offered for new events.
    expect(refused(await chair.post('/api/v1/care/events', { memberId: zhouId, typeId: typeId(saved, '意外或突发事件'), occurredOn: today }), 400).fields).toEqual([
      { path: 'typeId', message: '事由类型不存在或已停用' },
    ]);
  });

  it('refuses a bad table naming the field', async () => {
    const input = asInput(ok<Policy>(await chair.get('/api/v1/care/policy')));
    const dup = { ...input, types: [...input.types, { ...input.types[0], id: undefined }] };
    expect(refused(await chair.put('/api/v1/care/policy', dup), 400).fields).toEqual([{ path: `types.${input.types.length}.name`, message: '事由类型“生病住院”重复' }]);
    const negative = structuredClone(input);
    negative.types[0].capPerEventFen = -1 as never;
    expect(refused(await chair.put('/api/v1/care/policy', negative), 400).fields).toEqual([{ path: 'types.0.capPerEventFen', message: '单次上限不能为负数' }]);
    const noForm = structuredClone(input);
    noForm.types[1].forms = [] as never;
    expect(refused(await chair.put('/api/v1/care/policy', noForm), 400).fields).toEqual([{ path: 'types.1.forms', message: '请至少选择一种发放形式' }]);
    const twice = { ...input, povertyLines: [{ year, monthlyFen: 1 }, { year, monthlyFen: 2 }] };
    expect(refused(await chair.put('/api/v1/care/policy', twice), 400).fields).toEqual([{ path: 'povertyLines.1.year', message: `${year} 年的低保线重复` }]);
    expect(refused(await chair.put('/api/v1/care/policy', { ...input, types: [] }), 400).fields![0].message).toBe('请至少保留一种事由类型');
    expect(refused(await chair.post('/api/v1/care/policy/preset', { preset: 'beijing' }), 400).fields).toEqual([{ path: 'preset', message: '预设标准：应为福建省标准（2018）或安徽省标准（2018）' }]);
  });

  it('adds and edits a single type', async () => {
    const created = ok(await chair.post('/api/v1/care/event-types', { name: '教职工子女升学', kind: 'other', deadlineDays: null, standardFen: 20000, capPerEventFen: 20000, capPerYearFen: null, countPerYear: 1, forms: ['goods'], claimMonths: null, requiresDues: false }), 201);
    expect(created).toMatchObject({ name: '教职工子女升学', archived: false, countPerYear: 1 });
    expect(refused(await chair.post('/api/v1/care/event-types', { ...created, id: undefined }), 400).fields).toEqual([{ path: 'name', message: '已有同名的事由类型' }]);
    const renamed = ok(await vice.patch(`/api/v1/care/event-types/${created.id}`, { name: '子女升学', capPerEventFen: 30000 }));
    expect(renamed).toMatchObject({ name: '子女升学', capPerEventFen: 30000, standardFen: 20000, countPerYear: 1, archived: false });
    expect((await lastAudit()).changes).toEqual({ '子女升学.name': { from: '教职工子女升学', to: '子女升学' }, '子女升学.capPerEventFen': { from: 20000, to: 30000 } });
  });
});

describe('presets', () => {
  it('sets the 福建 2018 figures, adds 住院手术 after 生病住院 and keeps the rest of the table', async () => {
    const p = ok<Policy>(await chair.post('/api/v1/care/policy/preset', { preset: 'fujian_2018' }));
    expect(p.preset).toBe('fujian_2018');
    expect(p).toMatchObject({ festivalCapPerYearFen: 130000, birthdayCapFen: 30000, festivalForms: ['goods'], birthdayForms: ['goods', 'voucher'], ethnicFestivals: ['三月三'] });
    const active = p.types.filter((x) => !x.archived);
    expect(active.map((x) => x.name).slice(0, 3)).toEqual(['生病住院', '住院手术', '结婚']);
    const cap = (name: string) => p.types.find((x) => x.name === name)!.capPerEventFen;
    expect([cap('生病住院'), cap('住院手术'), cap('生育'), cap('本人去世'), cap('直系亲属去世'), cap('退休'), cap('结婚')]).toEqual([50000, 100000, 50000, 200000, 100000, 50000, null]);
    // What the preset does not name stays as the union set it.
    expect(p.types.find((x) => x.name === '生病住院')).toMatchObject({ countPerYear: 1, claimMonths: 6 });
    expect(p.types.find((x) => x.name === '重大疾病')!.capPerEventFen).toBe(100000);
    expect((await lastAudit()).action).toBe('care.policy.preset');
  });

  it('moves to 安徽 2018 figures and keeps 住院手术 once', async () => {
    const p = ok<Policy>(await chair.post('/api/v1/care/policy/preset', { preset: 'anhui_2018' }));
    const cap = (name: string) => p.types.find((x) => x.name === name)!.capPerEventFen;
    expect([cap('生病住院'), cap('结婚'), cap('生育'), cap('退休'), p.festivalCapPerYearFen]).toEqual([100000, 60000, 60000, 100000, 150000]);
    expect(p.types.filter((x) => x.name === '住院手术')).toHaveLength(1);
    // Back to 福建 for the caps below.
    ok(await chair.post('/api/v1/care/policy/preset', { preset: 'fujian_2018' }));
  });

  it('leaves the other school’s table alone', async () => {
    const b = ok<Policy>(await chairB.get('/api/v1/care/policy'));
    expect(b).toMatchObject({ preset: null, festivalCapPerYearFen: null });
    expect(b.types.some((x) => x.name === '住院手术')).toBe(false);
  });
});

describe('caps and the chair’s override', () => {
  let policy: Policy;
  const register = async (memberId: string, name: string, occurredOn = today) =>
    ok(await welfare.post('/api/v1/care/events', { memberId, typeId: typeId(policy, name), occurredOn }), 201).id as string;
  const visit = (c: Client, eventId: string, over: Record<string, unknown>) =>
    c.post(`/api/v1/care/events/${eventId}/visits`, { visitedOn: today, method: 'hospital', visitors: [{ name: '福利委员' }], ...over });
  beforeAll(async () => {
    policy = ok<Policy>(await chair.get('/api/v1/care/policy'));
  });

  it('refuses a visit over the cap per event with every rule it breaks; exactly the cap passes', async () => {
    const e = await register(zhouId, '重大疾病');
    const over = refused(await visit(welfare, e, { amountFen: 100001, form: 'voucher' }), 409);
    expect(over.code).toBe('CARE_CAP');
    expect(over.details!.violations.map((v) => v.rule)).toEqual(['form', 'cap_per_event', 'dues']);
    expect(over.message).toBe(over.details!.violations[0].message);
    expect(over.details!.violations[0].message).toBe('“重大疾病”只能以现金发放，不能发放卡券');
    expect(over.details!.violations[1].message).toBe('超过“重大疾病”单次上限 1000.00 元（本次 1000.01 元）');
    expect(await countRows(t.database, 'care_visits', 'event_id = $1', [e])).toBe(0);
    ok(await visit(welfare, e, { amountFen: 100000, form: 'cash', duesConfirmed: true }), 201);
    const more = refused(await visit(welfare, e, { amountFen: 1, form: 'cash', duesConfirmed: true }), 409);
    expect(more.details!.violations).toEqual([{ rule: 'cap_per_event', message: '超过“重大疾病”单次上限 1000.00 元（此前已发 1000.00 元，本次 0.01 元）' }]);
  });

  it('counts events per year and the per-year cap across events of the type', async () => {
    const first = await register(liId, '生病住院', addDays(today, -1));
    ok(await visit(welfare, first, { amountFen: 50000 }), 201);
    const second = await register(liId, '生病住院');
    const again = refused(await visit(welfare, second, { goods: '水果' }), 409);
    expect(again.details!.violations).toEqual([{ rule: 'count_per_year', message: `“生病住院”每人每年限慰问 1 次，${year}年已慰问 1 次` }]);
    // A visit that gives nothing (a phone call) is never refused.
    ok(await visit(welfare, second, { method: 'phone' }), 201);

    const big = await register(liId, '重大疾病');
    ok(await visit(welfare, big, { amountFen: 100000, form: 'cash', duesConfirmed: true }), 201);
    const another = await register(liId, '重大疾病');
    ok(await visit(welfare, another, { amountFen: 100000, form: 'cash', duesConfirmed: true }), 201);
    const third = await register(liId, '重大疾病');
    expect(refused(await visit(welfare, third, { amountFen: 1, form: 'cash', duesConfirmed: true }), 409).details!.violations).toEqual([
      { rule: 'cap_per_year', message: `超过“重大疾病”每人每年上限 2000.00 元（${year}年已发 2000.00 元，本次 0.01 元）` },
    ]);
  });

  it('refuses money past the claim window and any money for 家庭矛盾/情绪波动', async () => {
    const occurredOn = addMonths(today, -7);
    const late = await register(zhouId, '生病住院', occurredOn);
    const refusal = refused(await visit(welfare, late, { goods: '水果' }), 409);
    expect(refusal.details!.violations.map((v) => v.rule)).toEqual(['claim_window']);
    expect(refusal.message).toContain('超过“生病住院”申领期限：应在事发后 6 个月内');
    const talk = await register(zhouId, '家庭矛盾/情绪波动');
    expect(refused(await visit(welfare, talk, { amountFen: 20000 }), 409).message).toBe('“家庭矛盾/情绪波动”只慰问、不发放慰问金（本次 200.00 元）');
    expect(ok(await visit(welfare, talk, { method: 'home', notes: '谈心' }), 201).state).toBe('visited');
  });

  it('lets only the chair override, with a reason that is audited and shown on the event and in the register', async () => {
    const e = await register(zhouId, '住院手术');
    const body = { amountFen: 150000, form: 'cash', override: { reason: '术后并发症，经工会委员会研究同意' } };
    expect(refused(await visit(welfare, e, body), 403).message).toBe('只有工会主席可以批准超标准慰问');
    expect(refused(await visit(vice, e, body), 403).message).toBe('只有工会主席可以批准超标准慰问');
    expect(refused(await visit(chair, e, { ...body, override: { reason: '' } }), 400).fields).toEqual([{ path: 'override.reason', message: '请填写理由' }]);
    const saved = ok(await visit(chair, e, body), 201);
    expect(saved.visits[0].override).toEqual({
      reason: '术后并发症，经工会委员会研究同意',
      by: '陈主席',
      violations: [{ rule: 'cap_per_event', message: '超过“住院手术”单次上限 1000.00 元（本次 1500.00 元）' }],
    });
    const audit = await lastAudit();
    expect(audit).toEqual({
      action: 'care.visit.override',
      changes: { visit: { to: saved.visits[0].id }, reason: { to: '术后并发症，经工会委员会研究同意' }, violations: { to: ['超过“住院手术”单次上限 1000.00 元（本次 1500.00 元）'] } },
    });
    const shown = ok(await welfare.get(`/api/v1/care/events/${e}`));
    expect(shown.visits[0].override.by).toBe('陈主席');
    const { rows } = await readXlsx((await welfare.get('/api/v1/care/visits/register.xlsx')).rawPayload);
    expect(rows.find((r) => r[9] === 1500)![13]).toBe('超标准慰问，经陈主席批准：术后并发症，经工会委员会研究同意');
  });

  it('shows what the member has had this year under the type', async () => {
    const e = await register(liId, '重大疾病');
    const page = ok(await chair.get(`/api/v1/care/events/${e}`));
    expect(page.yearToDate).toEqual({ count: 2, amountFen: 200000 });
    expect(page.rule).toMatchObject({ capPerEventFen: 100000, capPerYearFen: 200000, requiresDues: true });
  });
});

describe('the 低保线', () => {
  it('is set only by the hardship keepers: the vice chair edits the rest of the table but not it', async () => {
    const current = ok<Policy>(await chair.get('/api/v1/care/policy'));
    const other = current.povertyLines.some((l) => l.year === year + 1) ? year + 2 : year + 1;
    const withLine = { ...asInput(current), povertyLines: [...current.povertyLines, { year: other, monthlyFen: 90000 }] };
    const res = refused(await vice.put('/api/v1/care/policy', withLine), 403);
    expect(res.message).toBe('低保线只能由工会主席或生活福利委员设置');
    expect(ok<Policy>(await chair.get('/api/v1/care/policy')).povertyLines).toEqual(current.povertyLines);
    // The same table without touching the 低保线 is saved for the vice chair.
    ok(await vice.put('/api/v1/care/policy', { ...asInput(current), festivalCapPerYearFen: 120000 }));
    expect(ok<Policy>(await welfare.put('/api/v1/care/policy', withLine)).povertyLines).toContainEqual({ year: other, monthlyFen: 90000 });
  });
});
