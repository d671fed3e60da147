// A number's reading frame and a quad's centre: plain geometry the detectors and the masks share.
// (Moved from masks/from-findings.ts so detect/ need not import the layer above it.)
import type { Finding, Point, Quad } from './types';

/**
 * A number's own reading frame in source pixels: the centre of its first glyph, the direction from
 * it to the last glyph's centre (radians clockwise, with its unit vector), and the distance between.
 * `place(p)` gives a point's offset along the number (`u`) and below it (`down`, +v of the frame).
 */
export function readingFrame(finding: Finding) {
  const first = centre(finding.glyphs[0]);
  const last = centre(finding.glyphs[finding.glyphs.length - 1]);
  const angle = Math.atan2(last.y - first.y, last.x - first.x);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const place = (p: Point) => {
    const dx = p.x - first.x;
    const dy = p.y - first.y;
    return { u: dx * ux + dy * uy, down: -dx * uy + dy * ux };
  };
  return { first, angle, ux, uy, length: Math.hypot(last.x - first.x, last.y - first.y), place };
}

/**
 * Whether `finding` is printed on one line (`Finding.lines` absent or all 0): only then does its
 * reading frame run along its print. A vertical card's stacked groups give a frame along the stack's
 * diagonal, with nothing printed "above the number" or "under its first group" in it.
 */
export const printedOnOneLine = (finding: Finding): boolean => !finding.lines?.some((l) => l > 0);

export function centre(q: Quad): Point {
  return { x: (q[0].x + q[1].x + q[2].x + q[3].x) / 4, y: (q[0].y + q[1].y + q[2].y + q[3].y) / 4 };
}

/** Whether p lies inside the convex quadrilateral q (either winding). */
export function insideQuad(q: Quad, p: Point): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = q[k];
    const b = q[(k + 1) % 4];
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross === 0) continue;
    if (sign && Math.sign(cross) !== sign) return false;
    sign = Math.sign(cross);
  }
  return true;
}

/** The line's frame: `along` the glyphs' top edges (their mean direction), `down` across them. */
export function topEdgeFrame(glyphs: readonly Quad[]): { along: Point; down: Point } {
  let ax = 0;
  let ay = 0;
  for (const q of glyphs) {
    ax += q[1].x - q[0].x;
    ay += q[1].y - q[0].y;
  }
  const len = Math.hypot(ax, ay) || 1;
  const along = { x: ax / len, y: ay / len };
  return { along, down: { x: -along.y, y: along.x } };
}

/** `p` moved `k` times the vector `d` (source pixels). */
export const offset = (p: Point, d: Point, k: number): Point => ({ x: p.x + d.x * k, y: p.y + d.y * k });

/** The point halfway between `p` and `q`. */
export const midpoint = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });

/** The distance between `p` and `q`. */
export const distance = (p: Point, q: Point): number => Math.hypot(q.x - p.x, q.y - p.y);
