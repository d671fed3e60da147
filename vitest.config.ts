import { defineConfig } from 'vitest/config';
import { EngineFirstSequencer } from './tests/support/engine-first-sequencer.ts';

// Unit and engine tests run in Node: the engine is plain TypeScript and runs the same code as the
// browser's worker. Browser tests (tests/e2e) are driven separately by tests/e2e/run.mjs.
export default defineConfig({
  test: {
    environment: 'node',
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time: vitest's default on a 2-core machine (CI's) is cores - 1, one file.
    maxWorkers: 2,
    sequence: { sequencer: EngineFirstSequencer },
    // One onnxruntime thread per engine (the CLI's default is two): with two files at a time, two
    // engines' threads would spin against each other (src/cli/models-node.ts). Child processes (the
    // CLI tests' spawned runs) inherit it.
    env: { LASTFOUR_ORT_THREADS: '1' },
  },
});
