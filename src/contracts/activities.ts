import { z } from 'zod';
import { isoDateSchema } from './members.js';

/**
 * The activities API (DOMAIN.md §4 "Activities"): publish, sign up with capacity and wait-list, check in,
 * attendance and participation, interest groups, in-app notifications. All under /api/v1, in the actor's
 * current organisation (a grassroots union); ids of another organisation answer 404.
 *
 * Members (any role in the union whose account is linked to a member file):
 *   GET    /activities?scope=open|mine|all&from&to&typeId&page   list; `open`: published, not ended, the actor is in
 *                                         the audience (default for members); `mine`: the actor's registrations
 *                                         and attendance; `all`: managers only
 *   GET    /activities/:id                the activity with `me` (my registration, wait-list position, attended)
 *                                         and `can` (signUp, cancel, manage) and figures
 *   POST   /activities/:id/registrations  sign up {answers}; → 200 RegistrationView; twice = no-op (same answer)
 *   DELETE /activities/:id/registrations/me   cancel (before the cancel deadline); promotes the first waiting
 *   POST   /activities/:id/checkin        {code} → 200 { attendedAt, message }; an expired or wrong code → 400 field "code"
 * Organisers (activity.manage):
 *   GET    /activity-types; POST /activity-types {name, kind}; PATCH /activity-types/:id {name?, archived?}
 *   POST   /activities                    create (with `repeat` → a weekly series); → 201 { ids: all ids in date
 *                                         order, activity: the first one's detail }
 *   PATCH  /activities/:id                edit (members signed up are notified of a change of time or place)
 *   POST   /activities/:id/cancel         {reason} → status cancelled, everyone signed up is notified
 *   GET    /activities/:id/registrations  the roster: invited members with registration status and attendance
 *   POST   /activities/:id/registrations/:registrationId/decision   {decision: approve|reject}
 *   PUT    /activities/:id/attendance     {memberIds, source: roster|paper} sets who attended (replaces roster/paper
 *                                         entries; scans stay)
 *   GET    /activities/:id/checkin-code   { code, url, expiresAt } — the rotating code for the screen
 *   GET    /activities/:id/signin-sheet.docx     签到表
 *   GET    /activities/:id/attendance.xlsx
 *   GET    /activities/ledger.xlsx?from&to       活动台账
 *   GET    /activities/stats?from&to      participation of the organisation and per group over the period,
 *                                         per type counts, per member attendance counts
 *   POST   /activities/:id/files (multipart: file, kind=photo|attachment); GET /activities/:id/files/:fileId;
 *   DELETE /activities/:id/files/:fileId
 * Interest groups (兴趣小组):
 *   GET    /clubs; POST /clubs {name, description, leaderMemberId}; PATCH /clubs/:id; GET /clubs/:id (members,
 *          activities, attendance); PUT /clubs/:id/members {memberIds}
 * Notifications (any signed-in user):
 *   GET    /notifications?unread=1        newest first, with `unreadCount`
 *   POST   /notifications/read            {ids} or {all: true}
 */

export const ACTIVITY_KINDS = ['study', 'lecture', 'culture_sport', 'competition', 'festival', 'health_check', 'outing', 'volunteer', 'club', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  study: '学习',
  lecture: '讲座',
  culture_sport: '文体',
  competition: '比赛',
  festival: '节日',
  health_check: '体检',
  outing: '疗休养/出游',
  volunteer: '志愿',
  club: '兴趣小组',
  other: '其他',
};
/** The types a union starts with (name = the kind's label), in this order. */
export const DEFAULT_ACTIVITY_TYPES: readonly ActivityKind[] = ['study', 'lecture', 'culture_sport', 'competition', 'festival', 'health_check', 'outing', 'volunteer', 'club'];

export const AUDIENCE_KINDS = ['all', 'women', 'retirees', 'groups', 'departments', 'club', 'list'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const AUDIENCE_KIND_LABELS: Record<AudienceKind, string> = {
  all: '全体在职会员',
  women: '女教职工',
  retirees: '退休教职工',
  groups: '指定工会小组',
  departments: '指定部门',
  club: '兴趣小组成员',
  list: '指定人员',
};

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '待审核',
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
  rejected: '未通过',
};

export const ATTENDANCE_SOURCES = ['scan', 'roster', 'paper'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];
export const ATTENDANCE_SOURCE_LABELS: Record<AttendanceSource, string> = { scan: '扫码签到', roster: '名单勾选', paper: '纸质签到表' };

export const ACTIVITY_STATUSES = ['published', 'cancelled'] as const;
export const ACTIVITY_STATUS_LABELS = { published: '已发布', cancelled: '已取消' } as const;

/** Where an activity stands for sign-up, computed from the clock and the counts (domain/activities). */
export const SIGNUP_PHASES = ['none', 'not_open', 'open', 'full', 'closed', 'ended', 'cancelled'] as const;
export type SignupPhase = (typeof SIGNUP_PHASES)[number];
export const SIGNUP_PHASE_LABELS: Record<SignupPhase, string> = {
  none: '无需报名',
  not_open: '未开始报名',
  open: '报名中',
  full: '已满可候补',
  closed: '报名已截止',
  ended: '已结束',
  cancelled: '已取消',
};

export const NOTIFICATION_KINDS = ['signup_confirmed', 'signup_waitlisted', 'promoted', 'reminder', 'activity_changed', 'activity_cancelled', 'signup_approved', 'signup_rejected', 'care_event_registered', 'care_campaign_started', 'proposal_cosign_requested', 'proposal_reviewed', 'proposal_assigned', 'proposal_replied', 'proposal_reminder', 'congress_vote_opened', 'evaluation_published', 'evaluation_reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ACTIVITY_LIMITS = {
  titleMax: 100,
  descriptionMax: 5000,
  placeMax: 100,
  typeNameMax: 20,
  typesMax: 30,
  capacityMax: 100_000,
  fieldsMax: 10,
  fieldLabelMax: 20,
  optionsMax: 20,
  optionMax: 30,
  answerMax: 200,
  listMembersMax: 5000,
  repeatMax: 52,
  cancelReasonMax: 200,
  photoMaxBytes: 5 * 1024 * 1024,
  attachmentMaxBytes: 20 * 1024 * 1024,
  filesMax: 30,
  clubNameMax: 30,
  clubDescriptionMax: 500,
  /** Seconds a check-in code is shown before the next one; the previous code is still accepted (a scan in flight). */
  checkinWindowSeconds: 30,
  pageSize: 20,
} as const;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.pptx', '.jpg', '.jpeg', '.png'] as const;

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const uuid = (label: string) => z.string().uuid(`${label}无效`);
/** An instant with its offset, e.g. 2026-12-01T14:00:00+08:00 (the web sends Asia/Shanghai times). */
export const instantSchema = z.iso.datetime({ offset: true, message: '时间格式应为 2026-12-01T14:00:00+08:00' });

export const audienceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('women') }),
    z.object({ kind: z.literal('retirees') }),
    z.object({ kind: z.literal('groups'), groupIds: z.array(uuid('工会小组')).min(1, '请至少选择一个工会小组').max(200) }),
    z.object({ kind: z.literal('departments'), departments: z.array(z.string().trim().min(1).max(50)).min(1, '请至少选择一个部门').max(200) }),
    z.object({ kind: z.literal('club'), clubId: uuid('兴趣小组') }),
    z.object({ kind: z.literal('list'), memberIds: z.array(uuid('人员')).min(1, '请至少选择一人').max(ACTIVITY_LIMITS.listMembersMax) }),
  ],
  { message: '参加对象无效' },
);
export type Audience = z.infer<typeof audienceSchema>;

export const signupFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '字段标识无效'),
    label: text('字段名称', ACTIVITY_LIMITS.fieldLabelMax),
    type: z.enum(['choice', 'text'], { message: '字段类型应为 选择 或 文字' }),
    options: z.array(text('选项', ACTIVITY_LIMITS.optionMax)).max(ACTIVITY_LIMITS.optionsMax, `选项最多 ${ACTIVITY_LIMITS.optionsMax} 个`).default([]),
    required: z.boolean().default(false),
  })
  .refine((f) => f.type !== 'choice' || f.options.length >= 2, { path: ['options'], message: '选择题至少要有两个选项' });
export type SignupField = z.infer<typeof signupFieldSchema>;

/** Weekly repetition of a new activity: `count` occurrences in all (the first included), one week apart. */
export const repeatSchema = z.object({ every: z.literal('week'), count: z.number().int().min(2, '重复次数至少 2 次').max(ACTIVITY_LIMITS.repeatMax, `重复次数最多 ${ACTIVITY_LIMITS.repeatMax} 次`) });

const activityFields = {
  typeId: uuid('活动类型'),
  title: text('活动名称', ACTIVITY_LIMITS.titleMax),
  description: z.string().trim().max(ACTIVITY_LIMITS.descriptionMax, `活动介绍不能超过 ${ACTIVITY_LIMITS.descriptionMax} 个字`).default(''),
  startsAt: instantSchema,
  endsAt: instantSchema,
  place: z.string().trim().max(ACTIVITY_LIMITS.placeMax, `地点不能超过 ${ACTIVITY_LIMITS.placeMax} 个字`).default(''),
  organiserUserId: uuid('组织者').nullable().optional(),
  audience: audienceSchema,
  /** Null: unlimited. */
  capacity: z.number({ message: '名额应为整数' }).int('名额应为整数').min(1, '名额至少为 1').max(ACTIVITY_LIMITS.capacityMax).nullable().default(null),
  /** Both null: no sign-up (attendance only). */
  signupOpensAt: instantSchema.nullable().default(null),
  signupClosesAt: instantSchema.nullable().default(null),
  cancelDeadline: instantSchema.nullable().default(null),
  needsApproval: z.boolean().default(false),
  fields: z.array(signupFieldSchema).max(ACTIVITY_LIMITS.fieldsMax, `报名字段最多 ${ACTIVITY_LIMITS.fieldsMax} 个`).default([]),
  calendarItemId: uuid('行事历事项').nullable().optional(),
  clubId: uuid('兴趣小组').nullable().optional(),
};

/** Cross-field rules of an activity (the server checks the merged activity on edit with the same function). */
export function activityRefinements(a: { startsAt: string; endsAt: string; signupOpensAt: string | null; signupClosesAt: string | null; cancelDeadline: string | null; fields: SignupField[] }, ctx: z.RefinementCtx) {
  const t = (s: string) => Date.parse(s);
  if (t(a.endsAt) < t(a.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间不能早于开始时间' });
  if ((a.signupOpensAt === null) !== (a.signupClosesAt === null)) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '请同时填写报名开始和截止时间' });
  if (a.signupOpensAt && a.signupClosesAt && t(a.signupClosesAt) <= t(a.signupOpensAt)) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间应晚于报名开始时间' });
  if (a.signupClosesAt && t(a.signupClosesAt) > t(a.endsAt)) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间不能晚于活动结束时间' });
  if (a.cancelDeadline && !a.signupOpensAt) ctx.addIssue({ code: 'custom', path: ['cancelDeadline'], message: '无需报名的活动不设取消截止时间' });
  if (a.cancelDeadline && t(a.cancelDeadline) > t(a.startsAt)) ctx.addIssue({ code: 'custom', path: ['cancelDeadline'], message: '取消截止时间不能晚于活动开始时间' });
  const keys = new Set<string>();
  a.fields.forEach((f, i) => {
    if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: '字段标识重复' });
    keys.add(f.key);
  });
}

export const activityInputSchema = z.object(activityFields).superRefine(activityRefinements);
export const activityCreateSchema = z.object({ ...activityFields, repeat: repeatSchema.nullable().optional() }).superRefine(activityRefinements);
/**
 * PATCH: any fields; an absent field keeps its value, so none is defaulted here (a default would reset the capacity
 * or the sign-up window whenever only the title changes). The merged activity is checked with activityRefinements.
 */
export const activityPatchSchema = z
  .object({
    ...activityFields,
    description: activityFields.description.unwrap(),
    place: activityFields.place.unwrap(),
    capacity: activityFields.capacity.unwrap(),
    signupOpensAt: activityFields.signupOpensAt.unwrap(),
    signupClosesAt: activityFields.signupClosesAt.unwrap(),
    cancelDeadline: activityFields.cancelDeadline.unwrap(),
    needsApproval: activityFields.needsApproval.unwrap(),
    fields: activityFields.fields.unwrap(),
  })
  .partial();
export type ActivityInput = z.infer<typeof activityInputSchema>;
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

export const activityCancelSchema = z.object({ reason: text('取消原因', ACTIVITY_LIMITS.cancelReasonMax) });
export const registrationCreateSchema = z.object({ answers: z.record(z.string(), z.string().trim().max(ACTIVITY_LIMITS.answerMax, `填写内容不能超过 ${ACTIVITY_LIMITS.answerMax} 个字`)).default({}) });
export const registrationDecisionSchema = z.object({ decision: z.enum(['approve', 'reject'], { message: '请选择通过或不通过' }) });
export const attendanceSetSchema = z.object({ memberIds: z.array(uuid('人员')).max(ACTIVITY_LIMITS.listMembersMax), source: z.enum(['roster', 'paper'], { message: '来源应为 名单勾选 或 纸质签到表' }) });
export const checkinSchema = z.object({ code: z.string({ message: '请扫描现场的签到码' }).trim().min(1, '请扫描现场的签到码').max(32, '签到码无效') });
export const activityTypeCreateSchema = z.object({ name: text('类型名称', ACTIVITY_LIMITS.typeNameMax), kind: z.enum(ACTIVITY_KINDS, { message: '类别无效' }) });
export const activityTypePatchSchema = z.object({ name: text('类型名称', ACTIVITY_LIMITS.typeNameMax).optional(), archived: z.boolean().optional() });
export const clubInputSchema = z.object({
  name: text('兴趣小组名称', ACTIVITY_LIMITS.clubNameMax),
  description: z.string().trim().max(ACTIVITY_LIMITS.clubDescriptionMax, `小组介绍不能超过 ${ACTIVITY_LIMITS.clubDescriptionMax} 个字`).nullable().optional(),
  leaderMemberId: uuid('组长').nullable().optional(),
});
export const clubMembersSchema = z.object({ memberIds: z.array(uuid('人员')).max(ACTIVITY_LIMITS.listMembersMax) });
export const periodQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { path: ['to'], message: '结束日期不能早于开始日期' });
export const activityListQuerySchema = z.object({
  scope: z.enum(['open', 'mine', 'all'], { message: '范围应为 open、mine 或 all' }).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  typeId: uuid('活动类型').optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export const notificationsReadSchema = z.union([z.object({ ids: z.array(uuid('通知')).min(1).max(500) }), z.object({ all: z.literal(true) })]);

/** Field names for error messages and audit entries. */
export const ACTIVITY_FIELD_LABELS: Record<string, string> = {
  typeId: '活动类型',
  title: '活动名称',
  description: '活动介绍',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  organiserUserId: '组织者',
  audience: '参加对象',
  capacity: '名额',
  signupOpensAt: '报名开始时间',
  signupClosesAt: '报名截止时间',
  cancelDeadline: '取消截止时间',
  needsApproval: '需要审核',
  fields: '报名信息',
  calendarItemId: '行事历事项',
  clubId: '兴趣小组',
  repeat: '重复',
  answers: '报名信息',
  code: '签到码',
  reason: '取消原因',
  memberIds: '人员',
  name: '名称',
  kind: '类别',
  leaderMemberId: '组长',
  decision: '审核结果',
};

/** Field names of the interest-group requests (a club's `name` and `description` are not an activity's). */
export const CLUB_FIELD_LABELS: Record<string, string> = {
  name: '兴趣小组名称',
  description: '小组介绍',
  leaderMemberId: '组长',
  archived: '停用',
  memberIds: '成员',
};

// ——— Responses ———

export const activityTypeSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(ACTIVITY_KINDS), position: z.number().int(), archived: z.boolean() });

/** The acting member's own standing in an activity. */
export const myRegistrationSchema = z.object({
  registrationId: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES).nullable(),
  /** 1-based place on the wait-list while waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  answers: z.record(z.string(), z.string()),
  attendedAt: z.string().nullable(),
  isInvited: z.boolean(),
});

/** An activity in a list. */
export const activitySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  phase: z.enum(SIGNUP_PHASES),
  capacity: z.number().int().nullable(),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  audienceLabel: z.string(),
  clubName: z.string().nullable(),
  me: myRegistrationSchema.nullable(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityFileSchema = z.object({ id: z.string(), kind: z.enum(['photo', 'attachment']), name: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });

/**
 * The audience as an activity's page sends it: for those who do not manage activities a chosen list of people comes
 * without the others' ids (`memberIds` empty); the words in `audienceLabel` say who is invited.
 */
export const audienceViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('women') }),
  z.object({ kind: z.literal('retirees') }),
  z.object({ kind: z.literal('groups'), groupIds: z.array(z.string()) }),
  z.object({ kind: z.literal('departments'), departments: z.array(z.string()) }),
  z.object({ kind: z.literal('club'), clubId: z.string() }),
  z.object({ kind: z.literal('list'), memberIds: z.array(z.string()) }),
]);

/** GET /activities/:id */
export const activityDetailSchema = activitySummarySchema.extend({
  description: z.string(),
  organiserUserId: z.string().nullable(),
  organiserName: z.string().nullable(),
  audience: audienceViewSchema,
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().nullable(),
  cancelDeadline: z.string().nullable(),
  needsApproval: z.boolean(),
  fields: z.array(signupFieldSchema),
  cancelReason: z.string().nullable(),
  calendarItemId: z.string().nullable(),
  clubId: z.string().nullable(),
  seriesId: z.string().nullable(),
  files: z.array(activityFileSchema),
  /** For managers: invited / signed up / wait-listed / attended / rate (attended ÷ invited); null for members. */
  figures: z
    .object({ invited: z.number().int(), confirmed: z.number().int(), pending: z.number().int(), waitlisted: z.number().int(), attended: z.number().int(), rate: z.number().nullable() })
    .nullable(),
  can: z.object({ signUp: z.boolean(), cancel: z.boolean(), checkIn: z.boolean(), manage: z.boolean() }),
  /** Why the actor cannot sign up, in words (不在参加对象范围内, 报名已截止 …), null when they can or are signed up. */
  signUpBlocker: z.string().nullable(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

export const activityListSchema = z.object({ items: z.array(activitySummarySchema), total: z.number().int(), page: z.number().int(), canManage: z.boolean() });

/**
 * The answer to a sign-up or cancellation: the actor's registration afterwards. `waitlistPosition` is always null
 * here — counting the places ahead costs as much as the sign-up itself when hundreds wait (decision 009); the
 * activity's page (GET /activities/:id → me.waitlistPosition), which the app reloads at once, shows the place.
 */
export const registrationViewSchema = myRegistrationSchema.extend({ activityId: z.string(), message: z.string() });
export type RegistrationView = z.infer<typeof registrationViewSchema>;

/** A row of the organiser's roster: every invited member (and anyone registered or present outside the audience). */
export const rosterRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  department: z.string().nullable(),
  isInvited: z.boolean(),
  registrationId: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES).nullable(),
  waitlistPosition: z.number().int().nullable(),
  answers: z.record(z.string(), z.string()),
  registeredAt: z.string().nullable(),
  attendedAt: z.string().nullable(),
  attendanceSource: z.enum(ATTENDANCE_SOURCES).nullable(),
});
export const rosterSchema = z.object({ items: z.array(rosterRowSchema) });

/** POST /activities → 201: every activity created (one, or a weekly series in date order) and the first one. */
export const activityCreatedSchema = z.object({ ids: z.array(z.string()), activity: activityDetailSchema });
/** POST /activities/:id/registrations/:registrationId/decision → the registration's status afterwards. */
export const decisionResultSchema = z.object({ registrationId: z.string(), status: z.enum(REGISTRATION_STATUSES), waitlistPosition: z.number().int().nullable() });
/** POST /activities/:id/checkin → when the member was marked present ("签到成功" or "您已签到，无需重复签到"). */
export const checkinResultSchema = z.object({ attendedAt: z.string(), message: z.string() });
/** PUT /activities/:id/attendance → how many are present now, how many were added and removed. */
export const attendanceResultSchema = z.object({ attended: z.number().int(), added: z.number().int(), removed: z.number().int() });

export const checkinCodeSchema = z.object({ code: z.string(), url: z.string(), expiresAt: z.string(), attended: z.number().int(), invited: z.number().int() });

/** GET /activities/stats */
export const activityStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Participation of the organisation (DOMAIN.md): members who attended at least one activity ÷ active members. */
  participation: z.object({ attended: z.number().int(), eligible: z.number().int(), rate: z.number().nullable() }),
  byGroup: z.array(z.object({ groupId: z.string().nullable(), groupName: z.string(), attended: z.number().int(), eligible: z.number().int(), rate: z.number().nullable() })),
  byKind: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), label: z.string(), count: z.number().int() })),
  activities: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), typeName: z.string(), invited: z.number().int(), confirmed: z.number().int(), attended: z.number().int(), rate: z.number().nullable() })),
  members: z.array(z.object({ memberId: z.string(), name: z.string(), groupName: z.string().nullable(), attended: z.number().int() })),
});

export const clubSummarySchema = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), leaderMemberId: z.string().nullable(), leaderName: z.string().nullable(), memberCount: z.number().int(), activityCount: z.number().int(), archived: z.boolean() });
export const clubDetailSchema = clubSummarySchema.extend({
  members: z.array(z.object({ memberId: z.string(), name: z.string(), groupName: z.string().nullable(), attended: z.number().int() })),
  activities: z.array(activitySummarySchema),
  canManage: z.boolean(),
});

export const notificationSchema = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() });
