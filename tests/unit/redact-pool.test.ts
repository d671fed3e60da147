// The parallel CLI run's pool (src/cli/redact-pool.ts) with a stand-in worker that has no engine
// (tests/support/fake-redact-worker.mjs): files finishing out of order still print and report in
// input order, a crashed worker costs only its own file, an engine that cannot start fails the run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RedactSettings, RunResult } from '../../src/cli/run-settings';
import { redactInWorkers } from '../../src/cli/redact-pool';

const FAKE = new URL('../support/fake-redact-worker.mjs', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'lastfour-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  files: string[],
  jobs: number,
  ocrLang?: string,
): Promise<{ result: RunResult; stderr: string; outDir: string }> {
  const outDir = mkdtempSync(join(dir, 'out-'));
  const settings: RedactSettings = {
    files,
    outDir,
    keep: 'last4',
    format: 'png',
    pdf: { output: 'pdf' },
    docs: { kinds: {} },
  };
  const err: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  try {
    const result = await redactInWorkers(settings, { ocrLang }, jobs, FAKE);
    return { result, stderr: err.join(''), outDir };
  } finally {
    spy.mockRestore();
  }
}

const block = (i: number, n: number, file: string) =>
  `[${i}/${n}] ${file} ... done\n  note: ${file.split('/').pop()}\n`;

describe('redactInWorkers', () => {
  it('prints and reports in input order when later files finish first', async () => {
    const files = ['a-slow.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e-slow.jpg', 'f.jpg'];
    const { result, stderr } = await run(files, 2);
    // One notice, not one per worker; each worker has one Tesseract worker and a share of the cores.
    expect(stderr).toMatch(/^notice: 1 ocr worker\(s\), \d thread\(s\)\n\[1\/6\]/);
    expect(stderr.replace(/^notice: .*\n/, '')).toBe(files.map((f, i) => block(i + 1, 6, f)).join(''));
    expect(result).toEqual({
      outcomes: files.map((file) => ({ entry: { file }, failed: false })),
    });
  });

  it('runs two inputs with the same output name one after the other, in input order', async () => {
    const files = ['slow/same.jpg', 'b.jpg', 'fast/same.png', 'c.jpg'];
    const { stderr, outDir } = await run(files, 3);
    expect(stderr).not.toMatch(/overlap/);
    const written = readFileSync(join(outDir, 'written.log'), 'utf8').split('\n');
    expect(written.indexOf('slow/same.jpg')).toBeLessThan(written.indexOf('fast/same.png'));
  });

  it('a worker that crashes costs only the file it was reading', async () => {
    const files = ['a.jpg', 'b-crash.jpg', 'c-slow.jpg', 'd-exit.jpg', 'e.jpg', 'f.jpg'];
    const { result, stderr } = await run(files, 2);
    if (!('outcomes' in result)) throw new Error('the run failed');
    expect(result.outcomes.map((o) => o.failed)).toEqual([false, true, false, true, false, false]);
    expect(result.outcomes[1].entry).toEqual({
      file: 'b-crash.jpg',
      error: 'the worker thread reading it stopped (simulated crash)',
    });
    expect(result.outcomes[3].entry).toEqual({
      file: 'd-exit.jpg',
      error: 'the worker thread reading it stopped (exit code 9)',
    });
    expect(stderr.replace(/^notice: .*\n/, '')).toBe(
      [
        block(1, 6, 'a.jpg'),
        '[2/6] b-crash.jpg ... failed\nlastfour: b-crash.jpg: the worker thread reading it stopped (simulated crash)\n',
        block(3, 6, 'c-slow.jpg'),
        '[4/6] d-exit.jpg ... failed\nlastfour: d-exit.jpg: the worker thread reading it stopped (exit code 9)\n',
        block(5, 6, 'e.jpg'),
        block(6, 6, 'f.jpg'),
      ].join(''),
    );
  });

  it('an engine that cannot start fails the run, said once', async () => {
    const { result } = await run(['a.jpg', 'b.jpg', 'c.jpg'], 2, 'missing');
    expect(result).toEqual({
      failure: { message: 'The OCR engine could not be loaded.', code: 'ocr-assets-missing' },
    });
  });
});
