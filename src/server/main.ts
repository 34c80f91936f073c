import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openConfiguredDatabase, prepare } from './boot.js';
import { serverJobs, startJobRunner } from './jobs/job-runner.js';

/** Starts the server: migrate, prepare (admin, demo), listen, start the periodic jobs; closes cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  await prepare(database, config, (line) => console.log(line));
  const app = await buildApp(database, config);
  await app.listen({ port: config.port, host: config.host });
  // Periodic jobs (the day-before activity reminders) run in every app process; each is safe to run in several.
  const jobs = startJobRunner(serverJobs(database));
  console.log(`职工之家 Unionhome 已启动：http://localhost:${config.port}  （数据库：${database.kind === 'embedded' ? `内置 PGlite ${config.dataDir}` : 'PostgreSQL'}）`);
  const stop = async () => {
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
