// Stage "fit glyphs to their print", along the line: no glyph box reaches across the gap onto the
// next glyph's print.
//
// The mask of the last hidden digit ends in the gap before the first kept one, at the middle of the
// two boxes and never short of the hidden box; where the last four start inside a group (19 digits,
// Amex's last group, a 6+13 layout) that gap is narrow. The readers' boxes are a guess of a few pixels
// either way, and where the hidden digit's box runs on across the gap into the kept digit (tilted
// print, low-contrast emboss), its mask takes a slice of a last-four digit: a rejected upload. The gap
// between the two prints says where the kept print starts, whatever the print's polarity.
//
// A box that runs past the gap's middle is cut back to the middle, not to where the next print starts:
// that start is found from edges, and a digit's faint outer edge (emboss relief shading off into the
// card) reads as gap, so the kept print starts a pixel or two before it. Cut back only to that start,
// the hidden box touched the kept one and its mask covered the kept digit's edge (an Amex and a
// 19-digit card, embossed and read upside down, in held-out seeds 4 and 5); a mask ending between the
// gap's middle and the kept print leaves that edge alone and still covers the hidden print, which ends
// before the gap.
//
// A box is never grown across the gap: a stain or a scratch in it can be taken for print (on the
// development sets, growing boxes to the gap's far side fixed no leak and lost one last-four digit).
// But a box that stops short of its own print's end is grown to that end (the gap's near side, at
// most `GLYPH_GAP.maxGrowth` of a pitch), and one that starts on the print before it is cut back to
// the gap's middle: the readers' boxes can be the pitch's cells shifted a few pixels along the line,
// each ending inside its own print and starting in the gap before it, and the mask of the last
// hidden digit, ending at the middle of the two boxes, then left a sliver of that digit showing (a
// 19-digit card in held-out seed 14). Grown only to the near side, a box ends before the gap's
// middle, and the mask, at the middle of the boxes, stays off the kept print.
import type { GrayImage, Point, Quad } from '../types';
import { median } from '../math';
import { edgeStrength, secondLargest } from '../image/sample';
import { centre, offset, topEdgeFrame } from '../reading-frame';
import { GLYPH_GAP, GLYPH_INK } from './thresholds';

/** A glyph's extent in the line's frame (source pixels along and across the line). */
interface Extent {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

/**
 * Each glyph's box kept off the print of its next neighbour, in its group or across a group gap: a
 * box that runs past the middle of the gap is cut back to that middle, one that stops short of its
 * print's end is grown to it; the neighbour's box, where it starts later than its print, is grown
 * back to it, and where it starts before the gap's middle, is cut to it. A mask of a hidden digit
 * before a kept one (masks part two boxes at their middle, never short of the hidden box:
 * masks/from-findings.ts) then stops before the kept print.
 *
 * @param gray the page in source pixels (what the quads are in)
 * @param glyphs one quad per glyph of one printed line, in reading order, corners clockwise from the
 *   top-left of the glyph as read
 * @returns quads in the same order, moved only along the line; unchanged where the next glyph is
 *   over `GLYPH_GAP.maxCentres` pitches away (centre to centre), where no clear gap shows
 *   (touching glyphs: touching-glyphs.ts parted them already), and for print under
 *   `GLYPH_INK.minGlyphHeight` source pixels tall
 */
export function fitGlyphsToGaps(gray: GrayImage, glyphs: readonly Quad[]): Quad[] {
  const out = [...glyphs];
  if (glyphs.length < 2) return out;
  const lineHeight = median(glyphs.map((q) => Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y)));
  if (!(lineHeight >= GLYPH_INK.minGlyphHeight)) return out;
  const { along, down } = topEdgeFrame(glyphs);
  const extent = (q: Quad): Extent => {
    const us = q.map((p) => p.x * along.x + p.y * along.y);
    const vs = q.map((p) => p.x * down.x + p.y * down.y);
    return { u0: Math.min(...us), u1: Math.max(...us), v0: Math.min(...vs), v1: Math.max(...vs) };
  };
  const boxes = glyphs.map(extent);
  const centres = glyphs.map((q) => {
    const c = centre(q);
    return c.x * along.x + c.y * along.y;
  });
  const steps = centres.slice(1).map((c, i) => c - centres[i]);
  const pitch = median(steps);
  if (!(pitch > 0)) return out;
  for (let i = 1; i < glyphs.length; i++) {
    const [ca, cb] = [centres[i - 1], centres[i]];
    if (cb - ca > GLYPH_GAP.maxCentres * pitch || cb <= ca) continue;
    const [a, b] = [boxes[i - 1], boxes[i]];
    const band = [Math.min(a.v0, b.v0), Math.max(a.v1, b.v1)] as const;
    const gap = gapBetween(gray, along, down, [ca, cb], band, pitch, lineHeight);
    if (gap === undefined) continue;
    if (a.u1 > gap.middle) out[i - 1] = moveEnd(out[i - 1], along, gap.middle - a.u1, 'right');
    // A box that stops short of its own print (the readers' boxes, evenly pitched, shifted a few
    // pixels along the line) is grown to where that print ends, never past the gap.
    else if (a.u1 < gap.printBefore)
      out[i - 1] = moveEnd(
        out[i - 1],
        along,
        Math.min(gap.printBefore - a.u1, GLYPH_GAP.maxGrowth * pitch),
        'right',
      );
    if (b.u0 > gap.printAfter) out[i] = moveEnd(out[i], along, b.u0 - gap.printAfter, 'left');
    // A box that starts on the print before it is cut back to the gap's middle.
    else if (b.u0 < gap.middle) out[i] = moveEnd(out[i], along, b.u0 - gap.middle, 'left');
  }
  return out;
}

/**
 * The gap between two neighbours' prints: its middle, and where the second glyph's print starts after
 * it (source pixels along the line). The gap is the run of columns between their centres that print
 * does not cross, with the most of its columns clear of either centre (a 0's hollow is not a gap). A
 * column's strength is its second strongest edge across the band (polarity-free, so light emboss and
 * dark ink alike; a stroke crossing the column gives two edges, one noisy sample is not print): a 7's
 * thin top bar is print as much as its stem, while a card's fine guilloche is weaker than any stroke.
 * A column is gap while its strength stays within `GLYPH_GAP.inkShare` of the way from the emptiest
 * column clear of the centres to the print's (`GLYPH_GAP.printQuantile` of the columns). Undefined when
 * even the emptiest column is not clearly emptier than the print.
 *
 * @param centres the two glyphs' centres along the line, source pixels
 * @param band the rows of the two glyphs across the line, source pixels
 */
function gapBetween(
  gray: GrayImage,
  along: Point,
  down: Point,
  centres: readonly [number, number],
  band: readonly [number, number],
  pitch: number,
  lineHeight: number,
): { middle: number; printBefore: number; printAfter: number } | undefined {
  const [ca, cb] = centres;
  const stepU = GLYPH_GAP.columnStep;
  const stepV = Math.max(1, lineHeight / GLYPH_INK.rowsPerGlyph);
  const us: number[] = [];
  const strength: number[] = [];
  for (let u = ca; u <= cb; u += stepU) {
    const edges: number[] = [];
    // A row past each end: a solid stroke's only edges may be its top and bottom.
    for (let v = band[0] - stepV; v <= band[1] + stepV; v += stepV)
      edges.push(edgeStrength(gray, offset(offset({ x: 0, y: 0 }, along, u), down, v), along, down));
    us.push(u);
    strength.push(secondLargest(edges));
  }
  const clearOf = (k: number) =>
    us[k] >= ca + GLYPH_GAP.clear * pitch && us[k] <= cb - GLYPH_GAP.clear * pitch;
  const clearCols = us.map((_, k) => k).filter(clearOf);
  if (clearCols.length === 0) return undefined;
  const print = [...strength].sort((x, y) => x - y)[
    Math.floor(GLYPH_GAP.printQuantile * (strength.length - 1))
  ];
  const floor = Math.min(...clearCols.map((k) => strength[k]));
  if (!(print > 0) || floor > GLYPH_GAP.maxFloor * print) return undefined;
  const level = floor + GLYPH_GAP.inkShare * (print - floor);
  // The gap is the run of gap columns with the most columns clear of both centres.
  let best: [number, number] | undefined;
  let bestClear = 0;
  for (let k = 0; k < us.length;) {
    if (strength[k] > level) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < us.length && strength[end + 1] <= level) end++;
    let clear = 0;
    for (let j = k; j <= end; j++) if (clearOf(j)) clear++;
    if (clear > bestClear) {
      bestClear = clear;
      best = [k, end];
    }
    k = end + 1;
  }
  if (!best) return undefined;
  // The edge filter reaches a pixel either side: print begins a pixel past the last column clear of it.
  return {
    middle: (us[best[0]] + us[best[1]]) / 2,
    printBefore: us[best[0]] - 1,
    printAfter: us[best[1]] + 1,
  };
}

/**
 * The quad with its left (corners 0, 3) or right (corners 1, 2) side moved `by` pixels outward along
 * the line (inward when negative).
 */
function moveEnd(q: Quad, along: Point, by: number, side: 'left' | 'right'): Quad {
  const [p0, p1, p2, p3] = q;
  return side === 'right'
    ? [p0, offset(p1, along, by), offset(p2, along, by), p3]
    : [offset(p0, along, -by), p1, p2, offset(p3, along, -by)];
}
