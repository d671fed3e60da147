// A payment card's outline in a photo: a rectangle of the ID-1 shape (ISO/IEC 7810: 85.60 x 53.98 mm,
// aspect 1.586) at any angle, found from the image's edges alone, so a card whose number no reader
// could read is still known to be a card (the export guard, the CLI's cardWithoutNumber).
import { scaleGray } from '../image/transform';
import { nthSmallest } from '../math';
import { sobelAt } from './components';
import type { GrayImage, Point, Quad } from '../types';

export interface CardOutline {
  /** Corners in source pixels, clockwise from top-left as the photo shows them. */
  corners: Quad;
  /** Share of the outline's perimeter with an edge of the right direction under it: 0..1. */
  support: number;
  /** Share of the photo's area inside the outline. */
  cover: number;
}

const ID1_ASPECT = 85.6 / 53.98;
/** Side ratios within this share of ID-1 pass (a tilt out of the picture plane shortens one side). */
const ASPECT_SLACK = 0.16;
/** Work image's longest side: an outline is large, fine detail only adds texture. */
const WORK_SIDE = 320;
/** The least perimeter support for an outline (rounded corners and glare leave gaps). */
const MIN_SUPPORT = 0.55;
/**
 * ...and on each side at least this share: a card's four edges each show, where round shapes that
 * happen to touch four lines (circles in a picture) support only a stretch of each.
 */
const MIN_SIDE_SUPPORT = 0.4;
/** The least share of the photo a card covers to count (a small card far off is not the subject). */
const MIN_COVER = 0.12;
/** Angles tried, degrees: a rectangle repeats every 90. */
const ANGLE_STEP = 3;
/** Strongest side candidates kept per direction and angle. */
const PEAKS = 6;

/**
 * The best ID-1 shaped outline, or undefined. For each angle, edge pixels whose gradient runs along
 * one of the two axes vote for a line position on that axis (a Hough transform restricted to two
 * perpendicular directions); pairs of strong lines on each axis whose spacing has the ID-1 ratio are
 * rectangles, kept when enough of their perimeter lies on edges of the matching direction.
 */
export function findCardOutline(gray: GrayImage): CardOutline | undefined {
  const s = Math.min(1, WORK_SIDE / Math.max(gray.width, gray.height));
  const img = s < 1 ? scaleGray(gray, s) : gray;
  const { width: w, height: h, data } = img;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  // Gradient magnitude per pixel (0 on the border), computed once: the edge threshold, the edges and
  // every outline's perimeter support read it.
  const mag = new Float64Array(w * h);
  const inner = new Float64Array(Math.max(0, (w - 2) * (h - 2)));
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const { gx: dx, gy: dy } = sobelAt(data, i, w);
      gx[i] = dx;
      gy[i] = dy;
      mag[i] = inner[n++] = Math.hypot(dx, dy);
    }
  }
  // Edges: the strongest tenth, and never faint texture.
  const edgeAt = Math.max(60, inner.length ? nthSmallest(inner, Math.floor(inner.length * 0.9)) : 0);
  const edges: { x: number; y: number; gx: number; gy: number; m: number }[] = [];
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const m = mag[i];
      if (m >= edgeAt) edges.push({ x, y, gx: gx[i] / m, gy: gy[i] / m, m });
    }
  const diag = Math.ceil(Math.hypot(w, h));
  let best: CardOutline | undefined;
  for (let deg = 0; deg < 90; deg += ANGLE_STEP) {
    const t = (deg * Math.PI) / 180;
    const ux = { x: Math.cos(t), y: Math.sin(t) };
    const vy = { x: -ux.y, y: ux.x };
    // Positions run from -diag to +diag: offset by diag.
    const hu = new Float32Array(2 * diag + 1);
    const hv = new Float32Array(2 * diag + 1);
    for (const e of edges) {
      const along = e.gx * ux.x + e.gy * ux.y;
      const across = e.gx * vy.x + e.gy * vy.y;
      if (Math.abs(along) > 0.94) hu[Math.round(e.x * ux.x + e.y * ux.y) + diag]++;
      else if (Math.abs(across) > 0.94) hv[Math.round(e.x * vy.x + e.y * vy.y) + diag]++;
    }
    const pu = peaks(smooth(hu));
    const pv = peaks(smooth(hv));
    for (let i = 0; i < pu.length; i++)
      for (let j = i + 1; j < pu.length; j++)
        for (let k = 0; k < pv.length; k++)
          for (let l = k + 1; l < pv.length; l++) {
            const [a, b] = [Math.min(pu[i], pu[j]), Math.max(pu[i], pu[j])];
            const [c, d] = [Math.min(pv[k], pv[l]), Math.max(pv[k], pv[l])];
            const long = Math.max(b - a, d - c);
            const short = Math.min(b - a, d - c);
            if (short < 0.15 * Math.min(w, h)) continue;
            if (Math.abs(long / short / ID1_ASPECT - 1) > ASPECT_SLACK) continue;
            const cover = ((b - a) * (d - c)) / (w * h);
            if (cover < MIN_COVER) continue;
            const corners = [
              [a, c],
              [b, c],
              [b, d],
              [a, d],
            ].map(([u, v]) => ({
              x: (u - diag) * ux.x + (v - diag) * vy.x,
              y: (u - diag) * ux.y + (v - diag) * vy.y,
            })) as Quad;
            const sides = perimeterSupport(corners, { gx, gy, mag, w, h }, edgeAt);
            if (!sides) continue;
            const support = sides.reduce((a, b) => a + b, 0) / 4;
            if (support >= MIN_SUPPORT && (!best || support > best.support)) {
              best = { corners, support, cover };
            }
          }
  }
  if (!best) return undefined;
  const toSource = (p: Point): Point => ({ x: p.x / s, y: p.y / s });
  return { ...best, corners: upright(best.corners.map(toSource) as Quad) };
}

function smooth(hist: Float32Array): Float32Array {
  const out = new Float32Array(hist.length);
  for (let i = 1; i < hist.length - 1; i++) out[i] = hist[i - 1] + hist[i] + hist[i + 1];
  return out;
}

/** The strongest local maxima (at least 3 bins apart), positions in the histogram. */
function peaks(hist: Float32Array): number[] {
  const found: number[] = [];
  for (let i = 2; i < hist.length - 2; i++)
    if (hist[i] >= 8 && hist[i] >= hist[i - 1] && hist[i] > hist[i + 1] && hist[i] >= hist[i - 2])
      found.push(i);
  found.sort((a, b) => hist[b] - hist[a]);
  const kept: number[] = [];
  for (const p of found) {
    if (kept.some((q) => Math.abs(q - p) < 4)) continue;
    kept.push(p);
    if (kept.length === PEAKS) break;
  }
  return kept;
}

/** The work image's Sobel gradient and its magnitude, per pixel. */
interface Gradient {
  gx: Float32Array;
  gy: Float32Array;
  mag: Float64Array;
  w: number;
  h: number;
}

/**
 * Per side, the share of points along it (corners' rounding left out) with an edge within a pixel and
 * a half whose gradient runs across that side; undefined as soon as one side has less than
 * MIN_SIDE_SUPPORT (the outline is no card's, whatever the other sides show).
 */
function perimeterSupport(q: Quad, { gx, gy, mag, w, h }: Gradient, edgeAt: number): number[] | undefined {
  const shares: number[] = [];
  for (let side = 0; side < 4; side++) {
    let hit = 0;
    let n = 0;
    const p = q[side];
    const r = q[(side + 1) % 4];
    const len = Math.hypot(r.x - p.x, r.y - p.y);
    const nx = -(r.y - p.y) / len;
    const ny = (r.x - p.x) / len;
    for (let t = 0.08; t <= 0.92; t += 1 / Math.max(8, len)) {
      const x = p.x + (r.x - p.x) * t;
      const y = p.y + (r.y - p.y) * t;
      n++;
      let ok = false;
      for (let o = -1.5; o <= 1.5 && !ok; o += 0.75) {
        const xi = Math.round(x + o * nx);
        const yi = Math.round(y + o * ny);
        if (xi < 1 || yi < 1 || xi >= w - 1 || yi >= h - 1) continue;
        const i = yi * w + xi;
        const m = mag[i];
        ok = m >= 0.5 * edgeAt && Math.abs(gx[i] * nx + gy[i] * ny) > 0.85 * m;
      }
      if (ok) hit++;
    }
    const share = n ? hit / n : 0;
    if (share < MIN_SIDE_SUPPORT) return undefined;
    shares.push(share);
  }
  return shares;
}

/** Corners reordered to start at the top-left one and run clockwise. */
function upright(q: Quad): Quad {
  const cx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
  const cy = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
  const sorted = [...q].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  // atan2 from -pi: the first is the top-left-most quadrant when read clockwise (y down).
  return sorted as Quad;
}
