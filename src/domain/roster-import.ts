import {
  EMPLOYMENT_STATUS_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  memberInputSchema,
  POST_TYPE_LABELS,
  type MemberInput,
} from '../contracts/members.js';
import { parseLooseDate } from './dates.js';
import { idCardBirthDate, isValidIdCard } from './id-card.js';
import { isValidMobile, normalizePhone } from './phone.js';
import { ROSTER_FIELD_HEADERS, type RosterField } from './roster-columns.js';

/** One problem in one cell of the uploaded file. `row` is the spreadsheet's row number (header = 1). */
export interface RowProblem {
  row: number;
  field: RosterField | null;
  column: string;
  value: string;
  message: string;
}

/** What an import row became: the member it describes, or the problems that stop it. */
export interface CheckedRow {
  row: number;
  input: MemberInput | null;
  groupName: string | null;
  problems: RowProblem[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

function reverseLookup<T extends string>(labels: Record<T, string>, value: string): T | undefined {
  return (Object.keys(labels) as T[]).find((k) => labels[k] === value);
}

function parsePostType(v: string): MemberInput['postType'] | undefined | null {
  if (!v) return undefined;
  const exact = reverseLookup(POST_TYPE_LABELS, v);
  if (exact) return exact;
  if (/教师|教学|专任|班主任/.test(v)) return 'teacher';
  if (/职员|管理|行政|教辅/.test(v)) return 'staff';
  if (/工勤|后勤|工人/.test(v)) return 'worker';
  return null;
}

function parseGender(v: string): 'M' | 'F' | undefined | null {
  if (!v) return undefined;
  if (/^(男|男性|M|m)$/.test(v)) return 'M';
  if (/^(女|女性|F|f)$/.test(v)) return 'F';
  return null;
}

/**
 * Reads one spreadsheet row into a member input and lists every problem in it, in Chinese, naming the
 * column. `cells` maps each mapped field to the raw cell value; `groupNames` are the union's groups.
 */
export function checkRosterRow(rowNumber: number, cells: Partial<Record<RosterField, unknown>>, groupNames: Set<string>): CheckedRow {
  const problems: RowProblem[] = [];
  const problem = (field: RosterField, value: unknown, message: string) =>
    problems.push({ row: rowNumber, field, column: ROSTER_FIELD_HEADERS[field], value: text(value), message });
  const draft: Record<string, unknown> = {};

  draft.name = text(cells.name);
  if (!draft.name) problem('name', cells.name, '姓名为空');

  const gender = parseGender(text(cells.gender));
  if (gender === null) problem('gender', cells.gender, `性别“${text(cells.gender)}”无法识别，应为 男 或 女`);
  else if (gender) draft.gender = gender;

  for (const field of ['birthDate', 'joinedOn'] as const) {
    const raw = cells[field];
    if (text(raw) === '' && !(raw instanceof Date)) continue;
    const iso = parseLooseDate(raw);
    if (!iso) problem(field, raw, `${ROSTER_FIELD_HEADERS[field]}“${text(raw)}”无法识别，请写成 1985-03-02 或 1985年3月2日`);
    else draft[field] = iso;
  }

  const idRaw = cells.idCard;
  if (typeof idRaw === 'number') {
    problem('idCard', idRaw, '身份证号被存成了数字，后几位已丢失；请把该列设为“文本”后重新填写');
  } else if (text(idRaw)) {
    const id = text(idRaw).toUpperCase().replace(/\s/g, '');
    if (!/^\d{17}[\dX]$/.test(id)) problem('idCard', idRaw, `身份证号应为18位（现为${id.length}位）`);
    else if (idCardBirthDate(id) === null) problem('idCard', idRaw, `身份证号中的出生日期 ${id.slice(6, 14)} 不存在，请核对`);
    else if (!isValidIdCard(id)) problem('idCard', idRaw, '身份证号校验位不正确，请核对');
    else draft.idCard = id;
  }

  const phone = text(cells.phone);
  if (phone) {
    if (!isValidMobile(phone)) problem('phone', cells.phone, `手机号“${phone}”不是11位手机号`);
    else draft.phone = normalizePhone(phone);
  }

  const staffNo = text(cells.staffNo);
  if (staffNo) draft.staffNo = staffNo;
  const department = text(cells.department);
  if (department) draft.department = department;

  const postType = parsePostType(text(cells.postType));
  if (postType === null) problem('postType', cells.postType, `岗位类别“${text(cells.postType)}”无法识别，应为 教师、职员、工勤 或 其他`);
  else if (postType) draft.postType = postType;

  const employment = text(cells.employmentStatus);
  if (employment) {
    const v = reverseLookup(EMPLOYMENT_STATUS_LABELS, employment);
    if (!v) problem('employmentStatus', employment, `在职状态“${employment}”无法识别，应为 在职、退休、调离 或 去世`);
    else draft.employmentStatus = v;
  }
  const membership = text(cells.membershipStatus);
  if (membership) {
    const v = reverseLookup(MEMBERSHIP_STATUS_LABELS, membership);
    if (!v) problem('membershipStatus', membership, `会籍状态“${membership}”无法识别，应为 正常、保留会籍、已转出 或 已退会`);
    else draft.membershipStatus = v;
  }

  const tags = text(cells.tags);
  if (tags) draft.tags = [...new Set(tags.split(/[、,，;；\s]+/).filter(Boolean))];
  const note = text(cells.note);
  if (note) draft.note = note;

  const groupName = text(cells.group) || null;
  if (groupName && !groupNames.has(groupName)) problem('group', groupName, `工会小组“${groupName}”不存在，请先在组织管理中建立或改为已有小组`);

  // The shared schema enforces the remaining limits (lengths, tag counts) exactly as the form does.
  const parsed = memberInputSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name') as RosterField;
      if (problems.some((p) => p.field === field)) continue;
      problem(field in ROSTER_FIELD_HEADERS ? field : 'name', draft[field], `${ROSTER_FIELD_HEADERS[field] ?? field}：${issue.message}`);
    }
  }
  return { row: rowNumber, input: problems.length === 0 && parsed.success ? parsed.data : null, groupName, problems };
}

/** Flags staff numbers and ID numbers that appear on more than one row of the same file. */
export function findDuplicatesInFile(rows: CheckedRow[], cells: Partial<Record<RosterField, unknown>>[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const field of ['staffNo', 'idCard'] as const) {
    const firstSeen = new Map<string, number>();
    rows.forEach((r, i) => {
      const v = text(cells[i][field]).toUpperCase();
      if (!v) return;
      const first = firstSeen.get(v);
      if (first === undefined) firstSeen.set(v, r.row);
      else {
        problems.push({
          row: r.row,
          field,
          column: ROSTER_FIELD_HEADERS[field],
          value: v,
          message: `${ROSTER_FIELD_HEADERS[field]} ${v} 与第 ${first} 行重复`,
        });
      }
    });
  }
  return problems;
}
