import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import {
  congressAttendance,
  congressSessions,
  electionBallots,
  electionCandidates,
  electionOfficials,
  electionPaperEntries,
  electionRoll,
  electionRounds,
  electionRoundVoters,
  elections,
  members,
  users,
} from '../../db/schema/index.js';

export type ElectionRow = typeof elections.$inferSelect;
export type RoundRow = typeof electionRounds.$inferSelect;
export type CandidateRow = typeof electionCandidates.$inferSelect;
export type BallotRow = typeof electionBallots.$inferSelect;
export type PaperEntryRow = typeof electionPaperEntries.$inferSelect;

/** An election of the union, or undefined (another union's id included). */
export async function findElection(db: Db, orgId: string, id: string): Promise<ElectionRow | undefined> {
  const [row] = await db.select().from(elections).where(and(eq(elections.orgId, orgId), eq(elections.id, id)));
  return row;
}

/** A round of the union with its election, or undefined. */
export async function findRound(db: Db, orgId: string, id: string): Promise<{ round: RoundRow; election: ElectionRow } | undefined> {
  const [row] = await db
    .select({ round: electionRounds, election: elections })
    .from(electionRounds)
    .innerJoin(elections, eq(elections.id, electionRounds.electionId))
    .where(and(eq(electionRounds.orgId, orgId), eq(electionRounds.id, id)));
  return row;
}

/** A candidate of the union with its election, or undefined. */
export async function findCandidate(db: Db, orgId: string, id: string): Promise<{ candidate: CandidateRow; election: ElectionRow } | undefined> {
  const [row] = await db
    .select({ candidate: electionCandidates, election: elections })
    .from(electionCandidates)
    .innerJoin(elections, eq(elections.id, electionCandidates.electionId))
    .where(and(eq(electionCandidates.orgId, orgId), eq(electionCandidates.id, id)));
  return row;
}

/**
 * The election's status read under a row lock inside a transaction: FOR SHARE by what needs it to stay as it is
 * until commit (adding a candidate to a draft), FOR UPDATE by what changes it or must not run twice at once
 * (starting, opening a round, closing).
 */
export async function lockedElectionStatus(tx: Db, id: string, mode: 'share' | 'update'): Promise<ElectionRow['status'] | undefined> {
  const [row] = await tx.select({ status: elections.status }).from(elections).where(eq(elections.id, id)).for(mode);
  return row?.status;
}

/** The union's elections, newest first; `onlyFor` keeps those past the draft that the member is on the roll of or an official of. */
export async function electionsOf(db: Db, orgId: string, onlyFor?: string | null): Promise<ElectionRow[]> {
  const visible =
    onlyFor === undefined
      ? undefined
      : onlyFor === null
        ? sql`FALSE`
        : sql`${elections.status} <> 'draft' AND (EXISTS (SELECT 1 FROM ${electionRoll} r WHERE r.election_id = ${elections.id} AND r.member_id = ${onlyFor})
            OR EXISTS (SELECT 1 FROM ${electionOfficials} o WHERE o.election_id = ${elections.id} AND o.member_id = ${onlyFor}))`;
  return db
    .select()
    .from(elections)
    .where(and(eq(elections.orgId, orgId), visible))
    .orderBy(sql`${elections.createdAt} DESC`, asc(elections.id));
}

/** How many candidates and rounds each election has. */
export async function electionCounts(db: Db, ids: string[]): Promise<{ candidates: Map<string, number>; rounds: Map<string, number> }> {
  if (ids.length === 0) return { candidates: new Map(), rounds: new Map() };
  const c = await db.select({ id: electionCandidates.electionId, n: count() }).from(electionCandidates).where(inArray(electionCandidates.electionId, ids)).groupBy(electionCandidates.electionId);
  const r = await db.select({ id: electionRounds.electionId, n: count() }).from(electionRounds).where(inArray(electionRounds.electionId, ids)).groupBy(electionRounds.electionId);
  return { candidates: new Map(c.map((x) => [x.id, Number(x.n)])), rounds: new Map(r.map((x) => [x.id, Number(x.n)])) };
}

/** The candidates with the member file fields shown and printed (unsorted: the caller orders by stroke). */
export async function candidatesOf(db: Db, electionId: string) {
  return db
    .select({ id: electionCandidates.id, memberId: electionCandidates.memberId, note: electionCandidates.note, name: members.name, gender: members.gender, birthDate: members.birthDate })
    .from(electionCandidates)
    .innerJoin(members, eq(members.id, electionCandidates.memberId))
    .where(eq(electionCandidates.electionId, electionId));
}
export type CandidateListRow = Awaited<ReturnType<typeof candidatesOf>>[number];

/** The scrutineers (first) and counters with their names. */
export async function officialsOf(db: Db, electionId: string) {
  return db
    .select({ memberId: electionOfficials.memberId, role: electionOfficials.role, name: members.name, pinyinKey: members.pinyinKey })
    .from(electionOfficials)
    .innerJoin(members, eq(members.id, electionOfficials.memberId))
    .where(eq(electionOfficials.electionId, electionId))
    .orderBy(sql`CASE ${electionOfficials.role} WHEN 'scrutineer' THEN 0 ELSE 1 END`, asc(members.pinyinKey));
}

/** The rounds of an election, in order. */
export async function roundsOf(db: Db, electionId: string): Promise<RoundRow[]> {
  return db.select().from(electionRounds).where(eq(electionRounds.electionId, electionId)).orderBy(asc(electionRounds.number));
}

/** Online ballots cast per round (the "voted" rows). */
export async function onlineCastCounts(db: Db, roundIds: string[]): Promise<Map<string, number>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db.select({ id: electionRoundVoters.roundId, n: count() }).from(electionRoundVoters).where(inArray(electionRoundVoters.roundId, roundIds)).groupBy(electionRoundVoters.roundId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The rounds (among those given) in which the member has voted online. */
export async function roundsVotedBy(db: Db, memberId: string, roundIds: string[]): Promise<Set<string>> {
  if (roundIds.length === 0) return new Set();
  const rows = await db
    .select({ id: electionRoundVoters.roundId })
    .from(electionRoundVoters)
    .where(and(eq(electionRoundVoters.memberId, memberId), inArray(electionRoundVoters.roundId, roundIds)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Whether a roll entry counts as present, as SQL over `election_roll` (aliased "roll"): at a congress session the
 * session's attendance, at a members' meeting the roll's own tick.
 */
function presentExpr(e: Pick<ElectionRow, 'meetingKind' | 'sessionId'>): SQL {
  if (e.meetingKind === 'congress') {
    return sql`EXISTS (SELECT 1 FROM ${congressAttendance} a WHERE a.session_id = ${e.sessionId} AND a.member_id = roll.member_id AND a.status = 'present')`;
  }
  return sql`roll.present`;
}

/** 应到 (the roll) and 实到 (those of it present now). */
export async function rollCounts(db: Db, e: Pick<ElectionRow, 'id' | 'meetingKind' | 'sessionId'>): Promise<{ due: number; present: number }> {
  const rows = await db.execute(
    sql`SELECT count(*)::int AS due, (count(*) FILTER (WHERE ${presentExpr(e)}))::int AS present FROM ${electionRoll} roll WHERE roll.election_id = ${e.id}`,
  );
  const [row] = rowsOf<{ due: number; present: number }>(rows);
  return { due: Number(row?.due ?? 0), present: Number(row?.present ?? 0) };
}

/**
 * The roll with names, presence and whether each has voted on the phone in the open round (never how: the hall hands
 * paper ballots only to those who have not), by pinyin (how a clerk looks people up).
 */
export async function rollPeople(db: Db, e: Pick<ElectionRow, 'id' | 'meetingKind' | 'sessionId'>) {
  const rows = await db.execute(
    sql`SELECT roll.member_id AS "memberId", m.name, m.department, (${presentExpr(e)}) AS present,
          EXISTS (SELECT 1 FROM ${electionRoundVoters} v JOIN ${electionRounds} r ON r.id = v.round_id
                  WHERE r.election_id = ${e.id} AND r.status = 'open' AND v.member_id = roll.member_id) AS "votedOnline"
        FROM ${electionRoll} roll JOIN ${members} m ON m.id = roll.member_id
        WHERE roll.election_id = ${e.id} ORDER BY m.pinyin_key, m.id`,
  );
  return rowsOf<{ memberId: string; name: string; department: string | null; present: boolean; votedOnline: boolean }>(rows).map((r) => ({ ...r, present: Boolean(r.present), votedOnline: Boolean(r.votedOnline) }));
}

/** A member's place on the roll: whether they are on it and present now. */
export async function rollStanding(db: Db, e: Pick<ElectionRow, 'id' | 'meetingKind' | 'sessionId'>, memberId: string): Promise<{ isOnRoll: boolean; isPresent: boolean }> {
  const rows = await db.execute(
    sql`SELECT (${presentExpr(e)}) AS present FROM ${electionRoll} roll WHERE roll.election_id = ${e.id} AND roll.member_id = ${memberId}`,
  );
  const [row] = rowsOf<{ present: boolean }>(rows);
  return { isOnRoll: row !== undefined, isPresent: Boolean(row?.present) };
}

/**
 * Presence re-read under a share lock of the row it comes from, inside the casting transaction: a clerk unticking
 * the voter at this moment waits for the ballot, or the ballot sees the change.
 */
export async function lockedPresence(tx: Db, e: Pick<ElectionRow, 'id' | 'meetingKind' | 'sessionId'>, memberId: string): Promise<boolean> {
  if (e.meetingKind === 'congress') {
    const [row] = await tx
      .select({ status: congressAttendance.status })
      .from(congressAttendance)
      .where(and(eq(congressAttendance.sessionId, e.sessionId!), eq(congressAttendance.memberId, memberId)))
      .for('share');
    return row?.status === 'present';
  }
  const [row] = await tx.select({ present: electionRoll.present }).from(electionRoll).where(and(eq(electionRoll.electionId, e.id), eq(electionRoll.memberId, memberId))).for('share');
  return row?.present === true;
}

/** Session titles by id, for the meeting labels of a list. */
export async function sessionTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: congressSessions.id, title: congressSessions.title }).from(congressSessions).where(inArray(congressSessions.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Members of the union with what standing as a candidate or serving as an official checks. */
export async function unionMembers(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: members.id, name: members.name, employmentStatus: members.employmentStatus, membershipStatus: members.membershipStatus })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, ids)));
}

/** Whether the member is a counter (计票人) of the election. */
export async function isCounterOf(db: Db, electionId: string, memberId: string | null): Promise<boolean> {
  if (!memberId) return false;
  const [row] = await db
    .select({ role: electionOfficials.role })
    .from(electionOfficials)
    .where(and(eq(electionOfficials.electionId, electionId), eq(electionOfficials.memberId, memberId), eq(electionOfficials.role, 'counter')));
  return row !== undefined;
}

/** The tellers' entries of a round's paper ballots with the names of who entered them, by number then entry. */
export async function paperEntriesOf(db: Db, roundId: string) {
  return db
    .select({ entry: electionPaperEntries, by: users.displayName })
    .from(electionPaperEntries)
    .innerJoin(users, eq(users.id, electionPaperEntries.enteredBy))
    .where(eq(electionPaperEntries.roundId, roundId))
    .orderBy(asc(electionPaperEntries.paperNo), asc(electionPaperEntries.entry));
}

/** The ballots of a round (online and paper, once counted). */
export async function ballotsOf(db: Db, roundId: string): Promise<BallotRow[]> {
  return db.select().from(electionBallots).where(eq(electionBallots.roundId, roundId));
}
