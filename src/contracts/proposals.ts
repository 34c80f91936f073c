import { z } from 'zod';
import { isoDateSchema } from './members.js';
import { PROPOSAL_STATUSES } from '../domain/congress/proposal-states.js';

/**
 * The proposals API (提案, DOMAIN.md §4 "Proposals"), under /api/v1 in the actor's grassroots union; another union's
 * ids answer 404. Being a representative is data (an active representative of the session's term — every active
 * member in an all-staff term), not a role. Who sees a proposal: its proposer, co-signers and joint proposers (drafts
 * included), the proposals committee (proposal.review: everything but drafts), and the departments it is assigned to
 * (proposal.handle: only those) — anyone else gets 404.
 *
 * Representatives (congress.read + representative of the term; phone first):
 *   GET    /proposals/my                     ProposalMy: am I a representative, sessions with their window, my proposals,
 *                                            co-sign invitations, what I co-signed, replies waiting for my rating
 *   GET    /proposals/cosigner-candidates?sessionId    active representatives of the session's term (not me)
 *   POST   /proposals                        ProposalCreate → 201 ProposalDetail (a draft; co-signers are invited)
 *   PATCH  /proposals/:id                    ProposalPatch (draft, proposer); a change of wording asks the co-signers again
 *   POST   /proposals/:id/cosign             {decision: confirm | decline}  (the invited co-signer)
 *   POST   /proposals/:id/submit             {asOpinion}: as a proposal inside the window with enough confirmed
 *                                            co-signers; otherwise 409 naming why — unless asOpinion, then filed as an
 *                                            opinion (意见建议); the answer's `submission` says what it became and why
 *   POST   /proposals/:id/withdraw           {reason?} before review
 *   POST   /proposals/:id/files              multipart `file` (proposer, draft); DELETE /proposals/:id/files/:fileId
 *   GET    /proposals/:id/files/:fileId      for whoever may read the proposal
 *   POST   /proposals/:id/rate               {rating, comment?} proposer, confirmed co-signers and joint proposers; the
 *                                            proposer's rating decides: 不满意 in round 1 → a second reply; else closed
 * Everyone who may read some proposals:
 *   GET    /proposals?sessionId&status&kind&category&q&page    the list (committee: all but drafts)
 *   GET    /proposals/:id                    ProposalDetail with `can`
 * Proposals committee (proposal.review):
 *   POST   /proposals/:id/review             {decision: accept | convert | reject, reason} (reason required to reject)
 *   POST   /proposals/:id/merge              {sourceIds}: 并案 into :id (accepted if it was not yet)
 *   GET    /proposals/handlers               the union's handler accounts (departments)
 *   POST   /proposals/:id/assign             {leadUserId, assistUserIds, responsibleLeader, replyDueOn?}
 *   POST   /proposals/:id/notes              {text} 督办 note
 *   GET    /proposals/overdue                assigned, not replied, past the deadline
 *   GET    /proposals/figures?sessionId      立案率, 按期答复率, 办结率, 满意率 for the session and per department
 *   GET    /proposals/report.docx?sessionId  提案办理情况报告;  GET /proposals/ledger.xlsx?sessionId  提案台账
 * Departments (proposal.handle; only what is assigned to them):
 *   GET    /proposals/assigned?status=open|replied|all
 *   POST   /proposals/:id/reply              {resultCode A–D, text} (the lead department of the current round)
 *   POST   /proposals/:id/replies/:round/files   multipart `file`, the lead department, until the reply is rated
 */

// ——— Enumerations and labels ———

export const PROPOSAL_CATEGORIES = ['教育教学', '师资建设', '后勤保障', '福利待遇', '民主管理', '其他'] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];

export { PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, PROPOSAL_ACTION_LABELS, type ProposalStatus } from '../domain/congress/proposal-states.js';

export const PROPOSAL_KINDS = ['proposal', 'opinion'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = { proposal: '提案', opinion: '意见建议' };

export const RESULT_CODES = ['A', 'B', 'C', 'D'] as const;
export type ResultCode = (typeof RESULT_CODES)[number];
export const RESULT_CODE_LABELS: Record<ResultCode, string> = { A: '已解决', B: '正在解决或列入计划', C: '需条件成熟后解决', D: '留作参考' };

export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

export const SIGNER_ROLE_LABELS = { cosigner: '附议人', joint: '联名提案人' } as const;
export const SIGNER_STATUS_LABELS = { invited: '待确认', confirmed: '已确认', declined: '已谢绝' } as const;
export const ASSIGNMENT_ROLE_LABELS = { lead: '主办', assist: '协办' } as const;

export const PROPOSAL_LIMITS = {
  titleMax: 60,
  reasonsMax: 3000,
  suggestionsMax: 3000,
  cosignersMax: 30,
  reasonMax: 500,
  leaderMax: 50,
  assistMax: 10,
  replyMax: 5000,
  commentMax: 500,
  noteMax: 1000,
  mergeMax: 20,
  searchMax: 50,
  fileMaxBytes: 20 * 1024 * 1024,
  filesMax: 10,
  pageSize: 20,
  /** Reminders to the departments: this many days before the deadline, and the day after it. */
  remindDaysBefore: 3,
} as const;

/** Field names of proposal requests as people read them (error messages name the field). */
export const PROPOSAL_FIELD_LABELS: Record<string, string> = {
  sessionId: '会议',
  title: '案由',
  category: '类别',
  reasons: '理由',
  suggestions: '建议',
  cosignerMemberIds: '附议人',
  decision: '处理意见',
  asOpinion: '作为意见建议提交',
  reason: '理由',
  sourceIds: '并入的提案',
  leadUserId: '主办部门',
  assistUserIds: '协办部门',
  responsibleLeader: '责任领导',
  replyDueOn: '答复期限',
  resultCode: '答复结果',
  text: '内容',
  rating: '评价',
  comment: '意见',
  status: '状态',
  kind: '类型',
  q: '搜索',
  page: '页码',
  file: '文件',
};

// ——— Inputs ———

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('');
const uuid = (label: string) => z.string({ message: `请选择${label}` }).uuid(`${label}无效`);

const draftFields = {
  title: text('案由', PROPOSAL_LIMITS.titleMax),
  category: z.enum(PROPOSAL_CATEGORIES, { message: `类别应为 ${PROPOSAL_CATEGORIES.join('、')} 之一` }),
  reasons: optionalText('理由', PROPOSAL_LIMITS.reasonsMax),
  suggestions: optionalText('建议', PROPOSAL_LIMITS.suggestionsMax),
  cosignerMemberIds: z.array(uuid('附议人')).max(PROPOSAL_LIMITS.cosignersMax, `附议人最多 ${PROPOSAL_LIMITS.cosignersMax} 人`).default([]),
};

/** POST /proposals: a draft (理由 and 建议 may be filled in later; they are required to submit). */
export const proposalCreateSchema = z.object({ sessionId: uuid('会议'), ...draftFields });
export type ProposalCreate = z.infer<typeof proposalCreateSchema>;
/** PATCH /proposals/:id: any part of a draft; `cosignerMemberIds` replaces the list. */
export const proposalPatchSchema = z
  .object({
    title: draftFields.title,
    category: draftFields.category,
    reasons: z.string().trim().max(PROPOSAL_LIMITS.reasonsMax, `理由不能超过 ${PROPOSAL_LIMITS.reasonsMax} 个字`),
    suggestions: z.string().trim().max(PROPOSAL_LIMITS.suggestionsMax, `建议不能超过 ${PROPOSAL_LIMITS.suggestionsMax} 个字`),
    cosignerMemberIds: z.array(uuid('附议人')).max(PROPOSAL_LIMITS.cosignersMax, `附议人最多 ${PROPOSAL_LIMITS.cosignersMax} 人`),
  })
  .partial();
export type ProposalPatch = z.infer<typeof proposalPatchSchema>;

export const cosignDecisionSchema = z.object({ decision: z.enum(['confirm', 'decline'], { message: '请选择同意附议或谢绝' }) });
export const proposalSubmitSchema = z.object({ asOpinion: z.boolean({ message: '作为意见建议提交应为是或否' }).default(false) });
export const proposalWithdrawSchema = z.object({ reason: optionalText('理由', PROPOSAL_LIMITS.reasonMax) });

/** POST /proposals/:id/review: 立案, 转为意见建议, 不予立案 (with its reason). */
export const proposalReviewSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('accept'), reason: optionalText('审查意见', PROPOSAL_LIMITS.reasonMax) }),
    z.object({ decision: z.literal('convert'), reason: optionalText('审查意见', PROPOSAL_LIMITS.reasonMax) }),
    z.object({ decision: z.literal('reject'), reason: text('不予立案的理由', PROPOSAL_LIMITS.reasonMax) }),
  ],
  { message: '处理意见应为 立案、转为意见建议 或 不予立案' },
);
export type ProposalReview = z.infer<typeof proposalReviewSchema>;

export const proposalMergeSchema = z.object({
  sourceIds: z.array(uuid('并入的提案')).min(1, '请选择要并入的提案').max(PROPOSAL_LIMITS.mergeMax, `一次最多并入 ${PROPOSAL_LIMITS.mergeMax} 件`),
});

/** POST /proposals/:id/assign (交办): the deadline defaults to the term's reply weeks, moved to a working day. */
export const proposalAssignSchema = z.object({
  leadUserId: uuid('主办部门'),
  assistUserIds: z.array(uuid('协办部门')).max(PROPOSAL_LIMITS.assistMax, `协办部门最多 ${PROPOSAL_LIMITS.assistMax} 个`).default([]),
  responsibleLeader: text('责任领导', PROPOSAL_LIMITS.leaderMax),
  replyDueOn: isoDateSchema.optional(),
});
export type ProposalAssign = z.infer<typeof proposalAssignSchema>;

export const proposalReplySchema = z.object({
  resultCode: z.enum(RESULT_CODES, { message: '答复结果应为 A（已解决）、B（正在解决或列入计划）、C（需条件成熟后解决）或 D（留作参考）' }),
  text: text('答复内容', PROPOSAL_LIMITS.replyMax),
});
export const proposalRateSchema = z.object({
  rating: z.enum(RATINGS, { message: '评价应为 满意、基本满意 或 不满意' }),
  comment: optionalText('意见', PROPOSAL_LIMITS.commentMax),
});
export const proposalNoteSchema = z.object({ text: text('督办意见', PROPOSAL_LIMITS.noteMax) });

export const PROPOSAL_LIST_STATUSES = ['all', ...PROPOSAL_STATUSES] as const;
export const proposalListQuerySchema = z.object({
  sessionId: uuid('会议').optional(),
  status: z.enum(PROPOSAL_LIST_STATUSES, { message: '状态无效' }).default('all'),
  kind: z.enum(PROPOSAL_KINDS, { message: '类型应为 proposal 或 opinion' }).optional(),
  category: z.enum(PROPOSAL_CATEGORIES, { message: '类别无效' }).optional(),
  q: z.string().trim().max(PROPOSAL_LIMITS.searchMax, `搜索内容不能超过 ${PROPOSAL_LIMITS.searchMax} 个字`).optional(),
  page: z.coerce.number().int().min(1, '页码至少为 1').default(1),
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;
export const assignedListQuerySchema = z.object({ status: z.enum(['open', 'replied', 'all'], { message: '状态应为 open、replied 或 all' }).default('open') });
export const sessionQuerySchema = z.object({ sessionId: uuid('会议') });
export const optionalSessionQuerySchema = z.object({ sessionId: uuid('会议').optional() });

// ——— Answers ———

const person = z.object({ id: z.string(), name: z.string() });
export const proposalFileSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), replyRound: z.number().int().nullable() });
export type ProposalFile = z.infer<typeof proposalFileSchema>;

/** A session as the proposal pages show it, with its collection window. */
export const proposalSessionSchema = z.object({
  id: z.string(),
  termId: z.string(),
  termNumber: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  proposalsOpenAt: z.string().nullable(),
  proposalsCloseAt: z.string().nullable(),
  isWindowOpen: z.boolean(),
});
export type ProposalSession = z.infer<typeof proposalSessionSchema>;

/** A proposal as lists show it (phone cards and the committee's table). */
export const proposalSummarySchema = z.object({
  id: z.string(),
  number: z.number().int().nullable(),
  kind: z.enum(PROPOSAL_KINDS),
  status: z.enum(PROPOSAL_STATUSES),
  title: z.string(),
  category: z.string(),
  session: z.object({ id: z.string(), title: z.string() }),
  proposer: person,
  cosigners: z.object({ confirmed: z.number().int(), invited: z.number().int(), required: z.number().int() }),
  round: z.number().int(),
  lead: person.nullable(),
  replyDueOn: z.string().nullable(),
  /** Days to the reply deadline while it is being handled (negative: overdue by that many days). */
  daysLeft: z.number().int().nullable(),
  isOverdue: z.boolean(),
  resultCode: z.enum(RESULT_CODES).nullable(),
  /** The proposer's rating of the current round's reply, if given. */
  rating: z.enum(RATINGS).nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

export const proposalDetailSchema = proposalSummarySchema.extend({
  reasons: z.string(),
  suggestions: z.string(),
  term: z.object({ id: z.string(), number: z.number().int(), cosignersMin: z.number().int(), replyWeeks: z.number().int() }),
  window: z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable(), isOpen: z.boolean() }),
  review: z.object({ reason: z.string().nullable(), by: z.string().nullable(), at: z.string().nullable() }),
  mergedInto: z.object({ id: z.string(), number: z.number().int().nullable(), title: z.string() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.string(), title: z.string(), proposerName: z.string() })),
  responsibleLeader: z.string().nullable(),
  signers: z.array(z.object({ memberId: z.string(), name: z.string(), role: z.enum(['cosigner', 'joint']), status: z.enum(['invited', 'confirmed', 'declined']), respondedAt: z.string().nullable() })),
  /** Departments of every round, each with its round's reply deadline. */
  assignments: z.array(z.object({ round: z.number().int(), role: z.enum(['lead', 'assist']), handler: person, replyDueOn: z.string().nullable(), assignedAt: z.string() })),
  /** Replies of every round, each with its round's deadline and whether it came on or before it. */
  replies: z.array(
    z.object({ id: z.string(), round: z.number().int(), resultCode: z.enum(RESULT_CODES), text: z.string(), handler: z.string(), repliedAt: z.string(), dueOn: z.string().nullable(), isOnTime: z.boolean().nullable() }),
  ),
  ratings: z.array(z.object({ round: z.number().int(), name: z.string(), isProposer: z.boolean(), rating: z.enum(RATINGS), comment: z.string(), at: z.string() })),
  /** 督办 notes: for the committee and the assigned departments only (empty for others). */
  notes: z.array(z.object({ id: z.string(), text: z.string(), author: z.string(), at: z.string() })),
  files: z.array(proposalFileSchema),
  /** How the actor stands to the proposal. */
  myRoles: z.array(z.enum(['proposer', 'cosigner', 'joint', 'reviewer', 'lead', 'assist'])),
  mySignerStatus: z.enum(['invited', 'confirmed', 'declined']).nullable(),
  can: z.object({
    edit: z.boolean(),
    cosign: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    review: z.boolean(),
    merge: z.boolean(),
    assign: z.boolean(),
    reply: z.boolean(),
    rate: z.boolean(),
    note: z.boolean(),
  }),
  /** After a submission: what it was filed as, and why when it became an opinion. */
  submission: z.object({ kind: z.enum(PROPOSAL_KINDS), reasons: z.array(z.string()) }).optional(),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

export const proposalListSchema = z.object({ items: z.array(proposalSummarySchema), total: z.number().int(), page: z.number().int(), canReview: z.boolean() });

export const proposalMySchema = z.object({
  /** The actor as a representative of the current term, or null (then they cannot propose or co-sign). */
  representative: z.object({ memberId: z.string(), name: z.string(), termId: z.string(), termNumber: z.number().int(), cosignersMin: z.number().int() }).nullable(),
  sessions: z.array(proposalSessionSchema),
  proposals: z.array(proposalSummarySchema),
  invitations: z.array(proposalSummarySchema),
  cosigned: z.array(proposalSummarySchema),
  toRate: z.array(proposalSummarySchema),
});
export type ProposalMy = z.infer<typeof proposalMySchema>;

export const cosignerCandidatesSchema = z.object({ items: z.array(z.object({ memberId: z.string(), name: z.string(), constituency: z.string().nullable() })) });
export const proposalHandlersSchema = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string() })) });
export const assignedListSchema = z.object({ items: z.array(proposalSummarySchema.extend({ myRole: z.enum(['lead', 'assist']) })) });
export const overdueListSchema = z.object({ items: z.array(proposalSummarySchema.extend({ daysOverdue: z.number().int(), responsibleLeader: z.string().nullable(), notes: z.number().int() })) });
export const proposalNoteViewSchema = z.object({ id: z.string(), text: z.string(), author: z.string(), at: z.string() });

/** The four rates and their counts (domain/congress proposalFigures); a rate is null when nothing is there to divide. */
export const figuresSchema = z.object({
  submitted: z.number().int(),
  accepted: z.number().int(),
  acceptanceRate: z.number().nullable(),
  /** Replies due (件次): every round of handling replied, or past its deadline without a reply; a proposal sent back counts twice. */
  due: z.number().int(),
  /** Of those, replied on or before their own round's deadline. */
  onTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  closed: z.number().int(),
  closureRate: z.number().nullable(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: z.number().nullable(),
});
export type ProposalFiguresView = z.infer<typeof figuresSchema>;
export const proposalFiguresSchema = z.object({
  session: proposalSessionSchema.nullable(),
  sessions: z.array(proposalSessionSchema),
  overall: figuresSchema,
  opinions: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byDepartment: z.array(figuresSchema.extend({ userId: z.string(), name: z.string() })),
});
export type ProposalFigures = z.infer<typeof proposalFiguresSchema>;
