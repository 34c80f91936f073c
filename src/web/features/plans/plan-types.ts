import type { z } from 'zod';
import type { GoalView, ParseResult, PERIOD_KINDS, PlanDetail as PlanDetailView, planListSchema, PlanSummary as PlanSummaryView } from '../../../contracts/plans';

/** 学年 / 学期 / 年度. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** GET /plans: one plan in the list, with its counts. */
export type PlanSummary = PlanSummaryView;

/** GET /plans: the plans and whether the user may write plans. */
export type PlanList = z.infer<typeof planListSchema>;

/** GET /plans/:id: the whole plan; `can.manage` says whether the user may change it. */
export type PlanDetail = PlanDetailView;

/** A goal with its metric's label and unit and its live value. */
export type PlanGoal = GoalView;

/** POST /plans/parse: the draft read from a pasted text or a document; nothing is saved yet. */
export type ParsedPlan = ParseResult;
