import type { Database } from '../db/client.js';
import { sendActivityReminders } from './activity-reminders.job.js';
import { sendProposalReminders } from './proposal-reminders.job.js';
import { closeDueEvaluations } from './evaluation-close.job.js';
import { sendEvaluationReminders } from './evaluation-reminders.job.js';
import { plannerStatisticsJob } from './planner-statistics.job.js';

/** A periodic task of the server: it gets the time of its run. */
export interface Job {
  name: string;
  run(now: Date): Promise<unknown>;
}

/** The running jobs; `stop` cancels the next run and waits for the current one to finish. */
export interface JobRunner {
  stop(): Promise<void>;
}

/** One minute between runs of each job. */
export const JOB_INTERVAL_MS = 60_000;

/** The jobs every app process runs. Each must be safe with several processes running it at once. */
export function serverJobs(database: Database): Job[] {
  const jobs: Job[] = [
    { name: '活动提醒', run: (now) => sendActivityReminders(database, now) },
    { name: '提案答复提醒', run: (now) => sendProposalReminders(database, now) },
    { name: '民主测评到期结束', run: (now) => closeDueEvaluations(database, now) },
    { name: '民主测评催评提醒', run: (now) => sendEvaluationReminders(database, now) },
  ];
  const statistics = plannerStatisticsJob(database);
  if (statistics) jobs.push(statistics);
  return jobs;
}

/**
 * Runs the jobs now and then every `intervalMs` (after the previous run has finished, so runs never overlap). A
 * failing job is logged and tried again at the next run; it never crashes the process. The timer does not keep
 * the process alive on its own.
 */
export function startJobRunner(
  jobs: Job[],
  opts: { intervalMs?: number; log?: (message: string) => void; clock?: () => Date } = {},
): JobRunner {
  const intervalMs = opts.intervalMs ?? JOB_INTERVAL_MS;
  const log = opts.log ?? ((message: string) => console.error(message));
  const clock = opts.clock ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        await job.run(clock());
      } catch (e) {
        log(`定时任务“${job.name}”出错（下次运行时重试）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
