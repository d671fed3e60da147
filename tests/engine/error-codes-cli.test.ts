// Every error code the CLI can meet, reached from a real bad input: the report carries the code and
// stderr prints the same sentence the app shows (errorText, the one table in engine/error-codes.ts).
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { errorText, type EngineErrorCode } from '../../src/engine/error-codes';
import { MAX_CANVAS_PIXELS } from '../../src/engine/image/canvas-limit';
import { codedBadFiles, hugeBlankPng } from '../support/bad-inputs';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-codes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out.push(String(c));
    return true;
  });
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    err.push(String(c));
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

interface Entry {
  file: string;
  error?: string;
  code?: EngineErrorCode;
}

describe('CLI error codes from real bad inputs', () => {
  it('reports each bad file with its code and the table words, and redacts the good one', async () => {
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    const bad = codedBadFiles();
    const files = bad.map((b) => {
      const f = join(inputs, b.input.name);
      writeFileSync(f, b.input.buffer);
      return f;
    });
    const good = join(inputs, 'card.jpg');
    writeFileSync(good, readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    const r = await run([
      'redact',
      ...files,
      good,
      '--out',
      join(dir, 'out'),
      '--json',
      '--pdf-output',
      'png',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Entry[];
    bad.forEach((b, i) => {
      const entry = report[i];
      expect(entry.file).toBe(files[i]);
      expect(entry.code, b.input.name).toBe(b.code);
      expect(entry.error, b.input.name).toMatch(b.expect);
      // The same words the app shows for the code: the sentence for it from the table.
      if (
        ![
          'truncated',
          'too-small',
          'too-large',
          'pdf-too-many-pages',
          'pdf-damaged',
          'image-damaged',
          'pdf-page-unreadable',
        ].includes(b.code)
      )
        expect(entry.error).toBe(errorText(b.code));
      expect(r.stderr).toContain(`lastfour: ${files[i]}: ${entry.error}`);
    });
    expect(report[bad.length].error).toBeUndefined();
  });

  it('a wrong PDF password: pdf-wrong-password', async () => {
    const f = join(dir, 'locked.pdf');
    writeFileSync(f, readFileSync('tests/fixtures/pdf/statement-encrypted.pdf'));
    const r = await run(['redact', f, '--out', join(dir, 'out2'), '--json', '--password', 'not-it']);
    const [entry] = JSON.parse(r.stdout) as Entry[];
    expect(entry.code).toBe('pdf-wrong-password');
    expect(entry.error).toBe(errorText('pdf-wrong-password'));
  });

  it('a photo over the canvas limit asked for as WebP: export-too-large (PNG and JPEG have canvas-free encoders)', async () => {
    // 4200 x 4200 = 17.6 MP, over the 16,777,216-pixel canvas limit and well under the input limit.
    expect(4200 * 4200).toBeGreaterThan(MAX_CANVAS_PIXELS);
    const f = join(dir, 'big.png');
    writeFileSync(f, hugeBlankPng(4200, 4200));
    const r = await run(['redact', f, '--out', join(dir, 'out4'), '--json', '--format', 'webp']);
    expect(r.code).toBe(1);
    const [entry] = JSON.parse(r.stdout) as Entry[];
    expect(entry.code).toBe('export-too-large');
    expect(entry.error).toBe(errorText('export-too-large', { width: 4200, height: 4200, type: 'webp' }));
    expect(r.stderr).toContain(`lastfour: ${f}: ${entry.error}`);
  });

  it('a photo whose pixels do not fit --max-memory: out-of-memory, and the next file is redacted', async () => {
    // 5000 x 4000 = 20 MP: 240 MB at the CLI's 12 bytes a pixel, over a 100 MB budget; the card is not.
    const big = join(dir, 'big-20mp.png');
    writeFileSync(big, hugeBlankPng(5000, 4000));
    const card = join(dir, 'small-card.jpg');
    writeFileSync(card, readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    const outDir = join(dir, 'out6');
    const r = await run([
      'redact',
      big,
      card,
      '--out',
      outDir,
      '--json',
      '--max-memory',
      '100',
      '--jobs',
      '1',
    ]);
    expect(r.code).toBe(1);
    const [first, second] = JSON.parse(r.stdout) as Entry[];
    expect(first.code).toBe('out-of-memory');
    expect(first.error).toBe(errorText('out-of-memory', { width: 5000, height: 4000 }));
    expect(r.stderr).toContain(`lastfour: ${big}: ${first.error}`);
    expect(second.error).toBeUndefined();
    expect(readdirSync(outDir).sort()).toEqual(['small-card.masks.json', 'small-card.redacted.png']);
  });

  it("the CLI's own plain errors keep their words and carry no code (never 'internal')", async () => {
    const outDir = join(dir, 'out5');
    mkdirSync(outDir);
    // card.jpg would be written as out5/card.redacted.png, which is another input of the run.
    const photo = join(dir, 'card.jpg');
    writeFileSync(photo, readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    const other = join(outDir, 'card.redacted.png');
    writeFileSync(other, Buffer.alloc(0));
    const r = await run(['redact', photo, other, '--out', outDir, '--json']);
    expect(r.code).toBe(1);
    const [first, second] = JSON.parse(r.stdout) as Entry[];
    expect(first).toEqual({ file: photo, error: 'the output would overwrite an input' });
    expect(second).toMatchObject({ file: other, code: 'file-empty' });
    expect(readFileSync(other)).toHaveLength(0);
  });

  it('missing OCR language data: ocr-assets-missing, said once, exit 1', async () => {
    const empty = join(dir, 'no-lang');
    mkdirSync(empty);
    const f = join(dir, 'card.jpg');
    writeFileSync(f, readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    const r = await run(['redact', f, '--out', join(dir, 'out3'), '--json', '--ocr-lang', empty]);
    expect(r.code).toBe(1);
    const [entry] = JSON.parse(r.stdout) as Entry[];
    expect(entry.code).toBe('ocr-assets-missing');
    expect(r.stderr).toMatch(/lastfour: The OCR engine could not be loaded/);
  });
});
