import { defineConfig } from 'vitest/config';

// Browser stories: playwright-core driving Debian's Chromium against a real server process.
export default defineConfig({
  test: {
    include: ['e2e/**/*.story.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
