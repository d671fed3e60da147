import { describe, expect, it } from 'vitest';
import { burnMasks } from '../../src/engine/burn/burn';
import type { Mask, RgbaImage } from '../../src/engine/types';

function image(w: number, h: number, v = 200): RgbaImage {
  return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(v) };
}
const mask = (m: Partial<Mask>): Mask => ({
  id: 'm',
  x: 0,
  y: 0,
  width: 1,
  height: 1,
  rotation: 0,
  kind: 'manual',
  source: 'manual',
  confidence: 1,
  label: '',
  ...m,
});
const px = (img: RgbaImage, x: number, y: number) =>
  Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('burnMasks', () => {
  it('fills opaque black, snapped outward to whole pixels, and leaves the source untouched', () => {
    const src = image(10, 10);
    const out = burnMasks(src, [mask({ x: 2.4, y: 3.6, width: 2.2, height: 1.1 })]);
    // x 2.4..4.6 touches columns 2,3,4; y 3.6..4.7 touches rows 3,4.
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 10; x++) {
        const inside = x >= 2 && x <= 4 && y >= 3 && y <= 4;
        expect(px(out, x, y), `${x},${y}`).toEqual(inside ? [0, 0, 0, 255] : [200, 200, 200, 200]);
      }
    expect(px(src, 3, 3)).toEqual([200, 200, 200, 200]);
  });

  it('covers every pixel a rotated mask touches', () => {
    const out = burnMasks(image(40, 40), [mask({ x: 10, y: 5, width: 20, height: 6, rotation: 30 })]);
    // Sample points strictly inside the rotated rectangle must be black.
    const a = (30 * Math.PI) / 180;
    for (let u = 0.5; u < 20; u += 0.5)
      for (let v = 0.25; v < 6; v += 0.5) {
        const x = 10 + u * Math.cos(a) - v * Math.sin(a);
        const y = 5 + u * Math.sin(a) + v * Math.cos(a);
        expect(px(out, Math.floor(x), Math.floor(y))[0]).toBe(0);
      }
    // And far-away pixels are untouched.
    expect(px(out, 0, 39)[0]).toBe(200);
    expect(px(out, 39, 0)[0]).toBe(200);
  });

  it('clamps masks that run off the image and ignores empty ones', () => {
    const out = burnMasks(image(8, 8), [mask({ x: -5, y: 6, width: 100, height: 100 }), mask({ width: 0 })]);
    expect(px(out, 0, 7)[0]).toBe(0);
    expect(px(out, 7, 6)[0]).toBe(0);
    expect(px(out, 0, 0)[0]).toBe(200);
  });
});
