import type { TextLine } from '../learned/text-lines';
import type { OcrEngine } from '../ocr/types';
import type { GrayImage, Point } from '../types';
import { throwIfAborted } from './abort';
import { cropTextLine, readCrop, type LineReading } from './read-line';
import { PAGE_WAY } from './thresholds';

/** A number line in source pixels, `angle` (radians clockwise) the direction it was read in. */
export interface LineInFrame {
  centre: Point;
  angle: number;
  length: number;
  glyphHeight: number;
}

/**
 * Which way up the print around a number reads, in the number line's frame: 0 when words read
 * upright along `number.angle`, 1 when they read upright turned half round, undefined when the
 * words near it do not say (none read, or they disagree).
 *
 * Why: a number of 0s, 1s, 8s and 6s/9s reads as digits both ways round, and then the recognizer's
 * confidence and the card rules cannot tell which end holds the last four ("9999 ..." upside down is
 * "6666 ...", which even starts like a Maestro IIN). The recognizer learned upright words: a bank's
 * name or "CARD HOLDER" turned half round reads as low-confidence letters. So the few largest lines
 * of words printed along the number, on the same card (within `PAGE_WAY.reach` of the number's
 * length of it), are read both ways round (their middle `PAGE_WAY.readLength` glyph heights); each
 * one read clearly better one way votes for it, until `PAGE_WAY.agreeingLines` agree.
 *
 * With `classifyDirection` (PaddleOCR's text direction classifier, TextModels.classifyDirection, a
 * few milliseconds against a recognizer read's 50 to 150) a line the classifier calls one way round,
 * sure of it on both crops (`PAGE_WAY.classifierSure`), is read that way only: when that reading is
 * words with `PAGE_WAY.minConfidence`, it votes without the other read. The recognizer still has the
 * last word (no vote on the classifier alone: it is sure and wrong on digits and some embossed
 * names); otherwise the line is read both ways as above. Over the 350 lines asked about on the shared
 * real and synthetic cards, the real ones turned and degraded, and held-out seeds 1 and 14, the
 * classifier was sure of 250 and the one reading was words on 222; it was sure against the words once
 * (a degraded line read "GOOD", whose one reading was then no words: read both ways). Masks unchanged.
 */
export async function proseWayUp(
  gray: GrayImage,
  reader: OcrEngine,
  number: LineInFrame,
  lines: readonly TextLine[],
  signal?: AbortSignal,
  classifyDirection?: (crop: GrayImage) => Promise<number>,
): Promise<0 | 1 | undefined> {
  const gh = number.glyphHeight;
  const candidates = lines
    .filter((l) => {
      const turn = Math.abs(Math.sin(l.angle - number.angle));
      const off = Math.hypot(l.centre.x - number.centre.x, l.centre.y - number.centre.y);
      return (
        turn < PAGE_WAY.maxTurn &&
        off > gh &&
        off < PAGE_WAY.reach * number.length &&
        l.length >= PAGE_WAY.minWordLength * l.glyphHeight &&
        l.glyphHeight >= PAGE_WAY.glyphHeightRatio[0] * gh &&
        l.glyphHeight <= PAGE_WAY.glyphHeightRatio[1] * gh
      );
    })
    .sort((a, b) => b.length * b.glyphHeight - a.length * a.glyphHeight)
    .slice(0, PAGE_WAY.maxLines);
  let upright = 0;
  let turned = 0;
  for (const l of candidates) {
    throwIfAborted(signal);
    // A word or two tells the way up as well as the whole line, at a fraction of the recognizer's
    // time (it grows with the crop's length): the middle of a long line is read.
    const part = { ...l, length: Math.min(l.length, PAGE_WAY.readLength * l.glyphHeight) };
    // Read in the number's frame (a line's own angle leaves which end reads first open).
    const crops = [cropTextLine(gray, part, number.angle), cropTextLine(gray, part, number.angle + Math.PI)];
    const guess =
      classifyDirection && (await classifiedWay(crops[0].image, crops[1].image, classifyDirection));
    let vote: 0 | 1 | undefined;
    if (guess !== undefined && wordy(await readCrop(reader, crops[guess]))) vote = guess;
    else {
      const [asNumber, halfRound] = await Promise.all(crops.map((c) => readCrop(reader, c)));
      vote = wayOfWords(asNumber, halfRound);
    }
    if (vote === 0) upright++;
    if (vote === 1) turned++;
    // Two lines that agree, and none against: a third could only leave the answer open.
    if (Math.max(upright, turned) >= PAGE_WAY.agreeingLines && Math.min(upright, turned) === 0) break;
  }
  if (upright > 0 && turned === 0) return 0;
  if (turned > 0 && upright === 0) return 1;
  return undefined;
}

/**
 * Of one line's readings the two ways round, the one that reads as words (a run of 3 letters) with
 * `PAGE_WAY.minConfidence` and clearly surer than the other (`PAGE_WAY.confidenceGap`): 0 or 1.
 */
export function wayOfWords(a: LineReading, b: LineReading): 0 | 1 | undefined {
  if (wordy(a) && a.confidence - b.confidence >= PAGE_WAY.confidenceGap) return 0;
  if (wordy(b) && b.confidence - a.confidence >= PAGE_WAY.confidenceGap) return 1;
  return undefined;
}

/** A reading of words: a run of 3 letters, read with `PAGE_WAY.minConfidence`. */
export const wordy = (r: LineReading) => /\p{L}{3,}/u.test(r.text) && r.confidence >= PAGE_WAY.minConfidence;

/**
 * The way round the direction classifier calls a line, from its crop in the number's frame and the
 * same crop turned half round: 0 or 1 when it is `PAGE_WAY.classifierSure` of one and as sure the
 * other is turned, else undefined.
 */
export async function classifiedWay(
  asNumber: GrayImage,
  halfRound: GrayImage,
  classify: (crop: GrayImage) => Promise<number>,
): Promise<0 | 1 | undefined> {
  const sure = PAGE_WAY.classifierSure;
  const up = await classify(asNumber);
  if (up > 1 - sure && up < sure) return undefined;
  const turned = await classify(halfRound);
  if (up >= sure && turned <= 1 - sure) return 0;
  if (up <= 1 - sure && turned >= sure) return 1;
  return undefined;
}
