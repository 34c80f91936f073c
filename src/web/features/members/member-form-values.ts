import dayjs, { type Dayjs } from 'dayjs';
import type { Rule } from 'antd/es/form';
import { memberInputSchema, type MemberInput } from '../../../contracts/members';
import { ApiError } from '../../lib/api';
import type { MemberView } from './member-types';

/** The member form's values as antd holds them: dates as dayjs, everything else as the API has it. */
export interface MemberFormValues {
  name: string;
  gender?: 'M' | 'F' | null;
  birthDate?: Dayjs | null;
  isLunarBirthday?: boolean;
  idCard?: string | null;
  phone?: string | null;
  staffNo?: string | null;
  department?: string | null;
  groupId?: string | null;
  postType?: MemberInput['postType'];
  employmentStatus?: MemberInput['employmentStatus'];
  membershipStatus?: MemberInput['membershipStatus'];
  joinedOn?: Dayjs | null;
  tags?: string[];
  note?: string | null;
  transferIn?: { fromOrgName?: string; onDate?: Dayjs | null };
}

/** The body fields a member form edits (everything but the optional 转入 section). */
export type MemberBody = Partial<Record<Exclude<keyof MemberFormValues, 'transferIn'>, unknown>>;

const toDay = (s: string | null | undefined) => (s ? dayjs(s, 'YYYY-MM-DD') : null);
const toIso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const orNull = <T,>(v: T | undefined | '') => (v === undefined || v === '' ? null : v);

/** A member as the edit form starts: the server's values, dates turned into dayjs. */
export function formValuesOf(m: MemberView): MemberFormValues {
  return {
    name: m.name,
    gender: m.gender,
    birthDate: toDay(m.birthDate),
    isLunarBirthday: m.isLunarBirthday,
    idCard: m.idCard,
    phone: m.phone,
    staffNo: m.staffNo,
    department: m.department,
    groupId: m.groupId,
    postType: m.postType,
    employmentStatus: m.employmentStatus,
    membershipStatus: m.membershipStatus,
    joinedOn: toDay(m.joinedOn),
    tags: m.tags,
    note: m.note,
  };
}

/** The form's values as the API takes them: dates as YYYY-MM-DD, cleared fields as null. */
export function bodyOf(v: MemberFormValues): MemberBody {
  const body: MemberBody = {
    name: v.name?.trim() ?? '',
    gender: orNull(v.gender),
    birthDate: toIso(v.birthDate),
    isLunarBirthday: !!v.isLunarBirthday,
    idCard: orNull(v.idCard?.trim()),
    phone: orNull(v.phone?.trim()),
    staffNo: orNull(v.staffNo?.trim()),
    department: orNull(v.department?.trim()),
    groupId: orNull(v.groupId),
    joinedOn: toIso(v.joinedOn),
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
    note: orNull(v.note?.trim()),
  };
  // Statuses are only on the edit form; a new member takes the server's defaults (在职, 正常).
  if (v.postType) body.postType = v.postType;
  if (v.employmentStatus) body.employmentStatus = v.employmentStatus;
  if (v.membershipStatus) body.membershipStatus = v.membershipStatus;
  return body;
}

/**
 * Only the fields the user changed. Phone and ID numbers may have come masked (138****0001); sending them
 * back unchanged would overwrite the real number, so an edit sends just what differs.
 */
export function changedFields(before: MemberBody, after: MemberBody): MemberBody {
  const out: MemberBody = {};
  for (const key of Object.keys(after) as (keyof MemberBody)[]) {
    if (JSON.stringify(after[key] ?? null) !== JSON.stringify(before[key] ?? null)) out[key] = after[key];
  }
  return out;
}

/** An antd rule that checks one field with the shared member schema, so the form says what the API would. */
export function schemaRule(field: keyof typeof memberInputSchema.shape): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      // Masked numbers come from the server as they are and are never sent back unchanged.
      if (typeof value === 'string' && value.includes('*')) return;
      // An empty name must read as "请填写姓名", not as zod's generic type message.
      const input = field === 'name' && (value === undefined || value === null) ? '' : value;
      const result = memberInputSchema.shape[field].safeParse(input);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
    },
  };
}

/**
 * The server names list items and nested fields by path ("tags.0", "transferIn.onDate"); the form shows a
 * tag problem on the whole 标签 field.
 */
export function withFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({ ...f, path: f.path.replace(/^tags\.\d+$/, 'tags') }));
  return new ApiError(error.status, error.code, error.message, fields);
}
