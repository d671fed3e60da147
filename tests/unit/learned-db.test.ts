import { describe, expect, it } from 'vitest';
import { regionsFromProbabilityMap } from '../../src/engine/learned/db-postprocess';
import { mergePieces, type TextLine } from '../../src/engine/learned/text-lines';
import { textLine } from '../support/shapes';

/** A probability map with the given oriented bars set to 0.9 (centre, length, height, degrees). */
function map(w: number, h: number, bars: [number, number, number, number, number][]): Float32Array {
  const m = new Float32Array(w * h);
  for (const [cx, cy, len, hgt, deg] of bars) {
    const a = (deg * Math.PI) / 180;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const u = (x + 0.5 - cx) * Math.cos(a) + (y + 0.5 - cy) * Math.sin(a);
        const v = -(x + 0.5 - cx) * Math.sin(a) + (y + 0.5 - cy) * Math.cos(a);
        if (Math.abs(u) <= len / 2 && Math.abs(v) <= hgt / 2) m[y * w + x] = 0.9;
      }
  }
  return m;
}

describe('DB post-processing', () => {
  it('finds one oriented region per bar, grown by the unclip distance, at any angle', () => {
    for (const deg of [0, 30, -45, 90]) {
      const [r, ...rest] = regionsFromProbabilityMap(map(200, 200, [[100, 100, 120, 10, deg]]), 200, 200);
      expect(rest).toHaveLength(0);
      expect(r.centre.x).toBeCloseTo(100, 0);
      expect(r.centre.y).toBeCloseTo(100, 0);
      // Direction modulo a half turn, in (-90, 90].
      const got = (r.angle * 180) / Math.PI;
      const want = deg === 90 ? 90 : deg;
      expect(Math.abs(Math.sin(((got - want) * Math.PI) / 180))).toBeLessThan(0.03);
      // Unclip grows each side by A * 1.6 / P = 120 * 10 * 1.6 / 260 = 7.4 px.
      expect(r.length).toBeGreaterThan(130);
      expect(r.length).toBeLessThan(140);
      expect(r.height).toBeGreaterThan(22);
      expect(r.height).toBeLessThan(28);
    }
  });

  it('splits a line from the print that runs into it, at any angle, and leaves a block of lines whole', () => {
    for (const deg of [0, -70, 35]) {
      const a = (deg * Math.PI) / 180;
      // A line 240 long and 8 tall; a blob 50 x 50 touching it from below near its right end.
      const at = (u: number, v: number) => [
        100 + 100 + u * Math.cos(a) - v * Math.sin(a),
        100 + 100 + u * Math.sin(a) + v * Math.cos(a),
      ];
      const [bx, by] = at(90, 28);
      const m = map(400, 400, [
        [200, 200, 240, 8, deg],
        [bx, by, 50, 50, deg],
      ]);
      const regions = regionsFromProbabilityMap(m, 400, 400);
      const line = regions.find((r) => r.length > 200);
      expect(line, `${deg} degrees`).toBeDefined();
      // Unclipped by 240 * 8 * 1.6 / 496 = 6.2 px a side: about the line's own height, not the blob's.
      expect(line!.height).toBeLessThan(28);
      expect(Math.abs(Math.sin(line!.angle - a))).toBeLessThan(0.03);
      // The blob is a region of its own.
      expect(regions.some((r) => Math.hypot(r.centre.x - bx, r.centre.y - by) < 10)).toBe(true);
    }
    // A short word with a mark beside it is no line with print attached: one region as before.
    const word = map(200, 200, [
      [100, 100, 40, 8, 0],
      [112, 110, 12, 14, 0],
    ]);
    expect(regionsFromProbabilityMap(word, 200, 200)).toHaveLength(1);
    // Two lines merged along their whole length: as tall everywhere, one region as before.
    const block = map(300, 100, [[150, 50, 200, 30, 0]]);
    const [whole, ...rest] = regionsFromProbabilityMap(block, 300, 100);
    expect(rest).toHaveLength(0);
    expect(whole.height).toBeGreaterThan(40);
  });

  it('drops regions whose mean probability is under the box threshold', () => {
    const m = map(100, 40, [[50, 20, 60, 8, 0]]).map((v) => (v ? 0.35 : 0));
    expect(regionsFromProbabilityMap(m, 100, 40)).toHaveLength(0);
  });
});

describe('merging line pieces', () => {
  const line = (x: number, y: number, length: number, gh = 20, angle = 0) =>
    textLine(x, y, length, gh, angle);

  it('joins the groups of a number split by wide spaces into one line', () => {
    // Four groups of 4 glyphs, 70 px long, with 60 px (3 glyph heights) between them.
    const merged = mergePieces([line(35, 50, 70), line(165, 50, 70), line(295, 50, 70), line(425, 50, 70)]);
    expect(merged).toHaveLength(1);
    expect(merged[0].length).toBeCloseTo(460, 0);
    expect(merged[0].pieces).toBe(4);
  });

  it('keeps apart lines on different rows, of different sizes, or far apart', () => {
    expect(mergePieces([line(35, 50, 70), line(165, 80, 70)])).toHaveLength(2);
    expect(mergePieces([line(35, 50, 70), line(165, 50, 70, 40)])).toHaveLength(2);
    expect(mergePieces([line(35, 50, 70), line(300, 50, 70)])).toHaveLength(2);
  });
});

describe('stacked groups (vertical cards)', () => {
  const group = (x: number, y: number, gh = 20, angle = 0, length = 70): TextLine => ({
    centre: { x, y },
    angle,
    length,
    glyphHeight: gh,
    score: 0.9,
    pieces: 1,
  });

  it('finds four groups stacked under each other, in order across the lines', async () => {
    const { findStacks } = await import('../../src/engine/learned/stacks');
    const lines = [
      group(100, 130),
      group(100, 50),
      group(101, 90),
      group(99, 170),
      group(300, 300, 12, 0, 200),
    ];
    const stacks = findStacks(lines);
    expect(stacks).toHaveLength(1);
    expect(stacks[0].map((l) => l.centre.y)).toEqual([50, 90, 130, 170]);
  });

  it('finds a stack turned with the card, and not a column of unrelated short words', async () => {
    const { findStacks } = await import('../../src/engine/learned/stacks');
    const a = (40 * Math.PI) / 180;
    const across = { x: -Math.sin(a), y: Math.cos(a) };
    const turned = [0, 1, 2, 3].map((k) => group(200 + 40 * k * across.x, 200 + 40 * k * across.y, 20, a));
    expect(findStacks(turned)).toHaveLength(1);
    // Uneven spacing and sizes: a name, a date and a word are no stack.
    expect(findStacks([group(100, 50), group(100, 75, 14), group(100, 190)])).toHaveLength(0);
  });

  it("puts a line where the spacing says a group is printed and the detector's box of it went wrong", async () => {
    const { findStacks } = await import('../../src/engine/learned/stacks');
    // The second of four groups boxed slanted across its neighbours (a card turned 136 degrees):
    // three groups found, one step twice the others.
    const slanted = group(100, 90, 20, 0.6, 90);
    const [stack] = findStacks([group(100, 50), slanted, group(101, 130), group(99, 170)]);
    expect(stack.map((l) => l.centre.y)).toEqual([50, 90, 130, 170]);
    expect(stack[1]).not.toBe(slanted);
    expect(stack[1]).toMatchObject({ centre: { x: 100.5, y: 90 }, angle: 0, length: 70, glyphHeight: 20 });
    // A step of two and a half spacings holds no group at the stack's pitch; two groups and a hole
    // are too little to call a stack.
    expect(findStacks([group(100, 50), group(100, 150), group(100, 190)])).toHaveLength(0);
    expect(findStacks([group(100, 50), group(100, 130)])).toHaveLength(0);
  });

  it('splits a detector box as tall as two groups into two groups at the stack pitch', async () => {
    const { findStacks } = await import('../../src/engine/learned/stacks');
    // Groups at y 50, 90, 130, 170 (spacing 40, glyphs 20 tall); the first two came out as one box
    // 60 tall (one spacing and a glyph height) centred between them.
    const merged = group(102, 70, 60, 0.05, 80);
    const [stack] = findStacks([merged, group(100, 130), group(100, 170)]);
    expect(stack).toHaveLength(4);
    expect(stack.map((l) => Math.round(l.centre.y))).toEqual([50, 90, 130, 170]);
    expect(stack[0]).toMatchObject({ angle: 0, length: 80, glyphHeight: 20 });
    // Past the last group as well.
    const after = findStacks([group(100, 50), group(100, 90), group(100, 150, 60, 0, 80)]);
    expect(after[0].map((l) => Math.round(l.centre.y))).toEqual([50, 90, 130, 170]);
    // A box one and a half spacings tall, or two groups tall but a spacing off, is no stack's.
    expect(findStacks([group(100, 80, 80, 0, 80), group(100, 130), group(100, 170)])).toHaveLength(0);
    expect(findStacks([group(100, 30, 60, 0, 80), group(100, 130), group(100, 170)])).toHaveLength(0);
    // Nor a box turned across the groups.
    expect(findStacks([group(100, 70, 60, 1.2, 80), group(100, 130), group(100, 170)])).toHaveLength(0);
  });
});
