// JPEG exports of a picture with transparent parts (a cut-out card's corners): onto white, not black.
import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../src/cli/core-node';
import { compositeOntoWhite } from '../../src/engine/image/onto-white';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { OcrEngine } from '../../src/engine/ocr/types';
import type { Mask, RgbaImage } from '../../src/engine/types';

/** A 60 x 40 grey card whose 10 px corners are fully transparent (colour values 0, as PNGs store them). */
function cutOutCard(): RgbaImage {
  const w = 60;
  const h = 40;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const corner = (x < 10 || x >= w - 10) && (y < 10 || y >= h - 10);
      if (!corner) data.set([90, 120, 160, 255], (y * w + x) * 4);
    }
  return { width: w, height: h, data };
}

const noOcr: OcrEngine = {
  recognize: () => Promise.reject(new Error('no OCR in this test')),
  terminate: async () => undefined,
};

describe('compositeOntoWhite', () => {
  it('puts transparent and half-transparent pixels on white and leaves opaque ones', () => {
    const img = {
      width: 3,
      height: 1,
      data: new Uint8ClampedArray([0, 0, 0, 0, 0, 0, 0, 128, 10, 20, 30, 255]),
    };
    compositeOntoWhite(img);
    expect([...img.data]).toEqual([255, 255, 255, 255, 127, 127, 127, 255, 10, 20, 30, 255]);
  });
});

describe('exportImage as JPEG', () => {
  it('gives a transparent corner white, keeps the card and the mask, and keeps PNG corners transparent', async () => {
    const core = createNodeCore(noOcr);
    core.addImage('card', cutOutCard());
    const mask: Mask = {
      id: 'm',
      x: 20,
      y: 15,
      width: 20,
      height: 10,
      rotation: 0,
      kind: 'manual',
      source: 'manual',
      confidence: 1,
      label: 'hand-drawn',
    };
    const jpeg = await decodeImageNode(await core.exportImage('card', [mask], 'jpeg'));
    const at = (img: RgbaImage, x: number, y: number) => [
      ...img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 3),
    ];
    for (const v of at(jpeg, 2, 2)) expect(v).toBeGreaterThan(240);
    for (const v of at(jpeg, 30, 20)) expect(v).toBeLessThan(15);
    expect(at(jpeg, 30, 5)[2]).toBeGreaterThan(140);
    const png = await decodeImageNode(await core.exportImage('card', [mask], 'png'));
    expect(png.data[3]).toBe(0);
  });
});
