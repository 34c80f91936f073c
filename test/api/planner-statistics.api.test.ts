import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannerStatisticsJob, STATISTICS_INTERVAL_MS } from '../../src/server/jobs/planner-statistics.job.js';
import { serverJobs } from '../../src/server/jobs/job-runner.js';
import { buildMember, buildSchool, createTestApp } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const estimatedRows = async (table: string) =>
  (await t.database.query<{ n: number }>('SELECT reltuples::float8 AS n FROM pg_class WHERE relname = $1', [table]))[0].n;

describe('planner statistics of the embedded database', () => {
  it('are refreshed at the first run and then once an hour, on the embedded database only', async () => {
    const job = plannerStatisticsJob(t.database);
    if (t.database.kind === 'postgres') {
      // A server runs autovacuum itself: no job, and none among the server's jobs.
      expect(job).toBeNull();
      expect(serverJobs(t.database).map((j) => j.name)).toEqual(['活动提醒', '提案答复提醒', '民主测评到期结束', '民主测评催评提醒']);
      return;
    }
    expect(serverJobs(t.database).map((j) => j.name)).toEqual(['活动提醒', '提案答复提醒', '民主测评到期结束', '民主测评催评提醒', '更新查询统计']);
    const school = await buildSchool(t.database, '统计小学工会');
    for (let i = 0; i < 30; i++) await buildMember(t.database, school.union, { name: `会员${i}` });
    expect(await estimatedRows('members')).toBeLessThan(30);

    const start = new Date('2026-11-21T08:00:00+08:00');
    expect(await job!.run(start)).toBe(true);
    expect(await estimatedRows('members')).toBe(30);
    for (let i = 30; i < 40; i++) await buildMember(t.database, school.union, { name: `会员${i}` });
    expect(await job!.run(new Date(start.getTime() + STATISTICS_INTERVAL_MS - 1))).toBe(false);
    expect(await estimatedRows('members')).toBe(30);
    expect(await job!.run(new Date(start.getTime() + STATISTICS_INTERVAL_MS))).toBe(true);
    expect(await estimatedRows('members')).toBe(40);
  });
});
