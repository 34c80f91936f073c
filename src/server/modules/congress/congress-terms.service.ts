import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { CONGRESS_LIMITS, type constituencyPatchSchema, type TermCreate, type termDetailSchema, type termListSchema, type termPatchSchema } from '../../../contracts/congress.js';
import { termEndsOn } from '../../../domain/congress/index.js';
import { congressConstituencies, congressTerms } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { auditActor, canManageCongress, congressOrg, loadTerm, type Org } from './congress.access.js';
import { compositionView, currentTermId, sessionSummary, termLabel, termSummary } from './congress.presenter.js';
import {
  constituenciesOf,
  memberOfUser,
  representativeRows,
  sessionCounts,
  sessionsOf,
  standingIn,
  termsOf,
  voterCount,
  type TermRow,
} from './congress.repository.js';

type TermMe = z.infer<typeof termDetailSchema>['me'];

/** The actor's member file in the union and their standing in a term. */
export async function meIn(ctx: Ctx, org: Org, term: TermRow): Promise<TermMe> {
  const member = await memberOfUser(ctx.db, org.id, ctx.actor.userId);
  if (!member) return { memberId: null, representative: null, isVoter: false };
  const standing = await standingIn(ctx.db, term, member.id);
  return { memberId: member.id, ...standing };
}

/** GET /congress/terms: every term, newest first, the current one marked, with the actor's standing in each. */
export async function listTerms(ctx: Ctx): Promise<z.infer<typeof termListSchema>> {
  const org = congressOrg(ctx, 'congress.read');
  const terms = await termsOf(ctx.db, org.id);
  const current = currentTermId(terms);
  const counts = await sessionCounts(ctx.db, terms.map((t) => t.id));
  const items = [];
  for (const t of terms) {
    const [voters, me] = [await voterCount(ctx.db, t), await meIn(ctx, org, t)];
    items.push({ ...termSummary(t, { isCurrent: t.id === current, voters, sessionCount: counts.get(t.id) ?? 0 }), me });
  }
  return { items, canManage: canManageCongress(ctx, org) };
}

/** GET /congress/terms/:id: the term with its policy, constituencies, composition, sessions and the actor's standing. */
export async function getTerm(ctx: Ctx, id: string): Promise<z.infer<typeof termDetailSchema>> {
  const { org, term } = await loadTerm(ctx, id, 'congress.read');
  const [terms, voters, constituencies, sessions, me] = [
    await termsOf(ctx.db, org.id),
    await voterCount(ctx.db, term),
    await constituenciesOf(ctx.db, term.id),
    await sessionsOf(ctx.db, term.id),
    await meIn(ctx, org, term),
  ];
  const reps = term.form === 'congress' ? await representativeRows(ctx.db, term.id) : null;
  const now = new Date();
  return {
    ...termSummary(term, { isCurrent: currentTermId(terms) === term.id, voters, sessionCount: sessions.length }),
    constituencies: constituencies.map((c) => ({ ...c, representatives: Number(c.representatives) })),
    composition: reps ? compositionView(term, reps) : null,
    sessions: sessions.map((s) => sessionSummary(s, now)),
    me,
    can: { manage: canManageCongress(ctx, org) },
  };
}

/** POST /congress/terms: a new term (the next number unless given); its end follows from its start and length. */
export async function createTerm(ctx: Ctx, input: TermCreate): Promise<string> {
  const org = congressOrg(ctx, 'congress.manage');
  return ctx.db.transaction(async (tx) => {
    const [{ last }] = await tx.select({ last: max(congressTerms.number) }).from(congressTerms).where(eq(congressTerms.orgId, org.id));
    const number = input.number ?? (last ?? 0) + 1;
    const [taken] = await tx.select({ id: congressTerms.id }).from(congressTerms).where(and(eq(congressTerms.orgId, org.id), eq(congressTerms.number, number)));
    if (taken) throw new AppError('CONFLICT', `已有第${number}届，请填写其他届次`, [{ path: 'number', message: `已有第${number}届` }]);
    const [row] = await tx
      .insert(congressTerms)
      .values({
        orgId: org.id,
        number,
        form: input.form,
        years: input.years,
        startsOn: input.startsOn,
        endsOn: termEndsOn(input.startsOn, input.years),
        teacherMinPercent: input.teacherMinPercent,
        leaderMaxPercent: input.leaderMaxPercent,
        cosignersMin: input.cosignersMin,
        replyWeeks: input.replyWeeks,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.term.created',
      entityType: 'congress_term',
      entityId: row.id,
      entityLabel: termLabel(row),
      changes: { form: { to: row.form }, years: { to: row.years }, startsOn: { to: row.startsOn }, endsOn: { to: row.endsOn } },
    });
    return row.id;
  });
}

/** PATCH /congress/terms/:id: the policy figures; audited as a diff. */
export async function updateTerm(ctx: Ctx, id: string, input: z.infer<typeof termPatchSchema>): Promise<void> {
  const { org, term } = await loadTerm(ctx, id, 'congress.manage');
  const changes = diffFields(term, input, ['teacherMinPercent', 'leaderMaxPercent', 'cosignersMin', 'replyWeeks']);
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(congressTerms).set({ ...input, updatedAt: new Date() }).where(eq(congressTerms.id, term.id));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.term.updated', entityType: 'congress_term', entityId: term.id, entityLabel: termLabel(term), changes });
  });
}

/** POST /congress/terms/:id/constituencies: a 代表团 / 代表组, placed last. */
export async function addConstituency(ctx: Ctx, termId: string, name: string): Promise<{ id: string; name: string; position: number; representatives: number }> {
  const { org, term } = await loadTerm(ctx, termId, 'congress.manage');
  if (term.form === 'all_staff') throw new AppError('CONFLICT', '教职工大会由全体在职会员参加，不设代表团');
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select({ name: congressConstituencies.name, position: congressConstituencies.position }).from(congressConstituencies).where(eq(congressConstituencies.termId, term.id));
    if (existing.length >= CONGRESS_LIMITS.constituenciesMax) throw new AppError('CONFLICT', `每届最多 ${CONGRESS_LIMITS.constituenciesMax} 个代表团`);
    if (existing.some((c) => c.name === name)) throw fieldError('name', '本届已有同名的代表团');
    const position = existing.reduce((m, c) => Math.max(m, c.position + 1), 0);
    const [row] = await tx.insert(congressConstituencies).values({ orgId: org.id, termId: term.id, name, position }).returning();
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.constituency.created', entityType: 'congress_term', entityId: term.id, entityLabel: termLabel(term), changes: { constituency: { to: name } } });
    return { id: row.id, name: row.name, position: row.position, representatives: 0 };
  });
}

/** PATCH /congress/constituencies/:id: rename or move. */
export async function updateConstituency(ctx: Ctx, id: string, input: z.infer<typeof constituencyPatchSchema>): Promise<{ id: string; name: string; position: number }> {
  const org = congressOrg(ctx, 'congress.manage');
  const [c] = await ctx.db.select().from(congressConstituencies).where(and(eq(congressConstituencies.orgId, org.id), eq(congressConstituencies.id, id)));
  if (!c) throw notFound('代表团');
  if (input.name !== undefined && input.name !== c.name) {
    const [same] = await ctx.db.select({ id: congressConstituencies.id }).from(congressConstituencies).where(and(eq(congressConstituencies.termId, c.termId), eq(congressConstituencies.name, input.name)));
    if (same) throw fieldError('name', '本届已有同名的代表团');
  }
  const changes = diffFields(c, input, ['name', 'position']);
  if (Object.keys(changes).length === 0) return { id: c.id, name: c.name, position: c.position };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(congressConstituencies).set(input).where(eq(congressConstituencies.id, c.id)).returning();
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.constituency.updated', entityType: 'congress_term', entityId: c.termId, entityLabel: c.name, changes });
    return { id: row.id, name: row.name, position: row.position };
  });
}
