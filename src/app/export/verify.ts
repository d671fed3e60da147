// After export the engine re-reads the output. A card-number-like run with 8 or more digits still
// readable means a mask missed something: the user must be told, not reassured.
import type { Finding, Quad } from '../../engine/types';

export const LEAK_MIN_DIGITS = 8;

export function readableLeaks(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.kind === 'card-number' && (f.text.match(/\d/g)?.length ?? 0) >= LEAK_MIN_DIGITS,
  );
}

/** The four corners bounding a run of glyph quads (axis-aligned), to show where a leak is. */
export function spanOf(glyphs: readonly Quad[]): Quad {
  const xs = glyphs.flatMap((q) => q.map((p) => p.x));
  const ys = glyphs.flatMap((q) => q.map((p) => p.y));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}
