import type { CardOutline } from '../../src/engine/detect/card-outline';
import type { Quad } from '../../src/engine/types';

/** An ID-1 card outline 856 x 540 px, upright, its top-left corner at (100, 50). */
export const ID1_CARD: CardOutline = {
  corners: [
    { x: 100, y: 50 },
    { x: 956, y: 50 },
    { x: 956, y: 590 },
    { x: 100, y: 590 },
  ],
  support: 1,
  cover: 0.5,
};

/**
 * Glyph quads of a number laid out as `layout` (group sizes) on ID1_CARD's number band: 28 x `height`
 * px boxes at a 36 px pitch from row 350, a `space` px space between groups, the first glyph `lead` px
 * in from the card's left edge; only the groups numbered in `shown` (all by default) are returned.
 */
export function bandGlyphs(
  layout: readonly number[],
  options: { lead?: number; height?: number; space?: number; shown?: readonly number[] } = {},
): Quad[] {
  const { lead = 100, height = 40, space = 30, shown = layout.map((_, g) => g) } = options;
  const glyphs: Quad[] = [];
  let x = 100 + lead;
  layout.forEach((count, g) => {
    if (g > 0) x += space;
    for (let i = 0; i < count; i++, x += 36) {
      if (!shown.includes(g)) continue;
      const y = 350;
      glyphs.push([
        { x, y },
        { x: x + 28, y },
        { x: x + 28, y: y + height },
        { x, y: y + height },
      ]);
    }
  });
  return glyphs;
}
