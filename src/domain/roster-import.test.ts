import { describe, expect, it } from 'vitest';
import { LIMITS } from '../contracts/limits.js';
import { checkRosterRow, findDuplicatesInFile, type CheckedRow } from './roster-import.js';
import type { RosterField } from './roster-columns.js';
import { withRefCheck } from './reference-id-card.test-support.js';

const makeId = withRefCheck;
/** A valid ID whose check character is X, to test the lower-case spelling. */
const ID_X = '11010519491231002X';
const ID_WOMAN_1985 = makeId('32010219850302122'); // 17th digit 2: a woman born 1985-03-02
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const GROUPS = new Set(['语文组', '数学组', '后勤组']);
type Cells = Partial<Record<RosterField, unknown>>;

const GOOD: Cells = {
  name: ' 张晓明 ',
  gender: '女',
  birthDate: '1985年3月2日',
  idCard: ID_WOMAN_1985,
  phone: '138 0000 0001',
  staffNo: 'T001',
  department: '语文教研组',
  group: '语文组',
  postType: '教师',
  joinedOn: '2008.9',
  employmentStatus: '在职',
  membershipStatus: '正常',
  tags: '青年教师、女职工，青年教师',
  note: '班主任',
};

const check = (cells: Cells, row = 5) => checkRosterRow(row, cells, GROUPS);
/** The one problem of a row that should have exactly one. */
function onlyProblem(cells: Cells) {
  const result = check(cells);
  expect(result.problems, JSON.stringify(result.problems)).toHaveLength(1);
  expect(result.input).toBeNull();
  return result.problems[0];
}

describe('checkRosterRow: a good row', () => {
  it('becomes a member input with every field read', () => {
    const result = check(GOOD, 7);
    expect(result.problems).toEqual([]);
    expect(result.row).toBe(7);
    expect(result.groupName).toBe('语文组');
    expect(result.input).toEqual({
      name: '张晓明',
      gender: 'F',
      birthDate: '1985-03-02',
      idCard: ID_WOMAN_1985,
      phone: '13800000001',
      staffNo: 'T001',
      department: '语文教研组',
      postType: 'teacher',
      joinedOn: '2008-09-01',
      employmentStatus: 'active',
      membershipStatus: 'normal',
      tags: ['青年教师', '女职工'],
      note: '班主任',
    });
  });

  it('needs only a name', () => {
    const result = check({ name: '李娜' });
    expect(result.problems).toEqual([]);
    expect(result.input).toEqual({ name: '李娜' });
    expect(result.groupName).toBeNull();
  });

  it('treats empty and null cells as not given', () => {
    const result = check({ name: '李娜', gender: '', birthDate: null, idCard: '  ', phone: undefined, group: '', tags: ' ' });
    expect(result.problems).toEqual([]);
    expect(result.input).toEqual({ name: '李娜' });
  });

  it('accepts an ID with a lower-case x and spaces, storing it upper-case without spaces', () => {
    const result = check({ name: '李娜', idCard: ` ${ID_X.slice(0, 6)} ${ID_X.slice(6, 17)}x ` });
    expect(result.problems).toEqual([]);
    expect(result.input?.idCard).toBe(ID_X);
  });

  it.each([
    ['男', 'M'],
    ['男性', 'M'],
    ['M', 'M'],
    ['m', 'M'],
    ['女', 'F'],
    ['女性', 'F'],
    ['F', 'F'],
    [' 女 ', 'F'],
  ])('reads gender %j as %s', (raw, gender) => {
    expect(check({ name: '李娜', gender: raw }).input?.gender).toBe(gender);
  });

  it.each([
    ['教师', 'teacher'],
    ['专任教师', 'teacher'],
    ['班主任', 'teacher'],
    ['职员', 'staff'],
    ['行政管理', 'staff'],
    ['教辅', 'staff'],
    ['工勤', 'worker'],
    ['后勤', 'worker'],
    ['工人', 'worker'],
    ['其他', 'other'],
  ])('reads post type %s as %s', (raw, postType) => {
    expect(check({ name: '李娜', postType: raw }).input?.postType).toBe(postType);
  });

  it.each([
    ['在职', 'active'],
    ['退休', 'retired'],
    ['调离', 'transferred'],
    ['去世', 'deceased'],
  ])('reads employment status %s', (raw, value) => {
    expect(check({ name: '李娜', employmentStatus: raw }).input?.employmentStatus).toBe(value);
  });

  it.each([
    ['正常', 'normal'],
    ['保留会籍', 'reserved'],
    ['已转出', 'transferred_out'],
    ['已退会', 'withdrawn'],
  ])('reads membership status %s', (raw, value) => {
    expect(check({ name: '李娜', membershipStatus: raw }).input?.membershipStatus).toBe(value);
  });

  it('reads dates from spreadsheet cells: Date objects, serial numbers, digits kept as numbers', () => {
    const input = check({ name: '李娜', birthDate: new Date(Date.UTC(1985, 2, 2)), joinedOn: 39692 }).input;
    expect(input?.birthDate).toBe('1985-03-02');
    expect(input?.joinedOn).toBe('2008-09-01');
    expect(check({ name: '李娜', birthDate: 19850302 }).input?.birthDate).toBe('1985-03-02');
    expect(check({ name: '李娜', birthDate: 1985.03 }).input?.birthDate).toBe('1985-03-01');
  });

  it('splits tags on 、 , ， ; ； and spaces, dropping repeats', () => {
    expect(check({ name: '李娜', tags: '劳模,女职工；困难职工 青年教师;劳模' }).input?.tags).toEqual(['劳模', '女职工', '困难职工', '青年教师']);
  });

  it('accepts values exactly at the length limits', () => {
    const result = check({
      name: '名'.repeat(LIMITS.nameMax),
      staffNo: 'A'.repeat(LIMITS.staffNoMax),
      department: '部'.repeat(LIMITS.shortTextMax),
      note: '备'.repeat(LIMITS.noteMax),
      tags: Array.from({ length: LIMITS.tagsMax }, (_, i) => `标签${i}`).join('、'),
    });
    expect(result.problems).toEqual([]);
    expect(result.input?.tags).toHaveLength(LIMITS.tagsMax);
  });
});

describe('checkRosterRow: problems, in Chinese, naming the column', () => {
  it('refuses a phone that is not an 11-digit mobile', () => {
    for (const phone of ['1380000000', '138000000011', '010-12345678', '12800000001']) {
      const p = onlyProblem({ name: '李娜', phone });
      expect(p).toMatchObject({ row: 5, field: 'phone', column: '手机号码', value: phone });
      expect(p.message).toContain('手机号');
      expect(p.message).toContain(phone);
      expect(p.message).toContain('11位');
    }
  });

  it('refuses an ID whose check digit is wrong', () => {
    const bad = wrongCheck(ID_WOMAN_1985);
    const p = onlyProblem({ name: '李娜', idCard: bad });
    expect(p).toMatchObject({ row: 5, field: 'idCard', column: '身份证号', value: bad });
    expect(p.message).toContain('身份证号');
    expect(p.message).toContain('校验位');
  });

  it('refuses an ID of the wrong length, saying how long it is', () => {
    const p = onlyProblem({ name: '李娜', idCard: '11010519491231' });
    expect(p).toMatchObject({ field: 'idCard', column: '身份证号' });
    expect(p.message).toContain('18位');
    expect(p.message).toContain('14位');
  });

  it('explains that an ID stored as a number lost its last digits', () => {
    const p = onlyProblem({ name: '李娜', idCard: 110105194912310020 });
    expect(p).toMatchObject({ field: 'idCard', column: '身份证号' });
    expect(p.message).toContain('数字');
    expect(p.message).toContain('文本');
  });

  it('refuses an unreadable birth date or join date, naming the column and quoting the value', () => {
    const birth = onlyProblem({ name: '李娜', birthDate: '八五年三月' });
    expect(birth).toMatchObject({ field: 'birthDate', column: '出生日期', value: '八五年三月' });
    expect(birth.message).toContain('出生日期');
    expect(birth.message).toContain('八五年三月');
    const joined = onlyProblem({ name: '李娜', joinedOn: '2023-02-29' });
    expect(joined).toMatchObject({ field: 'joinedOn', column: '入会时间' });
    expect(joined.message).toContain('入会时间');
  });

  it('refuses an unknown gender', () => {
    const p = onlyProblem({ name: '李娜', gender: '未知' });
    expect(p).toMatchObject({ field: 'gender', column: '性别', value: '未知' });
    expect(p.message).toContain('男');
    expect(p.message).toContain('女');
  });

  it('refuses an unknown post type, listing the four it accepts', () => {
    const p = onlyProblem({ name: '李娜', postType: '临时聘用' });
    expect(p).toMatchObject({ field: 'postType', column: '岗位类别', value: '临时聘用' });
    for (const word of ['教师', '职员', '工勤', '其他']) expect(p.message).toContain(word);
  });

  it('refuses unknown employment and membership statuses', () => {
    const e = onlyProblem({ name: '李娜', employmentStatus: '休假' });
    expect(e).toMatchObject({ field: 'employmentStatus', column: '在职状态', value: '休假' });
    expect(e.message).toContain('在职');
    const m = onlyProblem({ name: '李娜', membershipStatus: '暂停' });
    expect(m).toMatchObject({ field: 'membershipStatus', column: '会籍状态', value: '暂停' });
    expect(m.message).toContain('保留会籍');
  });

  it('refuses a union group the union does not have', () => {
    const p = onlyProblem({ name: '李娜', group: '英语组' });
    expect(p).toMatchObject({ field: 'group', column: '工会小组', value: '英语组' });
    expect(p.message).toContain('英语组');
    expect(p.message).toContain('不存在');
  });

  it('refuses an empty name, once', () => {
    for (const name of ['', '   ', null, undefined]) {
      const p = onlyProblem({ name, phone: '13800000001' });
      expect(p).toMatchObject({ field: 'name', column: '姓名' });
      expect(p.message).toContain('姓名');
    }
  });

  it('refuses text over the length limits with a Chinese message naming the column and the limit', () => {
    const cases: [RosterField, string, string, number][] = [
      ['name', '名'.repeat(LIMITS.nameMax + 1), '姓名', LIMITS.nameMax],
      ['staffNo', 'A'.repeat(LIMITS.staffNoMax + 1), '工号', LIMITS.staffNoMax],
      ['department', '部'.repeat(LIMITS.shortTextMax + 1), '部门', LIMITS.shortTextMax],
      ['note', '备'.repeat(LIMITS.noteMax + 1), '备注', LIMITS.noteMax],
    ];
    for (const [field, value, column, limit] of cases) {
      const p = onlyProblem({ name: field === 'name' ? value : '李娜', [field]: value });
      expect(p).toMatchObject({ row: 5, field, column });
      expect(p.message).toContain(column);
      expect(p.message).toContain(String(limit));
      expect(p.message, p.message).not.toMatch(/[A-Za-z]/);
    }
  });

  it('refuses a tag that is too long and too many tags, on the 标签 column', () => {
    const long = onlyProblem({ name: '李娜', tags: `劳模、${'很'.repeat(LIMITS.tagMax + 1)}` });
    expect(long).toMatchObject({ field: 'tags', column: '标签' });
    expect(long.message).toContain('标签');
    const many = onlyProblem({ name: '李娜', tags: Array.from({ length: LIMITS.tagsMax + 1 }, (_, i) => `标签${i}`).join('、') });
    expect(many).toMatchObject({ field: 'tags', column: '标签' });
  });

  it('lists all the problems of a row: three bad cells give three problems', () => {
    const result = check({ ...GOOD, phone: '12345', idCard: wrongCheck(ID_WOMAN_1985), birthDate: '不详' }, 9);
    expect(result.input).toBeNull();
    expect(result.problems.map((p) => p.field).sort()).toEqual(['birthDate', 'idCard', 'phone']);
    expect(result.problems.every((p) => p.row === 9)).toBe(true);
  });

  it('lists every problem of a row where everything is wrong', () => {
    const result = check({
      name: '',
      gender: '?',
      birthDate: 'x',
      joinedOn: 'y',
      idCard: '123',
      phone: '456',
      postType: '外聘',
      employmentStatus: '停薪',
      membershipStatus: '冻结',
      group: '不存在的组',
      staffNo: 'A'.repeat(LIMITS.staffNoMax + 1),
    });
    expect(result.problems.map((p) => p.field).sort()).toEqual(
      ['birthDate', 'employmentStatus', 'gender', 'group', 'idCard', 'joinedOn', 'membershipStatus', 'name', 'phone', 'postType', 'staffNo'].sort(),
    );
    for (const p of result.problems) expect(p.message, p.field ?? '').toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('findDuplicatesInFile', () => {
  const run = (cells: Cells[]) => {
    const rows: CheckedRow[] = cells.map((c, i) => checkRosterRow(i + 2, c, GROUPS));
    return findDuplicatesInFile(rows, cells);
  };

  it('finds nothing in a file without repeats', () => {
    expect(run([{ name: '甲', staffNo: 'T1' }, { name: '乙', staffNo: 'T2' }, { name: '丙' }, { name: '丁' }])).toEqual([]);
  });

  it('flags the second and later occurrences of a staff number with the row of the first', () => {
    const problems = run([
      { name: '甲', staffNo: 'T001' },
      { name: '乙', staffNo: 'T002' },
      { name: '丙', staffNo: 'T001' },
      { name: '丁', staffNo: ' T001 ' },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ row: 4, field: 'staffNo', column: '工号', value: 'T001' });
    expect(problems[0].message).toContain('第 2 行');
    expect(problems[1]).toMatchObject({ row: 5, field: 'staffNo' });
    expect(problems[1].message).toContain('第 2 行');
  });

  it('flags a repeated ID number, x and X being the same', () => {
    const problems = run([
      { name: '甲', idCard: ID_X },
      { name: '乙', idCard: ID_WOMAN_1985 },
      { name: '丙', idCard: ID_X.slice(0, 17) + 'x' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 4, field: 'idCard', column: '身份证号', value: ID_X });
    expect(problems[0].message).toContain('第 2 行');
    expect(problems[0].message).toContain('重复');
  });

  it('does not count empty staff numbers or IDs as repeats', () => {
    expect(run([{ name: '甲', staffNo: '', idCard: null }, { name: '乙', staffNo: '  ' }, { name: '丙' }])).toEqual([]);
  });

  it('uses the spreadsheet row numbers of the rows, not their positions', () => {
    const cells: Cells[] = [{ name: '甲', staffNo: 'T9' }, { name: '乙', staffNo: 'T9' }];
    const rows = [checkRosterRow(10, cells[0], GROUPS), checkRosterRow(15, cells[1], GROUPS)];
    const problems = findDuplicatesInFile(rows, cells);
    expect(problems).toHaveLength(1);
    expect(problems[0].row).toBe(15);
    expect(problems[0].message).toContain('第 10 行');
  });
});
