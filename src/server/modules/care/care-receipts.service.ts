import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { BenefitForm, CampaignDetail, CareMy, MyCampaign } from '../../../contracts/care.js';
import { shanghaiToday } from '../../../domain/care/index.js';
import { can } from '../../../domain/policy.js';
import { careCampaignRecipients, careCampaigns, careEvents } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { memberChain, writeAudit } from '../audit/audit.writer.js';
import { canForMember, careScope, careMemberResource, type CareScope } from './care.access.js';
import { eventSummaryView } from './care.presenter.js';
import { selectEvents } from './care.repository.js';
import { campaignPage, loadCampaign } from './care-campaigns.service.js';
import { findCampaign, memberOfUserIn, receiptsOfMember, recipientRows, type CampaignRow } from './care-campaigns.repository.js';

/*
 * Receipts (签收) of festival campaigns: the member confirms their own on the phone; a group leader ticks for the
 * members of their group, leaders and committee for anyone; a tick can be taken back. All only while distributing.
 * And 我的慰问 (GET /care/my): the member's campaigns to confirm and their own care events.
 */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const auditActor = (ctx: Ctx) => ({ userId: ctx.actor.userId, name: ctx.actor.name });

function assertDistributing(c: CampaignRow, what: string): void {
  if (c.status === 'draft') throw new AppError('CONFLICT', `本次节日慰问尚未开始发放，不能${what}`);
  if (c.status === 'closed') throw new AppError('CONFLICT', `本次节日慰问已结束，不能${what}`);
}

/** The recipients named, each one the actor may tick for; a name outside the list is a 400, outside their reach a 403. */
async function recipientsToTick(ctx: Ctx, scope: CareScope, campaignId: string, memberIds: string[]) {
  const ids = [...new Set(memberIds)];
  const rows = await recipientRows(ctx.db, campaignId, { memberIds: ids });
  const byId = new Map(rows.filter((r) => r.excludedReason === null).map((r) => [r.memberId, r]));
  const missing = memberIds.findIndex((id) => !byId.has(id));
  if (missing >= 0) throw fieldError(`memberIds.${missing}`, '所选人员不在本次节日慰问的发放名单中');
  for (const r of byId.values()) {
    if (!canForMember(ctx, scope, 'care.visit', r)) {
      throw forbidden(scope.groupId !== null ? '工会小组长只能为本小组的会员代为确认签收' : '您没有为该会员确认签收的权限');
    }
  }
  return [...byId.values()];
}

/**
 * POST /care/campaigns/:id/receipts: a group leader ticks the receipt of members of their group, leaders and
 * committee of anyone. Receipts already confirmed stay as they were (the member's own 签收 is not overwritten).
 */
export async function tickReceipts(ctx: Ctx, id: string, memberIds: string[]): Promise<CampaignDetail> {
  const { scope, campaign } = await loadCampaign(ctx, id, 'care.read');
  assertDistributing(campaign, '确认签收');
  const rows = await recipientsToTick(ctx, scope, campaign.id, memberIds);
  await ctx.db.transaction(async (tx) => {
    const current = (await findCampaign(tx, scope.union.id, campaign.id, { forUpdate: true }))!;
    assertDistributing(current, '确认签收');
    const ticked = await tx
      .update(careCampaignRecipients)
      .set({ receivedAt: new Date(), source: 'leader', confirmedBy: ctx.actor.userId })
      .where(
        and(
          eq(careCampaignRecipients.campaignId, campaign.id),
          inArray(
            careCampaignRecipients.memberId,
            rows.map((r) => r.memberId),
          ),
          isNull(careCampaignRecipients.excludedReason),
          isNull(careCampaignRecipients.receivedAt),
        ),
      )
      .returning({ memberId: careCampaignRecipients.memberId });
    if (ticked.length === 0) return;
    const names = new Map(rows.map((r) => [r.memberId, r.name]));
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: auditActor(ctx),
      action: 'care.receipt.ticked',
      entityType: 'care_campaign',
      entityId: campaign.id,
      entityLabel: campaign.title,
      changes: { received: { to: ticked.map((t) => names.get(t.memberId)).join('、') }, count: { to: ticked.length } },
    });
  });
  return campaignPage(ctx, scope, (await findCampaign(ctx.db, scope.union.id, campaign.id))!);
}

/** DELETE /care/campaigns/:id/receipts/:memberId: takes a receipt back (ticked by mistake), by whoever may tick it. */
export async function untickReceipt(ctx: Ctx, id: string, memberId: string): Promise<CampaignDetail> {
  const { scope, campaign } = await loadCampaign(ctx, id, 'care.read');
  assertDistributing(campaign, '撤销签收');
  const [row] = await recipientsToTick(ctx, scope, campaign.id, [memberId]);
  await ctx.db.transaction(async (tx) => {
    const current = (await findCampaign(tx, scope.union.id, campaign.id, { forUpdate: true }))!;
    assertDistributing(current, '撤销签收');
    const undone = await tx
      .update(careCampaignRecipients)
      .set({ receivedAt: null, source: null, confirmedBy: null })
      .where(
        and(
          eq(careCampaignRecipients.campaignId, campaign.id),
          eq(careCampaignRecipients.memberId, memberId),
          isNotNull(careCampaignRecipients.receivedAt),
          // What the member confirmed themself is theirs: only a tick by someone else is taken back.
          eq(careCampaignRecipients.source, 'leader'),
        ),
      )
      .returning({ memberId: careCampaignRecipients.memberId });
    if (undone.length === 0) {
      const [still] = await recipientRows(tx, campaign.id, { memberIds: [memberId] });
      if (still?.source === 'self') throw new AppError('CONFLICT', `${row.name}已本人签收，不能撤销`);
      return;
    }
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: auditActor(ctx),
      action: 'care.receipt.unticked',
      entityType: 'care_campaign',
      entityId: campaign.id,
      entityLabel: campaign.title,
      changes: { received: { from: row.name, to: null } },
    });
  });
  return campaignPage(ctx, scope, (await findCampaign(ctx.db, scope.union.id, campaign.id))!);
}

/** The member's line of a campaign in 我的慰问. */
function myCampaignView(c: CampaignRow, receivedAt: Date | null, source: 'self' | 'leader' | null): MyCampaign {
  return {
    id: c.id,
    festival: c.festival,
    year: c.year,
    title: c.title,
    perPersonFen: c.perPersonFen,
    form: c.form as BenefitForm,
    goods: c.goods,
    status: c.status,
    receivedAt: iso(receivedAt),
    source,
    canConfirm: c.status === 'distributing' && receivedAt === null,
  };
}

/** The member file through which the actor acts in their union (where care lives), and the scope; 403 without one. */
async function ownMember(ctx: Ctx) {
  const scope = await careScope(ctx);
  const member = await memberOfUserIn(ctx.db, scope.union.id, ctx.actor.userId);
  if (!member || !can(ctx.actor, 'care.read', careMemberResource(scope, { groupPath: null, userId: member.userId }))) {
    throw forbidden('您的账号未关联会员档案，请联系工会');
  }
  return { scope, member };
}

/**
 * POST /care/campaigns/:id/confirm: the member confirms on the phone that they received the gift. Only for
 * themself, only while distributing; confirming twice keeps the first receipt.
 */
export async function confirmReceipt(ctx: Ctx, id: string): Promise<MyCampaign> {
  const { scope, member } = await ownMember(ctx);
  const campaign = await findCampaign(ctx.db, scope.union.id, id);
  if (!campaign) throw notFound('节日慰问');
  const [mine] = await recipientRows(ctx.db, campaign.id, { memberIds: [member.id] });
  if (!mine || mine.excludedReason !== null) throw forbidden('您不在本次节日慰问的发放名单中');
  if (mine.receivedAt !== null) return myCampaignView(campaign, mine.receivedAt, mine.source);
  assertDistributing(campaign, '签收');
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(careCampaignRecipients)
      .set({ receivedAt: new Date(), source: 'self', confirmedBy: ctx.actor.userId })
      .where(
        and(
          eq(careCampaignRecipients.campaignId, campaign.id),
          eq(careCampaignRecipients.memberId, member.id),
          isNull(careCampaignRecipients.receivedAt),
          // Closed in the meantime: the receipt is no longer taken (checked in the same statement as the write).
          sql`EXISTS (SELECT 1 FROM ${careCampaigns} WHERE ${careCampaigns.id} = ${campaign.id} AND ${careCampaigns.status} = 'distributing')`,
        ),
      )
      .returning({ receivedAt: careCampaignRecipients.receivedAt, source: careCampaignRecipients.source });
    if (!done) {
      // A tick by the group leader landed in between (theirs stands), or the campaign was closed.
      const [now] = await recipientRows(tx, campaign.id, { memberIds: [member.id] });
      if (now.receivedAt === null) assertDistributing((await findCampaign(tx, scope.union.id, campaign.id))!, '签收');
      return myCampaignView(campaign, now.receivedAt, now.source);
    }
    await writeAudit(tx, {
      orgId: scope.union.id,
      chain: memberChain(member.id),
      actor: auditActor(ctx),
      action: 'care.receipt.confirmed',
      entityType: 'care_campaign',
      entityId: campaign.id,
      entityLabel: campaign.title,
      changes: { member: { to: member.name } },
    });
    return myCampaignView(campaign, done.receivedAt, done.source);
  });
}

/**
 * GET /care/my: the member's festival gifts of started campaigns (those to 签收 first) and their own care events,
 * newest first. An account without a member file in the union (or working outside a union) gets empty lists.
 */
export async function myCare(ctx: Ctx): Promise<CareMy> {
  const kind = ctx.actor.org?.kind;
  if (kind !== 'grassroots' && kind !== 'group') return { campaigns: [], events: [] };
  const scope = await careScope(ctx);
  const member = await memberOfUserIn(ctx.db, scope.union.id, ctx.actor.userId);
  if (!member) return { campaigns: [], events: [] };
  const today = shanghaiToday(new Date());
  const [receipts, events] = await Promise.all([
    receiptsOfMember(ctx.db, scope.union.id, member.id),
    selectEvents(ctx.db)
      .where(and(eq(careEvents.orgId, scope.union.id), eq(careEvents.memberId, member.id)))
      .orderBy(desc(careEvents.occurredOn), desc(careEvents.createdAt)),
  ]);
  const campaigns = receipts.map((r) => myCampaignView(r.campaign, r.receivedAt, r.source));
  return {
    campaigns: [...campaigns.filter((c) => c.canConfirm), ...campaigns.filter((c) => !c.canConfirm)],
    events: events.map((e) => eventSummaryView(e, today)),
  };
}
