import type { Mask, Point, Quad } from '../types';

/** Corners of a mask in source pixels: rotation is degrees clockwise about (x, y), as Konva does it. */
export function maskCorners(m: Pick<Mask, 'x' | 'y' | 'width' | 'height' | 'rotation'>): Quad {
  const a = (m.rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const at = (dx: number, dy: number): Point => ({
    x: m.x + dx * cos - dy * sin,
    y: m.y + dx * sin + dy * cos,
  });
  return [at(0, 0), at(m.width, 0), at(m.width, m.height), at(0, m.height)];
}

/**
 * Clips a convex polygon to the horizontal strip lo <= y <= hi and returns the x-range it spans there,
 * or undefined when it misses the strip. Used to snap masks outward to whole pixels row by row.
 */
export function xRangeInStrip(poly: readonly Point[], lo: number, hi: number): [number, number] | undefined {
  let pts = clip(poly, (p) => p.y - lo);
  pts = clip(pts, (p) => hi - p.y);
  if (pts.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const p of pts) {
    if (p.x < min) min = p.x;
    if (p.x > max) max = p.x;
  }
  return [min, max];
}

// Sutherland–Hodgman against one half-plane f(p) >= 0.
function clip(poly: readonly Point[], f: (p: Point) => number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const fa = f(a);
    const fb = f(b);
    if (fa >= 0) out.push(a);
    if (fa >= 0 !== fb >= 0) {
      const t = fa / (fa - fb);
      out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
    }
  }
  return out;
}

/**
 * Every whole pixel a mask touches, as row spans [y, x0, x1) clamped to the image. A pixel any part
 * of which lies under the mask is included: masks snap outward, never leaving a sliver of a digit.
 */
export function maskPixelSpans(
  m: Pick<Mask, 'x' | 'y' | 'width' | 'height' | 'rotation'>,
  w: number,
  h: number,
): [number, number, number][] {
  const quad = maskCorners(m);
  const ys = quad.map((p) => p.y);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(h, Math.ceil(Math.max(...ys)));
  const spans: [number, number, number][] = [];
  for (let y = y0; y < y1; y++) {
    const r = xRangeInStrip(quad, y, y + 1);
    if (!r) continue;
    const x0 = Math.max(0, Math.floor(r[0]));
    const x1 = Math.min(w, Math.ceil(r[1]));
    if (x1 > x0) spans.push([y, x0, x1]);
  }
  return spans;
}
