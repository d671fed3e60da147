// The check of an export reads only lines with print left in view (LeakCheckOptions.masks): a
// number's line whose digits but the last four are burned out holds no number in card layout, and
// reading it again is time for nothing. A line with enough in view is still read, masks or not.
import { describe, expect, it } from 'vitest';
import { checkExport, inView, type Line } from '../../src/engine/detect/leak-check';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { RgbaImage } from '../../src/engine/types';

const line = (cx: number, cy: number, length: number, glyphHeight = 20, angle = 0): Line => ({
  centre: { x: cx, y: cy },
  angle,
  length,
  glyphHeight,
});

/** A level mask over x0..x1, rows y0..y1. */
const mask = (x0: number, y0: number, x1: number, y1: number) => ({
  x: x0,
  y: y0,
  width: x1 - x0,
  height: y1 - y0,
  rotation: 0,
});

describe('inView', () => {
  it('is the part of a line outside every mask, level or turned', () => {
    // A line from x 50 to 450 at y 100; the mask covers 50..370: 80 pixels stay in view.
    expect(inView(line(250, 100, 400), [mask(40, 85, 370, 115)])).toBeCloseTo(80, -1);
    expect(inView(line(250, 100, 400), [])).toBe(400);
    // A mask beside the line, not over it.
    expect(inView(line(250, 100, 400), [mask(40, 130, 370, 160)])).toBe(400);
    // The same line turned 30 degrees, under a mask turned with it over its first 320 pixels.
    const a = (30 * Math.PI) / 180;
    const start = { x: 250 - 200 * Math.cos(a), y: 100 - 200 * Math.sin(a) };
    const turned = {
      x: start.x + 15 * Math.sin(a),
      y: start.y - 15 * Math.cos(a),
      width: 320,
      height: 30,
      rotation: 30,
    };
    expect(inView(line(250, 100, 400, 20, a), [turned])).toBeCloseTo(80, -1);
  });
});

describe('checkExport with the masks burned in', () => {
  const image: RgbaImage = { width: 600, height: 300, data: new Uint8ClampedArray(600 * 300 * 4).fill(230) };
  const lines = [line(250, 100, 400), line(250, 200, 400)];

  /** A reader that reads nothing and counts the crops it is given. */
  const counting = () => {
    const seen: number[] = [];
    const engine: OcrEngine = {
      async recognize(img): Promise<OcrPage> {
        seen.push(img.width);
        return { width: img.width, height: img.height, lines: [] };
      },
      async terminate() {},
    };
    return { engine, seen };
  };

  it('does not read a line whose digits but the last four are masked', async () => {
    const { engine, seen } = counting();
    // 50 pixels of the first line stay in view: two and a half glyph heights.
    await checkExport(image, [], { ocr: engine, primary: 'learned', lines, masks: [mask(40, 85, 400, 115)] });
    // The free line is read (both ways round, no number being known); the masked one is not.
    const free = counting();
    await checkExport(image, [], { ocr: free.engine, primary: 'learned', lines: [lines[1]] });
    expect(seen.length).toBe(free.seen.length);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('reads a line only with room for eight digits in view (half a glyph height each)', async () => {
    // 70 pixels in view of a 20 px line (3.5 glyph heights: a date, a brand) and 64 of another (3.2):
    // neither can show two groups of four (before, three glyph heights in view were read).
    const short = counting();
    await checkExport(image, [], {
      ocr: short.engine,
      primary: 'learned',
      lines: [line(250, 100, 400), line(250, 200, 400)],
      masks: [mask(40, 85, 380, 115), mask(40, 185, 386, 215)],
    });
    const none = counting();
    await checkExport(image, [], { ocr: none.engine, primary: 'learned', lines: [] });
    expect(short.seen.length).toBe(none.seen.length);
    // 81 px in view (4 glyph heights): room for eight condensed digits, read.
    const enough = counting();
    await checkExport(image, [], {
      ocr: enough.engine,
      primary: 'learned',
      lines: [line(250, 100, 400)],
      masks: [mask(40, 85, 369, 115)],
    });
    expect(enough.seen.length).toBeGreaterThan(0);
  });

  it('reads every line when no masks are given', async () => {
    const { engine, seen } = counting();
    const one = counting();
    await checkExport(image, [], { ocr: engine, primary: 'learned', lines });
    await checkExport(image, [], { ocr: one.engine, primary: 'learned', lines: [lines[1]] });
    expect(seen.length).toBe(2 * one.seen.length);
  });
});
