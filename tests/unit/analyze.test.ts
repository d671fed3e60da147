import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/engine/analyze';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { Progress, RgbaImage } from '../../src/engine/types';

/** A grey card-ish image with a row of dark digit-sized blocks, so the line finder has work to do. */
function image(): RgbaImage {
  const w = 400;
  const h = 240;
  const data = new Uint8ClampedArray(w * h * 4).fill(220);
  for (let g = 0; g < 16; g++) {
    const x0 = 40 + g * 20 + Math.floor(g / 4) * 12;
    for (let y = 110; y < 134; y++)
      for (let x = x0; x < x0 + 12; x++) data.fill(30, (y * w + x) * 4, (y * w + x) * 4 + 3);
  }
  return { width: w, height: h, data };
}

const emptyOcr = (): OcrEngine & { calls: number } => {
  const engine = {
    calls: 0,
    async recognize(img: { width: number; height: number }): Promise<OcrPage> {
      engine.calls++;
      return { width: img.width, height: img.height, lines: [] };
    },
    async terminate() {},
  };
  return engine;
};

describe('analyzeImage', () => {
  it('reports progress from start to finish and returns plain data', async () => {
    const seen: Progress[] = [];
    const result = await analyzeImage(image(), emptyOcr(), {}, (p) => seen.push(p));
    expect(result.width).toBe(400);
    expect(result.height).toBe(240);
    expect(result.findings).toEqual([]);
    expect(result.masks).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0].progress).toBe(0);
    expect(seen[seen.length - 1].progress).toBe(1);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i].progress).toBeGreaterThanOrEqual(seen[i - 1].progress);
  });

  it('throws an AbortError when cancelled, before any OCR', async () => {
    const ocr = emptyOcr();
    const controller = new AbortController();
    controller.abort();
    await expect(analyzeImage(image(), ocr, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(ocr.calls).toBe(0);
  });

  it('stops between passes when cancelled mid-way', async () => {
    const controller = new AbortController();
    const ocr = emptyOcr();
    const slow: OcrEngine = {
      async recognize(img, o) {
        controller.abort();
        return ocr.recognize(img, o);
      },
      terminate: ocr.terminate,
    };
    await expect(analyzeImage(image(), slow, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(ocr.calls).toBeLessThanOrEqual(2);
  });
});
