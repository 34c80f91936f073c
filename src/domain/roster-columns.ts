/** The roster's spreadsheet columns: the header written on export and in the template, and the headers
 * people really use that the import recognises for each field. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', synonyms: ['姓名', '名字', '会员姓名', '职工姓名', '教职工姓名', '教师姓名'], width: 10 },
  { key: 'gender', header: '性别', synonyms: ['性别'], width: 6 },
  { key: 'birthDate', header: '出生日期', synonyms: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'], width: 12 },
  { key: 'idCard', header: '身份证号', synonyms: ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', '身份证件号码'], width: 21 },
  { key: 'phone', header: '手机号码', synonyms: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话', '电话号码'], width: 14 },
  { key: 'staffNo', header: '工号', synonyms: ['工号', '职工号', '教职工号', '职工编号', '人员编号', '编号'], width: 10 },
  { key: 'department', header: '部门', synonyms: ['部门', '科室', '教研组', '处室', '所在部门', '年级组', '所在科室', '单位部门'], width: 12 },
  { key: 'group', header: '工会小组', synonyms: ['工会小组', '小组', '所在小组', '工会组'], width: 14 },
  { key: 'postType', header: '岗位类别', synonyms: ['岗位类别', '岗位', '人员类别', '岗位类型', '人员类型', '岗位性质'], width: 10 },
  { key: 'joinedOn', header: '入会时间', synonyms: ['入会时间', '入会日期', '入会年月', '加入工会时间'], width: 12 },
  { key: 'employmentStatus', header: '在职状态', synonyms: ['在职状态', '人员状态', '在岗状态'], width: 10 },
  { key: 'membershipStatus', header: '会籍状态', synonyms: ['会籍状态', '会员状态', '会籍'], width: 10 },
  { key: 'tags', header: '标签', synonyms: ['标签', '会员标签'], width: 16 },
  { key: 'note', header: '备注', synonyms: ['备注', '说明'], width: 20 },
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]['key'];
export const ROSTER_FIELDS = ROSTER_COLUMNS.map((c) => c.key) as RosterField[];
export const ROSTER_FIELD_HEADERS = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<RosterField, string>;

/** Strips what decorates a header: spaces, asterisks, brackets with notes such as （必填）. */
export function normalizeHeader(raw: string): string {
  return raw
    .replace(/[\s\u3000*＊:：]/g, '')
    .replace(/[（(【\[][^）)】\]]*[）)】\]]/g, '')
    .trim();
}

/**
 * Guesses which roster field each column holds: exact synonyms first, then a header that contains one
 * (e.g. 本人手机号码). Each field is used at most once; unmatched columns are left out.
 * Returns column index (as a string) → field.
 */
export function detectMapping(headers: string[]): Record<string, RosterField> {
  const mapping: Record<string, RosterField> = {};
  const used = new Set<RosterField>();
  const normal = headers.map((h) => normalizeHeader(h ?? ''));
  for (const pass of ['exact', 'contains'] as const) {
    normal.forEach((h, i) => {
      if (!h || mapping[String(i)]) return;
      const col = ROSTER_COLUMNS.find(
        (c) => !used.has(c.key) && c.synonyms.some((s) => (pass === 'exact' ? h === s : s.length >= 2 && h.includes(s))),
      );
      if (col) {
        mapping[String(i)] = col.key;
        used.add(col.key);
      }
    });
  }
  return mapping;
}
