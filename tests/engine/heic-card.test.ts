// A HEIC photo of a card (stored sideways with an irot box, as iPhones do) decodes upright and is
// detected and redacted exactly like its JPEG twin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { analyzeImage } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import { InputError } from '../../src/engine/errors';
import { readHeicSize } from '../../src/engine/heic/heic-size';
import { sniffImageType } from '../../src/engine/image/sniff';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode, encodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';

const file = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/heic', name)));

function meanDiff(a: RgbaImage, b: RgbaImage): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4)
    sum += Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]);
  return sum / (a.data.length / 2);
}

let ocr: OcrEngine;
beforeAll(async () => {
  ocr = await createNodeOcr(2);
});
afterAll(async () => {
  await ocr?.terminate();
});

describe('HEIC photo', () => {
  it('is sniffed as HEIC and its declared (stored, sideways) size is read without decoding', () => {
    const heic = file('card-irot.heic');
    expect(sniffImageType(heic)).toBe('heic');
    // ispe holds the coded size (HEVC pads 689 to an even 690; a clap box crops it back).
    expect(readHeicSize(heic)).toEqual({ width: 690, height: 1078 });
  });

  it('decodes upright (irot applied) and matches its JPEG twin', async () => {
    const heic = await decodeImageNode(file('card-irot.heic'));
    const jpeg = await decodeImageNode(file('card.jpg'));
    expect([heic.width, heic.height]).toEqual([jpeg.width, jpeg.height]);
    // Same picture up to compression noise; turned the wrong way it would differ by tens of levels.
    expect(meanDiff(heic, jpeg)).toBeLessThan(6);
  });

  it('is detected and redacted like the JPEG twin', async () => {
    const heic = await decodeImageNode(file('card-irot.heic'));
    const jpeg = await decodeImageNode(file('card.jpg'));
    const a = await analyzeImage(heic, ocr, { keep: 'last4' });
    const b = await analyzeImage(jpeg, ocr, { keep: 'last4' });
    expect(a.findings.length).toBeGreaterThan(0);
    // Same findings, glyph for glyph. Both are lossy copies of one picture, so OCR may leave a digit
    // unread ('?') in one and read it in the other; every read digit must agree.
    expect(a.findings.map((f) => [f.kind, f.glyphs.length])).toEqual(
      b.findings.map((f) => [f.kind, f.glyphs.length]),
    );
    a.findings.forEach((f, i) =>
      [...f.text].forEach((c, k) => {
        const d = b.findings[i].text[k];
        if (c !== '?' && d !== '?') expect(c, `${f.text} vs ${b.findings[i].text}`).toBe(d);
      }),
    );
    expect(a.masks).toHaveLength(b.masks.length);
    a.masks.forEach((m, i) => {
      expect(Math.abs(m.x - b.masks[i].x)).toBeLessThan(6);
      expect(Math.abs(m.width - b.masks[i].width)).toBeLessThan(10);
    });
    // Export as for any photo: a fresh PNG that decodes back to the burned pixels.
    const png = await encodeImageNode(burnMasks(heic, a.masks), 'png');
    expect(sniffImageType(png)).toBe('png');
    const back = await decodeImageNode(png);
    expect([back.width, back.height]).toEqual([heic.width, heic.height]);
  });

  it('a damaged HEIC gets a clear message', async () => {
    const heic = file('card-irot.heic');
    const broken = heic.slice(0, 4000);
    await expect(decodeImageNode(broken)).rejects.toBeInstanceOf(InputError);
    await expect(decodeImageNode(broken)).rejects.toThrow(/HEIC|damaged|truncated/);
  });
});
