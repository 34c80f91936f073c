import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, CareMy } from '../../src/contracts/care.js';
import { careCampaigns } from '../../src/server/db/schema/index.js';
import { METRIC_SOURCES } from '../../src/server/modules/plans/metric-sources.js';
import { buildMember, buildSchool, buildUser, createTestApp, eq } from '../support/test-app.js';
import { countRows, shanghaiToday, signIn, type Client, type Res } from '../support/api.js';

/*
 * Festival campaigns (节日慰问): a 中秋 campaign reaching 100 % as members confirm on their phones, the yearly cap
 * across campaigns, the days that are not gift days, ticks by group leaders within their group, and isolation.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let welfareA: Client;
let leaderA: Client;
let chairB: Client;
let memberB: Person;
const YEAR = Number(shanghaiToday().slice(0, 4));

/** A member with an account: the member file, the user and a signed-in client. */
type Person = { c: Client; memberId: string; userId: string; name: string };
const p: Record<'wang' | 'zhou' | 'li' | 'sun', Person> = {} as never;
let noAccount: { id: string; name: string };
let retiree: { id: string };

async function person(school: typeof A, name: string, groupId: string | null, gender: 'M' | 'F' = 'F'): Promise<Person> {
  const user = await buildUser(t.database, [{ org: school.union, role: 'member' }], { name });
  const m = await buildMember(t.database, school.union, { name, gender, groupId, userId: user.id });
  return { c: await signIn(t.app, user.phone!), memberId: m.id, userId: user.id, name };
}

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[] };
};
const campaign = (over: Record<string, unknown> = {}) => ({
  festival: '中秋节',
  year: YEAR,
  title: `${YEAR}年中秋节慰问`,
  perPersonFen: 20000,
  form: 'goods',
  goods: '月饼一盒',
  audience: { kind: 'all' },
  ...over,
});
const rateOf = (d: CampaignDetail) => d.coverage.rate;

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '慰问一小工会');
  B = await buildSchool(t.database, '慰问二小工会', A.district);
  const chair = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '一小主席' });
  const welfare = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '生活福利' }], { name: '生活福利委员' });
  const leader = await buildUser(t.database, [{ org: A.groupA, role: 'group_leader' }], { name: '语文组长' });
  const chairOfB = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二小主席' });
  chairA = await signIn(t.app, chair.phone!);
  welfareA = await signIn(t.app, welfare.phone!);
  leaderA = await signIn(t.app, leader.phone!);
  chairB = await signIn(t.app, chairOfB.phone!);
  p.wang = await person(A, '王芳', A.groupA.id);
  p.zhou = await person(A, '周敏', A.groupA.id);
  p.li = await person(A, '李强', A.groupB.id, 'M');
  p.sun = await person(A, '孙丽', A.groupB.id);
  noAccount = await buildMember(t.database, A.union, { name: '吴静', gender: 'F', groupId: A.groupB.id });
  retiree = await buildMember(t.database, A.union, { name: '赵老师', gender: 'F', employmentStatus: 'retired', membershipStatus: 'reserved' });
  memberB = await person(B, '二小会员', B.groupA.id);
});
afterAll(async () => t.close());

describe('a 中秋 campaign', () => {
  let id: string;

  it('is created as a draft on a gift day, the festival named as the rule spells it', async () => {
    const d = ok<CampaignDetail>(await chairA.post('/api/v1/care/campaigns', campaign()), 201);
    id = d.id;
    expect(d).toMatchObject({ festival: '中秋', status: 'draft', form: 'goods', fundCategory: '职工集体福利', audienceText: '全体在职会员' });
    expect(d.coverage).toEqual({ intended: 0, received: 0, rate: null });
    expect(d.can).toEqual({ manage: true, tick: false });
    const list = ok(await chairA.get(`/api/v1/care/campaigns?year=${YEAR}`));
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('cannot be signed for before it starts', async () => {
    expect(refused(await p.wang.c.post(`/api/v1/care/campaigns/${id}/confirm`), 403).message).toBe('您不在本次节日慰问的发放名单中');
    expect(refused(await chairA.post(`/api/v1/care/campaigns/${id}/close`), 409).message).toBe('本次节日慰问尚未开始发放，不能结束');
  });

  it('starts with every member at work as a recipient (not the retiree) and tells those with an account', async () => {
    const d = ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${id}/start`));
    expect(d.status).toBe('distributing');
    expect(d.coverage).toEqual({ intended: 5, received: 0, rate: 0 });
    expect(d.recipients.map((r) => r.name).sort()).toEqual(['吴静', '周敏', '孙丽', '李强', '王芳'].sort());
    expect(d.recipients.some((r) => r.memberId === retiree.id)).toBe(false);
    expect(d.groups.map((g) => [g.groupName, g.coverage.intended])).toEqual([
      ['数学组', 3],
      ['语文组', 2],
    ]);
    expect(d.can).toEqual({ manage: true, tick: true });
    const told = await t.database.query<{ title: string; link: string }>("SELECT title, link FROM notifications WHERE kind = 'care_campaign_started' AND user_id = $1", [p.wang.userId]);
    expect(told).toEqual([{ title: '中秋慰问品已开始发放，请领取后在手机上签收', link: '/care/my' }]);
    expect(await countRows(t.database, 'notifications', "kind = 'care_campaign_started'")).toBe(4);
    expect(refused(await chairA.post(`/api/v1/care/campaigns/${id}/start`), 409).message).toBe('本次节日慰问已开始发放');
  });

  it('reaches 100 % as members confirm on their phones and the group leader ticks for the one without an account', async () => {
    const my = ok<CareMy>(await p.wang.c.get('/api/v1/care/my'));
    expect(my.campaigns).toMatchObject([{ id, festival: '中秋', canConfirm: true, receivedAt: null }]);

    const first = ok(await p.wang.c.post(`/api/v1/care/campaigns/${id}/confirm`));
    expect(first).toMatchObject({ id, source: 'self', canConfirm: false });
    const again = ok(await p.wang.c.post(`/api/v1/care/campaigns/${id}/confirm`));
    expect(again.receivedAt).toBe(first.receivedAt);
    expect(rateOf(ok(await chairA.get(`/api/v1/care/campaigns/${id}`)))).toBeCloseTo(1 / 5);
    const chain = await t.database.query<{ action: string }>('SELECT action FROM audit_events WHERE chain_key = $1', [`member:${p.wang.memberId}`]);
    expect(chain.map((e) => e.action)).toEqual(['care.receipt.confirmed']);

    for (const x of [p.zhou, p.li, p.sun]) ok(await x.c.post(`/api/v1/care/campaigns/${id}/confirm`));
    let d = ok<CampaignDetail>(await chairA.get(`/api/v1/care/campaigns/${id}`));
    expect(d.coverage).toEqual({ intended: 5, received: 4, rate: 0.8 });
    expect(d.groups.find((g) => g.groupName === '语文组')!.coverage.rate).toBe(1);

    d = ok<CampaignDetail>(await welfareA.post(`/api/v1/care/campaigns/${id}/receipts`, { memberIds: [noAccount.id] }));
    expect(d.coverage).toEqual({ intended: 5, received: 5, rate: 1 });
    expect(d.groups.map((g) => g.coverage.rate)).toEqual([1, 1]);
    expect(d.recipients.find((r) => r.memberId === noAccount.id)!.source).toBe('leader');
    expect(d.recipients.find((r) => r.memberId === p.wang.memberId)!.source).toBe('self');

    const metric = await METRIC_SOURCES.care_coverage!(t.database.db, A.union, { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` });
    expect(metric).toEqual({ value: 1, detail: '已签收 5 / 应发放 5 人次（节日慰问 1 次）' });
  });

  it('closes; receipts then stay as they are', async () => {
    const d = ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${id}/close`));
    expect(d.status).toBe('closed');
    expect(d.can.tick).toBe(false);
    expect(refused(await welfareA.delete(`/api/v1/care/campaigns/${id}/receipts/${p.li.memberId}`), 409).message).toBe('本次节日慰问已结束，不能撤销签收');
    const my = ok<CareMy>(await p.li.c.get('/api/v1/care/my'));
    expect(my.campaigns[0]).toMatchObject({ status: 'closed', canConfirm: false, source: 'self' });
    const actions = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_id = $1 AND chain_key = $2 ORDER BY seq", [id, A.union.id]);
    expect(actions.map((a) => a.action)).toEqual(['care.campaign.created', 'care.campaign.started', 'care.receipt.ticked', 'care.campaign.closed']);
  });
});

describe('festival-gift days and forms', () => {
  it.each([
    ['重阳节', '重阳节不属于可发放节日慰问品的节日，可作为活动开展'],
    ['九九重阳', '重阳节不属于可发放节日慰问品的节日，可作为活动开展'],
    ['三八妇女节', '三八国际妇女节不属于可发放节日慰问品的节日，可作为活动开展'],
    ['教师节', '教师节不属于可发放节日慰问品的节日，可作为活动开展'],
  ])('refuses %s with the reason', async (festival, message) => {
    const e = refused(await chairA.post('/api/v1/care/campaigns', campaign({ festival })), 400);
    expect(e.fields).toEqual([{ path: 'festival', message: expect.stringContaining('不属于可发放节日慰问品的节日') }]);
    if (festival === '重阳节' || festival === '九九重阳') expect(e.message).toBe(message);
    else expect(e.message).toContain('不属于可发放节日慰问品的节日');
  });

  it('refuses cash and shopping cards for festival gifts', async () => {
    for (const form of ['cash', 'voucher']) {
      const e = refused(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '春节', form })), 400);
      expect(e.fields).toEqual([{ path: 'form', message: '节日慰问品应为实物，不发放现金或购物卡' }]);
    }
  });

  it('is for the leaders and committee in the union only', async () => {
    expect(refused(await leaderA.post('/api/v1/care/campaigns', campaign()), 403).code).toBe('FORBIDDEN');
    expect(refused(await p.wang.c.post('/api/v1/care/campaigns', campaign()), 403).code).toBe('FORBIDDEN');
  });
});

describe('the yearly festival cap across campaigns (福建 2018: 1300 元)', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ok(await chairA.post('/api/v1/care/policy/preset', { preset: 'fujian_2018' }));
    // The 中秋 campaign above gave everyone at work 200 元 this year.
  });

  it('refuses a value above the cap itself', async () => {
    const e = refused(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '国庆', perPersonFen: 130001 })), 400);
    expect(e.fields).toEqual([{ path: 'perPersonFen', message: '每人标准不能超过节日慰问每人每年上限 1300.00 元' }]);
  });

  it('leaves out, with the reason, those whose year total would pass the cap', async () => {
    const spring = ok<CampaignDetail>(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '春节', title: '春节慰问', perPersonFen: 80000 })), 201);
    ids.spring = spring.id;
    expect(ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${spring.id}/start`)).coverage.intended).toBe(5);
    // 端午 only for 语文组: its members reach 200 + 800 + 200 = 1200 元, 数学组 stays at 1000 元.
    const dragon = ok<CampaignDetail>(
      await chairA.post('/api/v1/care/campaigns', campaign({ festival: '端午', title: '端午慰问', perPersonFen: 20000, audience: { kind: 'groups', groupIds: [A.groupA.id] } })),
      201,
    );
    expect(ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${dragon.id}/start`)).coverage.intended).toBe(2);

    const national = ok<CampaignDetail>(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '十一', title: '国庆慰问', perPersonFen: 30000 })), 201);
    expect(national.festival).toBe('国庆');
    const d = ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${national.id}/start`));
    ids.national = national.id;
    // 数学组: 1000 + 300 = 1300 fits exactly; 语文组: 1200 + 300 = 1500 does not.
    expect(d.coverage).toEqual({ intended: 3, received: 0, rate: 0 });
    expect(d.recipients.map((r) => r.name).sort()).toEqual(['吴静', '孙丽', '李强'].sort());
    expect(d.excluded.map((x) => x.name).sort()).toEqual(['周敏', '王芳'].sort());
    expect(d.excluded[0].reason).toBe('本年节日慰问已发 1200.00 元，再发 300.00 元将超过每人每年 1300.00 元上限');
    expect(d.groups.map((g) => [g.groupName, g.coverage.intended])).toEqual([['数学组', 3]]);
    expect(refused(await p.wang.c.post(`/api/v1/care/campaigns/${national.id}/confirm`), 403).message).toBe('您不在本次节日慰问的发放名单中');
    expect(refused(await welfareA.post(`/api/v1/care/campaigns/${national.id}/receipts`, { memberIds: [p.wang.memberId] }), 400).fields![0].path).toBe('memberIds.0');
  });

  it('counts a total exactly at the cap as within it, and leaves out those already at the cap', async () => {
    // 语文组 has had 1200 元 this year: 100 more reaches 1300 exactly. 数学组 is at 1300 already.
    const newYear = ok<CampaignDetail>(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '元旦', title: '元旦慰问', perPersonFen: 10000 })), 201);
    const d = ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${newYear.id}/start`));
    expect(d.recipients.map((r) => r.name).sort()).toEqual(['周敏', '王芳'].sort());
    expect(d.excluded.map((x) => [x.name, x.reason]).sort()).toEqual(
      [
        ['吴静', '本年节日慰问已达 1300.00 元上限'],
        ['孙丽', '本年节日慰问已达 1300.00 元上限'],
        ['李强', '本年节日慰问已达 1300.00 元上限'],
      ].sort(),
    );
    expect(d.coverage).toEqual({ intended: 2, received: 0, rate: 0 });
  });

  it('starts afresh the next year', async () => {
    const next = ok<CampaignDetail>(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '春节', year: YEAR + 1, title: '明年春节慰问', perPersonFen: 80000 })), 201);
    expect(ok<CampaignDetail>(await chairA.post(`/api/v1/care/campaigns/${next.id}/start`)).coverage.intended).toBe(5);
  });
});

describe('ticks by a group leader', () => {
  let id: string;

  beforeAll(async () => {
    // A 清明 campaign of goods for next year, so that this year's cap does not leave anyone out.
    const d = ok<CampaignDetail>(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '清明', year: YEAR + 1, title: '清明慰问', perPersonFen: 5000 })), 201);
    id = d.id;
    ok(await chairA.post(`/api/v1/care/campaigns/${id}/start`));
  });

  it('shows the leader their own group only, and lets them tick its members', async () => {
    const seen = ok<CampaignDetail>(await leaderA.get(`/api/v1/care/campaigns/${id}`));
    expect(seen.recipients.map((r) => r.name).sort()).toEqual(['周敏', '王芳'].sort());
    expect(seen.coverage.intended).toBe(5);
    expect(seen.can).toEqual({ manage: false, tick: true });
    const d = ok<CampaignDetail>(await leaderA.post(`/api/v1/care/campaigns/${id}/receipts`, { memberIds: [p.wang.memberId, p.zhou.memberId] }));
    expect(d.recipients.every((r) => r.source === 'leader' && r.receivedAt !== null)).toBe(true);
    expect(d.coverage.received).toBe(2);
  });

  it('refuses a tick for a member of another group', async () => {
    const e = refused(await leaderA.post(`/api/v1/care/campaigns/${id}/receipts`, { memberIds: [p.li.memberId] }), 403);
    expect(e.message).toBe('工会小组长只能为本小组的会员代为确认签收');
    expect(refused(await leaderA.delete(`/api/v1/care/campaigns/${id}/receipts/${p.li.memberId}`), 403).message).toBe('工会小组长只能为本小组的会员代为确认签收');
    expect(await countRows(t.database, 'care_campaign_recipients', 'campaign_id = $1 AND member_id = $2 AND received_at IS NOT NULL', [id, p.li.memberId])).toBe(0);
  });

  it('takes back a tick within the group; the member may then confirm themself', async () => {
    const d = ok<CampaignDetail>(await leaderA.delete(`/api/v1/care/campaigns/${id}/receipts/${p.wang.memberId}`));
    expect(d.recipients.find((r) => r.memberId === p.wang.memberId)).toMatchObject({ receivedAt: null, source: null });
    expect(ok(await p.wang.c.post(`/api/v1/care/campaigns/${id}/confirm`)).source).toBe('self');
  });

  it('never takes back what the member confirmed themself', async () => {
    const e = refused(await leaderA.delete(`/api/v1/care/campaigns/${id}/receipts/${p.wang.memberId}`), 409);
    expect(e.message).toBe('王芳已本人签收，不能撤销');
    expect(await countRows(t.database, 'care_campaign_recipients', "campaign_id = $1 AND member_id = $2 AND source = 'self'", [id, p.wang.memberId])).toBe(1);
  });

  it('does not let a member tick for others', async () => {
    expect(refused(await p.sun.c.post(`/api/v1/care/campaigns/${id}/receipts`, { memberIds: [p.li.memberId] }), 403).code).toBe('FORBIDDEN');
  });
});

describe('isolation between schools', () => {
  let idA: string;

  beforeAll(async () => {
    const [row] = await t.database.db.select({ id: careCampaigns.id }).from(careCampaigns).where(eq(careCampaigns.orgId, A.union.id)).limit(1);
    idA = row.id;
  });

  it("answers 404 for another union's campaign", async () => {
    for (const res of [
      await chairB.get(`/api/v1/care/campaigns/${idA}`),
      await chairB.post(`/api/v1/care/campaigns/${idA}/start`),
      await chairB.post(`/api/v1/care/campaigns/${idA}/close`),
      await chairB.post(`/api/v1/care/campaigns/${idA}/receipts`, { memberIds: [memberB.memberId] }),
      await memberB.c.post(`/api/v1/care/campaigns/${idA}/confirm`),
    ]) {
      expect(refused(res, 404).message).toBe('节日慰问不存在或无权查看');
    }
    expect(ok(await chairB.get(`/api/v1/care/campaigns?year=${YEAR}`)).items).toEqual([]);
    expect(ok<CareMy>(await memberB.c.get('/api/v1/care/my')).campaigns).toEqual([]);
  });

  it("cannot name another union's members or groups", async () => {
    let e = refused(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '端午', audience: { kind: 'list', memberIds: [memberB.memberId] } })), 400);
    expect(e.fields).toEqual([{ path: 'audience.memberIds', message: '所选人员不在本工会名册中' }]);
    e = refused(await chairA.post('/api/v1/care/campaigns', campaign({ festival: '端午', audience: { kind: 'groups', groupIds: [B.groupA.id] } })), 400);
    expect(e.fields).toEqual([{ path: 'audience.groupIds', message: '所选工会小组不属于本工会' }]);
    const running = await t.database.query<{ id: string }>("SELECT id FROM care_campaigns WHERE org_id = $1 AND status = 'distributing' LIMIT 1", [A.union.id]);
    e = refused(await chairA.post(`/api/v1/care/campaigns/${running[0].id}/receipts`, { memberIds: [memberB.memberId] }), 400);
    expect(e.message).toBe('所选人员不在本次节日慰问的发放名单中');
  });
});
