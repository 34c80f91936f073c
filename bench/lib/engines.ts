import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from '../../src/server/db/client.js';
import { withFreshDatabase } from './fresh-pg.js';

/**
 * Runs a benchmark on the embedded engine (unless BENCH_SKIP_EMBEDDED=1) and, when TEST_DATABASE_URL (or
 * DATABASE_URL) is set, on a fresh PostgreSQL database, and prints both results as one JSON object.
 */
export async function runOnEngines<T>(name: string, runEngine: (kind: 'embedded' | 'postgres', target: DatabaseTarget) => Promise<T>): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `unionhome-bench-${name}-`));
  try {
    const embedded = process.env.BENCH_SKIP_EMBEDDED === '1' ? null : await runEngine('embedded', { dataDir: path.join(tmp, 'embedded-data') });
    const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
    const postgres = pgUrl ? await withFreshDatabase(pgUrl, (url) => runEngine('postgres', { url }), `bench_${name}`) : null;
    const out: Record<string, unknown> = { embedded, postgres };
    if (!pgUrl) out.postgres_skipped = 'skipped: TEST_DATABASE_URL not set';
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The benchmark's entry point: a failure goes to stderr with exit code 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
