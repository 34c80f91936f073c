import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  congressAttendance,
  congressConstituencies,
  congressRepresentatives,
  congressSessions,
  congressTerms,
  congressVotes,
  congressVoteVoters,
  members,
  orgs,
} from '../../db/schema/index.js';

export type TermRow = typeof congressTerms.$inferSelect;
export type SessionRow = typeof congressSessions.$inferSelect;
export type VoteRow = typeof congressVotes.$inferSelect;
export type RepresentativeRow = typeof congressRepresentatives.$inferSelect;

/** The part of a term the voter rules read. */
export type TermKey = Pick<TermRow, 'id' | 'orgId' | 'form'>;

/**
 * Who votes in a term, as a condition on `members`: the active representatives of kind 'representative' (invited
 * and attending-only people have no vote), or, in an all-staff meeting, every member in employment whose membership
 * is normal (保留会籍 does not vote, DOMAIN.md §2).
 */
export function voterCondition(term: TermKey): SQL {
  if (term.form === 'all_staff') {
    return and(eq(members.orgId, term.orgId), eq(members.employmentStatus, 'active'), eq(members.membershipStatus, 'normal'))!;
  }
  return and(
    eq(members.orgId, term.orgId),
    sql`EXISTS (SELECT 1 FROM ${congressRepresentatives} r WHERE r.term_id = ${term.id} AND r.member_id = ${members.id} AND r.status = 'active' AND r.kind = 'representative')`,
  )!;
}

/** A term of the union, or undefined (another union's id included). */
export async function findTerm(db: Db, orgId: string, id: string): Promise<TermRow | undefined> {
  const [row] = await db.select().from(congressTerms).where(and(eq(congressTerms.orgId, orgId), eq(congressTerms.id, id)));
  return row;
}

/** The union's terms, newest first. */
export async function termsOf(db: Db, orgId: string): Promise<TermRow[]> {
  return db.select().from(congressTerms).where(eq(congressTerms.orgId, orgId)).orderBy(desc(congressTerms.number));
}

/** A session of the union with its term, or undefined. */
export async function findSession(db: Db, orgId: string, id: string): Promise<{ session: SessionRow; term: TermRow } | undefined> {
  const [row] = await db
    .select({ session: congressSessions, term: congressTerms })
    .from(congressSessions)
    .innerJoin(congressTerms, eq(congressTerms.id, congressSessions.termId))
    .where(and(eq(congressSessions.orgId, orgId), eq(congressSessions.id, id)));
  return row;
}

/** A vote of the union with its session and term, or undefined. */
export async function findVote(db: Db, orgId: string, id: string): Promise<{ vote: VoteRow; session: SessionRow; term: TermRow } | undefined> {
  const [row] = await db
    .select({ vote: congressVotes, session: congressSessions, term: congressTerms })
    .from(congressVotes)
    .innerJoin(congressSessions, eq(congressSessions.id, congressVotes.sessionId))
    .innerJoin(congressTerms, eq(congressTerms.id, congressSessions.termId))
    .where(and(eq(congressVotes.orgId, orgId), eq(congressVotes.id, id)));
  return row;
}

/**
 * A session's status read under a row lock, inside a transaction: FOR SHARE by what needs the session to stay as it
 * is until commit (opening a vote, arranging one, attendance), FOR UPDATE by opening or closing it — so closing
 * waits for a vote being opened (and then sees it open), and a vote opened after the close sees the session closed.
 */
export async function lockedSessionStatus(tx: Db, sessionId: string, mode: 'share' | 'update'): Promise<SessionRow['status'] | undefined> {
  const [row] = await tx.select({ status: congressSessions.status }).from(congressSessions).where(eq(congressSessions.id, sessionId)).for(mode);
  return row?.status;
}

/** The sessions of a term, in order. */
export async function sessionsOf(db: Db, termId: string): Promise<SessionRow[]> {
  return db.select().from(congressSessions).where(eq(congressSessions.termId, termId)).orderBy(asc(congressSessions.number));
}

/** How many sessions each term has. */
export async function sessionCounts(db: Db, termIds: string[]): Promise<Map<string, number>> {
  if (termIds.length === 0) return new Map();
  const rows = await db.select({ termId: congressSessions.termId, n: count() }).from(congressSessions).where(inArray(congressSessions.termId, termIds)).groupBy(congressSessions.termId);
  return new Map(rows.map((r) => [r.termId, Number(r.n)]));
}

/** How many vote in the term now (应到 of a vote opened now). */
export async function voterCount(db: Db, term: TermKey): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).where(voterCondition(term));
  return Number(row.n);
}

/** 应到 / 实到 / 缺席 of a session, over the voters of its term as they are now. */
export async function attendanceCounts(db: Db, term: TermKey, sessionId: string): Promise<{ expected: number; present: number; absent: number }> {
  const [row] = await db
    .select({
      expected: sql<number>`count(*)::int`,
      present: sql<number>`(count(*) FILTER (WHERE ${congressAttendance.status} = 'present'))::int`,
      absent: sql<number>`(count(*) FILTER (WHERE ${congressAttendance.status} = 'absent'))::int`,
    })
    .from(members)
    .leftJoin(congressAttendance, and(eq(congressAttendance.sessionId, sessionId), eq(congressAttendance.memberId, members.id)))
    .where(voterCondition(term));
  return { expected: Number(row.expected), present: Number(row.present), absent: Number(row.absent) };
}

/** The member file of a user in the union (members.user_id = the account and members.org_id = the union). */
export async function memberOfUser(db: Db, orgId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.userId, userId)))
    .orderBy(asc(members.createdAt))
    .limit(1);
  return row;
}

/** A member's place in a term: their active mandate (if any) and whether they vote. */
export async function standingIn(db: Db, term: TermKey, memberId: string): Promise<{ isVoter: boolean; representative: { id: string; kind: RepresentativeRow['kind']; constituencyName: string | null } | null }> {
  const [rep] = await db
    .select({ id: congressRepresentatives.id, kind: congressRepresentatives.kind, constituencyName: congressConstituencies.name })
    .from(congressRepresentatives)
    .leftJoin(congressConstituencies, eq(congressConstituencies.id, congressRepresentatives.constituencyId))
    .where(and(eq(congressRepresentatives.termId, term.id), eq(congressRepresentatives.memberId, memberId), eq(congressRepresentatives.status, 'active')));
  const [voter] = await db.select({ id: members.id }).from(members).where(and(eq(members.id, memberId), voterCondition(term)));
  return { isVoter: voter !== undefined, representative: rep ?? null };
}

/** Every mandate of a term with the member's file and constituency, for lists and the composition. */
export async function representativeRows(db: Db, termId: string) {
  return db
    .select({
      rep: congressRepresentatives,
      name: members.name,
      gender: members.gender,
      birthDate: members.birthDate,
      groupName: orgs.name,
      constituencyName: congressConstituencies.name,
      constituencyPosition: congressConstituencies.position,
      pinyinKey: members.pinyinKey,
    })
    .from(congressRepresentatives)
    .innerJoin(members, eq(members.id, congressRepresentatives.memberId))
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .leftJoin(congressConstituencies, eq(congressConstituencies.id, congressRepresentatives.constituencyId))
    .where(eq(congressRepresentatives.termId, termId))
    .orderBy(sql`${congressConstituencies.position} NULLS LAST`, asc(congressConstituencies.name), asc(members.pinyinKey), asc(congressRepresentatives.electedOn));
}
export type RepresentativeListRow = Awaited<ReturnType<typeof representativeRows>>[number];

/** The constituencies of a term with their active representatives (of every kind); the outer column is named in full, as a one-table select leaves its columns unqualified. */
export async function constituenciesOf(db: Db, termId: string) {
  return db
    .select({
      id: congressConstituencies.id,
      name: congressConstituencies.name,
      position: congressConstituencies.position,
      representatives: sql<number>`(SELECT count(*)::int FROM ${congressRepresentatives} r WHERE r.constituency_id = "congress_constituencies"."id" AND r.status = 'active')`,
    })
    .from(congressConstituencies)
    .where(eq(congressConstituencies.termId, termId))
    .orderBy(asc(congressConstituencies.position), asc(congressConstituencies.name));
}

/** A member file of the union, with what adding a mandate checks. */
export async function rosterMember(db: Db, orgId: string, memberId: string) {
  const [row] = await db
    .select({ id: members.id, name: members.name, postType: members.postType, employmentStatus: members.employmentStatus, membershipStatus: members.membershipStatus })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
  return row;
}

/** Online ballots cast per vote. */
export async function ballotCounts(db: Db, voteIds: string[]): Promise<Map<string, number>> {
  if (voteIds.length === 0) return new Map();
  const rows = await db.select({ voteId: congressVoteVoters.voteId, n: count() }).from(congressVoteVoters).where(inArray(congressVoteVoters.voteId, voteIds)).groupBy(congressVoteVoters.voteId);
  return new Map(rows.map((r) => [r.voteId, Number(r.n)]));
}

/** A member's ballots among the given votes (the choice is null in a secret vote). */
export async function ballotsOf(db: Db, memberId: string, voteIds: string[]): Promise<Map<string, 'yes' | 'no' | 'abstain' | null>> {
  if (voteIds.length === 0) return new Map();
  const rows = await db
    .select({ voteId: congressVoteVoters.voteId, choice: congressVoteVoters.choice })
    .from(congressVoteVoters)
    .where(and(eq(congressVoteVoters.memberId, memberId), inArray(congressVoteVoters.voteId, voteIds)));
  return new Map(rows.map((r) => [r.voteId, r.choice]));
}

/** The votes of a session, in agenda order then creation order. */
export async function votesOfSession(db: Db, sessionId: string): Promise<VoteRow[]> {
  return db.select().from(congressVotes).where(eq(congressVotes.sessionId, sessionId)).orderBy(asc(congressVotes.createdAt), asc(congressVotes.id));
}

/** A member's attendance entry at a session. */
export async function attendanceOf(db: Db, sessionId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(congressAttendance)
    .where(and(eq(congressAttendance.sessionId, sessionId), eq(congressAttendance.memberId, memberId)));
  return row;
}
