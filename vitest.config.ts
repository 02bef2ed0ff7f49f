import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node; tests that need a DOM build their own jsdom window (the core takes a
// Document as input), or declare `// @vitest-environment jsdom`. Browser tests live in test/e2e
// and run with their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    // One worker per core. Vitest's default leaves a core to its main process, which on the
    // 2-core CI machine meant one worker: the files ran one after another in ~125 s. The main
    // process only collects results, so both cores run tests (~87 s).
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
