// A payment card's outline in a photo: a quadrilateral of about the ID-1 shape (ISO/IEC 7810: 85.60 x
// 53.98 mm, aspect 1.586) at any angle and in perspective, found from the image's edges alone, so a
// card whose number no reader could read is still known to be a card (the export guard, the CLI's
// cardWithoutNumber), and the card band (card-band.ts) knows where its number is printed.
import { scaleGray } from '../image/transform';
import { nthSmallest } from '../math';
import { sobelAt } from './components';
import type { GrayImage, Point, Quad } from '../types';
import { distance } from '../reading-frame';

export interface CardOutline {
  /** Corners in source pixels, clockwise from top-left as the photo shows them. */
  corners: Quad;
  /** Share of the outline's perimeter with an edge of the right direction under it: 0..1. */
  support: number;
  /** Share of the photo's area inside the outline. */
  cover: number;
}

const ID1_ASPECT = 85.6 / 53.98;
/**
 * Apparent side ratios (mean long side over mean short side) accepted, as multiples of ID-1's: a
 * photo taken at an angle foreshortens one pair of sides, and a phone photo resized to another frame
 * shape (4:3 to 3:2) stretches one axis. Measured: a card shot from below on a table at 1.22x.
 */
const MIN_ASPECT = 0.84 * ID1_ASPECT;
const MAX_ASPECT = 1.3 * ID1_ASPECT;
/**
 * A frame taken for a card cropped to its edges: about ID-1 (a crop leaves the card square to the
 * frame, with no perspective to stretch it), 3:2 and 16:9 included, 4:3 photos and A4 pages not.
 */
const FRAME_MIN_ASPECT = 0.92 * ID1_ASPECT;
const FRAME_MAX_ASPECT = 1.14 * ID1_ASPECT;

/** Whether a rectangle of these sides (any unit) has about the ID-1 shape, as a photo shows one. */
export function idOneShaped(width: number, height: number): boolean {
  const aspect = Math.max(width, height) / Math.max(1e-9, Math.min(width, height));
  return aspect >= MIN_ASPECT && aspect <= MAX_ASPECT;
}

/**
 * The photo's own frame as a card's outline, for a photo cropped to the card (a scan, an upload
 * trimmed to the card's edges): no edge is left to find, and the frame has about the ID-1 shape.
 * Undefined when it has not. Support 0: nothing in the pixels shows it.
 */
export function frameAsCard(gray: Pick<GrayImage, 'width' | 'height'>): CardOutline | undefined {
  const { width: w, height: h } = gray;
  const aspect = Math.max(w, h) / Math.max(1, Math.min(w, h));
  if (aspect < FRAME_MIN_ASPECT || aspect > FRAME_MAX_ASPECT) return undefined;
  const corners: Quad = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  return { corners, support: 0, cover: 1 };
}

/** Opposite sides at most this much longer than each other (perspective, not another shape). */
const MAX_OPPOSITE_RATIO = 1.45;
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
/** Hough directions, degrees apart. */
const THETA_STEP = 1;
/** An edge pixel votes for line directions within this many degrees of its own (Sobel's spread). */
const VOTE_SPREAD = 2;
/** Straight edges kept as side candidates, strongest first. */
const SIDE_CANDIDATES = 18;
/** Two kept edges are one when within this many degrees and work pixels of each other. */
const SAME_EDGE_DEG = 5;
const SAME_EDGE_PX = 5;
/** Opposite sides within this many degrees of parallel (a card in perspective). */
const MAX_SIDE_SKEW = 20;
/** Adjacent sides within this many degrees of square. */
const MAX_CORNER_SKEW = 20;

/** A straight edge: points p with p.x cos(theta) + p.y sin(theta) = rho (work pixels). */
interface Edge {
  theta: number;
  rho: number;
  votes: number;
}

/**
 * The best card-shaped outline, or undefined. Edge pixels vote in a Hough transform (each only for
 * directions near its own gradient's); the strongest straight edges are paired into nearly parallel
 * opposite sides, two such pairs nearly square to each other make a quadrilateral, and one of about
 * the ID-1 shape is kept when enough of its perimeter lies on edges running along it. The best
 * supported wins.
 */
export function findCardOutline(gray: GrayImage): CardOutline | undefined {
  const s = Math.min(1, WORK_SIDE / Math.max(gray.width, gray.height));
  const img = s < 1 ? scaleGray(gray, s) : gray;
  const grad = gradientOf(img);
  const { w, h } = grad;
  const edges = straightEdges(grad);
  const minGap = 0.15 * Math.min(w, h);
  // Opposite sides: nearly parallel edges far enough apart.
  const pairs: [Edge, Edge][] = [];
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i];
      const b = aligned(edges[j], a.theta);
      if (Math.abs(b.theta - a.theta) > MAX_SIDE_SKEW || Math.abs(b.rho - a.rho) < minGap) continue;
      pairs.push([a, b]);
    }
  let best: CardOutline | undefined;
  for (let i = 0; i < pairs.length; i++)
    for (let j = i + 1; j < pairs.length; j++) {
      const [a, b] = pairs[i];
      const [c, d] = pairs[j];
      const turn = Math.abs(angleBetween((a.theta + b.theta) / 2, (c.theta + d.theta) / 2));
      if (Math.abs(turn - 90) > MAX_CORNER_SKEW) continue;
      const pts = [meet(a, c), meet(c, b), meet(b, d), meet(d, a)];
      if (pts.some((p) => !p || p.x < -1 || p.y < -1 || p.x > w || p.y > h)) continue;
      const corners = pts as Quad;
      const sides = [0, 1, 2, 3].map((k) => distance(corners[k], corners[(k + 1) % 4]));
      const ac = (sides[0] + sides[2]) / 2;
      const bd = (sides[1] + sides[3]) / 2;
      if (!idOneShaped(ac, bd)) continue;
      const skew = Math.max(
        sides[0] / sides[2],
        sides[2] / sides[0],
        sides[1] / sides[3],
        sides[3] / sides[1],
      );
      if (skew > MAX_OPPOSITE_RATIO) continue;
      const cover = area(corners) / (w * h);
      if (cover < MIN_COVER) continue;
      const shares = perimeterSupport(corners, grad);
      if (!shares) continue;
      const support = shares.reduce((x, y) => x + y, 0) / 4;
      if (support >= MIN_SUPPORT && (!best || support > best.support)) best = { corners, support, cover };
    }
  if (!best) return undefined;
  const toSource = (p: Point): Point => ({ x: p.x / s, y: p.y / s });
  return { ...best, corners: upright(best.corners.map(toSource) as Quad) };
}

/** The work image's Sobel gradient, its magnitude per pixel, and the edge threshold. */
interface Gradient {
  gx: Float32Array;
  gy: Float32Array;
  mag: Float64Array;
  w: number;
  h: number;
  /** Edges: the strongest tenth of gradient magnitudes, and never faint texture. */
  edgeAt: number;
}

function gradientOf(img: GrayImage): Gradient {
  const { width: w, height: h, data } = img;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  const mag = new Float64Array(w * h);
  const inner = new Float64Array(Math.max(0, (w - 2) * (h - 2)));
  let n = 0;
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const { gx: dx, gy: dy } = sobelAt(data, i, w);
      gx[i] = dx;
      gy[i] = dy;
      mag[i] = inner[n++] = Math.hypot(dx, dy);
    }
  const edgeAt = Math.max(60, inner.length ? nthSmallest(inner, Math.floor(inner.length * 0.9)) : 0);
  return { gx, gy, mag, w, h, edgeAt };
}

/**
 * The strongest straight edges: a Hough transform over directions 0..180 degrees in THETA_STEP
 * steps, each edge pixel voting only near its gradient's direction, local maxima kept strongest
 * first, one per edge.
 */
function straightEdges({ gx, gy, mag, w, h, edgeAt }: Gradient): Edge[] {
  const thetas = Math.round(180 / THETA_STEP);
  const diag = Math.ceil(Math.hypot(w, h));
  const rhos = 2 * diag + 1;
  const acc = new Float32Array(thetas * rhos);
  const cos = Float64Array.from({ length: thetas }, (_, t) => Math.cos((t * THETA_STEP * Math.PI) / 180));
  const sin = Float64Array.from({ length: thetas }, (_, t) => Math.sin((t * THETA_STEP * Math.PI) / 180));
  const spread = Math.round(VOTE_SPREAD / THETA_STEP);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (mag[i] < 0.5 * edgeAt) continue;
      // The gradient is the edge's normal: its direction, folded into 0..180, is the line's theta.
      let phi = (Math.atan2(gy[i], gx[i]) * 180) / Math.PI;
      if (phi < 0) phi += 180;
      const t0 = Math.round(phi / THETA_STEP);
      for (let k = -spread; k <= spread; k++) {
        const t = (((t0 + k) % thetas) + thetas) % thetas;
        acc[t * rhos + Math.round(x * cos[t] + y * sin[t]) + diag]++;
      }
    }
  const minVotes = Math.max(8, 0.1 * Math.min(w, h));
  const found: Edge[] = [];
  for (let t = 0; t < thetas; t++)
    for (let r = 1; r < rhos - 1; r++) {
      const v = acc[t * rhos + r];
      if (v < minVotes) continue;
      let peak = true;
      for (let dt = -1; dt <= 1 && peak; dt++)
        for (let dr = -1; dr <= 1 && peak; dr++) {
          if (!dt && !dr) continue;
          const tt = (t + dt + thetas) % thetas;
          if (acc[tt * rhos + r + dr] > v) peak = false;
        }
      if (peak) found.push({ theta: t * THETA_STEP, rho: r - diag, votes: v });
    }
  found.sort((a, b) => b.votes - a.votes);
  const kept: Edge[] = [];
  for (const e of found) {
    if (kept.some((k) => sameEdge(k, e))) continue;
    kept.push(e);
    if (kept.length === SIDE_CANDIDATES) break;
  }
  return kept;
}

/** `e` described with a direction within 90 degrees of `theta` (theta + 180 is the same line, rho negated). */
function aligned(e: Edge, theta: number): Edge {
  if (e.theta - theta > 90) return { ...e, theta: e.theta - 180, rho: -e.rho };
  if (theta - e.theta > 90) return { ...e, theta: e.theta + 180, rho: -e.rho };
  return e;
}

function sameEdge(a: Edge, b: Edge): boolean {
  const c = aligned(b, a.theta);
  return Math.abs(c.theta - a.theta) < SAME_EDGE_DEG && Math.abs(c.rho - a.rho) < SAME_EDGE_PX;
}

/** Signed angle from direction a to direction b, degrees, folded into (-90, 90]. */
function angleBetween(a: number, b: number): number {
  let d = (((b - a) % 180) + 180) % 180;
  if (d > 90) d -= 180;
  return d;
}

/** Where two edges cross; undefined when they are (nearly) parallel. */
function meet(a: Edge, b: Edge): Point | undefined {
  const ta = (a.theta * Math.PI) / 180;
  const tb = (b.theta * Math.PI) / 180;
  const det = Math.cos(ta) * Math.sin(tb) - Math.sin(ta) * Math.cos(tb);
  if (Math.abs(det) < 1e-6) return undefined;
  return {
    x: (a.rho * Math.sin(tb) - b.rho * Math.sin(ta)) / det,
    y: (b.rho * Math.cos(ta) - a.rho * Math.cos(tb)) / det,
  };
}

/** Area of a simple quadrilateral (shoelace). */
function area(q: Quad): number {
  let s = 0;
  for (let k = 0; k < 4; k++) s += q[k].x * q[(k + 1) % 4].y - q[(k + 1) % 4].x * q[k].y;
  return Math.abs(s) / 2;
}

/**
 * Per side, the share of points along it (corners' rounding left out) with an edge within a pixel and
 * a half whose gradient runs across that side; undefined as soon as one side has less than
 * MIN_SIDE_SUPPORT (the outline is no card's, whatever the other sides show).
 */
function perimeterSupport(q: Quad, { gx, gy, mag, w, h, edgeAt }: Gradient): number[] | undefined {
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
