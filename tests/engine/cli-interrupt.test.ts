// Ctrl-C and SIGTERM really sent to a running `lastfour redact` (bin/lastfour.mjs in a child
// process): the file being read and the files not started end as 'cancelled' with the table's
// words, nothing of theirs is written (no half-written or temporary file either), and the exit code
// is the shell's 128 + the signal's number, with one engine (--jobs 1) and with worker threads.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearOnAbort, redactFile, startCliEngine } from '../../src/cli/redact-file';
import type { RedactSettings } from '../../src/cli/run-settings';
import { errorText, isEngineFailure } from '../../src/engine/error-codes';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  exit: number | null;
  /** The signal that ended the process itself (none when the CLI handled it and exited). */
  killedBy: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI on `files`; once stderr shows the first file's progress line (its engine started,
 * the file being read), sends each of `signals`, 200 ms apart.
 */
function interrupted(files: string[], outDir: string, jobs: number, signals: NodeJS.Signals[]): Promise<Run> {
  const args = ['bin/lastfour.mjs', 'redact', ...files, '--out', outDir, '--json', '--jobs', String(jobs)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    if (!sent && stderr.includes(`[1/${files.length}] ${files[0]} ... `)) {
      sent = true;
      signals.forEach((s, i) => setTimeout(() => child.kill(s), i * 200));
    }
  });
  return new Promise((resolve) =>
    child.on('close', (exit, killedBy) => resolve({ exit, killedBy, stdout, stderr })),
  );
}

function photos(n: number, name: string): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = join(dir, `${name}-${i + 1}.jpg`);
    copyFileSync('tests/fixtures/ocr/easy-front.jpg', f);
    return f;
  });
}

const cancelledWords = errorText('cancelled');

describe('the CLI interrupted by a signal', () => {
  it.each([
    { signal: 'SIGINT' as const, jobs: 1, exit: 130 },
    { signal: 'SIGTERM' as const, jobs: 2, exit: 143 },
  ])(
    '$signal with --jobs $jobs: the files are cancelled, nothing is written, exit $exit',
    async ({ signal, jobs, exit }) => {
      const files = photos(3, `${signal}-${jobs}`);
      const outDir = join(dir, `out-${signal}-${jobs}`);
      const run = await interrupted(files, outDir, jobs, [signal]);
      expect(run.killedBy, run.stderr).toBeNull();
      expect(run.exit, run.stderr).toBe(exit);
      const report = JSON.parse(run.stdout) as { file: string; code?: string; error?: string }[];
      expect(report.map((e) => e.file)).toEqual(files);
      // The first file was being read when the signal came: it is cancelled, not finished.
      expect(report[0]).toEqual({ file: files[0], error: cancelledWords, code: 'cancelled' });
      for (const [i, entry] of report.entries()) {
        const stem = `${signal}-${jobs}-${i + 1}`;
        const written = readdirSync(outDir).filter((n) => n.includes(stem));
        if (entry.code === 'cancelled') {
          expect(run.stderr).toContain(`lastfour: ${files[i]}: ${cancelledWords}\n`);
          expect(written).toEqual([]);
        } else {
          // A file that finished before the signal keeps both its outputs, whole.
          expect(entry.error).toBeUndefined();
          expect(written.sort()).toEqual([`${stem}.masks.json`, `${stem}.redacted.png`]);
        }
      }
      expect(readdirSync(outDir).filter((n) => n.includes('.partial-'))).toEqual([]);
    },
  );

  it('a second Ctrl-C ends the run at once, still leaving no partial file', async () => {
    const files = photos(2, 'twice');
    const outDir = join(dir, 'out-twice');
    const run = await interrupted(files, outDir, 1, ['SIGINT', 'SIGINT']);
    expect(run.killedBy, run.stderr).toBeNull();
    expect(run.exit).toBe(130);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('the run stops through the engine core, as Clear all does: the running analysis job ends cancelled', async () => {
    const engine = await startCliEngine({ ocrWorkers: 1 });
    if (isEngineFailure(engine)) throw new Error(engine.message);
    const run = new AbortController();
    clearOnAbort(engine, run.signal);
    const [file] = photos(1, 'in-process');
    const settings: RedactSettings = {
      files: [file],
      outDir: join(dir, 'out-in-process'),
      keep: 'last4',
      format: 'png',
      pdf: { output: 'pdf' },
      docs: { kinds: {} },
    };
    // Cancelled while its analysis job runs (the signal handler's abort, without the signal).
    const watch = setInterval(() => {
      if (engine.core.jobs.list().some((j) => j.state === 'running')) run.abort();
    }, 5);
    try {
      const outcome = await redactFile(engine, 0, settings, () => undefined, run.signal);
      expect(outcome).toEqual({
        entry: { file, error: cancelledWords, code: 'cancelled' },
        failed: true,
      });
      expect(engine.core.jobs.list().map((j) => j.state)).toEqual(['cancelled']);
    } finally {
      clearInterval(watch);
      await engine.ocr.terminate();
    }
  });
});
