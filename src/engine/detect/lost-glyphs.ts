// Stage "findings", the last resort on a card: when no number stood by the card rules or the card
// layout, a long run of digits read plainly across the card is its number read with glyphs lost.
// A segment font over a photo of wheat read "21709443231055" for "2717 0954 4323 1055": the
// recognizer dropped two glyphs and its boxes for the first groups ran into each other, so the run
// had no issuer's IIN, failed Luhn, and its groups (2 1 7 09 4 4323 1055) were no card layout. It was
// let go, and the whole number stayed readable. Masked but for its last group (read cleanly as four
// digits after a group space), the export hides what must be hidden and keeps what an upload needs.
import { centre, insideQuad } from '../reading-frame';
import type { Quad } from '../types';
import type { CardOutline } from './card-outline';
import type { Slot } from './number-run';
import { LOST_GLYPHS } from './thresholds';

/** The note on such a finding. */
export const LOST_GLYPHS_NOTE =
  'read with glyphs lost (no number by the card rules): every digit read masked but its last group';

/**
 * Whether a run laid out as `groups` (its glyphs, in reading order, grouped by the spaces between
 * them), with `glyphs` its quads in source pixels, is a card number read with glyphs lost
 * (LOST_GLYPHS): at least `minDigits` glyphs, every one read as a digit, at `minMeanConfidence` on
 * average; a last group of exactly four digits, each read at `lastGroupConfidence`; and every glyph on
 * the card `outline` (none without an outline: an ID card's own long numbers lie on no payment card
 * the page shows). A digit is read as one, not as a look-alike letter.
 */
export function readWithLostGlyphs(
  groups: readonly (readonly Slot[])[],
  glyphs: readonly Quad[],
  outline: CardOutline | undefined,
): boolean {
  const slots = groups.flat();
  const last = groups[groups.length - 1];
  if (!outline || groups.length < 2 || !last || last.length !== 4) return false;
  if (slots.length < LOST_GLYPHS.minDigits || !slots.every((s) => /^\d$/.test(s.char) && !s.lookalike))
    return false;
  const mean = slots.reduce((sum, s) => sum + s.confidence, 0) / slots.length;
  if (mean < LOST_GLYPHS.minMeanConfidence) return false;
  if (!last.every((s) => s.confidence >= LOST_GLYPHS.lastGroupConfidence)) return false;
  return glyphs.every((q) => insideQuad(outline.corners, centre(q)));
}
