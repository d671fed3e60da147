// Stage "findings", one rule by card geometry: a card number of which only the leading groups are in
// view. People are told to cover every digit but the last four, and many cover the wrong end (a box
// drawn in an editor over the last groups, a scribble, tape) or cover it half-way; glare can wash out
// the rest. A run like "3568 8679" is then too short for any card number, so no finding stood, and
// the groups in view (with the small repeat of the first four) stayed readable. Where such a run sits
// on a card as its number does, every digit in view is one to hide.
import { median } from '../math';
import type { Point, Quad } from '../types';
import { brandOf, usualLength } from './brands';
import type { CardOutline } from './card-outline';
import { CARD_LAYOUTS } from './stroke-layout';
import { PART_SHOWN } from './thresholds';
import { distance, insideQuad, midpoint } from '../reading-frame';

/** A run of digits read on one line, as the findings stage holds it. */
export interface ShownRun {
  /** The characters read, in reading order ('?' where a glyph was not read). */
  text: string;
  /** Glyph counts of its printed groups, in reading order. */
  groups: readonly number[];
  /** Each glyph's quad in source pixels, in reading order (corners: the crop's top-left first). */
  glyphs: readonly Quad[];
  /** The reader's confidence in each glyph, 0..1, in reading order. */
  confidence: readonly number[];
}

/**
 * Whether `run` is the leading part of a card number whose remaining digits are out of sight on the
 * card `card` (source pixels). All must hold:
 * - `PART_SHOWN.minGlyphs` to 11 glyphs, starting with an issuer's IIN (brands.ts, ISO/IEC 7812), in
 *   the leading groups of a card layout (its brand's, or one of CARD_LAYOUTS grouped alike) in which
 *   more follow (a last glyph read with under `PART_SHOWN.coverEdgeConfidence` may be the cover's edge);
 * - on the card: every glyph inside its outline, printed at a number's size (`PART_SHOWN.minHeightShare`
 *   of the card's short side), starting near the card's leading edge (`PART_SHOWN.maxLeadShare` of its
 *   long side), as card numbers do (their first digit sits a tenth to a fifth of the way in on the
 *   cards in the fixtures);
 * - room on the card past the last glyph for the digits still to come at the run's pitch
 *   (`PART_SHOWN.roomShare` of it): a run that ends at the card's edge is a shorter number, not a hidden one.
 * Every digit in view is then masked, and the place of the next one (withNextGlyph); which four are the
 * last is not in view.
 */
export function shownInPart(run: ShownRun, card: CardOutline | undefined): boolean {
  const n = run.glyphs.length;
  if (!card || n < PART_SHOWN.minGlyphs || n >= 12 || run.text.length !== n) return false;
  const brand = brandOf(run.text);
  if (!brand || run.groups.length < 2) return false;
  // The brand's own layout, and those that group as it does after the first four (a Visa is never
  // printed 4-6-5).
  const layouts = [brand.grouping, ...CARD_LAYOUTS.filter((l) => l[1] === brand.grouping[1])];
  // The edge of a cover right after the last glyph can read as one more glyph ("2500" + "9"), a
  // guess the reader makes with little confidence: the run is laid out as if it were not there.
  const edge =
    run.confidence[n - 1] < PART_SHOWN.coverEdgeConfidence && run.groups[run.groups.length - 1] > 1;
  const groups = edge ? [...run.groups.slice(0, -1), run.groups[run.groups.length - 1] - 1] : run.groups;
  if (!layouts.some((l) => leadsLayout(run.groups, l) || leadsLayout(groups, l))) return false;
  const centres = run.glyphs.map(centreOf);
  const placed = numberPlacing(run, card);
  if (!placed || placed.lead > PART_SHOWN.maxLeadShare * placed.long) return false;
  // The pitch within groups: the shortest steps between neighbouring glyphs, one per glyph but the
  // first of each group.
  const steps = centres.slice(1).map((c, i) => distance(c, centres[i]));
  const pitch = median([...steps].sort((a, b) => a - b).slice(0, n - run.groups.length));
  return placed.trail >= PART_SHOWN.roomShare * (usualLength(brand) - n) * pitch;
}

/** How a run sits on a card (source pixels): see `numberPlacing`. */
export interface NumberPlacing {
  /** The card's long side, the mean of the two. */
  long: number;
  /** From the first glyph's centre back to the card's edge, and from the last's on to it, along the run. */
  lead: number;
  trail: number;
}

/**
 * How `run` sits on `card` as a number would, or undefined unless every glyph lies inside the card's
 * outline at a number's size (`PART_SHOWN.minHeightShare` of the card's short side; embossed numbers
 * measure about 0.08, printed ones 0.05 to 0.07) and the run spans some length.
 */
export function numberPlacing(run: ShownRun, card: CardOutline): NumberPlacing | undefined {
  const corners = card.corners;
  const centres = run.glyphs.map(centreOf);
  if (centres.length === 0 || !centres.every((c) => insideQuad(corners, c))) return undefined;
  const sides = [0, 1, 2, 3].map((i) => distance(corners[i], corners[(i + 1) % 4]));
  const short = Math.min((sides[0] + sides[2]) / 2, (sides[1] + sides[3]) / 2);
  const long = Math.max((sides[0] + sides[2]) / 2, (sides[1] + sides[3]) / 2);
  const height = median(run.glyphs.map((q) => distance(midpoint(q[0], q[1]), midpoint(q[3], q[2]))));
  if (height < PART_SHOWN.minHeightShare * short) return undefined;
  const first = centres[0];
  const last = centres[centres.length - 1];
  const span = distance(first, last);
  if (!(span > 0)) return undefined;
  const dir = { x: (last.x - first.x) / span, y: (last.y - first.y) / span };
  const lead = rayToEdge(first, { x: -dir.x, y: -dir.y }, corners);
  return { long, lead, trail: rayToEdge(last, dir, corners) };
}

/** `groups` are a layout's leading groups (the last maybe partial) with at least one more to come. */
function leadsLayout(groups: readonly number[], layout: readonly number[]): boolean {
  if (groups.length > layout.length) return false;
  const complete = groups.every((g, i) => (i < groups.length - 1 ? g === layout[i] : g <= layout[i]));
  const inView = groups.reduce((a, b) => a + b, 0);
  return complete && inView < layout.reduce((a, b) => a + b, 0);
}

/** The centre of a glyph's quad (source pixels). */
export const centreOf = (q: Quad): Point => midpoint(midpoint(q[0], q[1]), midpoint(q[2], q[3]));

/** Distance from `p` (inside the quad) along unit direction `d` to the quad's boundary. */
function rayToEdge(p: Point, d: Point, q: Quad): number {
  let best = Infinity;
  for (let i = 0; i < 4; i++) {
    const a = q[i];
    const e = { x: q[(i + 1) % 4].x - a.x, y: q[(i + 1) % 4].y - a.y };
    const den = d.x * e.y - d.y * e.x;
    if (Math.abs(den) < 1e-9) continue;
    // p + t d = a + s e
    const t = ((a.x - p.x) * e.y - (a.y - p.y) * e.x) / den;
    const s = ((a.x - p.x) * d.y - (a.y - p.y) * d.x) / den;
    if (t >= 0 && s >= 0 && s <= 1) best = Math.min(best, t);
  }
  return best === Infinity ? 0 : best;
}
