// Stage "locate lines", by card geometry: where the learned detector saw no number line (embossed
// relief as pale as the card around it, digits over busy art), the card's own outline says where one
// is. A payment card (ID-1, ISO/IEC 7810) carries its number across its width, a little below the
// middle: the band of lines here are placed at the heights where the numbers of the photos measured
// (`CARD_BAND.heights`), each the card's width long, as a detector line would be.
import type { TextLine } from '../learned/text-lines';
import { foldDirection } from '../math';
import type { Point } from '../types';
import type { CardOutline } from './card-outline';
import { CARD_BAND } from './thresholds';

/**
 * Lines across the card at each of `CARD_BAND.heights`, in source pixels, nearest the usual height
 * first. The outline does not say which way up the card is: a height is taken from either long edge,
 * and each line is read both ways round as any line of unknown direction is.
 *
 * @param outline the card's corners, clockwise from the top-left as the photo shows them
 * @returns lines along the card's long sides; glyph height `CARD_BAND.glyphHeight` of the card's height
 */
export function cardBandLines(outline: CardOutline): TextLine[] {
  const [a, b, c, d] = outline.corners;
  const mid = (p: Point, q: Point) => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
  const dist = (p: Point, q: Point) => Math.hypot(q.x - p.x, q.y - p.y);
  // The long sides are the card's top and bottom edges, whichever way the photo holds it.
  const [top, bottom] =
    dist(a, b) + dist(c, d) >= dist(b, c) + dist(d, a)
      ? [
          [a, b],
          [d, c],
        ]
      : [
          [b, c],
          [a, d],
        ];
  const width = (dist(top[0], top[1]) + dist(bottom[0], bottom[1])) / 2;
  const t = mid(top[0], top[1]);
  const u = mid(bottom[0], bottom[1]);
  const height = dist(t, u);
  const angle = foldDirection(
    Math.atan2(
      top[1].y - top[0].y + bottom[1].y - bottom[0].y,
      top[1].x - top[0].x + bottom[1].x - bottom[0].x,
    ),
  );
  const lines: TextLine[] = [];
  for (const h of CARD_BAND.heights)
    for (const from of new Set([h, 1 - h]))
      lines.push({
        centre: { x: t.x + (u.x - t.x) * from, y: t.y + (u.y - t.y) * from },
        angle,
        length: CARD_BAND.length * width,
        glyphHeight: CARD_BAND.glyphHeight * height,
        score: 1,
        pieces: 1,
      });
  return lines;
}
