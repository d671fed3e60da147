// fitGlyphGrid (src/engine/detect/glyph-grid.ts): where the kept digits start inside a printed group,
// the group's boxes are re-cut along the line to the grid whose cell edges fall in the print's gaps;
// other groups, and print that shows no grid, are left as placed.
import { describe, expect, it } from 'vitest';
import { fitGlyphGrid } from '../../src/engine/detect/glyph-grid';
import type { GrayImage, Quad } from '../../src/engine/types';

const W = 600;
const H = 160;
const PITCH = 24;
const TOP = 60;
const HEIGHT = 34;

/** A group of `n` digit-like glyphs (boxes 18 px wide, "0" and "8" by turns) on cells of PITCH from x0; the gaps are 6 px. */
function group(x0: number, n: number, ground = 150, ink = 60): GrayImage {
  const data = new Uint8Array(W * H).fill(ground);
  const fill = (a: number, b: number, c: number, d: number) => {
    for (let y = b; y < d; y++) for (let x = a; x < c; x++) data[y * W + x] = ink;
  };
  for (let k = 0; k < n; k++) {
    const x = x0 + k * PITCH + 3;
    fill(x, TOP, x + 4, TOP + HEIGHT);
    fill(x + 14, TOP, x + 18, TOP + HEIGHT);
    fill(x, TOP, x + 18, TOP + 4);
    fill(x, TOP + HEIGHT - 4, x + 18, TOP + HEIGHT);
    // Every other glyph has a bar across its middle (an "8"); the rest are hollow, as blank inside as a gap.
    if (k % 2) fill(x, TOP + 15, x + 18, TOP + 19);
  }
  return { width: W, height: H, data };
}

const box = (x0: number, x1: number): Quad => [
  { x: x0, y: TOP },
  { x: x1, y: TOP },
  { x: x1, y: TOP + HEIGHT },
  { x: x0, y: TOP + HEIGHT },
];

/** The reader's boxes: one per cell, `drift` px off and a little narrower than the cell. */
const placed = (x0: number, n: number, drift: number) =>
  Array.from({ length: n }, (_, k) => box(x0 + k * PITCH + drift + 2, x0 + (k + 1) * PITCH + drift - 2));

const xs = (q: Quad) => [Math.min(...q.map((p) => p.x)), Math.max(...q.map((p) => p.x))];
const keptLast4 = (n: number) => new Set([n - 4, n - 3, n - 2, n - 1]);

describe('fitGlyphGrid', () => {
  it('re-cuts a 13-glyph group whose boxes drift 4 px to the print’s cells, either polarity', () => {
    for (const [ground, ink] of [
      [150, 60],
      [60, 200],
    ]) {
      const fitted = fitGlyphGrid(group(100, 13, ground, ink), placed(100, 13, -4), keptLast4(13));
      fitted.forEach((q, k) => {
        const [x0, x1] = xs(q);
        // The cell edges lie in the 6 px gaps: from the previous glyph's ink end to this glyph's start.
        expect(x0).toBeGreaterThanOrEqual(100 + k * PITCH - 3);
        expect(x0).toBeLessThanOrEqual(100 + k * PITCH + 3);
        expect(x1).toBeGreaterThanOrEqual(100 + (k + 1) * PITCH - 3);
        expect(x1).toBeLessThanOrEqual(100 + (k + 1) * PITCH + 3);
      });
    }
  });

  it('leaves a group where no mask ends (all hidden, or all kept)', () => {
    const boxes = placed(100, 13, -4);
    expect(fitGlyphGrid(group(100, 13), boxes, new Set())).toEqual(boxes);
    expect(fitGlyphGrid(group(100, 13), boxes, new Set(boxes.map((_, i) => i)))).toEqual(boxes);
  });

  it('leaves boxes over print that shows no grid', () => {
    // A blank band: no gap is darker or lighter than any other column.
    const blank: GrayImage = { width: W, height: H, data: new Uint8Array(W * H).fill(150) };
    const boxes = placed(100, 13, -4);
    expect(fitGlyphGrid(blank, boxes, keptLast4(13))).toEqual(boxes);
  });
});
