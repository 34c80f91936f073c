import { and, asc, eq, getTableColumns, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendarItems, orgs, plans, roleAssignments, users } from '../../db/schema/index.js';

/** A schedule item with the names the calendar shows next to it. */
export type ItemRow = typeof calendarItems.$inferSelect & { ownerName: string | null; planTitle: string | null };

const itemWithNames = { ...getTableColumns(calendarItems), ownerName: users.displayName, planTitle: plans.title };

function selectItems(db: Db, where: SQL | undefined) {
  return db
    .select(itemWithNames)
    .from(calendarItems)
    .leftJoin(users, eq(users.id, calendarItems.ownerUserId))
    .leftJoin(plans, eq(plans.id, calendarItems.planId))
    .where(where);
}

/** Items of an organisation overlapping [from, to] (both inclusive), in date order. */
export async function itemsOverlapping(
  db: Db,
  orgId: string,
  q: { from: string; to: string; planId?: string; status?: ItemRow['status']; limit?: number },
): Promise<ItemRow[]> {
  const query = selectItems(
    db,
    and(
      eq(calendarItems.orgId, orgId),
      lte(calendarItems.startDate, q.to),
      gte(calendarItems.endDate, q.from),
      q.planId ? eq(calendarItems.planId, q.planId) : undefined,
      q.status ? eq(calendarItems.status, q.status) : undefined,
    ),
  ).orderBy(asc(calendarItems.startDate), asc(calendarItems.endDate), asc(calendarItems.position), asc(calendarItems.id));
  return q.limit ? query.limit(q.limit) : query;
}

/** The items of a plan in the plan's own order. */
export async function itemsOfPlan(db: Db, orgId: string, planId: string): Promise<ItemRow[]> {
  return selectItems(db, and(eq(calendarItems.orgId, orgId), eq(calendarItems.planId, planId))).orderBy(
    asc(calendarItems.position),
    asc(calendarItems.startDate),
    asc(calendarItems.id),
  );
}

/** One item of the organisation, or null (an item of another organisation is not found). */
export async function findItem(db: Db, orgId: string, id: string): Promise<ItemRow | null> {
  const [row] = await selectItems(db, and(eq(calendarItems.orgId, orgId), eq(calendarItems.id, id))).limit(1);
  return row ?? null;
}

/** People holding a role in the organisation itself, with their roles, by name. */
export async function roleHolders(db: Db, orgId: string): Promise<{ userId: string; name: string; roles: string[] }[]> {
  const rows = await db
    .select({ userId: users.id, name: users.displayName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.orgId, orgId));
  const byUser = new Map<string, { userId: string; name: string; roles: string[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.userId) ?? { userId: r.userId, name: r.name, roles: [] };
    if (!entry.roles.includes(r.role)) entry.roles.push(r.role);
    byUser.set(r.userId, entry);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Which of these users hold a role in the organisation. */
export async function roleHolderIds(db: Db, orgId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.orgId, orgId), inArray(roleAssignments.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

/** Whether a plan belongs to the organisation. */
export async function isPlanOfOrg(db: Db, orgId: string, planId: string): Promise<boolean> {
  const [row] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.orgId, orgId), eq(plans.id, planId))).limit(1);
  return row !== undefined;
}

/** The organisation's name, for file titles and the iCalendar feed. */
export async function orgNameOf(db: Db, orgId: string): Promise<string> {
  const [row] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return row?.name ?? '';
}

/** The next position at the end of a plan's schedule. */
export async function nextPositionInPlan(db: Db, planId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${calendarItems.position})` })
    .from(calendarItems)
    .where(eq(calendarItems.planId, planId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/**
 * Items of the organisation due in [from, to] (end date inside it), cancelled ones left out: how many, and how
 * many are done. The completion-rate metric reads this.
 */
export async function dueItemCounts(db: Db, orgId: string, from: string, to: string): Promise<{ due: number; done: number }> {
  const [row] = await db
    .select({
      due: sql<number>`count(*)::int`,
      done: sql<number>`count(*) FILTER (WHERE ${calendarItems.status} = 'done')::int`,
    })
    .from(calendarItems)
    .where(and(eq(calendarItems.orgId, orgId), gte(calendarItems.endDate, from), lte(calendarItems.endDate, to), ne(calendarItems.status, 'cancelled')));
  return { due: Number(row?.due ?? 0), done: Number(row?.done ?? 0) };
}
