import { defineConfig } from 'vitest/config';

// Unit tests (next to the code) and API tests on a fresh embedded database per file.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
