// Which way round a line reads, from the lines of the card's words around it: print on one card reads
// one way up. The card detector asks before it reads a line both ways round (card-numbers.ts).
import { insideQuad } from '../reading-frame';
import type { Point, Quad } from '../types';
import { CARD_BAND, READ_LINE } from './thresholds';

/**
 * A line whose way round its words settled: 0 read along `angle`, 1 turned half round. `angle` is the
 * line's direction (radians clockwise, folded into (-pi/2, pi/2]) and `centre` its centre, in the
 * pixels of the line asked about.
 */
export interface WordWay {
  angle: number;
  flip: 0 | 1;
  centre: Point;
}

/** Whether two lines run along each other: directions within `CARD_BAND.wordsMaxTurn`, either way along. */
const runAlong = (a: number, b: number) => Math.abs(Math.sin(a - b)) <= Math.sin(CARD_BAND.wordsMaxTurn);

/**
 * The way round (0: along `angle`, 1: turned half round) that the card's words read on lines running
 * along `angle` (within `CARD_BAND.wordsMaxTurn`), when every such line agrees; else undefined. Print
 * on one card reads one way up.
 */
export function wayOfPageWords(ways: readonly Omit<WordWay, 'centre'>[], angle: number): 0 | 1 | undefined {
  let way: 0 | 1 | undefined;
  for (const w of ways) {
    if (!runAlong(w.angle, angle)) continue;
    // A line drawn the other way along (its angle folded differently) reads turned the other way.
    const along: 0 | 1 = Math.cos(w.angle - angle) > 0 ? w.flip : w.flip === 0 ? 1 : 0;
    if (way !== undefined && way !== along) return undefined;
    way = along;
  }
  return way;
}

/**
 * The way round `line` reads where the card's own words say it: `line` lies on the card (`card`, its
 * outline's corners), and at least `READ_LINE.cardWordLines` of `words` lie on it too, run along
 * `line` (within `CARD_BAND.wordsMaxTurn`) and agree (wayOfPageWords). One coordinate system for
 * all three. Undefined otherwise: `line` off the card, too few such lines, or lines that disagree.
 * A vertical card's number runs across its words, not along them, and gets no way from them; a
 * second card's lines lie off this card's outline.
 */
export function wayOfWordsOnCard(
  card: Quad,
  words: readonly WordWay[],
  line: { centre: Point; angle: number },
): 0 | 1 | undefined {
  if (!insideQuad(card, line.centre)) return undefined;
  const along = words.filter((w) => insideQuad(card, w.centre) && runAlong(w.angle, line.angle));
  return along.length >= READ_LINE.cardWordLines ? wayOfPageWords(along, line.angle) : undefined;
}
