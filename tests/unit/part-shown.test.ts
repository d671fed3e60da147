import { describe, expect, it } from 'vitest';
import { shownInPart, type ShownRun } from '../../src/engine/detect/part-shown';
import type { Quad } from '../../src/engine/types';
import { bandGlyphs, ID1_CARD } from '../support/id1-card';

// An ID-1 card 856 x 540 px, upright, its top-left corner at (100, 50).
const CARD = ID1_CARD;

/**
 * Glyphs of `groups` (counts) on the card's number band: 40 px tall (0.074 of the card's height),
 * 36 px pitch, a 30 px space between groups, the first glyph `lead` px in from the card's left edge.
 */
function run(text: string, groups: number[], options: { lead?: number; height?: number } = {}): ShownRun {
  const glyphs = bandGlyphs(groups, options);
  return { text, groups, glyphs, confidence: glyphs.map(() => 0.95) };
}

describe('shownInPart: the leading groups of a card number, the rest out of sight', () => {
  it('takes two groups of four that start with an IIN, on the number band, with room for the rest', () => {
    expect(shownInPart(run('35688679', [4, 4]), CARD)).toBe(true);
    // Three groups, the third partial (a cover across it), and a 19-digit UnionPay's first groups.
    expect(shownInPart(run('62251686123', [4, 4, 3]), CARD)).toBe(true);
  });

  it('needs a card: no outline, no finding', () => {
    expect(shownInPart(run('35688679', [4, 4]), undefined)).toBe(false);
  });

  it('leaves digits no issuer starts a number with (an expiry row, a date)', () => {
    expect(shownInPart(run('04370442', [4, 4]), CARD)).toBe(false);
  });

  it('leaves runs not laid out as a card number begins', () => {
    expect(shownInPart(run('4008205555', [3, 3, 4]), CARD)).toBe(false);
    expect(shownInPart(run('4382', [4]), CARD)).toBe(false);
  });

  it('leaves small print (a branch line, the small repeat) and runs that start mid-card', () => {
    expect(shownInPart(run('35688679', [4, 4], { height: 20 }), CARD)).toBe(false);
    expect(shownInPart(run('35688679', [4, 4], { lead: 330 }), CARD)).toBe(false);
  });

  it('leaves a run that ends near the card edge: no room for the digits still to come', () => {
    // Eight more glyphs need about 8 x 36 px at this pitch; this card ends 64 px past the last one.
    const narrow = CARD.corners.map((p) => ({ ...p, x: Math.min(p.x, 560) })) as Quad;
    expect(shownInPart(run('35688679', [4, 4]), { ...CARD, corners: narrow })).toBe(false);
  });

  it("reads a cover's edge after the last group, read with little confidence, as no glyph", () => {
    const edged = run('438225009', [4, 5]);
    expect(shownInPart(edged, CARD)).toBe(false);
    expect(shownInPart({ ...edged, confidence: [...edged.confidence.slice(0, 8), 0.15] }, CARD)).toBe(true);
  });
});
