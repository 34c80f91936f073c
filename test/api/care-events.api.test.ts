import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { CARE_LIMITS } from '../../src/contracts/care.js';
import { addDays } from '../../src/domain/care/index.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, readXlsx, shanghaiToday, signIn, signInAt, type Client, type Res } from '../support/api.js';

/*
 * Care events (五必访) and visits through the API: who may register for whom, the deadlines (待慰问 / 已逾期) per
 * group, an event's page, editing and closing, evidence and photos, the visit register, and isolation between two
 * schools. The standards and caps are in care-policy.api.test.ts.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chair: Client;
let welfare: Client;
let sport: Client;
let leaderA: Client;
let chairB: Client;
let wang: Client;
const ids = {} as Record<'wang' | 'zhou' | 'li' | 'memberB' | 'leaderA' | 'welfare' | 'chair' | 'wangUser', string>;
const types = {} as Record<string, string>;
let typeB: string;

const today = shanghaiToday();
const day = (n: number) => addDays(today, n);

const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[] };
};
const notificationsOf = (userId: string) => countRows(t.database, 'notifications', "user_id = $1 AND kind = 'care_event_registered'", [userId]);

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '慰问一中工会');
  B = await buildSchool(t.database, '慰问二中工会', A.district);
  const uChair = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '陈主席' });
  const uWelfare = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '生活福利' }], { name: '福利委员' });
  const uSport = await buildUser(t.database, [{ org: A.union, role: 'committee', portfolio: '文体' }], { name: '文体委员' });
  const uLeader = await buildUser(t.database, [{ org: A.groupA, role: 'group_leader' }, { org: A.union, role: 'member' }], { name: '语文组长' });
  const uWang = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '王芳' });
  const uChairB = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' });
  Object.assign(ids, { leaderA: uLeader.id, welfare: uWelfare.id, chair: uChair.id, wangUser: uWang.id });
  ids.wang = (await buildMember(t.database, A.union, { name: '王芳', groupId: A.groupA.id, userId: uWang.id })).id;
  ids.zhou = (await buildMember(t.database, A.union, { name: '周敏', groupId: A.groupA.id })).id;
  ids.li = (await buildMember(t.database, A.union, { name: '李强', groupId: A.groupB.id })).id;
  ids.memberB = (await buildMember(t.database, B.union, { name: '二中会员' })).id;
  chair = await signIn(t.app, uChair.phone!);
  welfare = await signIn(t.app, uWelfare.phone!);
  sport = await signIn(t.app, uSport.phone!);
  leaderA = await signInAt(t.app, uLeader.phone!, A.groupA.id);
  wang = await signIn(t.app, uWang.phone!);
  chairB = await signIn(t.app, uChairB.phone!);
  for (const x of ok<{ items: { id: string; name: string }[] }>(await chair.get('/api/v1/care/event-types')).items) types[x.name] = x.id;
  typeB = ok<{ items: { id: string }[] }>(await chairB.get('/api/v1/care/event-types')).items[0].id;
});
afterAll(async () => t.close());

const register = (c: Client, memberId: string, typeName: string, occurredOn = today, details = '') =>
  c.post('/api/v1/care/events', { memberId, typeId: types[typeName], occurredOn, details });
const visit = (c: Client, eventId: string, over: Record<string, unknown> = {}) =>
  c.post(`/api/v1/care/events/${eventId}/visits`, { visitedOn: today, method: 'home', visitors: [{ name: '陈主席' }], ...over });

describe('event types', () => {
  it('starts every union with the 五必访 list and the retirees’ visit, once, whoever asks first', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => chairB.get('/api/v1/care/event-types')));
    for (const res of answers) expect(ok<{ items: unknown[] }>(res).items).toHaveLength(10);
    expect(await countRows(t.database, 'care_event_types', 'org_id = $1', [B.union.id])).toBe(10);
    const list = ok<{ items: { name: string; kind: string; deadlineDays: number | null; capPerEventFen: number | null }[]; canManage: boolean }>(await wang.get('/api/v1/care/event-types'));
    expect(list.items.map((x) => x.name)).toEqual(['生病住院', '结婚', '生育', '本人去世', '直系亲属去世', '退休', '意外或突发事件', '家庭重大困难', '家庭矛盾/情绪波动', '退休教职工走访']);
    expect(list.items.find((x) => x.kind === 'hospital')!.deadlineDays).toBe(3);
    expect(list.items.find((x) => x.kind === 'family_conflict')).toMatchObject({ deadlineDays: 7, capPerEventFen: 0 });
    expect(list.items.find((x) => x.name === '退休教职工走访')).toMatchObject({ kind: 'other', deadlineDays: null });
    expect(list.canManage).toBe(false);
  });
});

describe('registering an event', () => {
  it('lets leaders and committee members of any portfolio register for any member, and tells the group leader and the welfare member', async () => {
    const byChair = ok(await register(chair, ids.zhou, '生病住院', day(-1), '阑尾炎住院'), 201);
    expect(byChair).toMatchObject({ member: { name: '周敏', groupName: '语文组' }, type: { name: '生病住院' }, dueOn: day(2), state: 'due', daysLeft: 2, reportedBy: '陈主席' });
    expect(byChair.can).toEqual({ visit: true, edit: true, override: true });
    expect(await notificationsOf(ids.leaderA)).toBe(1);
    expect(await notificationsOf(ids.welfare)).toBe(1);
    const [n] = await t.database.query<{ title: string; body: string; link: string }>("SELECT title, body, link FROM notifications WHERE user_id = $1 AND kind = 'care_event_registered'", [ids.leaderA]);
    expect(n).toEqual({ title: '新的慰问事由：周敏（生病住院）', body: `陈主席登记，发生于 ${day(-1)}，请于 ${day(2)} 前慰问`, link: `/care/events/${byChair.id}` });
    ok(await register(sport, ids.li, '结婚'), 201);
    // The welfare member registering is not told about their own registration; 数学组 has no leader to tell.
    ok(await register(welfare, ids.li, '生育'), 201);
    expect(await notificationsOf(ids.welfare)).toBe(2);
    const [audit] = await t.database.query<{ action: string; entity_label: string }>('SELECT action, entity_label FROM audit_events ORDER BY id DESC LIMIT 1');
    expect(audit).toEqual({ action: 'care.event.created', entity_label: '李强·生育' });
  });

  it('lets a group leader register for their group’s members only', async () => {
    const own = ok(await register(leaderA, ids.zhou, '退休'), 201);
    expect(own.can).toMatchObject({ visit: true, override: false });
    expect(refused(await register(leaderA, ids.li, '退休'), 403).message).toBe('工会小组长只能为本小组的会员登记慰问事由');
  });

  it('lets a member register their own event and nobody else’s', async () => {
    const own = ok(await register(wang, ids.wang, '生育', day(-2), '顺产'), 201);
    expect(own.can).toEqual({ visit: false, edit: true, override: false });
    expect(refused(await register(wang, ids.zhou, '生育'), 403).message).toBe('您只能为本人登记慰问事由');
    // Members do not see the 待慰问 list of the union, only their own event.
    expect(refused(await wang.get('/api/v1/care/events'), 403).message).toBe('您在当前组织没有查看慰问工作的权限');
    expect(ok(await wang.get(`/api/v1/care/events/${own.id}`)).member.name).toBe('王芳');
  });

  it('refuses bad input with Chinese messages naming the field', async () => {
    const empty = refused(await chair.post('/api/v1/care/events', {}), 400);
    expect(empty.code).toBe('VALIDATION_FAILED');
    expect(empty.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(['memberId', 'typeId', 'occurredOn']));
    expect(empty.fields!.find((f) => f.path === 'memberId')!.message).toContain('会员');
    const badDate = refused(await chair.post('/api/v1/care/events', { memberId: ids.zhou, typeId: types['生病住院'], occurredOn: '2026-02-30' }), 400);
    expect(badDate.fields).toEqual([{ path: 'occurredOn', message: '发生日期：日期不存在，请检查年月日' }]);
    const long = refused(await register(chair, ids.zhou, '生病住院', today, '很'.repeat(CARE_LIMITS.detailsMax + 1)), 400);
    expect(long.fields![0]).toEqual({ path: 'details', message: `情况说明不能超过 ${CARE_LIMITS.detailsMax} 个字` });
    expect(refused(await chair.post('/api/v1/care/events', { memberId: ids.zhou, typeId: typeB, occurredOn: today }), 400).fields).toEqual([
      { path: 'typeId', message: '事由类型不存在或已停用' },
    ]);
    expect(refused(await register(chair, ids.memberB, '生病住院'), 404).message).toBe('会员不存在或无权查看');
  });
});

describe('due and overdue', () => {
  let C: Awaited<ReturnType<typeof buildSchool>>;
  let chairC: Client;
  let leaderC: Client;
  const typeC = {} as Record<string, string>;
  beforeAll(async () => {
    C = await buildSchool(t.database, '期限三中工会', A.district);
    const u = await buildUser(t.database, [{ org: C.union, role: 'chair' }], { name: '三中主席' });
    const l = await buildUser(t.database, [{ org: C.groupB, role: 'group_leader' }], { name: '三中数学组长' });
    chairC = await signIn(t.app, u.phone!);
    leaderC = await signInAt(t.app, l.phone!, C.groupB.id);
    for (const x of ok<{ items: { id: string; name: string }[] }>(await chairC.get('/api/v1/care/event-types')).items) typeC[x.name] = x.id;
    const inA = await buildMember(t.database, C.union, { name: '甲', groupId: C.groupA.id });
    const inB = await buildMember(t.database, C.union, { name: '乙', groupId: C.groupB.id });
    const loose = await buildMember(t.database, C.union, { name: '丙', groupId: null });
    const add = (memberId: string, type: string, occurredOn: string) => chairC.post('/api/v1/care/events', { memberId, typeId: typeC[type], occurredOn });
    ok(await add(inA.id, '生病住院', day(-3)), 201); // due today: 0 days left
    ok(await add(inA.id, '生病住院', day(-4)), 201); // one day overdue
    ok(await add(inB.id, '结婚', day(-10)), 201); // three days overdue
    ok(await add(inB.id, '家庭矛盾/情绪波动', today), 201); // 7 days left
    ok(await add(loose.id, '退休教职工走访', day(-30)), 201); // no deadline: due, never overdue
  });

  it('counts the deadline in calendar days: the deadline day is still 待慰问, the day after is 已逾期', async () => {
    const list = ok<{ items: { member: { name: string }; type: { name: string }; dueOn: string | null; state: string; daysLeft: number | null }[]; total: number }>(
      await chairC.get('/api/v1/care/events'),
    );
    expect(list.total).toBe(5);
    expect(list.items.map((e) => [e.member.name, e.type.name, e.dueOn, e.state, e.daysLeft])).toEqual([
      ['乙', '结婚', day(-3), 'overdue', -3],
      ['甲', '生病住院', day(-1), 'overdue', -1],
      ['甲', '生病住院', today, 'due', 0],
      ['乙', '家庭矛盾/情绪波动', day(7), 'due', 7],
      ['丙', '退休教职工走访', null, 'due', null],
    ]);
    expect(ok<{ total: number }>(await chairC.get('/api/v1/care/events?status=overdue')).total).toBe(2);
    expect(ok<{ total: number }>(await chairC.get('/api/v1/care/events?status=due')).total).toBe(3);
    expect(ok<{ total: number }>(await chairC.get(`/api/v1/care/events?groupId=${C.groupA.id}`)).total).toBe(2);
  });

  it('sums due and overdue per group, for the union and for the dashboard; a group leader sees only their group', async () => {
    const summary = ok(await chairC.get('/api/v1/care/summary'));
    expect(summary).toEqual({
      due: 3,
      overdue: 2,
      groups: [
        { groupId: C.groupB.id, groupName: '数学组', due: 1, overdue: 1 },
        { groupId: C.groupA.id, groupName: '语文组', due: 1, overdue: 1 },
        { groupId: null, groupName: '未分组', due: 1, overdue: 0 },
      ],
    });
    expect(ok(await chairC.get('/api/v1/dashboard')).care).toEqual(summary);
    expect(ok(await leaderC.get('/api/v1/care/summary'))).toEqual({ due: 1, overdue: 1, groups: [{ groupId: C.groupB.id, groupName: '数学组', due: 1, overdue: 1 }] });
    const own = ok<{ items: { member: { name: string } }[]; total: number }>(await leaderC.get(`/api/v1/care/events?groupId=${C.groupA.id}`));
    expect(own.total).toBe(2);
    expect(own.items.every((e) => e.member.name === '乙')).toBe(true);
    expect(ok(await wang.get('/api/v1/dashboard')).care).toBeNull();
  });
});

describe('an event’s page, editing and closing', () => {
  it('suggests the group leader and the welfare member, or the chair for a group without a leader', async () => {
    const zhou = ok(await register(welfare, ids.zhou, '意外或突发事件'), 201);
    expect(zhou.suggestedVisitors).toEqual([
      { userId: ids.leaderA, name: '语文组长', role: '工会小组长' },
      { userId: ids.welfare, name: '福利委员', role: '工会委员（生活福利）' },
    ]);
    const li = ok(await register(welfare, ids.li, '意外或突发事件'), 201);
    expect(li.suggestedVisitors).toEqual([
      { userId: ids.welfare, name: '福利委员', role: '工会委员（生活福利）' },
      { userId: ids.chair, name: '陈主席', role: '工会主席' },
    ]);
    expect(li.rule).toMatchObject({ deadlineDays: 7, forms: ['goods', 'cash'] });
  });

  it('recomputes the deadline when the date or the type changes; a member edits their own event until it is visited', async () => {
    const e = ok(await register(wang, ids.wang, '结婚', day(-1)), 201);
    const moved = ok(await wang.patch(`/api/v1/care/events/${e.id}`, { occurredOn: day(-2), details: '婚假中' }));
    expect(moved).toMatchObject({ occurredOn: day(-2), dueOn: day(5), details: '婚假中' });
    const retyped = ok(await chair.patch(`/api/v1/care/events/${e.id}`, { typeId: types['生病住院'] }));
    expect(retyped).toMatchObject({ type: { name: '生病住院' }, dueOn: day(1) });
    const [audit] = await t.database.query<{ action: string; changes: Record<string, unknown> }>('SELECT action, changes FROM audit_events ORDER BY id DESC LIMIT 1');
    expect(audit).toEqual({ action: 'care.event.updated', changes: { type: { from: '结婚', to: '生病住院' }, dueOn: { from: day(5), to: day(1) } } });
    ok(await visit(welfare, e.id, { goods: '水果' }), 201);
    expect(refused(await wang.patch(`/api/v1/care/events/${e.id}`, { details: '改' }), 403).message).toBe('已慰问的记录不能再修改，如有出入请联系工会');
    expect(refused(await visit(wang, e.id), 403).message).toBe('您没有为该会员登记慰问的权限');
  });

  it('closes an event with a reason; a closed event takes no visit and no edit', async () => {
    const e = ok(await register(chair, ids.zhou, '家庭重大困难'), 201);
    expect(refused(await chair.post(`/api/v1/care/events/${e.id}/close`, { reason: ' ' }), 400).fields).toEqual([{ path: 'reason', message: '请填写理由' }]);
    const closed = ok(await welfare.post(`/api/v1/care/events/${e.id}/close`, { reason: '已由学校慰问' }));
    expect(closed).toMatchObject({ state: 'closed', closedReason: '已由学校慰问', can: { visit: false, edit: false, override: false } });
    expect(refused(await visit(chair, e.id), 409).message).toBe('该慰问事由已关闭，不能再登记慰问');
    expect(refused(await chair.patch(`/api/v1/care/events/${e.id}`, { details: 'x' }), 409).message).toBe('该慰问事由已关闭，不能再修改');
    const listed = ok<{ items: { id: string }[] }>(await chair.get('/api/v1/care/events?status=closed'));
    expect(listed.items.map((x) => x.id)).toContain(e.id);
  });

  it('records visits with visitors, goods and money; the event is 已慰问 and the year’s figures add up', async () => {
    const e = ok(await register(leaderA, ids.zhou, '生病住院', day(-1)), 201);
    const bad = refused(await visit(chair, e.id, { visitors: [], amountFen: -1, method: 'letter' }), 400);
    expect(bad.fields).toEqual(
      expect.arrayContaining([
        { path: 'visitors', message: '请填写慰问人' },
        { path: 'amountFen', message: '慰问金额不能为负数' },
        { path: 'method', message: '请选择慰问方式' },
      ]),
    );
    expect(refused(await visit(chair, e.id, { amountFen: 10.5 }), 400).fields).toEqual([{ path: 'amountFen', message: '慰问金额应精确到分' }]);
    expect(refused(await visit(chair, e.id, { visitedOn: day(1) }), 400).fields).toEqual([{ path: 'visitedOn', message: '慰问日期不能晚于今天' }]);
    expect(refused(await visit(chair, e.id, { visitors: [{ userId: ids.memberB, name: '外人' }] }), 400).fields![0].path).toBe('visitors.0.userId');
    const after = ok(
      await visit(leaderA, e.id, { method: 'hospital', visitors: [{ userId: ids.leaderA, name: '语文组长' }, { name: '福利委员' }], goods: '牛奶', amountFen: 30000, form: 'cash', notes: '祝早日康复' }),
      201,
    );
    expect(after).toMatchObject({ state: 'visited', daysLeft: null, visitCount: 1, amountFen: 30000, yearToDate: { count: 1, amountFen: 30000 } });
    expect(after.visits[0]).toMatchObject({
      method: 'hospital',
      visitors: [{ userId: ids.leaderA, name: '语文组长' }, { userId: null, name: '福利委员' }],
      goods: '牛奶',
      amountFen: 30000,
      form: 'cash',
      fundCategory: '送温暖',
      payee: '周敏',
      override: null,
      recordedBy: '语文组长',
    });
    const again = ok(await visit(chair, e.id, { method: 'phone' }), 201);
    expect(again.visitCount).toBe(2);
    expect(ok<{ items: { id: string }[] }>(await chair.get('/api/v1/care/events?status=visited')).items.map((x) => x.id)).toContain(e.id);
  });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

describe('evidence and photos', () => {
  it('keeps a member’s evidence (image or PDF) and the visitors’ photos (images only), within the limits', async () => {
    const e = ok(await register(wang, ids.wang, '生病住院', day(-1)), 201);
    const evidence = ok(await wang.upload(`/api/v1/care/events/${e.id}/files`, '出院记录.pdf', PDF), 201);
    expect(evidence).toMatchObject({ name: '出院记录.pdf', mime: 'application/pdf', size: PDF.length });
    const file = await chair.get(`/api/v1/care/events/${e.id}/files/${evidence.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    expect(refused(await wang.upload(`/api/v1/care/events/${e.id}/files`, '说明.txt', Buffer.from('hello')), 400).fields).toEqual([
      { path: 'file', message: '“说明.txt”不是图片（JPEG、PNG、WebP）或 PDF 文件' },
    ]);
    const big = Buffer.concat([PNG, Buffer.alloc(CARE_LIMITS.fileMaxBytes)]);
    expect(refused(await wang.upload(`/api/v1/care/events/${e.id}/files`, '大图.png', big), 413).message).toBe('文件不能超过 10 MB');

    const visited = ok(await visit(welfare, e.id, { goods: '鲜花' }), 201);
    const visitId = visited.visits[0].id as string;
    const photo = ok(await welfare.upload(`/api/v1/care/visits/${visitId}/files`, '探望.png', PNG), 201);
    expect(refused(await welfare.upload(`/api/v1/care/visits/${visitId}/files`, '单据.pdf', PDF), 400).fields![0].message).toBe('“单据.pdf”不是 JPEG、PNG 或 WebP 图片');
    expect(refused(await wang.upload(`/api/v1/care/visits/${visitId}/files`, '我拍的.png', PNG), 403).message).toBe('您没有为该会员登记慰问的权限');
    const page = ok(await wang.get(`/api/v1/care/events/${e.id}`));
    expect(page.files.map((f: { name: string }) => f.name)).toEqual(['出院记录.pdf']);
    expect(page.visits[0].files).toEqual([{ id: photo.id, name: '探望.png', mime: 'image/png', size: PNG.length }]);
    const image = await wang.get(`/api/v1/care/visits/${visitId}/files/${photo.id}`);
    expect(image.headers['content-type']).toBe('image/png');
    // A file id under another owner is not found.
    expect(refused(await chair.get(`/api/v1/care/events/${e.id}/files/${photo.id}`), 404).message).toBe('文件不存在或无权查看');
  });
});

describe('the visit register (慰问登记表)', () => {
  it('exports the period’s visits as .xlsx and .docx; a group leader’s holds their group only', async () => {
    const res = await chair.get(`/api/v1/care/visits/register.xlsx?from=${day(-1)}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[0][0]).toBe(`慰问一中工会 慰问登记表（${day(-1)} 至 ${today}）`);
    expect(rows[1]).toEqual(['序号', '慰问日期', '姓名', '工会小组', '慰问事由', '发生日期', '慰问方式', '慰问人', '慰问物品', '金额（元）', '发放形式', '经费科目', '领款人', '备注']);
    const lines = rows.slice(2, -1);
    expect(lines.length).toBe(await countRows(t.database, 'care_visits', 'org_id = $1', [A.union.id]));
    expect(lines.find((r) => r[8] === '牛奶')).toEqual([expect.any(Number), today, '周敏', '语文组', '生病住院', day(-1), '医院', '语文组长、福利委员', '牛奶', 300, '现金', '送温暖', '周敏', '祝早日康复']);
    expect([rows.at(-1)![0], rows.at(-1)![2], rows.at(-1)![9]]).toEqual(['合计', `共 ${lines.length} 人次`, lines.reduce((n, r) => n + Number(r[9]), 0)]);

    const docx = await chair.get('/api/v1/care/visits/register.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('慰问一中工会慰问登记表'));
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('慰问一中工会慰问登记表');
    expect(xml).toContain('领款人签名');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('牛奶；300.00 元（现金）');

    const own = await readXlsx((await leaderA.get('/api/v1/care/visits/register.xlsx')).rawPayload);
    expect(own.rows[0][0]).toContain('慰问一中工会语文组');
    expect(own.rows.slice(2, -1).every((r) => r[3] === '语文组')).toBe(true);
    expect(refused(await chair.get(`/api/v1/care/visits/register.xlsx?from=${today}&to=${day(-1)}`), 400).fields).toEqual([{ path: 'to', message: '结束日期不能早于开始日期' }]);
    expect(await countRows(t.database, 'audit_events', "action = 'care.register.exported'")).toBe(3);
  });
});

describe('isolation between schools', () => {
  it('answers 404 on every route with the other school’s ids, and lists nothing of it', async () => {
    const e = ok(await register(chair, ids.zhou, '生病住院'), 201);
    const v = ok(await visit(chair, e.id, { goods: '水果' }), 201);
    const visitId = v.visits[0].id as string;
    const f = ok(await chair.upload(`/api/v1/care/events/${e.id}/files`, '证明.png', PNG), 201);
    const p = ok(await chair.upload(`/api/v1/care/visits/${visitId}/files`, '照片.png', PNG), 201);
    const attempts: Res[] = [
      await chairB.get(`/api/v1/care/events/${e.id}`),
      await chairB.patch(`/api/v1/care/events/${e.id}`, { details: '改' }),
      await chairB.post(`/api/v1/care/events/${e.id}/close`, { reason: '登记有误' }),
      await visit(chairB, e.id),
      await chairB.upload(`/api/v1/care/events/${e.id}/files`, 'x.png', PNG),
      await chairB.get(`/api/v1/care/events/${e.id}/files/${f.id}`),
      await chairB.upload(`/api/v1/care/visits/${visitId}/files`, 'x.png', PNG),
      await chairB.get(`/api/v1/care/visits/${visitId}/files/${p.id}`),
      await chairB.patch(`/api/v1/care/event-types/${types['生病住院']}`, { name: '改名' }),
      await chairB.post('/api/v1/care/events', { memberId: ids.zhou, typeId: typeB, occurredOn: today }),
    ];
    for (const res of attempts) expect(res.statusCode, res.body).toBe(404);
    expect(ok<{ total: number }>(await chairB.get('/api/v1/care/events?status=all')).total).toBe(0);
    expect(ok(await chairB.get('/api/v1/care/summary'))).toEqual({ due: 0, overdue: 0, groups: [] });
    const bRegister = await readXlsx((await chairB.get('/api/v1/care/visits/register.xlsx')).rawPayload);
    expect(bRegister.rows.slice(2, -1)).toEqual([]);
    // A group leader of school A does not reach another group's event either.
    const li = ok(await register(chair, ids.li, '生病住院'), 201);
    expect(refused(await leaderA.get(`/api/v1/care/events/${li.id}`), 404).message).toBe('慰问记录不存在或无权查看');
    expect(refused(await wang.get(`/api/v1/care/events/${li.id}`), 404).message).toBe('慰问记录不存在或无权查看');
  });
});

describe('what could slip past the caps or tell too much', () => {
  it('refuses a visit dated before its event, and a new type or date once an event has a visit', async () => {
    const e = ok(await register(chair, ids.zhou, '生病住院', day(-2)), 201);
    const early = refused(await visit(chair, e.id, { visitedOn: day(-3), amountFen: 10_000 }), 400);
    expect(early.fields).toEqual([{ path: 'visitedOn', message: `慰问日期不能早于事由发生日期（${day(-2)}）` }]);
    ok(await visit(chair, e.id, { visitedOn: day(-2), amountFen: 10_000 }), 201);
    for (const patch of [{ typeId: types['生育'] }, { occurredOn: day(-40) }]) {
      const res = refused(await chair.patch(`/api/v1/care/events/${e.id}`, patch), 409);
      expect(res.message).toBe('已有慰问记录，不能修改事由类型或发生日期；如登记有误，请关闭后重新登记');
    }
    // The details may still be corrected.
    expect(ok(await chair.patch(`/api/v1/care/events/${e.id}`, { details: '已出院' })).details).toBe('已出院');
  });

  it('keeps what the details say (an illness) out of the audit log, and dates an event within reason', async () => {
    const e = ok(await register(chair, ids.zhou, '生病住院', today, '乳腺手术住院'), 201);
    ok(await chair.patch(`/api/v1/care/events/${e.id}`, { details: '术后恢复中' }));
    const rows = await t.database.query<{ changes: string }>("SELECT changes::text AS changes FROM audit_events WHERE entity_id = $1", [e.id]);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.changes).not.toContain('乳腺');
      expect(r.changes).not.toContain('术后');
    }
    expect(refused(await register(chair, ids.zhou, '退休', '1999-12-31'), 400).fields).toEqual([{ path: 'occurredOn', message: '发生日期不能早于 2000 年' }]);
    expect(refused(await register(chair, ids.zhou, '退休', day(400)), 400).fields).toEqual([{ path: 'occurredOn', message: '发生日期不能晚于一年以后' }]);
  });

  it('records a visitor named by account under the account’s name, and takes no photo for a closed event', async () => {
    const e = ok(await register(chair, ids.zhou, '生病住院'), 201);
    const v = ok(await visit(chair, e.id, { visitors: [{ userId: ids.welfare, name: '随便写的名字' }] }), 201);
    expect(v.visits[0].visitors).toEqual([{ userId: ids.welfare, name: '福利委员' }]);
    ok(await chair.post(`/api/v1/care/events/${e.id}/close`, { reason: '登记有误' }));
    expect(refused(await chair.upload(`/api/v1/care/visits/${v.visits[0].id}/files`, '照片.png', PNG), 409).code).toBe('CONFLICT');
    expect(refused(await chair.upload(`/api/v1/care/events/${e.id}/files`, '证明.png', PNG), 409).code).toBe('CONFLICT');
  });
});
