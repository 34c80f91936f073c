import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, createTestApp } from '../support/test-app.js';
import { countRows, type Client, type Res } from '../support/api.js';
import {
  buildHardshipStage,
  COSTS,
  errorOf,
  fieldOf,
  INCOME,
  ok,
  OUTSIDERS,
  PER_CAPITA,
  PNG,
  setLine,
  YEAR,
  type HardshipStage,
  type Who,
} from '../support/hardship-stage.js';

/*
 * Who reaches hardship files and assistance (DOMAIN.md §2, PIPL): every route × every role. The chair and the
 * 生活福利 committee member read and write, the chair approves, the member reads their own file at /hardship/my;
 * everyone else gets 403 for a list, 404 for a file id, and never a figure. Schools are isolated from each other.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let B: HardshipStage['B'];
let c: Record<Who, Client>;
let selfMemberId: string;
let otherMemberId: string;
let thirdMemberId: string;
let fileInput: HardshipStage['fileInput'];
let mainFileId: string;
let evidenceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ B, c, selfMemberId, otherMemberId, thirdMemberId, fileInput } = await buildHardshipStage(t));
  // 李秀英's approved file with a certificate and one assistance; 王建国's file that did not qualify, closed.
  mainFileId = ok(await c.welfare.post('/api/v1/hardship/files', fileInput()), 201).id;
  ok(await c.welfare.post(`/api/v1/hardship/files/${mainFileId}/submit`));
  ok(await c.chair.post(`/api/v1/hardship/files/${mainFileId}/approve`));
  evidenceId = ok(await c.welfare.upload(`/api/v1/hardship/files/${mainFileId}/files`, '低保证.png', PNG), 201).id;
  ok(await c.welfare.post('/api/v1/hardship/assistance', { memberId: selfMemberId, hardshipFileId: mainFileId, kind: 'living', campaign: '冬送温暖', amountFen: 50_000, givenOn: `${YEAR}-01-15` }), 201);
  const other = ok(await c.chair.post('/api/v1/hardship/files', fileInput({ memberId: otherMemberId, annualIncomeFen: 30_000_000, unavoidableCostsFen: 0, household: [], reasons: '子女就业' })), 201);
  ok(await c.chair.post(`/api/v1/hardship/files/${other.id}/close`, { reason: '经核实收入超出标准' }));
});
afterAll(async () => t.close());

/** School B's keepers: they read their own school's lists, never school A's. */
const isOtherKeeper = (who: Who) => who === 'chairB' || who === 'welfareB';

describe('privacy: every hardship route × every role', () => {
  /** What must never reach anyone but the keepers: the figures, the per-capita income, the household, the reasons. */
  const SECRETS = [String(INCOME), String(COSTS), String(PER_CAPITA), '李小明', '配偶长期患病', '冬送温暖', '低保证'];

  type Route = { name: string; call: (cl: Client) => Promise<Res> };
  /**
   * Lists and creations: a 403 for anyone but the keepers. Another school's keepers read their own (empty) lists
   * and cannot name school A's member (400 on memberId).
   */
  const lists: (Route & { otherKeeper: number })[] = [
    { name: 'GET /hardship/files', otherKeeper: 200, call: (cl) => cl.get('/api/v1/hardship/files') },
    { name: 'GET /hardship/files?reviewDue', otherKeeper: 200, call: (cl) => cl.get('/api/v1/hardship/files?reviewDue=true') },
    { name: 'POST /hardship/files', otherKeeper: 400, call: (cl) => cl.post('/api/v1/hardship/files', fileInput({ year: 2031 })) },
    { name: 'GET /hardship/assistance', otherKeeper: 200, call: (cl) => cl.get(`/api/v1/hardship/assistance?year=${YEAR}`) },
    {
      name: 'POST /hardship/assistance',
      otherKeeper: 400,
      call: (cl) => cl.post('/api/v1/hardship/assistance', { memberId: selfMemberId, kind: 'living', amountFen: 100, givenOn: `${YEAR}-05-01` }),
    },
  ];
  /** Anything naming a file: a 404, as for a file that does not exist. */
  const byId: Route[] = [
    { name: 'GET /hardship/files/:id', call: (cl) => cl.get(`/api/v1/hardship/files/${mainFileId}`) },
    { name: 'PATCH /hardship/files/:id', call: (cl) => cl.patch(`/api/v1/hardship/files/${mainFileId}`, { reasons: '改写' }) },
    { name: 'POST …/submit', call: (cl) => cl.post(`/api/v1/hardship/files/${mainFileId}/submit`) },
    { name: 'POST …/approve', call: (cl) => cl.post(`/api/v1/hardship/files/${mainFileId}/approve`) },
    { name: 'POST …/reassess', call: (cl) => cl.post(`/api/v1/hardship/files/${mainFileId}/reassess`, { year: 2035 }) },
    { name: 'POST …/close', call: (cl) => cl.post(`/api/v1/hardship/files/${mainFileId}/close`, { reason: '销档' }) },
    { name: 'POST …/files', call: (cl) => cl.upload(`/api/v1/hardship/files/${mainFileId}/files`, 'x.png', PNG) },
    { name: 'GET …/files/:fileId', call: (cl) => cl.get(`/api/v1/hardship/files/${mainFileId}/files/${evidenceId}`) },
    { name: 'DELETE …/files/:fileId', call: (cl) => cl.delete(`/api/v1/hardship/files/${mainFileId}/files/${evidenceId}`) },
  ];

  const state = async () => ({
    files: await countRows(t.database, 'hardship_files'),
    assistance: await countRows(t.database, 'assistance_records'),
    evidence: await countRows(t.database, 'care_files'),
    main: (await t.database.query('SELECT status, reasons, reassessed FROM (SELECT status, reasons, (SELECT count(*)::int FROM hardship_files n WHERE n.member_id = f.member_id) AS reassessed FROM hardship_files f WHERE id = $1) s', [mainFileId]))[0],
  });

  it.each(OUTSIDERS)('%s: 403 for every list, 404 for every file id, no figure in any answer, nothing changed', async (who) => {
    const before = await state();
    for (const r of lists) {
      const res = await r.call(c[who]);
      expect(res.statusCode, `${who} ${r.name}: ${res.body}`).toBe(isOtherKeeper(who) ? r.otherKeeper : 403);
      if (res.statusCode === 403) expect(res.json().error.message).toBe('困难职工档案仅工会主席和生活福利委员可以查看和办理');
      if (res.statusCode === 200) expect(res.json().items, `${who} ${r.name}`).toEqual([]);
      for (const s of [...SECRETS, '李秀英']) expect(res.body, `${who} ${r.name}`).not.toContain(s);
    }
    for (const r of byId) {
      const res = await r.call(c[who]);
      expect(res.statusCode, `${who} ${r.name}: ${res.body}`).toBe(404);
      expect(res.json().error.message, `${who} ${r.name}`).toMatch(/^(困难档案|材料)不存在或无权查看$/);
      for (const s of [...SECRETS, '李秀英']) expect(res.body, `${who} ${r.name}`).not.toContain(s);
    }
    const my = await c[who].get('/api/v1/hardship/my');
    expect(my.statusCode).toBe(200);
    const ownIds = my.json().items.map((x: { member: { id: string } }) => x.member.id);
    expect(ownIds.every((id: string) => (who === 'self' ? id === selfMemberId : who === 'otherMember' ? id === otherMemberId : false))).toBe(true);
    if (who !== 'self') for (const s of SECRETS) expect(my.body, `${who} /my`).not.toContain(s);
    expect(await state()).toEqual(before);
  });

  it.each(['chair', 'welfare'] as Who[])('%s (a keeper) reads every list, file, evidence and assistance record', async (who) => {
    const list = ok(await c[who].get('/api/v1/hardship/files'));
    expect(list.items.map((x: { id: string }) => x.id)).toContain(mainFileId);
    expect(list).toMatchObject({ canManage: true, canApprove: who === 'chair' });
    const file = ok(await c[who].get(`/api/v1/hardship/files/${mainFileId}`));
    expect(file).toMatchObject({ annualIncomeFen: INCOME, unavoidableCostsFen: COSTS, reasons: '配偶长期患病', approvedBy: '一小主席' });
    expect((await c[who].get(`/api/v1/hardship/files/${mainFileId}/files/${evidenceId}`)).statusCode).toBe(200);
    expect(ok(await c[who].get(`/api/v1/hardship/assistance?year=${YEAR}`)).totals.amountFen).toBe(50_000);
  });

  it('the 生活福利 member manages files but only the chair approves', async () => {
    const f = ok(await c.welfare.post('/api/v1/hardship/files', fileInput({ memberId: thirdMemberId, year: 2029, annualIncomeFen: 0, unavoidableCostsFen: 0 })), 201);
    ok(await c.welfare.post(`/api/v1/hardship/files/${f.id}/submit`));
    expect(errorOf(await c.welfare.post(`/api/v1/hardship/files/${f.id}/approve`), 403)).toBe('只有工会主席可以审批困难档案');
    expect(ok(await c.welfare.get(`/api/v1/hardship/files/${f.id}`)).can).toMatchObject({ approve: false, edit: true, close: true });
    expect(ok(await c.chair.get(`/api/v1/hardship/files/${f.id}`)).can).toMatchObject({ approve: true });
    ok(await c.welfare.post(`/api/v1/hardship/files/${f.id}/close`, { reason: '测试完毕' }));
  });

  it('answers 401 to a request without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/hardship/files' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/hardship/files/${mainFileId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/hardship/my' })).statusCode).toBe(401);
  });
});
describe('isolation between schools', () => {
  it('keeps each union’s files, members and assistance to itself', async () => {
    await setLine(t, B.union.id, YEAR, 70_000);
    const memberB = await buildMember(t.database, B.union, { name: '二小困难职工' });
    const fb = ok(await c.welfareB.post('/api/v1/hardship/files', fileInput({ memberId: memberB.id, household: [] })), 201);
    // School B computes against its own line: 617.28 元 a head is below its 700.00 元.
    expect(fb).toMatchObject({ povertyLineFen: 70_000, level: 'deep' });
    expect(ok(await c.chairB.get('/api/v1/hardship/files')).items.map((x: { id: string }) => x.id)).toEqual([fb.id]);
    expect(ok(await c.chair.get('/api/v1/hardship/files')).items.map((x: { id: string }) => x.id)).not.toContain(fb.id);
    expect(errorOf(await c.chair.get(`/api/v1/hardship/files/${fb.id}`), 404)).toBe('困难档案不存在或无权查看');
    expect(errorOf(await c.chair.post(`/api/v1/hardship/files/${fb.id}/close`, { reason: '越权' }), 404)).toBe('困难档案不存在或无权查看');
    expect(fieldOf(await c.chairB.post('/api/v1/hardship/files', fileInput({ year: 2032 })))).toEqual({ path: 'memberId', message: '所选会员不在本工会名册中' });
    expect(fieldOf(await c.chairB.post('/api/v1/hardship/assistance', { memberId: memberB.id, hardshipFileId: mainFileId, kind: 'living', amountFen: 1, givenOn: `${YEAR}-06-01` }))).toMatchObject({ path: 'hardshipFileId' });
    expect(ok(await c.chairB.get(`/api/v1/hardship/assistance?year=${YEAR}`)).totals).toMatchObject({ count: 0, amountFen: 0 });
    expect(ok(await c.chair.get('/api/v1/hardship/files')).reviewDue).toBe(0);
  });
});

describe('privacy: women’s health checks (两癌筛查) × every role', () => {
  const NOTE = '乳腺结节，半年后复查';
  const HEALTH_KEEPERS: Who[] = ['chair', 'women'];
  const EVERYONE: Who[] = ['chair', 'welfare', 'women', ...OUTSIDERS.filter((w) => w !== 'women')];

  beforeAll(async () => {
    ok(await c.women.put(`/api/v1/care/health-checks/${selfMemberId}`, { year: YEAR, checkedOn: `${YEAR}-03-08`, note: NOTE }));
  });

  it.each(EVERYONE)('%s: only the chair and the 女工 member read or record a check', async (who) => {
    const list = await c[who].get(`/api/v1/care/health-checks?year=${YEAR}`);
    const put = await c[who].put(`/api/v1/care/health-checks/${thirdMemberId}`, { year: YEAR, checkedOn: null, note: '未参加' });
    if (HEALTH_KEEPERS.includes(who)) {
      const mine = ok(list).items.find((x: { memberId: string }) => x.memberId === selfMemberId);
      expect(mine).toMatchObject({ checkedOn: `${YEAR}-03-08`, note: NOTE });
      expect(ok(put)).toMatchObject({ memberId: thirdMemberId, recorded: true });
      return;
    }
    if (who === 'chairB') {
      // Another school's chair keeps their own school's checks: A's women are not on the list and cannot be named.
      expect(ok(list).items.map((x: { memberId: string }) => x.memberId)).not.toContain(selfMemberId);
      expect(put.statusCode, put.body).toBe(404);
    } else {
      expect(list.statusCode, `${who}: ${list.body}`).toBe(403);
      expect(put.statusCode, `${who}: ${put.body}`).toBe(403);
    }
    for (const res of [list, put]) for (const s of [NOTE, `${YEAR}-03-08`, '李秀英']) expect(res.body, who).not.toContain(s);
  });

  it('records in the audit trail which fields changed, never the health data', async () => {
    const rows = await t.database.query<{ changes: unknown; entity_label: string }>("SELECT changes, entity_label FROM audit_events WHERE action = 'health.check.recorded'");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.stringify(r)).not.toContain(NOTE);
  });
});
