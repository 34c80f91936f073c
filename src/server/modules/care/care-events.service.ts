import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { CARE_LIMITS, type CareEventDetail, type CareEventListQuery, type careEventInputSchema, type careEventPatchSchema, type careSummarySchema } from '../../../contracts/care.js';
import { ROLE_LABELS } from '../../../contracts/roles.js';
import { addDays, dueOnFor, shanghaiToday } from '../../../domain/care/index.js';
import { assertNever, can } from '../../../domain/policy.js';
import { careEvents, careVisits, members, orgs } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit, type FieldChanges } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { assertNotClosed, canForMember, careScope, careScopeFor, loadCareEvent, type CareScope } from './care.access.js';
import { eventDetailView, eventSummaryView, visitView } from './care.presenter.js';
import {
  benefitsOf,
  careMemberOf,
  carersOf,
  ensureDefaultCareTypes,
  filesOfOwners,
  findCareType,
  inGroup,
  ruleOf,
  selectEvents,
  visitsOfEvents,
  type CareEventFull,
} from './care.repository.js';

/*
 * Care events (五必访): registering, the 待慰问 list and the ledger, an event's page, editing and closing, and the
 * counts of the home page. Visits are in care-visits.service.ts.
 */

const today = () => shanghaiToday(new Date());

/** Open events by where they stand today: due (the deadline not passed, or none) and overdue. */
const isDue = (day: string) => sql`${careEvents.status} = 'open' AND (${careEvents.dueOn} IS NULL OR ${careEvents.dueOn} >= ${day})`;
const isOverdue = (day: string) => sql`${careEvents.status} = 'open' AND ${careEvents.dueOn} < ${day}`;

function statusCondition(status: CareEventListQuery['status'], day: string): SQL | undefined {
  switch (status) {
    case 'open':
      return eq(careEvents.status, 'open');
    case 'due':
      return isDue(day);
    case 'overdue':
      return isOverdue(day);
    case 'visited':
      return eq(careEvents.status, 'visited');
    case 'closed':
      return eq(careEvents.status, 'closed');
    case 'all':
      return undefined;
    default:
      return assertNever(status);
  }
}

/** The group a list is limited to: a group leader's own group always; otherwise the filter, if any. */
const groupOf = (scope: CareScope, groupId?: string) => scope.groupId ?? groupId;

/**
 * GET /care/events: the 待慰问 list (open: overdue first, then by deadline) and the ledger (other statuses: newest
 * first), for the union or, for a group leader, their group.
 */
export async function listCareEvents(ctx: Ctx, q: CareEventListQuery) {
  const scope = await careScopeFor(ctx, 'care.read');
  const day = today();
  const where = and(
    eq(careEvents.orgId, scope.union.id),
    inGroup(groupOf(scope, q.groupId)),
    q.typeId ? eq(careEvents.typeId, q.typeId) : undefined,
    q.memberId ? eq(careEvents.memberId, q.memberId) : undefined,
    q.from ? gte(careEvents.occurredOn, q.from) : undefined,
    q.to ? lte(careEvents.occurredOn, q.to) : undefined,
    statusCondition(q.status, day),
  );
  const isUrgentOrder = q.status === 'open' || q.status === 'due' || q.status === 'overdue';
  const order = isUrgentOrder
    ? [sql`${careEvents.dueOn} ASC NULLS LAST`, asc(careEvents.occurredOn), asc(careEvents.id)]
    : [desc(careEvents.occurredOn), desc(careEvents.createdAt), asc(careEvents.id)];
  const [items, [{ total }]] = await Promise.all([
    selectEvents(ctx.db)
      .where(where)
      .orderBy(...order)
      .limit(CARE_LIMITS.pageSize)
      .offset((q.page - 1) * CARE_LIMITS.pageSize),
    ctx.db.select({ total: count() }).from(careEvents).innerJoin(members, eq(members.id, careEvents.memberId)).where(where),
  ]);
  return { items: items.map((e) => eventSummaryView(e, day)), total: Number(total), page: q.page };
}

type Carer = Awaited<ReturnType<typeof carersOf>>[number];
const carerRole = (c: Carer) => (c.role === 'committee' ? `工会委员（${c.portfolio}）` : ROLE_LABELS[c.role]);

/**
 * Two people to send: the member's group leader and the 生活福利 committee member; the chair, then the vice chair
 * stand in for whoever is missing. Never the member themself.
 */
export function suggestVisitors(carers: Carer[], memberUserId: string | null) {
  const rank = (c: Carer) => ['group_leader', 'committee', 'chair', 'vice_chair'].indexOf(c.role);
  const ordered = carers.filter((c) => c.userId !== memberUserId && rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
  const chosen: { userId: string; name: string; role: string }[] = [];
  for (const c of ordered) {
    if (chosen.length === 2) break;
    if (!chosen.some((x) => x.userId === c.userId)) chosen.push({ userId: c.userId, name: c.name, role: carerRole(c) });
  }
  return chosen;
}

/** An event's page as the actor may see it: visits and files, the two suggested visitors, the rule and this year's figures. */
export async function eventPage(ctx: Ctx, scope: CareScope, event: CareEventFull): Promise<CareEventDetail> {
  const day = today();
  const [type, visits, carers, benefits, eventFiles] = await Promise.all([
    findCareType(ctx.db, scope.union.id, event.typeId),
    visitsOfEvents(ctx.db, [event.id]),
    carersOf(ctx.db, scope.union.id, event.groupId),
    benefitsOf(ctx.db, event.memberId, event.typeId, event.id),
    filesOfOwners(ctx.db, 'event', [event.id]),
  ]);
  const visitFiles = await filesOfOwners(ctx.db, 'visit', visits.map((v) => v.id));
  const thisYear = benefits.filter((b) => b.typeId === event.typeId && b.on.slice(0, 4) === day.slice(0, 4));
  const member = { groupPath: event.groupPath, userId: event.memberUserId };
  const isOpen = event.status !== 'closed';
  const mayVisit = canForMember(ctx, scope, 'care.visit', member);
  return eventDetailView(
    event,
    day,
    visits.map((v) => visitView(v, visitFiles.get(v.id) ?? [])),
    eventFiles.get(event.id) ?? [],
    {
      rule: ruleOf(type!),
      suggestedVisitors: suggestVisitors(carers, event.memberUserId),
      yearToDate: { count: new Set(thisYear.map((b) => b.eventId)).size, amountFen: thisYear.reduce((s, b) => s + b.amountFen, 0) },
      can: {
        visit: isOpen && mayVisit,
        edit: isOpen && (mayVisit || (event.status === 'open' && canForMember(ctx, scope, 'care.register', member))),
        override: isOpen && canForMember(ctx, scope, 'care.override', member),
      },
    },
  );
}

/** GET /care/events/:id. */
export async function getCareEvent(ctx: Ctx, id: string): Promise<CareEventDetail> {
  const { scope, event } = await loadCareEvent(ctx, id, 'care.read');
  return eventPage(ctx, scope, event);
}

/** A type of the union that may be used for a new or edited event. */
async function usableType(ctx: Ctx, unionId: string, typeId: string) {
  await ensureDefaultCareTypes(ctx.db, unionId);
  const type = await findCareType(ctx.db, unionId, typeId);
  if (!type || type.archivedAt !== null) throw fieldError('typeId', '事由类型不存在或已停用');
  return type;
}

/** An event happened, or is known ahead (a retirement, a wedding date), within a year from today; not before 2000. */
function checkOccurredOn(on: string): void {
  if (on < '2000-01-01') throw fieldError('occurredOn', '发生日期不能早于 2000 年');
  if (on > addDays(shanghaiToday(new Date()), 366)) throw fieldError('occurredOn', '发生日期不能晚于一年以后');
}

/**
 * POST /care/events: leaders and committee for any member of the union, a group leader for their group's members,
 * a member for themself. The member's group leader and the welfare member are notified; the deadline is fixed now.
 */
export async function registerCareEvent(ctx: Ctx, input: z.infer<typeof careEventInputSchema>): Promise<string> {
  const scope = await careScope(ctx);
  const member = await careMemberOf(ctx.db, scope.union.id, input.memberId);
  if (!member) throw notFound('会员');
  if (!canForMember(ctx, scope, 'care.register', member)) {
    const isWorker = can(ctx.actor, 'care.read', { type: 'org', path: scope.org.path });
    throw forbidden(isWorker ? '工会小组长只能为本小组的会员登记慰问事由' : '您只能为本人登记慰问事由');
  }
  if (member.membershipStatus === 'transferred_out' || member.membershipStatus === 'withdrawn') {
    throw fieldError('memberId', '该会员已转出或退会，不能登记慰问事由');
  }
  checkOccurredOn(input.occurredOn);
  const type = await usableType(ctx, scope.union.id, input.typeId);
  const dueOn = dueOnFor(input.occurredOn, type.deadlineDays);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(careEvents)
      .values({ orgId: scope.union.id, memberId: member.id, typeId: type.id, occurredOn: input.occurredOn, dueOn, details: input.details, reportedBy: ctx.actor.userId })
      .returning({ id: careEvents.id });
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'care.event.created',
      entityType: 'care_event',
      entityId: row.id,
      entityLabel: `${member.name}·${type.name}`,
      // The details may describe an illness: the audit log records that there are some, not what they say.
      changes: { member: { to: member.name }, type: { to: type.name }, occurredOn: { to: input.occurredOn }, dueOn: { to: dueOn }, details: { changed: input.details !== '' } },
    });
    const carers = await carersOf(tx, scope.union.id, member.groupId);
    const recipients = carers.filter((c) => c.role === 'group_leader' || c.role === 'committee').map((c) => c.userId);
    await notify(tx, {
      userIds: recipients.filter((id) => id !== ctx.actor.userId),
      orgId: scope.union.id,
      kind: 'care_event_registered',
      title: `新的慰问事由：${member.name}（${type.name}）`,
      body: `${ctx.actor.name}登记，发生于 ${input.occurredOn}${dueOn ? `，请于 ${dueOn} 前慰问` : ''}`,
      link: `/care/events/${row.id}`,
    });
    return row.id;
  });
}

/**
 * PATCH /care/events/:id: date, type, details; the deadline follows a new date or type. A member may edit their own
 * event until it is visited; closed events are not edited.
 */
export async function updateCareEvent(ctx: Ctx, id: string, patch: z.infer<typeof careEventPatchSchema>): Promise<CareEventDetail> {
  const { scope, event } = await loadCareEvent(ctx, id, 'care.register');
  assertNotClosed(event, '修改');
  const member = { groupPath: event.groupPath, userId: event.memberUserId };
  if (event.status !== 'open' && !canForMember(ctx, scope, 'care.visit', member)) throw forbidden('已慰问的记录不能再修改，如有出入请联系工会');
  const type = patch.typeId && patch.typeId !== event.typeId ? await usableType(ctx, scope.union.id, patch.typeId) : null;
  const occurredOn = patch.occurredOn ?? event.occurredOn;
  if (patch.occurredOn) checkOccurredOn(patch.occurredOn);
  const movesCaps = type !== null || occurredOn !== event.occurredOn;
  const visitedRefusal = () => new AppError('CONFLICT', '已有慰问记录，不能修改事由类型或发生日期；如登记有误，请关闭后重新登记');
  // What was given was checked against the caps of this type and date; another type or date would escape that check.
  if (movesCaps && event.visitCount > 0) throw visitedRefusal();
  const deadlineDays = type ? type.deadlineDays : (await findCareType(ctx.db, scope.union.id, event.typeId))!.deadlineDays;
  const next = {
    type: type?.name ?? event.typeName,
    occurredOn,
    dueOn: type || patch.occurredOn ? dueOnFor(occurredOn, deadlineDays) : event.dueOn,
    details: patch.details ?? event.details,
  };
  const changes: FieldChanges = diffFields({ type: event.typeName, occurredOn: event.occurredOn, dueOn: event.dueOn, details: event.details }, next, ['type', 'occurredOn', 'dueOn', 'details']);
  if (changes.details) changes.details = { changed: true } as never;
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction(async (tx) => {
      if (movesCaps) {
        // Under the member's care lock (as visits are recorded), so a visit cannot slip in between the check and the change.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`care_member:${event.memberId}`}))`);
        const [{ n }] = await tx.select({ n: count() }).from(careVisits).where(eq(careVisits.eventId, event.id));
        if (Number(n) > 0) throw visitedRefusal();
      }
      await tx
        .update(careEvents)
        .set({ typeId: type?.id ?? event.typeId, occurredOn, dueOn: next.dueOn, details: next.details, updatedAt: new Date() })
        .where(eq(careEvents.id, event.id));
      await writeAudit(tx, {
        orgId: scope.union.id,
        actor: { userId: ctx.actor.userId, name: ctx.actor.name },
        action: 'care.event.updated',
        entityType: 'care_event',
        entityId: event.id,
        entityLabel: `${event.memberName}·${next.type}`,
        changes,
      });
    });
  }
  return getCareEvent(ctx, id);
}

/** POST /care/events/:id/close: no visit is needed any more (已由学校慰问, 登记有误 …); the reason is kept. */
export async function closeCareEvent(ctx: Ctx, id: string, reason: string): Promise<CareEventDetail> {
  const { scope, event } = await loadCareEvent(ctx, id, 'care.visit');
  assertNotClosed(event, '关闭');
  await ctx.db.transaction(async (tx) => {
    await tx.update(careEvents).set({ status: 'closed', closedReason: reason, updatedAt: new Date() }).where(eq(careEvents.id, event.id));
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'care.event.closed',
      entityType: 'care_event',
      entityId: event.id,
      entityLabel: `${event.memberName}·${event.typeName}`,
      changes: { status: { from: event.status, to: 'closed' }, reason: { to: reason } },
    });
  });
  return getCareEvent(ctx, id);
}

type CareSummary = z.infer<typeof careSummarySchema>;

/** Due and overdue events of the scope, per group: every group with any, or the group leader's own group. */
async function summaryOf(ctx: Ctx, scope: CareScope): Promise<CareSummary> {
  const day = today();
  const rows = await ctx.db
    .select({
      groupId: members.groupId,
      groupName: orgs.name,
      due: sql<number>`count(*) FILTER (WHERE ${isDue(day)})`.mapWith(Number),
      overdue: sql<number>`count(*) FILTER (WHERE ${isOverdue(day)})`.mapWith(Number),
    })
    .from(careEvents)
    .innerJoin(members, eq(members.id, careEvents.memberId))
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .where(and(eq(careEvents.orgId, scope.union.id), eq(careEvents.status, 'open'), inGroup(scope.groupId ?? undefined)))
    .groupBy(members.groupId, orgs.name);
  const groups = rows.map((r) => ({ groupId: r.groupId, groupName: r.groupName ?? '未分组', due: r.due, overdue: r.overdue }));
  if (scope.groupId && groups.length === 0) groups.push({ groupId: scope.groupId, groupName: scope.org.kind === 'group' ? await groupName(ctx, scope.groupId) : '', due: 0, overdue: 0 });
  groups.sort((a, b) => b.overdue - a.overdue || b.due - a.due || a.groupName.localeCompare(b.groupName, 'zh'));
  return { due: groups.reduce((n, g) => n + g.due, 0), overdue: groups.reduce((n, g) => n + g.overdue, 0), groups };
}

async function groupName(ctx: Ctx, id: string): Promise<string> {
  const [row] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id));
  return row?.name ?? '';
}

/** GET /care/summary: what is due and overdue, per group (a group leader: their group). */
export async function careSummary(ctx: Ctx): Promise<CareSummary> {
  return summaryOf(ctx, await careScopeFor(ctx, 'care.read'));
}

/** The home page's care counts, or null where the actor does no care work (a parent union, a plain member). */
export async function careCountsFor(ctx: Ctx): Promise<CareSummary | null> {
  const org = ctx.actor.org;
  if (!org || (org.kind !== 'grassroots' && org.kind !== 'group')) return null;
  if (!can(ctx.actor, 'care.read', { type: 'org', path: org.path })) return null;
  return summaryOf(ctx, await careScope(ctx));
}
