// Every error code, in each face (the CLI and the app), is either reached from a real bad input by a
// named test, or has a written reason why no input of that face can reach it: no silent gaps. A new
// code fails this test until its row is filled in.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_ERROR_CODES, type EngineErrorCode } from '../../src/engine/error-codes';
import { codedBadFiles } from '../support/bad-inputs';

type Face = 'cli' | 'app';

/** A test file (under tests/) that reaches the code from a real input, or why no input can. */
type Reach = { test: string } | { unreachable: string };

/** The files of codedBadFiles() go through both faces in these tests. */
const BAD_FILES: Record<Face, string> = {
  cli: 'engine/error-codes-cli.test.ts',
  app: 'e2e/engine-jobs.e2e.ts',
};

/** Codes not reached by a file of codedBadFiles(): how each face reaches them, or why it cannot. */
const OWN: Partial<Record<EngineErrorCode, Record<Face, Reach>>> = {
  'pdf-wrong-password': {
    cli: { test: 'engine/error-codes-cli.test.ts' },
    app: { test: 'e2e/engine-jobs.e2e.ts' },
  },
  'ocr-assets-missing': {
    cli: { test: 'engine/error-codes-cli.test.ts' },
    app: { test: 'e2e/ocr-wiring.e2e.ts' },
  },
  'model-missing': {
    cli: { test: 'engine/models-fallback.test.ts' },
    app: { test: 'e2e/models-fallback.e2e.ts' },
  },
  // The CLI: Ctrl-C or SIGTERM sent to a running `lastfour redact`; the app: Remove while OCR runs.
  cancelled: {
    cli: { test: 'engine/cli-interrupt.test.ts' },
    app: { test: 'e2e/engine-jobs.e2e.ts' },
  },
  'export-too-large': {
    cli: { test: 'engine/error-codes-cli.test.ts' },
    app: {
      unreachable:
        'the app exports only PNG and JPEG (ExportPanel), and both have canvas-free encoders ' +
        '(image/encode-large.ts) for every picture the input limits let in (64 MP, 16,384 px a ' +
        'side); only WebP, which the CLI offers and the app does not, has none',
    },
  },
  'not-open': {
    cli: {
      unreachable:
        'a CLI run opens, reads, exports and closes each file itself, one after another; no ' +
        'option or action can name a page after it is closed (an interrupted run says cancelled)',
    },
    app: { test: 'e2e/engine-jobs.e2e.ts' },
  },
  // A photo whose pixels cannot fit the memory a face may use is refused from its header: in the
  // CLI the run's (--max-memory, or the machine's by default), in the app half of what the device
  // reports (navigator.deviceMemory; the test's phone reports 512 MB). A real failing allocation
  // kills Node instead of throwing (a V8 fatal out-of-memory, measured with `ulimit -d` at 0.8 to 2 GB
  // on a 60 MP PNG), and the test machine's Chromium decodes everything the input limits let in.
  'out-of-memory': {
    cli: { test: 'engine/error-codes-cli.test.ts' },
    app: { test: 'e2e/engine-jobs.e2e.ts' },
  },
  internal: {
    cli: {
      unreachable: 'the catch-all for bugs: an input that reached it would be a bug to give its own code',
    },
    app: {
      unreachable: 'the catch-all for bugs: an input that reached it would be a bug to give its own code',
    },
  },
};

const source = (test: string) => readFileSync(`tests/${test}`, 'utf8');

describe('error codes and their tests', () => {
  const badFileCodes = new Set(codedBadFiles().map((b) => b.code));

  it.each([...ENGINE_ERROR_CODES])('%s: reached in the CLI and in the app, or said why not', (code) => {
    const own = OWN[code];
    // A code is reached either by a bad file or by its own row, never both (one place to look).
    expect(badFileCodes.has(code) !== (own !== undefined), 'a bad file or an own row').toBe(true);
    for (const face of ['cli', 'app'] as const) {
      const reach: Reach = own ? own[face] : { test: BAD_FILES[face] };
      if ('unreachable' in reach) {
        expect(reach.unreachable.length, `${code} in the ${face}: a reason`).toBeGreaterThan(40);
        continue;
      }
      expect(existsSync(`tests/${reach.test}`), reach.test).toBe(true);
      // The named test really is about this code (or drives every bad file).
      if (own) expect(source(reach.test), `${reach.test} names ${code}`).toContain(code);
      else expect(source(reach.test), `${reach.test} drives codedBadFiles()`).toContain('codedBadFiles()');
    }
  });

  it('every row is a code of the closed set', () => {
    const known: readonly string[] = ENGINE_ERROR_CODES;
    expect(Object.keys(OWN).filter((c) => !known.includes(c))).toEqual([]);
    expect([...badFileCodes].filter((c) => !known.includes(c))).toEqual([]);
  });
});
