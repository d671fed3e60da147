import { describe, expect, it } from 'vitest';
import {
  downscaleRgba,
  scaleFinding,
  scaleTextLine,
  workingScale,
  WORKING_MAX_PIXELS,
} from '../../src/engine/core/working-size';
import { MAX_CANVAS_PIXELS, rowBands } from '../../src/engine/image/canvas-limit';
import type { Finding } from '../../src/engine/types';

describe('working size and canvas bands', () => {
  it('leaves pictures within the working size alone and scales a 48 MP photo to it', () => {
    expect(workingScale(4032, 3024)).toBe(1);
    const s = workingScale(8064, 6048);
    expect(s).toBeLessThan(1);
    expect(Math.floor(8064 * s) * Math.floor(6048 * s)).toBeLessThanOrEqual(WORKING_MAX_PIXELS);
  });

  it('area-averages: a 2x2 checker of black and white becomes mid grey', () => {
    const data = new Uint8ClampedArray(4 * 4 * 4);
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 4; x++) {
        const v = (x + y) % 2 ? 255 : 0;
        data.set([v, v, v, 255], (y * 4 + x) * 4);
      }
    const small = downscaleRgba({ width: 4, height: 4, data }, 0.5);
    expect([small.width, small.height]).toEqual([2, 2]);
    for (let i = 0; i < small.data.length; i += 4)
      expect(Math.abs(small.data[i] - 127.5)).toBeLessThanOrEqual(1);
  });

  it('scales findings back to the original pixels', () => {
    const quad = [
      { x: 10, y: 20 },
      { x: 30, y: 20 },
      { x: 30, y: 40 },
      { x: 10, y: 40 },
    ] as Finding['glyphs'][number];
    const f = { id: 'f', glyphs: [quad] } as Finding;
    expect(scaleFinding(f, 2, 3).glyphs[0][2]).toEqual({ x: 60, y: 120 });
  });

  it("scales the text detector's lines back to the original pixels", () => {
    const line = {
      centre: { x: 100, y: 50 },
      angle: 0.3,
      length: 80,
      glyphHeight: 10,
      score: 0.9,
      pieces: 1,
    };
    const scaled = scaleTextLine(line, 2, 2.02);
    expect(scaled.centre).toEqual({ x: 200, y: 101 });
    expect(scaled.length).toBeCloseTo(160.8, 6);
    expect(scaled.glyphHeight).toBeCloseTo(20.1, 6);
    expect(scaled.angle).toBe(0.3);
  });

  it('bands a 48 MP photo into canvases within the limit that cover every row once', () => {
    const bands = rowBands(8064, 6048);
    expect(bands.length).toBe(3);
    expect(bands.every((b) => 8064 * b.rows <= MAX_CANVAS_PIXELS)).toBe(true);
    expect(bands.reduce((n, b) => n + b.rows, 0)).toBe(6048);
    expect(rowBands(1000, 800)).toEqual([{ y: 0, rows: 800 }]);
  });
});
