import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's Chromium against the built app served by
// `vite preview` (started in the global setup). Run after `vite build`.
export default defineConfig({
  test: {
    environment: 'node',
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    include: ['tests/e2e/**/*.e2e.ts'],
    // The run's temporary folders (browser profiles, served copies of dist/) in one folder removed at
    // the end (tests/support/temp-root.ts), then the preview servers.
    globalSetup: ['tests/support/temp-root.ts', 'tests/e2e/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Two test files at a time (vitest's default on CI's 2 cores is one): each file starts its own
    // Chromiums with their own NetLogs (one per test, or one shared by the tests of a file that open
    // the app the same way: tests/e2e/support/shared-app.ts), and a test that breaks the build serves
    // its own copy of dist/.
    maxWorkers: 2,
    // A worker's files share one module registry (playwright-core and the helpers are imported once
    // per worker, not once per file): no browser test replaces a module, and each file starts and
    // closes its own browsers.
    isolate: false,
  },
});
