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
    const region = fitRegion(pixels, prob, width, p);
    if (region) regions.push(region);
    else for (const i of pixels) label[i] = -2;
  }
  return regions;
}

/** The oriented rectangle of a pixel set: principal axis from second moments, extents by projection. */
function fitRegion(
  pixels: readonly number[],
  prob: Float32Array,
  width: number,
  p: typeof DB,
): TextRegion | undefined {
  if (pixels.length < p.minSide * p.minSide) return undefined;
  let mx = 0;
  let my = 0;
  let score = 0;
  for (const i of pixels) {
    mx += i % width;
    my += Math.floor(i / width);
    score += prob[i];
  }
  mx /= pixels.length;
  my /= pixels.length;
  score /= pixels.length;
  if (score < p.boxThreshold) return undefined;
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
  const angle = principalAngle(sxx, syy, sxy);
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
