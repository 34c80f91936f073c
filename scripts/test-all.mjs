// `npm run test:all`: unit + API tests on the embedded database, the API suite again on PostgreSQL
// (when TEST_DATABASE_URL is set), then the browser stories. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.tmp', 'test-results');
fs.mkdirSync(out, { recursive: true });
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');

const runs = [
  { name: 'unit+api (embedded)', config: 'vitest.config.ts' },
  { name: 'api (postgres)', config: 'vitest.pg.config.ts', needs: 'TEST_DATABASE_URL' },
  { name: 'browser stories', config: 'vitest.e2e.config.ts', build: true },
];

let passed = 0;
let failed = 0;
for (const run of runs) {
  if (run.needs && !process.env[run.needs]) {
    console.log(`\n— ${run.name}: skipped (${run.needs} not set)`);
    continue;
  }
  if (run.build) {
    console.log('\n— building the web client for the browser stories');
    const b = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) {
      console.log('web build failed');
      failed++;
      continue;
    }
  }
  console.log(`\n— ${run.name}`);
  const report = path.join(out, `${run.config.replace(/\W+/g, '-')}.json`);
  fs.rmSync(report, { force: true });
  const r = spawnSync(process.execPath, [vitest, 'run', '--config', run.config, '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (!fs.existsSync(report)) {
    console.log(`${run.name}: the runner produced no report (exit ${r.status})`);
    failed++;
    continue;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load has no failed tests but fails the suite: count it.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  if (r.status !== 0 && json.numFailedTests === 0 && brokenFiles === 0) failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
