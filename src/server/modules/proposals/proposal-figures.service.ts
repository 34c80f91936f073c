import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { ProposalFigures, ProposalFiguresView } from '../../../contracts/proposals.js';
import { proposalFigures, type ProposalFigureRow, type ReplyRoundRow } from '../../../domain/congress/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import type { Db } from '../../db/client.js';
import { congressSessions, proposals } from '../../db/schema/index.js';
import type { Ctx } from '../../http/context.js';
import { reviewerScope } from './proposals.access.js';
import { sessionView } from './proposals.presenter.js';
import { replyRoundsWhere, selectSummaries, sessionsOf } from './proposals.repository.js';
import { sessionOfUnion } from './proposal-views.service.js';

/*
 * 立案率, 按期答复率, 办结率, 满意率 (domain/congress proposalFigures) for a session and per lead department, and the
 * same for the plan goals' readers. A proposal is read at its current round (its lead department, and the proposer's
 * rating of that round — so a proposal sent back for a second reply counts as rated only once rated again); 按期答复率
 * is read over every round, each against its own deadline and credited to that round's lead department.
 */

/** What the figures read of a proposal, with its lead department of the current round. */
export interface FigureRow extends ProposalFigureRow {
  leadUserId: string | null;
  leadName: string | null;
}

/** A round of handling with its lead department. */
export interface FigureRound extends ReplyRoundRow {
  leadUserId: string;
  leadName: string;
}

/** The figure rows and rounds of the proposals matching a condition (only what was submitted counts, never a draft). */
export async function figureRows(db: Db, where: SQL | undefined): Promise<{ rows: FigureRow[]; rounds: FigureRound[] }> {
  const [rows, rounds] = await Promise.all([selectSummaries(db).where(and(isNotNull(proposals.submittedAt), where)), replyRoundsWhere(db, where)]);
  return {
    rows: rows.map((r) => ({ status: r.status, kind: r.kind, finalRating: r.rating, leadUserId: r.leadUserId, leadName: r.leadName })),
    rounds: rounds.map((r) => ({ replyDueOn: r.replyDueOn, repliedOn: r.repliedOn, leadUserId: r.leadUserId, leadName: r.leadName })),
  };
}

/** The figures of the union's sessions held in a period (their date, Asia/Shanghai), for the plan's goals. */
export async function figuresOfPeriod(db: Db, orgId: string, period: { start: string; end: string }, today: string): Promise<ProposalFiguresView> {
  const day = sql`to_char(${congressSessions.startsAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const { rows, rounds } = await figureRows(db, and(eq(proposals.orgId, orgId), sql`${day} >= ${period.start}`, sql`${day} <= ${period.end}`));
  return proposalFigures(rows, rounds, today);
}

/**
 * GET /proposals/figures?sessionId: a session's figures (the latest session by default), the count of opinions, the
 * count per state, and the figures of each lead department.
 */
export async function proposalFiguresOf(ctx: Ctx, sessionId?: string): Promise<ProposalFigures> {
  const scope = await reviewerScope(ctx);
  const now = new Date();
  const today = todayInShanghai(now);
  const all = await sessionsOf(ctx.db, scope.union.id);
  const sessions = all.map((s) => sessionView(s.session, s.termNumber, now));
  const chosen = sessionId ? (await sessionOfUnion(ctx, scope, sessionId)).session.id : (sessions[0]?.id ?? null);
  const { rows, rounds } = chosen ? await figureRows(ctx.db, and(eq(proposals.orgId, scope.union.id), eq(proposals.sessionId, chosen))) : { rows: [], rounds: [] };
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const departments = new Map<string, { name: string; rows: FigureRow[]; rounds: FigureRound[] }>();
  const departmentOf = (userId: string, name: string | null) => {
    const d = departments.get(userId) ?? { name: name ?? '', rows: [], rounds: [] };
    departments.set(userId, d);
    return d;
  };
  for (const r of rows) if (r.leadUserId) departmentOf(r.leadUserId, r.leadName).rows.push(r);
  for (const r of rounds) departmentOf(r.leadUserId, r.leadName).rounds.push(r);
  const byDepartment = [...departments.entries()]
    .map(([userId, d]) => ({ userId, name: d.name, ...(proposalFigures(d.rows, d.rounds, today) as ProposalFiguresView) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    session: sessions.find((s) => s.id === chosen) ?? null,
    sessions,
    overall: proposalFigures(rows, rounds, today),
    opinions: rows.filter((r) => r.kind === 'opinion' && r.status !== 'withdrawn').length,
    byStatus,
    byDepartment,
  };
}
