import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  REPRESENTATIVE_KIND_LABELS,
  REPRESENTATIVE_CATEGORY_LABELS,
  type Representative,
  type RepresentativeCategory,
  type RepresentativeInput,
  type RepresentativeReplace,
  type representativeEndSchema,
  type representativeListSchema,
} from '../../../contracts/congress.js';
import type { Db } from '../../db/client.js';
import { congressConstituencies, congressRepresentatives, congressTerms } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { auditActor, canManageCongress, congressOrg, loadTerm, type Org } from './congress.access.js';
import { ageToday, compositionView, termLabel } from './congress.presenter.js';
import { representativeRows, rosterMember, type RepresentativeRow, type TermRow } from './congress.repository.js';

const ALL_STAFF_REFUSAL = '教职工大会由全体在职会员参加，不需要登记代表';

/** GET /congress/terms/:id/representatives: every mandate of the term, the composition and the history of changes. */
export async function listRepresentatives(ctx: Ctx, termId: string): Promise<z.infer<typeof representativeListSchema>> {
  const { org, term } = await loadTerm(ctx, termId, 'congress.read');
  const isManager = canManageCongress(ctx, org);
  const rows = await representativeRows(ctx.db, term.id);
  const byId = new Map(rows.map((r) => [r.rep.id, r]));
  const successorOf = new Map(rows.filter((r) => r.rep.replacesId).map((r) => [r.rep.replacesId!, r]));
  const items: Representative[] = rows.map((r) => {
    const successor = successorOf.get(r.rep.id);
    return {
      id: r.rep.id,
      memberId: r.rep.memberId,
      name: r.name,
      groupName: r.groupName,
      constituencyId: r.rep.constituencyId,
      constituencyName: r.constituencyName,
      kind: r.rep.kind,
      category: r.rep.category,
      isLeader: r.rep.isLeader,
      gender: isManager ? r.gender : null,
      age: isManager ? ageToday(r.birthDate) : null,
      status: r.rep.status,
      electedOn: r.rep.electedOn,
      endedOn: r.rep.endedOn,
      endReason: r.rep.endReason,
      replacesId: r.rep.replacesId,
      replacesName: r.rep.replacesId ? (byId.get(r.rep.replacesId)?.name ?? null) : null,
      replacedById: successor?.rep.id ?? null,
      replacedByName: successor?.name ?? null,
    };
  });
  const history = items
    .filter((r) => r.status !== 'active' && r.endedOn)
    .map((r) => {
      const who = `${r.name}${r.constituencyName ? `（${r.constituencyName}）` : ''}`;
      const kind = r.status as 'replaced' | 'recalled' | 'left';
      const text =
        kind === 'replaced'
          ? `${who}由 ${r.replacedByName ?? '新代表'} 补选替换，原因：${r.endReason ?? ''}`
          : kind === 'recalled'
            ? `罢免 ${who}，原因：${r.endReason ?? ''}`
            : `${who}离任，原因：${r.endReason ?? ''}`;
      return { on: r.endedOn!, kind, representativeId: r.id, text };
    })
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  return { items, composition: term.form === 'congress' ? compositionView(term, rows) : null, history, canManage: isManager };
}

/** A mandate of the union with its term, or 404. */
async function loadRepresentative(ctx: Ctx, id: string): Promise<{ org: Org; rep: RepresentativeRow; term: TermRow }> {
  const org = congressOrg(ctx, 'congress.manage');
  const [row] = await ctx.db
    .select({ rep: congressRepresentatives, term: congressTerms })
    .from(congressRepresentatives)
    .innerJoin(congressTerms, eq(congressTerms.id, congressRepresentatives.termId))
    .where(and(eq(congressRepresentatives.orgId, org.id), eq(congressRepresentatives.id, id)));
  if (!row) throw notFound('代表');
  return { org, ...row };
}

/**
 * The member a new mandate is for, checked: on the union's roster; a voting representative must be in employment
 * with a normal membership (保留会籍 cannot stand, DOMAIN.md §2); not already holding an active mandate in the term;
 * the category from the input or the member's post type.
 */
async function checkCandidate(db: Db, org: Org, term: TermRow, input: { memberId: string; kind: RepresentativeRow['kind']; category?: RepresentativeCategory; constituencyId?: string | null }) {
  const member = await rosterMember(db, org.id, input.memberId);
  if (!member) throw fieldError('memberId', '所选人员不在本工会名册中');
  if (input.kind === 'representative' && (member.employmentStatus !== 'active' || member.membershipStatus !== 'normal')) {
    throw fieldError('memberId', `${member.name}不在职或保留会籍，没有被选举权，不能当选正式代表`);
  }
  const category = input.category ?? (member.postType === 'other' ? undefined : member.postType);
  if (!category) throw fieldError('category', `${member.name}的岗位类别为“其他”，请选择代表类别（教师、职员或工勤）`);
  const [held] = await db
    .select({ kind: congressRepresentatives.kind })
    .from(congressRepresentatives)
    .where(and(eq(congressRepresentatives.termId, term.id), eq(congressRepresentatives.memberId, member.id), eq(congressRepresentatives.status, 'active')));
  if (held) throw new AppError('CONFLICT', `${member.name}已是本届${REPRESENTATIVE_KIND_LABELS[held.kind]}`, [{ path: 'memberId', message: `${member.name}已是本届${REPRESENTATIVE_KIND_LABELS[held.kind]}` }]);
  let constituencyName: string | null = null;
  if (input.constituencyId) {
    const [c] = await db
      .select({ name: congressConstituencies.name })
      .from(congressConstituencies)
      .where(and(eq(congressConstituencies.termId, term.id), eq(congressConstituencies.id, input.constituencyId)));
    if (!c) throw fieldError('constituencyId', '所选代表团不属于本届');
    constituencyName = c.name;
  }
  return { member, category, constituencyName };
}

function checkElectedOn(term: TermRow, electedOn: string, path = 'electedOn') {
  if (electedOn > term.endsOn) throw fieldError(path, `当选日期不能晚于本届任期结束日期（${term.endsOn}）`);
}

/** POST /congress/terms/:id/representatives: a mandate (代表, 特邀 or 列席) in a constituency. */
export async function addRepresentative(ctx: Ctx, termId: string, input: RepresentativeInput): Promise<string> {
  const { org, term } = await loadTerm(ctx, termId, 'congress.manage');
  if (term.form === 'all_staff') throw new AppError('CONFLICT', ALL_STAFF_REFUSAL);
  checkElectedOn(term, input.electedOn);
  const { member, category, constituencyName } = await checkCandidate(ctx.db, org, term, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(congressRepresentatives)
      .values({ orgId: org.id, termId: term.id, memberId: member.id, constituencyId: input.constituencyId, kind: input.kind, category, isLeader: input.isLeader, electedOn: input.electedOn })
      .returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.representative.added',
      entityType: 'congress_representative',
      entityId: row.id,
      entityLabel: `${termLabel(term)} ${member.name}`,
      changes: {
        member: { to: member.name },
        kind: { to: REPRESENTATIVE_KIND_LABELS[row.kind] },
        category: { to: REPRESENTATIVE_CATEGORY_LABELS[row.category] },
        isLeader: { to: row.isLeader },
        constituency: { to: constituencyName },
        electedOn: { to: row.electedOn },
      },
    });
    return row.id;
  });
}

/**
 * POST /congress/representatives/:id/replace: 补选 — the mandate ends (replaced, on the successor's election day,
 * with the reason) and the successor's starts, pointing at it, in the same constituency unless another is given.
 */
export async function replaceRepresentative(ctx: Ctx, id: string, input: RepresentativeReplace): Promise<{ id: string; termId: string }> {
  const { org, rep, term } = await loadRepresentative(ctx, id);
  if (rep.status !== 'active') throw new AppError('CONFLICT', '该代表已不在任，不能再替换');
  if (input.memberId === rep.memberId) throw fieldError('memberId', '补选的代表不能是原代表本人');
  if (input.electedOn < rep.electedOn) throw fieldError('electedOn', `补选日期不能早于原代表的当选日期（${rep.electedOn}）`);
  checkElectedOn(term, input.electedOn);
  const constituencyId = input.constituencyId === undefined ? rep.constituencyId : input.constituencyId;
  const { member, category, constituencyName } = await checkCandidate(ctx.db, org, term, { ...input, kind: rep.kind, constituencyId });
  const old = await rosterMember(ctx.db, org.id, rep.memberId);
  return ctx.db.transaction(async (tx) => {
    const [ended] = await tx
      .update(congressRepresentatives)
      .set({ status: 'replaced', endedOn: input.electedOn, endReason: input.reason })
      .where(and(eq(congressRepresentatives.id, rep.id), eq(congressRepresentatives.status, 'active')))
      .returning({ id: congressRepresentatives.id });
    if (!ended) throw new AppError('CONFLICT', '该代表已不在任，不能再替换');
    const [row] = await tx
      .insert(congressRepresentatives)
      .values({ orgId: org.id, termId: term.id, memberId: member.id, constituencyId, kind: rep.kind, category, isLeader: input.isLeader, electedOn: input.electedOn, replacesId: rep.id })
      .returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.representative.replaced',
      entityType: 'congress_representative',
      entityId: rep.id,
      entityLabel: `${termLabel(term)} ${old?.name ?? ''}`,
      changes: { member: { from: old?.name ?? null, to: member.name }, reason: { to: input.reason }, electedOn: { to: input.electedOn }, constituency: { to: constituencyName } },
    });
    return { id: row.id, termId: term.id };
  });
}

/** POST /congress/representatives/:id/end: 罢免 (recalled) or 离任 (left), with the reason and the day. */
export async function endRepresentative(ctx: Ctx, id: string, input: z.infer<typeof representativeEndSchema>): Promise<{ id: string; termId: string }> {
  const { org, rep, term } = await loadRepresentative(ctx, id);
  if (rep.status !== 'active') throw new AppError('CONFLICT', '该代表已不在任');
  if (input.endedOn < rep.electedOn) throw fieldError('endedOn', `终止日期不能早于当选日期（${rep.electedOn}）`);
  const member = await rosterMember(ctx.db, org.id, rep.memberId);
  await ctx.db.transaction(async (tx) => {
    const [ended] = await tx
      .update(congressRepresentatives)
      .set({ status: input.status, endedOn: input.endedOn, endReason: input.reason })
      .where(and(eq(congressRepresentatives.id, rep.id), eq(congressRepresentatives.status, 'active')))
      .returning({ id: congressRepresentatives.id });
    if (!ended) throw new AppError('CONFLICT', '该代表已不在任');
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: input.status === 'recalled' ? 'congress.representative.recalled' : 'congress.representative.left',
      entityType: 'congress_representative',
      entityId: rep.id,
      entityLabel: `${termLabel(term)} ${member?.name ?? ''}`,
      changes: { reason: { to: input.reason }, endedOn: { to: input.endedOn } },
    });
  });
  return { id: rep.id, termId: term.id };
}

/** One mandate as the list shows it (after adding or replacing). */
export async function getRepresentative(ctx: Ctx, termId: string, id: string): Promise<Representative> {
  const list = await listRepresentatives(ctx, termId);
  const found = list.items.find((r) => r.id === id);
  if (!found) throw notFound('代表');
  return found;
}
