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

/** A goal's live value as the plan page shows it (see goalValueSchema below). */
export type GoalValue = GoalLiveValue;

// ——— Responses (the server's route schemas and the web client's types) ———

/**
 * A goal's live value, with 'no_data': the metric has a data source but nothing to measure yet in the period
 * (e.g. no schedule item is due).
 */
export const goalValueSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no_metric') }),
  z.object({ status: z.literal('no_source') }),
  z.object({ status: z.literal('no_data'), detail: z.string() }),
  z.object({ status: z.literal('measured'), value: z.number(), met: z.boolean(), detail: z.string() }),
]);
/** A goal's live value, 'no_data' included. */
export type GoalLiveValue = z.infer<typeof goalValueSchema>;

/** A goal as the plan page shows it: the metric's label and unit, the target spelled out, the live value. */
export const goalViewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  metric: z.string().nullable(),
  comparator: z.enum(COMPARATORS).nullable(),
  target: z.number().nullable(),
  /** The metric's name (文体活动参与率), null without a metric. */
  label: z.string().nullable(),
  unit: z.enum(['rate', 'count']).nullable(),
  /** "≥ 85%", null without a metric. */
  targetLabel: z.string().nullable(),
  value: goalValueSchema,
});
/** A goal as GET /plans/:id returns it. */
export type GoalView = z.infer<typeof goalViewSchema>;

/** A section of a plan; `body` is sanitised HTML. */
export const sectionViewSchema = z.object({ id: z.string(), position: z.number().int(), heading: z.string(), body: z.string() });
/** A section as GET /plans/:id returns it. */
export type SectionView = z.infer<typeof sectionViewSchema>;

/** A schedule item on the calendar (also inside a plan). */
export const calendarItemSchema = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  title: z.string(),
  dateKind: z.enum(DATE_KINDS),
  startDate: z.string(),
  endDate: z.string(),
  /** "3月", "7—8月", "3月8日", as a printed schedule says it. */
  timeLabel: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  category: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  note: z.string().nullable(),
  link: z.object({ kind: z.enum(LINK_KINDS), id: z.string() }).nullable(),
  position: z.number().int(),
  /** Still planned or postponed after its end date (Asia/Shanghai). */
  overdue: z.boolean(),
  updatedAt: z.string(),
});
/** A schedule item as the API returns it. */
export type CalendarItemView = z.infer<typeof calendarItemSchema>;

const planFields = {
  id: z.string(),
  title: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  planDate: z.string().nullable(),
  copiedFromId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A plan in the list, with counts. */
export const planSummarySchema = z.object({
  ...planFields,
  sectionCount: z.number().int(),
  goalCount: z.number().int(),
  itemCount: z.number().int(),
  doneCount: z.number().int(),
});
/** A plan as GET /plans lists it. */
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** GET /plans: the plans, newest period first, and whether the actor may create one. */
export const planListSchema = z.object({ items: z.array(planSummarySchema), canManage: z.boolean() });

/** GET /plans/:id: the whole plan; `can.manage` says whether the actor may edit it. */
export const planDetailSchema = z.object({
  ...planFields,
  orgName: z.string(),
  sections: z.array(sectionViewSchema),
  goals: z.array(goalViewSchema),
  items: z.array(calendarItemSchema),
  can: z.object({ manage: z.boolean() }),
});
/** A plan as GET /plans/:id returns it. */
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** PUT /plans/:id/sections: every section in document order (the old ones are replaced). */
export const sectionsReplaceSchema = z.object({
  sections: z.array(sectionInputSchema).max(PLAN_LIMITS.sectionsMax, `章节最多 ${PLAN_LIMITS.sectionsMax} 个`),
});

/** GET /plans/metrics: the catalogue, with whether the server can measure each metric yet. */
export const metricInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.enum(['rate', 'count']),
  source: z.string(),
  hasSource: z.boolean(),
});

/** A plan period given to the parser so that months land in the right years. */
export const parsePeriodSchema = z
  .object({ periodStart: isoDateSchema.optional(), periodEnd: isoDateSchema.optional() })
  .refine((p) => (p.periodStart === undefined) === (p.periodEnd === undefined), { path: ['periodEnd'], message: '请同时填写期间开始和结束' })
  .refine((p) => !p.periodStart || !p.periodEnd || p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: '期间结束不能早于开始' });

/** POST /plans/parse with JSON: the plan's text (and optionally its period). */
export const parseTextSchema = z.object({
  text: z
    .string({ message: '请粘贴计划文本' })
    .min(1, '请粘贴计划文本')
    .max(PLAN_LIMITS.parseTextMax, `计划文本不能超过 ${PLAN_LIMITS.parseTextMax} 个字`),
});

/** POST /plans/parse: the draft read from the text (nothing saved), with month items placed in the period. */
export const parseResultSchema = z.object({
  title: z.string().nullable(),
  planDate: z.string().nullable(),
  /** The period the document's title lines name ("2025-2026年第二学期"), as a period of the app's kinds. */
  statedPeriod: z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string(), phrase: z.string() }).nullable(),
  /** `prose` is the body without the lines that became month items (the schedule is saved as items instead). */
  sections: z.array(z.object({ heading: z.string(), body: z.string(), prose: z.string() })),
  items: z.array(z.object({ text: z.string(), months: z.array(z.number().int()) })),
  goals: z.array(
    z.object({ text: z.string(), metric: z.string().nullable(), comparator: z.enum(COMPARATORS).nullable(), target: z.number().nullable() }),
  ),
  /** Empty unless a period was given; each has `sourceIndex` (index in `items`) and `outsidePeriod`. */
  suggestedItems: z.array(
    z.object({
      sourceIndex: z.number().int(),
      title: z.string(),
      dateKind: z.literal('month'),
      startDate: z.string(),
      endDate: z.string(),
      outsidePeriod: z.boolean(),
    }),
  ),
});
/** The answer of POST /plans/parse. */
export type ParseResult = z.infer<typeof parseResultSchema>;

/** GET /calendar/items */
export const calendarListSchema = z.object({ items: z.array(calendarItemSchema), from: z.string(), to: z.string(), canManage: z.boolean() });

/** GET /calendar/items query: the window (default: this month in Asia/Shanghai) and filters. */
export const calendarQuerySchema = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    planId: z.string().uuid('计划无效').optional(),
    status: z.enum(ITEM_STATUSES, { message: '状态应为 计划、已完成、取消 或 延期' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { path: ['to'], message: '结束日期不能早于开始日期' });

/** POST /calendar/items: an item, optionally part of a plan of the organisation. */
export const calendarItemCreateSchema = itemInputSchema.and(z.object({ planId: z.string().uuid('计划无效').nullable().optional() }));

/** PATCH /calendar/items/:id: any fields of an item; the merged item is checked like a new one. */
export const calendarItemPatchSchema = z.object(itemInputSchema.shape).partial().extend({ planId: z.string().uuid('计划无效').nullable().optional() });

/** PATCH /plans/:id: any of title, period, date line; the merged plan is checked like a new one. */
export const planPatchSchema = z.object(planInputSchema.shape).partial();

/** PATCH /plans/:id/goals/:goalId: any fields of a goal; the merged goal is checked like a new one. */
export const goalPatchSchema = z.object(goalInputSchema.shape).partial();

/** A person who may own a schedule item: someone with a role in the organisation. */
export const ownerSchema = z.object({ userId: z.string(), name: z.string(), roles: z.array(z.string()) });

/** GET /calendar/festivals: exactly name and date, in date order. */
export const festivalListSchema = z.array(z.object({ name: z.string(), date: z.string() }));

/** GET /calendar/feed */
export const feedStatusSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable(), canManage: z.boolean() });

/** Field names of plan and calendar forms, for error messages and the audit page. */
export const PLAN_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  periodKind: '期间类型',
  periodStart: '期间开始',
  periodEnd: '期间结束',
  planDate: '落款日期',
  sections: '章节',
  heading: '章节标题',
  body: '正文',
  goals: '目标',
  text: '内容',
  metric: '指标',
  comparator: '比较方式',
  target: '目标值',
  items: '事项',
  dateKind: '时间类型',
  startDate: '开始日期',
  endDate: '结束日期',
  ownerUserId: '负责人',
  category: '类别',
  status: '状态',
  link: '关联',
  planId: '计划',
  from: '开始日期',
  to: '结束日期',
  year: '年份',
};
