import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { calendarItems } from '../../db/schema/index.js';
import {
  itemInputSchema,
  type CalendarItemView,
  type calendarItemCreateSchema,
  type calendarItemPatchSchema,
  type calendarQuerySchema,
  type ItemInput,
} from '../../../contracts/plans.js';
import { describeItemTime } from '../../../domain/calendar-dates.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { festivalsOf } from '../../../domain/festivals.js';
import { monthEnd, monthIndex, monthStart, monthsBetween, normaliseItemDates } from '../../../domain/plan-period.js';
import { can } from '../../../domain/policy.js';
import { fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { calendarXlsx } from './calendar.xlsx.js';
import {
  findItem,
  isPlanOfOrg,
  itemsOverlapping,
  nextPositionInPlan,
  orgNameOf,
  roleHolderIds,
  roleHolders,
  type ItemRow,
} from './calendar.repository.js';

/** The longest window the calendar lists or exports at once. */
const MAX_RANGE_MONTHS = 36;
/** How many of this month's items the home page shows. */
const DASHBOARD_ITEMS = 10;

/** The organisation the actor works in, when they may read (or manage) its plan and calendar there; else 403. */
export function workingOrg(ctx: Ctx, action: 'plan.read' | 'plan.manage') {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, action, { type: 'org', path: org.path })) {
    throw forbidden(action === 'plan.manage' ? '您在当前组织没有编辑工作计划和行事历的权限' : '您在当前组织没有查看工作计划和行事历的权限');
  }
  return org;
}

/** Still to be done after its end date: planned or postponed, and the end date is before today. */
export function isOverdue(item: Pick<ItemRow, 'status' | 'endDate'>, today: string): boolean {
  return (item.status === 'planned' || item.status === 'postponed') && item.endDate < today;
}

/** An item as the calendar and the plan page show it. */
export function itemView(row: ItemRow, today: string): CalendarItemView {
  return {
    id: row.id,
    planId: row.planId,
    planTitle: row.planTitle,
    title: row.title,
    dateKind: row.dateKind,
    startDate: row.startDate,
    endDate: row.endDate,
    timeLabel: describeItemTime(row),
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    category: row.category,
    status: row.status,
    note: row.note,
    link: row.linkKind && row.linkId ? { kind: row.linkKind, id: row.linkId } : null,
    position: row.position,
    overdue: isOverdue(row, today),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** An item's columns from a validated input: month items cover whole months, a one-day item starts and ends the same day. */
export function itemValues(input: ItemInput, pathPrefix = '') {
  if (input.dateKind === 'date' && input.startDate !== input.endDate) {
    throw fieldError(`${pathPrefix}endDate`, '“某一天”的事项，结束日期应与开始日期相同');
  }
  const dates = normaliseItemDates({ dateKind: input.dateKind, startDate: input.startDate, endDate: input.endDate });
  return {
    title: input.title,
    ...dates,
    ownerUserId: input.ownerUserId ?? null,
    category: input.category ? input.category : null,
    status: input.status ?? ('planned' as const),
    note: input.note ? input.note : null,
    linkKind: input.link?.kind ?? null,
    linkId: input.link?.id ?? null,
  };
}

/** Every owner must hold a role in the organisation; the error names the item's field. */
export async function assertOwners(db: Db, orgId: string, owners: { ownerUserId: string | null; path: string }[]): Promise<void> {
  const ids = [...new Set(owners.map((o) => o.ownerUserId).filter((id): id is string => id !== null))];
  const holders = await roleHolderIds(db, orgId, ids);
  const bad = owners.find((o) => o.ownerUserId !== null && !holders.has(o.ownerUserId));
  if (bad) throw fieldError(bad.path, '负责人应为本组织有职务的人员');
}

/** The window of a calendar request: defaults to the current month (Asia/Shanghai); at most three years. */
export function calendarWindow(q: { from?: string; to?: string }): { from: string; to: string } {
  const anchor = q.from ?? q.to ?? todayInShanghai();
  const from = q.from ?? monthStart(monthIndex(anchor));
  const to = q.to ?? monthEnd(monthIndex(anchor));
  if (monthsBetween(from, to) >= MAX_RANGE_MONTHS) throw fieldError('to', `查询范围不能超过 ${MAX_RANGE_MONTHS / 12} 年`);
  return { from, to };
}

/** The organisation's items overlapping the window, with overdue flags. */
export async function listCalendar(ctx: Ctx, q: z.infer<typeof calendarQuerySchema>) {
  const org = workingOrg(ctx, 'plan.read');
  const window = calendarWindow(q);
  const rows = await itemsOverlapping(ctx.db, org.id, { ...window, planId: q.planId, status: q.status });
  const today = todayInShanghai();
  return {
    items: rows.map((r) => itemView(r, today)),
    ...window,
    canManage: can(ctx.actor, 'plan.manage', { type: 'org', path: org.path }),
  };
}

/** One item of the current organisation, or 404. */
export async function getItem(ctx: Ctx, id: string): Promise<CalendarItemView> {
  const org = workingOrg(ctx, 'plan.read');
  const row = await findItem(ctx.db, org.id, id);
  if (!row) throw notFound('事项');
  return itemView(row, todayInShanghai());
}

const AUDITED_ITEM_FIELDS = ['title', 'dateKind', 'startDate', 'endDate', 'ownerUserId', 'category', 'status', 'note', 'linkKind', 'linkId', 'planId'] as const;

/** Adds an item to the calendar (at the end of its plan's schedule when it belongs to a plan). */
export async function createItem(ctx: Ctx, input: z.infer<typeof calendarItemCreateSchema>): Promise<string> {
  const org = workingOrg(ctx, 'plan.manage');
  const values = itemValues(input);
  const planId = input.planId ?? null;
  return ctx.db.transaction(async (tx) => {
    await assertOwners(tx, org.id, [{ ownerUserId: values.ownerUserId, path: 'ownerUserId' }]);
    if (planId && !(await isPlanOfOrg(tx, org.id, planId))) throw fieldError('planId', '计划不存在或不属于本组织');
    const position = planId ? await nextPositionInPlan(tx, planId) : 0;
    const [row] = await tx.insert(calendarItems).values({ ...values, orgId: org.id, planId, position }).returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'calendarItem.created',
      entityType: 'calendar_item',
      entityId: row.id,
      entityLabel: row.title,
      changes: diffFields({} as Record<string, unknown>, { ...values, planId }, [...AUDITED_ITEM_FIELDS]),
    });
    return row.id;
  });
}

/** Edits an item; the item with the changes applied is checked as a whole (a new end date against the old start). */
export async function updateItem(ctx: Ctx, id: string, patch: z.infer<typeof calendarItemPatchSchema>): Promise<void> {
  const org = workingOrg(ctx, 'plan.manage');
  const row = await findItem(ctx.db, org.id, id);
  if (!row) throw notFound('事项');
  const merged = itemInputSchema.parse({
    title: patch.title ?? row.title,
    dateKind: patch.dateKind ?? row.dateKind,
    startDate: patch.startDate ?? row.startDate,
    endDate: patch.endDate ?? row.endDate,
    ownerUserId: patch.ownerUserId !== undefined ? patch.ownerUserId : row.ownerUserId,
    category: patch.category !== undefined ? patch.category : row.category,
    status: patch.status ?? row.status,
    note: patch.note !== undefined ? patch.note : row.note,
    link: patch.link !== undefined ? patch.link : row.linkKind && row.linkId ? { kind: row.linkKind, id: row.linkId } : null,
  });
  const values = { ...itemValues(merged), planId: patch.planId !== undefined ? patch.planId : row.planId };
  await ctx.db.transaction(async (tx) => {
    // An owner or plan is checked when it changes: an owner who has since left office stays on old items.
    if (patch.ownerUserId !== undefined) await assertOwners(tx, org.id, [{ ownerUserId: values.ownerUserId, path: 'ownerUserId' }]);
    if (patch.planId && patch.planId !== row.planId && !(await isPlanOfOrg(tx, org.id, patch.planId))) {
      throw fieldError('planId', '计划不存在或不属于本组织');
    }
    const changes = diffFields(row as unknown as Record<string, unknown>, values, [...AUDITED_ITEM_FIELDS]);
    if (Object.keys(changes).length === 0) return;
    const position = changes.planId && values.planId ? await nextPositionInPlan(tx, values.planId) : row.position;
    await tx.update(calendarItems).set({ ...values, position, updatedAt: new Date() }).where(eq(calendarItems.id, id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'calendarItem.updated',
      entityType: 'calendar_item',
      entityId: id,
      entityLabel: values.title,
      changes,
    });
  });
}

/** Removes an item from the calendar (and from its plan). */
export async function deleteItem(ctx: Ctx, id: string): Promise<void> {
  const org = workingOrg(ctx, 'plan.manage');
  const row = await findItem(ctx.db, org.id, id);
  if (!row) throw notFound('事项');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(calendarItems).where(eq(calendarItems.id, id));
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'calendarItem.deleted',
      entityType: 'calendar_item',
      entityId: id,
      entityLabel: row.title,
      changes: { title: { from: row.title }, startDate: { from: row.startDate }, endDate: { from: row.endDate }, status: { from: row.status } },
    });
  });
}

/** The people who may own an item: everyone with a role in the organisation. */
export async function listOwners(ctx: Ctx) {
  const org = workingOrg(ctx, 'plan.read');
  return roleHolders(ctx.db, org.id);
}

/** The festivals of a year as the calendar marks them: name and date, in date order. */
export function festivalList(year: number): { name: string; date: string }[] {
  return festivalsOf(year)
    .map((f) => ({ name: f.name, date: f.date }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The window's items as a spreadsheet; audited, as every file leaving the system is. */
export async function exportCalendar(ctx: Ctx, q: { from?: string; to?: string }): Promise<{ file: Buffer; fileName: string }> {
  const org = workingOrg(ctx, 'plan.read');
  const window = calendarWindow(q);
  const [rows, orgName] = await Promise.all([itemsOverlapping(ctx.db, org.id, window), orgNameOf(ctx.db, org.id)]);
  const rangeLabel = `${window.from} 至 ${window.to}`;
  const file = await calendarXlsx(
    orgName,
    rangeLabel,
    rows.map((r) => ({
      title: r.title,
      dateKind: r.dateKind,
      startDate: r.startDate,
      endDate: r.endDate,
      ownerName: r.ownerName,
      category: r.category,
      status: r.status,
      note: r.note,
      planTitle: r.planTitle,
    })),
  );
  await ctx.db.transaction((tx) =>
    writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'calendar.exported',
      entityType: 'calendar_export',
      entityLabel: `${rangeLabel}，${rows.length} 项`,
      changes: { from: { to: window.from }, to: { to: window.to }, rows: { to: rows.length } },
    }),
  );
  return { file, fileName: `${orgName}行事历-${window.from}至${window.to}.xlsx` };
}

/** This month's items of the current organisation for the home page (none when the actor may not read the calendar). */
export async function thisMonthItems(ctx: Ctx): Promise<CalendarItemView[]> {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, 'plan.read', { type: 'org', path: org.path })) return [];
  const today = todayInShanghai();
  const month = monthIndex(today);
  const rows = await itemsOverlapping(ctx.db, org.id, { from: monthStart(month), to: monthEnd(month), limit: DASHBOARD_ITEMS });
  return rows.map((r) => itemView(r, today));
}
