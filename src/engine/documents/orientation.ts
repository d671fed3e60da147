// Pages photographed sideways or upside down are read turned upright; their findings come back to
// source pixels here. Quads keep their corner order, so masks still follow the reading direction.
import { unrotatePoint90 } from '../image/transform';
import type { Box, Finding, Quad } from '../types';

/** Maps findings read on the page turned `turns` quarter turns clockwise back to source pixels. */
export function unrotateFindings(findings: Finding[], turns: number, srcW: number, srcH: number): Finding[] {
  if (turns % 4 === 0) return findings;
  return findings.map((f) => ({
    ...f,
    glyphs: f.glyphs.map((q) => q.map((p) => unrotatePoint90(p, turns, srcW, srcH)) as Quad),
  }));
}

export function rotateBoxes(boxes: Box[], turns: number, w: number, h: number): Box[] {
  // Forward rotation of source boxes into the turned page (inverse of unrotatePoint90).
  return boxes.map((b) => {
    const pts = [
      { x: b.x0, y: b.y0 },
      { x: b.x1, y: b.y1 },
    ].map((p) =>
      turns === 1
        ? { x: h - p.y, y: p.x }
        : turns === 2
          ? { x: w - p.x, y: h - p.y }
          : { x: p.y, y: w - p.x },
    );
    return {
      x0: Math.min(pts[0].x, pts[1].x),
      y0: Math.min(pts[0].y, pts[1].y),
      x1: Math.max(pts[0].x, pts[1].x),
      y1: Math.max(pts[0].y, pts[1].y),
    };
  });
}
