// `lastfour redact statement.pdf --out dir` writes the redacted PDF and/or page PNGs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sniffImageType } from '../../src/engine/image/sniff';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-pdf-cli-'));
const fx = (name: string) => join(import.meta.dirname, '../fixtures/pdf', name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Share of the pixels tinted red by the watermark (red well above green; statements print no red). */
function reddish(img: RgbaImage): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] - img.data[i + 1] > 40) n++;
  return n / (img.width * img.height);
}

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
    // The report shows no more of a masked number than the pages do: at most its last four digits.
    type Page = { findings: { id: string; text: string }[]; masks: { findingId?: string }[] };
    const masked = (masks.pages as Page[]).flatMap((p) =>
      p.findings.filter((f) => p.masks.some((m) => m.findingId === f.id)),
    );
    expect(masked.length).toBeGreaterThan(0);
    for (const f of masked) {
      expect(f.text, f.text).toContain('•');
      expect(f.text.replace(/\D/g, '').length, f.text).toBeLessThanOrEqual(4);
    }
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

  it('--watermark burns the tiled text into every page, as for photos', async () => {
    const out = join(dir, 'watermarked');
    const args = ['redact', fx('statement-text.pdf'), '--out', out, '--pdf-output', 'png'];
    expect(await main(args)).toBe(0);
    const plain = await decodeImageNode(readFileSync(join(out, 'statement-text.page-1.redacted.png')));
    expect(reddish(plain)).toBeLessThan(0.001);
    expect(await main([...args, '--watermark', 'Copy for ACME Bank - account check - 2026-11-26'])).toBe(0);
    for (const n of [1, 2, 3]) {
      const page = await decodeImageNode(readFileSync(join(out, `statement-text.page-${n}.redacted.png`)));
      expect(reddish(page), `page ${n}`).toBeGreaterThan(0.01);
    }
  });
});
