import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildSchool, buildUser, createTestApp, validIdCard } from '../support/test-app.js';
import { countRows, readXlsx, signIn, waitForImport, xlsxOf, type Client } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Problem = { row: number; field: string | null; column: string; value: string; message: string };
type ImportView = {
  id: string;
  fileName: string;
  status: string;
  headers: string[];
  mapping: Record<string, string>;
  mode: string | null;
  rowCount: number;
  result: { total: number; toCreate: number; toUpdate: number; problems: Problem[]; created?: number; updated?: number } | null;
  error: string | null;
};

const TEMPLATE_HEADERS = ['姓名', '性别', '出生日期', '身份证号', '手机号码', '工号', '部门', '工会小组', '岗位类别', '入会时间', '在职状态', '会籍状态', '标签', '备注'];

async function schoolWithChair() {
  const school = await buildSchool(t.database);
  const chair = await buildUser(t.database, [{ org: school.union, role: 'chair' }], { name: '导入主席' });
  const c = await signIn(t.app, chair.phone!);
  return { ...school, chair, c };
}

/** Uploads a file and waits until it has been read. */
async function upload(c: Client, fileName: string, file: Buffer): Promise<ImportView> {
  const res = await c.upload('/api/v1/imports', fileName, file);
  if (res.statusCode !== 202) throw new Error(`upload ${res.statusCode}: ${res.body}`);
  return waitForImport(c, res.json().id);
}

/** Runs the check with the detected mapping (or the one given) and waits for its outcome. */
async function check(c: Client, view: ImportView, mode: 'create' | 'upsert' = 'create', mapping = view.mapping): Promise<ImportView> {
  const res = await c.post(`/api/v1/imports/${view.id}/check`, { mapping, mode });
  if (res.statusCode !== 202) throw new Error(`check ${res.statusCode}: ${res.body}`);
  return waitForImport(c, view.id);
}

async function rosterOf(unionId: string) {
  return t.database.query<{ id: string; name: string; staff_no: string | null; phone: string | null; birth_date: string; group_id: string | null; id_card: string | null; gender: string | null }>(
    "SELECT id, name, staff_no, phone, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, group_id, id_card, gender FROM members WHERE org_id = $1 ORDER BY staff_no",
    [unionId],
  );
}

/** GB18030 bytes for a text, from the decoder's own table (no encoder ships with Node). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe('reading the file', () => {
  it('recognises the Chinese headers people use and keeps the file name', async () => {
    const { c } = await schoolWithChair();
    const headers = ['序号', '教职工姓名', '性别', '出生年月', '身份证号码', '本人手机号码（必填）', '职工号', '教研组', '所在小组', '岗位', '入会日期', '人员状态', '会籍', '会员标签', '说明'];
    const view = await upload(c, '会员名册（2026秋）.xlsx', await xlsxOf([headers, [1, '张三', '男', '1985-03-02', '', '13800000001', 'A1', '语文组', '语文组', '教师', '2008-09-01', '在职', '正常', '', '']]));
    expect(view.status).toBe('read');
    expect(view.fileName).toBe('会员名册（2026秋）.xlsx');
    expect(view.headers).toEqual(headers);
    expect(view.rowCount).toBe(1);
    expect(view.mapping).toEqual({
      '1': 'name', '2': 'gender', '3': 'birthDate', '4': 'idCard', '5': 'phone', '6': 'staffNo', '7': 'department',
      '8': 'group', '9': 'postType', '10': 'joinedOn', '11': 'employmentStatus', '12': 'membershipStatus', '13': 'tags', '14': 'note',
    });
  });

  it('a progress request with waitMs returns as soon as the stage ends; a wait over 10 s is refused naming the field', async () => {
    const { c } = await schoolWithChair();
    const rows: unknown[][] = [['姓名', '工号']];
    for (let i = 0; i < 3000; i++) rows.push([`测试${i}`, `W${i}`]);
    const res = await c.upload('/api/v1/imports', 'wait.xlsx', await xlsxOf(rows));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    // One request, made while the file is still being read, answers with the stage's end rather than "reading".
    const waited = await c.get(`/api/v1/imports/${id}?waitMs=10000`);
    expect(waited.statusCode).toBe(200);
    expect(waited.json()).toMatchObject({ status: 'read', rowCount: 3000, progress: 100 });
    const tooLong = await c.get(`/api/v1/imports/${id}?waitMs=20000`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual([expect.objectContaining({ path: 'waitMs', message: expect.stringContaining('10000') })]);
  });

  it('reads dates in every accepted form, including real Excel date cells, as the same day', async () => {
    const { union, c } = await schoolWithChair();
    const file = await xlsxOf([
      ['姓名', '工号', '出生日期'],
      ['日期一', 'D1', '1985-03-02'],
      ['日期二', 'D2', '1985/3/2'],
      ['日期三', 'D3', '1985.3.2'],
      ['日期四', 'D4', '19850302'],
      ['日期五', 'D5', '1985年3月2日'],
      ['日期六', 'D6', new Date(Date.UTC(1985, 2, 2))],
      ['日期七', 'D7', 19850302],
    ]);
    const checked = await check(c, await upload(c, 'dates.xlsx', file));
    expect(checked.status).toBe('checked');
    expect(checked.result!.problems).toEqual([]);
    expect(checked.result!.toCreate).toBe(7);
    expect((await c.post(`/api/v1/imports/${checked.id}/commit`)).json()).toEqual({ created: 7, updated: 0 });
    const roster = await rosterOf(union.id);
    expect(roster.map((m) => m.birth_date)).toEqual(Array(7).fill('1985-03-02'));
  });

  it('refuses an old .xls file at once, asking to save it as .xlsx', async () => {
    const { union, c } = await schoolWithChair();
    const res = await c.upload('/api/v1/imports', '名册.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
    expect(res.json().error.message).toContain('另存为');
    expect(res.json().error.message).toContain('.xlsx');
    expect(await countRows(t.database, 'member_imports', 'org_id = $1', [union.id])).toBe(0);
  });

  it('refuses a file over 20 MB with 413 and a Chinese message', async () => {
    const { union, c } = await schoolWithChair();
    const res = await c.upload('/api/v1/imports', 'huge.csv', Buffer.alloc(20 * 1024 * 1024 + 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toMatch(/20 MB|文件过大/);
    expect(await countRows(t.database, 'member_imports', 'org_id = $1', [union.id])).toBe(0);
  });

  it('refuses other file types with a Chinese message', async () => {
    const { c } = await schoolWithChair();
    const res = await c.upload('/api/v1/imports', 'roster.pdf', Buffer.from('%PDF-1.4'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请上传 .xlsx 或 .csv 文件');
  });

  it('a file that is not really an .xlsx ends as failed with a message', async () => {
    const { c } = await schoolWithChair();
    const renamed = await upload(c, 'fake.xlsx', Buffer.from('姓名,工号\n张三,1\n', 'utf8'));
    expect(renamed.status).toBe('failed');
    expect(renamed.error).toContain('不是有效的 .xlsx');
    const brokenZip = await upload(c, 'broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 7)]));
    expect(brokenZip.status).toBe('failed');
    expect(brokenZip.error).toMatch(/[\u4e00-\u9fff]/);
    // A failed import cannot be checked or committed.
    expect((await c.post(`/api/v1/imports/${renamed.id}/check`, { mapping: { '0': 'name' } })).statusCode).toBe(409);
    expect((await c.post(`/api/v1/imports/${renamed.id}/commit`)).statusCode).toBe(409);
  });

  it('a sheet with headers only is refused as empty', async () => {
    const { c } = await schoolWithChair();
    const view = await upload(c, 'empty.xlsx', await xlsxOf([['姓名', '工号']]));
    expect(view.status).toBe('failed');
    expect(view.error).toBe('表格中除表头外没有数据行');
  });

  it('reads CSV files saved as UTF-8 (with a BOM) and as GB18030 (Excel on Chinese Windows)', async () => {
    const { union, c } = await schoolWithChair();
    const text = '姓名,工号,手机号码,工会小组,标签\r\n张三丰,C1,13800000031,语文组,"女职工、青年教师"\r\n李四光,C2,13800000032,数学组,\r\n';
    const utf8 = await upload(c, '名册-utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(utf8.headers).toEqual(['姓名', '工号', '手机号码', '工会小组', '标签']);
    const checkedUtf8 = await check(c, utf8);
    expect(checkedUtf8.result!.problems).toEqual([]);
    expect((await c.post(`/api/v1/imports/${utf8.id}/commit`)).json()).toEqual({ created: 2, updated: 0 });

    const gbText = text.replaceAll('C1', 'C3').replaceAll('C2', 'C4').replace('张三丰', '王五福').replace('李四光', '赵六顺');
    const gbBytes = encodeGb18030(gbText);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbBytes)).toThrow();
    const gb = await upload(c, '名册-gbk.csv', gbBytes);
    expect(gb.headers).toEqual(['姓名', '工号', '手机号码', '工会小组', '标签']);
    const checkedGb = await check(c, gb);
    expect(checkedGb.result!.problems).toEqual([]);
    expect((await c.post(`/api/v1/imports/${gb.id}/commit`)).json()).toEqual({ created: 2, updated: 0 });

    const roster = await rosterOf(union.id);
    expect(roster.map((m) => [m.staff_no, m.name])).toEqual([['C1', '张三丰'], ['C2', '李四光'], ['C3', '王五福'], ['C4', '赵六顺']]);
    const tags = await t.database.query<{ tags: string[] }>("SELECT tags FROM members WHERE org_id = $1 AND staff_no = 'C3'", [union.id]);
    expect(tags[0].tags).toEqual(['女职工', '青年教师']);
  });
});

describe('checking: every problem, or nothing written', () => {
  it('lists every problem with its row number, and a commit writes nothing', async () => {
    const { union, c } = await schoolWithChair();
    await buildMember(t.database, union, { name: '已在册者', staffNo: 'R-EXIST' });
    const good = validIdCard('19850302', 123);
    const badId = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const file = await xlsxOf(
      [
        ['姓名', '工号', '手机号码', '身份证号', '出生日期'],
        ['好人', 'E1', '13800000011', good, ''],
        ['坏手机', 'E2', '1380000', '', ''],
        ['坏身份证', 'E3', '', badId, ''],
        ['重复工号', 'E1', '', '', ''],
        ['已在册', 'R-EXIST', '', '', ''],
        ['怪日期', 'E6', '', '', '去年春天'],
      ],
      { textColumns: [2, 3, 4] },
    );
    const membersBefore = await countRows(t.database, 'members');
    const auditBefore = await countRows(t.database, 'audit_events');
    const checked = await check(c, await upload(c, 'bad.xlsx', file));
    expect(checked.status).toBe('checked');
    const problems = checked.result!.problems;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'phone'],
      [4, 'idCard'],
      [5, 'staffNo'],
      [6, 'staffNo'],
      [7, 'birthDate'],
    ]);
    expect(problems[0]).toMatchObject({ column: '手机号码', value: '1380000' });
    expect(problems[0].message).toContain('手机号');
    expect(problems[1].message).toContain('校验位');
    expect(problems[2].message).toBe('工号 E1 与第 2 行重复');
    expect(problems[3].message).toContain('已在名册中（已在册者）');
    expect(problems[4].message).toContain('去年春天');
    expect(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);

    const commit = await c.post(`/api/v1/imports/${checked.id}/commit`);
    expect([409, 422]).toContain(commit.statusCode);
    expect(commit.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(commit.json().error.message).toBe('有 5 处问题，未导入任何数据');
    expect(commit.json().error.fields.map((f: { message: string }) => f.message)).toContain('第 3 行：手机号“1380000”不是11位手机号');
    expect(await countRows(t.database, 'members')).toBe(membersBefore);
    expect(await countRows(t.database, 'audit_events')).toBe(auditBefore);
    expect((await c.get(`/api/v1/imports/${checked.id}`)).json().status).toBe('checked');
  });

  it('a 工会小组 that does not exist in the union is reported with the row', async () => {
    const { c } = await schoolWithChair();
    const checked = await check(c, await upload(c, 'groups.xlsx', await xlsxOf([['姓名', '工会小组'], ['甲', '语文组'], ['乙', '不存在的组']])));
    expect(checked.result!.problems).toEqual([
      expect.objectContaining({ row: 3, field: 'group', column: '工会小组', value: '不存在的组', message: expect.stringContaining('不存在') }),
    ]);
  });

  it('two rows that reach the same member (one by 工号, one by ID number) are reported, not silently merged', async () => {
    const { union, c } = await schoolWithChair();
    const id = validIdCard('19700101', 555);
    await buildMember(t.database, union, { name: '某甲', staffNo: 'SAME-1', idCard: id });
    const file = await xlsxOf([['姓名', '工号', '身份证号', '备注'], ['某甲', 'SAME-1', '', '第一行'], ['某甲', '', id, '第二行']], { textColumns: [2, 3] });
    const checked = await check(c, await upload(c, 'same.xlsx', file), 'upsert');
    expect(checked.result!.problems).toEqual([expect.objectContaining({ row: 3, field: 'idCard', message: expect.stringContaining('同一名会员') })]);
  });

  it('re-checks at commit time: a 工号 taken since the check stops the whole import', async () => {
    const { union, c } = await schoolWithChair();
    const checked = await check(c, await upload(c, 'late.xlsx', await xlsxOf([['姓名', '工号'], ['晚一', 'LATE-1'], ['晚二', 'LATE-2']])));
    expect(checked.result!.problems).toEqual([]);
    expect((await c.post('/api/v1/members', { name: '抢先者', staffNo: 'LATE-2' })).statusCode).toBe(201);
    const before = await countRows(t.database, 'members', 'org_id = $1', [union.id]);
    const commit = await c.post(`/api/v1/imports/${checked.id}/commit`);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.fields).toEqual([{ path: 'rows.3.staffNo', message: expect.stringContaining('第 3 行：工号 LATE-2 已在名册中（抢先者）') }]);
    expect(await countRows(t.database, 'members', 'org_id = $1', [union.id])).toBe(before);
  });

  it('a group renamed between the check and the commit stops the whole import', async () => {
    const { union, groupA, c } = await schoolWithChair();
    const checked = await check(c, await upload(c, 'renamed.xlsx', await xlsxOf([['姓名', '工号', '工会小组'], ['改名一', 'REN-1', groupA.name], ['改名二', 'REN-2', '']])));
    expect(checked.result!.problems).toEqual([]);
    expect((await c.patch(`/api/v1/orgs/${groupA.id}`, { name: '新语文组' })).statusCode).toBe(200);
    const before = await countRows(t.database, 'members', 'org_id = $1', [union.id]);
    const commit = await c.post(`/api/v1/imports/${checked.id}/commit`);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.fields).toEqual([{ path: 'rows.2.group', message: expect.stringContaining(`工会小组“${groupA.name}”不存在`) }]);
    expect(await countRows(t.database, 'members', 'org_id = $1', [union.id])).toBe(before);
  });

  it('an ID number stored as a number (digits lost) is reported, not imported', async () => {
    const { c } = await schoolWithChair();
    const checked = await check(c, await upload(c, 'numeric-id.xlsx', await xlsxOf([['姓名', '身份证号'], ['数字证号', 110101198503021200]])));
    expect(checked.result!.problems).toHaveLength(1);
    expect(checked.result!.problems[0]).toMatchObject({ row: 2, field: 'idCard' });
    expect(checked.result!.problems[0].message).toContain('文本');
  });

  it('the mapping must name the 姓名 column', async () => {
    const { c } = await schoolWithChair();
    const view = await upload(c, 'nomap.xlsx', await xlsxOf([['姓名', '工号'], ['某人', 'N1']]));
    const res = await c.post(`/api/v1/imports/${view.id}/check`, { mapping: { '1': 'staffNo' }, mode: 'create' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('mapping');
    expect(res.json().error.message).toContain('姓名');
    const twice = await c.post(`/api/v1/imports/${view.id}/check`, { mapping: { '0': 'name', '1': 'name' }, mode: 'create' });
    expect(twice.statusCode).toBe(400);
  });
});

describe('committing', () => {
  it('creates every row in one go, each member’s history starting with the import, and ONE audit event with the counts', async () => {
    const { union, groupA, groupB, c } = await schoolWithChair();
    const rows = [
      ['姓名', '性别', '身份证号', '手机号码', '工号', '部门', '工会小组', '岗位类别', '标签'],
      ['陈一', '', validIdCard('19800101', 111), '13800000041', 'K1', '语文组', '语文组', '教师', '青年教师'],
      ['陈二', '女', '', '13800000042', 'K2', '数学组', '数学组', '职员', ''],
      ['陈三', '男', '', '', 'K3', '后勤', '', '工勤', ''],
    ];
    const membersBefore = await countRows(t.database, 'members', 'org_id = $1', [union.id]);
    const auditBefore = await countRows(t.database, 'audit_events', 'org_id = $1', [union.id]);
    const checked = await check(c, await upload(c, '新名册.xlsx', await xlsxOf(rows, { textColumns: [3, 4] })));
    expect(checked.result).toMatchObject({ total: 3, toCreate: 3, toUpdate: 0, problems: [] });
    const commit = await c.post(`/api/v1/imports/${checked.id}/commit`);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toEqual({ created: 3, updated: 0 });

    expect(await countRows(t.database, 'members', 'org_id = $1', [union.id])).toBe(membersBefore + 3);
    const roster = await rosterOf(union.id);
    const byNo = Object.fromEntries(roster.map((m) => [m.staff_no, m]));
    expect(byNo.K1).toMatchObject({ name: '陈一', group_id: groupA.id, birth_date: '1980-01-01', gender: 'M' });
    expect(byNo.K2).toMatchObject({ group_id: groupB.id, gender: 'F' });
    expect(byNo.K3.group_id).toBeNull();

    const list = (await c.get('/api/v1/members?q=K1')).json().items[0];
    const detail = (await c.get(`/api/v1/members/${list.id}`)).json();
    expect(detail.history).toEqual([expect.objectContaining({ kind: 'imported', toValue: '新名册.xlsx', actorName: '导入主席', onDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
    // The import is recorded once and every new member points to it, rather than a history row per member.
    expect(await countRows(t.database, 'members', 'org_id = $1 AND import_id = $2', [union.id, checked.id])).toBe(3);
    expect(await countRows(t.database, 'member_history', "kind = 'imported' AND member_id IN (SELECT id FROM members WHERE org_id = $1)", [union.id])).toBe(0);

    expect(await countRows(t.database, 'audit_events', 'org_id = $1', [union.id])).toBe(auditBefore + 1);
    const events = await t.database.query<{ action: string; changes: Record<string, { to: unknown }> }>(
      "SELECT action, changes FROM audit_events WHERE org_id = $1 AND action LIKE 'member.%'",
      [union.id],
    );
    expect(events).toEqual([{ action: 'member.imported', changes: { created: { to: 3 }, updated: { to: 0 }, file: { to: '新名册.xlsx' } } }]);

    const view = (await c.get(`/api/v1/imports/${checked.id}`)).json();
    expect(view.status).toBe('committed');
    expect(view.result).toMatchObject({ created: 3, updated: 0 });

    const again = await c.post(`/api/v1/imports/${checked.id}/commit`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该文件已导入，请勿重复提交');
    expect(await countRows(t.database, 'members', 'org_id = $1', [union.id])).toBe(membersBefore + 3);
    expect((await c.post(`/api/v1/imports/${checked.id}/check`, { mapping: view.mapping })).statusCode).toBe(409);
  });

  it('in “update” mode, matches existing members by 工号 and else by ID number; “create” mode lists them as problems', async () => {
    const { union, c } = await schoolWithChair();
    const idY = validIdCard('19760505', 222);
    const x = await buildMember(t.database, union, { name: '旧名甲', staffNo: 'U-1', phone: '13800000051' });
    const y = await buildMember(t.database, union, { name: '旧名乙', staffNo: 'U-2', idCard: idY });
    const file = await xlsxOf(
      [
        ['姓名', '工号', '手机号码', '身份证号'],
        ['新名甲', 'U-1', '13900000051', ''],
        ['新名乙', '', '', idY],
        ['新来者', 'U-3', '', ''],
      ],
      { textColumns: [2, 3, 4] },
    );
    const asCreate = await check(c, await upload(c, 'upsert.xlsx', file), 'create');
    expect(asCreate.result!.problems.map((p) => [p.row, p.field])).toEqual([[2, 'staffNo'], [3, 'idCard']]);
    expect(asCreate.result!.problems[0].message).toContain('更新已有会员');
    expect((await c.post(`/api/v1/imports/${asCreate.id}/commit`)).statusCode).toBe(422);

    // The same upload, checked again in update mode.
    const asUpsert = await check(c, asCreate, 'upsert');
    expect(asUpsert.result).toMatchObject({ total: 3, toCreate: 1, toUpdate: 2, problems: [] });
    const before = await countRows(t.database, 'members', 'org_id = $1', [union.id]);
    expect((await c.post(`/api/v1/imports/${asUpsert.id}/commit`)).json()).toEqual({ created: 1, updated: 2 });
    expect(await countRows(t.database, 'members', 'org_id = $1', [union.id])).toBe(before + 1);
    const [xr] = await t.database.query<{ name: string; phone: string; staff_no: string }>('SELECT name, phone, staff_no FROM members WHERE id = $1', [x.id]);
    expect(xr).toEqual({ name: '新名甲', phone: '13900000051', staff_no: 'U-1' });
    const [yr] = await t.database.query<{ name: string; staff_no: string }>('SELECT name, staff_no FROM members WHERE id = $1', [y.id]);
    expect(yr).toEqual({ name: '新名乙', staff_no: 'U-2' });
    // The renamed member is found under the new name's pinyin.
    expect((await c.get('/api/v1/members?q=xmj')).json().items.map((m: { id: string }) => m.id)).toEqual([x.id]);
    const history = (await c.get(`/api/v1/members/${x.id}`)).json().history;
    expect(history).toEqual([expect.objectContaining({ kind: 'imported', fromValue: '导入更新', toValue: 'upsert.xlsx' })]);
  });

  it('an exported roster can be imported back unchanged in update mode', async () => {
    const { union, groupA, c } = await schoolWithChair();
    await buildMember(t.database, union, { name: '往返一', staffNo: 'RT1', phone: '13800000061', groupId: groupA.id, department: '语文组', tags: ['女职工'], birthDate: '1990-01-31', joinedOn: '2012-09-01' });
    await buildMember(t.database, union, { name: '往返二', staffNo: 'RT2', idCard: validIdCard('19880808', 333), postType: 'staff' });
    const before = await rosterOf(union.id);
    const exported = (await c.get('/api/v1/members/export.xlsx')).rawPayload;
    const checked = await check(c, await upload(c, 'export.xlsx', exported), 'upsert');
    expect(checked.result).toMatchObject({ total: 2, toCreate: 0, toUpdate: 2, problems: [] });
    expect((await c.post(`/api/v1/imports/${checked.id}/commit`)).json()).toEqual({ created: 0, updated: 2 });
    expect(await rosterOf(union.id)).toEqual(before);
  });

  it('only roster editors may import', async () => {
    const { union } = await schoolWithChair();
    const sport = await buildUser(t.database, [{ org: union, role: 'committee', portfolio: '文体' }]);
    const s = await signIn(t.app, sport.phone!);
    const res = await s.upload('/api/v1/imports', 'x.xlsx', await xlsxOf([['姓名'], ['某人']]));
    expect(res.statusCode).toBe(403);
  });

  it('an upload that is not multipart is a 400 saying how to send it', async () => {
    const { c } = await schoolWithChair();
    const res = await c.post('/api/v1/imports', { file: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('multipart');
  });
});

describe('the template', () => {
  it('is a valid .xlsx with the recognised headers and an instructions sheet', async () => {
    const { c } = await schoolWithChair();
    const res = await c.get('/api/v1/imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = await readXlsx(res.rawPayload);
    expect(file.sheetNames).toEqual(['会员名册', '填写说明']);
    expect(file.rows[0]).toEqual(TEMPLATE_HEADERS);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/imports/template.xlsx' })).statusCode).toBe(401);
  });

  it('imports as it comes, example row included, with every column recognised', async () => {
    const { union, c } = await schoolWithChair();
    const template = (await c.get('/api/v1/imports/template.xlsx')).rawPayload;
    const view = await upload(c, '会员导入模板.xlsx', template);
    expect(Object.values(view.mapping)).toEqual(['name', 'gender', 'birthDate', 'idCard', 'phone', 'staffNo', 'department', 'group', 'postType', 'joinedOn', 'employmentStatus', 'membershipStatus', 'tags', 'note']);
    const checked = await check(c, view);
    expect(checked.result!.problems).toEqual([]);
    expect((await c.post(`/api/v1/imports/${view.id}/commit`)).json()).toEqual({ created: 1, updated: 0 });
    const [m] = await rosterOf(union.id);
    expect(m).toMatchObject({ name: '张晓明', birth_date: '1985-03-02', phone: '13800000001', staff_no: 'T0001' });
  });
});
