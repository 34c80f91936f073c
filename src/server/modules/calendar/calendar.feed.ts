import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendarFeeds } from '../../db/schema/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { festivalsOf } from '../../../domain/festivals.js';
import { shiftDateByMonths } from '../../../domain/plan-period.js';
import { can } from '../../../domain/policy.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { tokenHash } from '../auth/sessions.js';
import { buildIcs } from './calendar.ics.js';
import { itemsOverlapping, orgNameOf } from './calendar.repository.js';
import { workingOrg } from './calendar.service.js';

/** The months before and after today that a subscribed calendar receives. */
const FEED_MONTHS = 12;

/** The feed's path; the token in it is the only key, so it is shown once and only its hash is kept. */
export const feedPath = (token: string) => `/ical/${token}.ics`;

/** Whether the organisation has a live feed, and since when. */
export async function feedStatus(ctx: Ctx): Promise<{ active: boolean; createdAt: string | null; canManage: boolean }> {
  const org = workingOrg(ctx, 'plan.read');
  const [feed] = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, org.id), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return {
    active: feed !== undefined,
    createdAt: feed ? new Date(feed.createdAt).toISOString() : null,
    canManage: can(ctx.actor, 'plan.manage', { type: 'org', path: org.path }),
  };
}

/** Revokes every live feed of the organisation inside the caller's transaction; returns how many there were. */
async function revokeLive(tx: Db, orgId: string): Promise<number> {
  const rows = await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.orgId, orgId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length;
}

/** Opens a new secret feed URL for the organisation (the old one stops working); the URL is returned only now. */
export async function createFeed(ctx: Ctx): Promise<{ url: string }> {
  const org = workingOrg(ctx, 'plan.manage');
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    const revoked = await revokeLive(tx, org.id);
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ orgId: org.id, tokenHash: tokenHash(token), createdBy: ctx.actor.userId })
      .returning({ id: calendarFeeds.id });
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'calendarFeed.created',
      entityType: 'calendar_feed',
      entityId: feed.id,
      entityLabel: '行事历订阅链接',
      changes: { replaced: { to: revoked } },
    });
  });
  return { url: feedPath(token) };
}

/** Ends the organisation's feed; a revoked URL answers 404. Revoking when there is none changes nothing. */
export async function revokeFeed(ctx: Ctx): Promise<void> {
  const org = workingOrg(ctx, 'plan.manage');
  await ctx.db.transaction(async (tx) => {
    const revoked = await revokeLive(tx, org.id);
    if (revoked === 0) return;
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'calendarFeed.revoked',
      entityType: 'calendar_feed',
      entityLabel: '行事历订阅链接',
    });
  });
}

/**
 * The iCalendar text behind a feed token — the organisation's items of the past and next twelve months and the
 * festivals of those years — or null for an unknown or revoked token. No session: the token is the key.
 */
export async function icsForToken(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [feed] = await db
    .select({ orgId: calendarFeeds.orgId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (!feed) return null;
  const today = todayInShanghai(now);
  const from = shiftDateByMonths(today, -FEED_MONTHS);
  const to = shiftDateByMonths(today, FEED_MONTHS);
  const [rows, orgName] = await Promise.all([itemsOverlapping(db, feed.orgId, { from, to }), orgNameOf(db, feed.orgId)]);
  const festivals: { name: string; date: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const f of festivalsOf(year)) festivals.push({ name: f.name, date: f.date });
  }
  return buildIcs(
    { id: feed.orgId, name: orgName },
    rows.map((r) => ({
      id: r.id,
      title: r.title,
      dateKind: r.dateKind,
      startDate: r.startDate,
      endDate: r.endDate,
      status: r.status,
      note: r.note,
      category: r.category,
      ownerName: r.ownerName,
      updatedAt: new Date(r.updatedAt),
    })),
    festivals,
  );
}
