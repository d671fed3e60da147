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
import { GROUPS, LOST_GLYPHS } from './thresholds';

/** A glyph's centre along the line (crop pixels). */
const mid = (s: Slot) => (s.x0 + s.x1) / 2;

/** The note on such a finding. */
export const LOST_GLYPHS_NOTE =
  'read with glyphs lost (no number by the card rules): every digit read masked but its last group';

/**
 * Where a run read with glyphs lost may lie: on the card `outline` when it is found; without one, on a
 * page that is no identity document (`identityPage`: its machine-readable zone found) and only where
 * the glyphs' boxes show the loss (`boxesShowLoss`).
 */
export interface LostGlyphsPlace {
  outline: CardOutline | undefined;
  identityPage: boolean;
}

/**
 * Whether a run laid out as `groups` (its glyphs, in reading order, grouped by the spaces between
 * them), with `glyphs` its quads in source pixels, is a card number read with glyphs lost
 * (LOST_GLYPHS): at least `minDigits` glyphs read, every one as a digit, at `minMeanConfidence` on
 * average, and at most `maxUnread` left unread ('?'); a last group of exactly four digits
 * (`lastGroupOfFour`), each read at `lastGroupConfidence`; and every glyph on the card outline. Where
 * no outline is found (a card turned on a busy table, a dim photo), a page that is no identity
 * document will do when the glyphs' boxes show where the glyphs were lost (`boxesShowLoss`): an ID
 * card's own long numbers are read whole, their boxes at one pitch. A digit is read as one, not as a
 * look-alike letter.
 */
export function readWithLostGlyphs(
  groups: readonly (readonly Slot[])[],
  glyphs: readonly Quad[],
  { outline, identityPage }: LostGlyphsPlace,
): boolean {
  const slots = groups.flat();
  const split = lastGroupOfFour(groups);
  if (!split) return false;
  const last = split[split.length - 1];
  // A glyph seen but left unread ('?', masked with the rest) is one more lost: a few may stand among
  // the digits read, none in the last group (its four are read at lastGroupConfidence).
  const read = slots.filter((s) => s.char !== '?');
  if (slots.length - read.length > LOST_GLYPHS.maxUnread) return false;
  if (read.length < LOST_GLYPHS.minDigits || !read.every((s) => /^\d$/.test(s.char) && !s.lookalike))
    return false;
  const mean = read.reduce((sum, s) => sum + s.confidence, 0) / read.length;
  if (mean < LOST_GLYPHS.minMeanConfidence) return false;
  if (!last.every((s) => s.confidence >= LOST_GLYPHS.lastGroupConfidence)) return false;
  if (!outline) return !identityPage && boxesShowLoss(split);
  return glyphs.every((q) => insideQuad(outline.corners, centre(q)));
}

/**
 * `groups` with a last group of exactly four glyphs, or undefined. Where the last group as split is
 * longer, its last four may still stand apart: the space before them is judged at their own pitch
 * (`GROUPS.space` times it, centre to centre), for the lost glyphs' spread boxes widen the run's
 * pitch until a group space no longer shows against it ("1 7094 43231055" for "2717 0954 4323 1055").
 */
export function lastGroupOfFour(groups: readonly (readonly Slot[])[]): (readonly Slot[])[] | undefined {
  const last = groups[groups.length - 1];
  if (!last || last.length < 4) return undefined;
  if (last.length === 4) return groups.length >= 2 ? [...groups] : undefined;
  const four = last.slice(-4);
  const pitch = (mid(four[3]) - mid(four[0])) / 3;
  const space = mid(four[0]) - mid(last[last.length - 5]);
  if (!(pitch > 0) || space < GROUPS.space * pitch) return undefined;
  return [...groups.slice(0, -1), last.slice(0, -4), four];
}

/**
 * Whether the glyphs read before the last group stand further apart than whole groups would
 * (`LOST_GLYPHS.lossAdvance` times the last group's advance, centre to centre): the recognizer's boxes
 * for the glyphs it kept spread over the place of those it lost ("217094" over the place of
 * "2717 0954": 43 px apart against 25 in "1055"). Groups of four at one pitch, with their spaces, come
 * to about 1.2 times it.
 */
export function boxesShowLoss(groups: readonly (readonly Slot[])[]): boolean {
  const last = groups[groups.length - 1];
  // Only the glyphs read: an unread one ('?') is a glyph lost like those with no box at all.
  const before = groups
    .slice(0, -1)
    .flat()
    .filter((s) => s.char !== '?');
  if (last.length < 2 || before.length < 2) return false;
  const pitch = (mid(last[last.length - 1]) - mid(last[0])) / (last.length - 1);
  const advance = (mid(before[before.length - 1]) - mid(before[0])) / (before.length - 1);
  return pitch > 0 && advance >= LOST_GLYPHS.lossAdvance * pitch;
}
