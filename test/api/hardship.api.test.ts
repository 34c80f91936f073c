import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewDueOn, shanghaiToday } from '../../src/domain/care/index.js';
import type { Ctx } from '../../src/server/http/context.js';
import { hardshipReviewsDue } from '../../src/server/modules/hardship/hardship-views.service.js';
import { assistanceTotalsBetween } from '../../src/server/modules/hardship/hardship.repository.js';
import { buildMember, createTestApp } from '../support/test-app.js';
import { countRows, type Client } from '../support/api.js';
import { buildHardshipStage, COSTS, errorOf, fieldOf, INCOME, LINE, ok, PER_CAPITA, PNG, setLine as setLineOf, YEAR, type HardshipStage, type Who } from '../support/hardship-stage.js';

/*
 * Hardship files and assistance (困难职工建档立卡, 帮扶): the level at its boundaries through the API, approval,
 * re-assessment and the review reminder, closing, evidence, assistance with totals, Chinese field errors, the
 * member's own file, and an audit trail that never carries a figure. Who may see what: hardship-privacy.api.test.ts.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: HardshipStage['A'];
let c: Record<Who, Client>;
let users: HardshipStage['users'];
let selfMemberId: string;
let otherMemberId: string;
let thirdMemberId: string;
let memberBId: string;
let fileInput: HardshipStage['fileInput'];
const setLine = (orgId: string, year: number, monthlyFen: number) => setLineOf(t, orgId, year, monthlyFen);

beforeAll(async () => {
  t = await createTestApp();
  ({ A, c, users, selfMemberId, otherMemberId, thirdMemberId, memberBId, fileInput } = await buildHardshipStage(t));
});
afterAll(async () => t.close());

describe('the level, computed and stored from the figures and the year’s 低保线', () => {
  it('puts a household exactly at each boundary on the right side (3 people, 低保线 850.00 元)', async () => {
    const f = ok(await c.welfare.post('/api/v1/hardship/files', fileInput({ memberId: thirdMemberId, annualIncomeFen: 3_059_999, unavoidableCostsFen: 0 })), 201);
    expect(f).toMatchObject({ status: 'draft', level: 'deep', povertyLineFen: LINE, perCapitaMonthlyFen: 84_999 });
    expect(f.levelReason).toBe('人均月收入 849.99 元，低于低保线 850.00 元 → 深度困难');
    const patch = async (body: Record<string, unknown>) => ok(await c.welfare.patch(`/api/v1/hardship/files/${f.id}`, body));

    // Exactly the 低保线 (3 060 000 fen a year for three) is no longer 深度困难.
    expect(await patch({ annualIncomeFen: 3_060_000 })).toMatchObject({ level: 'relative', perCapitaMonthlyFen: LINE });
    const justUnder2x = await patch({ annualIncomeFen: 6_119_999 });
    expect(justUnder2x).toMatchObject({ level: 'relative' });
    expect(justUnder2x.levelReason).toBe('人均月收入 1699.99 元，不低于低保线 850.00 元，低于低保线的 2 倍 1700.00 元 → 相对困难');
    // Exactly twice the line is not 相对困难; with ordinary costs it is 不符合.
    const twice = await patch({ annualIncomeFen: 6_120_000 });
    expect(twice).toMatchObject({ level: 'none', perCapitaMonthlyFen: 170_000 });
    expect(twice.levelReason).toContain('→ 不符合');
    // Costs subtract before the division: the same income with costs is 相对困难 again.
    expect(await patch({ unavoidableCostsFen: 1 })).toMatchObject({ level: 'relative', perCapitaMonthlyFen: 169_999 });
    // Costs of exactly 80 % of the income are not 意外致困; one fen more is.
    expect(await patch({ annualIncomeFen: 40_000_000, unavoidableCostsFen: 32_000_000 })).toMatchObject({ level: 'none' });
    const accident = await patch({ unavoidableCostsFen: 32_000_001 });
    expect(accident.level).toBe('accident');
    expect(accident.levelReason).toContain('刚性支出 320000.01 元，超过家庭年收入的 80% → 意外致困');
    expect(await patch({ unavoidableCostsFen: 0, isAccident: true })).toMatchObject({ level: 'accident' });
    // Household size divides: the same 6 120 000 for four people is 1275.00 a head.
    expect(await patch({ isAccident: false, annualIncomeFen: 6_120_000, householdSize: 4 })).toMatchObject({ level: 'relative', perCapitaMonthlyFen: 127_500 });
    ok(await c.welfare.post(`/api/v1/hardship/files/${f.id}/close`, { reason: '测试边界后销档' }));
  });

  it('without a 低保线 for the year can only find 意外致困 or 不符合, and says so', async () => {
    const poor = ok(await c.welfare.post('/api/v1/hardship/files', fileInput({ memberId: thirdMemberId, year: 2025, annualIncomeFen: 100, unavoidableCostsFen: 0 })), 201);
    expect(poor).toMatchObject({ level: 'none', povertyLineFen: null, perCapitaMonthlyFen: 2 });
    expect(poor.levelReason).toMatch(/^未设置本年度低保线/);
    const accident = ok(await c.welfare.patch(`/api/v1/hardship/files/${poor.id}`, { isAccident: true }));
    expect(accident.level).toBe('accident');
    expect(accident.levelReason).toBe('未设置本年度低保线，只能按意外致困评定；因灾因意外致困 → 意外致困');
    // The line set later is used when the file moves on (submission computes it again).
    await setLine(A.union.id, 2025, 80_000);
    const submitted = ok(await c.welfare.post(`/api/v1/hardship/files/${poor.id}/submit`));
    expect(submitted).toMatchObject({ status: 'submitted', level: 'deep', povertyLineFen: 80_000 });
    ok(await c.chair.post(`/api/v1/hardship/files/${poor.id}/close`, { reason: '登记有误' }));
  });
});

let mainFileId: string;
let nextYearFileId: string;
let evidenceId: string;

/** The use-case context of a keeper (or not) working in school A, for the home page's count. */
const ctxOf = (who: Who, roles: Ctx['actor']['roles']): Ctx => ({
  database: t.database,
  db: t.database.db,
  actor: { userId: users[who].id, name: users[who].displayName, sessionId: 'test', isPlatformAdmin: false, org: { id: A.union.id, path: A.union.path, kind: 'grassroots' }, roles },
});

describe('approval, re-assessment and closing', () => {
  it('goes draft → submitted → approved by the chair, with the review due a year after approval', async () => {
    const f = ok(await c.welfare.post('/api/v1/hardship/files', fileInput()), 201);
    mainFileId = f.id;
    expect(f).toMatchObject({
      member: { id: selfMemberId, name: '李秀英', groupName: '语文组' },
      year: YEAR,
      annualIncomeFen: INCOME,
      unavoidableCostsFen: COSTS,
      perCapitaMonthlyFen: PER_CAPITA,
      level: 'deep',
      status: 'draft',
      household: [{ name: '李小明', relation: '子女', note: '在读初中' }],
      approvedBy: null,
      reviewDueOn: null,
      can: { edit: true, submit: true, approve: false, reassess: false, close: true },
    });
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${f.id}/approve`), 403)).toBe('只有工会主席可以审批困难档案');
    expect(errorOf(await c.chair.post(`/api/v1/hardship/files/${f.id}/approve`), 409)).toBe('困难档案尚未提交审批');
    const submitted = ok(await c.welfare.post(`/api/v1/hardship/files/${f.id}/submit`));
    expect(submitted).toMatchObject({ status: 'submitted', can: { edit: true, submit: false, approve: false } });
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${f.id}/submit`), 409)).toBe('困难档案已提交，等待工会主席审批');
    // Still editable while it waits; the household read back equals the one sent (no change, no audit event).
    const before = await countRows(t.database, 'audit_events', "action = 'hardship.file.updated'");
    ok(await c.welfare.patch(`/api/v1/hardship/files/${f.id}`, { household: [{ name: '李小明', relation: '子女', note: '在读初中' }] }));
    expect(await countRows(t.database, 'audit_events', "action = 'hardship.file.updated'")).toBe(before);
    expect(ok(await c.chair.get(`/api/v1/hardship/files/${f.id}`)).can).toMatchObject({ approve: true, edit: true });
    const approved = ok(await c.chair.post(`/api/v1/hardship/files/${f.id}/approve`));
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: '一小主席',
      reviewDueOn: reviewDueOn(shanghaiToday(new Date())),
      isReviewDue: false,
      can: { edit: false, submit: false, approve: false, reassess: true, close: true },
    });
    expect(errorOf(await c.welfare.patch(`/api/v1/hardship/files/${f.id}`, { householdSize: 4 }), 409)).toBe('已建档的困难档案不能修改；家庭情况变化时请重新评定');
    expect(errorOf(await c.chair.post(`/api/v1/hardship/files/${f.id}/approve`), 409)).toBe('困难档案已审批');
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${f.id}/submit`), 409)).toBe('困难档案已审批建档');
  });

  it('does not approve a file whose level is 不符合', async () => {
    const f = ok(await c.chair.post('/api/v1/hardship/files', fileInput({ memberId: otherMemberId, annualIncomeFen: 30_000_000, unavoidableCostsFen: 0, household: [], reasons: '子女就业' })), 201);
    expect(f.level).toBe('none');
    ok(await c.chair.post(`/api/v1/hardship/files/${f.id}/submit`));
    expect(errorOf(await c.chair.post(`/api/v1/hardship/files/${f.id}/approve`), 409)).toContain('评定结果为“不符合”，不能建档');
    expect(ok(await c.chair.post(`/api/v1/hardship/files/${f.id}/close`, { reason: '经核实收入超出标准' }))).toMatchObject({ status: 'closed', closedReason: '经核实收入超出标准' });
  });

  it('reminds the keepers 30 days before the review, re-assesses as a copied draft for the next year, then stops reminding', async () => {
    const moveReview = (days: number) =>
      t.database.query(`UPDATE hardship_files SET review_due_on = ($1::date + $2::int) WHERE id = $3`, [shanghaiToday(new Date()), days, mainFileId]);
    const due = async () => ok(await c.welfare.get('/api/v1/hardship/files')).reviewDue as number;
    await moveReview(31);
    expect(await due()).toBe(0);
    expect(ok(await c.welfare.get('/api/v1/hardship/files?reviewDue=true')).items).toEqual([]);
    await moveReview(30);
    expect(await due()).toBe(1);
    const list = ok(await c.chair.get('/api/v1/hardship/files?reviewDue=true'));
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([mainFileId]);
    expect(list.items[0]).toMatchObject({ isReviewDue: true, member: { name: '李秀英' }, level: 'deep', status: 'approved' });
    await moveReview(-5);
    expect(await due()).toBe(1);
    // The home page's count: the keepers get the number, anyone else nothing at all.
    expect(await hardshipReviewsDue(ctxOf('chair', [{ role: 'chair', portfolio: '' }]))).toBe(1);
    expect(await hardshipReviewsDue(ctxOf('welfare', [{ role: 'committee', portfolio: '生活福利' }]))).toBe(1);
    expect(await hardshipReviewsDue(ctxOf('vice', [{ role: 'vice_chair', portfolio: '' }]))).toBeNull();
    expect(await hardshipReviewsDue(ctxOf('women', [{ role: 'committee', portfolio: '女工' }]))).toBeNull();
    // … and so does the home page's dashboard.
    expect(ok(await c.chair.get('/api/v1/dashboard')).hardshipReviewsDue).toBe(1);
    for (const who of ['vice', 'women', 'leader', 'self'] as const) expect(ok(await c[who].get('/api/v1/dashboard')).hardshipReviewsDue, who).toBeNull();

    const draftOnly = ok(await c.welfare.post('/api/v1/hardship/files', fileInput({ memberId: thirdMemberId, year: 2024 })), 201);
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${draftOnly.id}/reassess`, {}), 409)).toBe('困难档案尚未审批建档，不能重新评定');
    expect(fieldOf(await c.welfare.post(`/api/v1/hardship/files/${mainFileId}/reassess`, { year: YEAR }))).toEqual({ path: 'year', message: `重新评定的年度应晚于 ${YEAR} 年` });

    // Without a body: the year after the file's.
    const next = ok(await c.welfare.post(`/api/v1/hardship/files/${mainFileId}/reassess`), 201);
    nextYearFileId = next.id;
    expect(next).toMatchObject({
      year: YEAR + 1,
      status: 'draft',
      member: { id: selfMemberId },
      householdSize: 3,
      annualIncomeFen: INCOME,
      unavoidableCostsFen: COSTS,
      household: [{ name: '李小明', relation: '子女', note: '在读初中' }],
      reasons: '配偶长期患病',
      // No 低保线 for the new year yet: only the accident tests apply.
      povertyLineFen: null,
      level: 'none',
      approvedBy: null,
      reviewDueOn: null,
    });
    expect(next.levelReason).toMatch(/^未设置本年度低保线/);
    const old = ok(await c.chair.get(`/api/v1/hardship/files/${mainFileId}`));
    expect(old).toMatchObject({ status: 'approved', reassessedInYear: YEAR + 1, isReviewDue: false, can: { reassess: false } });
    expect(await due()).toBe(0);
    expect(await hardshipReviewsDue(ctxOf('chair', [{ role: 'chair', portfolio: '' }]))).toBe(0);
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${mainFileId}/reassess`, {}), 409)).toBe(`该档案已于 ${YEAR + 1} 年度重新评定`);
    // Once the year's line is set, editing the draft computes the level against it.
    await setLine(A.union.id, YEAR + 1, 90_000);
    expect(ok(await c.welfare.patch(`/api/v1/hardship/files/${next.id}`, { reasons: '配偶长期患病，子女上学' }))).toMatchObject({ level: 'deep', povertyLineFen: 90_000 });
    ok(await c.welfare.post(`/api/v1/hardship/files/${draftOnly.id}/close`, { reason: '重复建档' }));
  });

  it('closes a file with a reason; a closed file stays as it is', async () => {
    expect(fieldOf(await c.welfare.post(`/api/v1/hardship/files/${nextYearFileId}/close`, { reason: '  ' }))).toMatchObject({ path: 'reason', message: expect.stringContaining('请填写理由') });
    const closed = ok(await c.welfare.post(`/api/v1/hardship/files/${nextYearFileId}/close`, { reason: '家庭收入提高，已脱困' }));
    expect(closed).toMatchObject({ status: 'closed', closedReason: '家庭收入提高，已脱困', can: { edit: false, submit: false, approve: false, reassess: false, close: false } });
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${nextYearFileId}/close`, { reason: '再次销档' }), 409)).toBe('困难档案已销档');
    expect(errorOf(await c.welfare.patch(`/api/v1/hardship/files/${nextYearFileId}`, { householdSize: 2 }), 409)).toBe('困难档案已销档，不能修改');
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${nextYearFileId}/submit`), 409)).toBe('困难档案已销档，不能修改');
    expect(errorOf(await c.chair.post(`/api/v1/hardship/files/${nextYearFileId}/approve`), 409)).toBe('困难档案已销档，不能修改');
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${nextYearFileId}/reassess`, {}), 409)).toBe('困难档案已销档，不能重新评定');
    expect(errorOf(await c.welfare.upload(`/api/v1/hardship/files/${nextYearFileId}/files`, 'a.png', PNG), 409)).toBe('困难档案已销档，不能再上传材料');
    // The list filters by status and level.
    const closedList = ok(await c.chair.get('/api/v1/hardship/files?status=closed'));
    expect(closedList.items.every((x: { status: string }) => x.status === 'closed')).toBe(true);
    expect(closedList.items.map((x: { id: string }) => x.id)).toContain(nextYearFileId);
    const deep = ok(await c.chair.get(`/api/v1/hardship/files?level=deep&year=${YEAR}`));
    expect(deep.items.map((x: { id: string }) => x.id)).toEqual([mainFileId]);
  });
});

describe('evidence', () => {
  it('keeps certificates and photos for the keepers, checked like activity files', async () => {
    const up = ok(await c.welfare.upload(`/api/v1/hardship/files/${mainFileId}/files`, '低保证.png', PNG), 201);
    expect(up).toMatchObject({ name: '低保证.png', mime: 'image/png', size: PNG.length });
    evidenceId = up.id;
    expect(ok(await c.chair.get(`/api/v1/hardship/files/${mainFileId}`)).files).toEqual([up]);
    const got = await c.chair.get(`/api/v1/hardship/files/${mainFileId}/files/${up.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers['cache-control']).toBe('private, no-store');
    expect(fieldOf(await c.welfare.upload(`/api/v1/hardship/files/${mainFileId}/files`, '收入证明.txt', Buffer.from('月收入 2000 元')))).toMatchObject({
      path: 'file',
      message: expect.stringContaining('附件只能是'),
    });
    const extra = ok(await c.chair.upload(`/api/v1/hardship/files/${mainFileId}/files`, '病历.png', PNG), 201);
    expect((await c.welfare.delete(`/api/v1/hardship/files/${mainFileId}/files/${extra.id}`)).statusCode).toBe(204);
    expect(errorOf(await c.welfare.delete(`/api/v1/hardship/files/${mainFileId}/files/${extra.id}`), 404)).toBe('材料不存在或无权查看');
    expect(await countRows(t.database, 'care_files', "owner_type = 'hardship' AND owner_id = $1", [mainFileId])).toBe(1);
  });
});

describe('assistance (帮扶)', () => {
  const record = (over: Record<string, unknown> = {}) => ({ memberId: selfMemberId, kind: 'living', amountFen: 50_000, givenOn: `${YEAR}-01-15`, ...over });

  it('records assistance posted to 困难职工帮扶, the payee defaulting to the member, linked to the member’s file', async () => {
    const r = ok(await c.welfare.post('/api/v1/hardship/assistance', record({ hardshipFileId: mainFileId, campaign: '冬送温暖', notes: '春节前送达' })), 201);
    expect(r).toMatchObject({
      member: { id: selfMemberId, name: '李秀英' },
      hardshipFileId: mainFileId,
      kind: 'living',
      campaign: '冬送温暖',
      amountFen: 50_000,
      givenOn: `${YEAR}-01-15`,
      payee: '李秀英',
      fundCategory: '困难职工帮扶',
      recordedBy: '生活福利委员',
    });
    ok(await c.chair.post('/api/v1/hardship/assistance', record({ memberId: thirdMemberId, kind: 'medical', amountFen: 30_000, givenOn: `${YEAR}-03-01`, payee: '赵红梅家属' })), 201);
    ok(await c.chair.post('/api/v1/hardship/assistance', record({ kind: 'counselling', amountFen: 0, givenOn: `${YEAR}-04-01` })), 201);
    ok(await c.chair.post('/api/v1/hardship/assistance', record({ memberId: otherMemberId, kind: 'education', amountFen: 20_000, givenOn: `${YEAR - 1}-09-01`, campaign: '金秋助学' })), 201);
    const file = ok(await c.chair.get(`/api/v1/hardship/files/${mainFileId}`));
    expect(file.assistanceFen).toBe(50_000);
    expect(file.assistance).toHaveLength(1);
  });

  it('lists a year with its totals: 人次, people, amounts by kind', async () => {
    const year = ok(await c.welfare.get(`/api/v1/hardship/assistance?year=${YEAR}`));
    expect(year.year).toBe(YEAR);
    expect(year.items.map((x: { givenOn: string }) => x.givenOn)).toEqual([`${YEAR}-04-01`, `${YEAR}-03-01`, `${YEAR}-01-15`]);
    expect(year.totals).toEqual({
      count: 3,
      people: 2,
      amountFen: 80_000,
      byKind: [
        { kind: 'living', count: 1, amountFen: 50_000 },
        { kind: 'medical', count: 1, amountFen: 30_000 },
        { kind: 'education', count: 0, amountFen: 0 },
        { kind: 'legal', count: 0, amountFen: 0 },
        { kind: 'counselling', count: 1, amountFen: 0 },
      ],
    });
    expect(year.canManage).toBe(true);
    expect(ok(await c.chair.get(`/api/v1/hardship/assistance?year=${YEAR - 1}`)).totals).toMatchObject({ count: 1, people: 1, amountFen: 20_000 });
    expect(ok(await c.chair.get(`/api/v1/hardship/assistance?year=${YEAR}&memberId=${selfMemberId}`)).totals).toMatchObject({ count: 2, amountFen: 50_000 });
    // The same figures for a period, as the plan's 帮扶人次 and the care reports read them.
    expect(await assistanceTotalsBetween(t.database.db, A.union.id, `${YEAR}-01-15`, `${YEAR}-03-31`)).toEqual({ count: 2, people: 2, amountFen: 80_000 });
    expect(await assistanceTotalsBetween(t.database.db, A.union.id, `${YEAR}-01-16`, `${YEAR}-02-28`)).toEqual({ count: 0, people: 0, amountFen: 0 });
    // Without a year: this year in Shanghai.
    expect(ok(await c.chair.get('/api/v1/hardship/assistance')).year).toBe(Number(shanghaiToday(new Date()).slice(0, 4)));
  });

  it('refuses bad records naming the field in Chinese', async () => {
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ amountFen: -1 })))).toEqual({ path: 'amountFen', message: '帮扶金额不能为负数' });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ amountFen: 10.5 })))).toEqual({ path: 'amountFen', message: '帮扶金额应精确到分' });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ kind: 'cash' })))).toMatchObject({ path: 'kind', message: expect.stringContaining('请选择帮扶类别') });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ givenOn: `${YEAR}-02-30` })))).toMatchObject({ path: 'givenOn', message: expect.stringContaining('日期不存在') });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ campaign: '三八慰问' })))).toMatchObject({ path: 'campaign', message: expect.stringContaining('帮扶活动') });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ memberId: memberBId })))).toEqual({ path: 'memberId', message: '所选会员不在本工会名册中' });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ memberId: thirdMemberId, hardshipFileId: mainFileId })))).toEqual({
      path: 'hardshipFileId',
      message: '困难档案不是赵红梅的档案',
    });
    expect(fieldOf(await c.welfare.post('/api/v1/hardship/assistance', record({ hardshipFileId: nextYearFileId })))).toEqual({ path: 'hardshipFileId', message: '该困难档案已销档，不能再登记帮扶' });
  });
});

describe('Chinese field errors on files', () => {
  it('names the field of every refusal', async () => {
    const post = (over: Record<string, unknown>) => c.welfare.post('/api/v1/hardship/files', fileInput({ memberId: thirdMemberId, year: 2030, ...over }));
    expect(fieldOf(await post({ householdSize: 0 }))).toMatchObject({ path: 'householdSize', message: expect.stringContaining('家庭人口至少为 1') });
    expect(fieldOf(await post({ annualIncomeFen: 100.5 }))).toEqual({ path: 'annualIncomeFen', message: '家庭年可支配收入应精确到分' });
    expect(fieldOf(await post({ annualIncomeFen: -100 }))).toEqual({ path: 'annualIncomeFen', message: '家庭年可支配收入不能为负数' });
    expect(fieldOf(await post({ unavoidableCostsFen: undefined }))).toMatchObject({ path: 'unavoidableCostsFen', message: expect.stringContaining('请填写刚性支出') });
    expect(fieldOf(await post({ household: [{ name: '李小明', relation: '' }] }))).toMatchObject({ path: 'household.0.relation', message: expect.stringContaining('请填写与本人关系') });
    expect(fieldOf(await post({ memberId: 'abc' }))).toMatchObject({ path: 'memberId', message: expect.stringContaining('会员无效') });
    expect(fieldOf(await post({ memberId: memberBId }))).toEqual({ path: 'memberId', message: '所选会员不在本工会名册中' });
    expect(fieldOf(await c.welfare.patch(`/api/v1/hardship/files/${mainFileId}`, { householdSize: 21 }))).toMatchObject({ path: 'householdSize' });
    const taken = await c.welfare.post('/api/v1/hardship/files', fileInput());
    expect(errorOf(taken, 409)).toBe(`该会员 ${YEAR} 年度已有困难档案`);
    expect(taken.json().error.fields).toEqual([{ path: 'year', message: `该会员 ${YEAR} 年度已有困难档案` }]);
    const gone = await buildMember(t.database, A.union, { name: '钱调出', membershipStatus: 'transferred_out' });
    expect(fieldOf(await post({ memberId: gone.id }))).toEqual({ path: 'memberId', message: '钱调出已不在册，不能建立困难档案' });
  });
});

describe('the member’s own file (/hardship/my)', () => {
  it('shows members their own files with the figures and the level, without the keepers’ notes', async () => {
    const mine = ok(await c.self.get('/api/v1/hardship/my'));
    expect(mine.items.map((x: { year: number }) => x.year)).toEqual([YEAR + 1, YEAR]);
    const [closed, current] = mine.items;
    expect(current).toMatchObject({ id: mainFileId, member: { id: selfMemberId }, status: 'approved', level: 'deep', annualIncomeFen: INCOME, assistanceFen: 50_000 });
    expect(current.levelReason).toContain('→ 深度困难');
    expect(closed.status).toBe('closed');
    for (const f of mine.items) {
      expect(f).not.toHaveProperty('approvedBy');
      expect(f).not.toHaveProperty('closedReason');
      expect(f).not.toHaveProperty('can');
    }
    expect(JSON.stringify(mine)).not.toContain('已脱困');
    expect(JSON.stringify(mine)).not.toContain('一小主席');
    // Another member sees only theirs; a person without a file, nothing.
    const other = ok(await c.otherMember.get('/api/v1/hardship/my'));
    expect(other.items.map((x: { member: { id: string } }) => x.member.id)).toEqual([otherMemberId]);
    expect(ok(await c.vice.get('/api/v1/hardship/my')).items).toEqual([]);
    expect(ok(await c.chair.get('/api/v1/hardship/my')).items).toEqual([]);
  });
});
describe('the audit trail', () => {
  it('records every change of a hardship file or assistance by field name only, and never names the member', async () => {
    const events = await t.database.query<{ action: string; entity_label: string | null; changes: Record<string, unknown> }>(
      "SELECT action, entity_label, changes FROM audit_events WHERE action LIKE 'hardship.%' ORDER BY id",
    );
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['created', 'updated', 'submitted', 'approved', 'reassessed', 'closed']) expect(actions).toContain(`hardship.file.${a}`);
    for (const a of ['hardship.assistance.created', 'hardship.evidence.added', 'hardship.evidence.removed']) expect(actions).toContain(a);
    const VALUES_ALLOWED = new Set(['status', 'year', 'from', 'reviewDueOn']);
    for (const e of events) {
      for (const [field, change] of Object.entries(e.changes)) {
        if (!VALUES_ALLOWED.has(field)) expect(change, `${e.action} ${field}`).toEqual({ changed: true });
      }
      const text = JSON.stringify(e);
      for (const s of [String(INCOME), String(COSTS), String(PER_CAPITA), '50000', '30000', '李小明', '配偶长期患病', '已脱困', '李秀英', '赵红梅', '低保证', selfMemberId, thirdMemberId]) {
        expect(text, e.action).not.toContain(s);
      }
    }
    const created = events.find((e) => e.action === 'hardship.file.created')!;
    expect(created.entity_label).toBe('2026 年度困难职工档案');
    expect(created.changes).toMatchObject({ annualIncomeFen: { changed: true }, unavoidableCostsFen: { changed: true }, level: { changed: true }, year: { to: 2026 } });
    // What the vice chair reads in the audit log carries no figure either.
    const log = await c.vice.get('/api/v1/audit');
    expect(log.statusCode, log.body).toBe(200);
    expect(log.body).toContain('hardship.file.approved');
    for (const s of [String(INCOME), String(COSTS), '李秀英']) expect(log.body).not.toContain(s);
  });
});
