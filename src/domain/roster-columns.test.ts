import { describe, expect, it } from 'vitest';
import { detectMapping, normalizeHeader, ROSTER_COLUMNS, ROSTER_FIELD_HEADERS, ROSTER_FIELDS } from './roster-columns.js';

/** The fields detected, by header, for a one-row header list. */
const fieldsOf = (headers: string[]) => {
  const mapping = detectMapping(headers);
  return Object.fromEntries(Object.entries(mapping).map(([i, field]) => [headers[Number(i)], field]));
};

describe('normalizeHeader', () => {
  it.each([
    ['姓名*', '姓名'],
    ['*姓名', '姓名'],
    ['＊姓名', '姓名'],
    ['手机号码（必填）', '手机号码'],
    ['手机号码(必填)', '手机号码'],
    ['身份证号(18位)', '身份证号'],
    ['【必填】身份证号', '身份证号'],
    ['工号[选填]', '工号'],
    [' 姓 名 ', '姓名'],
    ['姓\u3000名', '姓名'],
    ['\t工号\n', '工号'],
    ['备注：', '备注'],
    ['备注:', '备注'],
    ['出生日期（格式：1985-03-02）*', '出生日期'],
    ['姓名', '姓名'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('detectMapping', () => {
  it('maps a typical roster header row by column index, leaving 序号 out', () => {
    const headers = ['序号', '姓名', '性别', '出生日期', '身份证号', '手机号码', '工号', '部门', '工会小组', '岗位类别', '入会时间', '备注'];
    expect(detectMapping(headers)).toEqual({
      '1': 'name',
      '2': 'gender',
      '3': 'birthDate',
      '4': 'idCard',
      '5': 'phone',
      '6': 'staffNo',
      '7': 'department',
      '8': 'group',
      '9': 'postType',
      '10': 'joinedOn',
      '11': 'note',
    });
  });

  it.each([
    ['姓名', 'name'],
    ['性别', 'gender'],
    ['出生日期', 'birthDate'],
    ['出生年月', 'birthDate'],
    ['身份证号', 'idCard'],
    ['身份证号码', 'idCard'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['手机号码', 'phone'],
    ['联系电话', 'phone'],
    ['工号', 'staffNo'],
    ['部门', 'department'],
    ['科室', 'department'],
    ['教研组', 'department'],
    ['工会小组', 'group'],
    ['岗位', 'postType'],
    ['人员类别', 'postType'],
    ['入会时间', 'joinedOn'],
    ['备注', 'note'],
    ['在职状态', 'employmentStatus'],
    ['会籍状态', 'membershipStatus'],
    ['标签', 'tags'],
  ])('recognises %s as %s', (header, field) => {
    expect(detectMapping([header])).toEqual({ '0': field });
  });

  it('recognises decorated headers: 姓名*, 手机号码（必填）, spaces, brackets', () => {
    expect(fieldsOf(['姓名*', '手机号码（必填）', ' 工 号 ', '身份证号(18位)', '【必填】性别', '出生年月：'])).toEqual({
      '姓名*': 'name',
      '手机号码（必填）': 'phone',
      ' 工 号 ': 'staffNo',
      '身份证号(18位)': 'idCard',
      '【必填】性别': 'gender',
      '出生年月：': 'birthDate',
    });
  });

  it('recognises headers that contain a known one: 本人手机号码, 所在教研组名称, 会员身份证号码', () => {
    expect(fieldsOf(['本人手机号码', '所在教研组名称', '会员身份证号码', '教职工姓名'])).toEqual({
      本人手机号码: 'phone',
      所在教研组名称: 'department',
      会员身份证号码: 'idCard',
      教职工姓名: 'name',
    });
  });

  it('uses each field once: the first of two phone columns wins', () => {
    expect(detectMapping(['手机', '联系电话'])).toEqual({ '0': 'phone' });
    expect(detectMapping(['姓名', '姓名'])).toEqual({ '0': 'name' });
    expect(detectMapping(['部门', '科室', '教研组'])).toEqual({ '0': 'department' });
  });

  it('prefers an exact header over an earlier header that merely contains one', () => {
    expect(detectMapping(['紧急联系人手机', '手机号码'])).toEqual({ '1': 'phone' });
    expect(detectMapping(['岗位等级', '岗位类别'])).toEqual({ '1': 'postType' });
  });

  it('leaves unknown headers out', () => {
    expect(detectMapping(['序号', '民族', '政治面貌', '学历', '职称', '家庭住址', '籍贯', '年龄'])).toEqual({});
  });

  it('skips empty headers without shifting the indexes of the others', () => {
    expect(detectMapping(['', '姓名', '   ', '工号'])).toEqual({ '1': 'name', '3': 'staffNo' });
    expect(detectMapping([])).toEqual({});
  });

  it('does not map a bracket-only or star-only header', () => {
    expect(detectMapping(['（必填）', '*'])).toEqual({});
  });

  it('recognises the export/template header of every field, so an exported roster imports back', () => {
    const headers = ROSTER_COLUMNS.map((c) => c.header);
    const mapping = detectMapping(headers);
    expect(Object.values(mapping)).toEqual(ROSTER_FIELDS);
    for (const [i, field] of Object.entries(mapping)) expect(ROSTER_FIELD_HEADERS[field]).toBe(headers[Number(i)]);
  });

  it('recognises every listed synonym on its own as its field', () => {
    for (const column of ROSTER_COLUMNS) {
      for (const synonym of column.synonyms) expect(detectMapping([synonym]), synonym).toEqual({ '0': column.key });
    }
  });

  it('maps every field of an exported roster in any column order', () => {
    const headers = [...ROSTER_COLUMNS.map((c) => c.header)].reverse();
    const mapping = detectMapping(headers);
    expect(new Set(Object.values(mapping))).toEqual(new Set(ROSTER_FIELDS));
    for (const [i, field] of Object.entries(mapping)) expect(headers[Number(i)]).toBe(ROSTER_FIELD_HEADERS[field]);
  });
});
