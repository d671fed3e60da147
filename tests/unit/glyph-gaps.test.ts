// fitGlyphsToGaps (src/engine/detect/glyph-gaps.ts): no glyph box reaches across the gap onto the
// next glyph's print, so the mask of a hidden digit before a kept one takes no slice of the kept digit.
import { describe, expect, it } from 'vitest';
import { fitGlyphsToGaps } from '../../src/engine/detect/glyph-gaps';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import type { Finding, GrayImage, Quad } from '../../src/engine/types';

const W = 400;
const H = 120;
type Rect = [number, number, number, number];

/** A page of `ground` with rectangles (x0, y0, x1, y1 exclusive) of `ink`, `faint` ones at a quarter of its contrast. */
function page(ground: number, ink: number, rects: readonly Rect[], faint: readonly Rect[] = []): GrayImage {
  const data = new Uint8Array(W * H).fill(ground);
  const fill = (rs: readonly Rect[], level: number) => {
    for (const [x0, y0, x1, y1] of rs)
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = level;
  };
  fill(faint, Math.round(ground + (ink - ground) * 0.25));
  fill(rects, ink);
  return { width: W, height: H, data };
}

const box = (x0: number, x1: number, y0 = 40, y1 = 80): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];
const cols = (q: Quad) => [Math.min(...q.map((p) => p.x)), Math.max(...q.map((p) => p.x))];

/** A "0": a hollow box 20 wide, 40 tall, from x. */
const zero = (x: number): Rect[] => [
  [x, 40, x + 4, 80],
  [x + 16, 40, x + 20, 80],
  [x, 40, x + 20, 44],
  [x, 76, x + 20, 80],
];
/** A "1": a stem at x+8..x+12 with a foot serif from x+2 to x+18. */
const one = (x: number): Rect[] => [
  [x + 8, 40, x + 12, 80],
  [x + 2, 76, x + 18, 80],
];
/** A "7": a thin top bar from x to x+20, a stem down its right side. */
const seven = (x: number): Rect[] => [
  [x, 40, x + 20, 43],
  [x + 14, 40, x + 18, 80],
];

// Five glyphs at a pitch of 26: 0 at 100 (print to 120), 1 at 126 (its foot 128..144), 0 at 152,
// 0 at 178, 0 at 204. The reader's 1 box holds only its stem.
const print = [...zero(100), ...one(126), ...zero(152), ...zero(178), ...zero(204)];
const readBoxes = [box(98, 118), box(131, 139), box(150, 170), box(176, 196), box(202, 222)];

/**
 * Nine glyphs, 0 0 0 0 1 | 0 0 0 0 at a pitch of 26 from 20 (the last four start inside the run): the
 * hidden 1's foot ends at 142, the kept 0 after it prints from 150, and the 1's box as read runs on 4
 * pixels into that 0 (to 154).
 */
function hiddenOneBeforeKept(): { print: Rect[]; boxes: Quad[] } {
  const print: Rect[] = [];
  const boxes: Quad[] = [];
  for (let k = 0; k < 9; k++) {
    const x = 20 + 26 * k;
    print.push(...(k === 4 ? one(x) : zero(x)));
    boxes.push(k === 4 ? box(x + 5, x + 30) : box(x - 2, x + 18));
  }
  return { print, boxes };
}

/** A card-number finding over `glyphs`, one a character of `text`. */
const numberFinding = (text: string, glyphs: Quad[]) =>
  ({
    id: 'card-1',
    kind: 'card-number',
    text,
    glyphs,
    confidence: 0.9,
    keepable: true,
    enabledByDefault: true,
  }) as Finding;

describe('fitGlyphsToGaps', () => {
  it("cuts back a box the reader ran across the gap onto its neighbour's print to the gap's middle, either polarity", () => {
    for (const [ground, ink] of [
      [210, 30],
      [40, 220],
    ]) {
      // The first 0's box reaches 4 pixels into the 1's foot (from 128): it ends in the gap between
      // the 0's print (to 120) and the foot, at least 2 pixels clear of either.
      const out = fitGlyphsToGaps(page(ground, ink, print), [box(98, 132), ...readBoxes.slice(1)]);
      expect(cols(out[0])[1]).toBeGreaterThanOrEqual(122);
      expect(cols(out[0])[1]).toBeLessThanOrEqual(126);
      // The 1's box, starting on its stem (131), starts at its foot (128) instead.
      expect(cols(out[1])[0]).toBeGreaterThanOrEqual(126);
      expect(cols(out[1])[0]).toBeLessThanOrEqual(128);
      // A box short of its own print (the 1's right side on its stem, its foot printed to 144) is
      // grown to the print's end, short of the gap's middle; across the line nothing moves.
      expect(cols(out[1])[1]).toBeGreaterThanOrEqual(143);
      expect(cols(out[1])[1]).toBeLessThanOrEqual(146);
      out.forEach((q) => expect(q.map((p) => p.y)).toEqual([40, 40, 80, 80]));
    }
  });

  it("takes a 7's thin bar for print and the card's fine lines in the gap for ground", () => {
    // The 1's box runs on into the 7's bar (from 152), short of its stem (166): cut back into the gap
    // between the 1's foot (to 144) and the bar.
    const faint: Rect[] = [];
    for (let x = 96; x < 230; x += 5) faint.push([x, 44 + (x % 20), x + 1, 60 + (x % 20)]);
    const withSeven = [...zero(100), ...one(126), ...seven(152), ...zero(178), ...zero(204)];
    const boxes = [readBoxes[0], box(131, 155), box(152, 172), ...readBoxes.slice(3)];
    const [, r1] = cols(fitGlyphsToGaps(page(210, 30, withSeven, faint), boxes)[1]);
    expect(r1).toBeGreaterThanOrEqual(146);
    expect(r1).toBeLessThanOrEqual(150);
  });

  it('works across a group gap as inside a group, and leaves touching glyphs as read', () => {
    // Two groups, 0 1 0 0 | 0 0 0 0, a group gap of a whole pitch after the fourth glyph, whose box
    // runs into the gap but not onto the next print (from 230); the fifth box starts after its print.
    const second = [230, 256, 282, 308];
    const groups = [...zero(100), ...one(126), ...zero(152), ...zero(178), ...second.flatMap(zero)];
    const boxes = [
      ...readBoxes.slice(0, 3),
      box(176, 210),
      box(232, 248),
      ...second.slice(1).map((x) => box(x - 2, x + 18)),
    ];
    const out = fitGlyphsToGaps(page(210, 30, groups), boxes);
    expect(cols(out[3])[1]).toBe(210);
    expect(cols(out[4])[0]).toBeGreaterThanOrEqual(228);
    expect(cols(out[4])[0]).toBeLessThanOrEqual(230);
    // ...and one that runs across the group gap onto it is cut back into the gap (198 to 230), clear
    // of both prints.
    const across = fitGlyphsToGaps(page(210, 30, groups), [
      ...boxes.slice(0, 3),
      box(176, 236),
      ...boxes.slice(4),
    ]);
    expect(cols(across[3])[1]).toBeGreaterThanOrEqual(200);
    expect(cols(across[3])[1]).toBeLessThanOrEqual(228);
    // Touching print: no column between them is clear of it.
    const touching = [...zero(100), [120, 40, 126, 80] as Rect, ...zero(126), ...zero(152)];
    const t = fitGlyphsToGaps(page(210, 30, touching), [box(100, 124), box(126, 146), box(152, 172)]);
    expect(cols(t[0])).toEqual([100, 124]);
    expect(cols(t[1])[0]).toBe(126);
  });

  it('keeps the mask of a hidden digit off the kept digit after it', () => {
    const { print, boxes } = hiddenOneBeforeKept();
    const finding = numberFinding('000010000', fitGlyphsToGaps(page(210, 30, print), boxes));
    const end = (f: Finding) => {
      const [mask] = masksForFinding(f, 'last4');
      return mask.x + mask.width;
    };
    // The hidden 1's foot ends at 142: covered, and the mask stops before the kept print.
    expect(end(finding)).toBeGreaterThanOrEqual(142);
    expect(end(finding)).toBeLessThanOrEqual(150);
    // As read, the mask took a slice of the kept 0 (never short of the hidden box, to 154).
    expect(end({ ...finding, glyphs: boxes })).toBeGreaterThanOrEqual(154);
  });

  it('covers the whole of a hidden digit whose evenly pitched box stops short of its print', () => {
    // Eight 0s at a pitch of 24 from 20, print x to x + 20; the reader's boxes are the pitch's cells
    // shifted 6 pixels back (x - 6 to x + 18): each ends 2 pixels short of its print and starts in the
    // gap after the print before (a 19-digit card in held-out seed 14 left a sliver of its hidden
    // digit's end this way).
    const print: Rect[] = [];
    const boxes: Quad[] = [];
    for (let k = 0; k < 8; k++) {
      const x = 20 + 24 * k;
      print.push(...zero(x));
      boxes.push(box(x - 6, x + 18));
    }
    for (const [ground, ink] of [
      [210, 30],
      [40, 220],
    ]) {
      const glyphs = fitGlyphsToGaps(page(ground, ink, print), boxes);
      const [mask] = masksForFinding(numberFinding('00000000', glyphs), 'last4');
      // The fourth 0 (hidden) prints from 92 to 112, the fifth (kept) from 116.
      expect(mask.x + mask.width).toBeGreaterThanOrEqual(112);
      expect(mask.x + mask.width).toBeLessThanOrEqual(115);
      // As read, the mask ended 2 pixels short of the hidden print.
      const [asRead] = masksForFinding(numberFinding('00000000', boxes), 'last4');
      expect(asRead.x + asRead.width).toBeLessThan(112);
    }
  });

  it("ends the mask mid-gap, off most of a kept digit's faint edge that the edges take for gap", () => {
    // As before, but the kept 0 after the hidden 1 has a faint edge (emboss relief shading off into
    // the card, a quarter of the print's contrast) from 146: the edges read it as gap, so its print
    // seems to start at 150.
    const { print, boxes } = hiddenOneBeforeKept();
    const glyphs = fitGlyphsToGaps(page(210, 30, print, [[146, 40, 150, 80]]), boxes);
    const [mask] = masksForFinding(numberFinding('000010000', glyphs), 'last4');
    expect(mask.x + mask.width).toBeGreaterThanOrEqual(142);
    // The gap the edges see runs from 142 to 150: the mask ends about its middle (the old rule ended
    // it at 149.5, over most of the faint edge).
    expect(mask.x + mask.width).toBeLessThanOrEqual(147);
  });

  it('keeps the mask of a hidden digit off the kept digit before it (first six and last four kept)', () => {
    // Sixteen glyphs at a pitch of 23: 0s, and a hidden 1 seventh (print from 150: its foot). The
    // kept sixth 0 (print 125 to 145) has a box the reader ran on 7 pixels into the 1.
    const print: Rect[] = [];
    const boxes: Quad[] = [];
    for (let k = 0; k < 16; k++) {
      const x = 10 + 23 * k;
      print.push(...(k === 6 ? one(x - 2) : zero(x)));
      boxes.push(k === 5 ? box(x - 1, x + 27) : k === 6 ? box(x + 6, x + 14) : box(x - 1, x + 19));
    }
    const finding = numberFinding('0000001000000000', fitGlyphsToGaps(page(210, 30, print), boxes));
    const [mask] = masksForFinding(finding, 'first6last4');
    // The mask of the hidden digits starts after the kept 0's print and no later than the 1's foot.
    expect(mask.x).toBeGreaterThanOrEqual(145);
    expect(mask.x).toBeLessThanOrEqual(150);
  });
});
