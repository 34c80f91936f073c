import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { CONGRESS_LIMITS, type agendaItemInputSchema, type agendaItemPatchSchema, type SessionCreate, type SessionDetail, type SessionPatch } from '../../../contracts/congress.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { congressAgendaItems, congressSessions, congressVotes } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit } from '../audit/audit.writer.js';
import { instant } from '../activities/activities.presenter.js';
import { auditActor, canManageCongress, congressOrg, loadSession, loadTerm } from './congress.access.js';
import { isCheckinOpen } from './congress-attendance.service.js';
import { defaultSessionTitle, figuresView, sessionSummary, termLabel } from './congress.presenter.js';
import { attendanceCounts, attendanceOf, lockedSessionStatus, votesOfSession, type SessionRow, type TermRow } from './congress.repository.js';
import { meIn } from './congress-terms.service.js';
import { voteViewsFor } from './congress-votes.service.js';

/** A session's day must fall within its term. */
function checkWithinTerm(term: TermRow, startsAt: string | Date) {
  const day = todayInShanghai(new Date(startsAt));
  if (day < term.startsOn || day > term.endsOn) throw fieldError('startsAt', `会议时间应在本届任期内（${term.startsOn} 至 ${term.endsOn}）`);
}

/** GET /congress/sessions/:id: agenda, votes, 应到 / 实到 / 缺席 with the quorum, and the actor's standing. */
export async function getSession(ctx: Ctx, id: string): Promise<SessionDetail> {
  const { org, session, term } = await loadSession(ctx, id, 'congress.read');
  const [agenda, votes, counts, me] = [
    await ctx.db.select().from(congressAgendaItems).where(eq(congressAgendaItems.sessionId, session.id)).orderBy(asc(congressAgendaItems.position), asc(congressAgendaItems.id)),
    await votesOfSession(ctx.db, session.id),
    await attendanceCounts(ctx.db, term, session.id),
    await meIn(ctx, org, term),
  ];
  const attendance = me.memberId ? await attendanceOf(ctx.db, session.id, me.memberId) : undefined;
  const standing = { memberId: me.memberId, isVoter: me.isVoter, isPresent: attendance?.status === 'present' };
  const now = new Date();
  const mayAttend = me.isVoter || me.representative !== null;
  return {
    ...sessionSummary(session, now),
    term: { id: term.id, label: termLabel(term), form: term.form },
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title, kind: a.kind, description: a.description })),
    votes: await voteViewsFor(ctx, org, term, votes, standing),
    attendance: figuresView(counts),
    me: {
      ...me,
      attendance: attendance ? { status: attendance.status, reason: attendance.absenceReason, source: attendance.source, at: instant(attendance.at) } : null,
      canCheckIn: mayAttend && attendance?.status !== 'present' && isCheckinOpen(session, now),
    },
    can: { manage: canManageCongress(ctx, org) },
  };
}

/** POST /congress/terms/:id/sessions: the next session (number and title by default), with its agenda. */
export async function createSession(ctx: Ctx, termId: string, input: SessionCreate): Promise<string> {
  const { org, term } = await loadTerm(ctx, termId, 'congress.manage');
  checkWithinTerm(term, input.startsAt);
  return ctx.db.transaction(async (tx) => {
    const [{ last }] = await tx.select({ last: max(congressSessions.number) }).from(congressSessions).where(eq(congressSessions.termId, term.id));
    const number = input.number ?? (last ?? 0) + 1;
    const [taken] = await tx.select({ id: congressSessions.id }).from(congressSessions).where(and(eq(congressSessions.termId, term.id), eq(congressSessions.number, number)));
    if (taken) throw new AppError('CONFLICT', `本届已有第${number}次会议`, [{ path: 'number', message: `本届已有第${number}次会议` }]);
    const [row] = await tx
      .insert(congressSessions)
      .values({
        orgId: org.id,
        termId: term.id,
        number,
        title: input.title ?? defaultSessionTitle(term, number),
        startsAt: new Date(input.startsAt),
        place: input.place,
        proposalsOpenAt: input.proposalsOpenAt ? new Date(input.proposalsOpenAt) : null,
        proposalsCloseAt: input.proposalsCloseAt ? new Date(input.proposalsCloseAt) : null,
        checkinSecret: randomBytes(32).toString('base64url'),
      })
      .returning();
    if (input.agenda.length > 0) await tx.insert(congressAgendaItems).values(input.agenda.map((a, i) => ({ orgId: org.id, sessionId: row.id, position: i, ...a })));
    await writeAudit(tx, {
      orgId: org.id,
      actor: auditActor(ctx),
      action: 'congress.session.created',
      entityType: 'congress_session',
      entityId: row.id,
      entityLabel: row.title,
      changes: { startsAt: { to: instant(row.startsAt) }, place: { to: row.place }, agenda: { to: input.agenda.map((a) => a.title) } },
    });
    return row.id;
  });
}

/** PATCH /congress/sessions/:id: time, place, title or the proposal window, until the session is closed. */
export async function updateSession(ctx: Ctx, id: string, input: SessionPatch): Promise<void> {
  const { org, session, term } = await loadSession(ctx, id, 'congress.manage');
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，不能再修改');
  if (input.startsAt) checkWithinTerm(term, input.startsAt);
  const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
  const next = { title: input.title, startsAt: toDate(input.startsAt) ?? undefined, place: input.place, proposalsOpenAt: toDate(input.proposalsOpenAt), proposalsCloseAt: toDate(input.proposalsCloseAt) };
  const patch = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Partial<SessionRow>;
  const opens = patch.proposalsOpenAt !== undefined ? patch.proposalsOpenAt : session.proposalsOpenAt;
  const closes = patch.proposalsCloseAt !== undefined ? patch.proposalsCloseAt : session.proposalsCloseAt;
  if ((opens === null) !== (closes === null)) throw fieldError('proposalsCloseAt', '请同时填写提案征集开始和截止时间');
  if (opens && closes && closes <= opens) throw fieldError('proposalsCloseAt', '提案征集截止时间应晚于开始时间');
  const shown = (s: Partial<SessionRow>) => ({ ...s, startsAt: s.startsAt ? instant(s.startsAt) : s.startsAt, proposalsOpenAt: s.proposalsOpenAt ? instant(s.proposalsOpenAt) : s.proposalsOpenAt, proposalsCloseAt: s.proposalsCloseAt ? instant(s.proposalsCloseAt) : s.proposalsCloseAt });
  const changes = diffFields(shown(session), shown(patch), ['title', 'startsAt', 'place', 'proposalsOpenAt', 'proposalsCloseAt']);
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(congressSessions).set({ ...patch, updatedAt: new Date() }).where(eq(congressSessions.id, session.id));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.session.updated', entityType: 'congress_session', entityId: session.id, entityLabel: session.title, changes });
  });
}

/** POST /congress/sessions/:id/open | close: planned → open (会议开始) → closed (闭幕, not while a vote is open). */
export async function moveSession(ctx: Ctx, id: string, to: 'open' | 'closed'): Promise<void> {
  const { org, session } = await loadSession(ctx, id, 'congress.manage');
  const from = to === 'open' ? 'planned' : 'open';
  if (session.status !== from) {
    throw new AppError('CONFLICT', to === 'open' ? (session.status === 'open' ? '会议已在进行中' : '会议已闭幕') : session.status === 'planned' ? '会议尚未开始' : '会议已闭幕');
  }
  if (to === 'open') {
    // The representatives' mandates end with their term: a term past its end holds no more sessions.
    const { term } = await loadTerm(ctx, session.termId, 'congress.manage');
    if (todayInShanghai() > term.endsOn) throw new AppError('CONFLICT', `${termLabel(term)}的任期已于 ${term.endsOn} 届满，不能再召开会议；请先产生新一届代表`);
  }
  await ctx.db.transaction(async (tx) => {
    // Locked first: a vote being opened holds the row in share mode, so its opening is seen by the count below.
    if ((await lockedSessionStatus(tx, session.id, 'update')) !== from) throw new AppError('CONFLICT', '会议状态已变化，请刷新后重试');
    if (to === 'closed') {
      const [{ n }] = await tx.select({ n: count() }).from(congressVotes).where(and(eq(congressVotes.sessionId, session.id), eq(congressVotes.status, 'open')));
      if (Number(n) > 0) throw new AppError('CONFLICT', `还有 ${n} 项表决未结束，请先结束表决再闭幕`);
    }
    await tx.update(congressSessions).set({ status: to, updatedAt: new Date() }).where(eq(congressSessions.id, session.id));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: to === 'open' ? 'congress.session.opened' : 'congress.session.closed', entityType: 'congress_session', entityId: session.id, entityLabel: session.title });
  });
}

/** POST /congress/sessions/:id/agenda: an item placed last. */
export async function addAgendaItem(ctx: Ctx, sessionId: string, input: z.infer<typeof agendaItemInputSchema>): Promise<void> {
  const { org, session } = await loadSession(ctx, sessionId, 'congress.manage');
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，不能再修改议程');
  await ctx.db.transaction(async (tx) => {
    // The session row's lock makes two additions at once count one after the other (the limit holds).
    if ((await lockedSessionStatus(tx, session.id, 'update')) === 'closed') throw new AppError('CONFLICT', '会议已闭幕，不能再修改议程');
    const [{ n, last }] = await tx.select({ n: count(), last: max(congressAgendaItems.position) }).from(congressAgendaItems).where(eq(congressAgendaItems.sessionId, session.id));
    if (Number(n) >= CONGRESS_LIMITS.agendaMax) throw new AppError('CONFLICT', `议程最多 ${CONGRESS_LIMITS.agendaMax} 项`);
    await tx.insert(congressAgendaItems).values({ orgId: org.id, sessionId: session.id, position: (last ?? -1) + 1, ...input });
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.session.agendaAdded', entityType: 'congress_session', entityId: session.id, entityLabel: session.title, changes: { item: { to: input.title } } });
  });
}

/** An agenda item of the union with its session, or 404. */
async function loadAgendaItem(ctx: Ctx, id: string) {
  const org = congressOrg(ctx, 'congress.manage');
  const [item] = await ctx.db.select().from(congressAgendaItems).where(and(eq(congressAgendaItems.orgId, org.id), eq(congressAgendaItems.id, id)));
  if (!item) throw notFound('议题');
  const { session } = await loadSession(ctx, item.sessionId, 'congress.manage');
  if (session.status === 'closed') throw new AppError('CONFLICT', '会议已闭幕，不能再修改议程');
  return { org, item, session };
}

/** PATCH /congress/agenda/:id; returns the session's id. */
export async function updateAgendaItem(ctx: Ctx, id: string, input: z.infer<typeof agendaItemPatchSchema>): Promise<string> {
  const { org, item, session } = await loadAgendaItem(ctx, id);
  const changes = diffFields(item, input, ['title', 'kind', 'description', 'position']);
  if (Object.keys(changes).length === 0) return session.id;
  await ctx.db.transaction(async (tx) => {
    await tx.update(congressAgendaItems).set(input).where(eq(congressAgendaItems.id, item.id));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.session.agendaUpdated', entityType: 'congress_session', entityId: session.id, entityLabel: item.title, changes });
  });
  return session.id;
}

/** DELETE /congress/agenda/:id: an item no vote was set up for; returns the session's id. */
export async function removeAgendaItem(ctx: Ctx, id: string): Promise<string> {
  const { org, item, session } = await loadAgendaItem(ctx, id);
  await ctx.db.transaction(async (tx) => {
    // Locking the item first: a vote being set up on it either committed before (and is counted here) or waits and
    // then finds the item gone (createVote locks it too).
    const [held] = await tx.select({ id: congressAgendaItems.id }).from(congressAgendaItems).where(eq(congressAgendaItems.id, item.id)).for('update');
    if (!held) throw notFound('议题');
    const [{ n }] = await tx.select({ n: count() }).from(congressVotes).where(eq(congressVotes.agendaItemId, item.id));
    if (Number(n) > 0) throw new AppError('CONFLICT', '该议题已安排表决，不能删除');
    await tx.delete(congressAgendaItems).where(eq(congressAgendaItems.id, item.id));
    await writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.session.agendaRemoved', entityType: 'congress_session', entityId: session.id, entityLabel: session.title, changes: { item: { from: item.title } } });
  });
  return session.id;
}
