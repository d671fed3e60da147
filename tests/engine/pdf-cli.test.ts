// `lastfour redact statement.pdf --out dir` writes the redacted PDF and/or page PNGs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sniffImageType } from '../../src/engine/image/sniff';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-pdf-cli-'));
const fx = (name: string) => join(import.meta.dirname, '../fixtures/pdf', name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lastfour redact <pdf>', () => {
  it('writes <name>.redacted.pdf, page PNGs and the masks JSON', async () => {
    const code = await main(['redact', fx('statement-text.pdf'), '--out', dir, '--pdf-output', 'both']);
    expect(code).toBe(0);
    const pdf = readFileSync(join(dir, 'statement-text.redacted.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const n of [1, 2, 3]) {
      expect(sniffImageType(readFileSync(join(dir, `statement-text.page-${n}.redacted.png`)))).toBe('png');
    }
    const masks = JSON.parse(readFileSync(join(dir, 'statement-text.masks.json'), 'utf8'));
    expect(masks.pages.map((p: { findings: unknown[] }) => p.findings.length)).toEqual([5, 3, 2]);
  });

  it('a protected PDF fails with the password message until --password is given', async () => {
    expect(await main(['redact', fx('statement-encrypted.pdf'), '--out', dir])).toBe(1);
    expect(existsSync(join(dir, 'statement-encrypted.redacted.pdf'))).toBe(false);
    const code = await main([
      'redact',
      fx('statement-encrypted.pdf'),
      '--out',
      dir,
      '--password',
      'lastfour-test',
    ]);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'statement-encrypted.redacted.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'statement-encrypted.page-1.redacted.png'))).toBe(false);
  });
});
