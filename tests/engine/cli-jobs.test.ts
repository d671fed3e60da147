// `lastfour redact --jobs 2`: files redacted two at a time in worker threads print, report and write
// what one thread does, in input order; a bad file among good ones gets its error line and the others
// their outputs. With --json --strict, a photo that shows a card whose number no reader could read is
// reported on stderr and in the JSON report and fails the run; a card whose number was found and
// masked is not reported. Every output is read again by the other reader (leakCheck).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scoreImage, type GroundTruth } from '../../bench/score';
import { main } from '../../src/cli/main';
import { errorText } from '../../src/engine/error-codes';
import { decodeImageNode } from '../../src/engine/platform/node';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'lastfour-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EASY = 'tests/fixtures/app/s7-000-easy-front.jpg';
const SMEARED = 'tests/fixtures/app/smeared-card.jpg';
const STATEMENT = 'tests/fixtures/pdf/statement-text.pdf';
const EASY_COPY = 'tests/fixtures/ocr/easy-front.jpg';

interface Entry {
  file: string;
  output?: string;
  outputs?: string[];
  findings?: number;
  seconds: number;
  cardWithoutNumber?: boolean;
  leakCheck?: {
    reader: string;
    leaks: unknown[];
    readers: string[];
    findingsReadBy: string[];
    repaired: unknown[];
  };
  error?: string;
  code?: string;
}

/** The card in s7-000-easy-front.jpg is redacted: every digit to hide hidden, the last four kept. */
async function easyCardRedacted(output: string): Promise<void> {
  const gt = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/app/s7-000-easy-front.json'), 'utf8'));
  const original = await decodeImageNode(new Uint8Array(readFileSync(join(ROOT, EASY))));
  const s = scoreImage(gt as GroundTruth, original, await decodeImageNode(readFileSync(output)));
  expect({ hidden: s.hidden, kept: s.kept }).toEqual({ hidden: s.toHide, kept: s.toKeep });
}

describe('lastfour redact --jobs', () => {
  it('two worker threads print, report and write as one thread does, in input order', async () => {
    const files = [EASY, SMEARED, STATEMENT];
    const cli = (jobs: number) => {
      const out = join(dir, `jobs-${jobs}`);
      const r = spawnSync(
        process.execPath,
        ['bin/lastfour.mjs', 'redact', ...files, '--out', out, '--json', '--strict', '--jobs', String(jobs)],
        { cwd: ROOT, encoding: 'utf8' },
      );
      // Seconds and the output folder are all that may differ between the two runs.
      const stderr = r.stderr.replaceAll(out, 'OUT').replace(/\d+\.\d\d s\n/g, 'T s\n');
      const report = (JSON.parse(r.stdout) as Entry[]).map((e) =>
        JSON.parse(JSON.stringify({ ...e, seconds: 0 }).replaceAll(out, 'OUT')),
      );
      return { status: r.status, stderr, report, out };
    };
    const parallel = cli(2);
    // The smeared card has no number to mask: --strict fails the run with 3, as in one thread.
    expect(parallel.status).toBe(3);
    const all = parallel.stderr.split('\n');
    // The run ends with a summary that names the files to check by eye, and why. The easy card's
    // last digit runs off the photo (7 of its 38 px in view): read "...699?", its last four in part.
    const summary = all.findIndex((l) => l.startsWith('lastfour: 3 files'));
    expect(all.slice(summary)).toEqual([
      'lastfour: 3 files: 3 redacted (1 with nothing masked); look at 2 by eye:',
      '  OUT/s7-000-easy-front.redacted.png: part of the last four unread',
      '  OUT/smeared-card.redacted.png: looks like a card, but no card number was masked',
      '',
    ]);
    const lines = all.slice(0, summary);
    // Each file's progress line, in input order, each followed by its own indented lines only.
    const heads = lines.filter((l) => !l.startsWith('  ') && l !== '');
    expect(heads.map((l) => l.slice(0, l.indexOf(' ... ')))).toEqual(
      files.map((f, i) => `[${i + 1}/3] ${f}`),
    );
    const after = (i: number) =>
      lines.slice(
        lines.indexOf(heads[i]) + 1,
        i + 1 < heads.length ? lines.indexOf(heads[i + 1]) : lines.length,
      );
    expect(after(1).join('\n')).toMatch(/^ {2}warning: looks like a card .* but no card number was found/);
    expect(after(2).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['  page 1', '  page 2', '  page 3']);
    expect(parallel.report.map((e) => [e.file, e.cardWithoutNumber])).toEqual([
      [EASY, false],
      [SMEARED, true],
      [STATEMENT, undefined],
    ]);
    // Each card photo's output was read again by the reader that did not find the numbers: nothing
    // readable. No number was read on the smeared card, so its own reader (learned) is the one that
    // missed, and Tesseract checks it too.
    expect(parallel.report.slice(0, 2).map((e) => e.leakCheck)).toEqual([
      { reader: 'tesseract', leaks: [], readers: ['tesseract'], findingsReadBy: ['learned'], repaired: [] },
      { reader: 'tesseract', leaks: [], readers: ['tesseract'], findingsReadBy: [], repaired: [] },
    ]);
    expect(parallel.report[2].outputs).toEqual(['OUT/statement-text.redacted.pdf']);
    await easyCardRedacted(join(parallel.out, 's7-000-easy-front.redacted.png'));
    expect(existsSync(join(parallel.out, 'smeared-card.redacted.png'))).toBe(true);
    expect(readFileSync(join(parallel.out, 'statement-text.redacted.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );

    // One thread, the same files: the same stderr byte for byte (but seconds), the same report.
    const serial = cli(1);
    expect(serial.status).toBe(3);
    expect(parallel.stderr).toBe(serial.stderr);
    expect(parallel.report).toEqual(serial.report);
  }, 300_000);

  it('a bad file among good ones: its error line in its place, the others redacted', async () => {
    const notImage = join(dir, 'notes.jpg');
    writeFileSync(notImage, 'these are notes, not a photo\n'.repeat(20));
    const locked = join(dir, 'locked.pdf');
    writeFileSync(locked, readFileSync(join(ROOT, 'tests/fixtures/pdf/statement-encrypted.pdf')));
    const files = [join(ROOT, EASY), notImage, locked, join(ROOT, EASY_COPY)];
    const out = join(dir, 'mixed');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => stdout.push(String(s)) > 0);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => stderr.push(String(s)) > 0);
    let code: number;
    try {
      code = await main(['redact', ...files, '--out', out, '--json', '--jobs', '2']);
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
    expect(code).toBe(1);
    const report = JSON.parse(stdout.join('')) as Entry[];
    expect(report.map((e) => [e.file, e.code])).toEqual([
      [files[0], undefined],
      [files[1], 'not-an-image'],
      [files[2], 'pdf-password'],
      [files[3], undefined],
    ]);
    expect(report[2].error).toBe(errorText('pdf-password'));
    const text = stderr.join('');
    expect(text).toContain(`[2/4] ${notImage} ... failed\nlastfour: ${notImage}: ${report[1].error}\n[3/4] `);
    expect(text).toContain(`[3/4] ${locked} ... failed\nlastfour: ${locked}: ${report[2].error}\n[4/4] `);
    expect(text.indexOf('[1/4]')).toBe(0);
    // The summary at the end names the two that failed, with why, among the files to look at (the
    // easy card's last digit runs off the photo: its last four read in part), in input order.
    const doubt = (name: string) => `  ${join(out, name)}: part of the last four unread\n`;
    expect(text.slice(text.indexOf('lastfour: 4 files'))).toBe(
      `lastfour: 4 files: 2 redacted, 2 failed; look at 2 by eye:\n${doubt('s7-000-easy-front.redacted.png')}  ${notImage}: failed (${report[1].error})\n  ${locked}: failed (${report[2].error})\n${doubt('easy-front.redacted.png')}`,
    );
    await easyCardRedacted(join(out, 's7-000-easy-front.redacted.png'));
    await easyCardRedacted(join(out, 'easy-front.redacted.png'));
    expect(existsSync(join(out, 'notes.redacted.png'))).toBe(false);
    expect(existsSync(join(out, 'locked.redacted.pdf'))).toBe(false);
  }, 300_000);
});
