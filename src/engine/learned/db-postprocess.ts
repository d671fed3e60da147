// Post-processing of a DB text detector's probability map (Liao et al., "Real-time Scene Text
// Detection with Differentiable Binarization", AAAI 2020; PaddleOCR's DBPostProcess): threshold the
// map, label connected regions, fit each an oriented rectangle, score it by its mean probability and
// grow it by the "unclip" distance the network was trained to shrink text by.
import { principalAngle } from '../math';
import type { Point, Quad } from '../types';

import { DB } from '../detect/thresholds';

export { DB };

/** A detected text region: an oriented rectangle in the probability map's pixels. */
export interface TextRegion {
  /** Corners clockwise from the top-left of the rectangle as read along `angle`. */
  quad: Quad;
  centre: Point;
  /** Direction of the long side, radians clockwise, in (-pi/2, pi/2]. */
  angle: number;
  /** Long side (along the text) and short side (across it), after unclipping. */
  length: number;
  height: number;
  /** Mean probability inside the region, 0..1. */
  score: number;
}

/**
 * Text regions of a `width` x `height` probability map (row-major, 0..1). Pure and synchronous:
 * the model run happens elsewhere, so this is unit-testable with hand-made maps.
 */
export function regionsFromProbabilityMap(
  prob: Float32Array,
  width: number,
  height: number,
  params: Partial<typeof DB> = {},
): TextRegion[] {
  const p = { ...DB, ...params };
  const label = new Int32Array(width * height).fill(-1);
  const regions: TextRegion[] = [];
  const stack: number[] = [];
  const pixels: number[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== -1 || prob[start] <= p.pixelThreshold) continue;
    // Flood fill (4-connected) collecting the region's pixels.
    pixels.length = 0;
    stack.push(start);
    label[start] = regions.length;
    while (stack.length) {
      const i = stack.pop() as number;
      pixels.push(i);
      const x = i % width;
      const y = (i - x) / width;
      const visit = (j: number) => {
        if (label[j] === -1 && prob[j] > p.pixelThreshold) {
          label[j] = regions.length;
          stack.push(j);
        }
      };
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y < height - 1) visit(i + width);
    }
    const fitted = fitLineRegions(pixels, prob, width, p);
    regions.push(...fitted);
    if (!fitted.length) for (const i of pixels) label[i] = -2;
  }
  return regions;
}

/**
 * The regions of one connected pixel set. Usually one; but a small or blurred photo's number line
 * runs into print beside it (the expiry and name block under a tiny card's number, a logo at its end),
 * and one rectangle round all of it is several lines tall: read at that height, the line reads as
 * nothing. Where the set's extent across its principal axis is `DB.lineCore.extentRatio` times the
 * median extent of its slices along it, the line is the core band those slices share, and what lies
 * outside it is fitted apart, each connected piece its own region.
 */
function fitLineRegions(
  pixels: readonly number[],
  prob: Float32Array,
  width: number,
  p: typeof DB,
): TextRegion[] {
  const axis = moments(pixels, width);
  const core = lineCore(pixels, axis, width, p);
  if (!core) {
    const region = fitRegion(pixels, prob, width, p, axis);
    return region ? [region] : [];
  }
  const out: TextRegion[] = [];
  const line = fitRegion(core.inside, prob, width, p);
  if (line) out.push(line);
  for (const piece of connectedPieces(core.outside, width)) {
    const region = fitRegion(piece, prob, width, p);
    if (region) out.push(region);
  }
  return out;
}

/**
 * The core band of a pixel set that is a line with print attached (see fitLineRegions), or undefined
 * when its slices along the principal axis (`DB.lineCore.slice` map pixels wide) are about as tall as
 * the whole: an ordinary line, or a block of lines merged along their whole length. Heavy print
 * attached turns the whole set's principal axis off the line's: the band is found again along the
 * axis of the first band found (`DB.lineCore.refits` times).
 */
function lineCore(
  pixels: readonly number[],
  axis: Axis,
  width: number,
  p: typeof DB,
): { inside: number[]; outside: number[] } | undefined {
  let core = bandAlong(pixels, axis, width, p);
  for (let k = 0; core && k < p.lineCore.refits; k++) {
    const again = bandAlong(pixels, moments(core.inside, width), width, p);
    if (!again) break;
    core = again;
  }
  return core;
}

/**
 * The core band along one axis (lineCore), or undefined where the set is as tall everywhere. The
 * band follows the straight line through the middles of the slices no taller than the line
 * (`DB.lineCore.lineSlice` times the median), fitted by least squares: off the line's own axis, its
 * middle drifts along it.
 */
function bandAlong(
  pixels: readonly number[],
  { angle, mx, my }: Axis,
  width: number,
  p: typeof DB,
): { inside: number[]; outside: number[] } | undefined {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const slices = new Map<number, { v0: number; v1: number }>();
  let v0 = Infinity;
  let v1 = -Infinity;
  const us = new Float32Array(pixels.length);
  const vs = new Float32Array(pixels.length);
  pixels.forEach((i, k) => {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    const u = dx * ux + dy * uy;
    const v = -dx * uy + dy * ux;
    us[k] = u;
    vs[k] = v;
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
    const key = Math.floor(u / p.lineCore.slice);
    const s = slices.get(key);
    if (s) {
      s.v0 = Math.min(s.v0, v);
      s.v1 = Math.max(s.v1, v);
    } else slices.set(key, { v0: v, v1: v });
  });
  if (slices.size < p.lineCore.minSlices) return undefined;
  const extents = [...slices.values()].map((s) => s.v1 - s.v0 + 1).sort((a, b) => a - b);
  const extent = extents[extents.length >> 1];
  if (v1 - v0 + 1 < p.lineCore.extentRatio * extent) return undefined;
  // A line, long for its height: a short word's region with a mark beside it is left as it is.
  const keys = [...slices.keys()];
  const along = (Math.max(...keys) - Math.min(...keys) + 1) * p.lineCore.slice;
  if (along < p.lineCore.lineLength * extent) return undefined;
  // Least squares over the line's own slices: middle = a + b * u.
  let n = 0;
  let su = 0;
  let sm = 0;
  let suu = 0;
  let sum = 0;
  for (const [key, s] of slices) {
    if (s.v1 - s.v0 + 1 > p.lineCore.lineSlice * extent) continue;
    const u = (key + 0.5) * p.lineCore.slice;
    const m = (s.v0 + s.v1) / 2;
    n++;
    su += u;
    sm += m;
    suu += u * u;
    sum += u * m;
  }
  const spread = n * suu - su * su;
  const b = spread > 0 ? (n * sum - su * sm) / spread : 0;
  const a = n ? (sm - b * su) / n : (v0 + v1) / 2;
  const inside: number[] = [];
  const outside: number[] = [];
  pixels.forEach((i, k) => (Math.abs(vs[k] - (a + b * us[k])) <= extent / 2 + 1 ? inside : outside).push(i));
  return inside.length ? { inside, outside } : undefined;
}

/** The 4-connected pieces of a pixel set (indices into a map `width` wide). */
function connectedPieces(pixels: readonly number[], width: number): number[][] {
  const left = new Set(pixels);
  const pieces: number[][] = [];
  for (const start of pixels) {
    if (!left.delete(start)) continue;
    const piece = [start];
    for (let k = 0; k < piece.length; k++) {
      const i = piece[k];
      const x = i % width;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width])
        if (j >= 0 && left.delete(j)) piece.push(j);
    }
    pieces.push(piece);
  }
  return pieces;
}

/**
 * A pixel set's centroid (`mx`, `my`) and principal axis (`angle`, radians clockwise, in
 * (-pi/2, pi/2]).
 */
interface Axis {
  angle: number;
  mx: number;
  my: number;
}

function moments(pixels: readonly number[], width: number): Axis {
  let mx = 0;
  let my = 0;
  for (const i of pixels) {
    mx += i % width;
    my += Math.floor(i / width);
  }
  mx /= pixels.length;
  my /= pixels.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const i of pixels) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { angle: principalAngle(sxx, syy, sxy), mx, my };
}

/**
 * The oriented rectangle of a pixel set: principal axis from second moments (`axis` when the caller
 * has them), extents by projection.
 */
function fitRegion(
  pixels: readonly number[],
  prob: Float32Array,
  width: number,
  p: typeof DB,
  axis?: Axis,
): TextRegion | undefined {
  if (pixels.length < p.minSide * p.minSide) return undefined;
  let score = 0;
  for (const i of pixels) score += prob[i];
  score /= pixels.length;
  if (score < p.boxThreshold) return undefined;
  const { angle, mx, my } = axis ?? moments(pixels, width);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const i of pixels) {
    const dx = (i % width) + 0.5 - mx;
    const dy = Math.floor(i / width) + 0.5 - my;
    const u = dx * ux + dy * uy;
    const v = -dx * uy + dy * ux;
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  u0 -= 0.5;
  u1 += 0.5;
  v0 -= 0.5;
  v1 += 0.5;
  const len = u1 - u0;
  const hgt = v1 - v0;
  if (Math.min(len, hgt) < p.minSide) return undefined;
  // Unclip: the detector was trained on text shrunk by D = A (1 - r^2) / L; PaddleOCR grows by A r / L.
  const d = (len * hgt * p.unclipRatio) / (2 * (len + hgt));
  u0 -= d;
  u1 += d;
  v0 -= d;
  v1 += d;
  // Make the long side the reading direction: the frame turned a quarter (+ when that stays within
  // (-pi/2, pi/2], else -) maps (u, v) to (v, -u), or to (-v, u).
  let a = angle;
  let [U0, U1, V0, V1] = [u0, u1, v0, v1];
  if (v1 - v0 > u1 - u0) {
    if (angle <= 0) [a, U0, U1, V0, V1] = [angle + Math.PI / 2, v0, v1, -u1, -u0];
    else [a, U0, U1, V0, V1] = [angle - Math.PI / 2, -v1, -v0, u0, u1];
  }
  const ax = Math.cos(a);
  const ay = Math.sin(a);
  const corner = (u: number, v: number): Point => ({ x: mx + u * ax - v * ay, y: my + u * ay + v * ax });
  const cu = (U0 + U1) / 2;
  const cv = (V0 + V1) / 2;
  return {
    quad: [corner(U0, V0), corner(U1, V0), corner(U1, V1), corner(U0, V1)],
    centre: corner(cu, cv),
    angle: a,
    length: U1 - U0,
    height: V1 - V0,
    score,
  };
}
