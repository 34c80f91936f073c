import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Audience } from '../../../contracts/activities.js';
import type { Db } from '../../db/client.js';
import { careCampaignRecipients, careCampaigns, members, orgs } from '../../db/schema/index.js';
import { audienceCondition } from '../activities/activities.audience.js';

/*
 * Festival campaigns (节日慰问) and their recipients as the campaign, receipt, report and metric code reads them.
 * Every query names the union, so another organisation's campaign is simply not found.
 */

export type CampaignRow = typeof careCampaigns.$inferSelect;
/** Received ÷ intended counts (intended: recipients not left out by the cap). */
export interface Counts {
  intended: number;
  received: number;
}

const recipientGroup = alias(orgs, 'recipient_group');
/** Chinese names in pinyin order (one collator for all comparisons). */
const collator = new Intl.Collator('zh');
/** Groups by name, members without a group (null) last. */
export const byGroupName = <T extends { groupId: string | null; groupName: string }>(a: T, b: T) =>
  a.groupId === null ? (b.groupId === null ? 0 : 1) : b.groupId === null ? -1 : collator.compare(a.groupName, b.groupName);
/** The line of members without a group. */
export const NO_GROUP = '未分组';

/** One campaign of the union, or null; `forUpdate` locks its row until the transaction ends. */
export async function findCampaign(db: Db, unionId: string, id: string, { forUpdate = false } = {}): Promise<CampaignRow | null> {
  const q = db.select().from(careCampaigns).where(and(eq(careCampaigns.orgId, unionId), eq(careCampaigns.id, id))).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The union's campaigns of a year, newest first. */
export async function campaignsOfYear(db: Db, unionId: string, year: number): Promise<CampaignRow[]> {
  return db
    .select()
    .from(careCampaigns)
    .where(and(eq(careCampaigns.orgId, unionId), eq(careCampaigns.year, year)))
    .orderBy(desc(careCampaigns.createdAt), asc(careCampaigns.id));
}

const intendedCount = sql<number>`(count(*) FILTER (WHERE ${careCampaignRecipients.excludedReason} IS NULL))::int`.mapWith(Number);
const receivedCount = sql<number>`(count(*) FILTER (WHERE ${careCampaignRecipients.excludedReason} IS NULL AND ${careCampaignRecipients.receivedAt} IS NOT NULL))::int`.mapWith(Number);
const receivedValue = sql<number>`coalesce(sum(${careCampaignRecipients.valueFen}) FILTER (WHERE ${careCampaignRecipients.excludedReason} IS NULL AND ${careCampaignRecipients.receivedAt} IS NOT NULL), 0)::int`.mapWith(Number);

/** Intended and received counts (and the value received) per campaign; campaigns without recipients have no entry. */
export async function countsByCampaign(db: Db, campaignIds: string[]): Promise<Map<string, Counts & { receivedFen: number }>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .select({ campaignId: careCampaignRecipients.campaignId, intended: intendedCount, received: receivedCount, receivedFen: receivedValue })
    .from(careCampaignRecipients)
    .where(inArray(careCampaignRecipients.campaignId, campaignIds))
    .groupBy(careCampaignRecipients.campaignId);
  return new Map(rows.map(({ campaignId, ...c }) => [campaignId, c]));
}

/** A campaign's intended and received counts per union group (the group fixed when it started), by group name. */
export async function countsByGroup(db: Db, campaignId: string): Promise<(Counts & { groupId: string | null; groupName: string })[]> {
  const rows = await db
    .select({ groupId: careCampaignRecipients.groupId, groupName: recipientGroup.name, intended: intendedCount, received: receivedCount })
    .from(careCampaignRecipients)
    .leftJoin(recipientGroup, eq(recipientGroup.id, careCampaignRecipients.groupId))
    .where(eq(careCampaignRecipients.campaignId, campaignId))
    .groupBy(careCampaignRecipients.groupId, recipientGroup.name);
  return rows
    .filter((r) => r.intended > 0)
    .map((r) => ({ ...r, groupName: r.groupName ?? NO_GROUP }))
    .sort(byGroupName);
}

/**
 * A campaign's recipient rows with the member's name, account and group (with its path, for the policy), by group
 * then name; only one group's when `groupId` is given.
 */
export async function recipientRows(db: Db, campaignId: string, f: { groupId?: string | null; memberIds?: string[] } = {}) {
  const rows = await db
    .select({
      memberId: careCampaignRecipients.memberId,
      name: members.name,
      userId: members.userId,
      groupId: careCampaignRecipients.groupId,
      groupName: recipientGroup.name,
      groupPath: recipientGroup.path,
      valueFen: careCampaignRecipients.valueFen,
      excludedReason: careCampaignRecipients.excludedReason,
      receivedAt: careCampaignRecipients.receivedAt,
      source: careCampaignRecipients.source,
    })
    .from(careCampaignRecipients)
    .innerJoin(members, eq(members.id, careCampaignRecipients.memberId))
    .leftJoin(recipientGroup, eq(recipientGroup.id, careCampaignRecipients.groupId))
    .where(
      and(
        eq(careCampaignRecipients.campaignId, campaignId),
        f.groupId === undefined ? undefined : f.groupId === null ? isNull(careCampaignRecipients.groupId) : eq(careCampaignRecipients.groupId, f.groupId),
        f.memberIds ? inArray(careCampaignRecipients.memberId, f.memberIds) : undefined,
      ),
    )
    .orderBy(asc(members.pinyinKey), asc(members.id));
  // By group name in pinyin order (a stable sort keeps the names' order inside a group).
  return rows.sort((a, b) => byGroupName({ groupId: a.groupId, groupName: a.groupName ?? '' }, { groupId: b.groupId, groupName: b.groupName ?? '' }));
}
export type RecipientRow = Awaited<ReturnType<typeof recipientRows>>[number];

/**
 * What each member has had from the union's festival campaigns of a year: the value of every started campaign
 * (distributing or closed) where they are a recipient not left out by the cap.
 */
export async function festivalTotals(db: Db, unionId: string, year: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ memberId: careCampaignRecipients.memberId, fen: sql<number>`sum(${careCampaignRecipients.valueFen})::int`.mapWith(Number) })
    .from(careCampaignRecipients)
    .innerJoin(careCampaigns, eq(careCampaigns.id, careCampaignRecipients.campaignId))
    .where(
      and(
        eq(careCampaigns.orgId, unionId),
        eq(careCampaigns.year, year),
        inArray(careCampaigns.status, ['distributing', 'closed']),
        isNull(careCampaignRecipients.excludedReason),
      ),
    )
    .groupBy(careCampaignRecipients.memberId);
  return new Map(rows.map((r) => [r.memberId, r.fen]));
}

/** The members an audience names as the roster stands now, in name order, with their group and account. */
export async function audienceMembers(db: Db, unionId: string, audience: Audience) {
  return db
    .select({ id: members.id, name: members.name, groupId: members.groupId, userId: members.userId })
    .from(members)
    .where(audienceCondition(unionId, audience))
    .orderBy(asc(members.pinyinKey), asc(members.id));
}

/** Recipient rows per INSERT: 5 parameters a row stays well under PostgreSQL's 65 535 bind parameters. */
const INSERT_CHUNK = 5000;

/** Inserts a campaign's recipient rows. */
export async function insertRecipients(tx: Db, rows: (typeof careCampaignRecipients.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(careCampaignRecipients).values(rows.slice(i, i + INSERT_CHUNK));
}

/** The member file through which a user acts in the union, with its group; null when the account has none there. */
export async function memberOfUserIn(db: Db, unionId: string, userId: string) {
  const [row] = await db
    .select({ id: members.id, name: members.name, userId: members.userId, groupId: members.groupId })
    .from(members)
    .where(and(eq(members.orgId, unionId), eq(members.userId, userId)))
    .orderBy(asc(members.createdAt), asc(members.id))
    .limit(1);
  return row ?? null;
}

/** A member's receipts in the union's started campaigns (not left out by the cap), newest campaign first. */
export async function receiptsOfMember(db: Db, unionId: string, memberId: string) {
  return db
    .select({ campaign: careCampaigns, receivedAt: careCampaignRecipients.receivedAt, source: careCampaignRecipients.source })
    .from(careCampaignRecipients)
    .innerJoin(careCampaigns, eq(careCampaigns.id, careCampaignRecipients.campaignId))
    .where(
      and(
        eq(careCampaigns.orgId, unionId),
        eq(careCampaignRecipients.memberId, memberId),
        isNull(careCampaignRecipients.excludedReason),
        inArray(careCampaigns.status, ['distributing', 'closed']),
      ),
    )
    .orderBy(desc(careCampaigns.year), desc(careCampaigns.startedAt), asc(careCampaigns.id));
}
