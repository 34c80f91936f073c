import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIMENSION_GRADES, DEFAULT_EVALUATION_DIMENSIONS, DEFAULT_OVERALL_GRADES } from '../../src/contracts/evaluations.js';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import { closeDueEvaluations } from '../../src/server/jobs/evaluation-close.job.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, readXlsx, signIn, type Client } from '../support/api.js';
import { ballot, crowd, inMinutes, ok, refused, setup, type Voter } from '../support/evaluation-stage.js';

/*
 * Democratic evaluations through the API, in a school of 16 voters (8 教师, 5 职员, 3 工勤) with a retired member and
 * one with a reserved membership: the setup's checks in Chinese, drafts kept to the managers, the roll fixed at
 * publishing, every refusal a voter can meet, one ballot each, no figure before closing and exact ones after, the
 * group breakdown only where enough people voted, the report and the sheet, closing by the first read after the
 * window and by the job, another school's ids answering 404 and the managers' routes refused to members.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let chair: Client;
let chairB: Client;
let voters: Voter[];
let retired: Voter;
let memberB: Voter;

const url = (path = '') => `/api/v1/evaluations${path}`;
const create = async (over: Record<string, unknown> = {}) => ok(await chair.post(url(), setup(over)), 201);
const publish = async (id: string) => ok(await chair.post(url(`/${id}/publish`)));
const moveWindow = (id: string, opens: string, closes: string) =>
  t.database.query(`UPDATE evaluations SET opens_at = now() + $2::interval, closes_at = now() + $3::interval WHERE id = $1`, [id, opens, closes]);

beforeAll(async () => {
  t = await createTestApp();
  const A = await buildSchool(t.database, '测评一中工会');
  const B = await buildSchool(t.database, '测评二中工会', A.district);
  chair = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '测评主席' })).phone!);
  chairB = await signIn(t.app, (await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '二中主席' })).phone!);
  voters = await crowd(t.database, t.app, A.union, 16, { prefix: '教工', phonePrefix: '1361', postType: (i) => (i < 8 ? 'teacher' : i < 13 ? 'staff' : 'worker') });
  [retired] = await crowd(t.database, t.app, A.union, 1, { prefix: '退休', phonePrefix: '1362', employmentStatus: 'retired' });
  await crowd(t.database, t.app, A.union, 1, { prefix: '保留', phonePrefix: '1363', membershipStatus: 'reserved' });
  [memberB] = await crowd(t.database, t.app, B.union, 1, { prefix: '二中', phonePrefix: '1364' });
});
afterAll(async () => {
  await t.close();
});

describe('setting up', () => {
  it('refuses a setup with Chinese messages naming the field', async () => {
    const empty = refused(await chair.post(url(), {}), 400);
    expect(empty.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(['title', 'targets', 'voters', 'opensAt', 'closesAt']));
    // Every message names its field in Chinese, never by its key.
    expect(empty.fields!.find((f) => f.path === 'opensAt')!.message).toBe('开始时间：时间格式应为 2026-12-01T14:00:00+08:00');
    expect(empty.fields!.find((f) => f.path === 'voters')!.message).toBe('请选择参评人员范围');
    for (const f of empty.fields!) expect(f.message).toMatch(/^[\u4e00-\u9fa5]/);
    expect(refused(await chair.post(url(), setup({ targets: [{ name: '', post: '校长' }] })), 400).fields).toEqual([{ path: 'targets.0.name', message: '请填写测评对象姓名' }]);
    const blank = refused(await chair.post(url(), setup({ title: '  ', targets: [] })), 400);
    expect(blank.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'title', message: expect.stringContaining('请填写测评名称') }), expect.objectContaining({ path: 'targets', message: expect.stringContaining('请至少添加 1 名测评对象') })]));
    const twice = refused(await chair.post(url(), setup({ targets: [{ name: '张建国', post: '校长' }, { name: '王强', post: '副校长' }, { name: '张建国', post: '校长' }] })), 400);
    expect(twice.fields).toEqual([{ path: 'targets.2', message: '测评对象重复：张建国（校长）已在名单中' }]);
    expect(refused(await chair.post(url(), setup({ grades: ['好', '好'] })), 400).fields![0]).toMatchObject({ path: 'grades', message: expect.stringContaining('评价等次不能重复') });
    expect(refused(await chair.post(url(), setup({ minGroupSize: 2 })), 400).fields![0].message).toContain('最少分组人数不能少于 3');
    expect(refused(await chair.post(url(), setup({ opensAt: inMinutes(60), closesAt: inMinutes(30) })), 400).fields).toEqual([{ path: 'closesAt', message: '结束时间应晚于开始时间' }]);
    expect(refused(await chair.post(url(), setup({ opensAt: inMinutes(-60), closesAt: inMinutes(-30) })), 400).fields).toEqual([{ path: 'closesAt', message: '结束时间应晚于当前时间' }]);
    expect(refused(await chair.post(url(), setup({ voters: { kind: 'term', termId: crypto.randomUUID() } })), 400).fields).toEqual([{ path: 'voters.termId', message: '所选教代会届次不存在' }]);
    const list = refused(await chair.post(url(), setup({ voters: { kind: 'list', memberIds: [voters[0].memberId, retired.memberId, memberB.memberId] } })), 400);
    expect(list.fields).toEqual([{ path: 'voters.memberIds', message: '参评人员有误：退休001 不是在职且会籍正常的会员，不能参评；1 人不是本会会员' }]);
    expect(refused(await voters[0].c.post(url(), setup()), 403).message).toBe('您在当前组织没有管理民主测评的权限');
    expect(await countRows(t.database, 'evaluations')).toBe(0);
  });

  it('keeps a draft to the managers, with the default scales and server-given keys that survive an edit', async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      status: 'draft',
      phase: 'draft',
      dimensions: [...DEFAULT_EVALUATION_DIMENSIONS],
      grades: [...DEFAULT_DIMENSION_GRADES],
      overallGrades: [...DEFAULT_OVERALL_GRADES],
      allowComments: true,
      minGroupSize: 5,
      eligible: null,
      cast: null,
      targetCount: 2,
      votersLabel: '全体在职会员（16 人）',
      voterList: null,
      can: { manage: true, vote: false, seeResults: false },
      voteRefusal: '测评尚未发布',
    });
    expect(draft.targets).toEqual([
      { key: 't1', name: '张建国', post: '党支部书记、校长' },
      { key: 't2', name: '李淑芬', post: '工会主席' },
    ]);
    expect(refused(await voters[0].c.get(url(`/${draft.id}`)), 404).message).toBe('民主测评不存在或无权查看');
    expect(ok(await voters[0].c.get(url()))).toEqual([]);
    expect(ok(await chair.get(url())).map((e: { id: string }) => e.id)).toEqual([draft.id]);

    const edited = ok(await chair.patch(url(`/${draft.id}`), setup({ targets: [{ name: '李淑芬', post: '工会主席' }, { name: '王强', post: '副校长' }, { name: '张建国', post: '党支部书记、校长' }] })));
    expect(edited.targets.map((x: { key: string; name: string }) => `${x.key}:${x.name}`)).toEqual(['t2:李淑芬', 't3:王强', 't1:张建国']);
    expect((await chair.delete(url(`/${draft.id}`))).statusCode).toBe(204);
    expect(refused(await chair.get(url(`/${draft.id}`)), 404).code).toBe('NOT_FOUND');
    expect(refused(await chair.get(url('/not-an-id')), 400).fields).toEqual([{ path: 'id', message: '测评编号无效' }]);
  });
});

let main: Record<string, any>;

describe('publishing and voting', () => {
  it('fixes the roll at publishing (in employment, normal membership), with the groups, and tells each voter', async () => {
    const draft = await create({ opensAt: inMinutes(60), closesAt: inMinutes(24 * 60), minGroupSize: 3 });
    main = await publish(draft.id);
    expect(main).toMatchObject({ status: 'published', phase: 'scheduled', eligible: 16, cast: 0, votersLabel: '全体在职会员（16 人）' });
    expect(await countRows(t.database, 'notifications', "kind = 'evaluation_published'")).toBe(16);
    const groups = await t.database.query<{ g: string; n: number }>('SELECT voter_group AS g, count(*)::int AS n FROM evaluation_voters WHERE evaluation_id = $1 GROUP BY 1 ORDER BY 1', [main.id]);
    expect(groups).toEqual([{ g: 'staff', n: 5 }, { g: 'teacher', n: 8 }, { g: 'worker', n: 3 }]);
    expect(refused(await chair.post(url(`/${main.id}/publish`)), 409).message).toBe('测评已发布');
    expect(refused(await chair.patch(url(`/${main.id}`), setup()), 409).message).toBe('测评已发布，不能再修改或删除');
    expect(refused(await chair.delete(url(`/${main.id}`)), 409).message).toBe('测评已发布，不能再修改或删除');

    expect(ok(await voters[3].c.get(url()))).toEqual([expect.objectContaining({ id: main.id, phase: 'scheduled', me: { isEligible: true, hasVoted: false } })]);
    expect(ok(await retired.c.get(url()))).toEqual([]);
    expect(ok(await voters[3].c.get(url(`/${main.id}`)))).toMatchObject({ can: { manage: false, vote: false, seeResults: false }, voteRefusal: '测评尚未开始' });
    expect(refused(await voters[3].c.post(url(`/${main.id}/ballots`), ballot(main, 0)), 409).message).toBe('测评尚未开始');
  });

  it('refuses ballots from outside the roll, incomplete ones and a second one; shows nothing before closing', async () => {
    await moveWindow(main.id, '-1 minute', '1 day');
    expect(ok(await voters[0].c.get(url(`/${main.id}`)))).toMatchObject({ phase: 'open', can: { vote: true }, voteRefusal: null });
    expect(ok(await retired.c.get(url(`/${main.id}`))).voteRefusal).toBe('您不在本次测评的参评人员范围内');
    expect(refused(await retired.c.post(url(`/${main.id}/ballots`), ballot(main, 0)), 403).message).toBe('您不在本次测评的参评人员范围内');
    expect(refused(await memberB.c.post(url(`/${main.id}/ballots`), ballot(main, 0)), 404).code).toBe('NOT_FOUND');
    const half = ballot(main, 0);
    half.ratings = half.ratings.slice(0, 1);
    expect(refused(await voters[0].c.post(url(`/${main.id}/ballots`), half), 400).message).toContain('李淑芬');
    const outOfScale = ballot(main, 4);
    expect(refused(await voters[0].c.post(url(`/${main.id}/ballots`), outOfScale), 400).fields![0]).toEqual({ path: 'ratings.0.grades.0', message: '张建国 的「政治思想」等次无效' });
    const badGrade = ballot(main, 0);
    badGrade.ratings[1].grades[0] = 9;
    badGrade.ratings[1].overall = -1;
    expect(refused(await voters[0].c.post(url(`/${main.id}/ballots`), badGrade), 400).fields).toEqual([
      { path: 'ratings.1.grades.0', message: '评价等次无效' },
      { path: 'ratings.1.overall', message: '总体评价等次无效' },
    ]);
    expect(refused(await voters[0].c.post(url(`/${main.id}/ballots`), { ratings: [{ targetKey: '', grades: [], overall: 0 }] }), 400).fields![0]).toEqual({ path: 'ratings.0.targetKey', message: '请选择测评对象' });
    expect(await countRows(t.database, 'evaluation_ballots')).toBe(0);

    expect(ok(await voters[0].c.post(url(`/${main.id}/ballots`), ballot(main, 0, 0, ['张校长要多听老师意见0'])), 201).message).toContain('匿名');
    expect(refused(await voters[0].c.post(url(`/${main.id}/ballots`), ballot(main, 3)), 409).message).toBe('您已参加过本次测评，每人只能提交一次');
    expect(refused(await chair.post(url(`/${main.id}/ballots`), ballot(main, 0)), 403).message).toBe('您的账号未关联会员档案，请联系工会');
    expect(ok(await voters[0].c.get(url(`/${main.id}`)))).toMatchObject({ cast: 1, me: { isEligible: true, hasVoted: true }, voteRefusal: '您已参加过本次测评，每人只能提交一次' });
    const audits = await t.database.query<{ changes: unknown; chain: string }>("SELECT changes, chain_key AS chain FROM audit_events WHERE action = 'evaluation.voted'");
    expect(audits).toEqual([{ changes: {}, chain: `member:${voters[0].memberId}` }]);
    expect(refused(await chair.get(url(`/${main.id}/results`)), 409).message).toBe('测评尚未结束，结果在测评结束后才能查看');
    expect(refused(await chair.get(url(`/${main.id}/report.docx`)), 409).code).toBe('CONFLICT');
    expect(refused(await chair.get(url(`/${main.id}/results.xlsx`)), 409).code).toBe('CONFLICT');
  });

  it('counts once closed: participation, each grade per dimension and overall, comments, and groups only as large as the minimum', async () => {
    // 教师 0–5 rate 好/优秀 and comment on the first target; 职员 8–11 较好/称职; 工勤 13–14 一般/不称职.
    const plan = [0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 13, 14].filter((i) => i !== 0);
    const gradeOf = (i: number) => (i < 8 ? 0 : i < 13 ? 1 : 2);
    const overallOf = (i: number) => (i < 8 ? 0 : i < 13 ? 1 : 3);
    for (const i of plan) ok(await voters[i].c.post(url(`/${main.id}/ballots`), ballot(main, gradeOf(i), overallOf(i), i < 8 ? [`张校长要多听老师意见${i}`] : [])), 201);
    expect(refused(await voters[2].c.post(url(`/${main.id}/close`)), 403).code).toBe('FORBIDDEN');
    const closed = ok(await chair.post(url(`/${main.id}/close`)));
    expect(closed).toMatchObject({ status: 'closed', phase: 'closed', cast: 12, eligible: 16, can: { seeResults: true }, voteRefusal: '测评已结束' });

    const r = ok(await chair.get(url(`/${main.id}/results`)));
    expect(r).toMatchObject({ allowComments: true, eligible: 16, cast: 12, participationPermille: 750, participationText: '应参评 16 人，实际参评 12 人，参评率 75.0%', minGroupSize: 3 });
    const [first, second] = r.targets;
    expect(first).toMatchObject({ key: 't1', name: '张建国', post: '党支部书记、校长' });
    for (const d of first.dimensions) expect(d).toEqual({ counts: [6, 4, 2, 0], permille: [500, 333, 167, 0] });
    expect(first.overall).toEqual({ counts: [6, 4, 0, 2], permille: [500, 333, 0, 167] });
    expect([...first.comments].sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `张校长要多听老师意见${i}`).sort());
    expect(second.comments).toEqual([]);
    // 工勤 cast 2 (< 3): hidden; then 职员 too, or 职员 = 合计 − 教师 − the 2 would give the 工勤 figures away.
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ group: 'teacher', label: '教师', cast: 6 });
    expect(r.groups[0].targets[0].overall).toEqual({ counts: [6, 0, 0, 0], permille: [1000, 0, 0, 0] });
    expect(r.hiddenGroupsNote).toBe('工勤 参评人数不足 3 人，不单独列出；为免从合计中推算，职员 也不单独列出');
    // The ballots no longer carry the groups left out.
    const left = await t.database.query<{ g: string | null; n: number }>('SELECT voter_group AS g, count(*)::int AS n FROM evaluation_ballots WHERE evaluation_id = $1 GROUP BY 1 ORDER BY 1', [main.id]);
    expect(left).toEqual([{ g: 'teacher', n: 6 }, { g: null, n: 6 }]);

    expect(refused(await chair.post(url(`/${main.id}/close`)), 409).message).toBe('测评已结束');
    expect(refused(await voters[15].c.post(url(`/${main.id}/ballots`), ballot(main, 0)), 409).message).toBe('测评已结束');
    expect(refused(await voters[1].c.get(url(`/${main.id}/results`)), 403).code).toBe('FORBIDDEN');
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);
  });

  it('writes the report (.docx) and the sheet (.xlsx) with the same figures', async () => {
    const res = await chair.get(url(`/${main.id}/report.docx`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['2025年度校级领导班子成员民主测评', '民主测评结果报告', '应参评 16 人，实际参评 12 人，参评率 75.0%', '张建国（党支部书记、校长）', '6 票（50.0%）', '张校长要多听老师意见3', '教师（参评 6 人）', '测评一中工会']) {
      expect(text).toContain(s);
    }
    const sheet = await chair.get(url(`/${main.id}/results.xlsx`));
    expect(sheet.statusCode, sheet.body).toBe(200);
    const { sheetNames, rows } = await readXlsx(sheet.rawPayload);
    expect(sheetNames).toEqual(['测评结果', '意见建议']);
    expect(String(rows[0][0])).toContain('应参评 16 人，实际参评 12 人，参评率 75.0%');
    expect(rows[1]).toEqual(['统计范围', '测评对象', '职务', '测评项目', '等次', '票数', '占比']);
    expect(rows[2]).toEqual(['全体', '张建国', '党支部书记、校长', '政治思想', '好', 6, 0.5]);
    expect(rows.filter((row) => row[0] === '教师（6 人）' && row[3] === '总体评价' && row[4] === '优秀')).toHaveLength(2);
    expect(await countRows(t.database, 'audit_events', "action = 'evaluation.resultsExported'")).toBe(2);
  });

  it('shows no figure at all when fewer voted than the minimum', async () => {
    // The managers see who is on a list by name (by pinyin); the voters see only its kind and size.
    const draft = await create({ voters: { kind: 'list', memberIds: voters.slice(0, 6).reverse().map((v) => v.memberId) } });
    expect(draft.voterList).toEqual(voters.slice(0, 6).map((v) => ({ id: v.memberId, name: v.name })));
    const few = await publish(draft.id);
    expect(few).toMatchObject({ eligible: 6, votersLabel: '指定人员（6 人）', voterList: expect.any(Array) });
    expect(ok(await voters[0].c.get(url(`/${few.id}`)))).toMatchObject({ voters: { kind: 'list', memberIds: [] }, voterList: null, votersLabel: '指定人员（6 人）' });
    for (const v of voters.slice(0, 4)) ok(await v.c.post(url(`/${few.id}/ballots`), ballot(few, 1)), 201);
    expect(refused(await voters[7].c.post(url(`/${few.id}/ballots`), ballot(few, 1)), 403).message).toBe('您不在本次测评的参评人员范围内');
    ok(await chair.post(url(`/${few.id}/close`)));
    expect(ok(await chair.get(url(`/${few.id}/results`)))).toMatchObject({ cast: 4, targets: null, groups: [], participationText: '应参评 6 人，实际参评 4 人，参评率 66.7%' });
    const xml = await (await JSZip.loadAsync((await chair.get(url(`/${few.id}/report.docx`))).rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('不公布各项评价结果');
  });

  it('is closed by the first read after its window, by a late ballot, and by the job — once', async () => {
    const lazy = await publish((await create({ voters: { kind: 'list', memberIds: voters.slice(0, 3).map((v) => v.memberId) } })).id);
    ok(await voters[0].c.post(url(`/${lazy.id}/ballots`), ballot(lazy, 0)), 201);
    await moveWindow(lazy.id, '-2 hours', '-1 hour');
    expect(ok(await voters[1].c.get(url())).find((e: { id: string }) => e.id === lazy.id)).toMatchObject({ status: 'closed', phase: 'closed', cast: 1 });
    const [{ closes }] = await t.database.query<{ closes: string }>('SELECT closes_at::text AS closes FROM evaluations WHERE id = $1', [lazy.id]);
    // Voting ended at closesAt, whenever the close happened (the answer gives the time to the second).
    expect(ok(await chair.get(url(`/${lazy.id}/results`))).closedAt).toBe(toShanghaiIso(new Date(closes)));

    // A ballot after the window (with the definition already known to the process, as in a burst) closes it too.
    const late = await publish((await create()).id);
    ok(await voters[4].c.post(url(`/${late.id}/ballots`), ballot(late, 1)), 201);
    await moveWindow(late.id, '-2 hours', '-1 minute');
    expect(refused(await voters[5].c.post(url(`/${late.id}/ballots`), ballot(late, 0)), 409).message).toBe('测评已结束');
    expect(await countRows(t.database, 'evaluations', "id = $1 AND status = 'closed'", [late.id])).toBe(1);
    expect(ok(await chair.get(url(`/${late.id}/results`)))).toMatchObject({ cast: 1, eligible: 16 });

    const byJob = await publish((await create()).id);
    await moveWindow(byJob.id, '-2 hours', '-1 minute');
    expect(await closeDueEvaluations(t.database)).toEqual({ closed: 1 });
    expect(await closeDueEvaluations(t.database)).toEqual({ closed: 0 });
    expect(await countRows(t.database, 'audit_events', "action = 'evaluation.closed' AND entity_id = $1", [byJob.id])).toBe(1);
    expect(ok(await chair.get(url(`/${byJob.id}`))).status).toBe('closed');
  });

  it('says when comments were not collected, and names the files without repeating 民主测评', async () => {
    const fileName = (res: { headers: Record<string, unknown> }) => decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]);
    const quiet = await publish((await create({ title: '中层干部考评', allowComments: false, minGroupSize: 3, voters: { kind: 'list', memberIds: voters.slice(0, 4).map((v) => v.memberId) } })).id);
    for (const v of voters.slice(0, 3)) ok(await v.c.post(url(`/${quiet.id}/ballots`), ballot(quiet, 1)), 201);
    ok(await chair.post(url(`/${quiet.id}/close`)));
    expect(ok(await chair.get(url(`/${quiet.id}/results`)))).toMatchObject({ allowComments: false, cast: 3 });
    const sheet = await chair.get(url(`/${quiet.id}/results.xlsx`));
    expect((await readXlsx(sheet.rawPayload)).sheetNames).toEqual(['测评结果']);
    expect(fileName(sheet)).toBe('中层干部考评民主测评结果.xlsx');
    expect(fileName(await chair.get(url(`/${quiet.id}/report.docx`)))).toBe('中层干部考评民主测评结果报告.docx');
    // A title that already says 民主测评 is not followed by it again.
    expect(fileName(await chair.get(url(`/${main.id}/report.docx`)))).toBe('2025年度校级领导班子成员民主测评结果报告.docx');
    expect(fileName(await chair.get(url(`/${main.id}/results.xlsx`)))).toBe('2025年度校级领导班子成员民主测评结果.xlsx');
  });
});

describe('isolation and permissions', () => {
  it("answers 404 to another school's people on every route", async () => {
    const draft = await create();
    for (const id of [main.id, draft.id]) {
      const routes = [
        chairB.get(url(`/${id}`)),
        chairB.patch(url(`/${id}`), setup()),
        chairB.delete(url(`/${id}`)),
        chairB.post(url(`/${id}/publish`)),
        chairB.post(url(`/${id}/close`)),
        chairB.post(url(`/${id}/ballots`), ballot(main, 0)),
        chairB.get(url(`/${id}/results`)),
        chairB.get(url(`/${id}/report.docx`)),
        chairB.get(url(`/${id}/results.xlsx`)),
        memberB.c.get(url(`/${id}`)),
        memberB.c.post(url(`/${id}/ballots`), ballot(main, 0)),
      ];
      for (const res of await Promise.all(routes)) expect(refused(res, 404).code).toBe('NOT_FOUND');
    }
    expect(ok(await chairB.get(url()))).toEqual([]);
  });

  it("refuses the managers' routes to members, and hides drafts from them", async () => {
    const draft = await create();
    const v = voters[1].c;
    for (const res of await Promise.all([
      v.post(url(), setup()),
      v.patch(url(`/${main.id}`), setup()),
      v.delete(url(`/${draft.id}`)),
      v.post(url(`/${draft.id}/publish`)),
      v.post(url(`/${main.id}/close`)),
      v.get(url(`/${main.id}/results`)),
      v.get(url(`/${main.id}/report.docx`)),
      v.get(url(`/${main.id}/results.xlsx`)),
    ])) {
      expect(refused(res, 403).code).toBe('FORBIDDEN');
    }
    expect(refused(await v.get(url(`/${draft.id}`)), 404).code).toBe('NOT_FOUND');
    expect(refused(await v.post(url(`/${draft.id}/ballots`), ballot(draft, 0)), 404).code).toBe('NOT_FOUND');
  });
});
