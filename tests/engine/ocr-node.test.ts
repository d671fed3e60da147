import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGray } from '../../src/engine/image/gray';
import { createTesseractOcr, OcrLoadError } from '../../src/engine/ocr/tesseract';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';
import { createNodeOcr } from './support/ocr';

describe('engine OCR in Node (same code as the browser worker)', () => {
  let ocr: OcrEngine;
  beforeAll(async () => {
    ocr = await createNodeOcr();
  });
  afterAll(() => ocr?.terminate());

  it('reads a card fixture into lines, words and symbol boxes in image pixels', async () => {
    const image = await decodeImageNode(readFileSync('tests/fixtures/ocr/easy-front.jpg'));
    const page = await ocr.recognize(toGray(image), { psm: 3 });
    const text = page.lines.map((l) => l.text).join('\n');
    expect(text).toMatch(/BANCO AZUL/);
    const words = page.lines.flatMap((l) => l.words);
    const group = words.find((w) => w.text === '4266');
    expect(group, `words: ${words.map((w) => w.text).join(' ')}`).toBeDefined();
    expect(group!.symbols.map((s) => s.text).join('')).toBe('4266');
    for (const s of group!.symbols) {
      expect(s.box.x1).toBeGreaterThan(s.box.x0);
      expect(s.box.y1).toBeGreaterThan(s.box.y0);
      expect(s.box.x0).toBeGreaterThanOrEqual(group!.box.x0);
      expect(s.box.x1).toBeLessThanOrEqual(group!.box.x1);
      expect(s.box.x1).toBeLessThanOrEqual(image.width);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    // Symbols run left to right inside the word.
    const xs = group!.symbols.map((s) => s.box.x0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('fails with a clear error, not a hang, when the language data is missing', async () => {
    const start = Date.now();
    const attempt = createTesseractOcr({ langPath: '/nonexistent/lastfour-lang', startTimeoutMs: 30_000 });
    await expect(attempt).rejects.toBeInstanceOf(OcrLoadError);
    await expect(attempt).rejects.toThrow(/OCR engine failed to load/);
    expect(Date.now() - start).toBeLessThan(30_000);
  });
});
