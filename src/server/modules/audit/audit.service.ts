import { and, asc, count, desc, eq, gte, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { auditChainHeads, auditEvents, orgs } from '../../db/schema/index.js';
import { can } from '../../../domain/policy.js';
import { verifyChain, type ChainBreak } from '../../../domain/audit-chain.js';
import { forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';

export interface AuditQuery {
  page: number;
  pageSize: number;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/**
 * The organisations whose audit events someone working in `org` may read: its subtree. A parent union's
 * subtree stops at the parent unions: the events of its schools describe their members (names, birth dates,
 * tags …), and a parent union sees its children's aggregates, not their members' data (DOMAIN.md §2).
 */
export function auditOrgIds(db: Db, org: { path: string; kind: string }) {
  const subtree = like(orgs.path, `${org.path}%`);
  return db.select({ id: orgs.id }).from(orgs).where(org.kind === 'parent' ? and(subtree, eq(orgs.kind, 'parent')) : subtree);
}

/** The condition limiting audit events to the actor's organisation subtree (everything for a platform admin). */
function auditScope(ctx: Ctx): SQL | undefined {
  if (ctx.actor.isPlatformAdmin && !ctx.actor.org) return undefined;
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, 'audit.read', { type: 'org', path: org.path })) throw forbidden('您在当前组织没有查看操作记录的权限');
  const subtree = inArray(auditEvents.orgId, auditOrgIds(ctx.db, org));
  return ctx.actor.isPlatformAdmin ? or(subtree, isNull(auditEvents.orgId)) : subtree;
}

/** A page of audit events, newest first, filtered by person, entity and date (Asia/Shanghai days). */
export async function listAudit(ctx: Ctx, q: AuditQuery) {
  const where = and(
    auditScope(ctx),
    q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.from ? gte(auditEvents.at, `${q.from}T00:00:00+08:00`) : undefined,
    q.to ? lt(auditEvents.at, sql`(${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorId: auditEvents.actorId,
        actorName: auditEvents.actorName,
        orgId: auditEvents.orgId,
        orgName: orgs.name,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        entityLabel: auditEvents.entityLabel,
        changes: auditEvents.changes,
      })
      .from(auditEvents)
      .leftJoin(orgs, eq(orgs.id, auditEvents.orgId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { items: items.map((i) => ({ ...i, at: new Date(i.at).toISOString() })), total };
}

/** People who appear as actors in the visible trail, for the filter. */
export async function auditActors(ctx: Ctx) {
  const rows = await ctx.db
    .selectDistinct({ id: auditEvents.actorId, name: auditEvents.actorName })
    .from(auditEvents)
    .where(and(auditScope(ctx), sql`${auditEvents.actorId} IS NOT NULL`));
  return rows.filter((r): r is { id: string; name: string } => r.id !== null).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Rows read per query when re-walking the chains. */
const VERIFY_PAGE = 5000;

/**
 * Re-walks every chain in the database; returns how many events were checked and the breaks found. Events are read
 * in (chain, seq) order a page at a time, and one chain is held in memory at once: there is a chain per
 * organisation and one per member who has signed up for something, so tens of thousands of chains are normal.
 */
export async function verifyAuditTrail(db: Db, pageSize = VERIFY_PAGE): Promise<{ events: number; chains: number; breaks: ChainBreak[] }> {
  const breaks: ChainBreak[] = [];
  let events = 0;
  let chains = 0;
  let chain: Parameters<typeof verifyChain>[0] = [];
  const close = () => {
    if (chain.length === 0) return;
    chains++;
    const problem = verifyChain(chain);
    if (problem) breaks.push(problem);
    chain = [];
  };
  let after: { key: string; seq: number } | null = null;
  for (;;) {
    const rows: (typeof auditEvents.$inferSelect)[] = await db
      .select()
      .from(auditEvents)
      .where(after ? sql`(${auditEvents.chainKey}, ${auditEvents.seq}) > (${after.key}, ${after.seq})` : undefined)
      .orderBy(asc(auditEvents.chainKey), asc(auditEvents.seq))
      .limit(pageSize);
    for (const r of rows) {
      if (chain.length > 0 && chain[0].chainKey !== r.chainKey) close();
      chain.push({
        chainKey: r.chainKey, seq: r.seq, orgId: r.orgId, actorId: r.actorId, actorName: r.actorName,
        at: new Date(r.at).toISOString(), action: r.action, entityType: r.entityType, entityId: r.entityId,
        entityLabel: r.entityLabel, changes: r.changes, prevHash: r.prevHash, hash: r.hash,
      });
    }
    events += rows.length;
    if (rows.length < pageSize) break;
    const last = rows[rows.length - 1];
    after = { key: last.chainKey, seq: last.seq };
  }
  close();
  breaks.push(...(await headBreaks(db)));
  return { events, chains, breaks };
}

/**
 * Chains whose recorded head is not their last event: events cut off the end of a chain (or a head lost), which
 * re-walking the events alone cannot see. One query, whatever the number of chains.
 */
async function headBreaks(db: Db): Promise<ChainBreak[]> {
  const rows = await db.execute(sql`
    SELECT coalesce(h.chain_key, e.chain_key) AS "chainKey", coalesce(e.seq, h.seq) AS seq
    FROM ${auditChainHeads} h
    FULL JOIN (SELECT DISTINCT ON (chain_key) chain_key, seq, hash FROM ${auditEvents} ORDER BY chain_key, seq DESC) e ON e.chain_key = h.chain_key
    WHERE h.seq IS DISTINCT FROM e.seq OR h.hash IS DISTINCT FROM e.hash
    ORDER BY 1`);
  return rowsOf<{ chainKey: string; seq: number }>(rows).map((r) => ({ chainKey: r.chainKey, seq: Number(r.seq), problem: 'head' as const }));
}
