// cardBandLines (src/engine/detect/card-band.ts): lines across a card where numbers are printed,
// from its outline alone, whichever way the photo holds the card.
import { describe, expect, it } from 'vitest';
import { cardBandLines, cardReadingAngle } from '../../src/engine/detect/card-band';
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

describe('cardReadingAngle', () => {
  // A level ID-1 card 856 x 540 pixels with its top-left corner at (100, 50).
  const card = outline([
    { x: 100, y: 50 },
    { x: 956, y: 50 },
    { x: 956, y: 590 },
    { x: 100, y: 590 },
  ]);
  const word = (x: number, y: number, flip: number, angle = 0) => ({ centre: { x, y }, angle, flip });

  it('takes the way two lines of words on the card read, and then lays only the band below the middle', () => {
    const angle = cardReadingAngle(card, [word(300, 120, 0), word(600, 500, 0)]);
    expect(angle).toBeCloseTo(0, 6);
    const lines = cardBandLines(card, angle);
    expect(lines).toHaveLength(CARD_BAND.heights.length);
    for (const l of lines) expect(l.centre.y).toBeGreaterThan(320);
    // Upside down: the band is laid from the other edge.
    const turned = cardReadingAngle(card, [word(300, 120, 1), word(600, 500, 1)]);
    expect(Math.cos(turned!)).toBeCloseTo(-1, 6);
    for (const l of cardBandLines(card, turned)) expect(l.centre.y).toBeLessThan(320);
  });

  it('says nothing from one line, from lines that disagree, or from lines off the card or across it', () => {
    expect(cardReadingAngle(card, [word(300, 120, 0)])).toBeUndefined();
    expect(cardReadingAngle(card, [word(300, 120, 0), word(600, 500, 1), word(500, 300, 0)])).toBeUndefined();
    expect(cardReadingAngle(card, [word(20, 20, 0), word(980, 620, 0)])).toBeUndefined();
    expect(
      cardReadingAngle(card, [word(300, 120, 0, Math.PI / 2), word(600, 500, 0, Math.PI / 2)]),
    ).toBeUndefined();
  });
});
