// A card number printed over two lines, one or two groups each (a vertical Jenius Visa prints
// "4661 6010" over "8576 5678"). Each line reads as a short run of digits that is no card number on its
// own; two such runs stacked as a card stacks its groups, whose digits together start with a network's
// IIN and have a length it issues, are one number, upper line first.
import type { Point, Quad } from '../types';
import { brandOf, lengthFitsBrand, wholeCardNumber } from './brands';
import { STACK, TWO_LINE } from './thresholds';

/** A line read wholly as digits: its digits and each one's quad in source pixels, in reading order. */
export interface DigitLine {
  digits: string;
  glyphs: readonly Quad[];
  /** Glyph height in source pixels. */
  glyphHeight: number;
}

const centreOf = (q: Quad): Point => ({
  x: (q[0].x + q[1].x + q[2].x + q[3].x) / 4,
  y: (q[0].y + q[1].y + q[2].y + q[3].y) / 4,
});

/** The reading direction of a line (unit vector from its first glyph's centre to its last's). */
function directionOf(line: DigitLine): Point {
  const a = centreOf(line.glyphs[0]);
  const b = centreOf(line.glyphs[line.glyphs.length - 1]);
  const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (b.x - a.x) / d, y: (b.y - a.y) / d };
}

/**
 * The two lines of `lines` that print one card number, upper first in their reading frame, or
 * undefined. The lines hold TWO_LINE.digits each; they run within STACK.maxTurn of each other, print
 * within STACK.maxHeightRatio of each other's height, sit STACK.minSpacing to STACK.maxSpacing glyph
 * heights apart across (centre to centre) and line up to STACK.maxShift glyph heights at their
 * start, centre or end; their digits, upper line first, start with a network's IIN and have a length
 * it issues. Where several pairs qualify, those whose digits pass Luhn (ISO/IEC 7812-1) are preferred;
 * where that leaves more than one, none is taken: which two lines make the number is unknown.
 */
export function twoLineNumber(lines: readonly DigitLine[]): [DigitLine, DigitLine] | undefined {
  const S = STACK;
  const candidates = lines.filter(
    (l) =>
      l.glyphs.length === l.digits.length &&
      /^\d+$/.test(l.digits) &&
      l.digits.length >= TWO_LINE.digits[0] &&
      l.digits.length <= TWO_LINE.digits[1],
  );
  const pairs: [DigitLine, DigitLine][] = [];
  for (let i = 0; i < candidates.length; i++)
    for (let j = i + 1; j < candidates.length; j++) {
      const [a, b] = [candidates[i], candidates[j]];
      const gh = Math.max(a.glyphHeight, b.glyphHeight);
      if (gh / Math.min(a.glyphHeight, b.glyphHeight) > S.maxHeightRatio) continue;
      const u = directionOf(a);
      const ub = directionOf(b);
      if (Math.abs(u.x * ub.y - u.y * ub.x) > S.maxTurn || u.x * ub.x + u.y * ub.y < 0) continue;
      // Across: +v is "down" in the reading frame (x right, y down, v = u turned 90 degrees clockwise).
      const v = { x: -u.y, y: u.x };
      const at = (p: Point) => ({ along: p.x * u.x + p.y * u.y, across: p.x * v.x + p.y * v.y });
      const ends = (l: DigitLine) => [at(centreOf(l.glyphs[0])), at(centreOf(l.glyphs[l.glyphs.length - 1]))];
      const [a0, a1] = ends(a);
      const [b0, b1] = ends(b);
      const spacing = (b0.across + b1.across - a0.across - a1.across) / 2;
      if (Math.abs(spacing) < S.minSpacing * gh || Math.abs(spacing) > S.maxSpacing * gh) continue;
      const shifts = [
        a0.along - b0.along,
        (a0.along + a1.along - b0.along - b1.along) / 2,
        a1.along - b1.along,
      ];
      if (Math.min(...shifts.map(Math.abs)) > S.maxShift * gh) continue;
      const [upper, lower] = spacing > 0 ? [a, b] : [b, a];
      const digits = upper.digits + lower.digits;
      if (brandOf(digits) && lengthFitsBrand(digits)) pairs.push([upper, lower]);
    }
  // Luhn is evidence, not a gate (specimens and renders fail it): it picks among pairs.
  const valid = pairs.filter(([u, l]) => wholeCardNumber(u.digits + l.digits));
  const pool = valid.length ? valid : pairs;
  return pool.length === 1 ? pool[0] : undefined;
}
