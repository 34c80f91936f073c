import { z } from 'zod';
import { isoDateSchema } from './members.js';
import { instantSchema } from './activities.js';

/**
 * The congress API (教代会, DOMAIN.md §4 "Congress"): terms, constituencies and representatives, sessions with their
 * agenda, attendance and quorum, votes, the resolution and the hall screen. All under /api/v1, in the actor's
 * current organisation (a grassroots union); ids of another organisation answer 404. Reading needs any role in the
 * union (congress.read); writing needs congress.manage (leaders, the 组织 committee member). Voting and checking in
 * depend on being a voter of the term: an active representative, or in the all-staff form (教职工大会) any member
 * in employment with a normal membership.
 *
 * Terms and representatives:
 *   GET    /congress/terms                        terms, newest first, with the current one marked; `me`
 *   POST   /congress/terms                        TermCreate → 201 TermDetail (endsOn = startsOn + years − 1 day)
 *   GET    /congress/terms/:id                    TermDetail: policy, constituencies, composition, sessions, `me`
 *   PATCH  /congress/terms/:id                    the policy figures (composition, co-signers, reply weeks)
 *   POST   /congress/terms/:id/constituencies     {name} → 201; PATCH /congress/constituencies/:id {name?, position?}
 *   GET    /congress/terms/:id/representatives    every mandate (active and ended), the composition, the history
 *   POST   /congress/terms/:id/representatives    RepresentativeInput → 201 Representative
 *   POST   /congress/representatives/:id/replace  {memberId, electedOn, reason, …} ends the mandate, starts the new one
 *   POST   /congress/representatives/:id/end      {status: recalled|left, reason, endedOn} 罢免 / 离任
 * Sessions and agenda:
 *   POST   /congress/terms/:id/sessions           SessionCreate → 201 SessionDetail
 *   GET    /congress/sessions/:id                 SessionDetail: agenda, votes, 应到/实到/缺席, quorum, `me`, `can`
 *   PATCH  /congress/sessions/:id                 time, place, title, proposal window (not once closed)
 *   POST   /congress/sessions/:id/open | /close   planned → open → closed (closing refused while a vote is open)
 *   POST   /congress/sessions/:id/agenda          AgendaItemInput → 201; PATCH | DELETE /congress/agenda/:id
 * Attendance:
 *   GET    /congress/sessions/:id/attendance      who is due and who is present, absent (reason) or not yet signed
 *   POST   /congress/sessions/:id/attendance      {memberIds, status: present|absent|unknown, reason?} staff ticks
 *   GET    /congress/sessions/:id/checkin-code    the rotating code (30 s) and the QR URL for the hall screen
 *   POST   /congress/sessions/:id/checkin         {code} the member's scan → { message, at }
 * Votes (表决):
 *   POST   /congress/sessions/:id/votes           VoteCreate → 201 Vote (draft)
 *   GET    /congress/votes/:id                    Vote (results only after closing; a named vote's ballots to managers)
 *   DELETE /congress/votes/:id                    a draft vote
 *   POST   /congress/votes/:id/open               refused below quorum: 409 "实到 44 人，未达到…还需 1 人到会才能表决"
 *   POST   /congress/votes/:id/ballots            {choice} a present voter's online ballot, once (409 the second time)
 *   POST   /congress/votes/:id/paper              {yes, no, abstain} tellers' totals of paper ballots (≤ 实到)
 *   POST   /congress/votes/:id/close              counts, the outcome and its reasoning
 *   GET    /congress/sessions/:id/resolution.docx 决议: each voted item with its result
 *   GET    /congress/sessions/:id/screen          the hall screen (大屏): attendance, vote progress, results, code
 */

export const TERM_FORMS = ['congress', 'all_staff'] as const;
export type TermForm = (typeof TERM_FORMS)[number];
export const TERM_FORM_LABELS: Record<TermForm, string> = { congress: '教职工代表大会', all_staff: '教职工大会' };

export const REPRESENTATIVE_KINDS = ['representative', 'invited', 'observer'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];
export const REPRESENTATIVE_KIND_LABELS: Record<RepresentativeKind, string> = { representative: '正式代表', invited: '特邀代表', observer: '列席代表' };

export const REPRESENTATIVE_CATEGORIES = ['teacher', 'staff', 'worker'] as const;
export type RepresentativeCategory = (typeof REPRESENTATIVE_CATEGORIES)[number];
export const REPRESENTATIVE_CATEGORY_LABELS: Record<RepresentativeCategory, string> = { teacher: '教师', staff: '职员', worker: '工勤' };

export const REPRESENTATIVE_STATUSES = ['active', 'replaced', 'recalled', 'left'] as const;
export type RepresentativeStatus = (typeof REPRESENTATIVE_STATUSES)[number];
export const REPRESENTATIVE_STATUS_LABELS: Record<RepresentativeStatus, string> = { active: '在任', replaced: '已补选替换', recalled: '已罢免', left: '已离任' };

export const SESSION_STATUSES = ['planned', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { planned: '筹备中', open: '会议进行中', closed: '已闭幕' };

export const AGENDA_KINDS = ['report', 'plan', 'welfare', 'election', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = { report: '工作报告', plan: '规划计划', welfare: '福利方案', election: '选举', other: '其他' };

/** Usual reasons for an absence (the field takes any short text). */
export const ABSENCE_REASONS = ['病假', '事假', '公出', '产假', '其他'] as const;

export const VOTE_MODES = ['named', 'secret'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];
export const VOTE_MODE_LABELS: Record<VoteMode, string> = { named: '记名表决', secret: '无记名表决' };

export const VOTE_CHANNELS = ['online', 'paper'] as const;
export type VoteChannel = (typeof VOTE_CHANNELS)[number];
export const VOTE_CHANNEL_LABELS: Record<VoteChannel, string> = { online: '手机投票', paper: '纸质选票' };

export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];
export const VOTE_STATUS_LABELS: Record<VoteStatus, string> = { draft: '未开始', open: '表决中', closed: '已结束' };

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

/** The passing rule, as the result and the resolution state it; in an all-staff meeting the base is all voting staff. */
export const PASSING_RULES: Record<TermForm, string> = {
  congress: '赞成票超过全体代表（应到人数）的半数为通过',
  all_staff: '赞成票超过全体教职工（应到人数）的半数为通过',
};
export const PASSING_RULE = PASSING_RULES.congress;

export const CONGRESS_LIMITS = {
  nameMax: 30,
  titleMax: 100,
  placeMax: 100,
  descriptionMax: 2000,
  reasonMax: 200,
  agendaMax: 30,
  constituenciesMax: 50,
  memberIdsMax: 5000,
  termNumberMax: 99,
  sessionNumberMax: 99,
} as const;

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const uuid = (label: string) => z.string().uuid(`${label}无效`);
const percent = (label: string) => z.number({ message: `${label}应为整数` }).int(`${label}应为整数`).min(0, `${label}应在 0—100 之间`).max(100, `${label}应在 0—100 之间`);

// ——— Requests ———

const policyFields = {
  teacherMinPercent: percent('教师代表最低比例'),
  leaderMaxPercent: percent('中层以上最高比例'),
  cosignersMin: z.number({ message: '附议人数应为整数' }).int('附议人数应为整数').min(0, '附议人数不能为负').max(10, '附议人数最多 10 人'),
  replyWeeks: z.number({ message: '答复期限应为整数周' }).int('答复期限应为整数周').min(1, '答复期限至少 1 周').max(52, '答复期限最多 52 周'),
};

/** POST /congress/terms. `number` defaults to the next one; the policy to 60 % / 20 % / 2 co-signers / 8 weeks. */
export const termCreateSchema = z.object({
  number: z.number({ message: '届次应为整数' }).int('届次应为整数').min(1, '届次至少为 1').max(CONGRESS_LIMITS.termNumberMax).optional(),
  form: z.enum(TERM_FORMS, { message: '会议形式应为 教职工代表大会 或 教职工大会' }).default('congress'),
  years: z.union([z.literal(3), z.literal(5)], { message: '每届任期应为 3 年或 5 年' }),
  startsOn: isoDateSchema,
  teacherMinPercent: policyFields.teacherMinPercent.default(60),
  leaderMaxPercent: policyFields.leaderMaxPercent.default(20),
  cosignersMin: policyFields.cosignersMin.default(2),
  replyWeeks: policyFields.replyWeeks.default(8),
});
export type TermCreate = z.infer<typeof termCreateSchema>;
/** PATCH /congress/terms/:id: the policy figures only (the form and the dates stay as elected). */
export const termPatchSchema = z.object(policyFields).partial();

export const constituencyInputSchema = z.object({ name: text('代表团名称', CONGRESS_LIMITS.nameMax) });
export const constituencyPatchSchema = z.object({ name: text('代表团名称', CONGRESS_LIMITS.nameMax).optional(), position: z.number().int().min(0).max(1000).optional() });

const categorySchema = z.enum(REPRESENTATIVE_CATEGORIES, { message: '代表类别应为 教师、职员 或 工勤' });

/** POST /congress/terms/:id/representatives. `category` defaults to the member's post type (教师 / 职员 / 工勤). */
export const representativeInputSchema = z.object({
  memberId: uuid('人员'),
  constituencyId: uuid('代表团').nullable().default(null),
  kind: z.enum(REPRESENTATIVE_KINDS, { message: '代表身份应为 正式代表、特邀代表 或 列席代表' }).default('representative'),
  category: categorySchema.optional(),
  isLeader: z.boolean().default(false),
  electedOn: isoDateSchema,
});
export type RepresentativeInput = z.infer<typeof representativeInputSchema>;

/** POST /congress/representatives/:id/replace: the successor (补选), by default in the same constituency. */
export const representativeReplaceSchema = z.object({
  memberId: uuid('人员'),
  electedOn: isoDateSchema,
  reason: text('替换原因', CONGRESS_LIMITS.reasonMax),
  constituencyId: uuid('代表团').nullable().optional(),
  category: categorySchema.optional(),
  isLeader: z.boolean().default(false),
});
export type RepresentativeReplace = z.infer<typeof representativeReplaceSchema>;

/** POST /congress/representatives/:id/end: 罢免 (recalled) or 离任 (left: transferred, retired …), with the reason. */
export const representativeEndSchema = z.object({
  status: z.enum(['recalled', 'left'], { message: '请选择罢免或离任' }),
  reason: text('原因', CONGRESS_LIMITS.reasonMax),
  endedOn: isoDateSchema,
});

const agendaItemFields = {
  title: text('议题名称', CONGRESS_LIMITS.titleMax),
  kind: z.enum(AGENDA_KINDS, { message: '议题类别无效' }).default('report'),
  description: z.string().trim().max(CONGRESS_LIMITS.descriptionMax, `议题说明不能超过 ${CONGRESS_LIMITS.descriptionMax} 个字`).default(''),
};
export const agendaItemInputSchema = z.object(agendaItemFields);
export const agendaItemPatchSchema = z.object({
  title: agendaItemFields.title.optional(),
  kind: z.enum(AGENDA_KINDS, { message: '议题类别无效' }).optional(),
  description: agendaItemFields.description.unwrap().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

const windowRefinement = (s: { proposalsOpenAt?: string | null; proposalsCloseAt?: string | null }, ctx: z.RefinementCtx) => {
  if (!s.proposalsOpenAt !== !s.proposalsCloseAt) ctx.addIssue({ code: 'custom', path: ['proposalsCloseAt'], message: '请同时填写提案征集开始和截止时间' });
  if (s.proposalsOpenAt && s.proposalsCloseAt && Date.parse(s.proposalsCloseAt) <= Date.parse(s.proposalsOpenAt))
    ctx.addIssue({ code: 'custom', path: ['proposalsCloseAt'], message: '提案征集截止时间应晚于开始时间' });
};

const sessionFields = {
  title: text('会议名称', CONGRESS_LIMITS.titleMax),
  startsAt: instantSchema,
  place: z.string().trim().max(CONGRESS_LIMITS.placeMax, `会议地点不能超过 ${CONGRESS_LIMITS.placeMax} 个字`),
  proposalsOpenAt: instantSchema.nullable(),
  proposalsCloseAt: instantSchema.nullable(),
};

/** POST /congress/terms/:id/sessions. Number and title default to the next "第N届…第M次会议". */
export const sessionCreateSchema = z
  .object({
    number: z.number({ message: '会次应为整数' }).int('会次应为整数').min(1, '会次至少为 1').max(CONGRESS_LIMITS.sessionNumberMax).optional(),
    title: sessionFields.title.optional(),
    startsAt: sessionFields.startsAt,
    place: sessionFields.place.default(''),
    proposalsOpenAt: sessionFields.proposalsOpenAt.default(null),
    proposalsCloseAt: sessionFields.proposalsCloseAt.default(null),
    agenda: z.array(agendaItemInputSchema).max(CONGRESS_LIMITS.agendaMax, `议程最多 ${CONGRESS_LIMITS.agendaMax} 项`).default([]),
  })
  .superRefine(windowRefinement);
export type SessionCreate = z.infer<typeof sessionCreateSchema>;
/** PATCH /congress/sessions/:id: any of these; the merged window is checked again by the server. */
export const sessionPatchSchema = z.object(sessionFields).partial().superRefine(windowRefinement);
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

/** POST /congress/sessions/:id/attendance: tick several people at once; `unknown` clears their entry; absent needs the reason. */
export const attendanceInputSchema = z.object({
  memberIds: z.array(uuid('人员')).min(1, '请至少选择一人').max(CONGRESS_LIMITS.memberIdsMax),
  status: z.enum(['present', 'absent', 'unknown'], { message: '出勤状态应为 出席、缺席 或 未签到' }),
  reason: z.string().trim().max(CONGRESS_LIMITS.nameMax, `缺席原因不能超过 ${CONGRESS_LIMITS.nameMax} 个字`).optional(),
});
export const congressCheckinSchema = z.object({ code: z.string({ message: '请扫描会场的签到码' }).trim().min(1, '请扫描会场的签到码').max(32, '签到码无效') });

/** POST /congress/sessions/:id/votes: on an agenda item (title defaults to its title) or a free title. */
export const voteCreateSchema = z
  .object({
    agendaItemId: uuid('议题').nullable().default(null),
    title: text('表决事项', CONGRESS_LIMITS.titleMax).optional(),
    mode: z.enum(VOTE_MODES, { message: '表决方式应为 记名 或 无记名' }),
    channel: z.enum(VOTE_CHANNELS, { message: '投票方式应为 手机投票 或 纸质选票' }),
  })
  .refine((v) => v.agendaItemId !== null || v.title !== undefined, { path: ['title'], message: '请填写表决事项或选择议题' });
export const ballotSchema = z.object({ choice: z.enum(VOTE_CHOICES, { message: '请选择 赞成、反对 或 弃权' }) });
const tally = (label: string) => z.number({ message: `${label}票数应为整数` }).int(`${label}票数应为整数`).min(0, `${label}票数不能为负`).max(100_000);
export const paperTallySchema = z.object({ yes: tally('赞成'), no: tally('反对'), abstain: tally('弃权') });

/** Field names for error messages (requests under /api/v1/congress). */
export const CONGRESS_FIELD_LABELS: Record<string, string> = {
  number: '届次', form: '会议形式', years: '任期', startsOn: '任期开始日期', teacherMinPercent: '教师代表最低比例',
  leaderMaxPercent: '中层以上最高比例', cosignersMin: '附议人数', replyWeeks: '答复期限', name: '代表团名称', position: '顺序',
  memberId: '人员', memberIds: '人员', constituencyId: '代表团', kind: '类别', category: '代表类别', isLeader: '中层以上',
  electedOn: '当选日期', endedOn: '终止日期', reason: '原因', status: '状态', title: '名称', startsAt: '会议时间', place: '会议地点',
  proposalsOpenAt: '提案征集开始时间', proposalsCloseAt: '提案征集截止时间', agenda: '议程', description: '议题说明', code: '签到码',
  agendaItemId: '议题', mode: '表决方式', channel: '投票方式', choice: '表决意见', yes: '赞成票', no: '反对票', abstain: '弃权票',
};

// ——— Responses ———

const quorumSchema = z.object({ met: z.boolean(), required: z.number().int(), missing: z.number().int(), text: z.string() });
/** 应到 / 实到 / 缺席 / 未签到 of a session, counted over the voters (invited and attending-only people left out). */
export const attendanceFiguresSchema = z.object({ expected: z.number().int(), present: z.number().int(), absent: z.number().int(), notYet: z.number().int(), quorum: quorumSchema });

export const compositionSchema = z.object({
  total: z.number().int(),
  teachers: z.number().int(),
  leaders: z.number().int(),
  women: z.number().int(),
  womenText: z.string(),
  checks: z.array(z.object({ rule: z.enum(['teachers', 'leaders']), ok: z.boolean(), text: z.string() })),
  ageBands: z.array(z.object({ label: z.string(), count: z.number().int() })),
});

const policySchema = z.object({ teacherMinPercent: z.number().int(), leaderMaxPercent: z.number().int(), cosignersMin: z.number().int(), replyWeeks: z.number().int() });

export const termSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  /** "第三届教职工代表大会" */
  label: z.string(),
  form: z.enum(TERM_FORMS),
  years: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  isCurrent: z.boolean(),
  policy: policySchema,
  /** 应到 of a vote today: the voting representatives, or every voter of an all-staff meeting. */
  voters: z.number().int(),
  sessionCount: z.number().int(),
});

/** The actor's place in a term: their member file, their mandate if any, and whether they vote. */
export const termMeSchema = z.object({
  memberId: z.string().nullable(),
  representative: z.object({ id: z.string(), kind: z.enum(REPRESENTATIVE_KINDS), constituencyName: z.string().nullable() }).nullable(),
  isVoter: z.boolean(),
});

export const sessionSummarySchema = z.object({
  id: z.string(),
  termId: z.string(),
  number: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  status: z.enum(SESSION_STATUSES),
  proposalsOpenAt: z.string().nullable(),
  proposalsCloseAt: z.string().nullable(),
  isProposalWindowOpen: z.boolean(),
});

export const termListSchema = z.object({ items: z.array(termSummarySchema.extend({ me: termMeSchema })), canManage: z.boolean() });

export const termDetailSchema = termSummarySchema.extend({
  constituencies: z.array(z.object({ id: z.string(), name: z.string(), position: z.number().int(), representatives: z.number().int() })),
  /** Null for an all-staff meeting (no representatives). */
  composition: compositionSchema.nullable(),
  sessions: z.array(sessionSummarySchema),
  me: termMeSchema,
  can: z.object({ manage: z.boolean() }),
});

export const representativeSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  constituencyId: z.string().nullable(),
  constituencyName: z.string().nullable(),
  kind: z.enum(REPRESENTATIVE_KINDS),
  category: z.enum(REPRESENTATIVE_CATEGORIES),
  isLeader: z.boolean(),
  /** Gender and age: managers only (null for others). */
  gender: z.enum(['M', 'F']).nullable(),
  age: z.number().int().nullable(),
  status: z.enum(REPRESENTATIVE_STATUSES),
  electedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  replacesId: z.string().nullable(),
  replacesName: z.string().nullable(),
  replacedById: z.string().nullable(),
  replacedByName: z.string().nullable(),
});
export type Representative = z.infer<typeof representativeSchema>;

/** One line of the term's history of changes (补选、罢免、离任), newest first. */
export const representativeChangeSchema = z.object({ on: z.string(), kind: z.enum(['replaced', 'recalled', 'left']), representativeId: z.string(), text: z.string() });

export const representativeListSchema = z.object({
  items: z.array(representativeSchema),
  composition: compositionSchema.nullable(),
  history: z.array(representativeChangeSchema),
  canManage: z.boolean(),
});

export const voteSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  agendaItemId: z.string().nullable(),
  title: z.string(),
  mode: z.enum(VOTE_MODES),
  channel: z.enum(VOTE_CHANNELS),
  status: z.enum(VOTE_STATUSES),
  /** All voters of the term when it opened (the passing base), and those present. */
  base: z.number().int().nullable(),
  present: z.number().int().nullable(),
  /** Online ballots cast so far ("已投 N 人"); null for paper votes. */
  ballots: z.number().int().nullable(),
  /** Results: null until closed. */
  yes: z.number().int().nullable(),
  no: z.number().int().nullable(),
  abstain: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  resultText: z.string().nullable(),
  /** Totals the tellers entered, before closing: managers only. */
  paperTally: z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() }).nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  me: z.object({ hasVoted: z.boolean(), choice: z.enum(VOTE_CHOICES).nullable(), canVote: z.boolean(), reason: z.string().nullable() }),
  can: z.object({ open: z.boolean(), close: z.boolean(), enterPaper: z.boolean(), delete: z.boolean() }),
});
export type VoteView = z.infer<typeof voteSchema>;
/** GET /congress/votes/:id: the vote, and for a closed named vote (to managers) who voted what. */
export const voteDetailSchema = voteSchema.extend({ namedBallots: z.array(z.object({ memberId: z.string(), name: z.string(), choice: z.enum(VOTE_CHOICES) })).nullable() });

export const agendaItemSchema = z.object({ id: z.string(), position: z.number().int(), title: z.string(), kind: z.enum(AGENDA_KINDS), description: z.string() });

export const sessionDetailSchema = sessionSummarySchema.extend({
  term: z.object({ id: z.string(), label: z.string(), form: z.enum(TERM_FORMS) }),
  agenda: z.array(agendaItemSchema),
  votes: z.array(voteSchema),
  attendance: attendanceFiguresSchema,
  me: termMeSchema.extend({
    attendance: z.object({ status: z.enum(['present', 'absent']), reason: z.string().nullable(), source: z.enum(['scan', 'staff']), at: z.string() }).nullable(),
    canCheckIn: z.boolean(),
  }),
  can: z.object({ manage: z.boolean() }),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const attendanceRosterSchema = z.object({
  items: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      groupName: z.string().nullable(),
      constituencyName: z.string().nullable(),
      /** null in the all-staff form; invited / observer people are listed but not counted. */
      kind: z.enum(REPRESENTATIVE_KINDS).nullable(),
      isVoter: z.boolean(),
      status: z.enum(['present', 'absent']).nullable(),
      reason: z.string().nullable(),
      source: z.enum(['scan', 'staff']).nullable(),
      at: z.string().nullable(),
    }),
  ),
  figures: attendanceFiguresSchema,
});
export const attendanceResultSchema = z.object({ changed: z.number().int(), figures: attendanceFiguresSchema });
export const congressCheckinCodeSchema = z.object({ code: z.string(), url: z.string(), expiresAt: z.string(), expected: z.number().int(), present: z.number().int() });
export const congressCheckinResultSchema = z.object({ message: z.string(), at: z.string() });

/** GET /congress/sessions/:id/screen: what the hall screen shows; choices never appear before a vote closes. */
export const hallScreenSchema = z.object({
  orgName: z.string(),
  /** The form labels the figures: 应到代表 in a congress, 应到人数 (all voting staff) in an all-staff meeting. */
  term: z.object({ label: z.string(), form: z.enum(TERM_FORMS) }),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  attendance: attendanceFiguresSchema,
  votes: z.array(voteSchema.pick({ id: true, title: true, mode: true, channel: true, status: true, base: true, present: true, ballots: true, yes: true, no: true, abstain: true, passed: true, resultText: true })),
  checkin: congressCheckinCodeSchema.pick({ code: true, url: true, expiresAt: true }).nullable(),
});
