import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  congressConstituencies,
  congressRepresentatives,
  congressSessions,
  congressTerms,
  members,
  proposalAssignments,
  proposalFiles,
  proposalNotes,
  proposalRatings,
  proposalReplies,
  proposals,
  proposalSigners,
  roleAssignments,
  users,
} from '../../db/schema/index.js';

/*
 * Reading proposals and what hangs on them. Every query names the union (`orgId`), so an id of another union finds
 * nothing. Dates of instants are read as Asia/Shanghai calendar days where a day is compared with a deadline.
 */

const shanghaiDay = (col: unknown) => sql<string>`to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** The columns a proposal list shows, with the counts and the current round's lead, reply and the proposer's rating. */
const summaryColumns = {
  id: proposals.id,
  orgId: proposals.orgId,
  termId: proposals.termId,
  sessionId: proposals.sessionId,
  sessionTitle: congressSessions.title,
  number: proposals.number,
  kind: proposals.kind,
  status: proposals.status,
  title: proposals.title,
  category: proposals.category,
  proposerMemberId: proposals.proposerMemberId,
  proposerName: members.name,
  proposerUserId: members.userId,
  round: proposals.round,
  replyDueOn: proposals.replyDueOn,
  responsibleLeader: proposals.responsibleLeader,
  submittedAt: proposals.submittedAt,
  updatedAt: proposals.updatedAt,
  cosignersMin: congressTerms.cosignersMin,
  confirmed: sql<number>`(SELECT count(*) FROM proposal_signers s WHERE s.proposal_id = ${proposals.id} AND s.role = 'cosigner' AND s.status = 'confirmed')`.mapWith(Number),
  invited: sql<number>`(SELECT count(*) FROM proposal_signers s WHERE s.proposal_id = ${proposals.id} AND s.role = 'cosigner' AND s.status = 'invited')`.mapWith(Number),
  leadUserId: sql<string | null>`(SELECT a.handler_user_id FROM proposal_assignments a WHERE a.proposal_id = ${proposals.id} AND a.round = ${proposals.round} AND a.role = 'lead' LIMIT 1)`,
  leadName: sql<string | null>`(SELECT u.display_name FROM proposal_assignments a JOIN users u ON u.id = a.handler_user_id WHERE a.proposal_id = ${proposals.id} AND a.round = ${proposals.round} AND a.role = 'lead' LIMIT 1)`,
  resultCode: sql<'A' | 'B' | 'C' | 'D' | null>`(SELECT r.result_code FROM proposal_replies r WHERE r.proposal_id = ${proposals.id} AND r.round = ${proposals.round})`,
  repliedOn: sql<string | null>`(SELECT to_char(r.replied_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM proposal_replies r WHERE r.proposal_id = ${proposals.id} AND r.round = ${proposals.round})`,
  rating: sql<'satisfied' | 'basic' | 'unsatisfied' | null>`(SELECT pr.rating FROM proposal_ratings pr WHERE pr.proposal_id = ${proposals.id} AND pr.round = ${proposals.round} AND pr.member_id = ${proposals.proposerMemberId})`,
};

/** The summary select, joined to the session, the term and the proposer; the caller adds WHERE and ORDER. */
export function selectSummaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(proposals)
    .innerJoin(congressSessions, eq(congressSessions.id, proposals.sessionId))
    .innerJoin(congressTerms, eq(congressTerms.id, proposals.termId))
    .innerJoin(members, eq(members.id, proposals.proposerMemberId));
}

/** Lists in a stable order: numbered ones by number, then the newest submissions, then drafts. */
export const LIST_ORDER = [sql`${proposals.number} ASC NULLS LAST`, sql`${proposals.submittedAt} DESC NULLS LAST`, desc(proposals.createdAt), asc(proposals.id)];

/** Summaries matching a condition, in list order (at most `limit`). */
export async function summariesWhere(db: Db, where: SQL | undefined, limit = 200, offset = 0) {
  return selectSummaries(db).where(where).orderBy(...LIST_ORDER).limit(limit).offset(offset);
}
/** A proposal with what its lists show. */
export type ProposalRow = Awaited<ReturnType<typeof summariesWhere>>[number];

/** One proposal of the union with everything its page shows of its own row, or null. */
export async function findProposal(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      ...summaryColumns,
      reasons: proposals.reasons,
      suggestions: proposals.suggestions,
      mergedIntoId: proposals.mergedIntoId,
      reviewReason: proposals.reviewReason,
      reviewedAt: proposals.reviewedAt,
      reviewerName: sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = ${proposals.reviewedBy})`,
      closedAt: proposals.closedAt,
      termNumber: congressTerms.number,
      termForm: congressTerms.form,
      replyWeeks: congressTerms.replyWeeks,
      opensAt: congressSessions.proposalsOpenAt,
      closesAt: congressSessions.proposalsCloseAt,
    })
    .from(proposals)
    .innerJoin(congressSessions, eq(congressSessions.id, proposals.sessionId))
    .innerJoin(congressTerms, eq(congressTerms.id, proposals.termId))
    .innerJoin(members, eq(members.id, proposals.proposerMemberId))
    .where(and(eq(proposals.orgId, orgId), eq(proposals.id, id)))
    .limit(1);
  return row ?? null;
}
export type ProposalFull = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** The proposal's row locked for the rest of the transaction (the state it moves from), or null. */
export async function lockProposal(tx: Db, orgId: string, id: string) {
  const [row] = await tx.select().from(proposals).where(and(eq(proposals.orgId, orgId), eq(proposals.id, id))).for('update');
  return row ?? null;
}

/** Co-signers and joint proposers, with their names and accounts. */
export async function signersOf(db: Db, proposalId: string) {
  return db
    .select({ memberId: proposalSigners.memberId, name: members.name, userId: members.userId, role: proposalSigners.role, status: proposalSigners.status, respondedAt: proposalSigners.respondedAt })
    .from(proposalSigners)
    .innerJoin(members, eq(members.id, proposalSigners.memberId))
    .where(eq(proposalSigners.proposalId, proposalId))
    .orderBy(asc(proposalSigners.role), asc(members.pinyinKey));
}

/** Departments of every round, lead first. */
export async function assignmentsOf(db: Db, proposalId: string) {
  return db
    .select({
      round: proposalAssignments.round,
      role: proposalAssignments.role,
      userId: proposalAssignments.handlerUserId,
      name: users.displayName,
      replyDueOn: proposalAssignments.replyDueOn,
      assignedAt: proposalAssignments.assignedAt,
    })
    .from(proposalAssignments)
    .innerJoin(users, eq(users.id, proposalAssignments.handlerUserId))
    .where(eq(proposalAssignments.proposalId, proposalId))
    .orderBy(asc(proposalAssignments.round), desc(proposalAssignments.role), asc(users.displayName));
}

/**
 * Every round of handling of the submitted proposals matching a condition (on the proposal and its session): the
 * round's deadline (kept on its assignment rows), its lead department and the day of its reply, if any.
 */
export async function replyRoundsWhere(db: Db, where: SQL | undefined) {
  return db
    .select({
      proposalId: proposalAssignments.proposalId,
      round: proposalAssignments.round,
      replyDueOn: proposalAssignments.replyDueOn,
      leadUserId: proposalAssignments.handlerUserId,
      leadName: users.displayName,
      repliedOn: sql<string | null>`to_char(${proposalReplies.repliedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
    })
    .from(proposalAssignments)
    .innerJoin(proposals, eq(proposals.id, proposalAssignments.proposalId))
    .innerJoin(congressSessions, eq(congressSessions.id, proposals.sessionId))
    .innerJoin(users, eq(users.id, proposalAssignments.handlerUserId))
    .leftJoin(proposalReplies, and(eq(proposalReplies.proposalId, proposalAssignments.proposalId), eq(proposalReplies.round, proposalAssignments.round)))
    .where(and(eq(proposalAssignments.role, 'lead'), isNotNull(proposals.submittedAt), where))
    .orderBy(asc(proposalAssignments.proposalId), asc(proposalAssignments.round));
}

/** Replies of every round. */
export async function repliesOf(db: Db, proposalId: string) {
  return db
    .select({
      id: proposalReplies.id,
      round: proposalReplies.round,
      resultCode: proposalReplies.resultCode,
      text: proposalReplies.text,
      handlerUserId: proposalReplies.handlerUserId,
      handler: sql<string>`coalesce((SELECT u.display_name FROM users u WHERE u.id = ${proposalReplies.handlerUserId}), '')`,
      repliedAt: proposalReplies.repliedAt,
      repliedOn: shanghaiDay(proposalReplies.repliedAt),
    })
    .from(proposalReplies)
    .where(eq(proposalReplies.proposalId, proposalId))
    .orderBy(asc(proposalReplies.round));
}

/** Ratings of every round. */
export async function ratingsOf(db: Db, proposalId: string) {
  return db
    .select({ round: proposalRatings.round, memberId: proposalRatings.memberId, name: members.name, rating: proposalRatings.rating, comment: proposalRatings.comment, at: proposalRatings.at })
    .from(proposalRatings)
    .innerJoin(members, eq(members.id, proposalRatings.memberId))
    .where(eq(proposalRatings.proposalId, proposalId))
    .orderBy(asc(proposalRatings.round), asc(proposalRatings.at));
}

/** 督办 notes, oldest first. */
export async function notesOf(db: Db, proposalId: string) {
  return db
    .select({ id: proposalNotes.id, text: proposalNotes.text, author: sql<string>`coalesce(${users.displayName}, '')`, at: proposalNotes.at })
    .from(proposalNotes)
    .leftJoin(users, eq(users.id, proposalNotes.authorUserId))
    .where(eq(proposalNotes.proposalId, proposalId))
    .orderBy(asc(proposalNotes.at), asc(proposalNotes.id));
}

/** Files (never their bytes), with the round of the reply they belong to. */
export async function filesOf(db: Db, proposalId: string) {
  return db
    .select({ id: proposalFiles.id, name: proposalFiles.name, mime: proposalFiles.mime, size: proposalFiles.size, replyRound: proposalReplies.round })
    .from(proposalFiles)
    .leftJoin(proposalReplies, eq(proposalReplies.id, proposalFiles.replyId))
    .where(eq(proposalFiles.proposalId, proposalId))
    .orderBy(asc(proposalFiles.createdAt), asc(proposalFiles.id));
}

/** Proposals merged into this one. */
export async function mergedFrom(db: Db, proposalId: string) {
  return db
    .select({ id: proposals.id, title: proposals.title, proposerName: members.name })
    .from(proposals)
    .innerJoin(members, eq(members.id, proposals.proposerMemberId))
    .where(eq(proposals.mergedIntoId, proposalId))
    .orderBy(asc(proposals.createdAt));
}

/** The actor's member files on the union's roster (normally one). */
export async function memberIdsOfUser(db: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.orgId, orgId), eq(members.userId, userId)));
  return rows.map((r) => r.id);
}

export type TermRow = typeof congressTerms.$inferSelect;
export type SessionRow = typeof congressSessions.$inferSelect;

/** A session of the union with its term, or null. */
export async function findSession(db: Db, orgId: string, id: string): Promise<{ session: SessionRow; term: TermRow } | null> {
  const [row] = await db
    .select({ session: congressSessions, term: congressTerms })
    .from(congressSessions)
    .innerJoin(congressTerms, eq(congressTerms.id, congressSessions.termId))
    .where(and(eq(congressSessions.orgId, orgId), eq(congressSessions.id, id)))
    .limit(1);
  return row ?? null;
}

/** The term in force on a day (started, not ended), else the latest one; null when the union has none. */
export async function currentTerm(db: Db, orgId: string, today: string): Promise<TermRow | null> {
  const [row] = await db
    .select()
    .from(congressTerms)
    .where(eq(congressTerms.orgId, orgId))
    .orderBy(sql`(${congressTerms.startsOn} <= ${today} AND ${congressTerms.endsOn} >= ${today}) DESC`, desc(congressTerms.number))
    .limit(1);
  return row ?? null;
}

/** Sessions of the union (of one term, or all), newest first, with their term's number. */
export async function sessionsOf(db: Db, orgId: string, termId?: string) {
  return db
    .select({ session: congressSessions, termNumber: congressTerms.number })
    .from(congressSessions)
    .innerJoin(congressTerms, eq(congressTerms.id, congressSessions.termId))
    .where(and(eq(congressSessions.orgId, orgId), termId ? eq(congressSessions.termId, termId) : undefined))
    .orderBy(desc(congressSessions.startsAt), desc(congressSessions.number));
}

/**
 * Which of these members may propose and co-sign in a term: active representatives (not invited, not 列席) of a
 * congress term; in an all-staff term (教职工大会), every member in employment with a normal membership.
 */
export async function eligibleAmong(db: Db, orgId: string, term: Pick<TermRow, 'id' | 'form'>, memberIds: string[]): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows =
    term.form === 'all_staff'
      ? await db
          .select({ id: members.id, name: members.name })
          .from(members)
          .where(and(eq(members.orgId, orgId), inArray(members.id, memberIds), eq(members.employmentStatus, 'active'), eq(members.membershipStatus, 'normal')))
      : await db
          .select({ id: members.id, name: members.name })
          .from(congressRepresentatives)
          .innerJoin(members, eq(members.id, congressRepresentatives.memberId))
          .where(
            and(
              eq(congressRepresentatives.orgId, orgId),
              eq(congressRepresentatives.termId, term.id),
              eq(congressRepresentatives.status, 'active'),
              eq(congressRepresentatives.kind, 'representative'),
              inArray(congressRepresentatives.memberId, memberIds),
            ),
          );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Everyone who may co-sign in a term, by name (with their constituency), for the phone's picker. */
export async function eligibleMembers(db: Db, orgId: string, term: Pick<TermRow, 'id' | 'form'>) {
  if (term.form === 'all_staff') {
    const rows = await db
      .select({ memberId: members.id, name: members.name })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.employmentStatus, 'active'), eq(members.membershipStatus, 'normal')))
      .orderBy(asc(members.pinyinKey));
    return rows.map((r) => ({ ...r, constituency: null }));
  }
  return db
    .select({ memberId: members.id, name: members.name, constituency: congressConstituencies.name })
    .from(congressRepresentatives)
    .innerJoin(members, eq(members.id, congressRepresentatives.memberId))
    .leftJoin(congressConstituencies, eq(congressConstituencies.id, congressRepresentatives.constituencyId))
    .where(and(eq(congressRepresentatives.orgId, orgId), eq(congressRepresentatives.termId, term.id), eq(congressRepresentatives.status, 'active'), eq(congressRepresentatives.kind, 'representative')))
    .orderBy(asc(congressConstituencies.position), asc(members.pinyinKey));
}

/** Names of members of the union (for refusals that name who is not a representative). */
export async function memberNames(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.orgId, orgId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The union's department accounts (role handler), by name. */
export async function handlersOf(db: Db, orgId: string) {
  return db
    .selectDistinct({ userId: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.orgId, orgId), eq(roleAssignments.role, 'handler')))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** The accounts that follow a proposal's reply: proposer, confirmed co-signers and joint proposers with an account. */
export async function followerUserIds(db: Db, proposalId: string, proposerMemberId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(
      sql`${members.id} = ${proposerMemberId} OR ${members.id} IN (SELECT s.member_id FROM proposal_signers s WHERE s.proposal_id = ${proposalId} AND (s.role = 'joint' OR s.status = 'confirmed'))`,
    );
  return rows.map((r) => r.userId).filter((u): u is string => u !== null);
}

/** The next number of a session's accepted proposals, under a lock of the session's numbering. */
export async function nextNumber(tx: Db, sessionId: string): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`proposal_numbers:${sessionId}`}))`);
  const [{ n }] = await tx
    .select({ n: sql<number>`coalesce(max(${proposals.number}), 0) + 1`.mapWith(Number) })
    .from(proposals)
    .where(eq(proposals.sessionId, sessionId));
  return n;
}
