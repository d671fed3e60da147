import { brandOf, lengthFitsBrand, usualLength, wholeCardNumber } from './brands';
import { luhnValid } from './luhn';
import type { Slot } from './number-run';
import { median } from '../math';
import { GROUPS, READ_LINE } from './thresholds';
import { groupsOnInkLayout } from './ink-layout';

const mid = (s: Slot) => (s.x0 + s.x1) / 2;
const sameSizes = (groups: readonly Slot[][], layout: readonly number[]) =>
  groups.length === layout.length && groups.every((g, i) => g.length === layout[i]);

/**
 * Typical distance between neighbouring glyph centres within a group (crop pixels), bounded by the
 * glyph height: steps under half a height are one glyph read twice, steps over 1.3 heights cross a
 * group's space. Where fewer than `GROUPS.pitchStepShare` of the steps fall within those bounds, the
 * boxes' heights are wrong (a logo's letters behind embossed digits stretch them to twice the glyph's
 * height, and the group spaces then pass for the pitch): a card number's groups hold most of its
 * glyphs, so the steps near their own median are the pitch.
 */
export function glyphPitch(slots: readonly Slot[]): number {
  const h = median(slots.map((s) => s.y1 - s.y0));
  const d: number[] = [];
  for (let i = 1; i < slots.length; i++) d.push(mid(slots[i]) - mid(slots[i - 1]));
  const inGroup = d.filter((x) => x > 0.5 * h && x < 1.3 * h);
  if (d.length >= 8 && inGroup.length < GROUPS.pitchStepShare * d.length) {
    const m = median(d.filter((x) => x > 0));
    const near = d.filter((x) => x > 0.6 * m && x < 1.3 * m);
    if (near.length >= GROUPS.pitchStepShare * d.length) return median(near);
  }
  return inGroup.length ? median(inGroup) : 0.8 * h;
}

/**
 * Splits slots (sorted along the line) into printed groups at gaps wider than a glyph: 1.45 pitches
 * between centres, or 1.2 where the recognizer read a space there (fonts set with narrow group spaces).
 */
export function splitGroups(slots: readonly Slot[], pitch = glyphPitch(slots)): Slot[][] {
  const groups: Slot[][] = [];
  for (const s of slots) {
    const g = groups[groups.length - 1];
    const step = g ? mid(s) - mid(g[g.length - 1]) : Infinity;
    if (g && step < (s.wordStart ? GROUPS.spaceAfterRead : GROUPS.space) * pitch) g.push(s);
    else groups.push([s]);
  }
  return groups;
}

/**
 * OCR boxes do not count glyphs reliably (one embossed glyph read as two symbols, a whole group read
 * as one '§'). Where the ink along the line shows a group's glyphs plainly (2 to 6 glyph-wide
 * pieces under the group), the group is re-cut to those pieces, keeping a digit read over a piece.
 */
function recutGroup(group: Slot[], pitch: number, ink: readonly { x0: number; x1: number }[]): Slot[] {
  const x0 = group[0].x0 - 0.3 * pitch;
  const x1 = group[group.length - 1].x1 + 0.3 * pitch;
  const pieces = ink.filter((p) => (p.x0 + p.x1) / 2 >= x0 && (p.x0 + p.x1) / 2 <= x1);
  if (pieces.length < 2 || pieces.length > 6) return group;
  if (pieces.length === group.length) return alignToInk(group, pieces);
  // A group Tesseract read cleanly, digit by digit, is trusted over the ink (touching glyphs merge).
  if (group.every((s) => !s.lookalike && s.char !== '?' && s.confidence >= 0.85)) return group;
  // So is a learned reading with at most one doubtful glyph: the ink merges touching embossed glyphs.
  if (group.filter((s) => !s.sure).length <= 1 && group.some((s) => s.sure)) return group;
  // Fewer pieces than glyphs read, and a piece as wide as two with two glyphs' centres on it: the
  // ink merged touching glyphs (embossed relief), and re-cut the group would lose one, sliding the
  // kept four onto a hidden digit.
  if (pieces.length < group.length) {
    const w = median(pieces.map((p) => p.x1 - p.x0));
    const merged = (p: { x0: number; x1: number }) =>
      p.x1 - p.x0 >= GROUPS.mergedInkWidth * w &&
      group.filter((s) => mid(s) >= p.x0 && mid(s) <= p.x1).length >= 2;
    if (pieces.some(merged)) return group;
  }
  const y0 = Math.min(...group.map((s) => s.y0));
  const y1 = Math.max(...group.map((s) => s.y1));
  return pieces.map((p) => slotOnPiece(p, group, y0, y1, () => true));
}

/**
 * A group whose glyphs the ink shows one for one: each slot is moved onto its piece of ink. The
 * recognizer's CTC alignment places a glyph to within a time step (a third to a whole glyph on small
 * print), the ink to within a pixel. A slot keeps what it covered beyond its piece (faint ink the
 * profile missed) up to halfway to the neighbouring pieces, never into a neighbour's glyph.
 */
function alignToInk(group: Slot[], pieces: readonly { x0: number; x1: number }[]): Slot[] {
  return group.map((s, i) => {
    const p = pieces[i];
    const lo = i > 0 ? (pieces[i - 1].x1 + p.x0) / 2 : -Infinity;
    const hi = i + 1 < pieces.length ? (p.x1 + pieces[i + 1].x0) / 2 : Infinity;
    return { ...s, x0: Math.min(p.x0, Math.max(s.x0, lo)), x1: Math.max(p.x1, Math.min(s.x1, hi)) };
  });
}

/**
 * A slot over a piece of ink, with the character read over it when exactly one slot's centre lies
 * on it, widened to the boxes over it that `reach` accepts (a box can cover faint ink, an emboss
 * shadow, that the column profile missed).
 */
function slotOnPiece(
  p: { x0: number; x1: number },
  slots: readonly Slot[],
  y0: number,
  y1: number,
  reach: (s: Slot, over: readonly Slot[]) => boolean,
): Slot {
  const over = slots.filter((s) => mid(s) >= p.x0 && mid(s) <= p.x1);
  const read = over.length === 1 ? over[0] : undefined;
  const boxes = over.filter((s) => reach(s, over));
  return {
    x0: Math.min(p.x0, ...boxes.map((s) => s.x0)),
    x1: Math.max(p.x1, ...boxes.map((s) => s.x1)),
    y0,
    y1,
    char: read?.char ?? '?',
    confidence: read?.confidence ?? 0,
    lookalike: read?.lookalike,
  };
}

/** What ends a number's print: the frame's edge, the card's edge (the ground changes), or its own end. */
export type EndCut = 'frame' | 'card' | false;

export interface NormalizeOptions {
  /**
   * Whether the number visibly continues past its last slot: the frame or the card's edge cuts it
   * (the print runs off the card). Then its end is beyond, and slots are added there.
   */
  cutAtEnd?: (last: Slot, pitch: number) => EndCut;
  /** Glyph-wide pieces of ink along the line, to count each group's glyphs by. */
  ink?: readonly { x0: number; x1: number }[];
}

/**
 * Cleans a number's slots with what cards look like: over-split groups re-cut by their extent; all
 * slots share the line's band; a stray group of one or two glyphs at either end (a logo edge, a mark)
 * is not part of the number; unread ink past the brand's last group is dropped; and a number cut by
 * an edge gets slots beyond it up to its brand's length, so the last four are counted from the true
 * end of the number, never from the last glyph in view.
 */
export function normalizeSlots(input: readonly Slot[], options: NormalizeOptions = {}): Slot[] {
  let slots = [...input].sort((a, b) => mid(a) - mid(b));
  if (slots.length < 2) return slots;
  // Unread slivers of ink at either end (a card edge, a logo's rim) are not glyphs: counted as
  // one, a sliver after the number would move the last four onto the wrong glyphs.
  const width = median(slots.filter((s) => s.char !== '?').map((s) => s.x1 - s.x0));
  const inkWidth = (s: Slot) =>
    Math.max(
      s.x1 - s.x0,
      ...(options.ink ?? []).filter((p) => p.x1 > s.x0 && p.x0 < s.x1).map((p) => p.x1 - p.x0),
    );
  const sliver = (s: Slot | undefined) => !!s && s.char === '?' && inkWidth(s) < 0.45 * width;
  while (sliver(slots[slots.length - 1])) slots.pop();
  while (sliver(slots[0])) slots.shift();
  // A box Tesseract stretched over a neighbouring mark (a logo, a '©') is pulled back to the glyph's
  // own ink, so it does not float off into a group of its own.
  const typical = median(slots.map((s) => s.x1 - s.x0));
  const ink = options.ink ?? [];
  slots = slots.map((s) => {
    const piece = s.x1 - s.x0 > 1.6 * typical ? inkPieceUnder(s, ink) : undefined;
    return piece ? { ...s, x0: piece.x0, x1: piece.x1 } : s;
  });
  // A box the recognizer placed at the edge of its glyph (a few columns of the glyph's ink: CTC
  // emitted the first "6" of a number at its right edge), or just short of it (the last "7" of a
  // number whose boxes drift left along the line), is widened to the ink piece it lies on or
  // touches, when no other glyph is centred on that piece; where one is (the box drifted onto the
  // glyph before) and the box holds a digit read as such, to a piece it touches or nearly touches
  // that no glyph is centred on. Read as a sliver, the digit would be dropped.
  slots = slots.map((s, i) => {
    if (s.x1 - s.x0 >= 0.45 * typical) return s;
    const unclaimed = (p: { x0: number; x1: number }) =>
      !slots.some((o, j) => j !== i && mid(o) >= p.x0 && mid(o) <= p.x1);
    const under = inkPieceUnder(s, ink);
    const nearest = () => inkPieceUnder(s, ink.filter(unclaimed), GROUPS.sliverReach * typical);
    const p = !under ? nearest() : unclaimed(under) ? under : readDigit(s) ? nearest() : undefined;
    return p && p.x1 - p.x0 <= 1.6 * typical ? { ...s, x0: p.x0, x1: p.x1 } : s;
  });
  const pitch = glyphPitch(slots);
  const h = median(slots.map((s) => s.y1 - s.y0));
  const cy = median(slots.map((s) => (s.y0 + s.y1) / 2));
  for (const s of slots) {
    s.y0 = Math.max(s.y0, cy - 0.65 * h);
    s.y1 = Math.min(s.y1, cy + 0.65 * h);
  }
  // Boxes that split the number other than its brand's layout (or, without a brand, 4-4-4-4) where
  // the ink shows that layout plainly: the glyphs are counted by the ink, not group by group.
  const printed = brandOf(slots.map((s) => s.char).join(''))?.grouping ?? [4, 4, 4, 4];
  const byBoxes = splitGroups(slots, pitch);
  const byInk = sameSizes(byBoxes, printed) ? undefined : groupsOnInkLayout(slots, ink, printed);
  let groups = byInk ?? byBoxes.map((g) => recutGroup(g, pitch, ink));
  // Strays hold no digit a reader was sure of: look-alikes ('|' for 1), unread ink, or a glyph read
  // in doubt (the card's edge or a logo's rim read "3" beside unread ink before the number).
  const stray = (g: Slot[]) =>
    g.length <= 2 && g.every((s) => s.char === '?' || s.lookalike || s.confidence < READ_LINE.doubtfulGlyph);
  if (groups.length >= 3 && stray(groups[groups.length - 1])) groups.pop();
  if (groups.length >= 3 && stray(groups[0])) groups.shift();
  const text = groups
    .flat()
    .map((s) => s.char)
    .join('');
  const brand = brandOf(text);
  // Without a brand, whole groups of four are the common layout, also where one group before the
  // last is a glyph short: the recognizer lost a glyph there (blur, an emboss shadow), which the
  // IIN read wrong left no brand to say. No card prints 4-3-4-4. The glyph is put back in its group
  // (fillShortGroups), so the last group stays the last four.
  const oneShortBeforeLast =
    groups.length === 4 &&
    groups[3].length >= 4 &&
    groups.slice(0, -1).filter((g) => g.length === 3).length === 1 &&
    groups.slice(0, -1).every((g) => g.length === 3 || g.length === 4);
  const grouping =
    brand?.grouping ??
    (groups.slice(0, -1).every((g) => g.length === 4) || oneShortBeforeLast ? [4, 4, 4, 4] : undefined);
  if (grouping) {
    // A group one glyph longer than the layout prints it, with two boxes over one glyph ("71" for
    // an embossed 7): those two are one glyph. (Groups further off are split wrong, not misread.)
    groups = groups.map((g, i) =>
      i < grouping.length && g.length === grouping[i] + 1 ? mergeDoubleReads(g, grouping[i]) : g,
    );
    // The layout complete, then a group of one or two glyphs after it (a logo's edge, a hologram
    // read as a digit): not part of the number, or it would take the last four's place.
    if (
      groups.length > grouping.length &&
      grouping.every((n, i) => groups[i].length === n) &&
      groups.slice(grouping.length).every((g) => g.length <= 2)
    )
      groups = groups.slice(0, grouping.length);
  }
  if (
    grouping &&
    (groups.length === grouping.length ||
      (groups.length >= 4 &&
        groups.length < grouping.length &&
        groups.slice(0, -1).every((g, i) => g.length === grouping[i])))
  ) {
    // A last group longer than the layout prints it, with unread ink at its end: the ink is not a
    // digit. Also where the layout may run on (UnionPay's 4-4-4-4-3): a fifth group stands after a
    // gap, while a logo or art right after the fourth joins it at the number's pitch. Past the
    // longest number the brand issues, a glyph read in doubt or over no ink of the line's own is
    // not one either (a hologram's edge read as "1" after a Mastercard's 16).
    const lastGroup = groups[groups.length - 1];
    const want = grouping[groups.length - 1];
    const longest = brand ? Math.max(...brand.lengths) : 19;
    const count = () => groups.reduce((n, g) => n + g.length, 0);
    const inked = (g: Slot) =>
      !options.ink?.length || options.ink.some((p) => mid(g) >= p.x0 && mid(g) <= p.x1);
    const notADigit = (g: Slot) =>
      g.char === '?' || (count() > longest && (g.confidence < READ_LINE.doubtfulGlyph || !inked(g)));
    while (lastGroup.length > want && notADigit(lastGroup[lastGroup.length - 1])) lastGroup.pop();
  }
  groups = groups.filter((g) => g.length > 0);
  if (grouping) groups = fillShortGroups(groups, grouping, pitch);
  slots = groups.flat();
  const target = usualLength(brand);
  // Fewer glyphs than the brand prints, in whole groups of its layout (the last maybe partial): the
  // end of the number is hidden (past the card's or the frame's edge, under a finger). The ink walk
  // would have found a visible group, so what is missing is the end, and the last four are there.
  const layout = brand?.grouping ?? [4, 4, 4, 4];
  const prefixOfLayout =
    groups.length <= layout.length &&
    groups.every((g, i) => (i < groups.length - 1 ? g.length === layout[i] : g.length <= layout[i]));
  const cut = () => options.cutAtEnd?.(slots[slots.length - 1], pitch) ?? false;
  let length = target;
  // A change of ground after a whole last group is a logo, glare or the card's far side, not a cut
  // (the kept four would slide off the number onto the art): the frame's edge is, and a ground change
  // through a partial last group is.
  const lastGroup = groups[groups.length - 1] ?? [];
  const partial = lastGroup.length < (layout[groups.length - 1] ?? 4);
  const cutThrough = () => {
    const c = cut();
    return c === 'frame' || (c === 'card' && partial);
  };
  // Cut off where the brand commonly runs longer: assume the longer number (errs toward hiding).
  // A run in view that is whole by the card rules (its brand's length, Luhn) is the number, though
  // it ends at the frame: a scan cropped tight to the card. (Were it the first 16 of a 19-digit
  // number cut by the frame, passing Luhn by chance, the digits it shows past the 12th are in view
  // either way.)
  const inView = slots.map((s) => s.char).join('');
  if (
    brand?.cutLength &&
    !wholeCardNumber(inView) &&
    slots.length >= target - 4 &&
    slots.length < brand.cutLength
  ) {
    if (cutThrough()) length = brand.cutLength;
  }
  // A short run is padded to `length`: it runs to the brand's longer length, it is a prefix of the
  // brand's layout, or the frame or a ground change cuts through its last group.
  if (
    slots.length >= target - 4 &&
    slots.length < length &&
    (length > target || prefixOfLayout || cutThrough())
  ) {
    // The glyph at the cut shows only in part, but its mask must cover all of it: a full width.
    const w = median(slots.map((s) => s.x1 - s.x0));
    const cutGlyph = slots[slots.length - 1];
    const last = { ...cutGlyph, x1: Math.max(cutGlyph.x1, cutGlyph.x0 + w) };
    slots[slots.length - 1] = last;
    // The hidden glyphs follow the brand's layout: a new group starts after the space between groups
    // seen on this number, so the kept four lie where they are printed, clear of the last glyph in view.
    const space = groupSpace(groups, pitch);
    let x = last.x0;
    let group = groups.length - 1;
    let inGroup = lastGroup.length;
    while (slots.length < length) {
      x += pitch;
      if (inGroup >= (layout[group] ?? 4)) {
        x += space;
        group++;
        inGroup = 0;
      }
      inGroup++;
      slots.push({
        ...last,
        x0: x,
        x1: x + (last.x1 - last.x0),
        char: '?',
        confidence: 0,
        wordStart: undefined,
      });
    }
  }
  return slots;
}

/**
 * A number shown in part (part-shown.ts) with the place of its next glyph added, unread ('?'): a cover
 * drawn a little short leaves part of that glyph in view. After a whole group of four the next glyph
 * starts a new group, past the space between groups seen on the number; else it follows at the pitch.
 */
export function withNextGlyph(slots: readonly Slot[]): Slot[] {
  const pitch = glyphPitch(slots);
  const groups = splitGroups(slots, pitch);
  const last = slots[slots.length - 1];
  const width = median(slots.map((s) => s.x1 - s.x0));
  const newGroup = groups[groups.length - 1].length >= 4;
  const x0 = last.x0 + pitch + (newGroup ? groupSpace(groups, pitch) : 0);
  return [...slots, { ...last, x0, x1: x0 + width, char: '?', confidence: 0, wordStart: undefined }];
}

/**
 * Groups read apart (a number's ends, its middle out of sight), each re-cut to the ink under it as a
 * run's groups are (`recutGroup`: a reader's box squeezed to a sliver grows over its glyph's ink),
 * where that keeps its glyph count; a group the ink would count otherwise is kept as read.
 */
export function groupsOnInk(groups: readonly Slot[][], ink: readonly { x0: number; x1: number }[]): Slot[][] {
  const pitch = glyphPitch(groups.flat());
  return groups.map((g) => {
    const recut = recutGroup(g, pitch, ink);
    return recut.length === g.length ? recut : g;
  });
}

/**
 * `slots` (a number's first group then its last, `first` glyphs in the first) with `missing` unread
 * glyphs between the two, spread evenly over the hole: the middle of a number out of sight, masked
 * with the first group (middle-shown.ts).
 */
export function withMiddleGlyphs(slots: readonly Slot[], first: number, missing: number): Slot[] {
  const a = slots[first - 1];
  const b = slots[first];
  const width = median(slots.map((s) => s.x1 - s.x0));
  const step = (mid(b) - mid(a)) / (missing + 1);
  const middle = Array.from({ length: missing }, (_, k): Slot => {
    const c = mid(a) + step * (k + 1);
    const t = (k + 1) / (missing + 1);
    return {
      x0: c - width / 2,
      x1: c + width / 2,
      y0: a.y0 + (b.y0 - a.y0) * t,
      y1: a.y1 + (b.y1 - a.y1) * t,
      char: '?',
      confidence: 0,
    };
  });
  return [...slots.slice(0, first), ...middle, ...slots.slice(first)];
}

/**
 * The extra space between groups over the glyph pitch, in slot units (the median over the number's
 * group boundaries; 0 with one group).
 */
function groupSpace(groups: readonly Slot[][], pitch: number): number {
  const extra = groups.slice(1).map((g, i) => g[0].x0 - groups[i][groups[i].length - 1].x0 - pitch);
  return extra.length ? Math.max(0, median(extra)) : 0;
}

/**
 * Merges the most overlapping pair of boxes in a group while it is longer than `want` and some
 * pair overlaps by more than half the narrower box, keeping the surer reading.
 */
function mergeDoubleReads(group: Slot[], want: number): Slot[] {
  const g = [...group];
  while (g.length > want) {
    let best = -1;
    let bestShare = 0.5;
    for (let i = 1; i < g.length; i++) {
      const overlap = Math.min(g[i - 1].x1, g[i].x1) - Math.max(g[i - 1].x0, g[i].x0);
      const share = overlap / Math.min(g[i - 1].x1 - g[i - 1].x0, g[i].x1 - g[i].x0);
      if (share > bestShare) {
        bestShare = share;
        best = i;
      }
    }
    if (best < 0) break;
    const [a, b] = [g[best - 1], g[best]];
    const sure = b.confidence > a.confidence ? b : a;
    g.splice(best - 1, 2, {
      ...sure,
      x0: Math.min(a.x0, b.x0),
      x1: Math.max(a.x1, b.x1),
      y0: Math.min(a.y0, b.y0),
      y1: Math.max(a.y1, b.y1),
    });
  }
  return g;
}

/** An unread slot one pitch after (or, with a negative pitch, before) a glyph. */
const besideSlot = (s: Slot, pitch: number): Slot => ({
  ...s,
  x0: s.x0 + pitch,
  x1: s.x1 + pitch,
  char: '?',
  confidence: 0,
  lookalike: undefined,
  wordStart: undefined,
});

/**
 * A glyph that neither OCR nor the ink walk found leaves its group one short, and where it falls
 * decides what is masked: past a group's end it is left uncovered, and in the last group it moves
 * the last four onto the group before. With the layout known, a group one short gets an unread slot
 * where its gaps show the glyph is missing: a two-pitch gap inside it (which may also have split it
 * in two), or a break to a neighbouring group wider than the number's other breaks.
 */
export function fillShortGroups(input: Slot[][], layout: readonly number[], pitch: number): Slot[][] {
  let groups = input.map((g) => [...g]);
  // The merge must leave the layout's count of groups, none longer than the layout prints.
  const fits = (gs: Slot[][]) => gs.length === layout.length && gs.every((g, k) => g.length <= layout[k]);
  // One group read as two across the missing glyph.
  if (groups.length === layout.length + 1) {
    for (let i = 0; i + 1 < groups.length; i++) {
      const a = groups[i];
      const b = groups[i + 1];
      const gap = mid(b[0]) - mid(a[a.length - 1]);
      if (gap < 1.6 * pitch || gap > 2.6 * pitch) continue;
      const merged = [
        ...groups.slice(0, i),
        [...a, besideSlot(a[a.length - 1], pitch), ...b],
        ...groups.slice(i + 2),
      ];
      if (fits(merged)) {
        groups = merged;
        break;
      }
    }
  }
  if (groups.length !== layout.length) return groups;
  const breaks = groups.slice(1).map((g, i) => mid(g[0]) - mid(groups[i][groups[i].length - 1]));
  const usual = Math.min(...breaks);
  // The last group is left to the caller: a short last group is padded at the end of the number.
  for (let i = 0; i < groups.length - 1; i++) {
    const g = groups[i];
    if (g.length !== layout[i] - 1) continue;
    const inside = g.findIndex((s, j) => j > 0 && mid(s) - mid(g[j - 1]) > 1.6 * pitch);
    if (inside > 0) g.splice(inside, 0, besideSlot(g[inside - 1], pitch));
    else if (breaks[i] - usual > 0.6 * pitch) g.push(besideSlot(g[g.length - 1], pitch));
    else if (i > 0 && breaks[i - 1] - usual > 0.6 * pitch) g.unshift(besideSlot(g[0], -pitch));
  }
  return groups;
}

/**
 * Slots rebuilt from the ink along the line, for a run whose OCR boxes are garbled (embossed OCR-A
 * read as "PF Shaye": boxes that overlap, span a group, or sit on no print). The digits read with
 * confidence anchor it: they must each sit on a glyph-wide piece of ink, and then every such piece
 * between the run's first and last slot becomes a slot, with the character read over it, if any.
 */
export function slotsFromInk(
  slots: readonly Slot[],
  ink: readonly { x0: number; x1: number }[],
): Slot[] | undefined {
  const core = slots.filter((s) => !s.lookalike && s.char !== '?' && s.confidence >= 0.8);
  if (core.length < 4) return undefined;
  const w = median(core.map((s) => s.x1 - s.x0));
  const start = Math.min(...slots.map((s) => s.x0));
  const end = Math.max(...slots.map((s) => s.x1));
  const pieces = ink.filter((p) => {
    const c = (p.x0 + p.x1) / 2;
    return p.x1 - p.x0 >= 0.5 * w && p.x1 - p.x0 <= 1.6 * w && c >= start && c <= end;
  });
  const on = (s: Slot, p: { x0: number; x1: number }) => mid(s) >= p.x0 - 0.2 * w && mid(s) <= p.x1 + 0.2 * w;
  if (!core.every((s) => pieces.some((p) => on(s, p)))) return undefined;
  const y0 = median(core.map((s) => s.y0));
  const y1 = median(core.map((s) => s.y1));
  // A read box about one glyph wide may reach past faint ink (emboss shadow); a wider one is garbled.
  return pieces.map((p) =>
    slotOnPiece(p, slots, y0, y1, (s, over) => over.length === 1 && s.x1 - s.x0 <= 1.3 * w),
  );
}

/**
 * How many glyphs to drop from the start and the end of `text` (one at most each) for a whole card
 * number by every rule (digits only, a length its brand issues, Luhn), or undefined when no such
 * trim gives one. The untrimmed text is [0, 0].
 */
export function strayEnds(
  text: string,
  /** Whether a trim of `start` glyphs at the start and `end` at the end may be made. */
  allowed: (start: number, end: number) => boolean = () => true,
): [number, number] | undefined {
  const n = text.length;
  const trims: [number, number][] = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ];
  return trims.find(([a, b]) => {
    const t = text.slice(a, n - b);
    return wholeCardNumber(t) && allowed(a, b);
  });
}

/**
 * Whether the last glyph of `slots` is out of the line's rhythm: unread, set off from the glyph
 * before it by more than `GROUPS.strayGap` pitches or less than `GROUPS.strayCrowd` (centre to
 * centre), or of another height than the glyphs just before it (outside `GROUPS.strayHeight` of
 * their median: on faint embossing the boxes of a whole stretch of the line come out shorter, and a
 * glyph is measured against its neighbours). Heights are asked only where the run's boxes agree on
 * one (`GROUPS.heightsAgree`). A glyph at the number's pitch and height is a digit of the number,
 * however Luhn reads.
 */
export function outOfRhythm(slots: readonly Slot[]): boolean {
  const n = slots.length;
  if (n < 2) return true;
  const last = slots[n - 1];
  if (last.char === '?') return true;
  const step = mid(last) - mid(slots[n - 2]);
  const pitch = glyphPitch(slots);
  if (step > GROUPS.strayGap * pitch || step < GROUPS.strayCrowd * pitch) return true;
  const heights = slots.map((s) => s.y1 - s.y0).sort((a, b) => a - b);
  const spread = heights[Math.floor(0.75 * (n - 1))] - heights[Math.floor(0.25 * (n - 1))];
  if (spread > GROUPS.heightsAgree * median(heights)) return false;
  const h = median(slots.slice(-1 - GROUPS.rhythmNeighbours, -1).map((s) => s.y1 - s.y0));
  const ratio = (last.y1 - last.y0) / h;
  const [lo, hi] = GROUPS.strayHeight;
  return ratio < lo || ratio > hi;
}

/**
 * A glyph read in doubt among the number's hidden digits that is no digit of it: art or a mark between
 * two glyphs (a wave crossing a group space) read as one more digit. When the run fails the card
 * rules and dropping one such glyph (confidence under `READ_LINE.doubtfulGlyph`, neither end nor one
 * of the last four) leaves a whole card number (IIN, a length its brand issues, Luhn: ISO/IEC 7812-1),
 * that glyph is dropped; the least sure of them when more than one would do. Undefined: none does.
 * The mask still spans the dropped glyph's place, which lies between hidden digits.
 */
export function withoutInsertedGlyph(slots: readonly Slot[]): Slot[] | undefined {
  let best: { at: number; confidence: number } | undefined;
  for (let i = 1; i < slots.length - 5; i++) {
    const s = slots[i];
    if (s.char === '?' || s.confidence >= READ_LINE.doubtfulGlyph) continue;
    if (best && best.confidence <= s.confidence) continue;
    const rest = slots.map((g) => g.char);
    rest.splice(i, 1);
    if (wholeCardNumber(rest.join(''))) best = { at: i, confidence: s.confidence };
  }
  return best && slots.filter((_, i) => i !== best.at);
}

/**
 * A run longer than a card number: print beside the number (a hand's edge, a logo's letters, the
 * card's edge) was read as more digits. When the whole run fails the Luhn check (ISO/IEC 7812-1) and a
 * sub-run of whole groups, 15 glyphs or more, has a length its brand issues, starts with the brand's
 * IIN and passes Luhn, that sub-run is the number: the kept four must be its last four, not the
 * logo's. Shorter runs, and runs that pass as they are, are left alone (a misread digit fails Luhn
 * too, and dropping a real group would leave it unmasked).
 */
export function numberWithin(slots: Slot[]): Slot[] {
  const text = slots.map((s) => s.char).join('');
  if (slots.length <= 16 || text.includes('?') || wholeCardNumber(text)) return slots;
  const inserted = withoutInsertedGlyph(slots);
  if (inserted) return inserted;
  // One stray glyph read at an end (a mark, the card's edge) before the group structure is asked.
  // Dropped wrongly, the last glyph takes a hidden digit into the kept four (and Luhn passes one
  // trim in ten by chance): at the end only a glyph out of the line's rhythm is stray.
  const trim = strayEnds(text, (_, k) => k === 0 || outOfRhythm(slots));
  if (trim) return slots.slice(trim[0], slots.length - trim[1]);
  const stray = strayLastGlyph(slots);
  if (stray) return stray;
  const groups = splitGroups(slots);
  const starts: number[] = [];
  let at = 0;
  for (const g of groups) {
    starts.push(at);
    at += g.length;
  }
  let best: Slot[] | undefined;
  for (let a = 0; a < groups.length; a++) {
    for (let b = a; b < groups.length; b++) {
      const sub = slots.slice(starts[a], starts[b] + groups[b].length);
      if (sub.length < 15 || sub.length >= slots.length) continue;
      const t = sub.map((s) => s.char).join('');
      const brand = brandOf(t);
      if (!brand || !brand.lengths.includes(t.length) || !luhnValid(t)) continue;
      if (!best || sub.length > best.length) best = sub;
    }
  }
  return best ?? slots;
}

/**
 * A doubtful glyph after the number, at a length its brand never issues: print past the last digit (a
 * decoration, a hologram's edge) read as one more digit ("4321 0122 4567 89019" on a banner, the 9
 * read at confidence 0.57). Where Luhn cannot settle it (a specimen number fails Luhn whether or not
 * the glyph is dropped), the brand's lengths (ISO/IEC 7812 ranges as the networks publish them) and
 * the line's rhythm can: the last glyph is dropped when it was read in doubt (under
 * `READ_LINE.doubtfulGlyph`), is out of the line's rhythm (`outOfRhythm`: set apart, crowded or of
 * another height), and the run is one glyph longer than a length the brand issues. Otherwise
 * undefined: a glyph at the number's pitch and height, or read surely, stays a digit of it (dropped
 * wrongly, the true last digit would go unmasked and a hidden digit would slide into the kept four).
 */
export function strayLastGlyph(slots: readonly Slot[]): Slot[] | undefined {
  const last = slots[slots.length - 1];
  if (!last || last.char === '?' || last.confidence >= READ_LINE.doubtfulGlyph) return undefined;
  const text = slots.map((s) => s.char).join('');
  const brand = brandOf(text);
  if (!brand || brand.lengths.includes(text.length) || !brand.lengths.includes(text.length - 1))
    return undefined;
  return outOfRhythm(slots) ? slots.slice(0, -1) : undefined;
}

/**
 * Whether a run with no issuer prefix is laid out as a card number: mostly groups of four (ISO/IEC
 * 7812 numbers as the networks print them), or 16 to 19 digits that pass Luhn whatever their grouping
 * (China's older 19-digit cards print 5-4-5-5 or 6-13). A run of threes ("1 800 711 267 858") is a
 * phone number, however its digits fall under Luhn.
 */
export function laidOutAsCardNumber(groups: readonly (readonly Slot[])[]): boolean {
  const text = groups
    .flat()
    .map((s) => s.char)
    .join('');
  const count = (size: (n: number) => boolean) => groups.filter((g) => size(g.length)).length;
  if (2 * count((n) => n <= 3) > groups.length) return false;
  return (/^\d{16,19}$/.test(text) && luhnValid(text)) || 2 * count((n) => n === 4) >= groups.length;
}

/**
 * Whether a run is grouped as a phone number is: three or more groups of exactly three digits
 * ("+1 800 711 541 176", "1 800 711 267 858"). The networks print 4-4-4-4, 4-6-5, 4-6-4 or
 * 4-4-4-4-3 (ISO/IEC 7812 numbers as issued), never three groups of three; a leading plus read as a
 * 4 gives such a line a Visa IIN.
 */
export function groupedAsPhone(groups: readonly (readonly Slot[])[]): boolean {
  return groups.filter((g) => g.length === 3).length >= 3;
}

/**
 * A signature panel's line that prints the number and then the security code ("1234 5678 9123 4567
 * 321", as many backs do): four groups of four and a group of three that the card rules do not take
 * for a 19-digit number (ISO/IEC 7812: no network issues 19 digits under this prefix, or the 19 fail
 * Luhn where the 16 pass). A 19-digit number printed 4-4-4-4-3 (UnionPay, Visa) stays whole.
 */
export function numberThenCode(slots: readonly Slot[]): { number: Slot[]; code: Slot[] } | undefined {
  const groups = splitGroups(slots);
  // Four groups of four and a group of three; a group space the reader missed inside the number
  // (two groups read as one of eight) leaves the layout as plain.
  const sizes = groups.map((g) => g.length);
  const inNumber = sizes.slice(0, -1);
  if (
    sizes[sizes.length - 1] !== 3 ||
    inNumber.length < 2 ||
    inNumber.some((n) => n % 4 !== 0) ||
    inNumber.reduce((a, b) => a + b, 0) !== 16
  )
    return undefined;
  const text = slots.map((s) => s.char).join('');
  if (!/^\d{19}$/.test(text)) return undefined;
  // Set apart from the number by a wider space than its own group spaces: a code, whatever Luhn says.
  const spaces = groups.slice(1).map((g, i) => mid(g[0]) - mid(groups[i][groups[i].length - 1]));
  const setApart = spaces[spaces.length - 1] >= GROUPS.codeApart * Math.max(...spaces.slice(0, -1));
  const whole19 = lengthFitsBrand(text) && (luhnValid(text) || !luhnValid(text.slice(0, 16)));
  return setApart || !whole19 ? { number: slots.slice(0, 16), code: slots.slice(16) } : undefined;
}

/**
 * A run with a lone glyph set a group space apart at an end (the card's edge, a finger or art read as
 * a digit: "5 2202 2001 ...", "... 0266 2"), without it: no card layout has a group of one (ISO/IEC
 * 7812 numbers print 4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3, 6-13, 6-6-6 ...). Dropped only when it is
 * unread, or the rest (12 glyphs or more) has a length its brand issues, or, at the end only, it is
 * read in doubt. A first glyph read in doubt before a rest the card rules do not settle, shorter than
 * the longest number (19), stays: it is
 * masked either way, and a real first digit set off by the reader's boxes ("2 717 0904 ...") would
 * show if dropped, where the card's edge kept costs a sliver of mask.
 */
export function withoutLoneEnds(slots: Slot[]): Slot[] {
  let out = slots;
  for (let k = 0; k < 4 && out.length > 12; k++) {
    const groups = splitGroups(out);
    // Two groups are a lone glyph and the rest only when the rest is most of a number by itself
    // (an ungrouped 19-digit number and the card's edge read after it).
    if (groups.length < 2 || (groups.length === 2 && Math.max(groups[0].length, groups[1].length) < 15))
      break;
    const lone = (g: Slot[], rest: Slot[], atEnd: boolean) =>
      g.length === 1 &&
      rest.length >= 12 &&
      (g[0].char === '?' ||
        ((atEnd || rest.length >= 19) && g[0].confidence < READ_LINE.doubtfulGlyph) ||
        lengthFitsBrand(rest.map((s) => s.char).join('')));
    const first = groups[0];
    const last = groups[groups.length - 1];
    if (lone(first, out.slice(1), false)) out = out.slice(1);
    else if (lone(last, out.slice(0, -1), true)) out = out.slice(0, -1);
    else break;
  }
  return out;
}

/** A slot read as a digit: not unread, not a look-alike letter taken for one. */
const readDigit = (s: Slot) => s.char >= '0' && s.char <= '9' && !s.lookalike;

/**
 * The ink piece (crop x range) that overlaps `s` most; when none does, the nearest piece within
 * `reach` crop pixels of it, if any.
 */
function inkPieceUnder(
  s: Slot,
  ink: readonly { x0: number; x1: number }[],
  reach = 0,
): { x0: number; x1: number } | undefined {
  let piece: { x0: number; x1: number } | undefined;
  let most = 0;
  for (const p of ink) {
    const o = Math.min(s.x1, p.x1) - Math.max(s.x0, p.x0);
    if (o > most) [most, piece] = [o, p];
  }
  if (piece || reach <= 0) return piece;
  let nearest = reach;
  for (const p of ink) {
    const gap = Math.max(p.x0 - s.x1, s.x0 - p.x1);
    if (gap <= nearest) [nearest, piece] = [gap, p];
  }
  return piece;
}

/**
 * A run without a sliver read as a glyph at either end: a box under `GROUPS.crowdedWidth` of the
 * run's median glyph width whose centre is within `GROUPS.strayCrowd` pitches of its neighbour's (an
 * emboss shadow or a spot of art beside the first digit, read as a "5"). Such a box overlaps the
 * digit next to it; no printed digit sits that close.
 */
export function withoutCrowdedEnds(slots: Slot[]): Slot[] {
  if (slots.length < 3) return slots;
  const pitch = glyphPitch(slots);
  const w = median(slots.map((s) => s.x1 - s.x0));
  const crowded = (s: Slot, next: Slot) =>
    s.x1 - s.x0 < GROUPS.crowdedWidth * w && Math.abs(mid(next) - mid(s)) < GROUPS.strayCrowd * pitch;
  let out = slots;
  if (crowded(out[0], out[1])) out = out.slice(1);
  if (crowded(out[out.length - 1], out[out.length - 2])) out = out.slice(0, -1);
  return out;
}
