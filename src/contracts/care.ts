import { z } from 'zod';
import { isoDateSchema } from './members.js';
import { audienceSchema } from './activities.js';

/**
 * The care API (送温暖, DOMAIN.md §4 "Care"): 五必访 events and visits, the union's standards and caps, festival care
 * campaigns with receipts, birthdays, hardship files and assistance, retirees, women's health checks, reports.
 * All under /api/v1, in the actor's current organisation; ids of another organisation answer 404. Money is integer
 * fen (分) everywhere; the web shows yuan.
 *
 * Events and visits (care.read / care.register / care.visit; a group leader works in the group and reaches its
 * members, a member registers their own event):
 *   GET    /care/event-types; POST /care/event-types; PATCH /care/event-types/:id   (care.manage for writes)
 *   GET    /care/events?status=due|overdue|visited|all&groupId&typeId&from&to&page    the 待慰问 list and the ledger;
 *                                         each with due date, days left / overdue, visits so far
 *   POST   /care/events                   {memberId, typeId, occurredOn, details}  → 201 CareEventDetail
 *   GET    /care/events/:id               the event, its visits, `suggestedVisitors`, `can`
 *   PATCH  /care/events/:id               {occurredOn?, details?, typeId?}; POST /care/events/:id/close {reason}
 *   POST   /care/events/:id/visits        CareVisitInput → 201; refused (409, code CARE_CAP) with the blocking rule
 *                                         unless `override: {reason}` by the chair
 *   POST   /care/events/:id/files, /care/visits/:id/files (multipart: evidence / photo); GET …/files/:fileId
 *   GET    /care/visits/register.xlsx?from&to  and  /care/visits/register.docx?from&to      慰问登记表
 *   GET    /care/summary                  the home page's counts: due, overdue (per group for managers)
 * Standards and caps (care.manage to edit, care.read to see):
 *   GET    /care/policy                   CarePolicy (the event types' rules, festival and birthday rules, ethnic
 *                                         festivals, 低保线 per year)
 *   PUT    /care/policy                   CarePolicyInput (whole table, audited as a diff)
 *   POST   /care/policy/preset            {preset: fujian_2018 | anhui_2018} → the table set from the preset
 * Festival campaigns (care.manage; members confirm their own receipt; group leaders tick for their group):
 *   GET    /care/campaigns?year; POST /care/campaigns  CampaignInput (refused on a day that is not a festival-gift
 *          day, naming why: "重阳节不属于可发放节日慰问品的节日，可作为活动开展"); GET /care/campaigns/:id (coverage
 *          overall and per group, recipients); POST /care/campaigns/:id/start (fixes the recipient list, checks
 *          each person's festival total for the year against the cap); POST /care/campaigns/:id/close
 *   POST   /care/campaigns/:id/receipts   {memberIds} ticked by a group leader / committee; DELETE …/receipts/:memberId
 *   GET    /care/my                       a member's own: campaigns to confirm, their care events and visits
 *   POST   /care/campaigns/:id/confirm    the member confirms their own receipt (签收) on the phone
 * Birthdays (care.read; benefits care.visit):
 *   GET    /care/birthdays?range=week|month   upcoming (solar or lunar, for this year); POST /care/birthdays/benefits
 *          {memberId, year, item, amountFen, form} within the birthday cap
 * Hardship (hardship.read / hardship.manage / hardship.approve — the chair and the 生活福利 committee member only;
 * a member sees their own file; everyone else gets 404 for a file and no figures anywhere):
 *   GET    /hardship/files?status&level; POST /hardship/files; GET/PATCH /hardship/files/:id;
 *   POST   /hardship/files/:id/submit | approve | reassess | close {reason}
 *   GET    /hardship/my                   the member's own file(s)
 *   GET    /hardship/assistance?year; POST /hardship/assistance  AssistanceInput
 * Retirees and women (care.read for retirees; health.read / health.manage for the 两癌筛查: chair + 女工 only):
 *   GET    /care/retirees                 retired members with their visits and festival receipts
 *   GET    /care/health-checks?year; PUT /care/health-checks/:memberId {year, checkedOn, note}
 * Reports (care.manage):
 *   GET    /care/reports?from&to          人次 and amounts by type, month, group; overdue; coverage per campaign;
 *                                         overrides; GET /care/reports.xlsx?from&to
 */

export * from './care-base.js';
export * from './hardship.js';
import {
  careFileSchema,
  ASSISTANCE_KINDS,
  BENEFIT_FORMS,
  CARE_EVENT_KINDS,
  CARE_FUND_CATEGORIES,
  CARE_LIMITS,
  CARE_PRESETS,
  CAMPAIGN_STATUSES,
  CARE_DUE_STATES,
  RECEIPT_SOURCES,
  VISIT_METHODS,
  fenSchema,
  optionalText,
  requiredText as text,
  uuidOf as uuid,
} from './care-base.js';

// ——— Event types and the policy table ———

/** One event type with its rule (DOMAIN.md: per event, per person per year, count limits …). Null: no limit. */
export const careRuleSchema = z.object({
  /** 慰问时限: days from the event to the visit; null = no deadline. */
  deadlineDays: z.number().int().min(0).max(CARE_LIMITS.deadlineDaysMax).nullable(),
  standardFen: fenSchema('标准金额').nullable(),
  capPerEventFen: fenSchema('单次上限').nullable(),
  capPerYearFen: fenSchema('每人每年上限').nullable(),
  countPerYear: z.number().int().min(1, '每年次数上限至少为 1').max(CARE_LIMITS.countPerYearMax).nullable(),
  forms: z.array(z.enum(BENEFIT_FORMS)).min(1, '请至少选择一种发放形式'),
  /** 申领期限: months after the event within which money may still be given; null = none. */
  claimMonths: z.number().int().min(1).max(CARE_LIMITS.claimMonthsMax).nullable(),
  requiresDues: z.boolean(),
});
export type CareRule = z.infer<typeof careRuleSchema>;

export const careEventTypeSchema = careRuleSchema.extend({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CARE_EVENT_KINDS),
  position: z.number().int(),
  archived: z.boolean(),
});
export type CareEventType = z.infer<typeof careEventTypeSchema>;

export const careEventTypeInputSchema = careRuleSchema.extend({
  id: uuid('事由类型').optional(),
  name: text('名称', CARE_LIMITS.typeNameMax),
  kind: z.enum(CARE_EVENT_KINDS, { message: '请选择类别' }),
  archived: z.boolean().default(false),
});

/** 低保线 (local minimum living standard), per person per month, for one year. */
export const povertyLineSchema = z.object({ year: z.number().int().min(2000).max(2100), monthlyFen: fenSchema('低保线（每人每月）') });

export const carePolicySchema = z.object({
  types: z.array(careEventTypeSchema),
  festivalCapPerYearFen: z.number().int().nullable(),
  festivalForms: z.array(z.enum(BENEFIT_FORMS)),
  birthdayCapFen: z.number().int().nullable(),
  birthdayForms: z.array(z.enum(BENEFIT_FORMS)),
  ethnicFestivals: z.array(z.string()),
  povertyLines: z.array(povertyLineSchema),
  /** The preset the table was last set from, if any (shown as "以福建省标准（2018）为起点"). */
  preset: z.enum(CARE_PRESETS).nullable(),
  updatedAt: z.string().nullable(),
  canManage: z.boolean(),
});
export type CarePolicy = z.infer<typeof carePolicySchema>;

export const carePolicyInputSchema = z.object({
  types: z.array(careEventTypeInputSchema).min(1, '请至少保留一种事由类型').max(CARE_LIMITS.typesMax),
  festivalCapPerYearFen: fenSchema('节日慰问每人每年上限').nullable(),
  festivalForms: z.array(z.enum(BENEFIT_FORMS)).min(1, '请至少选择一种发放形式'),
  birthdayCapFen: fenSchema('生日慰问上限').nullable(),
  birthdayForms: z.array(z.enum(BENEFIT_FORMS)).min(1, '请至少选择一种发放形式'),
  ethnicFestivals: z.array(text('少数民族节日', CARE_LIMITS.festivalNameMax)).max(CARE_LIMITS.ethnicFestivalsMax),
  povertyLines: z.array(povertyLineSchema).max(50),
});
export type CarePolicyInput = z.infer<typeof carePolicyInputSchema>;

// ——— Events and visits ———

export const careEventInputSchema = z.object({
  memberId: uuid('会员'),
  typeId: uuid('事由类型'),
  occurredOn: isoDateSchema,
  details: optionalText('情况说明', CARE_LIMITS.detailsMax),
});
/** Only the fields sent change (no defaults here: a PATCH without `details` keeps them). */
export const careEventPatchSchema = z.object({
  typeId: uuid('事由类型').optional(),
  occurredOn: isoDateSchema.optional(),
  details: z.string().trim().max(CARE_LIMITS.detailsMax, `情况说明不能超过 ${CARE_LIMITS.detailsMax} 个字`).optional(),
});

export const visitorSchema = z.object({ userId: z.string().uuid().nullable().default(null), name: text('慰问人', CARE_LIMITS.visitorNameMax) });

export const careVisitInputSchema = z.object({
  visitedOn: isoDateSchema,
  method: z.enum(VISIT_METHODS, { message: '请选择慰问方式' }),
  visitors: z.array(visitorSchema).min(1, '请填写慰问人').max(CARE_LIMITS.visitorsMax),
  goods: optionalText('慰问物品', CARE_LIMITS.goodsMax),
  amountFen: fenSchema('慰问金额').default(0),
  form: z.enum(BENEFIT_FORMS).nullable().default(null),
  notes: optionalText('备注', CARE_LIMITS.notesMax),
  /** The recorder confirms the member's dues are paid up, where the type's rule asks for it. */
  duesConfirmed: z.boolean().default(false),
  fundCategory: z.enum(CARE_FUND_CATEGORIES).default('送温暖'),
  payee: optionalText('领款人', CARE_LIMITS.visitorNameMax),
  /** The chair's written reason to go past a cap or limit (audited, shown in reports). */
  override: z.object({ reason: text('理由', CARE_LIMITS.reasonMax) }).optional(),
});
export type CareVisitInput = z.infer<typeof careVisitInputSchema>;

/** A rule that blocks a payment, as domain/care names it. */
export const capViolationSchema = z.object({
  rule: z.enum(['cap_per_event', 'cap_per_year', 'count_per_year', 'form', 'claim_window', 'dues', 'festival_cap', 'birthday_cap']),
  /** Chinese sentence naming the rule and the figures, e.g. "超过“生病住院”单次上限 500.00 元（本次 600.00 元）". */
  message: z.string(),
});
export type CapViolation = z.infer<typeof capViolationSchema>;

export const careVisitSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  visitedOn: z.string(),
  method: z.enum(VISIT_METHODS),
  visitors: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  goods: z.string(),
  amountFen: z.number().int(),
  form: z.enum(BENEFIT_FORMS).nullable(),
  notes: z.string(),
  fundCategory: z.enum(CARE_FUND_CATEGORIES),
  payee: z.string(),
  override: z.object({ reason: z.string(), by: z.string(), violations: z.array(capViolationSchema) }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() })),
});
export type CareVisit = z.infer<typeof careVisitSchema>;

export const careEventSummarySchema = z.object({
  id: z.string(),
  member: z.object({ id: z.string(), name: z.string(), groupName: z.string().nullable() }),
  type: z.object({ id: z.string(), name: z.string(), kind: z.enum(CARE_EVENT_KINDS) }),
  occurredOn: z.string(),
  dueOn: z.string().nullable(),
  state: z.enum(CARE_DUE_STATES),
  /** Days to the deadline (negative: overdue by that many days); null without a deadline or once visited. */
  daysLeft: z.number().int().nullable(),
  visitCount: z.number().int(),
  amountFen: z.number().int(),
  reportedBy: z.string(),
});
export type CareEventSummary = z.infer<typeof careEventSummarySchema>;

export const careEventDetailSchema = careEventSummarySchema.extend({
  details: z.string(),
  closedReason: z.string().nullable(),
  visits: z.array(careVisitSchema),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() })),
  /** Two people the system proposes for the visit: the member's group leader and the welfare committee member, or leaders. */
  suggestedVisitors: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  /** What the member has received this year under the type's rule, for the form's hint. */
  yearToDate: z.object({ count: z.number().int(), amountFen: z.number().int() }),
  rule: careRuleSchema,
  can: z.object({ visit: z.boolean(), edit: z.boolean(), override: z.boolean() }),
});
export type CareEventDetail = z.infer<typeof careEventDetailSchema>;

export const careEventListSchema = z.object({ items: z.array(careEventSummarySchema), total: z.number().int(), page: z.number().int() });

export const careSummarySchema = z.object({
  due: z.number().int(),
  overdue: z.number().int(),
  /** Per union group (managers only; a group leader sees their group's line). */
  groups: z.array(z.object({ groupId: z.string().nullable(), groupName: z.string(), due: z.number().int(), overdue: z.number().int() })),
});

/** Which events a list shows: open = due and overdue (the 待慰问 list, most urgent first); all = every status. */
export const CARE_LIST_STATUSES = ['open', 'due', 'overdue', 'visited', 'closed', 'all'] as const;
export const careEventListQuerySchema = z.object({
  status: z.enum(CARE_LIST_STATUSES, { message: '状态应为 open、due、overdue、visited、closed 或 all' }).default('open'),
  groupId: uuid('工会小组').optional(),
  typeId: uuid('事由类型').optional(),
  memberId: uuid('会员').optional(),
  /** occurredOn from … to (inclusive). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1, '页码至少为 1').default(1),
});
export type CareEventListQuery = z.infer<typeof careEventListQuerySchema>;
/** The visit register's period (visit dates, inclusive); default the current calendar year. */
export const careRegisterQuerySchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });
/** POST /care/events/:id/close. */
export const careCloseSchema = z.object({ reason: text('理由', CARE_LIMITS.reasonMax) });
/** POST /care/policy/preset. */
export const carePresetInputSchema = z.object({ preset: z.enum(CARE_PRESETS, { message: '应为福建省标准（2018）或安徽省标准（2018）' }) });
/** POST /care/event-types (a type with its rule); PATCH /care/event-types/:id takes any part of it. */
export const careEventTypeCreateSchema = careEventTypeInputSchema.omit({ id: true });
export const careEventTypePatchSchema = careEventTypeInputSchema.omit({ id: true }).extend({ archived: z.boolean() }).partial();

// ——— Festival campaigns ———

export const campaignInputSchema = z.object({
  festival: text('节日', CARE_LIMITS.festivalNameMax),
  year: z.number().int().min(2000).max(2100),
  title: text('标题', CARE_LIMITS.campaignTitleMax),
  perPersonFen: fenSchema('每人标准'),
  form: z.enum(BENEFIT_FORMS, { message: '请选择发放形式' }),
  goods: optionalText('慰问物品', CARE_LIMITS.goodsMax),
  audience: audienceSchema,
  fundCategory: z.enum(CARE_FUND_CATEGORIES).default('职工集体福利'),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const coverageSchema = z.object({ intended: z.number().int(), received: z.number().int(), rate: z.number().nullable() });

export const campaignSummarySchema = z.object({
  id: z.string(),
  festival: z.string(),
  year: z.number().int(),
  title: z.string(),
  perPersonFen: z.number().int(),
  form: z.enum(BENEFIT_FORMS),
  goods: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  coverage: coverageSchema,
});
export const campaignDetailSchema = campaignSummarySchema.extend({
  audience: audienceSchema,
  audienceText: z.string(),
  fundCategory: z.enum(CARE_FUND_CATEGORIES),
  groups: z.array(z.object({ groupId: z.string().nullable(), groupName: z.string(), coverage: coverageSchema })),
  recipients: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      groupName: z.string().nullable(),
      receivedAt: z.string().nullable(),
      source: z.enum(RECEIPT_SOURCES).nullable(),
    }),
  ),
  /** Members left out at the start because the year's festival total would pass the cap, with the reason. */
  excluded: z.array(z.object({ memberId: z.string(), name: z.string(), reason: z.string() })),
  can: z.object({ manage: z.boolean(), tick: z.boolean() }),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/** GET /care/my: the signed-in member's own festival receipts (to 签收 while distributing) and care events. */
export const careMySchema = z.object({
  campaigns: z.array(
    campaignSummarySchema.omit({ coverage: true }).extend({
      receivedAt: z.string().nullable(),
      source: z.enum(RECEIPT_SOURCES).nullable(),
      /** True while the campaign is distributing and the member has not confirmed yet. */
      canConfirm: z.boolean(),
    }),
  ),
  events: z.array(careEventSummarySchema),
});
export type CareMy = z.infer<typeof careMySchema>;

// ——— Birthdays ———

export const birthdaySchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  /** This year's birthday as a solar date (lunar birthdays converted for the year). */
  date: z.string(),
  isLunar: z.boolean(),
  /** e.g. "农历八月十五" for a lunar birthday. */
  lunarText: z.string().nullable(),
  benefitGiven: z.boolean(),
});
export const birthdayBenefitInputSchema = z.object({
  memberId: uuid('会员'),
  year: z.number().int().min(2000).max(2100),
  item: text('慰问品', CARE_LIMITS.goodsMax),
  amountFen: fenSchema('慰问金额'),
  form: z.enum(BENEFIT_FORMS, { message: '请选择发放形式' }),
  givenOn: isoDateSchema,
});
/** GET /care/birthdays?range=week|month: the period, the birthdays in it (by date), the birthday rule for the form. */
export const birthdayListSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(birthdaySchema),
  capFen: z.number().int().nullable(),
  forms: z.array(z.enum(BENEFIT_FORMS)),
  /** May the actor record a birthday benefit (care.visit). */
  canGive: z.boolean(),
});
export type BirthdayList = z.infer<typeof birthdayListSchema>;

// ——— Women's health ———

export const healthCheckInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  checkedOn: isoDateSchema.nullable(),
  note: optionalText('备注', 200),
});

// ——— Campaign lists, receipts, birthdays' benefits, retirees, health checks, reports (responses) ———

/** GET /care/campaigns?year (default: this year in Asia/Shanghai). */
export const campaignListQuerySchema = z.object({ year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效').optional() });
export const campaignListSchema = z.object({ year: z.number().int(), items: z.array(campaignSummarySchema), canManage: z.boolean() });
/** POST /care/campaigns/:id/receipts: members whose receipt a group leader or the committee confirms. */
export const receiptsInputSchema = z.object({ memberIds: z.array(uuid('会员')).min(1, '请至少选择一人').max(5000) });
/** The member's own line in GET /care/my, also the answer of POST /care/campaigns/:id/confirm. */
export const myCampaignSchema = careMySchema.shape.campaigns.element;
export type MyCampaign = z.infer<typeof myCampaignSchema>;

/** GET /care/birthdays?range=week|month (this week Monday to Sunday, or this month). */
export const birthdayQuerySchema = z.object({ range: z.enum(['week', 'month'], { message: '范围应为 week 或 month' }).default('week') });
/** POST /care/birthdays/benefits: the chair may go past the birthday rule with a written reason. */
export const birthdayBenefitRequestSchema = birthdayBenefitInputSchema.extend({
  override: z.object({ reason: text('理由', CARE_LIMITS.reasonMax) }).optional(),
});
export const birthdayBenefitSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  year: z.number().int(),
  item: z.string(),
  amountFen: z.number().int(),
  form: z.enum(BENEFIT_FORMS),
  givenOn: z.string(),
  fundCategory: z.enum(CARE_FUND_CATEGORIES),
});

/** GET /care/retirees: retired members (正常 or 保留会籍) with their care visits and festival receipts, newest first. */
export const retireeSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  gender: z.enum(['M', 'F']).nullable(),
  birthDate: z.string().nullable(),
  membershipStatus: z.enum(['normal', 'reserved']),
  lastVisitOn: z.string().nullable(),
  visits: z.array(
    z.object({
      id: z.string(),
      eventId: z.string(),
      visitedOn: z.string(),
      typeName: z.string(),
      method: z.enum(VISIT_METHODS),
      visitors: z.array(z.string()),
      goods: z.string(),
      amountFen: z.number().int(),
    }),
  ),
  receipts: z.array(
    z.object({
      campaignId: z.string(),
      festival: z.string(),
      year: z.number().int(),
      title: z.string(),
      receivedAt: z.string().nullable(),
      source: z.enum(RECEIPT_SOURCES).nullable(),
    }),
  ),
});
export const retireeListSchema = z.object({ items: z.array(retireeSchema), canVisit: z.boolean() });
export type RetireeList = z.infer<typeof retireeListSchema>;

/** GET /care/health-checks?year (default this year): women members and their 两癌筛查 of the year. */
export const healthCheckQuerySchema = z.object({ year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效').optional() });
export const healthCheckSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  year: z.number().int(),
  /** Null: not checked (yet) this year; `recorded` tells a row written with no date from no row. */
  checkedOn: z.string().nullable(),
  note: z.string(),
  recorded: z.boolean(),
});
export const healthCheckListSchema = z.object({
  year: z.number().int(),
  items: z.array(healthCheckSchema),
  totals: z.object({ women: z.number().int(), checked: z.number().int(), rate: z.number().nullable() }),
  canManage: z.boolean(),
});
export type HealthCheckList = z.infer<typeof healthCheckListSchema>;

/** GET /care/reports?from&to (default: this calendar year; at most three years). */
export const careReportQuerySchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });
/** Where a line of care came from: a 五必访 visit, a festival receipt (签收), a birthday benefit. */
export const CARE_REPORT_SOURCES = ['visit', 'festival', 'birthday'] as const;
const countsSchema = z.object({ times: z.number().int(), people: z.number().int(), amountFen: z.number().int() });
export const careReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** 人次 (times), 人数 (people) and amounts over everything given in the period. */
  totals: countsSchema,
  byType: z.array(countsSchema.extend({ source: z.enum(CARE_REPORT_SOURCES), typeId: z.string().nullable(), typeName: z.string() })),
  byMonth: z.array(countsSchema.extend({ month: z.string() })),
  byGroup: z.array(countsSchema.extend({ groupId: z.string().nullable(), groupName: z.string() })),
  /** 五必访按期率 of the events that occurred in the period. */
  onTime: coverageSchema.omit({ intended: true, received: true }).extend({ due: z.number().int(), onTime: z.number().int() }),
  /** Events of the period visited late or still waiting past their deadline. */
  overdue: z.array(
    z.object({
      eventId: z.string(),
      memberName: z.string(),
      groupName: z.string().nullable(),
      typeName: z.string(),
      occurredOn: z.string(),
      dueOn: z.string(),
      firstVisitOn: z.string().nullable(),
      daysLate: z.number().int(),
    }),
  ),
  campaigns: z.array(campaignSummarySchema.extend({ amountFen: z.number().int() })),
  overrides: z.array(
    z.object({
      /** The visit's id, or the birthday benefit's (then `eventId` is null and `typeName` 生日慰问). */
      visitId: z.string(),
      eventId: z.string().nullable(),
      memberName: z.string(),
      typeName: z.string(),
      visitedOn: z.string(),
      amountFen: z.number().int(),
      reason: z.string(),
      by: z.string(),
      violations: z.array(capViolationSchema),
    }),
  ),
  /** 帮扶人次 and amounts: only for the hardship keepers (chair, 生活福利); null for everyone else. */
  assistance: z
    .object({
      count: z.number().int(),
      people: z.number().int(),
      amountFen: z.number().int(),
      byKind: z.array(z.object({ kind: z.enum(ASSISTANCE_KINDS), count: z.number().int(), amountFen: z.number().int() })),
    })
    .nullable(),
});
export type CareReport = z.infer<typeof careReportSchema>;
