// A number's glyphs counted by the ink along its line where the reader's boxes count them wrong. The
// recognizer's CTC boxes drift by up to a glyph on small or blurred print, and a glyph it missed
// leaves no box at all: split by the boxes, "5412 7534 5678 9010" read as "5912 539 5678 9010"
// (blurred, turned 127 degrees) came out 4-3-4-1-4, and the kept four slid onto "010" and a blank.
// The ink shows the printed layout plainly there: sixteen glyph-wide pieces in four groups of four.
import type { Slot } from './number-run';
import { median } from '../math';
import { GROUPS, INK_LAYOUT } from './thresholds';

type Piece = { x0: number; x1: number };
const mid = (s: Piece) => (s.x0 + s.x1) / 2;

/**
 * `slots` (sorted along the line, crop pixels) re-laid on the ink pieces along the line (`ink`, crop
 * pixels) in the groups of `layout` (glyphs per printed group, e.g. [4, 4, 4, 4]), or undefined where
 * the ink does not show that layout plainly: exactly as many glyph-wide pieces (each within
 * INK_LAYOUT.pieceWidth of their median width) over the run as the layout holds, parted where the
 * layout parts them by steps at least GROUPS.space in-group pitches long, and every other step
 * shorter. Each digit read keeps its order along the line and goes to the piece that places all of
 * them nearest (an order-keeping alignment); no glyph moves further than INK_LAYOUT.maxShift
 * pitches. A piece no digit was read over is an unread slot ('?'), masked like any other.
 */
export function groupsOnInkLayout(
  slots: readonly Slot[],
  ink: readonly Piece[],
  layout: readonly number[],
): Slot[][] | undefined {
  const read = slots.filter((s) => s.char !== '?');
  const total = layout.reduce((a, b) => a + b, 0);
  if (read.length < 2 || read.length > total) return undefined;
  const width = median(read.map((s) => s.x1 - s.x0));
  const from = slots[0].x0 - 0.5 * width;
  const to = slots[slots.length - 1].x1 + 0.5 * width;
  const pieces = ink.filter((p) => mid(p) >= from && mid(p) <= to);
  if (pieces.length !== total) return undefined;
  const w = median(pieces.map((p) => p.x1 - p.x0));
  const [lo, hi] = INK_LAYOUT.pieceWidth;
  if (pieces.some((p) => p.x1 - p.x0 < lo * w || p.x1 - p.x0 > hi * w)) return undefined;
  // The steps between neighbouring pieces, in-group and at the layout's group boundaries.
  const ends = new Set<number>();
  layout.reduce((at, n) => (ends.add(at + n - 1), at + n), 0);
  const steps = pieces.slice(1).map((p, i) => mid(p) - mid(pieces[i]));
  const inGroup = steps.filter((_, i) => !ends.has(i));
  const between = steps.filter((_, i) => ends.has(i));
  const pitch = median(inGroup);
  if (!(pitch > 0) || inGroup.some((d) => d >= GROUPS.space * pitch)) return undefined;
  if (between.some((d) => d < GROUPS.space * pitch)) return undefined;
  const at = alignInOrder(read.map(mid), pieces.map(mid));
  if (at.some((j, i) => Math.abs(mid(pieces[j]) - mid(read[i])) > INK_LAYOUT.maxShift * pitch))
    return undefined;
  const y0 = Math.min(...read.map((s) => s.y0));
  const y1 = Math.max(...read.map((s) => s.y1));
  const laid: Slot[] = pieces.map((p) => ({ x0: p.x0, x1: p.x1, y0, y1, char: '?', confidence: 0 }));
  at.forEach((j, i) => {
    const s = read[i];
    laid[j] = { ...laid[j], char: s.char, confidence: s.confidence, lookalike: s.lookalike, sure: s.sure };
  });
  const groups: Slot[][] = [];
  let k = 0;
  for (const n of layout) {
    groups.push(laid.slice(k, k + n));
    k += n;
  }
  return groups;
}

/**
 * The order-keeping assignment of points `a` to distinct points `b` (both sorted ascending, a.length
 * <= b.length) with the least total distance: dynamic programming over (i, j). Returns the index in
 * `b` for each of `a`.
 */
export function alignInOrder(a: readonly number[], b: readonly number[]): number[] {
  const n = a.length;
  const m = b.length;
  // cost[i][j]: the least cost of placing a[0..i) within b[0..j).
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  for (let j = 0; j <= m; j++) cost[0][j] = 0;
  for (let i = 1; i <= n; i++)
    for (let j = i; j <= m; j++)
      cost[i][j] = Math.min(cost[i][j - 1], cost[i - 1][j - 1] + Math.abs(a[i - 1] - b[j - 1]));
  const at: number[] = new Array(n);
  for (let i = n, j = m; i > 0; j--) {
    if (cost[i][j] === cost[i][j - 1]) continue;
    at[i - 1] = j - 1;
    i--;
  }
  return at;
}
