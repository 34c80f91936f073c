import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planGoals, planSections, plans } from '../../db/schema/index.js';

/** A plan as stored. */
export type PlanRow = typeof plans.$inferSelect;
/** A section as stored. */
export type SectionRow = typeof planSections.$inferSelect;
/** A goal as stored. */
export type GoalRow = typeof planGoals.$inferSelect;

/** The organisation's plans, newest period first, with their counts. */
export async function plansWithCounts(db: Db, orgId: string) {
  return db
    .select({
      ...getTableColumns(plans),
      // Columns of the outer table are written out in full: Drizzle leaves them unqualified in subqueries.
      sectionCount: sql<number>`(SELECT count(*)::int FROM plan_sections s WHERE s.plan_id = plans.id)`,
      goalCount: sql<number>`(SELECT count(*)::int FROM plan_goals g WHERE g.plan_id = plans.id)`,
      itemCount: sql<number>`(SELECT count(*)::int FROM calendar_items i WHERE i.plan_id = plans.id)`,
      doneCount: sql<number>`(SELECT count(*)::int FROM calendar_items i WHERE i.plan_id = plans.id AND i.status = 'done')`,
    })
    .from(plans)
    .where(eq(plans.orgId, orgId))
    .orderBy(desc(plans.periodStart), desc(plans.createdAt));
}

/** A plan of the organisation, or null (another organisation's plan is not found). */
export async function findPlan(db: Db, orgId: string, id: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(plans).where(and(eq(plans.orgId, orgId), eq(plans.id, id))).limit(1);
  return row ?? null;
}

/** A plan's sections in document order. */
export async function sectionsOf(db: Db, planId: string): Promise<SectionRow[]> {
  return db.select().from(planSections).where(eq(planSections.planId, planId)).orderBy(asc(planSections.position), asc(planSections.id));
}

/** A plan's goals in order. */
export async function goalsOf(db: Db, planId: string): Promise<GoalRow[]> {
  return db.select().from(planGoals).where(eq(planGoals.planId, planId)).orderBy(asc(planGoals.position), asc(planGoals.id));
}

/** One goal of a plan, or null. */
export async function findGoal(db: Db, planId: string, goalId: string): Promise<GoalRow | null> {
  const [row] = await db.select().from(planGoals).where(and(eq(planGoals.planId, planId), eq(planGoals.id, goalId))).limit(1);
  return row ?? null;
}

/** The position after a plan's last goal. */
export async function nextGoalPosition(db: Db, planId: string): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${planGoals.position})` }).from(planGoals).where(eq(planGoals.planId, planId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}
