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

// ——— Enumerations ———

/** What an event type is for; decides its default deadline and which preset figure applies. */
export const CARE_EVENT_KINDS = [
  'hospital',
  'surgery',
  'marriage',
  'childbirth',
  'death_self',
  'death_relative',
  'retirement',
  'accident',
  'family_hardship',
  'family_conflict',
  'other',
] as const;
export type CareEventKind = (typeof CARE_EVENT_KINDS)[number];
export const CARE_EVENT_KIND_LABELS: Record<CareEventKind, string> = {
  hospital: '生病住院',
  surgery: '住院手术',
  marriage: '结婚',
  childbirth: '生育',
  death_self: '本人去世',
  death_relative: '直系亲属去世',
  retirement: '退休',
  accident: '意外或突发事件',
  family_hardship: '家庭重大困难',
  family_conflict: '家庭矛盾/情绪波动',
  other: '其他',
};
/** The 五必访 list a union starts with (DOMAIN.md), in this order; 住院手术 is added by the 福建 preset. */
export const DEFAULT_CARE_EVENT_KINDS: readonly CareEventKind[] = [
  'hospital',
  'marriage',
  'childbirth',
  'death_self',
  'death_relative',
  'retirement',
  'accident',
  'family_hardship',
  'family_conflict',
];

export const VISIT_METHODS = ['home', 'hospital', 'phone'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { home: '上门', hospital: '医院', phone: '电话' };

/** What was given: goods (实物), cash (现金), a card or voucher (卡券). */
export const BENEFIT_FORMS = ['goods', 'cash', 'voucher'] as const;
export type BenefitForm = (typeof BENEFIT_FORMS)[number];
export const BENEFIT_FORM_LABELS: Record<BenefitForm, string> = { goods: '实物', cash: '现金', voucher: '卡券' };

/** The fund ledger's expenditure categories that care money is posted to (DOMAIN.md §4 "Funds"). */
export const CARE_FUND_CATEGORIES = ['职工集体福利', '困难职工帮扶', '送温暖'] as const;
export type CareFundCategory = (typeof CARE_FUND_CATEGORIES)[number];

/** Festivals on which union funds may pay festival gifts [firm]; configured ethnic festivals come on top. */
export const GIFT_FESTIVALS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆'] as const;
export type GiftFestival = (typeof GIFT_FESTIVALS)[number];
/** Days people ask for that are not festival-gift days; offered as activities instead, with the reason shown. */
export const NON_GIFT_DAYS = ['三八', '六一', '重阳', '教师节'] as const;

export const CARE_PRESETS = ['fujian_2018', 'anhui_2018'] as const;
export type CarePreset = (typeof CARE_PRESETS)[number];
export const CARE_PRESET_LABELS: Record<CarePreset, string> = { fujian_2018: '福建省标准（2018）', anhui_2018: '安徽省标准（2018）' };

export const CARE_EVENT_STATUSES = ['open', 'visited', 'closed'] as const;
export type CareEventStatus = (typeof CARE_EVENT_STATUSES)[number];
export const CARE_EVENT_STATUS_LABELS: Record<CareEventStatus, string> = { open: '待慰问', visited: '已慰问', closed: '已关闭' };
/** Where an open event stands against its deadline (domain/care). */
export const CARE_DUE_STATES = ['due', 'overdue', 'visited', 'closed'] as const;
export type CareDueState = (typeof CARE_DUE_STATES)[number];
export const CARE_DUE_STATE_LABELS: Record<CareDueState, string> = { due: '待慰问', overdue: '已逾期', visited: '已慰问', closed: '已关闭' };

export const CAMPAIGN_STATUSES = ['draft', 'distributing', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '筹备中', distributing: '发放中', closed: '已结束' };
export const RECEIPT_SOURCES = ['self', 'leader'] as const;
export type ReceiptSource = (typeof RECEIPT_SOURCES)[number];
export const RECEIPT_SOURCE_LABELS: Record<ReceiptSource, string> = { self: '本人签收', leader: '代为确认' };

export const HARDSHIP_LEVELS = ['deep', 'relative', 'accident', 'none'] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];
export const HARDSHIP_LEVEL_LABELS: Record<HardshipLevel, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困', none: '不符合' };
export const HARDSHIP_STATUSES = ['draft', 'submitted', 'approved', 'closed'] as const;
export type HardshipStatus = (typeof HARDSHIP_STATUSES)[number];
export const HARDSHIP_STATUS_LABELS: Record<HardshipStatus, string> = { draft: '草稿', submitted: '待审批', approved: '已建档', closed: '已销档' };

export const ASSISTANCE_KINDS = ['living', 'medical', 'education', 'legal', 'counselling'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, string> = {
  living: '生活救助',
  medical: '医疗救助',
  education: '金秋助学',
  legal: '法律援助',
  counselling: '心理疏导',
};
export const ASSISTANCE_CAMPAIGNS = ['春送岗位', '夏送清凉', '金秋助学', '冬送温暖'] as const;
export type AssistanceCampaign = (typeof ASSISTANCE_CAMPAIGNS)[number];

/** Error code of a visit, receipt or benefit refused by a cap or limit (the body names the rule). */
export const CARE_CAP_ERROR = 'CARE_CAP';

export const CARE_LIMITS = {
  typeNameMax: 20,
  typesMax: 30,
  detailsMax: 1000,
  notesMax: 1000,
  goodsMax: 200,
  visitorsMax: 10,
  visitorNameMax: 20,
  reasonMax: 300,
  campaignTitleMax: 60,
  ethnicFestivalsMax: 10,
  festivalNameMax: 20,
  /** One event's or one year's money, in fen: 1 000 000 yuan. */
  amountMaxFen: 100_000_000,
  householdMax: 20,
  filesMax: 20,
  fileMaxBytes: 10 * 1024 * 1024,
  deadlineDaysMax: 365,
  claimMonthsMax: 36,
  countPerYearMax: 50,
  pageSize: 20,
} as const;

// ——— Field labels for error messages (the error handler maps a path's last segment) ———

export const CARE_FIELD_LABELS: Record<string, string> = {
  types: '事由类型',
  preset: '预设标准',
  memberId: '会员',
  typeId: '事由类型',
  occurredOn: '发生日期',
  details: '情况说明',
  visitedOn: '慰问日期',
  method: '慰问方式',
  visitors: '慰问人',
  goods: '慰问物品',
  amountFen: '慰问金额',
  form: '发放形式',
  notes: '备注',
  duesConfirmed: '会费缴纳确认',
  reason: '理由',
  fundCategory: '经费科目',
  payee: '领款人',
  name: '名称',
  kind: '类别',
  deadlineDays: '慰问时限',
  standardFen: '标准金额',
  capPerEventFen: '单次上限',
  capPerYearFen: '每人每年上限',
  countPerYear: '每年次数上限',
  forms: '发放形式',
  claimMonths: '申领期限',
  requiresDues: '需按时缴纳会费',
  festivalCapPerYearFen: '节日慰问每人每年上限',
  birthdayCapFen: '生日慰问上限',
  ethnicFestivals: '少数民族节日',
  povertyLines: '低保线',
  monthlyFen: '低保线（每人每月）',
  festival: '节日',
  year: '年度',
  title: '标题',
  perPersonFen: '每人标准',
  audience: '慰问对象',
  householdSize: '家庭人口',
  annualIncomeFen: '家庭年可支配收入',
  unavoidableCostsFen: '刚性支出',
  isAccident: '因灾因意外致困',
  household: '家庭成员',
  item: '慰问品',
  checkedOn: '检查日期',
  campaign: '帮扶活动',
  givenOn: '发放日期',
};

// ——— Shared pieces ———

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('');
const uuid = (label: string) => z.string().uuid(`${label}无效`);
/** Money in fen: a whole number from 0 to the limit ("慰问金额应为 0 至 1000000 元"). */
export const fenSchema = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int(`${label}应精确到分`)
    .min(0, `${label}不能为负数`)
    .max(CARE_LIMITS.amountMaxFen, `${label}不能超过 ${CARE_LIMITS.amountMaxFen / 100} 元`);

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
/** An evidence file or photo of an event or visit as the API lists it (never its bytes). */
export const careFileSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

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

const careFileViewSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

/** GET /hardship/files/:id (keepers): the file, how its level was reached, its evidence, what the actor may do. */
export const hardshipFileDetailSchema = hardshipFileSchema.extend({
  member: z.object({ id: z.string(), name: z.string(), groupName: z.string().nullable() }),
  /** The computation in words: "人均月收入 812.50 元，低于低保线 850.00 元 → 深度困难", or "未设置本年度低保线". */
  levelReason: z.string(),
  /** Approved, not yet re-assessed, and the review date is within HARDSHIP_REVIEW_NOTICE_DAYS (or past). */
  isReviewDue: z.boolean(),
  /** The year of the file that re-assessed this one, if any. */
  reassessedInYear: z.number().int().nullable(),
  files: z.array(careFileViewSchema),
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
