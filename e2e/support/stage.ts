import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** Where stories leave their screenshots (git-ignored), to be looked at after a run. */
export const shots = path.resolve(import.meta.dirname, '../../.tmp/e2e-shots');

/**
 * Sets up a story file: a real server on a fresh demo database and a headless Chromium, started before the
 * file's tests and stopped after them. Read them through the returned object once the tests run.
 */
export function useStage(): { readonly server: RunningServer; readonly browser: Browser } {
  const stage = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stage.server = await startServer();
    stage.browser = await launchBrowser();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.server?.stop();
  });
  return stage;
}
