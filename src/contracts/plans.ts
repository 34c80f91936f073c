import { z } from 'zod';
import { COMPARATORS, GOAL_METRIC_IDS } from '../domain/goal-metrics.js';
import { isoDateSchema } from './members.js';

/**
 * The plan & calendar API's inputs (server routes, web forms and the plan import's save share them).
 * Routes, all under /api/v1, working in the actor's current organisation:
 *   GET    /plans                         list (newest period first) with counts
 *   POST   /plans                         create, optionally with sections, goals and schedule items (import)
 *   GET    /plans/:id                     the plan with sections, goals (each with its live value) and items
 *   PATCH  /plans/:id                     title, period, date line
 *   DELETE /plans/:id                     removes the plan; its items stay on the calendar, unlinked
 *   PUT    /plans/:id/sections            replaces all sections (array order = document order)
 *   POST   /plans/:id/goals               add a goal; PATCH/DELETE /plans/:id/goals/:goalId
 *   POST   /plans/:id/copy                a new plan from this one, dates shifted to the new period
 *   GET    /plans/:id/export.docx         the plan laid out like a printed plan
 *   POST   /plans/parse                   {text} or a multipart .docx/.txt → the parsed draft, nothing saved
 *   GET    /plans/metrics                 the metric catalogue with whether each has a data source yet
 *   GET    /calendar/items?from&to&planId&status   items overlapping [from, to], with `overdue`
 *   POST   /calendar/items; PATCH/DELETE /calendar/items/:id
 *   GET    /calendar/owners               people with a role in the organisation (owner picker)
 *   GET    /calendar/festivals?year=YYYY  [{ name, date }] in date order
 *   GET    /calendar/export.xlsx?from&to
 *   GET    /calendar/feed                 { active, createdAt }; POST creates a new secret URL (returned once,
 *                                         replacing the old one); DELETE revokes
 *   GET    /ical/:token.ics               the iCalendar feed (no session; the token is the key)
 */

export const PERIOD_KINDS = ['school_year', 'term', 'year'] as const;
export const PERIOD_KIND_LABELS = { school_year: '学年', term: '学期', year: '年度' } as const;
export const ITEM_STATUSES = ['planned', 'done', 'cancelled', 'postponed'] as const;
export const ITEM_STATUS_LABELS = { planned: '计划', done: '已完成', cancelled: '取消', postponed: '延期' } as const;
export const DATE_KINDS = ['month', 'date', 'range'] as const;
export const DATE_KIND_LABELS = { month: '按月', date: '某一天', range: '日期范围' } as const;
export const LINK_KINDS = ['activity', 'care_campaign', 'congress_session'] as const;
export const LINK_KIND_LABELS = { activity: '活动', care_campaign: '慰问', congress_session: '教代会会议' } as const;
export const ITEM_CATEGORIES = ['思想引领', '维权服务', '文体活动', '民主管理', '女工工作', '送温暖', '自身建设', '其他'] as const;

export const PLAN_LIMITS = {
  titleMax: 100,
  headingMax: 50,
  sectionBodyMax: 50_000,
  sectionsMax: 30,
  goalTextMax: 500,
  goalsMax: 50,
  itemTitleMax: 200,
  itemsMax: 500,
  noteMax: 500,
  parseTextMax: 200_000,
  parseFileMaxBytes: 10 * 1024 * 1024,
} as const;

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const sectionInputSchema = z.object({
  heading: text('章节标题', PLAN_LIMITS.headingMax),
  /** HTML from the editor; the server keeps only paragraphs, lists, bold/italic/underline and line breaks. */
  body: z.string().max(PLAN_LIMITS.sectionBodyMax, `正文不能超过 ${PLAN_LIMITS.sectionBodyMax} 个字符`).default(''),
});

export const goalInputSchema = z
  .object({
    text: text('目标内容', PLAN_LIMITS.goalTextMax),
    metric: z.enum(GOAL_METRIC_IDS as [string, ...string[]], { message: '指标无效' }).nullable().optional(),
    comparator: z.enum(COMPARATORS, { message: '比较方式无效' }).nullable().optional(),
    target: z.number({ message: '目标值应为数字' }).finite('目标值应为数字').min(0, '目标值不能为负').nullable().optional(),
  })
  .superRefine((g, ctx) => {
    if (!g.metric) return;
    if (!g.comparator) ctx.addIssue({ code: 'custom', path: ['comparator'], message: '选择了指标，请同时选择比较方式' });
    if (g.target === null || g.target === undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: '选择了指标，请填写目标值' });
  });

export const itemInputSchema = z
  .object({
    title: text('事项', PLAN_LIMITS.itemTitleMax),
    dateKind: z.enum(DATE_KINDS, { message: '时间类型应为 按月、某一天 或 日期范围' }),
    /** For 'month': the first day of the first month; the server normalises it. */
    startDate: isoDateSchema,
    /** For 'month': any day of the last month (normalised to its last day); for 'date': equal to startDate. */
    endDate: isoDateSchema,
    ownerUserId: z.string().uuid('负责人无效').nullable().optional(),
    category: z.string().trim().max(20, '类别不能超过 20 个字').nullable().optional(),
    status: z.enum(ITEM_STATUSES, { message: '状态应为 计划、已完成、取消 或 延期' }).optional(),
    note: z.string().trim().max(PLAN_LIMITS.noteMax, `备注不能超过 ${PLAN_LIMITS.noteMax} 个字`).nullable().optional(),
    link: z.object({ kind: z.enum(LINK_KINDS, { message: '关联类型无效' }), id: z.string().uuid('关联对象无效') }).nullable().optional(),
  })
  .refine((i) => i.endDate >= i.startDate, { path: ['endDate'], message: '结束日期不能早于开始日期' });

export const planInputSchema = z
  .object({
    title: text('计划标题', PLAN_LIMITS.titleMax),
    periodKind: z.enum(PERIOD_KINDS, { message: '期间应为 学年、学期 或 年度' }),
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    planDate: isoDateSchema.nullable().optional(),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: '期间结束不能早于开始' });

export const planCreateSchema = planInputSchema.and(
  z.object({
    sections: z.array(sectionInputSchema).max(PLAN_LIMITS.sectionsMax, `章节最多 ${PLAN_LIMITS.sectionsMax} 个`).optional(),
    goals: z.array(goalInputSchema).max(PLAN_LIMITS.goalsMax, `目标最多 ${PLAN_LIMITS.goalsMax} 个`).optional(),
    /** Schedule items; `planId` is set by the server. */
    items: z.array(itemInputSchema).max(PLAN_LIMITS.itemsMax, `事项最多 ${PLAN_LIMITS.itemsMax} 个`).optional(),
  }),
);

export const planCopySchema = z
  .object({
    title: text('计划标题', PLAN_LIMITS.titleMax).optional(),
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
  })
  .refine((p) => p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: '期间结束不能早于开始' });

export type SectionInput = z.infer<typeof sectionInputSchema>;
export type GoalInput = z.infer<typeof goalInputSchema>;
export type ItemInput = z.infer<typeof itemInputSchema>;
export type PlanCreate = z.infer<typeof planCreateSchema>;

/** A goal's live value as the plan page shows it. */
export type GoalValue =
  | { status: 'no_metric' }
  | { status: 'no_source' }
  | { status: 'measured'; value: number; met: boolean; detail: string };
