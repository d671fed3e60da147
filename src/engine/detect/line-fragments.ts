// Embossed digits come out of the text detector in pieces: the relief's broken outline gives regions
// of half the glyphs' height or less ("621226" of an ICBC card as "6", "21" and "226" beside the
// full-height rest), too unlike the number's line to be merged into it as print of its own size.
// Read as part of a number they are its first or last digits; left out, they stay unmasked.
import type { TextLine } from '../learned/text-lines';
import type { Point } from '../types';
import { LINE_STAGE } from './thresholds';

/** A line being read, in source pixels: `angle` radians clockwise, the direction it is read in. */
export interface ReadLine {
  centre: Point;
  angle: number;
  length: number;
  glyphHeight: number;
}

/**
 * `line` lengthened over the lower pieces of its own print at either end: detector lines whose
 * extent across lies inside the line's band (within `LINE_STAGE.fragmentBand` of its glyph height
 * from its centre line), at least `LINE_STAGE.fragmentMinHeight` of its height and no taller, their
 * near end within a wide group space (`LINE_STAGE.mergeMaxGroupGap` glyph heights) of the line's end
 * or of a piece already taken. Print above or below the number (its small repeat, the expiry) lies
 * outside the band and is never taken. Returns `line` itself when no piece is found.
 */
export function withOwnFragments(line: ReadLine, lines: readonly TextLine[]): ReadLine {
  const { glyphHeight: gh, angle } = line;
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const pieces = lines
    .map((l) => {
      const dx = l.centre.x - line.centre.x;
      const dy = l.centre.y - line.centre.y;
      return { l, u: dx * ux + dy * uy, v: -dx * uy + dy * ux };
    })
    .filter(
      ({ l, v }) =>
        l.glyphHeight <= gh &&
        l.glyphHeight >= LINE_STAGE.fragmentMinHeight * gh &&
        Math.abs(v) + l.glyphHeight / 2 <= LINE_STAGE.fragmentBand * gh &&
        // Along the line (a piece of one or two glyphs gives its own direction poorly).
        (l.length < 3 * l.glyphHeight || Math.abs(Math.sin(l.angle - angle)) <= LINE_STAGE.mergeMaxTurn),
    );
  const reach = LINE_STAGE.mergeMaxGroupGap * gh;
  let [u0, u1] = [-line.length / 2, line.length / 2];
  for (let grew = true; grew;) {
    grew = false;
    for (const { l, u } of pieces) {
      const [a, b] = [u - l.length / 2, u + l.length / 2];
      if (a < u0 && b >= u0 - reach && b <= u1) {
        u0 = a;
        grew = true;
      }
      if (b > u1 && a <= u1 + reach && a >= u0) {
        u1 = b;
        grew = true;
      }
    }
  }
  if (u0 === -line.length / 2 && u1 === line.length / 2) return line;
  const mid = (u0 + u1) / 2;
  return {
    ...line,
    centre: { x: line.centre.x + mid * ux, y: line.centre.y + mid * uy },
    length: u1 - u0,
  };
}
