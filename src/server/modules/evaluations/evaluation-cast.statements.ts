import { auditHashPrefix } from '../../../domain/audit-chain.js';
import type { Database } from '../../db/client.js';
import { auditFields, memberChain, type AuditInput } from '../audit/audit.writer.js';
import type { EvaluationRow } from './evaluations.repository.js';

/*
 * Casting a ballot is the burst of an evaluation (a whole staff meeting voting on their phones at once), so it
 * costs one call of a database function (migration 0014, as the sign-up of decision 009) once the process knows
 * the evaluation's definition: the ballot is checked in TypeScript (src/domain/evaluation), then `evaluation_cast`
 * writes it all in one statement, so one transaction — the voter's member file and roll mark, the ballot, the
 * comments, the audit event — under the evaluation's shared advisory lock. `evaluation_standing` reads the
 * definition with the voter's place on the roll, the first time and whenever a refusal must be explained. On
 * PostgreSQL both are named prepared statements.
 */

/** What a ballot is checked against, and where the voter stands. */
export type CastStanding = Pick<EvaluationRow, 'id' | 'title' | 'status' | 'opensAt' | 'closesAt' | 'targets' | 'dimensions' | 'grades' | 'overallGrades' | 'allowComments'> & {
  /** The user's member file in the union, or null. */
  m_id: string | null;
  isOnRoll: boolean;
  hasVoted: boolean;
};

/** $1 organisation, $2 evaluation, $3 user: the database function `evaluation_standing` (migration 0014). */
const READ = 'SELECT * FROM evaluation_standing($1, $2, $3)';

/** The evaluation of the union and the user's place on its roll, in one query; null: no such evaluation there. */
export async function castStanding(database: Database, orgId: string, evaluationId: string, userId: string): Promise<CastStanding | null> {
  const [row] = await database.prepared<CastStanding>('evaluation_standing', READ, [orgId, evaluationId, userId]);
  return row ?? null;
}

/** Why `evaluation_cast` wrote nothing, or 'cast'. */
export type CastOutcome = 'cast' | 'missing' | 'not_open' | 'due' | 'closed' | 'no_member' | 'not_eligible' | 'already';

/** A checked ballot, ready to be written. */
export interface NewBallot {
  evaluationId: string;
  orgId: string;
  /** One entry per target in the evaluation's order: [grade per dimension…, overall]. */
  ratings: number[][];
  comments: { targetKey: string; body: string }[];
  /** The evaluation's title, as the audit event labels it. */
  title: string;
  /** The voter's account (the audit's actor); their member file is looked up by the database function. */
  actor: { userId: string; name: string };
  at: Date;
}

/** Stands for the member in the chain key while the hash prefix is computed; the database function puts the real one. */
const MEMBER_MARK = '00000000-0000-0000-0000-000000000000';

/**
 * The audit event of a ballot: "voted" and nothing else (no grade, no comment), in the member's own chain, so that a
 * burst of voters does not queue on one chain head. Its hash prefix is cut around the chain key's value, which
 * `evaluation_cast` completes with the member it finds: `"chainKey":"member:<id>"` — unambiguous, since inside a
 * JSON string (a name, a title) every quote is escaped.
 */
function castAuditPrefix(b: NewBallot): { head: string; tail: string; fields: ReturnType<typeof auditFields> } {
  const input: AuditInput = {
    orgId: b.orgId,
    chain: memberChain(MEMBER_MARK),
    actor: b.actor,
    // action and entityType are also written by evaluation_cast itself (migration 0014).
    action: 'evaluation.voted',
    entityType: 'evaluation',
    entityId: b.evaluationId,
    entityLabel: b.title,
    changes: {},
  };
  const fields = auditFields(input, b.at);
  const prefix = auditHashPrefix(fields);
  const cut = `"chainKey":${JSON.stringify(memberChain(MEMBER_MARK))}`;
  const at = prefix.indexOf(cut);
  if (at < 0 || memberChain(MEMBER_MARK) !== `member:${MEMBER_MARK}`) throw new Error('audit prefix: the member chain key is not where evaluation_cast expects it');
  return { head: `${prefix.slice(0, at)}"chainKey":`, tail: prefix.slice(at + cut.length), fields };
}

const WRITE = `SELECT evaluation_cast(${Array.from({ length: 11 }, (_, i) => `$${i + 1}`).join(', ')}) AS outcome`;

/**
 * Writes the ballot with its roll mark, comments and audit event in one statement — the voter's member file found
 * in the same call — or says why it wrote nothing.
 */
export async function insertBallot(database: Database, b: NewBallot): Promise<CastOutcome> {
  const { head, tail, fields: e } = castAuditPrefix(b);
  const [row] = await database.prepared<{ outcome: CastOutcome }>('evaluation_cast', WRITE, [
    b.evaluationId, b.orgId, b.actor.userId, JSON.stringify(b.ratings), JSON.stringify(b.comments),
    head, tail, e.actorName, e.at, e.entityLabel, JSON.stringify(e.changes),
  ]);
  return row.outcome;
}
