// Stage "findings", one rule by card geometry: a card number whose middle groups are out of sight,
// its first group and its last group in view ("4392 [cover] 8888"). People told to cover every digit
// but the last four often cover only the middle (a sticker, a box drawn in an editor, a finger), or
// glare washes it out. The two groups in view read as one short run with a wide hole in it, too
// short for any number, so no finding stood and the first four stayed readable. Where the two sit
// on a card as the ends of its number do, the hole holds exactly the missing groups of a card
// layout: the first group is one to hide and the last group ends with the last four.
import { median } from '../math';
import type { Finding } from '../types';
import { brandOf } from './brands';
import type { CardOutline } from './card-outline';
import { centreOf, numberPlacing, type ShownRun } from './part-shown';
import { CARD_LAYOUTS } from './stroke-layout';
import { MIDDLE_SHOWN, PART_SHOWN } from './thresholds';
import { distance } from '../reading-frame';

/** The note on such a finding: the groups in view masked but the last four. */
export const MIDDLE_SHOWN_NOTE =
  'its middle groups out of sight (covered or unread): the first group masked, the last four kept';

/**
 * The glyphs a finding's layout laid over its number's covered middle (MIDDLE_SHOWN_NOTE): its
 * unread ones, as both its groups in view were read whole. Empty for any other finding.
 */
export function laidMiddleGlyphs(f: Pick<Finding, 'kind' | 'notes' | 'text'>): Set<number> {
  const laid = new Set<number>();
  if (f.kind === 'card-number' && f.notes?.includes(MIDDLE_SHOWN_NOTE))
    [...f.text].forEach((c, i) => c === '?' && laid.add(i));
  return laid;
}

/**
 * How many glyphs of a card number lie out of sight between the two groups of `run` (source
 * pixels), or undefined unless `run` is the first and the last group of a card number on the card
 * `card` with its middle groups out of sight. All must hold:
 * - exactly two groups, every glyph read, the first starting with an issuer's IIN (brands.ts,
 *   ISO/IEC 7812); a card layout (the brand's, or one of CARD_LAYOUTS of a length the brand issues)
 *   whose first and last groups are those two, with at least one whole group between them;
 * - the hole between them as wide as the missing glyphs at the run's pitch, plus at most
 *   `MIDDLE_SHOWN.maxGroupSpace` pitches for each group boundary in it (`MIDDLE_SHOWN.minFill` of the
 *   missing glyphs' width at least: two groups of one number side by side are a shorter number);
 * - on the card as its number is printed: every glyph inside the outline, at a number's size
 *   (`PART_SHOWN.minHeightShare` of its short side), the first glyph near the card's leading edge and
 *   the last near its trailing edge (`PART_SHOWN.maxLeadShare` of its long side each).
 */
export function middleOutOfSight(run: ShownRun, card: CardOutline | undefined): number | undefined {
  const n = run.glyphs.length;
  if (!card || run.groups.length !== 2 || run.text.length !== n || run.text.includes('?')) return undefined;
  const [first, last] = run.groups;
  const brand = brandOf(run.text);
  if (!brand) return undefined;
  // The brand's layout first, then the others of a length it issues.
  const total = (l: readonly number[]) => l.reduce((a, b) => a + b, 0);
  const layouts = [brand.grouping, ...CARD_LAYOUTS.filter((l) => brand.lengths.includes(total(l)))].filter(
    (l) => l.length >= 3 && l[0] === first && l[l.length - 1] === last,
  );
  if (layouts.length === 0) return undefined;
  const centres = run.glyphs.map(centreOf);
  const steps = centres.slice(1).map((c, i) => distance(c, centres[i]));
  // The pitch within the groups: every step but the one across the hole.
  const pitch = median(steps.filter((_, i) => i !== first - 1));
  const hole = steps[first - 1] / pitch;
  const fits = layouts.find((l) => {
    const missing = total(l) - first - last;
    const boundaries = l.length - 1;
    return (
      hole >= MIDDLE_SHOWN.minFill * (missing + 1) &&
      hole <= missing + 1 + boundaries * MIDDLE_SHOWN.maxGroupSpace
    );
  });
  if (!fits) return undefined;
  const placed = numberPlacing(run, card);
  const near = PART_SHOWN.maxLeadShare * (placed?.long ?? 0);
  if (!placed || placed.lead > near || placed.trail > near) return undefined;
  return total(fits) - first - last;
}
