// `lastfour redact --json --strict`: a photo that shows a card whose number no reader could read is
// reported on stderr and in the JSON report, and --strict makes the run fail; a card whose number
// was found and masked is not reported. Every output is read again by the other reader (leakCheck).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-card-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const APP = join(__dirname, '../fixtures/app');

describe('lastfour redact on a card without a readable number', () => {
  it('reports cardWithoutNumber per file and fails with --strict', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
    let code: number;
    try {
      code = await main([
        'redact',
        join(APP, 'smeared-card.jpg'),
        join(APP, 's7-000-easy-front.jpg'),
        '--out',
        dir,
        '--json',
        '--strict',
      ]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const report = JSON.parse(out.join('')) as {
      file: string;
      cardWithoutNumber: boolean;
      leakCheck: { reader: string; leaks: unknown[]; readers: string[]; findingsReadBy: string[] };
    }[];
    expect(report.map((r) => [r.file.split('/').pop(), r.cardWithoutNumber])).toEqual([
      ['smeared-card.jpg', true],
      ['s7-000-easy-front.jpg', false],
    ]);
    // Each output was read again by the reader that did not find the numbers: nothing readable. No
    // number was read on the smeared card, so the page's own reader (learned) is the one that missed.
    expect(report.map((r) => r.leakCheck)).toEqual([
      { reader: 'tesseract', leaks: [], readers: ['tesseract'], findingsReadBy: [] },
      { reader: 'tesseract', leaks: [], readers: ['tesseract'], findingsReadBy: ['learned'] },
    ]);
    expect(err.join('')).toMatch(/smeared-card[\s\S]*looks like a card .* but no card number was found/);
    expect(code).toBe(3);
  }, 180_000);
});
