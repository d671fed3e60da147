import { describe, expect, it } from 'vitest';
import { middleOutOfSight } from '../../src/engine/detect/middle-shown';
import type { ShownRun } from '../../src/engine/detect/part-shown';
import type { Quad } from '../../src/engine/types';
import { bandGlyphs, ID1_CARD } from '../support/id1-card';

// An ID-1 card 856 x 540 px, upright, its top-left corner at (100, 50).
const CARD = ID1_CARD;

/**
 * The glyphs in view of a number laid out as `layout` (group sizes) on the card's number band: 40 px
 * tall, 36 px pitch, a `space` px space between groups (30), the first glyph `lead` px in from the
 * card's left edge; only the groups numbered in `shown` are in view.
 */
function run(
  text: string,
  layout: number[],
  shown: number[],
  options: { lead?: number; height?: number; space?: number } = {},
): ShownRun {
  const glyphs = bandGlyphs(layout, { ...options, shown });
  const groups = shown.map((g) => layout[g]);
  return { text, groups, glyphs, confidence: glyphs.map(() => 0.95) };
}

describe('middleOutOfSight: the first and last group of a card number, the middle out of sight', () => {
  it('counts the glyphs between the two groups of a 4-4-4-4 number and of an Amex 4-6-5', () => {
    expect(middleOutOfSight(run('43928888', [4, 4, 4, 4], [0, 3]), CARD)).toBe(8);
    expect(middleOutOfSight(run('378210005', [4, 6, 5], [0, 2]), CARD)).toBe(6);
  });

  it('needs a card: no outline, no finding', () => {
    expect(middleOutOfSight(run('43928888', [4, 4, 4, 4], [0, 3]), undefined)).toBeUndefined();
  });

  it('leaves two groups side by side, or a hole one group wide: the last group shown is not the last', () => {
    expect(middleOutOfSight(run('43928888', [4, 4, 4, 4], [0, 1]), CARD)).toBeUndefined();
    expect(middleOutOfSight(run('43928888', [4, 4, 4, 4], [0, 2]), CARD)).toBeUndefined();
    // Two groups at the ends of the number's band, but 5 pitches apart: no room for eight glyphs.
    const apart = run('43928888', [4, 4], [0, 1], { lead: 230, space: 150 });
    expect(middleOutOfSight(apart, CARD)).toBeUndefined();
    expect(middleOutOfSight(run('43928888', [4, 4], [0, 1], { lead: 230, space: 300 }), CARD)).toBe(8);
  });

  it('leaves digits no issuer starts a number with, unread glyphs, and a layout with no such ends', () => {
    expect(middleOutOfSight(run('04370442', [4, 4, 4, 4], [0, 3]), CARD)).toBeUndefined();
    expect(middleOutOfSight(run('4392888?', [4, 4, 4, 4], [0, 3]), CARD)).toBeUndefined();
    // A Visa is never printed 4-6-5: its last group of five is no number's end.
    expect(middleOutOfSight(run('439288888', [4, 6, 5], [0, 2]), CARD)).toBeUndefined();
  });

  it('leaves small print and groups that are not where a number starts and ends on the card', () => {
    expect(middleOutOfSight(run('43928888', [4, 4, 4, 4], [0, 3], { height: 20 }), CARD)).toBeUndefined();
    const wide = CARD.corners.map((p) => ({ ...p, x: p.x === 956 ? 1600 : p.x })) as Quad;
    expect(
      middleOutOfSight(run('43928888', [4, 4, 4, 4], [0, 3]), { ...CARD, corners: wide }),
    ).toBeUndefined();
  });
});
