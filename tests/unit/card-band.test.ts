// cardBandLines (src/engine/detect/card-band.ts): lines across a card where numbers are printed,
// from its outline alone, whichever way the photo holds the card.
import { describe, expect, it } from 'vitest';
import { cardBandLines } from '../../src/engine/detect/card-band';
import type { CardOutline } from '../../src/engine/detect/card-outline';
import { CARD_BAND } from '../../src/engine/detect/thresholds';
import type { Point } from '../../src/engine/types';

const outline = (corners: Point[]): CardOutline => ({
  corners: corners as CardOutline['corners'],
  support: 1,
  cover: 0.5,
});

describe('cardBandLines', () => {
  it('lays lines along a level card at each band height, from either long edge', () => {
    // An ID-1 card 856 x 540 pixels with its top-left corner at (100, 50).
    const lines = cardBandLines(
      outline([
        { x: 100, y: 50 },
        { x: 956, y: 50 },
        { x: 956, y: 590 },
        { x: 100, y: 590 },
      ]),
    );
    const heights = new Set(CARD_BAND.heights.flatMap((h) => [h, 1 - h]));
    expect(lines).toHaveLength(heights.size);
    for (const l of lines) {
      expect(l.angle).toBeCloseTo(0, 6);
      expect(l.centre.x).toBeCloseTo(528, 6);
      expect([...heights].some((h) => Math.abs(l.centre.y - (50 + 540 * h)) < 1e-6)).toBe(true);
      expect(l.glyphHeight).toBeCloseTo(CARD_BAND.glyphHeight * 540, 6);
      expect(l.length).toBeCloseTo(CARD_BAND.length * 856, 6);
    }
    // The usual height first.
    expect(lines[0].centre.y).toBeCloseTo(50 + 540 * CARD_BAND.heights[0], 6);
  });

  it('runs the lines along the long sides of a card the photo holds upright (turned a quarter)', () => {
    const lines = cardBandLines(
      outline([
        { x: 100, y: 50 },
        { x: 640, y: 50 },
        { x: 640, y: 906 },
        { x: 100, y: 906 },
      ]),
    );
    for (const l of lines) {
      expect(Math.abs(Math.cos(l.angle))).toBeLessThan(1e-6);
      expect(l.centre.y).toBeCloseTo(478, 6);
      expect(l.length).toBeCloseTo(CARD_BAND.length * 856, 6);
      expect(l.glyphHeight).toBeCloseTo(CARD_BAND.glyphHeight * 540, 6);
    }
  });

  it('follows a tilted card', () => {
    const a = (20 * Math.PI) / 180;
    const at = (u: number, v: number) => ({
      x: 500 + u * Math.cos(a) - v * Math.sin(a),
      y: 400 + u * Math.sin(a) + v * Math.cos(a),
    });
    const lines = cardBandLines(outline([at(-428, -270), at(428, -270), at(428, 270), at(-428, 270)]));
    expect(lines[0].angle).toBeCloseTo(a, 6);
    // Its centre lies on the card's middle line across, the band height below its top edge.
    const v = -(lines[0].centre.x - 500) * Math.sin(a) + (lines[0].centre.y - 400) * Math.cos(a);
    const u = (lines[0].centre.x - 500) * Math.cos(a) + (lines[0].centre.y - 400) * Math.sin(a);
    expect(u).toBeCloseTo(0, 6);
    expect(v).toBeCloseTo(-270 + 540 * CARD_BAND.heights[0], 6);
  });
});
