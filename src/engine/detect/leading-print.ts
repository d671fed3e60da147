// Stage "findings": print the reader read at the start of a number's run that the normalization left
// out (a first group read as two or three wide boxes in doubt, "217" for "2717" on a dim photo, reads
// like a logo's edge and is dropped as a stray). Left out of the number's digits, the brand and Luhn,
// it is still the number's print when it sits on the number's line at its size and pitch, and the
// number read is short of a card number's length by at least as many glyphs: it is masked with the
// number, as unread glyphs. (A number already as long as its brand prints it has lost nothing at its
// start: what is read before it is the card's art, left alone.) Only at the start: the last four are counted from the end,
// which this never moves; a logo's edge masked there is a sliver of over-masking, a digit shown a leak.
import { median } from '../math';
import { glyphPitch, splitGroups } from './group-digits';
import type { Slot } from './number-run';
import { FINDINGS } from './thresholds';

/**
 * The glyphs of `run` (a line's slots as read, crop pixels, in reading order) before `kept` (the
 * number's slots after normalization, the same crop) that continue the number's print backwards:
 * each at most `FINDINGS.leadGap` pitches (edge to edge) before the next, centred on the number's
 * band within `FINDINGS.leadBand` of its glyph height, `FINDINGS.leadHeight` of that height tall,
 * `FINDINGS.leadMax` and `missing` (the glyphs the number lacks of its usual length) at most.
 * Returned in reading order as unread slots ('?', confidence 0); none when the first kept glyph has
 * no such print before it.
 */
export function leadingPrint(run: readonly Slot[], kept: readonly Slot[], missing: number): Slot[] {
  if (kept.length < 2 || missing <= 0) return [];
  const first = kept[0];
  const pitch = glyphPitch(kept);
  const h = median(kept.map((s) => s.y1 - s.y0));
  const cy = median(kept.map((s) => (s.y0 + s.y1) / 2));
  const L = FINDINGS;
  // Raw boxes wholly before the first kept glyph (a box the normalization pulled back onto its ink,
  // as the first kept glyph may be, overlaps it and is that glyph).
  const before = run.filter((s) => s.x1 <= first.x0 + 0.25 * pitch).sort((a, b) => b.x0 - a.x0);
  const lead: Slot[] = [];
  let next = first;
  for (const s of before) {
    if (lead.length >= Math.min(L.leadMax, missing)) break;
    const height = s.y1 - s.y0;
    const onBand =
      Math.abs((s.y0 + s.y1) / 2 - cy) <= L.leadBand * h &&
      height >= L.leadHeight[0] * h &&
      height <= L.leadHeight[1] * h;
    if (!onBand || next.x0 - s.x1 > L.leadGap * pitch) break;
    lead.unshift({ x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1, char: '?', confidence: 0 });
    next = s;
  }
  return lead;
}

/**
 * The places of the glyphs a number's first group lacks, by the card layout: read as a short first
 * group then three whole groups of four (1-4-4-4 to 3-4-4-4, no card's layout: "7 0954 4323 1055"
 * for a dim "2717 0954 4323 1055"), the number is 4-4-4-4 with its first glyphs lost, and they lie
 * before the first glyph read, one pitch apart: as many as the first group's boxes do not already
 * span at the number's pitch. Returned in reading order as unread slots ('?'); none for any other
 * layout. The boxes need not show them (leadingPrint): the recognizer may leave no box
 * at all over print it could not read.
 */
export function leadingByLayout(kept: readonly Slot[]): Slot[] {
  const groups = splitGroups(kept);
  if (groups.length !== 4 || groups[0].length >= 4 || !groups.slice(1).every((g) => g.length === 4))
    return [];
  const pitch = glyphPitch(kept);
  // The places the first group's boxes already span: boxes spread over lost glyphs ("217" over the
  // place of "2717") leave none before them.
  const head = groups[0];
  const mid = (s: Slot) => (s.x0 + s.x1) / 2;
  const spanned = Math.round((mid(head[head.length - 1]) - mid(head[0])) / pitch) + 1;
  const short = 4 - Math.max(head.length, spanned);
  if (short < 1) return [];
  const first = kept[0];
  return Array.from({ length: short }, (_, i) => {
    const back = (short - i) * pitch;
    return { x0: first.x0 - back, y0: first.y0, x1: first.x1 - back, y1: first.y1, char: '?', confidence: 0 };
  });
}
