// Test projects (`npm test` runs them all through scripts/test.mjs):
//   unit     test/unit/**/*.test.ts     domain code, fast
//   build    test/build/**/*.test.ts    real Astro builds of the sample and of broken copies
//   browser  test/browser/**/*.test.ts  Chromium + axe against the sample built under /xxgk/
//   serve    test/serve/**/*.test.ts    Debian's nginx with the generated config (HTTP and Chromium)
// Builds are made once per run by test/helpers/build.ts (serialised by a lock, reused by both
// the build and the browser project); GONGKAI_TEST_RUN identifies the run.
import { defineConfig } from 'vitest/config';

process.env.GONGKAI_TEST_RUN ??= `${Date.now()}-${process.pid}`;

const slow = {
  testTimeout: 10 * 60_000,
  hookTimeout: 30 * 60_000,
  teardownTimeout: 60_000,
};

export default defineConfig({
  test: {
    // no watch mode surprises: `vitest` alone still runs once in CI-like shells
    watch: false,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node', ...slow },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', ...slow },
      },
      {
        extends: true,
        test: { name: 'serve', include: ['test/serve/**/*.test.ts'], environment: 'node', ...slow },
      },
    ],
  },
});
