import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'lessons/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxConcurrency: 2,
    // Two test files at a time: most files keep one core busy with JavaScript while the other waits on
    // kernels or subprocesses; vitest's default on a 2-core machine is one (cores - 1).
    maxWorkers: 2,
  },
});
