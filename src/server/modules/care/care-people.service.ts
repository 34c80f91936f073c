import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { HealthCheckList, RetireeList, VisitMethod, healthCheckInputSchema, healthCheckSchema } from '../../../contracts/care.js';
import { shanghaiToday } from '../../../domain/care/index.js';
import { can } from '../../../domain/policy.js';
import { careCampaignRecipients, careCampaigns, careEventTypes, careVisits, members, orgs, womenHealthChecks } from '../../db/schema/index.js';
import { fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { isActiveMember } from '../activities/activities.audience.js';
import { careScope, careScopeFor } from './care.access.js';
import { careMemberOf } from './care.repository.js';

/*
 * People the union looks after as a group: retirees (退休教职工) with their visits and festival receipts, and women's
 * health checks (两癌筛查), which only the chair and the 女工 committee member see.
 */

const personGroup = alias(orgs, 'person_group');
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * GET /care/retirees: retired members who keep their membership (a group leader: their group's), by name, each with
 * their care visits and festival receipts, newest first.
 */
export async function listRetirees(ctx: Ctx): Promise<RetireeList> {
  const scope = await careScopeFor(ctx, 'care.read');
  const people = await ctx.db
    .select({
      memberId: members.id,
      name: members.name,
      groupName: personGroup.name,
      gender: members.gender,
      birthDate: members.birthDate,
      membershipStatus: members.membershipStatus,
    })
    .from(members)
    .leftJoin(personGroup, eq(personGroup.id, members.groupId))
    .where(
      and(
        eq(members.orgId, scope.union.id),
        eq(members.employmentStatus, 'retired'),
        inArray(members.membershipStatus, ['normal', 'reserved']),
        scope.groupId === null ? undefined : eq(members.groupId, scope.groupId),
      ),
    )
    .orderBy(asc(members.pinyinKey), asc(members.id));
  const ids = people.map((p) => p.memberId);
  const [visits, receipts] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          ctx.db
            .select({
              memberId: careVisits.memberId,
              id: careVisits.id,
              eventId: careVisits.eventId,
              visitedOn: careVisits.visitedOn,
              typeName: careEventTypes.name,
              method: careVisits.method,
              visitors: careVisits.visitors,
              goods: careVisits.goods,
              amountFen: careVisits.amountFen,
            })
            .from(careVisits)
            .innerJoin(careEventTypes, eq(careEventTypes.id, careVisits.typeId))
            .where(and(eq(careVisits.orgId, scope.union.id), inArray(careVisits.memberId, ids)))
            .orderBy(desc(careVisits.visitedOn), desc(careVisits.recordedAt)),
          ctx.db
            .select({
              memberId: careCampaignRecipients.memberId,
              campaignId: careCampaigns.id,
              festival: careCampaigns.festival,
              year: careCampaigns.year,
              title: careCampaigns.title,
              receivedAt: careCampaignRecipients.receivedAt,
              source: careCampaignRecipients.source,
            })
            .from(careCampaignRecipients)
            .innerJoin(careCampaigns, eq(careCampaigns.id, careCampaignRecipients.campaignId))
            .where(
              and(
                eq(careCampaigns.orgId, scope.union.id),
                inArray(careCampaignRecipients.memberId, ids),
                isNull(careCampaignRecipients.excludedReason),
                inArray(careCampaigns.status, ['distributing', 'closed']),
              ),
            )
            .orderBy(desc(careCampaigns.year), desc(careCampaigns.startedAt)),
        ]);
  return {
    items: people.map((p) => {
      const mine = visits.filter((v) => v.memberId === p.memberId);
      return {
        ...p,
        membershipStatus: p.membershipStatus as 'normal' | 'reserved',
        lastVisitOn: mine[0]?.visitedOn ?? null,
        visits: mine.map(({ memberId: _, visitors, ...v }) => ({
          ...v,
          method: v.method as VisitMethod,
          visitors: (visitors as { name: string }[]).map((x) => x.name),
        })),
        receipts: receipts.filter((r) => r.memberId === p.memberId).map(({ memberId: _, receivedAt, ...r }) => ({ ...r, receivedAt: iso(receivedAt) })),
      };
    }),
    canVisit: can(ctx.actor, 'care.visit', { type: 'org', path: scope.org.path }),
  };
}

/** The union where the actor keeps women's health data (health.read / health.manage); else 403. */
async function healthUnion(ctx: Ctx, action: 'health.read' | 'health.manage') {
  const kind = ctx.actor.org?.kind;
  const scope = kind === 'grassroots' || kind === 'group' ? await careScope(ctx) : null;
  if (!scope || !can(ctx.actor, action, { type: 'org', path: scope.org.path })) {
    throw forbidden(action === 'health.manage' ? '只有工会主席和女工委员可以登记两癌筛查' : '只有工会主席和女工委员可以查看两癌筛查');
  }
  return scope.union;
}

const thisYear = () => Number(shanghaiToday(new Date()).slice(0, 4));

/** GET /care/health-checks?year: the women at work and their 两癌筛查 of the year (checked or not), by name. */
export async function listHealthChecks(ctx: Ctx, q: { year?: number }): Promise<HealthCheckList> {
  const union = await healthUnion(ctx, 'health.read');
  const year = q.year ?? thisYear();
  const rows = await ctx.db
    .select({
      memberId: members.id,
      name: members.name,
      groupName: personGroup.name,
      checkedOn: womenHealthChecks.checkedOn,
      note: womenHealthChecks.note,
      recorded: sql<boolean>`${womenHealthChecks.memberId} IS NOT NULL`,
    })
    .from(members)
    .leftJoin(personGroup, eq(personGroup.id, members.groupId))
    .leftJoin(womenHealthChecks, and(eq(womenHealthChecks.orgId, union.id), eq(womenHealthChecks.memberId, members.id), eq(womenHealthChecks.year, year)))
    .where(and(eq(members.orgId, union.id), isActiveMember, eq(members.gender, 'F')))
    .orderBy(asc(members.pinyinKey), asc(members.id));
  const items = rows.map((r) => ({ ...r, year, checkedOn: r.checkedOn ?? null, note: r.note ?? '', recorded: Boolean(r.recorded) }));
  const checked = items.filter((i) => i.checkedOn !== null).length;
  return {
    year,
    items,
    totals: { women: items.length, checked, rate: items.length === 0 ? null : checked / items.length },
    canManage: can(ctx.actor, 'health.manage', { type: 'org', path: ctx.actor.org!.path }),
  };
}

type HealthInput = z.infer<typeof healthCheckInputSchema>;

/**
 * PUT /care/health-checks/:memberId: a woman member's 两癌筛查 of a year (date, or none with a note). The audit
 * records which fields changed, never the health data.
 */
export async function recordHealthCheck(ctx: Ctx, memberId: string, input: HealthInput): Promise<z.infer<typeof healthCheckSchema>> {
  const union = await healthUnion(ctx, 'health.manage');
  const member = await careMemberOf(ctx.db, union.id, memberId);
  if (!member) throw notFound('会员');
  const [{ gender }] = await ctx.db.select({ gender: members.gender }).from(members).where(eq(members.id, member.id));
  if (gender !== 'F') throw fieldError('memberId', '两癌筛查只为女职工登记');
  if (input.checkedOn !== null) {
    if (input.checkedOn.slice(0, 4) !== String(input.year)) throw fieldError('checkedOn', `检查日期应在 ${input.year} 年内`);
    if (input.checkedOn > shanghaiToday(new Date())) throw fieldError('checkedOn', '检查日期不能晚于今天');
  }
  return ctx.db.transaction(async (tx) => {
    const key = and(eq(womenHealthChecks.orgId, union.id), eq(womenHealthChecks.memberId, member.id), eq(womenHealthChecks.year, input.year));
    const [before] = await tx.select().from(womenHealthChecks).where(key).for('update');
    const values = { checkedOn: input.checkedOn, note: input.note, recordedBy: ctx.actor.userId, updatedAt: new Date() };
    await tx
      .insert(womenHealthChecks)
      .values({ orgId: union.id, memberId: member.id, year: input.year, ...values })
      .onConflictDoUpdate({ target: [womenHealthChecks.orgId, womenHealthChecks.memberId, womenHealthChecks.year], set: values });
    const changed = (['checkedOn', 'note'] as const).filter((k) => !before || before[k] !== input[k]);
    if (changed.length > 0) {
      await writeAudit(tx, {
        orgId: union.id,
        actor: { userId: ctx.actor.userId, name: ctx.actor.name },
        action: 'health.check.recorded',
        entityType: 'women_health_check',
        // No member id: the audit log is read by people who may not learn who was screened.
        entityId: null,
        entityLabel: `${input.year}年两癌筛查`,
        changes: Object.fromEntries(changed.map((k) => [k, { changed: true }])),
      });
    }
    return { memberId: member.id, name: member.name, groupName: member.groupName, year: input.year, checkedOn: input.checkedOn, note: input.note, recorded: true };
  });
}
