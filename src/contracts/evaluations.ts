import { z } from 'zod';
import { instantSchema } from './activities.js';

/**
 * The democratic evaluation API (民主测评, DOMAIN.md §4 "Evaluation"), under /api/v1 in the actor's current
 * organisation (a grassroots union); ids of another organisation answer 404. Setting up, publishing, closing and
 * results need evaluation.manage (leaders, the 组织 committee member). Voting needs a place on the evaluation's
 * roll, fixed when it is published. Ballots are anonymous by construction (decision 012): the roll row says only
 * that a person has voted; the ballot row has no voter, no time and no sequence, and the ballots are rewritten in
 * random order when the evaluation closes.
 *
 *   GET    /evaluations                    EvaluationSummary[]: managers all; others those they are on the roll of
 *   POST   /evaluations                    EvaluationInput → 201 EvaluationDetail (draft)
 *   GET    /evaluations/:id                EvaluationDetail (draft: managers only) with `me` and `can`; a list's
 *                                          people by name (`voterList`) for managers only
 *   PATCH  /evaluations/:id                EvaluationInput (every field; draft only) → EvaluationDetail
 *   DELETE /evaluations/:id                a draft → 204
 *   POST   /evaluations/:id/publish        fixes the roll from `voters`, tells each voter → EvaluationDetail
 *   POST   /evaluations/:id/close          ends voting now (before closesAt) → EvaluationDetail
 *   POST   /evaluations/:id/ballots        BallotInput → 201 { message } (once; 409 the second time)
 *   GET    /evaluations/:id/results        EvaluationResults, only once closed (409 before)
 *   GET    /evaluations/:id/report.docx    民主测评结果报告 (closed)
 *   GET    /evaluations/:id/results.xlsx   the same figures as a sheet (closed)
 *
 * An evaluation whose closesAt has passed is closed by the first request that reads it (under its lock, once,
 * whichever process) and by the reminders job; no figure is shown before that.
 */

export const EVALUATION_STATUSES = ['draft', 'published', 'closed'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
/** `published` reads 未开始 before opensAt and 进行中 after it (the detail carries `phase`). */
export const EVALUATION_PHASES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];
export const EVALUATION_PHASE_LABELS: Record<EvaluationPhase, string> = { draft: '草稿', scheduled: '未开始', open: '测评中', closed: '已结束' };

/** Who may vote: the active representatives of a congress term, every member in employment with a normal membership, or a list. */
export const EVALUATION_VOTER_KINDS = ['term', 'members', 'list'] as const;
export type EvaluationVoterKind = (typeof EVALUATION_VOTER_KINDS)[number];
export const EVALUATION_VOTER_KIND_LABELS: Record<EvaluationVoterKind, string> = { term: '教代会代表', members: '全体在职会员', list: '指定人员' };

/** DOMAIN.md defaults, editable per evaluation. Grades are listed best first. */
export const DEFAULT_EVALUATION_DIMENSIONS = ['政治思想', '工作能力与实绩', '民主作风', '为人师表', '廉洁自律'] as const;
export const DEFAULT_DIMENSION_GRADES = ['好', '较好', '一般', '差'] as const;
export const DEFAULT_OVERALL_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
/** [default] No figure is shown for a group of fewer voters than this (DOMAIN.md). */
export const DEFAULT_MIN_GROUP_SIZE = 5;

export const EVALUATION_LIMITS = {
  titleMax: 100,
  descriptionMax: 1000,
  targetsMax: 50,
  targetNameMax: 20,
  targetPostMax: 50,
  dimensionsMax: 10,
  dimensionLabelMax: 20,
  gradesMin: 2,
  gradesMax: 6,
  gradeLabelMax: 10,
  commentMax: 500,
  listMax: 5000,
  minGroupMin: 3,
  minGroupMax: 50,
} as const;

/**
 * Voters' groups for the breakdown: the post type on the member's file when the roll is fixed. A group with fewer
 * voters on the roll than the minimum is not recorded on ballots at all; one with fewer ballots cast than the
 * minimum is erased from the ballots when the evaluation closes (decision 012).
 */
export const EVALUATION_GROUPS = ['teacher', 'staff', 'worker', 'other'] as const;
export type EvaluationGroup = (typeof EVALUATION_GROUPS)[number];
export const EVALUATION_GROUP_LABELS: Record<EvaluationGroup, string> = { teacher: '教师', staff: '职员', worker: '工勤', other: '其他' };

/** Field names in the error messages of the /evaluations routes. */
export const EVALUATION_FIELD_LABELS: Record<string, string> = {
  title: '测评名称', description: '说明', targets: '测评对象', name: '测评对象姓名', post: '职务', dimensions: '测评项目',
  grades: '评价等次', overallGrades: '总体评价等次', allowComments: '意见建议', voters: '参评人员', kind: '参评人员范围',
  termId: '教代会届次', memberIds: '参评人员', opensAt: '开始时间', closesAt: '结束时间', minGroupSize: '最少分组人数',
  ratings: '评价', targetKey: '测评对象', overall: '总体评价', comment: '意见建议', id: '编号',
};

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const distinctLabels = (label: string, itemLabel: string, min: number, max: number, itemMax: number) =>
  z
    .array(text(itemLabel, itemMax), { message: `请填写${label}` })
    .min(min, `${label}至少 ${min} 项`)
    .max(max, `${label}最多 ${max} 项`)
    .refine((xs) => new Set(xs).size === xs.length, `${label}不能重复`);

/** A target of the evaluation (测评对象): a named leader and their post; `key` is given by the server. */
export const evaluationTargetInputSchema = z.object({
  name: text('测评对象姓名', EVALUATION_LIMITS.targetNameMax),
  post: text('职务', EVALUATION_LIMITS.targetPostMax),
});

export const evaluationVotersSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('term'), termId: z.string().uuid('请选择教代会届次') }),
    z.object({ kind: z.literal('members') }),
    z.object({
      kind: z.literal('list'),
      memberIds: z
        .array(z.string().uuid('参评人员无效'))
        .min(1, '请至少选择 1 名参评人员')
        .max(EVALUATION_LIMITS.listMax, `参评人员最多 ${EVALUATION_LIMITS.listMax} 人`)
        .refine((xs) => new Set(xs).size === xs.length, '参评人员有重复'),
    }),
  ],
  { message: '请选择参评人员范围' },
);
export type EvaluationVoters = z.infer<typeof evaluationVotersSchema>;

/** POST /evaluations and PATCH /evaluations/:id (draft). opensAt < closesAt; closesAt in the future. */
export const evaluationInputSchema = z.object({
  title: text('测评名称', EVALUATION_LIMITS.titleMax),
  description: z.string().trim().max(EVALUATION_LIMITS.descriptionMax, `说明不能超过 ${EVALUATION_LIMITS.descriptionMax} 个字`).default(''),
  targets: z
    .array(evaluationTargetInputSchema, { message: '请添加测评对象' })
    .min(1, '请至少添加 1 名测评对象')
    .max(EVALUATION_LIMITS.targetsMax, `测评对象最多 ${EVALUATION_LIMITS.targetsMax} 人`)
    .superRefine((targets, ctx) => {
      const seen = new Set<string>();
      targets.forEach((t, i) => {
        const key = `${t.name}\u0000${t.post}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `测评对象重复：${t.name}（${t.post}）已在名单中` });
        seen.add(key);
      });
    }),
  dimensions: distinctLabels('测评项目', '测评项目名称', 0, EVALUATION_LIMITS.dimensionsMax, EVALUATION_LIMITS.dimensionLabelMax).default([...DEFAULT_EVALUATION_DIMENSIONS]),
  grades: distinctLabels('评价等次', '等次名称', EVALUATION_LIMITS.gradesMin, EVALUATION_LIMITS.gradesMax, EVALUATION_LIMITS.gradeLabelMax).default([...DEFAULT_DIMENSION_GRADES]),
  overallGrades: distinctLabels('总体评价等次', '等次名称', EVALUATION_LIMITS.gradesMin, EVALUATION_LIMITS.gradesMax, EVALUATION_LIMITS.gradeLabelMax).default([...DEFAULT_OVERALL_GRADES]),
  allowComments: z.boolean().default(true),
  voters: evaluationVotersSchema,
  opensAt: instantSchema,
  closesAt: instantSchema,
  minGroupSize: z
    .number({ message: '最少分组人数应为整数' })
    .int('最少分组人数应为整数')
    .min(EVALUATION_LIMITS.minGroupMin, `最少分组人数不能少于 ${EVALUATION_LIMITS.minGroupMin}`)
    .max(EVALUATION_LIMITS.minGroupMax, `最少分组人数不能超过 ${EVALUATION_LIMITS.minGroupMax}`)
    .default(DEFAULT_MIN_GROUP_SIZE),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

/**
 * POST /evaluations/:id/ballots. One rating per target, in any order: a grade index for every dimension (0 = the
 * first, best grade), an overall grade index, and an optional comment (only where comments are allowed).
 */
export const ballotInputSchema = z.object({
  ratings: z
    .array(
      z.object({
        targetKey: z.string({ message: '请选择测评对象' }).min(1, '请选择测评对象').max(20, '测评对象无效'),
        grades: z
          .array(z.number({ message: '评价等次无效' }).int('评价等次无效').min(0, '评价等次无效').max(EVALUATION_LIMITS.gradesMax - 1, '评价等次无效'), { message: '请为每个测评项目选择等次' })
          .max(EVALUATION_LIMITS.dimensionsMax, '评价等次无效'),
        overall: z.number({ message: '请选择总体评价' }).int('总体评价等次无效').min(0, '总体评价等次无效').max(EVALUATION_LIMITS.gradesMax - 1, '总体评价等次无效'),
        comment: z.string().trim().max(EVALUATION_LIMITS.commentMax, `意见建议不能超过 ${EVALUATION_LIMITS.commentMax} 个字`).default(''),
      }),
    )
    .min(1, '请完成全部测评对象的评价')
    .max(EVALUATION_LIMITS.targetsMax),
});
export type BallotInput = z.infer<typeof ballotInputSchema>;

// ——— Answers ———

export const evaluationTargetSchema = z.object({ key: z.string(), name: z.string(), post: z.string() });

export const evaluationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  phase: z.enum(EVALUATION_PHASES),
  opensAt: z.string(),
  closesAt: z.string(),
  targetCount: z.number(),
  /** Fixed at publishing; null in a draft. */
  eligible: z.number().nullable(),
  /** Ballots cast so far (a count only: who voted is never listed). Null in a draft. */
  cast: z.number().nullable(),
  me: z.object({ isEligible: z.boolean(), hasVoted: z.boolean() }),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const evaluationDetailSchema = evaluationSummarySchema.extend({
  description: z.string(),
  targets: z.array(evaluationTargetSchema),
  dimensions: z.array(z.string()),
  grades: z.array(z.string()),
  overallGrades: z.array(z.string()),
  allowComments: z.boolean(),
  /** The voters setting; a list's member ids only for managers (others get an empty list). */
  voters: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('term'), termId: z.string() }),
    z.object({ kind: z.literal('members') }),
    z.object({ kind: z.literal('list'), memberIds: z.array(z.string()) }),
  ]),
  /** For managers, the people of a 指定人员 list with their names (by pinyin); null otherwise. */
  voterList: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
  /** "教代会代表（第二届，67 人）" etc. */
  votersLabel: z.string(),
  minGroupSize: z.number(),
  can: z.object({ manage: z.boolean(), vote: z.boolean(), seeResults: z.boolean() }),
  /** Why the viewer cannot vote now (not on the roll, already voted, not yet open, closed), or null. */
  voteRefusal: z.string().nullable(),
});
export type EvaluationDetail = z.infer<typeof evaluationDetailSchema>;

/** Count and share (‰ as an integer, 0–1000, so that 1 decimal of a percentage is exact) of each grade. */
export const gradeTallySchema = z.object({ counts: z.array(z.number()), permille: z.array(z.number()) });
export type GradeTally = z.infer<typeof gradeTallySchema>;

export const targetResultSchema = z.object({
  key: z.string(),
  name: z.string(),
  post: z.string(),
  /** One tally per dimension, in the evaluation's order. */
  dimensions: z.array(gradeTallySchema),
  overall: gradeTallySchema,
  /** The target's comments, in random order. */
  comments: z.array(z.string()),
});

export const evaluationResultsSchema = z.object({
  id: z.string(),
  title: z.string(),
  closedAt: z.string(),
  dimensions: z.array(z.string()),
  grades: z.array(z.string()),
  overallGrades: z.array(z.string()),
  /** Whether comments were collected: when not, the results show no comment block. */
  allowComments: z.boolean(),
  eligible: z.number(),
  cast: z.number(),
  /** ‰ of eligible who cast a ballot. */
  participationPermille: z.number(),
  /** "应参评 67 人，实际参评 60 人，参评率 89.6%" */
  participationText: z.string(),
  minGroupSize: z.number(),
  /** Null when fewer ballots were cast than the minimum: then no grade figure is shown at all. */
  targets: z.array(targetResultSchema).nullable(),
  /** Per group with at least minGroupSize ballots; the others are named in `hiddenGroupsNote`. */
  groups: z.array(z.object({ group: z.enum(EVALUATION_GROUPS), label: z.string(), cast: z.number(), targets: z.array(targetResultSchema.omit({ comments: true })) })),
  hiddenGroupsNote: z.string().nullable(),
});
export type EvaluationResults = z.infer<typeof evaluationResultsSchema>;
