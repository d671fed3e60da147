// Stage "fit each group's glyph cells to its print": the last look along a number's line before masks
// are drawn (glyph-ink.ts looks across it).
//
// The readers place a glyph's box from CTC alignment and an ink profile, and on embossed digits those
// boxes drift a few pixels along the line: the relief's highlight and shadow shift what reads as ink.
// Inside a run of hidden digits that does not matter (one mask spans it), but where the last four
// start inside a printed group (a 19-digit number printed 6+13 or 4-4-4-4-3, Amex's 4-6-5) the edge
// between a hidden and a kept digit is the mask's end, and a box three pixels off leaves a hidden
// digit's edge showing or covers a kept one. Card numbers are set at a fixed pitch (embossed
// characters on a fixed grid, ISO/IEC 7811-1; printed numbers in monospaced faces), so a group's
// glyphs are cells of one width, and the columns between two cells carry the least print. The grid
// whose cell edges carry the least print, over the whole group, is where each digit ends: one
// valley can be noise, a dozen of them at one pitch are not.
import type { GrayImage, Point, Quad } from '../types';
import { median } from '../math';
import { centre } from '../reading-frame';
import { GLYPH_GRID } from './thresholds';

/** Bilinear grey level at (x, y), clamped to the image. */
function sample(img: GrayImage, x: number, y: number): number {
  const { width: w, height: h, data } = img;
  const cx = Math.min(w - 1.001, Math.max(0, x));
  const cy = Math.min(h - 1.001, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * w + x0;
  const top = data[i] + (data[i + 1] - data[i]) * fx;
  const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
  return top + (bottom - top) * fy;
}

/** A group's frame: its middle, the unit vector along it and across it (down), and its pitch. */
interface GroupFrame {
  mid: Point;
  along: Point;
  down: Point;
  pitch: number;
}

/**
 * How much print each column of a group carries, from `from` to `to` (distances along the group from
 * its middle, `step` apart): the mean distance of its grey levels from the ground, over the middle
 * rows of the glyphs. The ground is the median grey of the rows just above and below the glyphs: a
 * group is half print, and on embossed digits the shadow can fill it. Distance from the ground does
 * not depend on polarity, and counts an embossed digit's highlight and shadow alike.
 */
function columnPrint(
  gray: GrayImage,
  f: GroupFrame,
  from: number,
  columns: number,
  step: number,
  glyphHeight: number,
): Float64Array {
  const half = (GLYPH_GRID.rowShare * glyphHeight) / 2;
  const rows = Math.max(3, Math.round((2 * half) / Math.max(1, step)));
  const at = (u: number, v: number) =>
    sample(gray, f.mid.x + f.along.x * u + f.down.x * v, f.mid.y + f.along.y * u + f.down.y * v);
  const ground: number[] = [];
  const groundAt = GLYPH_GRID.groundAt * glyphHeight;
  for (let c = 0; c < columns; c++)
    ground.push(at(from + c * step, -groundAt), at(from + c * step, groundAt));
  const g = median(ground);
  const out = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    let sum = 0;
    for (let r = 0; r <= rows; r++) sum += Math.abs(at(from + c * step, -half + (2 * half * r) / rows) - g);
    out[c] = sum / (rows + 1);
  }
  return out;
}

/**
 * The cell edges of a group of `n` glyphs, as distances along the group from its middle: the grid at
 * the glyphs' pitch (within `GLYPH_GRID.pitchRange`) and place (within `GLYPH_GRID.shift` pitches)
 * whose inner edges carry the least print, taken only where they carry at most `GLYPH_GRID.maxEdgePrint`
 * of the group's typical column (which shows print: `GLYPH_GRID.minPrint`). Undefined: no grid's
 * edges fall in the print's gaps.
 */
function fittedEdges(
  print: Float64Array,
  from: number,
  step: number,
  n: number,
  pitch: number,
): number[] | undefined {
  const at = (u: number) => {
    const c = (u - from) / step;
    const i = Math.max(0, Math.min(print.length - 2, Math.floor(c)));
    const t = Math.max(0, Math.min(1, c - i));
    return print[i] * (1 - t) + print[i + 1] * t;
  };
  const edges = (p: number, shift: number) =>
    Array.from({ length: n + 1 }, (_, k) => (k - n / 2) * p + shift);
  const cost = (e: number[]) => {
    let s = 0;
    for (let k = 1; k < n; k++) s += at(e[k]);
    return s / (n - 1);
  };
  const [lo, hi] = GLYPH_GRID.pitchRange;
  let best: { cost: number; e: number[] } | undefined;
  for (let scale = lo; scale <= hi + 1e-9; scale += GLYPH_GRID.pitchStep) {
    const p = pitch * scale;
    for (let shift = -GLYPH_GRID.shift * p; shift <= GLYPH_GRID.shift * p; shift += step / 2) {
      const e = edges(p, shift);
      const c = cost(e);
      if (!best || c < best.cost) best = { cost: c, e };
    }
  }
  const typical = median([...print]);
  if (!best || !(typical >= GLYPH_GRID.minPrint) || !(best.cost <= GLYPH_GRID.maxEdgePrint * typical))
    return undefined;
  return best.e;
}

/**
 * The glyph boxes of one printed line, each group of touching glyphs (neighbours within
 * `GLYPH_GRID.maxStep` of the line's median pitch, `GLYPH_GRID.minGroup` or more of them) that holds
 * both kept and hidden glyphs re-cut along the line into the cells of the grid fitted to its print
 * (`fittedEdges`). Across the line nothing
 * changes. A group whose print shows no such grid (a proportional face, art across the digits) is
 * left as placed.
 *
 * @param gray the page in source pixels (what the quads are in)
 * @param glyphs one quad per glyph, in reading order, corners clockwise from the glyph's top-left
 * @param kept the indices of glyphs the keep preset shows (masks/from-findings.ts keptIndices)
 * @returns quads in the same order; unchanged for print under `GLYPH_GRID.minGlyphHeight` source
 *   pixels tall
 */
export function fitGlyphGrid(
  gray: GrayImage,
  glyphs: readonly Quad[],
  kept: ReadonlySet<number> = new Set(),
): Quad[] {
  const out = glyphs.map((q) => [...q] as Quad);
  if (glyphs.length < GLYPH_GRID.minGroup) return out;
  const heights = glyphs.map((q) => Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y));
  const glyphHeight = median(heights);
  if (!(glyphHeight >= GLYPH_GRID.minGlyphHeight)) return out;
  const centres = glyphs.map(centre);
  const steps = centres.slice(1).map((c, i) => Math.hypot(c.x - centres[i].x, c.y - centres[i].y));
  const linePitch = median(steps);
  // Groups: runs of neighbours at about the line's pitch.
  const groups: number[][] = [[0]];
  steps.forEach((s, i) => {
    if (s <= GLYPH_GRID.maxStep * linePitch) groups[groups.length - 1].push(i + 1);
    else groups.push([i + 1]);
  });
  const step = Math.max(0.5, glyphHeight / GLYPH_GRID.columnsPerGlyph);
  for (const g of groups) {
    // Only a group where the kept digits start (or end) inside it: elsewhere no mask ends in it.
    const keptHere = g.filter((i) => kept.has(i)).length;
    if (g.length < GLYPH_GRID.minGroup || keptHere === 0 || keptHere === g.length) continue;
    const first = centres[g[0]];
    const last = centres[g[g.length - 1]];
    const span = Math.hypot(last.x - first.x, last.y - first.y);
    if (!(span > 0)) continue;
    const along = { x: (last.x - first.x) / span, y: (last.y - first.y) / span };
    const frame: GroupFrame = {
      mid: { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 },
      along,
      down: { x: -along.y, y: along.x },
      pitch: span / (g.length - 1),
    };
    const reach = (g.length / 2 + 0.5) * frame.pitch;
    const columns = Math.ceil((2 * reach) / step) + 1;
    const print = columnPrint(gray, frame, -reach, columns, step, glyphHeight);
    const edges = fittedEdges(print, -reach, step, g.length, frame.pitch);
    if (!edges) continue;
    const u = (p: Point) => (p.x - frame.mid.x) * along.x + (p.y - frame.mid.y) * along.y;
    const moveTo = (p: Point, to: number): Point => {
      const by = to - u(p);
      return { x: p.x + along.x * by, y: p.y + along.y * by };
    };
    g.forEach((i, k) => {
      const q = out[i];
      out[i] = [
        moveTo(q[0], edges[k]),
        moveTo(q[1], edges[k + 1]),
        moveTo(q[2], edges[k + 1]),
        moveTo(q[3], edges[k]),
      ];
    });
  }
  return out;
}

/**
 * A finding's glyphs fitted to their groups' grids (`fitGlyphGrid`), each printed line on its own (the
 * stacked groups of a vertical card).
 *
 * @param kept the indices of glyphs the keep preset shows, over the whole finding
 * @param lines the printed line of each glyph (Finding.lines), absent for a number on one line
 */
export function fitFindingGlyphGrid(
  gray: GrayImage,
  glyphs: readonly Quad[],
  kept: ReadonlySet<number>,
  lines?: readonly number[],
): Quad[] {
  if (!lines) return fitGlyphGrid(gray, glyphs, kept);
  const out = [...glyphs];
  for (const line of new Set(lines)) {
    const at = glyphs.map((_, i) => i).filter((i) => lines[i] === line);
    const fitted = fitGlyphGrid(
      gray,
      at.map((i) => glyphs[i]),
      new Set(at.flatMap((i, k) => (kept.has(i) ? [k] : []))),
    );
    at.forEach((i, k) => (out[i] = fitted[k]));
  }
  return out;
}
