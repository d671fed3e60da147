// The closed set of error codes and the tests that reach them stay in step: a new code needs a bad
// input that reaches it (in codedBadFiles, or its own test named here), or a reason it has none.
import { describe, expect, it } from 'vitest';
import { ENGINE_ERROR_CODES, type EngineErrorCode } from '../../src/engine/error-codes';
import { codedBadFiles } from '../support/bad-inputs';

/** Codes reached by their own tests rather than by a file of codedBadFiles (see error-codes.ts). */
const OWN_TESTS: Partial<Record<EngineErrorCode, string>> = {
  'pdf-wrong-password': 'error-codes-cli.test.ts, engine-jobs.e2e.ts',
  'ocr-assets-missing': 'error-codes-cli.test.ts, ocr-wiring.e2e.ts',
  'model-missing': 'models-fallback.test.ts, models-fallback.e2e.ts',
  cancelled: 'engine-jobs.e2e.ts (core-jobs.test.ts for the core the CLI uses)',
  'export-too-large': 'error-codes-cli.test.ts (the app offers no WebP)',
  'not-open': 'engine-jobs.e2e.ts (the CLI cannot refer to a closed page)',
};

/** Codes no input reaches on a machine that works; why, in error-codes.ts. */
const NO_INPUT: readonly EngineErrorCode[] = ['out-of-memory', 'internal'];

describe('error codes and their tests', () => {
  it('every code is reached by a bad file, by its own test, or said to have no input', () => {
    const files = codedBadFiles().map((b) => b.code);
    const accounted = new Set([...files, ...Object.keys(OWN_TESTS), ...NO_INPUT]);
    expect([...ENGINE_ERROR_CODES].filter((c) => !accounted.has(c))).toEqual([]);
    expect([...accounted].filter((c) => !(ENGINE_ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    // No bad file is expected to end as one of the codes no input reaches.
    expect(files.filter((c) => NO_INPUT.includes(c))).toEqual([]);
  });
});
