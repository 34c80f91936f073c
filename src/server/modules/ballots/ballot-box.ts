import { getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Database, type Db } from '../../db/client.js';

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
