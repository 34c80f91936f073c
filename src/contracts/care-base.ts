import { z } from 'zod';

/*
 * The care API's enumerations with their Chinese labels, limits, field labels for error messages, and the field
 * builders its schemas share (contracts/care.ts and contracts/hardship.ts; the routes are listed in care.ts).
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

export const requiredText = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('');
export const uuidOf = (label: string) => z.string().uuid(`${label}无效`);
/** Money in fen: a whole number from 0 to the limit ("慰问金额应为 0 至 1000000 元"). */
export const fenSchema = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int(`${label}应精确到分`)
    .min(0, `${label}不能为负数`)
    .max(CARE_LIMITS.amountMaxFen, `${label}不能超过 ${CARE_LIMITS.amountMaxFen / 100} 元`);

/** An evidence file or photo of an event or visit as the API lists it (never its bytes). */
export const careFileSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });
