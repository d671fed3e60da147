import { principalAngle } from '../math';
import type { GrayImage, Point } from '../types';
import { boxBlur3, connectedComponents, gradientMagnitude, thresholdMap, type Component } from './components';

/** A run of similar-sized blobs along a straight line: a candidate text line, in working pixels. */
export interface CandidateLine {
  members: Component[];
  /** Centre of the line. */
  centre: Point;
  /** Direction of the line in radians, in (-pi/2, pi/2]: which end reads first is decided by OCR. */
  angle: number;
  /** Extent along the line (from the first member's far edge to the last one's), in working pixels. */
  length: number;
  /** Median glyph height across the line, in working pixels. */
  glyphHeight: number;
  score: number;
  /** Estimated glyphs on the line (blobs of touching glyphs count for several). */
  glyphs: number;
}

interface Blob {
  c: Component;
  /** Centre and size in the frame being chained (image axes, or transposed for vertical lines). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Glyphs in the blob: bold or blurred print glues a whole group into one blob. */
  n: number;
}

const MAX_LINK_ANGLE = Math.tan((35 * Math.PI) / 180);

/**
 * Links each blob to its nearest plausible right-hand neighbour (similar height, roughly level,
 * within three glyph heights) and follows the links into chains. Tilt up to about 30 degrees stays
 * inside the cone; vertical lines are found by running the same on transposed coordinates.
 */
function chains(blobs: Blob[], minMembers: number): Blob[][] {
  const next = new Int32Array(blobs.length).fill(-1);
  const nextDist = new Float64Array(blobs.length).fill(Infinity);
  const order = blobs.map((_, i) => i).sort((a, b) => blobs[a].x - blobs[b].x);
  for (let oi = 0; oi < order.length; oi++) {
    const a = blobs[order[oi]];
    let best = -1;
    let bestD = Infinity;
    for (let oj = oi + 1; oj < order.length; oj++) {
      const b = blobs[order[oj]];
      const dx = b.x - a.x;
      const hm = Math.max(a.h, b.h);
      if (dx > 3.2 * hm) break;
      if (dx < 0.25 * Math.min(a.h, b.h)) continue;
      const ratio = a.h > b.h ? a.h / b.h : b.h / a.h;
      if (ratio > 1.6) continue;
      const dy = Math.abs(b.y - a.y);
      if (dy > MAX_LINK_ANGLE * dx + 0.2 * hm) continue;
      // The edge gap (not the centre distance) must stay under about two glyph heights: wide group
      // spaces on embossed cards are still bridged, the next column of text is not.
      const gap = b.x - b.w / 2 - (a.x + a.w / 2);
      if (gap > 2.2 * hm) continue;
      const d = Math.hypot(dx, dy * 2);
      if (d < bestD) {
        bestD = d;
        best = order[oj];
      }
    }
    if (best >= 0 && bestD < nextDist[best]) {
      // One predecessor per blob: the closest wins.
      for (let k = 0; k < next.length; k++) if (next[k] === best) next[k] = -1;
      next[order[oi]] = best;
      nextDist[best] = bestD;
    }
  }
  const hasPrev = new Uint8Array(blobs.length);
  for (const n of next) if (n >= 0) hasPrev[n] = 1;
  const out: Blob[][] = [];
  for (let i = 0; i < blobs.length; i++) {
    if (hasPrev[i]) continue;
    const run: Blob[] = [];
    for (let k = i; k >= 0 && run.length < 80; k = next[k]) run.push(blobs[k]);
    if (run.length >= minMembers) out.push(run);
  }
  return out;
}

/** Principal direction of the members' centres (weighted towards the line's long axis). */
function fitLine(members: Component[]): { centre: Point; angle: number; length: number; height: number } {
  const cs = members.map((c) => ({ x: (c.x0 + c.x1) / 2, y: (c.y0 + c.y1) / 2 }));
  const mx = cs.reduce((s, p) => s + p.x, 0) / cs.length;
  const my = cs.reduce((s, p) => s + p.y, 0) / cs.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of cs) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const angle = principalAngle(sxx, syy, sxy);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let u0 = Infinity;
  let u1 = -Infinity;
  const hs: number[] = [];
  for (const c of members) {
    // Height across the line: undo what the tilt adds to the box. A w x h glyph box turned by t has
    // a bounding box W = w cos t + h sin t, H = w sin t + h cos t, so h = (H cos t - W sin t) / cos 2t.
    const level = Math.abs(ux) >= Math.abs(uy);
    const W = level ? c.x1 - c.x0 : c.y1 - c.y0;
    const H = level ? c.y1 - c.y0 : c.x1 - c.x0;
    const cos = Math.max(Math.abs(ux), Math.abs(uy));
    const sin = Math.min(Math.abs(ux), Math.abs(uy));
    const h = (H * cos - W * sin) / (cos * cos - sin * sin);
    hs.push(h > 0.5 * H && h <= H ? h : H);
    for (const [x, y] of [
      [c.x0, c.y0],
      [c.x1, c.y1],
      [c.x0, c.y1],
      [c.x1, c.y0],
    ]) {
      const u = (x - mx) * ux + (y - my) * uy;
      u0 = Math.min(u0, u);
      u1 = Math.max(u1, u);
    }
  }
  hs.sort((a, b) => a - b);
  const mid = (u0 + u1) / 2;
  return {
    centre: { x: mx + mid * ux, y: my + mid * uy },
    angle,
    length: u1 - u0,
    height: hs[hs.length >> 1],
  };
}

export interface LocateOptions {
  /** Fewest blobs for a line to be a candidate. */
  minMembers?: number;
}

/**
 * Candidate text lines of a (downscaled) grey image, best first. Cheap: one blur, one edge map,
 * one labelling, then chaining in two frames. OCR decides later which lines hold numbers.
 */
export function locateLines(img: GrayImage, options: LocateOptions = {}): CandidateLine[] {
  const minMembers = options.minMembers ?? 5;
  const blurred = boxBlur3(img);
  const { mag, median, p99 } = gradientMagnitude(blurred);
  const maxH = 0.2 * Math.min(img.width, img.height) + 8;
  const found: CandidateLine[] = [];
  // Several thresholds: a low one catches faint embossed relief; higher ones cut print loose from
  // background lines and textures that run through it and would glue the glyphs into one blob.
  const base = Math.max(16, median * 3);
  const thresholds = [base, Math.max(base * 1.8, p99 * 0.25), Math.max(base * 3, p99 * 0.5)];
  for (const [ti, threshold] of thresholds.entries()) {
    if (ti > 0 && threshold <= thresholds[ti - 1] * 1.15) continue;
    const comps = connectedComponents(thresholdMap(mag, threshold), img.width, img.height, 8);
    found.push(...linesFromComponents(comps, maxH, minMembers));
  }
  // Card numbers are among the largest print on a card; small print (terms, phone numbers) is the
  // usual runner-up, so size nudges the ranking.
  const tallest = Math.max(1, ...found.filter((l) => l.glyphs >= 6).map((l) => l.glyphHeight));
  for (const l of found) l.score *= Math.sqrt(Math.min(1, l.glyphHeight / tallest));
  return dedupe(found.sort((a, b) => b.score - a.score));
}

/** Drops candidates whose members mostly sit inside a better candidate's members. */
function dedupe(lines: CandidateLine[]): CandidateLine[] {
  const kept: CandidateLine[] = [];
  for (const l of lines) {
    const dup = kept.some((k) => {
      let inside = 0;
      for (const m of l.members) {
        const cx = (m.x0 + m.x1) / 2;
        const cy = (m.y0 + m.y1) / 2;
        if (k.members.some((o) => cx >= o.x0 - 2 && cx <= o.x1 + 2 && cy >= o.y0 - 2 && cy <= o.y1 + 2))
          inside++;
      }
      return inside >= 0.6 * l.members.length;
    });
    if (!dup) kept.push(l);
  }
  return kept;
}

/**
 * Frames the blobs are chained in: links reach 35 degrees either side of the frame's axis, so the
 * level and transposed frames cover lines within 35 degrees of horizontal or vertical, and the two
 * diagonal frames (reading down-right and up-right) the turns in between.
 */
const FRAMES = ['level', 'transposed', 'down', 'up'] as const;

function linesFromComponents(comps: Component[], maxH: number, minMembers: number): CandidateLine[] {
  const found: CandidateLine[] = [];
  for (const frame of FRAMES) {
    const blobs: Blob[] = [];
    for (const c of comps) {
      const bw = c.x1 - c.x0;
      const bh = c.y1 - c.y0;
      // A glyph turned 45 degrees has a square box about 1.2 glyph heights a side.
      const diagonal = frame === 'down' || frame === 'up';
      const h = diagonal ? Math.max(bw, bh) / 1.2 : frame === 'transposed' ? bw : bh;
      const w = diagonal ? 0.65 * h : frame === 'transposed' ? bh : bw;
      if (h < 7 || h > maxH || w > 5 * h || w < 1) continue;
      // Glyph outlines are thin: a filled slab of edge pixels is texture, not a character.
      if (c.area > 0.85 * bw * bh && bw > 3 && bh > 3) continue;
      const cx = (c.x0 + c.x1) / 2;
      const cy = (c.y0 + c.y1) / 2;
      const n = Math.max(1, Math.min(6, Math.round(w / (0.75 * h))));
      const [x, y] =
        frame === 'level'
          ? [cx, cy]
          : frame === 'transposed'
            ? [cy, cx]
            : frame === 'down'
              ? [(cx + cy) * Math.SQRT1_2, (cy - cx) * Math.SQRT1_2]
              : [(cx - cy) * Math.SQRT1_2, (cx + cy) * Math.SQRT1_2];
      blobs.push({ c, x, y, w, h, n });
    }
    for (const run of chains(blobs, 2)) {
      const glyphs = run.reduce((sum, b) => sum + b.n, 0);
      if (glyphs < minMembers) continue;
      const members = run.map((b) => b.c);
      const fit = fitLine(members);
      const medH = fit.height;
      // Uniform heights and a straight run look like printed digits; ragged runs look like texture.
      const hs = run.map((b) => b.h).sort((a, b) => a - b);
      const medBox = hs[hs.length >> 1];
      const uniform = run.filter((b) => Math.abs(b.h - medBox) < 0.25 * medBox).length / run.length;
      // Digits share one width (monospaced card fonts, tabular figures); prose mixes i, m and w.
      const singles = run.filter((b) => b.n === 1 && b.w >= 0.2 * b.h);
      const ws = singles.map((b) => b.w).sort((a, b) => a - b);
      const medW = ws[ws.length >> 1] ?? 0;
      const even =
        singles.length >= 4
          ? singles.filter((b) => Math.abs(b.w - medW) < 0.3 * medW).length / singles.length
          : 1;
      found.push({
        members,
        centre: fit.centre,
        angle: fit.angle,
        length: fit.length,
        glyphHeight: medH,
        // A number has at most 19 glyphs; longer runs are prose. Hairline blobs (hatching, stripes)
        // count for little: digits, even a '1', are not that slender.
        score:
          Math.min(19, glyphs - 0.7 * run.filter((b) => b.w < 0.2 * b.h).length) *
          uniform *
          uniform *
          (0.5 + 0.5 * even),
        glyphs,
      });
    }
  }
  return found;
}
