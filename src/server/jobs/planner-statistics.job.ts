import type { Database } from '../db/client.js';
import type { Job } from './job-runner.js';

/** How often the embedded database's statistics are refreshed. */
export const STATISTICS_INTERVAL_MS = 60 * 60_000;

/**
 * The embedded database (PGlite) runs no autovacuum, so without this its planner would never learn how tables
 * have grown since they were created — a wait-list of hundreds would be counted by scanning the whole table. Once
 * an hour (and at start) the job runs ANALYZE. A PostgreSQL server has autovacuum: no job there. One process owns
 * an embedded database, so the time of the last run can live in memory.
 */
export function plannerStatisticsJob(database: Database, everyMs = STATISTICS_INTERVAL_MS): Job | null {
  if (database.kind === 'postgres') return null;
  let lastRun = Number.NEGATIVE_INFINITY;
  return {
    name: '更新查询统计',
    async run(now) {
      if (now.getTime() - lastRun < everyMs) return false;
      lastRun = now.getTime();
      await database.query('ANALYZE');
      return true;
    },
  };
}
