// Stage "read": the first digits of a number the line's detector box left out. A learned line that
// reads most of a number but not a whole one may have lost its first group (over dark art, beside the
// chip, too faint for the detector); card-numbers.ts reads the line on before its start, and this
// decides whether the digits read there are the number's.
import { brandOf, lengthFitsBrand } from './brands';
import { splitGroups } from './group-digits';
import { luhnValid } from './luhn';
import type { NumberRun, Slot } from './number-run';
import { cropToSource, type LineReading } from './read-line';
import { READ_LINE } from './thresholds';

/** A reading of a line and the number run found in it. */
export type ReadRun = { reading: LineReading; run: NumberRun };

/** A true digit read at `READ_LINE.doubtfulGlyph` confidence or more. */
export const readPlainly = (s: Slot) =>
  s.char !== '?' && !s.lookalike && s.confidence >= READ_LINE.doubtfulGlyph;

/** How far a number's digits meet the card rules: an IIN (1), its network's length (1), Luhn (2). */
export const cardRules = (chars: string) => {
  if (!/^\d+$/.test(chars)) return 0;
  return (brandOf(chars) ? 1 : 0) + (lengthFitsBrand(chars) ? 1 : 0) + (luhnValid(chars) ? 2 : 0);
};

/** Where a slot of a reading lies along the narrow reading's direction (source pixels). */
const alongLine = (narrow: ReadRun) => {
  const a = narrow.reading.crop.angle;
  return (r: ReadRun, s: Slot) => {
    const p = cropToSource(r.reading.crop, (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2);
    return p.x * Math.cos(a) + p.y * Math.sin(a);
  };
};

const trueDigit = (s: Slot) => /\d/.test(s.char) && !s.lookalike;

/** `lead`, then `rest` (the wider read's glyphs of the narrow run, one for one) as the narrow read them. */
const withNarrowReads = (lead: readonly Slot[], rest: readonly Slot[], n: readonly Slot[]): Slot[] => [
  ...lead,
  ...rest.map((s, i) => ({ ...s, char: n[i].char, confidence: n[i].confidence, lookalike: n[i].lookalike })),
];

/** The wider reading with `slots` as its run. */
function widerRun(wider: ReadRun, slots: Slot[]): ReadRun {
  const read = slots.filter((s) => s.char !== '?');
  return {
    reading: wider.reading,
    run: {
      ...wider.run,
      slots,
      trueDigits: slots.filter(trueDigit).length,
      confidence: read.length ? read.reduce((sum, s) => sum + s.confidence, 0) / read.length : 0,
    },
  };
}

/**
 * The run read on before its start (`wider`), when the digits read there belong to the number: the
 * wider run ends where `narrow` ends (within half a pitch, source pixels along the line; glyphs the
 * wider read adds past that end, none read plainly, are the card's art there and dropped), the glyphs
 * before the narrow run's first are digits read plainly, one of them at most in doubt (glyphs in doubt
 * at the wider run's start are the card's art there, dropped one by one from the start while the rest
 * do not pass: the fewest are dropped, since a digit dropped is a digit shown), and with them the
 * number meets more of the card rules (`cardRules`) than without. Where the wider read holds as many glyphs after those as the
 * narrow one, the narrow one's readings of them stand (a read of more pixels can misread a digit the
 * tighter one had). Undefined when the digits before are not the number's.
 */
export function leadingDigits(wider: ReadRun, narrow: ReadRun, pitch: number): ReadRun | undefined {
  const along = alongLine(narrow);
  const n = narrow.run.slots;
  const end = along(narrow, n[n.length - 1]);
  const last = wider.run.slots.findIndex((s) => Math.abs(along(wider, s) - end) <= 0.5 * pitch);
  if (last < 0 || wider.run.slots.slice(last + 1).some(readPlainly)) return undefined;
  const w = wider.run.slots.slice(0, last + 1);
  const start = along(narrow, n[0]) - 0.5 * pitch;
  const k = w.findIndex((s) => along(wider, s) > start);
  const rest = w.slice(k);
  const chars = (g: readonly Slot[]) => g.map((s) => s.char).join('');
  const withLead = (art: number) => {
    const lead = w.slice(art, k);
    const inDoubt = lead.filter((s) => !readPlainly(s)).length;
    if (!lead.length || !lead.every(trueDigit) || inDoubt > (lead.length > 1 ? 1 : 0)) return undefined;
    const slots = rest.length === n.length ? withNarrowReads(lead, rest, n) : w.slice(art);
    return cardRules(chars(slots)) > cardRules(chars(n)) ? slots : undefined;
  };
  let slots: Slot[] | undefined;
  for (let art = 0; art < k && !slots; art++) {
    slots = withLead(art);
    if (readPlainly(w[art])) break;
  }
  return slots && widerRun(wider, slots);
}

/**
 * The number's first group read on before its start (`wider`) where the card rules cannot vouch for
 * it (a digit misread: "2117" for 2717 costs the IIN and Luhn, so `leadingDigits` declines it). The
 * narrow run is three whole groups of four, which the findings stage would take for a number's
 * leading groups and pad at its end, hiding the last four and showing the first. Just before its
 * first glyph the wider read holds four glyphs read as digits (in doubt or not: print faint enough to
 * escape the detector reads in doubt, and the layout, not the reading, vouches for them) spaced as
 * the run's own print: each step within the group `READ_LINE.leadingGroupStep` of `pitch` (source pixels along the
 * line), and the step from the group's last glyph to the run's first within as much of the run's own
 * group step. Print laid out so is the number's first group (16-digit numbers print 4-4-4-4: the
 * networks' card design rules), so its end, and the last four, are the run's. The wider read must
 * hold the run's glyphs one for one and end where it ends; their tighter readings stand.
 * Undefined otherwise.
 */
export function leadingGroup(wider: ReadRun, narrow: ReadRun, pitch: number): ReadRun | undefined {
  const n = narrow.run.slots;
  const groups = splitGroups(n);
  if (n.length !== 12 || groups.length !== 3 || groups.some((g) => g.length !== 4)) return undefined;
  const along = alongLine(narrow);
  const w = wider.run.slots;
  const start = along(narrow, n[0]) - 0.5 * pitch;
  const k = w.findIndex((s) => along(wider, s) > start);
  if (k < 4 || w.length - k !== n.length) return undefined;
  if (Math.abs(along(wider, w[w.length - 1]) - along(narrow, n[n.length - 1])) > 0.5 * pitch)
    return undefined;
  const lead = w.slice(k - 4, k);
  if (!lead.every(trueDigit)) return undefined;
  const tolerance = READ_LINE.leadingGroupStep * pitch;
  const steps = lead.slice(1).map((s, i) => along(wider, s) - along(wider, lead[i]));
  if (steps.some((d) => Math.abs(d - pitch) > tolerance)) return undefined;
  const groupStep =
    (along(narrow, groups[1][0]) -
      along(narrow, groups[0][3]) +
      along(narrow, groups[2][0]) -
      along(narrow, groups[1][3])) /
    2;
  if (Math.abs(along(narrow, n[0]) - along(wider, lead[3]) - groupStep) > tolerance) return undefined;
  return widerRun(wider, withNarrowReads(lead, w.slice(k), n));
}
