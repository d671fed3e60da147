import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { EngineFirstSequencer } from './tests/support/engine-first-sequencer.ts';

/**
 * Test files that replace a module with vi.mock: they need a module registry of their own (a module
 * another file imported first would otherwise stay the real one). Found by reading the files, so a
 * new one cannot be left out.
 */
const MOCKING = ['tests/unit', 'tests/engine']
  .flatMap((dir) =>
    readdirSync(join(import.meta.dirname, dir), { recursive: true, encoding: 'utf8' }).map(
      (f) => `${dir}/${f}`,
    ),
  )
  .filter(
    (f) =>
      f.endsWith('.test.ts') &&
      /\bvi\.(mock|doMock)\(/.test(readFileSync(join(import.meta.dirname, f), 'utf8')),
  );

// Unit and engine tests run in Node: the engine is plain TypeScript and runs the same code as the
// browser's worker. Browser tests (tests/e2e) are driven separately by tests/e2e/run.mjs.
export default defineConfig({
  test: {
    environment: 'node',
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The run's temporary folders in one folder, removed at the end (tests/support/temp-root.ts).
    globalSetup: ['tests/support/temp-root.ts'],
    // Two test files at a time: vitest's default on a 2-core machine (CI's) is cores - 1, one file.
    maxWorkers: 2,
    sequence: { sequencer: EngineFirstSequencer },
    // One onnxruntime thread per engine (the CLI's default is two): with two files at a time, two
    // engines' threads would spin against each other (src/cli/models-node.ts). Child processes (the
    // CLI tests' spawned runs) inherit it.
    env: { LASTFOUR_ORT_THREADS: '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts'],
          exclude: MOCKING,
          // The files of a worker share one module registry: the engine, tesseract.js and
          // onnxruntime-web are imported once per worker instead of once per file. Measured on 2
          // cores from a clean cache: the whole phase 459 s isolated, 331 s shared (user CPU 12.3 and
          // 9.5 minutes). Tests restore what they change (spies, stubbed globals, the language).
          isolate: false,
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING } },
    ],
  },
});
