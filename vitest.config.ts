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
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
