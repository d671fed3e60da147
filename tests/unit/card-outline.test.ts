// findCardOutline and frameAsCard (src/engine/detect/card-outline.ts): a card's outline from edges
// alone, in perspective and on a textured table, and a photo cropped to the card.
import { describe, expect, it } from 'vitest';
import { findCardOutline, frameAsCard, idOneShaped } from '../../src/engine/detect/card-outline';
import type { GrayImage, Point, Quad } from '../../src/engine/types';

/** Whether p lies inside the convex quadrilateral q (either winding). */
function inside(q: readonly Point[], p: Point): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = q[k];
    const b = q[(k + 1) % 4];
    const c = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (c === 0) continue;
    if (sign && Math.sign(c) !== sign) return false;
    sign = Math.sign(c);
  }
  return true;
}

/**
 * A pale card (`corners`) on a wood-like table: the table has strong grain (stripes of its own
 * strong edges), the card faint art of its own, so the card's edges are not the photo's strongest.
 */
function photo(width: number, height: number, corners: Quad, cardTone = 200, tableTone = 150): GrayImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = { x: x + 0.5, y: y + 0.5 };
      const grain = 14 * Math.sin((y + 9 * Math.sin(x / 53)) / 4.7) * Math.sin(x / 71 + y / 97);
      const art = 12 * Math.sin(x / 23 + y / 41);
      const v = inside(corners, p) ? cardTone + art : tableTone + grain;
      data[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  return { width, height, data };
}

/** The largest distance from each expected corner to its nearest found one. */
function cornerError(found: readonly Point[], expected: readonly Point[]): number {
  return Math.max(...expected.map((e) => Math.min(...found.map((f) => Math.hypot(f.x - e.x, f.y - e.y)))));
}

describe('findCardOutline', () => {
  it('finds a level card on a textured table', () => {
    const corners: Quad = [
      { x: 100, y: 80 },
      { x: 556, y: 80 },
      { x: 556, y: 368 },
      { x: 100, y: 368 },
    ];
    const outline = findCardOutline(photo(640, 480, corners));
    expect(outline).toBeDefined();
    expect(cornerError(outline!.corners, corners)).toBeLessThan(8);
  });

  it('finds a card photographed at an angle: a trapezoid, not a rectangle', () => {
    // Shot from below: the far (top) edge is shorter and the sides lean in by about 6 degrees.
    const corners: Quad = [
      { x: 150, y: 90 },
      { x: 650, y: 100 },
      { x: 700, y: 430 },
      { x: 90, y: 420 },
    ];
    const outline = findCardOutline(photo(800, 520, corners));
    expect(outline).toBeDefined();
    expect(cornerError(outline!.corners, corners)).toBeLessThan(10);
  });

  it('finds nothing on a table alone, nor on a shape far from the ID-1 proportions', () => {
    expect(
      findCardOutline(
        photo(640, 480, [
          { x: -10, y: -10 },
          { x: -9, y: -10 },
          { x: -9, y: -9 },
          { x: -10, y: -9 },
        ]),
      ),
    ).toBeUndefined();
    // A square sheet.
    const square: Quad = [
      { x: 150, y: 90 },
      { x: 450, y: 90 },
      { x: 450, y: 390 },
      { x: 150, y: 390 },
    ];
    expect(findCardOutline(photo(640, 480, square))).toBeUndefined();
  });
});

describe('frameAsCard', () => {
  it('takes the frame of a photo cropped to the card, and only one of about the ID-1 shape', () => {
    // A 4:3 frame is a photo with a table round the card; an A4 frame is a page.
    expect(frameAsCard({ width: 1024, height: 768 })).toBeUndefined();
    expect(frameAsCard({ width: 856, height: 540 })?.corners).toEqual([
      { x: 0, y: 0 },
      { x: 856, y: 0 },
      { x: 856, y: 540 },
      { x: 0, y: 540 },
    ]);
    // A 3:2 phone frame and an upright card pass; a square and a page do not.
    expect(frameAsCard({ width: 720, height: 480 })).toBeDefined();
    expect(frameAsCard({ width: 540, height: 856 })).toBeDefined();
    expect(frameAsCard({ width: 512, height: 512 })).toBeUndefined();
    expect(frameAsCard({ width: 1240, height: 1754 })).toBeUndefined();
    expect(idOneShaped(85.6, 53.98)).toBe(true);
  });
});
