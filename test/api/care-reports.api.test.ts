import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BirthdayList, CareReport, HealthCheckList, RetireeList } from '../../src/contracts/care.js';
import { addDays, birthdayInYear, daysBetween } from '../../src/domain/care/index.js';
import {
  assistanceRecords,
  careBirthdayBenefits,
  careCampaignRecipients,
  careCampaigns,
  careEventTypes,
  careEvents,
  careVisits,
} from '../../src/server/db/schema/index.js';
import { goalValue, METRIC_SOURCES } from '../../src/server/modules/plans/metric-sources.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { shanghaiToday, signIn, type Client, type Res } from '../support/api.js';

/*
 * Care reports against figures computed by hand from rows written straight into the tables (the reports only read
 * what the care routes write), the .xlsx opened with exceljs, the goal metrics, and the keepers-only figures:
 * 帮扶 amounts and women's health checks.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
const c = {} as Record<'chair' | 'vice' | 'welfare' | 'women' | 'publicity' | 'leader' | 'member' | 'chairB', Client>;
const m = {} as Record<'a1' | 'a2' | 'b1' | 'n1' | 'r1', { id: string }>;
let chairId: string;
const TODAY = shanghaiToday();
const P = { from: '2025-01-01', to: '2025-12-31' };
const Q = `from=${P.from}&to=${P.to}`;

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const refusedWith = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[]; details?: { violations: { rule: string; message: string }[] } };
};

async function seed() {
  const org = A.union.id;
  const [hospital, childbirth, retireeVisit] = await t.database.db
    .insert(careEventTypes)
    .values([
      { orgId: org, name: '生病住院', kind: 'hospital', position: 0, deadlineDays: 3 },
      { orgId: org, name: '生育', kind: 'childbirth', position: 2, deadlineDays: 7 },
      { orgId: org, name: '退休教职工走访', kind: 'other', position: 9, deadlineDays: null },
    ])
    .returning();
  const event = async (memberId: string, typeId: string, occurredOn: string, dueOn: string | null, status: 'open' | 'visited' | 'closed') =>
    (await t.database.db.insert(careEvents).values({ orgId: org, memberId, typeId, occurredOn, dueOn, status }).returning())[0].id;
  const visit = (eventId: string, memberId: string, typeId: string, visitedOn: string, amountFen: number, extra: Partial<typeof careVisits.$inferInsert> = {}) =>
    t.database.db.insert(careVisits).values({ orgId: org, eventId, memberId, typeId, visitedOn, method: 'home', visitors: [{ userId: null, name: '李委员' }], amountFen, ...extra });

  const e1 = await event(m.a1.id, hospital.id, '2025-03-10', '2025-03-13', 'visited');
  await visit(e1, m.a1.id, hospital.id, '2025-03-12', 50000);
  await visit(e1, m.a1.id, hospital.id, '2025-04-02', 0, { goods: '水果', method: 'phone' });
  const e2 = await event(m.b1.id, hospital.id, '2025-05-01', '2025-05-04', 'visited');
  await visit(e2, m.b1.id, hospital.id, '2025-05-06', 30000, {
    overrideReason: '住院时间长，经主席批准',
    overrideBy: chairId,
    overrideViolations: [{ rule: 'cap_per_event', message: '超过“生病住院”单次上限 200.00 元（本次 300.00 元）' }],
  });
  await event(m.a2.id, childbirth.id, '2025-06-20', '2025-06-27', 'open');
  await event(m.n1.id, childbirth.id, '2025-07-01', '2025-07-08', 'closed');
  const e5 = await event(m.r1.id, retireeVisit.id, '2025-10-29', null, 'visited');
  await visit(e5, m.r1.id, retireeVisit.id, '2025-10-29', 20000, { goods: '重阳糕' });
  const e6 = await event(m.a1.id, hospital.id, '2024-12-30', '2025-01-02', 'visited');
  await visit(e6, m.a1.id, hospital.id, '2024-12-31', 9900);
  await visit(e6, m.a1.id, hospital.id, '2025-01-02', 10000);

  await t.database.db.insert(careBirthdayBenefits).values([
    { orgId: org, memberId: m.a2.id, year: 2025, item: '蛋糕券', amountFen: 20000, form: 'voucher', givenOn: '2025-08-15' },
    { orgId: org, memberId: m.b1.id, year: 2024, item: '蛋糕券', amountFen: 20000, form: 'voucher', givenOn: '2024-08-15' },
  ]);

  const campaign = async (festival: string, year: number, status: 'draft' | 'distributing' | 'closed', startedAt: string | null) =>
    (
      await t.database.db
        .insert(careCampaigns)
        .values({ orgId: org, festival, year, title: `${year}年${festival}慰问`, perPersonFen: 20000, form: 'goods', goods: '月饼', audience: { kind: 'all' }, status, startedAt: startedAt ? new Date(startedAt) : null })
        .returning()
    )[0].id;
  const c1 = await campaign('中秋', 2025, 'closed', '2025-09-20T10:00:00+08:00');
  const recipient = (campaignId: string, memberId: string, groupId: string | null, receivedAt: string | null, excludedReason: string | null = null) => ({
    campaignId,
    orgId: org,
    memberId,
    groupId,
    valueFen: 20000,
    receivedAt: receivedAt ? new Date(receivedAt) : null,
    source: receivedAt ? ('self' as const) : null,
    excludedReason,
  });
  await t.database.db.insert(careCampaignRecipients).values([
    recipient(c1, m.a1.id, A.groupA.id, '2025-09-25T09:00:00+08:00'),
    // 00:30 on 1 October in Shanghai is still 30 September in UTC: it counts in October.
    recipient(c1, m.a2.id, A.groupA.id, '2025-10-01T00:30:00+08:00'),
    recipient(c1, m.b1.id, A.groupB.id, null),
    recipient(c1, m.n1.id, null, null, '本年节日慰问已达 1300.00 元上限'),
  ]);
  await campaign('国庆', 2025, 'draft', null);
  const old = await campaign('春节', 2024, 'closed', '2024-01-20T10:00:00+08:00');
  await t.database.db.insert(careCampaignRecipients).values([recipient(old, m.a1.id, A.groupA.id, '2024-01-25T09:00:00+08:00'), recipient(old, m.r1.id, null, '2024-01-26T09:00:00+08:00')]);

  await t.database.db.insert(assistanceRecords).values([
    { orgId: org, memberId: m.a1.id, kind: 'living', amountFen: 100000, givenOn: '2025-02-01' },
    { orgId: org, memberId: m.a1.id, kind: 'medical', amountFen: 50000, givenOn: '2025-11-11' },
    { orgId: org, memberId: m.b1.id, kind: 'living', amountFen: 80000, givenOn: '2025-03-03' },
    { orgId: org, memberId: m.b1.id, kind: 'living', amountFen: 70000, givenOn: '2024-12-01' },
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '统计一小工会');
  B = await buildSchool(t.database, '统计二小工会', A.district);
  const users = {
    chair: await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '一小主席' }),
    vice: await buildUser(t.database, [{ org: A.union, role: 'vice_chair' }], { name: '一小副主席' }),
    welfare: await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '生活福利' }], { name: '生活福利委员' }),
    women: await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '女工' }], { name: '女工委员' }),
    publicity: await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '宣传' }], { name: '宣传委员' }),
    leader: await buildUser(t.database, [{ org: A.groupA, role: 'group_leader' }], { name: '语文组长' }),
    member: await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '普通会员' }),
    chairB: await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二小主席' }),
  };
  chairId = users.chair.id;
  for (const [k, u] of Object.entries(users)) c[k as keyof typeof c] = await signIn(t.app, u.phone!);
  m.a1 = await buildMember(t.database, A.union, { name: '王强', gender: 'M', groupId: A.groupA.id, userId: users.member.id });
  m.a2 = await buildMember(t.database, A.union, { name: '周敏', gender: 'F', groupId: A.groupA.id });
  m.b1 = await buildMember(t.database, A.union, { name: '孙丽', gender: 'F', groupId: A.groupB.id });
  m.n1 = await buildMember(t.database, A.union, { name: '吴静', gender: 'F', groupId: null });
  m.r1 = await buildMember(t.database, A.union, { name: '赵老师', gender: 'F', employmentStatus: 'retired', membershipStatus: 'reserved' });
  await seed();
});
afterAll(async () => t.close());

describe('the care report', () => {
  it('counts 人次, people and amounts by type, month and group, as computed by hand', async () => {
    const r = ok<CareReport>(await c.chair.get(`/api/v1/care/reports?${Q}`));
    expect(r.from).toBe(P.from);
    // Visits 500 + 0 + 300 + 200 + 100, two 中秋 receipts 200 + 200, one birthday 200.
    expect(r.totals).toEqual({ times: 8, people: 4, amountFen: 170000 });
    expect(r.byType.map((x) => [x.typeName, x.source, x.times, x.people, x.amountFen])).toEqual([
      ['生病住院', 'visit', 4, 2, 90000],
      ['退休教职工走访', 'visit', 1, 1, 20000],
      ['节日慰问', 'festival', 2, 2, 40000],
      ['生日慰问', 'birthday', 1, 1, 20000],
    ]);
    expect(r.byMonth).toHaveLength(12);
    expect(Object.fromEntries(r.byMonth.filter((x) => x.times > 0).map((x) => [x.month, [x.times, x.amountFen]]))).toEqual({
      '2025-01': [1, 10000],
      '2025-03': [1, 50000],
      '2025-04': [1, 0],
      '2025-05': [1, 30000],
      '2025-08': [1, 20000],
      '2025-09': [1, 20000],
      '2025-10': [2, 40000],
    });
    expect(r.byGroup.map((g) => [g.groupName, g.times, g.people, g.amountFen])).toEqual([
      ['数学组', 1, 1, 30000],
      ['语文组', 6, 2, 120000],
      ['未分组', 1, 1, 20000],
    ]);
  });

  it('lists 五必访 visited late or still waiting, and the on-time rate', async () => {
    const r = ok<CareReport>(await c.chair.get(`/api/v1/care/reports?${Q}`));
    // Counted: 王强 on time, 孙丽 two days late, 周敏 not visited; 吴静's (closed, never visited) and 赵老师's (no deadline) not.
    expect(r.onTime).toEqual({ due: 3, onTime: 1, rate: 1 / 3 });
    expect(r.overdue.map((o) => [o.memberName, o.typeName, o.dueOn, o.firstVisitOn, o.daysLate])).toEqual([
      ['周敏', '生育', '2025-06-27', null, daysBetween('2025-06-27', TODAY)],
      ['孙丽', '生病住院', '2025-05-04', '2025-05-06', 2],
    ]);
  });

  it('gives coverage per started campaign and the overrides with their reasons', async () => {
    const r = ok<CareReport>(await c.chair.get(`/api/v1/care/reports?${Q}`));
    expect(r.campaigns.map((x) => [x.title, x.coverage.intended, x.coverage.received, x.amountFen])).toEqual([['2025年中秋慰问', 3, 2, 40000]]);
    expect(r.campaigns[0].coverage.rate).toBeCloseTo(2 / 3);
    expect(r.overrides).toEqual([
      expect.objectContaining({
        memberName: '孙丽',
        typeName: '生病住院',
        visitedOn: '2025-05-06',
        amountFen: 30000,
        reason: '住院时间长，经主席批准',
        by: '一小主席',
        violations: [{ rule: 'cap_per_event', message: '超过“生病住院”单次上限 200.00 元（本次 300.00 元）' }],
      }),
    ]);
  });

  it('shows 帮扶 figures to the hardship keepers only', async () => {
    const expected = {
      count: 3,
      people: 2,
      amountFen: 230000,
      byKind: [
        { kind: 'living', count: 2, amountFen: 180000 },
        { kind: 'medical', count: 1, amountFen: 50000 },
        { kind: 'education', count: 0, amountFen: 0 },
        { kind: 'legal', count: 0, amountFen: 0 },
        { kind: 'counselling', count: 0, amountFen: 0 },
      ],
    };
    expect(ok<CareReport>(await c.chair.get(`/api/v1/care/reports?${Q}`)).assistance).toEqual(expected);
    expect(ok<CareReport>(await c.welfare.get(`/api/v1/care/reports?${Q}`)).assistance).toEqual(expected);
    for (const who of [c.vice, c.publicity, c.women]) {
      const res = await who.get(`/api/v1/care/reports?${Q}`);
      expect(ok<CareReport>(res).assistance).toBeNull();
      expect(res.body).not.toContain('230000');
      expect(res.body).not.toContain('180000');
    }
  });

  it('is for the union’s leaders and committee only, and checks the period', async () => {
    expect(refusedWith(await c.leader.get(`/api/v1/care/reports?${Q}`), 403).code).toBe('FORBIDDEN');
    expect(refusedWith(await c.member.get(`/api/v1/care/reports?${Q}`), 403).code).toBe('FORBIDDEN');
    expect(refusedWith(await c.chair.get('/api/v1/care/reports?from=2025-05-01&to=2025-04-30'), 400).fields).toEqual([{ path: 'to', message: '结束日期不能早于开始日期' }]);
    const other = ok<CareReport>(await c.chairB.get(`/api/v1/care/reports?${Q}`));
    expect(other.totals).toEqual({ times: 0, people: 0, amountFen: 0 });
    expect(other.campaigns).toEqual([]);
    expect(other.overrides).toEqual([]);
  });

  it('feeds the plan goals: 节日慰问覆盖率, 五必访按期率, 帮扶人次', async () => {
    const period = { start: P.from, end: P.to };
    expect(await METRIC_SOURCES.care_coverage!(t.database.db, A.union, period)).toEqual({ value: 2 / 3, detail: '已签收 2 / 应发放 3 人次（节日慰问 1 次）' });
    expect(await METRIC_SOURCES.care_on_time_rate!(t.database.db, A.union, period)).toEqual({ value: 1 / 3, detail: '按期慰问 1 / 应慰问 3 件' });
    expect(await METRIC_SOURCES.assistance_count!(t.database.db, A.union, period)).toEqual({ value: 3, detail: '已帮扶 3 人次' });
    expect(await METRIC_SOURCES.care_coverage!(t.database.db, B.union, period)).toBeNull();
    // 帮扶人次 on a plan: the keepers see the figure, any other reader that it is kept from them.
    const goal = { metric: 'assistance_count', comparator: '>=' as const, target: 2 };
    const asKeeper = await goalValue(t.database.db, A.union, period, goal, (a) => a === 'hardship.read');
    expect(asKeeper).toEqual({ status: 'measured', value: 3, met: true, detail: '已帮扶 3 人次' });
    expect(await goalValue(t.database.db, A.union, period, goal, () => false)).toEqual({ status: 'no_data', detail: '帮扶人次仅工会主席和生活福利委员可见' });
  });
});

describe('the report as .xlsx', () => {
  async function workbook(who: Client) {
    const res = await who.get(`/api/v1/care/reports.xlsx?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('统计一小工会慰问统计-2025-01-01至2025-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    return wb;
  }
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('opens with every table and the same figures, amounts in yuan', async () => {
    const wb = await workbook(c.chair);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按类别', '按月份', '按小组', '五必访逾期', '节日慰问覆盖率', '超标准审批', '困难职工帮扶']);
    const types = rowsOf(wb.getWorksheet('按类别')!);
    expect(types[0][0]).toBe('统计一小工会 慰问统计（2025-01-01 至 2025-12-31）');
    expect(types[1]).toEqual(['类别', '来源', '人次', '人数', '金额（元）']);
    expect(types.slice(2, 7)).toEqual([
      ['生病住院', '五必访', 4, 2, 900],
      ['退休教职工走访', '五必访', 1, 1, 200],
      ['节日慰问', '节日慰问', 2, 2, 400],
      ['生日慰问', '生日慰问', 1, 1, 200],
      ['合计', '', 8, 4, 1700],
    ]);
    expect(wb.getWorksheet('按类别')!.getCell('E3').numFmt).toBe('#,##0.00');
    const months = rowsOf(wb.getWorksheet('按月份')!);
    expect(months[11]).toEqual(['2025-10', 2, 2, 400]);
    expect(months[14]).toEqual(['合计', 8, 4, 1700]);
    expect(rowsOf(wb.getWorksheet('按小组')!).slice(2)).toEqual([
      ['数学组', 1, 1, 300],
      ['语文组', 6, 2, 1200],
      ['未分组', 1, 1, 200],
      ['合计', 8, 4, 1700],
    ]);
    const late = rowsOf(wb.getWorksheet('五必访逾期')!);
    expect(late[3]).toEqual(['孙丽', '数学组', '生病住院', '2025-05-01', '2025-05-04', '2025-05-06', 2]);
    expect(late.at(-1)).toEqual(['五必访按期率：33.3%（按期慰问 1 件 / 应慰问 3 件）']);
    const festival = wb.getWorksheet('节日慰问覆盖率')!;
    expect(rowsOf(festival)[2].slice(0, 6)).toEqual(['中秋', '2025年中秋慰问', '已结束', 200, 3, 2]);
    expect(festival.getCell('G3').value).toBeCloseTo(2 / 3);
    expect(festival.getCell('G3').numFmt).toBe('0.0%');
    expect(rowsOf(wb.getWorksheet('超标准审批')!)[2]).toEqual(['2025-05-06', '孙丽', '生病住院', 300, '超过“生病住院”单次上限 200.00 元（本次 300.00 元）', '住院时间长，经主席批准', '一小主席']);
    expect(rowsOf(wb.getWorksheet('困难职工帮扶')!).slice(2, 4)).toEqual([
      ['生活救助', 2, 1800],
      ['医疗救助', 1, 500],
    ]);
    const audit = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE action = 'care.report.exported'");
    expect(audit).toHaveLength(1);
  });

  it('has no 帮扶 sheet for anyone but the hardship keepers', async () => {
    const wb = await workbook(c.publicity);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('困难职工帮扶');
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(6);
  });
});

describe("women's health checks (两癌筛查)", () => {
  it('are recorded and read by the chair and the 女工 committee member only', async () => {
    const saved = ok(await c.women.put(`/api/v1/care/health-checks/${m.a2.id}`, { year: 2025, checkedOn: '2025-04-10', note: '已完成' }));
    expect(saved).toMatchObject({ memberId: m.a2.id, name: '周敏', checkedOn: '2025-04-10', recorded: true });
    const list = ok<HealthCheckList>(await c.chair.get('/api/v1/care/health-checks?year=2025'));
    expect(list.items.map((i) => [i.name, i.checkedOn])).toEqual(
      expect.arrayContaining([
        ['周敏', '2025-04-10'],
        ['孙丽', null],
        ['吴静', null],
      ]),
    );
    expect(list.items.map((i) => i.name)).not.toContain('王强');
    expect(list.items.map((i) => i.name)).not.toContain('赵老师');
    expect(list.totals).toEqual({ women: 3, checked: 1, rate: 1 / 3 });
    expect(list.canManage).toBe(true);
  });

  it('are refused to everyone else, and another union’s member is not found', async () => {
    for (const who of [c.vice, c.welfare, c.publicity, c.leader, c.member]) {
      expect(refusedWith(await who.get('/api/v1/care/health-checks?year=2025'), 403).code).toBe('FORBIDDEN');
      expect(refusedWith(await who.put(`/api/v1/care/health-checks/${m.b1.id}`, { year: 2025, checkedOn: '2025-05-01', note: '' }), 403).code).toBe('FORBIDDEN');
    }
    expect(refusedWith(await c.chairB.put(`/api/v1/care/health-checks/${m.b1.id}`, { year: 2025, checkedOn: '2025-05-01', note: '' }), 404).code).toBe('NOT_FOUND');
    expect(refusedWith(await c.women.put(`/api/v1/care/health-checks/${m.a1.id}`, { year: 2025, checkedOn: null, note: '' }), 400).fields![0].path).toBe('memberId');
    expect(refusedWith(await c.women.put(`/api/v1/care/health-checks/${m.b1.id}`, { year: 2025, checkedOn: '2024-12-01', note: '' }), 400).fields![0].path).toBe('checkedOn');
  });

  it('leave no health data in the audit trail, which the vice chair can read', async () => {
    const rows = await t.database.query<{ changes: unknown; entity_label: string }>("SELECT changes, entity_label FROM audit_events WHERE action = 'health.check.recorded'");
    expect(rows).toEqual([{ changes: { checkedOn: { changed: true }, note: { changed: true } }, entity_label: '2025年两癌筛查' }]);
    // Not even which member: the audit log's readers may not learn who was screened.
    expect(await t.database.query("SELECT entity_id FROM audit_events WHERE action = 'health.check.recorded'")).toEqual([{ entity_id: null }]);
  });
});

describe('retirees and birthdays', () => {
  it('lists retirees with their visits and festival receipts', async () => {
    const r = ok<RetireeList>(await c.welfare.get('/api/v1/care/retirees'));
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ name: '赵老师', membershipStatus: 'reserved', lastVisitOn: '2025-10-29' });
    expect(r.items[0].visits).toEqual([expect.objectContaining({ visitedOn: '2025-10-29', typeName: '退休教职工走访', goods: '重阳糕', amountFen: 20000, visitors: ['李委员'] })]);
    expect(r.items[0].receipts.map((x) => [x.festival, x.year])).toEqual([['春节', 2024]]);
    expect(ok<RetireeList>(await c.leader.get('/api/v1/care/retirees')).items).toEqual([]);
  });

  it('lists this month’s birthdays, solar and lunar, and records one benefit a year within the cap', async () => {
    const year = Number(TODAY.slice(0, 4));
    const solar = await buildMember(t.database, A.union, { name: '生日甲', gender: 'F', groupId: A.groupA.id, birthDate: `1985${TODAY.slice(4)}` });
    // A lunar birthday that falls on today this year: the birth date found by converting candidate days.
    let lunarBirth = '1980-01-01';
    for (let d = 0; d < 4000 && birthdayInYear(lunarBirth, true, year).date !== TODAY; d++) lunarBirth = addDays('1980-01-01', d);
    const lunar = await buildMember(t.database, A.union, { name: '生日乙', gender: 'M', groupId: A.groupB.id, birthDate: lunarBirth, isLunarBirthday: true });
    ok(await c.chair.post('/api/v1/care/policy/preset', { preset: 'fujian_2018' }));

    const list = ok<BirthdayList>(await c.welfare.get('/api/v1/care/birthdays?range=month'));
    const mine = list.items.filter((b) => b.memberId === solar.id || b.memberId === lunar.id);
    expect(mine.map((b) => [b.name, b.date, b.isLunar, b.benefitGiven])).toEqual([
      ['生日甲', TODAY, false, false],
      ['生日乙', TODAY, true, false],
    ]);
    expect(mine[1].lunarText).toMatch(/^农历/);
    expect(list).toMatchObject({ capFen: 30000, canGive: true });
    expect(ok<BirthdayList>(await c.leader.get('/api/v1/care/birthdays?range=week')).items.map((b) => b.name)).toEqual(['生日甲']);

    const body = { memberId: solar.id, year, item: '蛋糕券', amountFen: 30000, form: 'voucher', givenOn: TODAY };
    const over = refusedWith(await c.welfare.post('/api/v1/care/birthdays/benefits', { ...body, amountFen: 30001, form: 'cash' }), 409);
    expect(over.code).toBe('CARE_CAP');
    expect(over.details!.violations.map((v) => v.rule)).toEqual(['form', 'birthday_cap']);
    expect(refusedWith(await c.welfare.post('/api/v1/care/birthdays/benefits', { ...body, amountFen: 30001, override: { reason: '特殊情况' } }), 403).message).toBe('只有工会主席可以批准超标准慰问');
    expect(refusedWith(await c.leader.post('/api/v1/care/birthdays/benefits', { ...body, memberId: lunar.id }), 403).message).toBe('工会小组长只能为本小组的会员登记生日慰问');
    expect(ok(await c.leader.post('/api/v1/care/birthdays/benefits', body), 201)).toMatchObject({ amountFen: 30000, fundCategory: '职工集体福利' });
    expect(refusedWith(await c.welfare.post('/api/v1/care/birthdays/benefits', { ...body, amountFen: 100 }), 409).message).toBe(`生日甲${year}年的生日慰问已发放，每人每年一次`);
    expect(ok(await c.chair.post('/api/v1/care/birthdays/benefits', { ...body, memberId: lunar.id, amountFen: 35000, override: { reason: '退休前最后一个生日' } }), 201).amountFen).toBe(35000);
    const given = ok<BirthdayList>(await c.welfare.get('/api/v1/care/birthdays?range=month')).items.filter((b) => b.memberId === solar.id || b.memberId === lunar.id);
    expect(given.map((b) => b.benefitGiven)).toEqual([true, true]);
    const [audit] = await t.database.query<{ changes: { override?: { to: string } } }>("SELECT changes FROM audit_events WHERE action = 'care.birthday.given' AND entity_label LIKE '生日乙%'");
    expect(audit.changes.override).toEqual({ to: '退休前最后一个生日' });
    // The chair's reason is kept with the benefit and listed with the visits' overrides.
    const report = ok<{ overrides: { eventId: string | null; typeName: string; memberName: string; reason: string; amountFen: number }[] }>(
      await c.chair.get(`/api/v1/care/reports?from=${TODAY}&to=${TODAY}`),
    );
    expect(report.overrides.filter((o) => o.typeName === '生日慰问')).toEqual([
      expect.objectContaining({ eventId: null, memberName: '生日乙', reason: '退休前最后一个生日', amountFen: 35000 }),
    ]);
  });

  it('files a birthday benefit under the year it is given in, so a second one cannot hide under another year', async () => {
    const res = refusedWith(await c.welfare.post('/api/v1/care/birthdays/benefits', { memberId: m.a1.id, year: Number(TODAY.slice(0, 4)) + 1, item: '蛋糕券', amountFen: 100, form: 'voucher', givenOn: TODAY }), 400);
    expect(res.fields).toEqual([{ path: 'year', message: `生日慰问的年度应为发放日期所在的年度（${TODAY.slice(0, 4)}年）` }]);
  });
});
