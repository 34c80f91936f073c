import { z } from 'zod';
import { isoDateSchema } from './members.js';
import {
  ASSISTANCE_CAMPAIGNS,
  ASSISTANCE_KINDS,
  CARE_FUND_CATEGORIES,
  CARE_LIMITS,
  careFileSchema,
  fenSchema,
  HARDSHIP_LEVELS,
  HARDSHIP_STATUSES,
  optionalText,
  requiredText as text,
  uuidOf as uuid,
} from './care-base.js';

/*
 * Hardship files (困难职工建档立卡) and assistance (帮扶) — routes under /hardship, listed with the care routes in
 * contracts/care.ts. Only the chair and the 生活福利 committee member see them; a member sees their own file.
 */

// ——— Hardship files and assistance ———

export const householdMemberSchema = z.object({
  name: text('家庭成员', CARE_LIMITS.visitorNameMax),
  relation: text('与本人关系', 10),
  note: optionalText('备注', 100),
});
export const hardshipInputSchema = z.object({
  memberId: uuid('会员'),
  year: z.number().int().min(2000).max(2100),
  householdSize: z.number({ message: '请填写家庭人口' }).int('家庭人口应为整数').min(1, '家庭人口至少为 1').max(CARE_LIMITS.householdMax),
  annualIncomeFen: fenSchema('家庭年可支配收入'),
  unavoidableCostsFen: fenSchema('刚性支出'),
  isAccident: z.boolean().default(false),
  household: z.array(householdMemberSchema).max(CARE_LIMITS.householdMax).default([]),
  reasons: optionalText('致困原因', CARE_LIMITS.detailsMax),
});
export type HardshipInput = z.infer<typeof hardshipInputSchema>;

export const hardshipFileSchema = z.object({
  id: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
  year: z.number().int(),
  householdSize: z.number().int(),
  annualIncomeFen: z.number().int(),
  unavoidableCostsFen: z.number().int(),
  isAccident: z.boolean(),
  household: z.array(z.object({ name: z.string(), relation: z.string(), note: z.string() })),
  reasons: z.string(),
  povertyLineFen: z.number().int().nullable(),
  /** (income − unavoidable costs) ÷ 12 ÷ household size, in fen (rounded down). */
  perCapitaMonthlyFen: z.number().int(),
  level: z.enum(HARDSHIP_LEVELS),
  status: z.enum(HARDSHIP_STATUSES),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  assistanceFen: z.number().int(),
  can: z.object({ edit: z.boolean(), approve: z.boolean() }),
});
export type HardshipFile = z.infer<typeof hardshipFileSchema>;

export const assistanceInputSchema = z.object({
  memberId: uuid('会员'),
  hardshipFileId: uuid('困难档案').nullable().default(null),
  kind: z.enum(ASSISTANCE_KINDS, { message: '请选择帮扶类别' }),
  campaign: z.enum(ASSISTANCE_CAMPAIGNS).nullable().default(null),
  amountFen: fenSchema('帮扶金额'),
  givenOn: isoDateSchema,
  notes: optionalText('备注', CARE_LIMITS.notesMax),
  payee: optionalText('领款人', CARE_LIMITS.visitorNameMax),
});
export type AssistanceInput = z.infer<typeof assistanceInputSchema>;

/** Days before a file's review date from which it is listed as due for re-assessment (the keepers' reminder). */
export const HARDSHIP_REVIEW_NOTICE_DAYS = 30;

/** Field names of hardship requests where they differ from the care ones (the error handler looks here first). */
export const HARDSHIP_FIELD_LABELS: Record<string, string> = {
  amountFen: '帮扶金额',
  name: '姓名',
  relation: '与本人关系',
  reasons: '致困原因',
  hardshipFileId: '困难档案',
  kind: '帮扶类别',
  campaign: '帮扶活动',
  givenOn: '帮扶日期',
};

/** PATCH /hardship/files/:id: any of the figures and the household, while the file is a draft or awaits approval. */
export const hardshipPatchSchema = z.object({
  householdSize: hardshipInputSchema.shape.householdSize.optional(),
  annualIncomeFen: fenSchema('家庭年可支配收入').optional(),
  unavoidableCostsFen: fenSchema('刚性支出').optional(),
  isAccident: z.boolean().optional(),
  household: z.array(householdMemberSchema).max(CARE_LIMITS.householdMax).optional(),
  reasons: z.string().trim().max(CARE_LIMITS.detailsMax, `致困原因不能超过 ${CARE_LIMITS.detailsMax} 个字`).optional(),
});
export type HardshipPatch = z.infer<typeof hardshipPatchSchema>;

/** POST /hardship/files/:id/close: why the file is closed (e.g. 已脱困, 调离本校). */
export const hardshipCloseSchema = z.object({ reason: text('理由', CARE_LIMITS.reasonMax) });
/** POST /hardship/files/:id/reassess: the year of the new file (default: the year after the file's). */
export const hardshipReassessSchema = z.object({ year: z.number().int().min(2000).max(2100).optional() });

/** An assistance record (帮扶) as keepers see it. */
export const assistanceRecordSchema = z.object({
  id: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
  hardshipFileId: z.string().nullable(),
  kind: z.enum(ASSISTANCE_KINDS),
  campaign: z.enum(ASSISTANCE_CAMPAIGNS).nullable(),
  amountFen: z.number().int(),
  givenOn: z.string(),
  notes: z.string(),
  payee: z.string(),
  fundCategory: z.enum(CARE_FUND_CATEGORIES),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AssistanceRecord = z.infer<typeof assistanceRecordSchema>;


/** GET /hardship/files/:id (keepers): the file, how its level was reached, its evidence, what the actor may do. */
export const hardshipFileDetailSchema = hardshipFileSchema.extend({
  member: z.object({ id: z.string(), name: z.string(), groupName: z.string().nullable() }),
  /** The computation in words: "人均月收入 812.50 元，低于低保线 850.00 元 → 深度困难", or "未设置本年度低保线". */
  levelReason: z.string(),
  /** Approved, not yet re-assessed, and the review date is within HARDSHIP_REVIEW_NOTICE_DAYS (or past). */
  isReviewDue: z.boolean(),
  /** The year of the file that re-assessed this one, if any. */
  reassessedInYear: z.number().int().nullable(),
  files: z.array(careFileSchema),
  assistance: z.array(assistanceRecordSchema),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), submit: z.boolean(), reassess: z.boolean(), close: z.boolean() }),
});
export type HardshipFileDetail = z.infer<typeof hardshipFileDetailSchema>;

/** One line of GET /hardship/files (keepers only). */
export const hardshipFileSummarySchema = z.object({
  id: z.string(),
  member: z.object({ id: z.string(), name: z.string(), groupName: z.string().nullable() }),
  year: z.number().int(),
  householdSize: z.number().int(),
  perCapitaMonthlyFen: z.number().int(),
  povertyLineFen: z.number().int().nullable(),
  level: z.enum(HARDSHIP_LEVELS),
  status: z.enum(HARDSHIP_STATUSES),
  reviewDueOn: z.string().nullable(),
  isReviewDue: z.boolean(),
  assistanceFen: z.number().int(),
});
export type HardshipFileSummary = z.infer<typeof hardshipFileSummarySchema>;

export const hardshipListQuerySchema = z.object({
  status: z.enum(HARDSHIP_STATUSES).optional(),
  level: z.enum(HARDSHIP_LEVELS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only files due for re-assessment. */
  reviewDue: z.enum(['true', 'false']).optional(),
});
export const hardshipListSchema = z.object({
  items: z.array(hardshipFileSummarySchema),
  /** Files due for re-assessment in the union (whatever the filters). */
  reviewDue: z.number().int(),
  canManage: z.boolean(),
  canApprove: z.boolean(),
});
export type HardshipList = z.infer<typeof hardshipListSchema>;

/** GET /hardship/my: the member's own file(s), newest year first, without the keepers' notes (approver, closing reason). */
export const hardshipOwnFileSchema = hardshipFileSchema.omit({ approvedBy: true, closedReason: true, can: true }).extend({ levelReason: z.string() });
export const hardshipMySchema = z.object({ items: z.array(hardshipOwnFileSchema) });
export type HardshipMy = z.infer<typeof hardshipMySchema>;

export const assistanceQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  memberId: z.string().uuid('会员无效').optional(),
});
/** GET /hardship/assistance?year: the year's records (newest first) and totals (帮扶人次 = records, 人数, amounts by kind). */
export const assistanceListSchema = z.object({
  year: z.number().int(),
  items: z.array(assistanceRecordSchema),
  totals: z.object({
    count: z.number().int(),
    people: z.number().int(),
    amountFen: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(ASSISTANCE_KINDS), count: z.number().int(), amountFen: z.number().int() })),
  }),
  canManage: z.boolean(),
});
export type AssistanceList = z.infer<typeof assistanceListSchema>;
