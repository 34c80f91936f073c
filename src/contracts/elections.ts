import { z } from 'zod';

/**
 * The elections API (换届选举, DOMAIN.md §4 "Elections"), under /api/v1 in the actor's current organisation (a
 * grassroots union); ids of another organisation answer 404. Setting up, the roll and attendance, opening rounds
 * and counting need election.manage (leaders, the 组织 committee member); the counters (计票人) named for the
 * election may also record paper ballots. Voting needs a place on the roll (fixed when the election starts), being
 * present, and not having voted in the round. Online ballots are stored like evaluation ballots (decision 012): the
 * voter's row says only "voted in round N"; the ballot has no voter, no time, a random receipt code, and is
 * rewritten in random order when the round is counted.
 *
 * Setting up (draft):
 *   GET    /elections                          ElectionSummary[] (managers all; others the started ones whose roll
 *                                              holds them or whose officials they are)
 *   POST   /elections                          ElectionInput → 201 ElectionDetail
 *   GET    /elections/:id                      ElectionDetail with `me` and `can` (a draft: managers only, else 404)
 *   PATCH  /elections/:id                      ElectionInput (draft only)
 *   DELETE /elections/:id                      a draft → 204
 *   POST   /elections/:id/candidates           {memberId, note?} → 201; DELETE /elections/candidates/:id (draft)
 *   PUT    /elections/:id/officials            {scrutineers: memberId[], counters: memberId[]} (none a candidate)
 * At the meeting:
 *   POST   /elections/:id/start                fixes the roll (应到) → ElectionDetail; refuses a committee election
 *                                              without enough extra candidates (差额) or fewer candidates than seats
 *   GET    /elections/:id/roll                 the roll with presence (managers)
 *   POST   /elections/:id/attendance           {memberIds, present} ticks presence (a members' meeting; at a congress
 *                                              session presence is the session's attendance)
 *   POST   /elections/:id/rounds               opens the next round: the first with every candidate, then the one
 *                                              the last count calls for (tie → the tied; too few → the rest); 409
 *                                              below two thirds present, saying how many more are needed
 *   POST   /elections/rounds/:id/ballots       OnlineBallotInput → 201 {receipt, message}: the receipt shown once
 *   GET    /elections/rounds/:id/ballots.docx  paper ballots to print, numbered 1…copies (?copies=N, ≤ due)
 *   PUT    /elections/rounds/:id/paper-count   {issued, returned} 发出 / 收回
 *   PUT    /elections/rounds/:id/paper/:no     PaperEntryInput: the acting teller's entry of paper ballot no. N
 *                                              (a second person's entry is the check; a third person is refused)
 *   GET    /elections/rounds/:id/paper         PaperBoard: each ballot's state, mismatches with both readings
 *   POST   /elections/rounds/:id/count         counts (409 while a paper ballot is unmatched or the numbers disagree)
 *   GET    /elections/rounds/:id/tracker       after counting: every ballot's receipt (or paper number) and content
 *   POST   /elections/:id/close                ends the election with the winners of its rounds
 *   GET    /elections/:id/report.docx          选举结果报告单 (closed)
 */

export const ELECTION_POSITIONS = ['committee', 'chair', 'vice_chair', 'audit', 'women', 'representative'] as const;
export type ElectionPosition = (typeof ELECTION_POSITIONS)[number];
export const ELECTION_POSITION_LABELS: Record<ElectionPosition, string> = {
  committee: '工会委员会委员',
  chair: '工会主席',
  vice_chair: '工会副主席',
  audit: '经费审查委员会委员',
  women: '女职工委员会委员',
  representative: '教代会代表',
};
/** [firm] Committee members are elected with more candidates than seats (差额); the others may be 等额. */
export const DIFFERENTIAL_POSITIONS: readonly ElectionPosition[] = ['committee'];
/** [default] The extra candidates needed: ⌈seats × 5 %⌉. */
export const DEFAULT_DIFFERENTIAL_PERCENT = 5;

export const ELECTION_MEETINGS = ['congress', 'members'] as const;
export type ElectionMeeting = (typeof ELECTION_MEETINGS)[number];
export const ELECTION_MEETING_LABELS: Record<ElectionMeeting, string> = { congress: '教代会会议', members: '会员大会' };

export const ELECTION_STATUSES = ['draft', 'running', 'closed'] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];
export const ELECTION_STATUS_LABELS: Record<ElectionStatus, string> = { draft: '筹备中', running: '选举进行中', closed: '已结束' };

export const ROUND_STATUSES = ['open', 'counted'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const BALLOT_MARKS = ['yes', 'no', 'abstain'] as const;
export type BallotMark = (typeof BALLOT_MARKS)[number];
export const BALLOT_MARK_LABELS: Record<BallotMark, string> = { yes: '赞成', no: '不赞成', abstain: '弃权' };

export const OFFICIAL_ROLES = ['scrutineer', 'counter'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];
export const OFFICIAL_ROLE_LABELS: Record<OfficialRole, string> = { scrutineer: '监票人', counter: '计票人' };

export const ELECTION_LIMITS = {
  titleMax: 100,
  seatsMax: 99,
  candidatesMax: 200,
  noteMax: 50,
  writeInNameMax: 20,
  officialsMax: 20,
  copiesMax: 5000,
  memberIdsMax: 5000,
} as const;

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const uuid = (label: string) => z.string({ message: `请选择${label}` }).uuid(`${label}无效`);
const count = (label: string, max: number) =>
  z.number({ message: `${label}应为整数` }).int(`${label}应为整数`).min(0, `${label}不能为负`).max(max, `${label}不能超过 ${max}`);

export const electionMeetingSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('congress'), sessionId: uuid('教代会会议') }), z.object({ kind: z.literal('members') })],
  { message: '请选择选举所在的会议' },
);
export type ElectionMeetingInput = z.infer<typeof electionMeetingSchema>;

/** POST /elections and PATCH /elections/:id (draft). At least one channel. */
export const electionInputSchema = z
  .object({
    title: text('选举名称', ELECTION_LIMITS.titleMax),
    position: z.enum(ELECTION_POSITIONS, { message: '请选择选举的职务' }),
    seats: z.number({ message: '应选名额应为整数' }).int('应选名额应为整数').min(1, '应选名额至少 1 名').max(ELECTION_LIMITS.seatsMax, `应选名额最多 ${ELECTION_LIMITS.seatsMax} 名`),
    meeting: electionMeetingSchema,
    online: z.boolean().default(true),
    paper: z.boolean().default(true),
    differentialPercent: count('差额比例', 100).default(DEFAULT_DIFFERENTIAL_PERCENT),
  })
  .refine((e) => e.online || e.paper, { message: '投票方式至少选择一种（手机或纸质选票）', path: ['online'] });
export type ElectionInput = z.infer<typeof electionInputSchema>;

export const candidateInputSchema = z.object({
  memberId: uuid('候选人'),
  /** Post or department shown on the ballot, e.g. "语文组教师". */
  note: z.string().trim().max(ELECTION_LIMITS.noteMax, `候选人简介不能超过 ${ELECTION_LIMITS.noteMax} 个字`).default(''),
});

export const officialsInputSchema = z.object({
  scrutineers: z.array(uuid('监票人')).max(ELECTION_LIMITS.officialsMax, `监票人最多 ${ELECTION_LIMITS.officialsMax} 人`),
  counters: z.array(uuid('计票人')).max(ELECTION_LIMITS.officialsMax, `计票人最多 ${ELECTION_LIMITS.officialsMax} 人`),
});

export const electionAttendanceInputSchema = z.object({
  memberIds: z.array(uuid('人员')).min(1, '请选择人员').max(ELECTION_LIMITS.memberIdsMax),
  present: z.boolean(),
});

const marksSchema = z.record(z.string().uuid('候选人无效'), z.enum(BALLOT_MARKS, { message: '请选择 赞成、不赞成 或 弃权' }));
const writeInsSchema = z
  .array(text('另选人姓名', ELECTION_LIMITS.writeInNameMax))
  .max(ELECTION_LIMITS.seatsMax, '另选人过多')
  .refine((xs) => new Set(xs).size === xs.length, '另选人姓名有重复')
  .default([]);

/** POST /elections/rounds/:id/ballots: a mark per candidate of the round (unmarked = 弃权) and write-ins (另选他人, 赞成). */
export const onlineBallotInputSchema = z.object({ marks: marksSchema, writeIns: writeInsSchema });
export type OnlineBallotInput = z.infer<typeof onlineBallotInputSchema>;

/** PUT /elections/rounds/:id/paper/:no: what the paper says; `spoilt` for a ballot that cannot be read (废票). */
export const paperEntryInputSchema = z.object({ marks: marksSchema, writeIns: writeInsSchema, spoilt: z.boolean().default(false) });
export type PaperEntryInput = z.infer<typeof paperEntryInputSchema>;

export const paperCountInputSchema = z.object({ issued: count('发出选票数', ELECTION_LIMITS.copiesMax), returned: count('收回选票数', ELECTION_LIMITS.copiesMax) });

// ——— Answers ———

export const candidateSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  note: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** One reasoning step of a count, in words, e.g. "当选须得赞成票超过应到会人数的半数：67 人的半数为 33.5，即至少 34 票". */
export const countStepSchema = z.object({ text: z.string(), kind: z.enum(['info', 'ok', 'void', 'elected', 'not_elected', 'tie', 'next']) });

export const roundOutcomeSchema = z.object({
  isVoid: z.boolean(),
  /** due, present, issued, returned (paper + online), valid, invalid. */
  figures: z.object({ due: z.number(), present: z.number(), issued: z.number(), returned: z.number(), valid: z.number(), invalid: z.number(), online: z.number(), paper: z.number() }),
  tallies: z.array(z.object({ candidateId: z.string().nullable(), name: z.string(), isWriteIn: z.boolean(), yes: z.number(), no: z.number(), abstain: z.number(), elected: z.boolean() })),
  elected: z.array(z.object({ candidateId: z.string().nullable(), name: z.string(), yes: z.number() })),
  /** What the count calls for next: nothing, a round among the tied, or a round for the empty seats. */
  next: z.object({ kind: z.enum(['none', 'tie', 'vacancies', 'repeat']), seats: z.number(), candidateIds: z.array(z.string()) }),
  steps: z.array(countStepSchema),
});
export type RoundOutcome = z.infer<typeof roundOutcomeSchema>;

export const roundSchema = z.object({
  id: z.string(),
  number: z.number(),
  seats: z.number(),
  /** In stroke order of the surname. */
  candidateIds: z.array(z.string()),
  status: z.enum(ROUND_STATUSES),
  due: z.number(),
  present: z.number(),
  paperIssued: z.number().nullable(),
  paperReturned: z.number().nullable(),
  onlineCast: z.number(),
  /** Only once counted. */
  outcome: roundOutcomeSchema.nullable(),
  me: z.object({ hasVoted: z.boolean(), voteRefusal: z.string().nullable() }),
});
export type Round = z.infer<typeof roundSchema>;

export const electionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  position: z.enum(ELECTION_POSITIONS),
  seats: z.number(),
  status: z.enum(ELECTION_STATUSES),
  meetingLabel: z.string(),
  candidateCount: z.number(),
  roundCount: z.number(),
});
export type ElectionSummary = z.infer<typeof electionSummarySchema>;

export const electionDetailSchema = electionSummarySchema.extend({
  meeting: electionMeetingSchema,
  online: z.boolean(),
  paper: z.boolean(),
  differentialPercent: z.number(),
  /** The 差额 rule for this position in words, e.g. "差额选举：候选人应比应选名额多至少 1 人（7 × 5% 向上取整）". */
  candidateRule: z.string(),
  /** Why the election cannot start now (too few candidates …), or null. */
  startRefusal: z.string().nullable(),
  /** In stroke order of the surname (姓氏笔画). */
  candidates: z.array(candidateSchema),
  officials: z.array(z.object({ memberId: z.string(), name: z.string(), role: z.enum(OFFICIAL_ROLES) })),
  /** 应到 / 实到 once started. */
  attendance: z.object({ due: z.number(), present: z.number(), quorumText: z.string() }).nullable(),
  rounds: z.array(roundSchema),
  /** The winners so far, in order of election. */
  elected: z.array(z.object({ candidateId: z.string().nullable(), name: z.string(), yes: z.number(), round: z.number() })),
  me: z.object({ memberId: z.string().nullable(), isOnRoll: z.boolean(), isPresent: z.boolean(), isCounter: z.boolean() }),
  can: z.object({ manage: z.boolean(), enterPaper: z.boolean() }),
});
export type ElectionDetail = z.infer<typeof electionDetailSchema>;

export const rollSchema = z.object({
  due: z.number(),
  present: z.number(),
  /** `votedOnline`: has voted on the phone in the open round (not how), so the hall gives them no paper ballot. */
  people: z.array(z.object({ memberId: z.string(), name: z.string(), department: z.string().nullable(), present: z.boolean(), votedOnline: z.boolean() })),
  /** A congress-session election takes presence from the session's attendance; the roll cannot be ticked here. */
  presenceFrom: z.enum(['roll', 'congress']),
});

export const paperBoardSchema = z.object({
  issued: z.number().nullable(),
  returned: z.number().nullable(),
  entered: z.number(),
  matched: z.number(),
  ballots: z.array(
    z.object({
      no: z.number(),
      state: z.enum(['single', 'matched', 'mismatch']),
      /** Who entered (display names), in entry order. */
      enteredBy: z.array(z.string()),
      /** Set for a mismatch: each difference, e.g. "张三：第一次 赞成，第二次 弃权". */
      differences: z.array(z.string()),
      /** Whether the viewer has entered this ballot (a mismatch is resolved by re-entering one's own reading). */
      mine: z.boolean(),
    }),
  ),
  /** What still stops counting, in words; empty when it may be counted. */
  blockers: z.array(z.string()),
});
export type PaperBoard = z.infer<typeof paperBoardSchema>;

export const trackerSchema = z.object({
  roundNumber: z.number(),
  /** The seats of the round: a ballot with more 赞成 (write-ins included) than this is void. */
  seats: z.number(),
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Online ballots by receipt code (sorted by code), paper ballots by number. */
  ballots: z.array(z.object({ receipt: z.string().nullable(), paperNo: z.number().nullable(), isVoid: z.boolean(), marks: z.record(z.string(), z.enum(BALLOT_MARKS)), writeIns: z.array(z.string()) })),
  outcome: roundOutcomeSchema,
});
export type Tracker = z.infer<typeof trackerSchema>;

/** Field names as error messages say them ("应选名额：…"); a mark's path ends in a candidate id, named 选票. */
export const ELECTION_FIELD_LABELS: Record<string, string> = {
  title: '选举名称',
  position: '选举职务',
  seats: '应选名额',
  meeting: '会议',
  sessionId: '教代会会议',
  online: '投票方式',
  paper: '投票方式',
  differentialPercent: '差额比例',
  memberId: '候选人',
  note: '候选人简介',
  scrutineers: '监票人',
  counters: '计票人',
  memberIds: '人员',
  present: '出席情况',
  marks: '选票',
  writeIns: '另选人',
  spoilt: '废票',
  issued: '发出选票数',
  returned: '收回选票数',
  no: '选票编号',
  copies: '打印份数',
  id: '编号',
};
