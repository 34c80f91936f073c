import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Audience } from '../../../contracts/activities.js';
import {
  BENEFIT_FORM_LABELS,
  type BenefitForm,
  type CampaignDetail,
  type CampaignInput,
  type CareFundCategory,
  type campaignListSchema,
  type campaignSummarySchema,
} from '../../../contracts/care.js';
import { coverage, festivalCapViolation, festivalFormViolation, giftFestival, shanghaiToday, yuan } from '../../../domain/care/index.js';
import { can } from '../../../domain/policy.js';
import type { Db } from '../../db/client.js';
import { careCampaigns } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { audienceTextOf } from '../activities/activities.access.js';
import { groupsInside, isClubOfOrg, membersOfOrg } from '../activities/activities.repository.js';
import { careScopeFor, type CareScope } from './care.access.js';
import { careSettingsOf } from './care.repository.js';
import {
  audienceMembers,
  campaignsOfYear,
  countsByCampaign,
  countsByGroup,
  festivalTotals,
  findCampaign,
  insertRecipients,
  recipientRows,
  type CampaignRow,
} from './care-campaigns.repository.js';

/*
 * Festival care campaigns (节日慰问): created on a festival-gift day only, started (the recipient list fixed from
 * the audience, each person's festival total of the year checked against the cap), closed. Receipts (签收) are in
 * care-receipts.service.ts.
 */

type CampaignSummary = z.infer<typeof campaignSummarySchema>;

const thisYear = () => Number(shanghaiToday(new Date()).slice(0, 4));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const auditActor = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });

/** A campaign as the lists show it, with its coverage now. */
export function campaignSummaryView(c: CampaignRow, counts: { intended: number; received: number } | undefined): CampaignSummary {
  return {
    id: c.id,
    festival: c.festival,
    year: c.year,
    title: c.title,
    perPersonFen: c.perPersonFen,
    form: c.form as BenefitForm,
    goods: c.goods,
    status: c.status,
    coverage: coverage(counts?.intended ?? 0, counts?.received ?? 0),
  };
}

/** GET /care/campaigns?year: the year's campaigns (default this year) with their live coverage. */
export async function listCampaigns(ctx: Ctx, q: { year?: number }): Promise<z.infer<typeof campaignListSchema>> {
  const scope = await careScopeFor(ctx, 'care.read');
  const year = q.year ?? thisYear();
  const rows = await campaignsOfYear(ctx.db, scope.union.id, year);
  const counts = await countsByCampaign(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    year,
    items: rows.map((r) => campaignSummaryView(r, counts.get(r.id))),
    canManage: can(ctx.actor, 'care.manage', { type: 'org', path: scope.org.path }),
  };
}

/**
 * A campaign's page: coverage overall and per group, the recipients and those left out by the cap. A group leader
 * sees every group's coverage but only their own group's people.
 */
export async function campaignPage(ctx: Ctx, scope: CareScope, c: CampaignRow): Promise<CampaignDetail> {
  const groupFilter = scope.groupId === null ? {} : { groupId: scope.groupId };
  const [counts, groups, rows, audienceText] = await Promise.all([
    countsByCampaign(ctx.db, [c.id]),
    countsByGroup(ctx.db, c.id),
    recipientRows(ctx.db, c.id, groupFilter),
    audienceTextOf(ctx.db, scope.union.id, c.audience as Audience),
  ]);
  const orgResource = { type: 'org' as const, path: scope.org.path };
  return {
    ...campaignSummaryView(c, counts.get(c.id)),
    audience: c.audience as Audience,
    audienceText,
    fundCategory: c.fundCategory as CareFundCategory,
    groups: groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName, coverage: coverage(g.intended, g.received) })),
    recipients: rows
      .filter((r) => r.excludedReason === null)
      .map((r) => ({ memberId: r.memberId, name: r.name, groupName: r.groupName, receivedAt: iso(r.receivedAt), source: r.source })),
    excluded: rows.filter((r) => r.excludedReason !== null).map((r) => ({ memberId: r.memberId, name: r.name, reason: r.excludedReason! })),
    can: {
      manage: can(ctx.actor, 'care.manage', orgResource),
      tick: c.status === 'distributing' && can(ctx.actor, 'care.visit', orgResource),
    },
  };
}

/** A campaign of the actor's union they may read, or 404 ("节日慰问不存在…"). */
export async function loadCampaign(ctx: Ctx, id: string, action: 'care.read' | 'care.manage'): Promise<{ scope: CareScope; campaign: CampaignRow }> {
  const scope = await careScopeFor(ctx, action);
  const campaign = await findCampaign(ctx.db, scope.union.id, id);
  if (!campaign) throw notFound('节日慰问');
  return { scope, campaign };
}

/** GET /care/campaigns/:id. */
export async function getCampaign(ctx: Ctx, id: string): Promise<CampaignDetail> {
  const { scope, campaign } = await loadCampaign(ctx, id, 'care.read');
  return campaignPage(ctx, scope, campaign);
}

/** The audience's groups, interest group and listed people must be the union's; each refusal names its field. */
async function assertAudience(db: Db, union: { id: string; path: string }, a: Audience): Promise<void> {
  if (a.kind === 'groups') {
    const found = await groupsInside(db, union.path, a.groupIds);
    if (a.groupIds.some((id) => !found.has(id))) throw fieldError('audience.groupIds', '所选工会小组不属于本工会');
  }
  if (a.kind === 'club' && !(await isClubOfOrg(db, union.id, a.clubId, { activeOnly: true }))) throw fieldError('audience.clubId', '兴趣小组不存在或已停用');
  if (a.kind === 'list') {
    const found = await membersOfOrg(db, union.id, [...new Set(a.memberIds)]);
    if (a.memberIds.some((id) => !found.has(id))) throw fieldError('audience.memberIds', '所选人员不在本工会名册中');
  }
}

/**
 * POST /care/campaigns: a draft campaign. Refused on a day that is not a festival-gift day (naming why), in a form
 * the union's festival rule does not allow ("节日慰问品应为实物…"), or with a value above the yearly festival cap.
 */
export async function createCampaign(ctx: Ctx, input: CampaignInput): Promise<CampaignDetail> {
  const scope = await careScopeFor(ctx, 'care.manage');
  const settings = await careSettingsOf(ctx.db, scope.union.id);
  const festival = giftFestival(input.festival, settings.ethnicFestivals);
  if (!festival.ok) throw fieldError('festival', festival.reason);
  const wrongForm = festivalFormViolation(settings.festivalForms, input.form);
  if (wrongForm) throw fieldError('form', wrongForm.message);
  const cap = settings.festivalCapPerYearFen;
  if (cap !== null && input.perPersonFen > cap) throw fieldError('perPersonFen', `每人标准不能超过节日慰问每人每年上限 ${yuan(cap)} 元`);
  await assertAudience(ctx.db, scope.union, input.audience);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(careCampaigns)
      .values({
        orgId: scope.union.id,
        festival: festival.festival,
        year: input.year,
        title: input.title,
        perPersonFen: input.perPersonFen,
        form: input.form,
        goods: input.goods,
        audience: input.audience,
        fundCategory: input.fundCategory,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: auditActor(ctx),
      action: 'care.campaign.created',
      entityType: 'care_campaign',
      entityId: created.id,
      entityLabel: created.title,
      changes: {
        festival: { to: created.festival },
        year: { to: created.year },
        perPerson: { to: `${yuan(created.perPersonFen)} 元` },
        form: { to: BENEFIT_FORM_LABELS[input.form] },
        goods: { to: created.goods },
        audience: { to: await audienceTextOf(tx, scope.union.id, input.audience) },
        fundCategory: { to: created.fundCategory },
      },
    });
    return created;
  });
  return campaignPage(ctx, scope, row);
}

/**
 * POST /care/campaigns/:id/start: fixes the recipients from the audience as the roster stands now. A member whose
 * festival total of the year plus this value would pass the cap is kept with the reason and not counted as intended.
 * Starts of one union run one at a time, so two campaigns started at once cannot both fit under one person's cap.
 * Recipients with an account are told to collect and 签收.
 */
export async function startCampaign(ctx: Ctx, id: string): Promise<CampaignDetail> {
  const { scope } = await loadCampaign(ctx, id, 'care.manage');
  const settings = await careSettingsOf(ctx.db, scope.union.id);
  const started = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`care_festival:${scope.union.id}`}))`);
    const c = (await findCampaign(tx, scope.union.id, id, { forUpdate: true }))!;
    if (c.status !== 'draft') throw new AppError('CONFLICT', c.status === 'distributing' ? '本次节日慰问已开始发放' : '本次节日慰问已结束');
    const [people, totals] = await Promise.all([audienceMembers(tx, scope.union.id, c.audience as Audience), festivalTotals(tx, scope.union.id, c.year)]);
    if (people.length === 0) throw new AppError('CONFLICT', '慰问对象中没有符合条件的会员，无法开始发放');
    const rows = people.map((m) => {
      const over = festivalCapViolation(settings.festivalCapPerYearFen, totals.get(m.id) ?? 0, c.perPersonFen);
      return { campaignId: c.id, orgId: scope.union.id, memberId: m.id, groupId: m.groupId, valueFen: c.perPersonFen, excludedReason: over?.message ?? null };
    });
    await insertRecipients(tx, rows);
    const [row] = await tx.update(careCampaigns).set({ status: 'distributing', startedAt: new Date(), updatedAt: new Date() }).where(eq(careCampaigns.id, c.id)).returning();
    const excluded = rows.filter((r) => r.excludedReason !== null).length;
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: auditActor(ctx),
      action: 'care.campaign.started',
      entityType: 'care_campaign',
      entityId: c.id,
      entityLabel: c.title,
      changes: { status: { from: 'draft', to: 'distributing' }, intended: { to: rows.length - excluded }, excluded: { to: excluded } },
    });
    const included = new Set(rows.filter((r) => r.excludedReason === null).map((r) => r.memberId));
    await notify(tx, {
      userIds: people.filter((m) => m.userId !== null && included.has(m.id)).map((m) => m.userId!),
      orgId: scope.union.id,
      kind: 'care_campaign_started',
      title: `${c.festival}慰问品已开始发放，请领取后在手机上签收`,
      body: c.goods ? `${c.title}：${c.goods}` : c.title,
      link: '/care/my',
      dedupeKey: (userId) => `care_campaign_started:${c.id}:${userId}`,
    });
    return row;
  });
  return campaignPage(ctx, scope, started);
}

/** POST /care/campaigns/:id/close: distribution ends; the coverage stays as it is. */
export async function closeCampaign(ctx: Ctx, id: string): Promise<CampaignDetail> {
  const { scope } = await loadCampaign(ctx, id, 'care.manage');
  const closed = await ctx.db.transaction(async (tx) => {
    const c = (await findCampaign(tx, scope.union.id, id, { forUpdate: true }))!;
    if (c.status === 'draft') throw new AppError('CONFLICT', '本次节日慰问尚未开始发放，不能结束');
    if (c.status === 'closed') throw new AppError('CONFLICT', '本次节日慰问已结束');
    const [row] = await tx.update(careCampaigns).set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() }).where(eq(careCampaigns.id, c.id)).returning();
    const counts = (await countsByCampaign(tx, [c.id])).get(c.id);
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: auditActor(ctx),
      action: 'care.campaign.closed',
      entityType: 'care_campaign',
      entityId: c.id,
      entityLabel: c.title,
      changes: { status: { from: 'distributing', to: 'closed' }, received: { to: counts?.received ?? 0 }, intended: { to: counts?.intended ?? 0 } },
    });
    return row;
  });
  return campaignPage(ctx, scope, closed);
}
