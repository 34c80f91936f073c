import { eq } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { calendarItems, planGoals, planSections, plans } from '../../db/schema/index.js';
import {
  goalInputSchema,
  planInputSchema,
  type GoalInput,
  type goalPatchSchema,
  type ParseResult,
  type PlanCreate,
  type planCopySchema,
  type PlanDetail,
  type planPatchSchema,
  type SectionInput,
} from '../../../contracts/plans.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { parsePlan } from '../../../domain/plan-parse/index.js';
import { copiedTitle, monthsBetween, periodLabel, shiftDateByMonths, shiftItemDates, suggestItems, type Period } from '../../../domain/plan-period.js';
import { can, type Action } from '../../../domain/policy.js';
import { notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { itemsOfPlan, orgNameOf, roleHolderIds } from '../calendar/calendar.repository.js';
import { assertOwners, itemValues, itemView, workingOrg } from '../calendar/calendar.service.js';
import { goalValue } from './metric-sources.js';
import { goalView, planBase, planSummary, sectionView } from './plans.presenter.js';
import { findGoal, findPlan, goalsOf, nextGoalPosition, plansWithCounts, sectionsOf } from './plans.repository.js';
import { planDocx } from './plans.docx.js';

/** What a section body may keep: paragraphs, line breaks, emphasis, lists and sub-headings, without any attribute. */
const SECTION_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4'],
  allowedAttributes: {},
};

/** A section body as stored: the editor's HTML with scripts, handlers, links, styles and unknown tags removed. */
export function sanitizeSectionBody(html: string): string {
  return sanitizeHtml(html, SECTION_HTML).trim();
}

const sectionRows = (planId: string, sections: SectionInput[]) =>
  sections.map((s, position) => ({ planId, position, heading: s.heading, body: sanitizeSectionBody(s.body ?? '') }));

/** A goal's columns: comparator and target only belong to a goal with a metric. */
const goalColumns = (g: GoalInput) => ({
  text: g.text,
  metric: g.metric ?? null,
  comparator: g.metric ? (g.comparator ?? null) : null,
  target: g.metric ? (g.target ?? null) : null,
});

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });

/** A plan of the current organisation the actor may read (or manage); another organisation's plan is a 404. */
async function loadPlan(ctx: Ctx, id: string, action: 'plan.read' | 'plan.manage') {
  const org = workingOrg(ctx, action);
  const plan = await findPlan(ctx.db, org.id, id);
  if (!plan) throw notFound('计划');
  return { org, plan };
}

const touchPlan = (tx: Db, planId: string) => tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, planId));

/** The organisation's plans with counts, and whether the actor may create one. */
export async function listPlans(ctx: Ctx) {
  const org = workingOrg(ctx, 'plan.read');
  const rows = await plansWithCounts(ctx.db, org.id);
  return { items: rows.map(planSummary), canManage: can(ctx.actor, 'plan.manage', { type: 'org', path: org.path }) };
}

/** The whole plan: sections, goals with their live values over the plan's period, and its schedule. */
export async function getPlanDetail(ctx: Ctx, id: string): Promise<PlanDetail> {
  const { org, plan } = await loadPlan(ctx, id, 'plan.read');
  const [sections, goals, items, orgName] = await Promise.all([
    sectionsOf(ctx.db, plan.id),
    goalsOf(ctx.db, plan.id),
    itemsOfPlan(ctx.db, org.id, plan.id),
    orgNameOf(ctx.db, org.id),
  ]);
  const period = { start: plan.periodStart, end: plan.periodEnd };
  const values = await Promise.all(goals.map((g) => goalValue(ctx.db, org, period, g, mayReadIn(ctx, org))));
  const today = todayInShanghai();
  return {
    ...planBase(plan),
    orgName,
    sections: sections.map(sectionView),
    goals: goals.map((g, i) => goalView(g, values[i])),
    items: items.map((r) => itemView(r, today)),
    can: { manage: can(ctx.actor, 'plan.manage', { type: 'org', path: org.path }) },
  };
}

/** Creates a plan with its sections, goals and schedule items in one transaction: one bad item and nothing is written. */
export async function createPlan(ctx: Ctx, input: PlanCreate): Promise<string> {
  const org = workingOrg(ctx, 'plan.manage');
  const items = (input.items ?? []).map((it, i) => ({ ...itemValues(it, `items.${i}.`), position: i }));
  return ctx.db.transaction(async (tx) => {
    await assertOwners(tx, org.id, items.map((it, i) => ({ ownerUserId: it.ownerUserId, path: `items.${i}.ownerUserId` })));
    const [plan] = await tx
      .insert(plans)
      .values({
        orgId: org.id,
        title: input.title,
        periodKind: input.periodKind,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        planDate: input.planDate ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const sections = sectionRows(plan.id, input.sections ?? []);
    const goals = (input.goals ?? []).map((g, position) => ({ ...goalColumns(g), planId: plan.id, position }));
    if (sections.length > 0) await tx.insert(planSections).values(sections);
    if (goals.length > 0) await tx.insert(planGoals).values(goals);
    if (items.length > 0) await tx.insert(calendarItems).values(items.map((it) => ({ ...it, orgId: org.id, planId: plan.id })));
    await writeAudit(tx, {
      orgId: org.id,
      actor: actorOf(ctx),
      action: 'plan.created',
      entityType: 'plan',
      entityId: plan.id,
      entityLabel: plan.title,
      changes: {
        title: { to: plan.title },
        periodKind: { to: plan.periodKind },
        periodStart: { to: plan.periodStart },
        periodEnd: { to: plan.periodEnd },
        sections: { to: sections.length },
        goals: { to: goals.length },
        items: { to: items.length },
      },
    });
    return plan.id;
  });
}

const AUDITED_PLAN_FIELDS = ['title', 'periodKind', 'periodStart', 'periodEnd', 'planDate'] as const;

/** Changes the title, period or date line; the plan with the changes applied is checked as a whole. */
export async function updatePlan(ctx: Ctx, id: string, patch: z.infer<typeof planPatchSchema>): Promise<void> {
  const { org, plan } = await loadPlan(ctx, id, 'plan.manage');
  const merged = planInputSchema.parse({
    title: patch.title ?? plan.title,
    periodKind: patch.periodKind ?? plan.periodKind,
    periodStart: patch.periodStart ?? plan.periodStart,
    periodEnd: patch.periodEnd ?? plan.periodEnd,
    planDate: patch.planDate !== undefined ? patch.planDate : plan.planDate,
  });
  const values = { ...merged, planDate: merged.planDate ?? null };
  const changes = diffFields(plan as unknown as Record<string, unknown>, values, [...AUDITED_PLAN_FIELDS]);
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(plans).set({ ...values, updatedAt: new Date() }).where(eq(plans.id, id));
    await writeAudit(tx, { orgId: org.id, actor: actorOf(ctx), action: 'plan.updated', entityType: 'plan', entityId: id, entityLabel: values.title, changes });
  });
}

/** Deletes a plan with its sections and goals; its schedule items stay on the calendar, no longer part of a plan. */
export async function deletePlan(ctx: Ctx, id: string): Promise<void> {
  const { org, plan } = await loadPlan(ctx, id, 'plan.manage');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(plans).where(eq(plans.id, id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: actorOf(ctx),
      action: 'plan.deleted',
      entityType: 'plan',
      entityId: id,
      entityLabel: plan.title,
      changes: { title: { from: plan.title }, periodStart: { from: plan.periodStart }, periodEnd: { from: plan.periodEnd } },
    });
  });
}

/** Replaces every section (array order is document order): editing, adding, removing and reordering are one save. */
export async function replaceSections(ctx: Ctx, id: string, sections: SectionInput[]): Promise<void> {
  const { org, plan } = await loadPlan(ctx, id, 'plan.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await sectionsOf(tx, id);
    await tx.delete(planSections).where(eq(planSections.planId, id));
    const rows = sectionRows(id, sections);
    if (rows.length > 0) await tx.insert(planSections).values(rows);
    await touchPlan(tx, id);
    await writeAudit(tx, {
      orgId: org.id,
      actor: actorOf(ctx),
      action: 'plan.sectionsReplaced',
      entityType: 'plan',
      entityId: id,
      entityLabel: plan.title,
      changes: { headings: { from: before.map((s) => s.heading), to: rows.map((s) => s.heading) } },
    });
  });
}

/** Adds a goal at the end of the plan's goals. */
export async function addGoal(ctx: Ctx, planId: string, input: GoalInput): Promise<string> {
  const { org, plan } = await loadPlan(ctx, planId, 'plan.manage');
  return ctx.db.transaction(async (tx) => {
    const columns = goalColumns(input);
    const [goal] = await tx.insert(planGoals).values({ ...columns, planId, position: await nextGoalPosition(tx, planId) }).returning();
    await touchPlan(tx, planId);
    await writeAudit(tx, {
      orgId: org.id,
      actor: actorOf(ctx),
      action: 'goal.created',
      entityType: 'plan_goal',
      entityId: goal.id,
      entityLabel: `${plan.title}：${goal.text}`,
      changes: diffFields({} as Record<string, unknown>, columns, ['text', 'metric', 'comparator', 'target']),
    });
    return goal.id;
  });
}

/** Edits a goal; the goal with the changes applied is checked as a whole (a metric needs a comparator and a target). */
export async function updateGoal(ctx: Ctx, planId: string, goalId: string, patch: z.infer<typeof goalPatchSchema>): Promise<void> {
  const { org, plan } = await loadPlan(ctx, planId, 'plan.manage');
  const goal = await findGoal(ctx.db, planId, goalId);
  if (!goal) throw notFound('目标');
  const merged = goalInputSchema.parse({
    text: patch.text ?? goal.text,
    metric: patch.metric !== undefined ? patch.metric : goal.metric,
    comparator: patch.comparator !== undefined ? patch.comparator : goal.comparator,
    target: patch.target !== undefined ? patch.target : goal.target,
  });
  const columns = goalColumns(merged);
  const changes = diffFields(goal as unknown as Record<string, unknown>, columns, ['text', 'metric', 'comparator', 'target']);
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(planGoals).set(columns).where(eq(planGoals.id, goalId));
    await touchPlan(tx, planId);
    await writeAudit(tx, { orgId: org.id, actor: actorOf(ctx), action: 'goal.updated', entityType: 'plan_goal', entityId: goalId, entityLabel: `${plan.title}：${columns.text}`, changes });
  });
}

/** Removes a goal from a plan. */
export async function deleteGoal(ctx: Ctx, planId: string, goalId: string): Promise<void> {
  const { org, plan } = await loadPlan(ctx, planId, 'plan.manage');
  const goal = await findGoal(ctx.db, planId, goalId);
  if (!goal) throw notFound('目标');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(planGoals).where(eq(planGoals.id, goalId));
    await touchPlan(tx, planId);
    await writeAudit(tx, {
      orgId: org.id,
      actor: actorOf(ctx),
      action: 'goal.deleted',
      entityType: 'plan_goal',
      entityId: goalId,
      entityLabel: `${plan.title}：${goal.text}`,
      changes: { text: { from: goal.text }, metric: { from: goal.metric } },
    });
  });
}

/** What the actor may do in the plan's organisation: some goal values are shown only to some readers. */
const mayReadIn = (ctx: Ctx, org: { path: string }) => (action: Action) => can(ctx.actor, action, { type: 'org', path: org.path });

/** The goal as the API returns it after a change, with its live value. */
export async function getGoal(ctx: Ctx, planId: string, goalId: string) {
  const { org, plan } = await loadPlan(ctx, planId, 'plan.read');
  const goal = await findGoal(ctx.db, planId, goalId);
  if (!goal) throw notFound('目标');
  return goalView(goal, await goalValue(ctx.db, org, { start: plan.periodStart, end: plan.periodEnd }, goal, mayReadIn(ctx, org)));
}

/**
 * A new plan for a new period from an old one: sections and goals copied, schedule items moved by the whole
 * months between the two periods' starts (September stays September), all planned again, without their links;
 * an owner who no longer holds a role in the organisation is left empty.
 */
export async function copyPlan(ctx: Ctx, id: string, input: z.infer<typeof planCopySchema>): Promise<string> {
  const { org, plan } = await loadPlan(ctx, id, 'plan.manage');
  const shift = monthsBetween(plan.periodStart, input.periodStart);
  const title = input.title ?? copiedTitle(plan.title, shift);
  return ctx.db.transaction(async (tx) => {
    const [sections, goals, items] = await Promise.all([sectionsOf(tx, id), goalsOf(tx, id), itemsOfPlan(tx, org.id, id)]);
    const owners = await roleHolderIds(tx, org.id, [...new Set(items.map((i) => i.ownerUserId).filter((u): u is string => u !== null))]);
    const [copy] = await tx
      .insert(plans)
      .values({
        orgId: org.id,
        title,
        periodKind: plan.periodKind,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        planDate: plan.planDate ? shiftDateByMonths(plan.planDate, shift) : null,
        copiedFromId: plan.id,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (sections.length > 0) {
      await tx.insert(planSections).values(sections.map((s) => ({ planId: copy.id, position: s.position, heading: s.heading, body: s.body })));
    }
    if (goals.length > 0) {
      await tx
        .insert(planGoals)
        .values(goals.map((g) => ({ planId: copy.id, position: g.position, text: g.text, metric: g.metric, comparator: g.comparator, target: g.target })));
    }
    if (items.length > 0) {
      await tx.insert(calendarItems).values(
        items.map((it) => ({
          orgId: org.id,
          planId: copy.id,
          title: it.title,
          ...shiftItemDates({ dateKind: it.dateKind, startDate: it.startDate, endDate: it.endDate }, shift),
          ownerUserId: it.ownerUserId && owners.has(it.ownerUserId) ? it.ownerUserId : null,
          category: it.category,
          status: 'planned' as const,
          note: it.note,
          position: it.position,
        })),
      );
    }
    await writeAudit(tx, {
      orgId: org.id,
      actor: actorOf(ctx),
      action: 'plan.copied',
      entityType: 'plan',
      entityId: copy.id,
      entityLabel: copy.title,
      changes: {
        copiedFrom: { to: plan.title },
        periodStart: { from: plan.periodStart, to: copy.periodStart },
        periodEnd: { from: plan.periodEnd, to: copy.periodEnd },
        items: { to: items.length },
      },
    });
    return copy.id;
  });
}

/** The plan as a Word document laid out like a printed plan; audited like every file leaving the system. */
export async function exportPlan(ctx: Ctx, id: string): Promise<{ file: Buffer; fileName: string }> {
  const { org, plan } = await loadPlan(ctx, id, 'plan.read');
  const [sections, goals, items, orgName] = await Promise.all([
    sectionsOf(ctx.db, plan.id),
    goalsOf(ctx.db, plan.id),
    itemsOfPlan(ctx.db, org.id, plan.id),
    orgNameOf(ctx.db, org.id),
  ]);
  const file = await planDocx({
    orgName,
    title: plan.title,
    periodLabel: periodLabel(plan.periodKind, { start: plan.periodStart, end: plan.periodEnd }),
    planDate: plan.planDate,
    sections: sections.map((s) => ({ heading: s.heading, body: s.body })),
    goals: goals.map((g) => ({ text: g.text })),
    items: items.map((r) => ({ title: r.title, dateKind: r.dateKind, startDate: r.startDate, endDate: r.endDate, ownerName: r.ownerName, status: r.status })),
  });
  await ctx.db.transaction((tx) =>
    writeAudit(tx, { orgId: org.id, actor: actorOf(ctx), action: 'plan.exported', entityType: 'plan', entityId: plan.id, entityLabel: plan.title, changes: { format: { to: 'docx' } } }),
  );
  return { file, fileName: `${plan.title}.docx` };
}

/** A plan text read into a draft (nothing saved); with a period, its months become draft month items inside it. */
export function parsePlanDraft(text: string, period: Period | null): ParseResult {
  const parsed = parsePlan(text);
  return { ...parsed, suggestedItems: period ? suggestItems(parsed.items, period) : [] };
}

