import { and, desc, eq, inArray, like, ne, sql } from 'drizzle-orm';
import { auditEvents, members, orgs } from '../../db/schema/index.js';
import { can } from '../../../domain/policy.js';
import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/app-error.js';
import { auditOrgIds } from '../audit/audit.service.js';
import { thisMonthItems } from '../calendar/calendar.service.js';
import { careCountsFor } from '../care/care-events.service.js';
import { hardshipReviewsDue } from '../hardship/hardship-views.service.js';

/**
 * Real counts for the home page of the current organisation: roster figures, groups, child unions, recent changes,
 * and this month's calendar items.
 */
export async function dashboardFor(ctx: Ctx) {
  const org = ctx.actor.org;
  if (!org) return { orgName: null, counts: [], groups: [], childUnions: [], recent: [], thisMonth: [], care: null, hardshipReviewsDue: null };
  if (!can(ctx.actor, 'dashboard.read', { type: 'org', path: org.path })) throw forbidden();
  const [self] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, org.id));
  const subtree = ctx.db.select({ id: orgs.id }).from(orgs).where(like(orgs.path, `${org.path}%`));
  const resource = { type: 'org' as const, path: org.path };
  const counts: { label: string; value: number }[] = [];
  let groups: { id: string; name: string; members: number }[] = [];
  let childUnions: { id: string; name: string; members: number; groups: number }[] = [];

  // Aggregates are not private data: a parent union sees its children's counts, not their members.
  const scope = org.kind === 'grassroots' ? eq(members.orgId, org.id) : org.kind === 'parent' ? inArray(members.orgId, subtree) : inArray(members.groupId, subtree);
  const [c] = await ctx.db
    .select({
      onRoll: sql<number>`count(*) FILTER (WHERE ${members.membershipStatus} IN ('normal','reserved'))::int`,
      active: sql<number>`count(*) FILTER (WHERE ${members.membershipStatus} = 'normal' AND ${members.employmentStatus} = 'active')::int`,
      retired: sql<number>`count(*) FILTER (WHERE ${members.employmentStatus} = 'retired' AND ${members.membershipStatus} IN ('normal','reserved'))::int`,
      reserved: sql<number>`count(*) FILTER (WHERE ${members.membershipStatus} = 'reserved')::int`,
      women: sql<number>`count(*) FILTER (WHERE ${members.gender} = 'F' AND ${members.membershipStatus} IN ('normal','reserved'))::int`,
    })
    .from(members)
    .where(scope);
  counts.push(
    { label: '在册会员', value: c.onRoll },
    { label: '在职会员', value: c.active },
    { label: '退休会员', value: c.retired },
    { label: '保留会籍', value: c.reserved },
    { label: '女职工', value: c.women },
  );

  if (org.kind !== 'parent') {
    groups = await ctx.db
      .select({
        id: orgs.id,
        name: orgs.name,
        members: sql<number>`(SELECT count(*)::int FROM members m WHERE m.group_id = orgs.id AND m.membership_status IN ('normal','reserved'))`,
      })
      .from(orgs)
      .where(and(eq(orgs.kind, 'group'), like(orgs.path, `${org.path}%`)));
    groups.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    counts.push({ label: '工会小组', value: groups.length });
  } else {
    childUnions = await ctx.db
      .select({
        id: orgs.id,
        name: orgs.name,
        members: sql<number>`(SELECT count(*)::int FROM members m WHERE m.org_id = orgs.id AND m.membership_status IN ('normal','reserved'))`,
        groups: sql<number>`(SELECT count(*)::int FROM orgs g WHERE g.kind = 'group' AND g.path LIKE orgs.path || '%')`,
      })
      .from(orgs)
      .where(and(eq(orgs.kind, 'grassroots'), like(orgs.path, `${org.path}%`)));
    childUnions.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    counts.push({ label: '基层工会', value: childUnions.length });
  }

  let recent: { at: string; actorName: string; action: string; entityLabel: string | null }[] = [];
  if (can(ctx.actor, 'audit.read', resource)) {
    const rows = await ctx.db
      .select({ at: auditEvents.at, actorName: auditEvents.actorName, action: auditEvents.action, entityLabel: auditEvents.entityLabel })
      .from(auditEvents)
      // Log-ins are audited but are not news on the home page.
      .where(and(inArray(auditEvents.orgId, auditOrgIds(ctx.db, org)), ne(auditEvents.action, 'auth.login')))
      .orderBy(desc(auditEvents.at))
      .limit(8);
    recent = rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
  const thisMonth = await thisMonthItems(ctx);
  const [care, reviewsDue] = await Promise.all([careCountsFor(ctx), hardshipReviewsDue(ctx)]);
  return { orgName: self?.name ?? null, counts, groups, childUnions, recent, thisMonth, care, hardshipReviewsDue: reviewsDue };
}
