import { defineConfig } from 'vitest/config';

// The same API suite against a real PostgreSQL server (TEST_DATABASE_URL): a fresh database per file.
export default defineConfig({
  test: {
    include: ['test/api/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { UNIONHOME_TEST_ENGINE: 'postgres' },
  },
});
