import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start a server and Chromium each; two at a time suit a 2-core machine.
    maxWorkers: 2,
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // better-sqlite3 is native; forks isolate it cleanly between files.
    pool: 'forks',
  },
});
