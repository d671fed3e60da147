import { describe, expect, it } from 'vitest';
import { boxDownsample, downsampleFactor } from '../../src/engine/documents/downsample';
import { assessLayout } from '../../src/engine/documents/layout-gate';
import type { GrayImage } from '../../src/engine/types';

/** A white page with rows of dark "glyphs" (6x10 px blocks at a 10 px pitch), tilted by `deg`. */
function page(rows: { y: number; count: number }[], deg = 0, w = 800, h = 600): GrayImage {
  const data = new Uint8Array(w * h).fill(235);
  const t = Math.tan((deg * Math.PI) / 180);
  for (const r of rows) {
    for (let i = 0; i < r.count; i++) {
      const x0 = 20 + i * 10;
      const y0 = Math.round(r.y + x0 * t);
      for (let y = y0; y < y0 + 10; y++)
        for (let x = x0; x < x0 + 6; x++) if (y >= 0 && y < h && x < w) data[y * w + x] = 20;
    }
  }
  return { width: w, height: h, data };
}

describe('layout gate', () => {
  it('calls a card-like picture (few short lines) not a document', () => {
    const v = assessLayout(
      page([
        { y: 300, count: 16 },
        { y: 360, count: 8 },
      ]),
    );
    expect(v.documentLike).toBe(false);
    expect(v.textLines).toBe(2);
  });

  it('calls a page of many text lines a document', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ y: 30 + i * 26, count: 12 + (i % 5) }));
    expect(assessLayout(page(rows)).documentLike).toBe(true);
  });

  it('finds MRZ-like rows (long, evenly pitched) and measures their tilt', () => {
    const v = assessLayout(
      page(
        [
          { y: 400, count: 44 },
          { y: 440, count: 44 },
        ],
        3,
      ),
    );
    expect(v.mrzLikeLines).toBe(2);
    expect(v.documentLike).toBe(true);
    expect((v.mrzAngle * 180) / Math.PI).toBeCloseTo(3, 0);
  });

  it('sees a page turned sideways', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ y: 30 + i * 26, count: 12 }));
    const upright = page(rows, 0, 600, 600);
    // Transpose: the rows become columns.
    const turned = new Uint8Array(600 * 600);
    for (let y = 0; y < 600; y++)
      for (let x = 0; x < 600; x++) turned[x * 600 + y] = upright.data[y * 600 + x];
    const v = assessLayout({ width: 600, height: 600, data: turned });
    expect(v.documentLike).toBe(false);
    expect(v.sideways?.documentLike).toBe(true);
  });

  it('box-downsamples by an integer factor', () => {
    const img = {
      width: 8,
      height: 4,
      data: Uint8Array.from({ length: 32 }, (_, i) => (i % 8 < 4 ? 0 : 200)),
    };
    const out = boxDownsample(img, 2);
    expect(out.width).toBe(4);
    expect(out.height).toBe(2);
    expect([...out.data]).toEqual([0, 0, 200, 200, 0, 0, 200, 200]);
    expect(downsampleFactor({ width: 3100, height: 2400, data: new Uint8Array(0) }, 800)).toBe(4);
  });
});
