import { getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Database, type Db } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';

/*
 * What keeps a secret ballot secret once it is counted (decision 012). A ballot is written in the same transaction
 * as the voter's "has voted" mark, so until the count the two rows share PostgreSQL's transaction id (xmin) and
 * the ballot's physical place follows the order people voted in — both would link a ballot to a voter. At the
 * count, in the counting transaction, the ballots of the scope are deleted and inserted again in random order by
 * one statement: they all get the counting transaction's id and a place unrelated to the voting order. After
 * commit, VACUUM removes the old row versions that still carried the voters' transaction ids. (The write-ahead log
 * and backups taken while voting was open can still hold them: the decision record says so.)
 */

/**
 * Rewrites the rows of `table` whose `scopeColumn` is `scopeId` in random order, keeping every column (ids,
 * receipt codes…), in one statement inside the caller's transaction; returns how many rows it rewrote. The caller
 * holds the lock that keeps new ballots out of the scope.
 */
export async function shuffleRewrite(tx: Db, table: PgTable, scopeColumn: PgColumn, scopeId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH gone AS (DELETE FROM ${table} WHERE ${scopeColumn} = ${scopeId} RETURNING *),
      moved AS (INSERT INTO ${table} SELECT * FROM gone ORDER BY random() RETURNING 1)
      SELECT count(*)::int AS n FROM moved`),
  );
  return Number(row.n);
}

/**
 * VACUUM of the ballot tables after the transaction that rewrote them has committed (VACUUM cannot run inside
 * one), so that the dead versions of the rewritten rows are gone from the tables. The count is already committed
 * then: a failure here is reported on stderr, never to the person who closed the vote.
 */
export async function vacuumBallotTables(database: Database, tables: PgTable[]): Promise<void> {
  for (const table of tables) {
    const name = getTableName(table);
    try {
      await database.query(`VACUUM "${name.replace(/"/g, '""')}"`);
    } catch (e) {
      console.error(`清理选票表 ${name} 的旧版本失败（计票已完成，不影响结果）：${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * What a failed ballot write leaves for the log: the kind of error (its class), the SQLSTATE and the constraint,
 * never the statement, its values or the row.
 */
export class BallotWriteError extends Error {
  constructor(
    readonly kind: string,
    readonly code: string | undefined,
    readonly constraint: string | undefined,
  ) {
    super(`选票写入失败（${kind}${code ? `，SQLSTATE ${code}` : ''}）`);
    this.name = 'BallotWriteError';
  }
}

/** The SQLSTATE (and constraint) behind an error; drivers and the ORM wrap it in `cause`. */
function databaseCode(err: unknown): { code?: string; constraint?: string } {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
  }
  return {};
}

/**
 * Runs the writing of a ballot so that a failure cannot carry it into the log: the ORM's error text holds the
 * statement's values (the marks, the receipt, the voter's member id) and the database's detail the failing row,
 * and the log line of a 500 sits next to the request's own (address, time). Refusals (AppError) pass unchanged;
 * anything else becomes a BallotWriteError naming only its class, the SQLSTATE and the constraint, which the error
 * handler still answers as it would the original (409 for a unique index, 400 for unstorable text, else 500).
 */
export async function sealedBallotWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const { code, constraint } = databaseCode(e);
    throw new BallotWriteError(e instanceof Error ? e.constructor.name : typeof e, code, constraint);
  }
}
