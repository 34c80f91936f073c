import { z } from 'zod';
import { isValidIdCard } from '../domain/id-card.js';
import { toIsoDate } from '../domain/dates.js';
import { isValidMobile } from '../domain/phone.js';
import { LIMITS } from './limits.js';

export const GENDERS = ['M', 'F'] as const;
export const GENDER_LABELS = { M: '男', F: '女' } as const;
export const POST_TYPES = ['teacher', 'staff', 'worker', 'other'] as const;
export const POST_TYPE_LABELS = { teacher: '教师', staff: '职员', worker: '工勤', other: '其他' } as const;
export const EMPLOYMENT_STATUSES = ['active', 'retired', 'transferred', 'deceased'] as const;
export const EMPLOYMENT_STATUS_LABELS = { active: '在职', retired: '退休', transferred: '调离', deceased: '去世' } as const;
export const MEMBERSHIP_STATUSES = ['normal', 'reserved', 'transferred_out', 'withdrawn'] as const;
export const MEMBERSHIP_STATUS_LABELS = {
  normal: '正常',
  reserved: '保留会籍',
  transferred_out: '已转出',
  withdrawn: '已退会',
} as const;
export const AGE_BANDS = ['under30', '30to39', '40to49', '50to59', '60plus'] as const;
export const AGE_BAND_LABELS = {
  under30: '30岁以下',
  '30to39': '30–39岁',
  '40to49': '40–49岁',
  '50to59': '50–59岁',
  '60plus': '60岁及以上',
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day written YYYY-MM-DD: 2026-02-30 is refused here, not left to the database. */
export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !ISO_DATE.test(s) || toIsoDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) !== null, '日期不存在，请检查年月日');
const isoDate = isoDateSchema;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** Fields a user edits on a member; the same schema checks the form, the API and each imported row. */
export const memberInputSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(LIMITS.nameMax, `姓名不能超过 ${LIMITS.nameMax} 个字`),
  gender: z.enum(GENDERS, { message: '性别应为 男 或 女' }).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  isLunarBirthday: z.boolean().optional(),
  idCard: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => s === '' || isValidIdCard(s), '身份证号不正确（应为18位，且校验位正确）')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .refine((s) => s === '' || isValidMobile(s), '手机号应为11位中国大陆手机号')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  staffNo: optionalText(LIMITS.staffNoMax),
  department: optionalText(LIMITS.shortTextMax),
  groupId: z.string().uuid('工会小组无效').nullable().optional(),
  postType: z.enum(POST_TYPES, { message: '岗位类别应为 教师、职员、工勤 或 其他' }).optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES, { message: '在职状态无效' }).optional(),
  membershipStatus: z.enum(MEMBERSHIP_STATUSES, { message: '会籍状态无效' }).optional(),
  joinedOn: isoDate.nullable().optional(),
  tags: z
    .array(z.string().trim().min(1, '标签不能为空').max(LIMITS.tagMax, `每个标签不能超过 ${LIMITS.tagMax} 个字`))
    .max(LIMITS.tagsMax, `标签最多 ${LIMITS.tagsMax} 个`)
    .optional(),
  note: optionalText(LIMITS.noteMax),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

/** Roster list query: paging, search, filters and sort. */
export const memberListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  q: z.string().trim().max(50).optional(),
  groupId: z.string().uuid('工会小组无效').optional(),
  department: z.string().max(LIMITS.shortTextMax).optional(),
  postType: z.enum(POST_TYPES).optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
  membershipStatus: z.enum(MEMBERSHIP_STATUSES).optional(),
  tag: z.string().max(LIMITS.tagMax).optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  sort: z.enum(['pinyin', 'stroke', 'staffNo', 'joinedOn']).default('pinyin'),
});
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  isLunarBirthday: '农历生日',
  idCard: '身份证号',
  phone: '手机号',
  staffNo: '工号',
  department: '部门',
  groupId: '工会小组',
  group: '工会小组',
  postType: '岗位类别',
  employmentStatus: '在职状态',
  membershipStatus: '会籍状态',
  joinedOn: '入会时间',
  tags: '标签',
  note: '备注',
  q: '搜索',
  tag: '标签',
  ageBand: '年龄段',
  page: '页码',
  pageSize: '每页条数',
  password: '密码',
  newPassword: '新密码',
  oldPassword: '原密码',
  login: '手机号或工号',
  orgId: '组织',
  parentId: '上级组织',
  kind: '组织类型',
  role: '角色',
  portfolio: '分工',
  userId: '用户',
  onDate: '日期',
  toOrgName: '转入单位',
  reason: '原因',
  mapping: '列对应关系',
  mode: '导入方式',
};
