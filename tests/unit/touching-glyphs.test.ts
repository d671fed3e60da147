import { describe, expect, it } from 'vitest';
import type { Slot } from '../../src/engine/detect/number-run';
import { splitTouchingGlyphs } from '../../src/engine/detect/touching-glyphs';
import type { GrayImage } from '../../src/engine/types';

/** A white crop 28 px tall with dark blocks (glyphs) at the given column ranges [x0, x1). */
function crop(width: number, blocks: [number, number][]): GrayImage {
  const height = 28;
  const data = new Uint8Array(width * height).fill(235);
  for (const [x0, x1] of blocks)
    for (let y = 4; y < 24; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 30;
  return { width, height, data };
}

const slot = (x0: number, x1: number, char = '8'): Slot => ({
  x0,
  x1,
  y0: 4,
  y1: 24,
  char,
  confidence: 0.99,
});

describe('splitTouchingGlyphs', () => {
  it('parts two tightly set glyphs at the empty column between them, not where their boxes overlap', () => {
    // Glyphs printed at 10-26, 27-43 and 44-60 (empty columns 26 and 43); the recognizer's boxes
    // start early and overlap their neighbours.
    const image = crop(120, [
      [10, 26],
      [27, 43],
      [44, 60],
    ]);
    const out = splitTouchingGlyphs([slot(8, 25), slot(24, 41), slot(41, 58)], image);
    expect(out[0].x1).toBe(26.5);
    expect(out[1].x0).toBe(26.5);
    expect(out[1].x1).toBe(43.5);
    expect(out[2].x0).toBe(43.5);
  });

  it("parts at the far end of a valley of empty columns, taking the left glyph's leaning tail in", () => {
    // Empty columns 26 to 28 between two glyphs whose boxes overlap.
    const image = crop(120, [
      [10, 26],
      [29, 45],
    ]);
    const out = splitTouchingGlyphs([slot(9, 28), slot(26, 45)], image);
    expect(out[0].x1).toBe(28.5);
    expect(out[1].x0).toBe(28.5);
  });

  it('leaves glyphs with a visible gap between their boxes, and unread slots, as read', () => {
    const image = crop(140, [
      [10, 24],
      [32, 46],
      [54, 68],
    ]);
    const read = [slot(10, 24), slot(32, 46), slot(50, 70, '?')];
    expect(splitTouchingGlyphs(read, image)).toEqual(read);
  });

  it("parts at the empty column after a 0, not through the 0's hollow", () => {
    // A '0' drawn as a ring (ink at its sides, top and bottom), then one empty column, then a glyph.
    const width = 80;
    const image = crop(width, [[33, 49]]);
    for (let y = 4; y < 24; y++)
      for (let x = 10; x < 32; x++) if (x < 13 || x >= 29 || y < 7 || y >= 21) image.data[y * width + x] = 30;
    const out = splitTouchingGlyphs([slot(9, 30), slot(28, 47)], image);
    expect(out[0].x1).toBe(32.5);
    expect(out[1].x0).toBe(32.5);
  });

  it('leaves the boundary as read where glyphs truly touch (no empty column between them)', () => {
    const width = 80;
    const image = crop(width, [[32, 48]]);
    for (let y = 4; y < 24; y++)
      for (let x = 10; x < 32; x++) if (x < 13 || x >= 29 || y < 7 || y >= 21) image.data[y * width + x] = 30;
    const read = [slot(10, 34), slot(30, 48)];
    expect(splitTouchingGlyphs(read, image)).toEqual(read);
  });
});
