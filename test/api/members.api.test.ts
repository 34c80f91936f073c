import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildSchool, buildUser, createTestApp, validIdCard } from '../support/test-app.js';
import { readXlsx, shanghaiToday, signIn, yearsAgo, type Client } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Member = {
  id: string;
  name: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  age: number | null;
  idCard: string | null;
  phone: string | null;
  staffNo: string | null;
  groupId: string | null;
  groupName: string | null;
  employmentStatus: string;
  membershipStatus: string;
  tags: string[];
  hasAccount: boolean;
  can: { update: boolean; retire: boolean; transferOut: boolean; resetPassword: boolean };
};
type History = { kind: string; onDate: string; fromValue: string | null; toValue: string | null; note: string | null; actorName: string | null };

/** A school with its chair signed in. */
async function schoolWithChair(name?: string) {
  const school = await buildSchool(t.database, name);
  const chair = await buildUser(t.database, [{ org: school.union, role: 'chair' }], { name: '主席' });
  const c = await signIn(t.app, chair.phone!);
  return { ...school, chair, c };
}

async function list(c: Client, query = ''): Promise<{ items: Member[]; total: number }> {
  const res = await c.get(`/api/v1/members${query ? `?${query}` : ''}`);
  if (res.statusCode !== 200) throw new Error(`list ${res.statusCode}: ${res.body}`);
  return res.json();
}
const names = (r: { items: Member[] }) => r.items.map((m) => m.name);
const sortedNames = (r: { items: Member[] }) => names(r).sort();

describe('listing the roster', () => {
  it('pages through the roster with a total for the pager', async () => {
    const { union, c } = await schoolWithChair();
    for (let i = 0; i < 23; i++) await buildMember(t.database, union);
    const p1 = await list(c, 'pageSize=10&page=1');
    const p2 = await list(c, 'pageSize=10&page=2');
    const p3 = await list(c, 'pageSize=10&page=3');
    expect([p1.total, p2.total, p3.total]).toEqual([23, 23, 23]);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([10, 10, 3]);
    const ids = [...p1.items, ...p2.items, ...p3.items].map((m) => m.id);
    expect(new Set(ids).size).toBe(23);
    expect((await list(c, 'pageSize=10&page=4')).items).toEqual([]);
  });

  it('finds members by name fragment, pinyin initials, pinyin prefix, 工号 and phone', async () => {
    const { union, c } = await schoolWithChair();
    await buildMember(t.database, union, { name: '张晓明', staffNo: 'S-1001', phone: '13500001234' });
    await buildMember(t.database, union, { name: '张伟', staffNo: 'S-1002', phone: '13600005678' });
    await buildMember(t.database, union, { name: '李晓红', staffNo: 'S-1003' });
    await buildMember(t.database, union, { name: '王芳', staffNo: 'S-1004' });
    await buildMember(t.database, union, { name: '单田芳', staffNo: 'S-1005' });
    await buildMember(t.database, union, { name: '曾巩', staffNo: 'S-1006' });
    expect(sortedNames(await list(c, `q=${encodeURIComponent('晓')}`))).toEqual(['张晓明', '李晓红'].sort());
    expect(names(await list(c, 'q=zxm'))).toEqual(['张晓明']);
    expect(names(await list(c, 'q=ZXM'))).toEqual(['张晓明']);
    expect(names(await list(c, 'q=zhangx'))).toEqual(['张晓明']);
    expect(sortedNames(await list(c, 'q=zhang'))).toEqual(['张伟', '张晓明'].sort());
    expect(names(await list(c, 'q=wangfang'))).toEqual(['王芳']);
    // Surnames are read as surnames: 单 is shan, 曾 is zeng.
    expect(names(await list(c, 'q=shantian'))).toEqual(['单田芳']);
    expect(names(await list(c, 'q=stf'))).toEqual(['单田芳']);
    expect(names(await list(c, 'q=zenggong'))).toEqual(['曾巩']);
    expect(names(await list(c, 'q=S-1003'))).toEqual(['李晓红']);
    expect(names(await list(c, 'q=13600005678'))).toEqual(['张伟']);
    expect(names(await list(c, 'q=1234'))).toEqual(['张晓明']);
    expect((await list(c, `q=${encodeURIComponent('不存在的人')}`)).total).toBe(0);
    // Wildcards typed by the user are plain characters.
    expect((await list(c, `q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('filters by group, department, post type, statuses, tag, gender and age band (ages counted from today)', async () => {
    const { union, groupA, groupB, c } = await schoolWithChair();
    await buildMember(t.database, union, {
      name: '甲一', groupId: groupA.id, department: '语文组', postType: 'teacher', gender: 'F', tags: ['女职工'],
      birthDate: yearsAgo(30, 1), // 29 today, 30 tomorrow
    });
    await buildMember(t.database, union, {
      name: '乙二', groupId: groupB.id, department: '数学组', postType: 'staff', gender: 'M', tags: ['退休'],
      employmentStatus: 'retired', membershipStatus: 'reserved', birthDate: yearsAgo(62),
    });
    await buildMember(t.database, union, {
      name: '丙三', groupId: groupA.id, department: '语文组', postType: 'worker', gender: 'M', tags: ['青年教师'],
      birthDate: yearsAgo(30), // 30 today
    });
    await buildMember(t.database, union, {
      name: '丁四', department: '后勤处', postType: 'other', gender: 'F', employmentStatus: 'transferred',
      membershipStatus: 'transferred_out', birthDate: yearsAgo(40),
    });
    await buildMember(t.database, union, {
      name: '戊五', groupId: groupB.id, department: '数学组', postType: 'teacher', gender: 'F', tags: ['劳模', '女职工'],
      birthDate: yearsAgo(60, 1), // 59, turns 60 tomorrow
    });
    const q = async (query: string) => sortedNames(await list(c, query));
    expect(await q(`groupId=${groupA.id}`)).toEqual(['丙三', '甲一'].sort());
    expect(await q(`department=${encodeURIComponent('数学组')}`)).toEqual(['乙二', '戊五'].sort());
    expect(await q('postType=worker')).toEqual(['丙三']);
    expect(await q('employmentStatus=retired')).toEqual(['乙二']);
    expect(await q('membershipStatus=transferred_out')).toEqual(['丁四']);
    expect(await q(`tag=${encodeURIComponent('劳模')}`)).toEqual(['戊五']);
    expect(await q(`tag=${encodeURIComponent('女职工')}`)).toEqual(['甲一', '戊五'].sort());
    expect(await q('gender=F')).toEqual(['丁四', '甲一', '戊五'].sort());
    expect(await q('ageBand=under30')).toEqual(['甲一']);
    expect(await q('ageBand=30to39')).toEqual(['丙三']);
    expect(await q('ageBand=40to49')).toEqual(['丁四']);
    expect(await q('ageBand=50to59')).toEqual(['戊五']);
    expect(await q('ageBand=60plus')).toEqual(['乙二']);
    expect(await q(`gender=F&groupId=${groupB.id}`)).toEqual(['戊五']);
    // The ages shown match the bands.
    const all = await list(c, 'pageSize=50');
    expect(Object.fromEntries(all.items.map((m) => [m.name, m.age]))).toEqual({ 甲一: 29, 乙二: 62, 丙三: 30, 丁四: 40, 戊五: 59 });
    expect((await c.get('/api/v1/members?ageBand=teenager')).statusCode).toBe(400);
  });

  it('sorts by pinyin and by surname strokes exactly as Intl.Collator does', async () => {
    const { union, c } = await schoolWithChair();
    const people = ['王芳', '李娜', '张伟', '刘洋', '陈静', '丁一', '马丽', '赵敏', '欧阳修', '白雪', '李四', '王五', '买买提·艾力', '阿依古丽', '单田芳', '曾巩'];
    for (const name of people) await buildMember(t.database, union, { name });
    const byPinyin = names(await list(c, 'sort=pinyin&pageSize=50'));
    const byStroke = names(await list(c, 'sort=stroke&pageSize=50'));
    expect(byPinyin).toEqual([...people].sort(new Intl.Collator('zh').compare));
    expect(byStroke).toEqual([...people].sort(new Intl.Collator('zh-u-co-stroke').compare));
    expect(byStroke).not.toEqual(byPinyin);
    expect(byStroke[0]).toBe('丁一');
    expect(byPinyin[0]).toBe('阿依古丽');
    // The default order is pinyin.
    expect(names(await list(c, 'pageSize=50'))).toEqual(byPinyin);
  });
});

describe('creating members', () => {
  it('refuses an ID number with a wrong check digit, naming idCard in Chinese', async () => {
    const { c } = await schoolWithChair();
    const good = validIdCard('19850302', 123);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await c.post('/api/v1/members', { name: '错号', idCard: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields[0].path).toBe('idCard');
    expect(res.json().error.fields[0].message).toContain('身份证号');
    expect((await list(c)).total).toBe(0);
  });

  it('refuses a phone that is not an 11-digit mobile, naming phone', async () => {
    const { c } = await schoolWithChair();
    for (const phone of ['1380000', '23800000001', '138000000012']) {
      const res = await c.post('/api/v1/members', { name: '错手机', phone });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('phone');
      expect(res.json().error.fields[0].message).toContain('手机号');
    }
    // Spaces and +86 are tidied away.
    const ok = await c.post('/api/v1/members', { name: '好手机', phone: '+86 138 0000 0009' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().phone).toBe('13800000009');
  });

  it('refuses impossible dates with a 400 naming the field (never a database error)', async () => {
    const { union, c } = await schoolWithChair();
    const birth = await c.post('/api/v1/members', { name: '二月三十', birthDate: '1985-02-30' });
    expect(birth.statusCode).toBe(400);
    expect(birth.json().error.fields[0]).toEqual({ path: 'birthDate', message: '出生日期：日期不存在，请检查年月日' });
    const joined = await c.post('/api/v1/members', { name: '零月', joinedOn: '2026-00-10' });
    expect(joined.statusCode).toBe(400);
    expect(joined.json().error.fields[0].path).toBe('joinedOn');
    const m = await buildMember(t.database, union);
    const retire = await c.post(`/api/v1/members/${m.id}/retire`, { onDate: '2026-02-30' });
    expect(retire.statusCode).toBe(400);
    expect(retire.json().error.fields[0].path).toBe('onDate');
    const move = await c.post(`/api/v1/members/${m.id}/transfer-out`, { onDate: '2026-13-01', toOrgName: '某校' });
    expect(move.statusCode).toBe(400);
    expect((await list(c)).total).toBe(1);
    // 29 February exists in leap years only.
    expect((await c.post('/api/v1/members', { name: '闰日', birthDate: '1988-02-29' })).statusCode).toBe(201);
    expect((await c.post('/api/v1/members', { name: '非闰日', birthDate: '1989-02-29' })).statusCode).toBe(400);
  });

  it('refuses a 工号 already used in the same union (409 naming staffNo), but another union may use it', async () => {
    const a = await schoolWithChair();
    const b = await schoolWithChair();
    expect((await a.c.post('/api/v1/members', { name: '原主人', staffNo: 'G001' })).statusCode).toBe(201);
    const dup = await a.c.post('/api/v1/members', { name: '后来者', staffNo: 'G001' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
    expect(dup.json().error.fields[0].path).toBe('staffNo');
    expect(dup.json().error.message).toBe('工号 G001 已被 原主人 使用');
    expect((await list(a.c)).total).toBe(1);
    const elsewhere = await b.c.post('/api/v1/members', { name: '另一校', staffNo: 'G001' });
    expect(elsewhere.statusCode).toBe(201);
    // Editing another member onto a taken 工号 is refused the same way.
    const other = (await a.c.post('/api/v1/members', { name: '第二人', staffNo: 'G002' })).json();
    const edit = await a.c.patch(`/api/v1/members/${other.id}`, { staffNo: 'G001' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.fields[0].path).toBe('staffNo');
    expect((await a.c.get(`/api/v1/members/${other.id}`)).json().staffNo).toBe('G002');
  });

  it('two saves at once with the same 工号 create one member; the other is told 409, never 500', async () => {
    const { c } = await schoolWithChair();
    for (let i = 0; i < 5; i++) {
      const results = await Promise.all([
        c.post('/api/v1/members', { name: '双击甲', staffNo: `RACE-${i}` }),
        c.post('/api/v1/members', { name: '双击乙', staffNo: `RACE-${i}` }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.statusCode === 409)!;
      expect(loser.json().error.fields[0].path).toBe('staffNo');
    }
    expect((await list(c)).total).toBe(5);
  });

  it('takes birth date and gender from the ID number when they are not given', async () => {
    const { c } = await schoolWithChair();
    const id = validIdCard('19900715', 124); // 17th digit 4: female
    const res = await c.post('/api/v1/members', { name: '推算', idCard: id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ birthDate: '1990-07-15', gender: 'F', idCard: id });
    const male = await c.post('/api/v1/members', { name: '推算男', idCard: validIdCard('19721231', 131) });
    expect(male.json()).toMatchObject({ birthDate: '1972-12-31', gender: 'M' });
    // A given value is kept.
    const given = await c.post('/api/v1/members', { name: '自填', idCard: validIdCard('19800101', 211), birthDate: '1980-01-02', gender: 'F' });
    expect(given.json()).toMatchObject({ birthDate: '1980-01-02', gender: 'F' });
  });

  it('records a transfer in (转入) with where the member came from', async () => {
    const { c } = await schoolWithChair();
    const res = await c.post('/api/v1/members', {
      name: '转入者',
      staffNo: 'IN-1',
      transferIn: { fromOrgName: '宁波市实验小学工会', onDate: '2026-09-01' },
    });
    expect(res.statusCode).toBe(201);
    const detail = (await c.get(`/api/v1/members/${res.json().id}`)).json();
    expect(detail.history).toEqual([
      expect.objectContaining({ kind: 'transfer_in', onDate: '2026-09-01', fromValue: '宁波市实验小学工会', actorName: '主席' }),
    ]);
    const audit = (await c.get(`/api/v1/audit?entityId=${res.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['member.transferred_in']);
  });
});

describe('editing, retiring and transferring out', () => {
  it('an edit is kept in the member’s history (group and status) and in the audit trail with masked phones', async () => {
    const { union, groupA, groupB, c } = await schoolWithChair();
    const m = await buildMember(t.database, union, { name: '改动者', groupId: groupA.id, phone: '13800000001' });
    const res = await c.patch(`/api/v1/members/${m.id}`, { groupId: groupB.id, phone: '13900000002' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ groupId: groupB.id, groupName: '数学组', phone: '13900000002' });
    const status = await c.patch(`/api/v1/members/${m.id}`, { membershipStatus: 'withdrawn' });
    expect(status.json().membershipStatus).toBe('withdrawn');

    const history = (await c.get(`/api/v1/members/${m.id}`)).json().history as History[];
    expect(history).toEqual([
      expect.objectContaining({ kind: 'group_change', fromValue: '语文组', toValue: '数学组', onDate: shanghaiToday(), actorName: '主席' }),
      expect.objectContaining({ kind: 'status_change', fromValue: '正常', toValue: '已退会' }),
    ]);

    const audit = (await c.get(`/api/v1/audit?entityType=member&entityId=${m.id}`)).json();
    expect(audit.total).toBe(2);
    const phoneEdit = audit.items.find((e: { changes: Record<string, unknown> }) => 'phone' in e.changes);
    expect(phoneEdit.action).toBe('member.updated');
    expect(phoneEdit.changes.phone).toEqual({ from: '138****0001', to: '139****0002' });
    expect(phoneEdit.changes.groupId).toEqual({ from: groupA.id, to: groupB.id });
    expect(JSON.stringify(audit)).not.toContain('13800000001');
    expect(JSON.stringify(audit)).not.toContain('13900000002');
  });

  it('correcting the ID number keeps the birth date and gender already on file', async () => {
    const { union, c } = await schoolWithChair();
    const m = await buildMember(t.database, union, { name: '改证号', birthDate: '1985-03-02', gender: 'M' });
    const res = await c.patch(`/api/v1/members/${m.id}`, { idCard: validIdCard('19900715', 124) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idCard: validIdCard('19900715', 124), birthDate: '1985-03-02', gender: 'M' });
  });

  it('refuses to move a member into a group of another union', async () => {
    const a = await schoolWithChair();
    const b = await buildSchool(t.database);
    const m = await buildMember(t.database, a.union, { groupId: a.groupA.id });
    const res = await a.c.patch(`/api/v1/members/${m.id}`, { groupId: b.groupA.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('groupId');
    expect((await a.c.get(`/api/v1/members/${m.id}`)).json().groupId).toBe(a.groupA.id);
  });

  it('retires a member: 退休, 保留会籍, tag 退休 and a history line; retiring twice is a 409', async () => {
    const { union, c } = await schoolWithChair();
    const m = await buildMember(t.database, union, { name: '老教师', tags: ['劳模'] });
    const res = await c.post(`/api/v1/members/${m.id}/retire`, { onDate: '2026-07-01', note: '光荣退休' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ employmentStatus: 'retired', membershipStatus: 'reserved', tags: ['劳模', '退休'] });
    expect(res.json().can.retire).toBe(false);
    const history = (await c.get(`/api/v1/members/${m.id}`)).json().history as History[];
    expect(history).toEqual([expect.objectContaining({ kind: 'retired', onDate: '2026-07-01', fromValue: '在职', toValue: '退休（保留会籍）', note: '光荣退休' })]);
    const again = await c.post(`/api/v1/members/${m.id}/retire`, { onDate: '2026-07-02' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该会员当前状态为“退休”，不能办理退休');
    expect((await c.get(`/api/v1/members/${m.id}`)).json().history).toHaveLength(1);
    // The retiree is found under the retirement filters.
    expect(names(await list(c, `tag=${encodeURIComponent('退休')}`))).toEqual(['老教师']);
  });

  it('transfers a member out with the destination in the history; a second transfer is a 409', async () => {
    const { union, c } = await schoolWithChair();
    const m = await buildMember(t.database, union, { name: '调走者' });
    const res = await c.post(`/api/v1/members/${m.id}/transfer-out`, { onDate: '2026-08-31', toOrgName: '杭州市第二中学工会' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ membershipStatus: 'transferred_out', employmentStatus: 'transferred' });
    expect(res.json().can.transferOut).toBe(false);
    const history = (await c.get(`/api/v1/members/${m.id}`)).json().history as History[];
    expect(history).toEqual([expect.objectContaining({ kind: 'transfer_out', onDate: '2026-08-31', fromValue: '正常', toValue: '杭州市第二中学工会' })]);
    const again = await c.post(`/api/v1/members/${m.id}/transfer-out`, { onDate: '2026-09-01', toOrgName: '别处' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该会员已转出，不能再转出');
    const missing = await c.post(`/api/v1/members/${m.id}/transfer-out`, { onDate: '2026-09-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('toOrgName');
  });
});

describe('export', () => {
  it('exports the filtered list as .xlsx with the template’s headers, in list order', async () => {
    const { union, groupA, groupB, c } = await schoolWithChair();
    for (const name of ['王芳', '李娜', '张伟', '丁一']) await buildMember(t.database, union, { name, groupId: groupA.id, department: '语文组', phone: '13700001111' });
    await buildMember(t.database, union, { name: '不在内', groupId: groupB.id, department: '数学组' });
    const query = `department=${encodeURIComponent('语文组')}&sort=stroke`;
    const res = await c.get(`/api/v1/members/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const file = await readXlsx(res.rawPayload);
    const template = await readXlsx((await c.get('/api/v1/imports/template.xlsx')).rawPayload);
    expect(file.rows[0]).toEqual(template.rows[0]);
    const listed = await list(c, `${query}&pageSize=200`);
    expect(file.rows.length - 1).toBe(listed.total);
    const nameCol = (file.rows[0] as string[]).indexOf('姓名');
    const groupCol = (file.rows[0] as string[]).indexOf('工会小组');
    const phoneCol = (file.rows[0] as string[]).indexOf('手机号码');
    expect(file.rows.slice(1).map((r) => r[nameCol])).toEqual(names(listed));
    expect(file.rows.slice(1).every((r) => r[groupCol] === '语文组' && r[phoneCol] === '13700001111')).toBe(true);
    // Taking personal data out is on the record, with the count and the filters.
    const trail = (await c.get('/api/v1/audit?entityType=member_export')).json().items;
    expect(trail).toEqual([expect.objectContaining({ action: 'member.exported', changes: { rows: { to: 4 }, filters: { to: expect.objectContaining({ department: '语文组', sort: 'stroke' }) } } })]);
  });
});

describe('who sees what', () => {
  it('a 文体 committee member sees masked phones and ID numbers; the chair sees them in full', async () => {
    const { union, c } = await schoolWithChair();
    const id = validIdCard('19850302', 123);
    const m = await buildMember(t.database, union, { name: '隐私', phone: '13800000001', idCard: id });
    const sport = await buildUser(t.database, [{ org: union, role: 'committee', portfolio: '文体' }]);
    const s = await signIn(t.app, sport.phone!);
    const seen = (await list(s)).items.find((x) => x.id === m.id)!;
    expect(seen.phone).toBe('138****0001');
    expect(seen.idCard).toBe(`110${'*'.repeat(11)}${id.slice(-4)}`);
    const detail = (await s.get(`/api/v1/members/${m.id}`)).json();
    expect(detail.phone).toBe('138****0001');
    expect(detail.idCard).not.toBe(id);
    // The masked phone cannot be recovered by searching digits either.
    expect((await list(s, 'q=13800000001')).total).toBe(0);
    // Nor by exporting.
    const exported = await readXlsx((await s.get('/api/v1/members/export.xlsx')).rawPayload);
    expect(JSON.stringify(exported.rows)).not.toContain('13800000001');
    expect(JSON.stringify(exported.rows)).toContain('138****0001');
    // The committee member may not edit.
    expect((await s.patch(`/api/v1/members/${m.id}`, { name: '改名' })).statusCode).toBe(403);

    const byChair = (await c.get(`/api/v1/members/${m.id}`)).json();
    expect(byChair.phone).toBe('13800000001');
    expect(byChair.idCard).toBe(id);
  });

  it('a welfare (生活福利) committee member sees phones but not ID numbers', async () => {
    const { union } = await schoolWithChair();
    const id = validIdCard('19850302', 125);
    const m = await buildMember(t.database, union, { phone: '13800000002', idCard: id });
    const welfare = await buildUser(t.database, [{ org: union, role: 'committee', portfolio: '生活福利' }]);
    const w = await signIn(t.app, welfare.phone!);
    const detail = (await w.get(`/api/v1/members/${m.id}`)).json();
    expect(detail.phone).toBe('13800000002');
    expect(detail.idCard).toBe(`110${'*'.repeat(11)}${id.slice(-4)}`);
  });

  it('a group leader lists only their group’s members', async () => {
    const { union, groupA, groupB } = await schoolWithChair();
    await buildMember(t.database, union, { name: '组内甲', groupId: groupA.id });
    await buildMember(t.database, union, { name: '组内乙', groupId: groupA.id });
    const outside = await buildMember(t.database, union, { name: '组外', groupId: groupB.id });
    await buildMember(t.database, union, { name: '无组' });
    const leader = await buildUser(t.database, [{ org: groupA, role: 'group_leader' }]);
    const l = await signIn(t.app, leader.phone!);
    const r = await list(l);
    expect(r.total).toBe(2);
    expect(sortedNames(r)).toEqual(['组内乙', '组内甲'].sort());
    expect((await l.get(`/api/v1/members/${outside.id}`)).statusCode).toBe(404);
    expect((await list(l, `groupId=${groupB.id}`)).total).toBe(0);
    expect((await l.post('/api/v1/members', { name: '组长新增' })).statusCode).toBe(403);
  });

  it('a plain member cannot list the roster but reads their own file in full', async () => {
    const { union } = await schoolWithChair();
    const user = await buildUser(t.database, [{ org: union, role: 'member' }]);
    const own = await buildMember(t.database, union, { name: '本人', userId: user.id, phone: '13800000003', idCard: validIdCard('19850302', 127) });
    const other = await buildMember(t.database, union, { name: '他人' });
    const s = await signIn(t.app, user.phone!);
    const res = await s.get('/api/v1/members');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('您在当前组织没有查看会员档案的权限');
    const mine = await s.get(`/api/v1/members/${own.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().phone).toBe('13800000003');
    expect((await s.get(`/api/v1/members/${other.id}`)).statusCode).toBe(404);
  });
});
