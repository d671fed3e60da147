// Stage "fit glyphs to their print": the last look at a number's glyph boxes before masks are drawn.
//
// The readers place a glyph's box from a straight line and one guess of the print's polarity. On a
// line that bends (a card flexed in a hand, a wide lens), or where the ground behind the print
// changes (a light blob behind the upper half of the digits, so the light ground is taken for the
// ink), a box can hold only part of its digit, and a mask drawn from it leaves the rest readable.
// Edge energy does not depend on polarity: the rows of a glyph's column band that carry edges,
// joined to the rows of its box, are where the digit is printed. Boxes only grow across the line,
// never shrink and never move along it, so a kept digit's neighbours are masked no nearer to it (the
// fit along the line, which only takes boxes back off the next glyph's print, is glyph-gaps.ts).
import type { GrayImage, Point, Quad } from '../types';
import { median } from '../math';
import { centre, offset, topEdgeFrame } from '../reading-frame';
import { GLYPH_INK } from './thresholds';
import { edgeStrength, secondLargest } from '../image/sample';
import { fitGlyphsToGaps } from './glyph-gaps';

/**
 * How strongly each row of a glyph's column band carries an edge: the second strongest edge along
 * the row (one noisy sample is not print; a stroke crossing the row gives two edges or more). Rows
 * `from`..`to`, in steps of `step` source pixels along the glyph's down direction `down`, 0 at its
 * top edge; columns `cols` along `along` from the top-left corner.
 */
function rowEdges(
  img: GrayImage,
  topLeft: Point,
  along: Point,
  down: Point,
  cols: readonly [number, number],
  rows: readonly [number, number],
  step: number,
): Float64Array {
  const out = new Float64Array(rows[1] - rows[0] + 1);
  const a = { x: along.x * step, y: along.y * step };
  const d = { x: down.x * step, y: down.y * step };
  for (let r = rows[0]; r <= rows[1]; r++) {
    const edges: number[] = [];
    for (let c = cols[0]; c <= cols[1]; c += step)
      edges.push(edgeStrength(img, offset(offset(topLeft, along, c), down, r * step), a, d));
    out[r - rows[0]] = secondLargest(edges);
  }
  return out;
}

/** Where a glyph's print runs across the line, in source pixels along its own down direction from its top edge. */
interface InkRun {
  top: number;
  bottom: number;
  /** The run was still going at the farthest row looked at: not the glyph's own print (a logo, a hand). */
  topOpen: boolean;
  bottomOpen: boolean;
}

/**
 * The rows of a glyph's column band that carry print, joined to the rows of its box, or undefined
 * when the band shows no print above its ground.
 */
function inkRun(
  gray: GrayImage,
  q: Quad,
  lineHeight: number,
  step: number,
  reach: number,
): InkRun | undefined {
  const width = Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y);
  const height = Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y);
  if (!(width > 0) || !(height > 0)) return undefined;
  const along = { x: (q[1].x - q[0].x) / width, y: (q[1].y - q[0].y) / width };
  const down = { x: (q[3].x - q[0].x) / height, y: (q[3].y - q[0].y) / height };
  // The inner part of the glyph's span, and never narrower than a stroke or two: a neighbour's
  // edge does not count, and a box the reader squeezed to a sliver still samples its digit.
  const mid = width / 2;
  const half = Math.max(GLYPH_INK.innerShare * mid, GLYPH_INK.minHalfWidth * lineHeight);
  const boxRows = Math.max(1, Math.round(height / step));
  const energy = rowEdges(gray, q[0], along, down, [mid - half, mid + half], [-reach, boxRows + reach], step);
  const at = (r: number) => energy[r + reach];
  const boxEnergy: number[] = [];
  for (let r = 0; r <= boxRows; r++) boxEnergy.push(at(r));
  const peak = Math.max(...boxEnergy);
  const ground = [...energy].sort((a, b) => a - b)[Math.floor(energy.length * GLYPH_INK.groundQuantile)];
  if (!(peak > ground * GLYPH_INK.minContrast)) return undefined;
  // A row is print measured against the box's typical row, not its strongest: a box the reader
  // placed half over other print (a stamp's white frame under the number, far stronger edges than
  // the digits') would otherwise set the bar above the digit's own rows.
  const typical = median(boxEnergy);
  const inked = (r: number) => at(r) >= ground + GLYPH_INK.rowShare * (typical - ground);
  // Walk out from the box while rows carry print, across gaps of at most `gapRows` blank rows.
  const grow = (from: number, dir: 1 | -1, limit: number) => {
    let edge = from;
    let blank = 0;
    for (let r = from + dir; dir > 0 ? r <= limit : r >= limit; r += dir) {
      if (inked(r)) {
        edge = r;
        blank = 0;
      } else if (++blank > GLYPH_INK.gapRows) return { edge, open: false };
    }
    return { edge, open: true };
  };
  const up = grow(0, -1, -reach);
  const downRun = grow(boxRows, 1, boxRows + reach);
  return {
    top: Math.min(0, up.edge * step),
    bottom: Math.max(height, downRun.edge * step),
    topOpen: up.open,
    bottomOpen: downRun.open,
  };
}

/** Theil-Sen line through (x, y): the median of pairwise slopes, then the median intercept. */
function robustLine(points: readonly { x: number; y: number }[]): ((x: number) => number) | undefined {
  if (points.length === 0) return undefined;
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j].x - points[i].x;
      if (Math.abs(dx) > 1e-6) slopes.push((points[j].y - points[i].y) / dx);
    }
  const slope = slopes.length ? median(slopes) : 0;
  const intercept = median(points.map((p) => p.y - slope * p.x));
  return (x) => intercept + slope * x;
}

/**
 * Each glyph box grown across its line to the band the number's print fills (see above).
 *
 * Each glyph's band of columns gives the rows its print runs over. The digits of one number sit in
 * one band, straight or gently turning along the line (perspective, a bend), so the band's top and
 * bottom edges are fitted as lines through every glyph's run (Theil-Sen: a logo or a hand behind a
 * third of the digits does not pull it); a run still going where the search stops is left out of
 * the fit. Each box then grows to the fitted band where the box does not already reach it.
 *
 * @param gray the page in source pixels (what the quads are in)
 * @param glyphs one quad per glyph of one printed line, corners clockwise from the top-left of the
 *   glyph as read (rectangles, as the readers make them)
 * @returns quads in the same order, each covering its box; unchanged where no print was found, and
 *   for print under `GLYPH_INK.minGlyphHeight` source pixels tall
 */
export function fitGlyphsToInk(gray: GrayImage, glyphs: readonly Quad[]): Quad[] {
  const heights = glyphs.map((q) => Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y));
  const lineHeight = median(heights);
  if (!(lineHeight >= GLYPH_INK.minGlyphHeight)) return [...glyphs];
  // Rows and columns are sampled this far apart (source pixels).
  const step = Math.max(1, lineHeight / GLYPH_INK.rowsPerGlyph);
  const reach = Math.ceil((GLYPH_INK.searchReach * lineHeight) / step);
  const maxGrow = GLYPH_INK.maxGrow * lineHeight;
  const { along, down } = topEdgeFrame(glyphs);
  const u = (p: Point) => p.x * along.x + p.y * along.y;
  const v = (p: Point) => p.x * down.x + p.y * down.y;
  const tops: Point[] = [];
  const bottoms: Point[] = [];
  glyphs.forEach((q) => {
    const run = inkRun(gray, q, lineHeight, step, reach);
    if (!run) return;
    const x = u(centre(q));
    if (!run.topOpen) tops.push({ x, y: v(q[0]) + run.top });
    if (!run.bottomOpen) bottoms.push({ x, y: v(q[0]) + run.bottom });
  });
  const topAt = robustLine(tops);
  const bottomAt = robustLine(bottoms);
  if (!topAt && !bottomAt) return [...glyphs];
  return glyphs.map((q, k) => {
    const height = heights[k];
    if (!(height > 0)) return q;
    const own = { x: (q[3].x - q[0].x) / height, y: (q[3].y - q[0].y) / height };
    const x = u(centre(q));
    // The band's edges as offsets along the glyph's own down direction from its top edge.
    const top = topAt ? Math.min(0, Math.max(-maxGrow, topAt(x) - v(q[0]))) : 0;
    const bottom = bottomAt ? Math.max(height, Math.min(height + maxGrow, bottomAt(x) - v(q[0]))) : height;
    if (top === 0 && bottom === height) return q;
    return [
      offset(q[0], own, top),
      offset(q[1], own, top),
      offset(q[1], own, bottom),
      offset(q[0], own, bottom),
    ];
  });
}

/**
 * A finding's glyphs fitted to their print, each printed line on its own (the groups of a vertical
 * card are stacked lines, and a band is the print of one line): across the line (`fitGlyphsToInk`),
 * then along it, off the next glyph's print (glyph-gaps.ts `fitGlyphsToGaps`).
 *
 * @param lines the printed line of each glyph (Finding.lines), absent for a number on one line
 * @param laid glyphs the layout laid where no print is in view (a number's covered middle): not
 *   grown across the line, and no part of that fit (the print there is the cover's, not a digit's)
 */
export function fitFindingGlyphsToInk(
  gray: GrayImage,
  glyphs: readonly Quad[],
  lines?: readonly number[],
  laid: ReadonlySet<number> = new Set(),
): Quad[] {
  const out = [...glyphs];
  for (const line of new Set(lines ?? [0])) {
    const at = glyphs.map((_, i) => i).filter((i) => (lines?.[i] ?? 0) === line);
    const seen = at.filter((i) => !laid.has(i));
    const across = fitGlyphsToInk(
      gray,
      seen.map((i) => glyphs[i]),
    );
    seen.forEach((i, k) => (out[i] = across[k]));
    // Along the line the laid glyphs count: the print of a glyph in view starts after the gap
    // beside the cover as after any other.
    const along = fitGlyphsToGaps(
      gray,
      at.map((i) => out[i]),
    );
    at.forEach((i, k) => (out[i] = along[k]));
  }
  return out;
}
