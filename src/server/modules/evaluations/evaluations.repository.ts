import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { EvaluationVoters } from '../../../contracts/evaluations.js';
import type { Db } from '../../db/client.js';
import { evaluations, evaluationVoters, members } from '../../db/schema/index.js';
import { findTerm, voterCondition } from '../congress/congress.repository.js';

export type EvaluationRow = typeof evaluations.$inferSelect;

/** A target as stored: the key given by the server, the name and post as entered. */
export interface StoredTarget {
  key: string;
  name: string;
  post: string;
}

/** An evaluation of the union, or undefined (another union's id included). */
export async function findEvaluation(db: Db, orgId: string, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(evaluations).where(and(eq(evaluations.orgId, orgId), eq(evaluations.id, id)));
  return row;
}

/** The union's evaluations, newest first; for a viewer who does not manage them, only the published ones whose roll holds `memberId`. */
export async function evaluationsOf(db: Db, orgId: string, onRollOf?: string | null): Promise<EvaluationRow[]> {
  if (onRollOf === undefined) return db.select().from(evaluations).where(eq(evaluations.orgId, orgId)).orderBy(desc(evaluations.createdAt), desc(evaluations.id));
  if (onRollOf === null) return [];
  const rows = await db
    .select({ e: evaluations })
    .from(evaluations)
    .innerJoin(evaluationVoters, and(eq(evaluationVoters.evaluationId, evaluations.id), eq(evaluationVoters.memberId, onRollOf)))
    .where(eq(evaluations.orgId, orgId))
    .orderBy(desc(evaluations.createdAt), desc(evaluations.id));
  return rows.map((r) => r.e);
}

/** Published evaluations whose window has ended (of one union, or of every union for the job). */
export async function dueEvaluations(db: Db, now: Date, orgId?: string): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: evaluations.id, orgId: evaluations.orgId })
    .from(evaluations)
    .where(and(eq(evaluations.status, 'published'), lte(evaluations.closesAt, now), orgId ? eq(evaluations.orgId, orgId) : undefined))
    .orderBy(asc(evaluations.closesAt), asc(evaluations.id));
}

/** How many on each evaluation's roll have voted. */
export async function castCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: evaluationVoters.evaluationId, n: sql<number>`(count(*) FILTER (WHERE ${evaluationVoters.hasVoted}))::int` })
    .from(evaluationVoters)
    .where(inArray(evaluationVoters.evaluationId, ids))
    .groupBy(evaluationVoters.evaluationId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The member's places on the rolls of the given evaluations (evaluation id → has voted). */
export async function rollPlacesOf(db: Db, memberId: string, ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: evaluationVoters.evaluationId, hasVoted: evaluationVoters.hasVoted })
    .from(evaluationVoters)
    .where(and(eq(evaluationVoters.memberId, memberId), inArray(evaluationVoters.evaluationId, ids)));
  return new Map(rows.map((r) => [r.id, r.hasVoted]));
}

/** The member file of a user in the union (the first, as everywhere). */
export async function memberIdOfUser(db: Db, orgId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.userId, userId)))
    .orderBy(asc(members.createdAt), asc(members.id))
    .limit(1);
  return row?.id ?? null;
}

/** Who may vote as members of a union: in employment, with a normal membership (保留会籍 does not vote). */
const isEntitled = (orgId: string) => and(eq(members.orgId, orgId), eq(members.employmentStatus, 'active'), eq(members.membershipStatus, 'normal'))!;

/** A person of the roll as it would be fixed now. */
export interface RollPerson {
  memberId: string;
  userId: string | null;
  postType: (typeof members.$inferSelect)['postType'] | null;
}

/** The condition on `members` a voters setting stands for; null: the term is not the union's. */
async function rollCondition(db: Db, orgId: string, voters: EvaluationVoters): Promise<SQL | null> {
  switch (voters.kind) {
    case 'term': {
      const term = await findTerm(db, orgId, voters.termId);
      return term ? voterCondition(term) : null;
    }
    case 'members':
      return isEntitled(orgId);
    case 'list':
      return and(isEntitled(orgId), inArray(members.id, voters.memberIds))!;
  }
}

/** The people a voters setting names now; null: the term is not the union's. */
export async function rollOf(db: Db, orgId: string, voters: EvaluationVoters): Promise<RollPerson[] | null> {
  const condition = await rollCondition(db, orgId, voters);
  if (!condition) return null;
  return db.select({ memberId: members.id, userId: members.userId, postType: members.postType }).from(members).where(condition).orderBy(asc(members.id));
}

/** How many a voters setting names now; null: the term is not the union's. */
export async function rollSize(db: Db, orgId: string, voters: EvaluationVoters): Promise<number | null> {
  const condition = await rollCondition(db, orgId, voters);
  if (!condition) return null;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(condition);
  return Number(row.n);
}

/** Of the listed ids, those that are not members of the union in employment with a normal membership: named when on the roster, else counted. */
export async function unentitledOf(db: Db, orgId: string, memberIds: string[]): Promise<{ names: string[]; unknown: number }> {
  const found = await db
    .select({ id: members.id, name: members.name, isEntitled: sql<boolean>`(${members.employmentStatus} = 'active' AND ${members.membershipStatus} = 'normal')` })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, memberIds)));
  const byId = new Map(found.map((f) => [f.id, f]));
  const names = memberIds.map((id) => byId.get(id)).filter((f) => f !== undefined && !f.isEntitled).map((f) => f!.name);
  return { names, unknown: memberIds.filter((id) => !byId.has(id)).length };
}

/** The members of the union among `ids`, with their names, by pinyin (a 指定人员 list as the organisers see it). */
export async function memberNamesOf(db: Db, orgId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, ids)))
    .orderBy(asc(members.pinyinKey), asc(members.id));
}

/** The number of a term of the union (第N届 in "教代会代表（第二届，67 人）"), or null when the term is not the union's. */
export async function termNumberOf(db: Db, orgId: string, termId: string): Promise<number | null> {
  const term = await findTerm(db, orgId, termId);
  return term?.number ?? null;
}
