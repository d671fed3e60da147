// Stage "locate lines", by card geometry: where the learned detector saw no number line (embossed
// relief as pale as the card around it, digits over busy art), the card's own outline says where one
// is. A payment card (ID-1, ISO/IEC 7810) carries its number across its width, a little below the
// middle: the band of lines here are placed at the heights where the numbers of the photos measured
// (`CARD_BAND.heights`), each the card's width long, as a detector line would be.
import type { TextLine } from '../learned/text-lines';
import { foldDirection } from '../math';
import type { Point } from '../types';
import { distance, insideQuad, midpoint } from '../reading-frame';
import type { CardOutline } from './card-outline';
import { CARD_BAND } from './thresholds';

/**
 * Lines across the card at each of `CARD_BAND.heights`, in source pixels, nearest the usual height
 * first. The outline does not say which way up the card is: unless `readingAngle` does, a height is
 * taken from either long edge, and each line is read both ways round as any line of unknown
 * direction is.
 *
 * @param outline the card's corners, clockwise from the top-left as the photo shows them
 * @param readingAngle the direction (radians clockwise) the card's words read upright in, when known
 *   (`cardReadingAngle`): only the heights below the card's middle that way up are laid
 * @returns lines along the card's long sides; glyph height `CARD_BAND.glyphHeight` of the card's height
 */
export function cardBandLines(outline: CardOutline, readingAngle?: number): TextLine[] {
  const { top, bottom, direction } = longSides(outline);
  const width = (distance(top[0], top[1]) + distance(bottom[0], bottom[1])) / 2;
  const t = midpoint(top[0], top[1]);
  const u = midpoint(bottom[0], bottom[1]);
  const height = distance(t, u);
  const angle = foldDirection(direction);
  const lines: TextLine[] = [];
  // Down the card as its words read: from the middle towards the bottom edge.
  const down =
    readingAngle === undefined ? undefined : { x: -Math.sin(readingAngle), y: Math.cos(readingAngle) };
  const below = (from: number) => !down || ((u.x - t.x) * down.x + (u.y - t.y) * down.y) * (from - 0.5) > 0;
  for (const h of CARD_BAND.heights)
    for (const from of new Set([h, 1 - h]))
      if (below(from))
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

/**
 * The direction (radians clockwise) a card's words read upright in, from lines of words read clearly
 * one way round (`flip` 0: along the line's angle; 1: turned half round) whose centres lie on the card
 * and which run along its long sides (within `CARD_BAND.wordsMaxTurn`). Undefined unless
 * `CARD_BAND.wordsAgreeing` of them agree and none disagrees (one word read upside down can pass for
 * a clean word).
 */
export function cardReadingAngle(
  outline: CardOutline,
  words: readonly { centre: Point; angle: number; flip: number }[],
): number | undefined {
  const sideAngle = longSides(outline).direction;
  let votes = 0;
  let angle: number | undefined;
  for (const w of words) {
    if (!insideQuad(outline.corners, w.centre)) continue;
    const reads = w.angle + w.flip * Math.PI;
    if (Math.abs(Math.sin(reads - sideAngle)) > Math.sin(CARD_BAND.wordsMaxTurn)) continue;
    // +1 when it reads along the side's direction, -1 when against it.
    const way = Math.cos(reads - sideAngle) > 0 ? 1 : -1;
    if (votes && Math.sign(votes) !== way) return undefined;
    votes += way;
    angle = votes > 0 ? sideAngle : sideAngle + Math.PI;
  }
  return Math.abs(votes) >= CARD_BAND.wordsAgreeing ? angle : undefined;
}

/**
 * The card's long sides, its top and bottom edges whichever way the photo holds it, each from the
 * corner its first-listed corner runs to, and the direction (radians clockwise, not folded) they run
 * in on average.
 */
function longSides(outline: CardOutline): { top: [Point, Point]; bottom: [Point, Point]; direction: number } {
  const [a, b, c, d] = outline.corners;
  const [top, bottom]: [Point, Point][] =
    distance(a, b) + distance(c, d) >= distance(b, c) + distance(d, a)
      ? [
          [a, b],
          [d, c],
        ]
      : [
          [b, c],
          [a, d],
        ];
  const direction = Math.atan2(
    top[1].y - top[0].y + bottom[1].y - bottom[0].y,
    top[1].x - top[0].x + bottom[1].x - bottom[0].x,
  );
  return { top, bottom, direction };
}
