import { foldDirection } from '../math';
import { invertGray } from '../image/transform';
import { wholeCardNumber } from './brands';
import { centre, printedOnOneLine, readingFrame } from '../reading-frame';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage } from '../types';
import { throwIfAborted } from './abort';
import { columnEnergy, inkSegments } from './ink-profile';
import { shownInPartFinding } from './last-four-shown';
import { flattenBackground, groundDominates } from './normalize';
import { REPEAT_BAND } from './thresholds';
import { boxCorners, traceCropRead, type DetectTrace } from './trace';
import { detectTextLines, type TextLine } from '../learned/text-lines';
import type { TextModels } from '../learned/models';
import {
  cropLine,
  cropToSource,
  type CropSpec,
  cropQuad,
  cropTextLine,
  inkIsLight,
  readingFromPage,
  wordsOf,
  type LineCrop,
  type ReadGlyph,
} from './read-line';

/**
 * A number whose first four may be printed again under it: nine glyphs and more (a 4-digit code or
 * year has none), or the leading groups of a number shown in part (part-shown.ts), printed on one
 * line. A vertical card's stacked groups (`Finding.lines`) have no line to print a repeat under, and
 * the strip "under the first group" would be measured along the stack's diagonal.
 */
const repeatable = (number: Finding) =>
  (number.glyphs.length >= 9 || shownInPartFinding(number)) && printedOnOneLine(number);

/**
 * Many cards print the first four digits a second time in small type just under the number (the
 * BIN check for the merchant; Mir cards print the first six). Hiding the number but not that repeat
 * leaks them, so the strip under the number's first group is read as sparse text and a word of four
 * to six digits matching the number's start (see `prefixMatch`) becomes its own finding, masked whole.
 */
export async function detectRepeatedPrefix(
  gray: GrayImage,
  ocr: OcrEngine,
  number: { finding: Finding; glyphHeight: number },
  signal?: AbortSignal,
): Promise<Finding | undefined> {
  const { finding } = number;
  if (!repeatable(finding)) return undefined;
  const spec = repeatStrip(number);
  const prefix = finding.text;
  // The polarity guessed from a strip's grey levels fails on small light print on a mid-grey card,
  // so the strip is read both ways round, side by side on the OCR pool's two workers.
  const guess = cropLine(gray, spec);
  const other = cropLine(gray, { ...spec, inkLight: !inkIsLight(guess.raw) });
  const [asGuessed, flipped] = await Promise.all([
    readRepeat(ocr, guess, prefix, signal),
    readRepeat(ocr, other, prefix, signal),
  ]);
  const crop = asGuessed ? guess : other;
  const match = asGuessed ?? flipped;
  if (!match) return undefined;
  return repeatFinding(match, crop);
}

/**
 * The strip under the number's first group where the repeat is printed: from a glyph before the
 * number's start to about two groups along, from just below the number to 2.4 glyph heights under
 * it ("down" is the reading frame's +v), scaled so print of 0.45 glyph heights comes out 26 px tall.
 */
function repeatStrip(number: { finding: Finding; glyphHeight: number }): CropSpec {
  const { finding, glyphHeight: gh } = number;
  const { first, angle, ux, uy } = readingFrame(finding);
  const along0 = -1.2 * gh;
  const along1 = 6 * gh;
  const down0 = 0.55 * gh;
  const down1 = 2.4 * gh;
  const a = (along0 + along1) / 2;
  const d = (down0 + down1) / 2;
  return {
    centre: { x: first.x + a * ux - d * uy, y: first.y + a * uy + d * ux },
    angle,
    length: along1 - along0,
    height: down1 - down0,
    glyphHeight: 0.45 * gh,
    targetHeight: 26,
  };
}

/** Height (strip pixels) that a fifth of the number's glyph height comes out at in the detector's strip. */
const STRIP_TARGET = 26;

/**
 * Lines of print in the repeat's strip, found by the learned detector on the strip alone, enlarged:
 * print of 5 to 8 px is below what the detector resolves on the whole photo at its working size.
 * Returned in source pixels, like the whole-photo lines.
 */
export async function repeatStripLines(
  gray: GrayImage,
  models: TextModels,
  number: { finding: Finding; glyphHeight: number },
  /** Told the strip searched and the lines found in it (`lastfour redact --trace`). */
  trace?: DetectTrace,
): Promise<TextLine[]> {
  if (!repeatable(number.finding)) return [];
  // The detector resolves print from about 10 px: the strip is enlarged so print of a third of the
  // number's height comes out 26 px tall, and reaches up to the number's lower edge (text touching
  // the crop's border is what the detector misses).
  const gh = number.glyphHeight;
  const spec = repeatStrip(number);
  const up = 0.3 * gh;
  const { ux, uy } = readingFrame(number.finding);
  const strip = cropLine(gray, {
    ...spec,
    centre: { x: spec.centre.x + (up / 2) * uy, y: spec.centre.y - (up / 2) * ux },
    height: spec.height + up,
    glyphHeight: 0.2 * gh,
    targetHeight: STRIP_TARGET,
    maxScale: 10,
    inkLight: false,
    flatten: false,
  });
  const side = Math.max(strip.raw.width, strip.raw.height);
  // Glare across the strip (a silver emboss lit from one side) leaves 5 px print a few grey levels off
  // a ground that changes far more than that: there the ground is flattened first, over a window
  // about the repeat's glyph height, so the detector sees the print's own contrast. Elsewhere the
  // strip goes as it is: flattening a blurred or even strip amplifies its noise into print-like specks.
  const window = REPEAT_BAND.stripGround * STRIP_TARGET;
  const ground = groundDominates(strip.raw, window, REPEAT_BAND.glareSpread)
    ? flattenBackground(strip.raw, window)
    : strip.raw;
  // The strip is enlarged for print of 0.2 of the number's glyph height: a line the detector finds
  // far smaller than that is the grain of the card's ground (a dark card's noise), no repeat
  // (`REPEAT_BAND.stripMinHeight`). The detector learned dark print on a light ground far more than
  // the reverse: light print this small and blurred (a white repeat on a grey card, seed 10's
  // hx-019) can show no line as it is and one inverted. A strip with no print either way holds
  // nothing to read.
  const minHeight = REPEAT_BAND.stripMinHeight * gh * strip.scale;
  const printIn = async (img: GrayImage) =>
    (await detectTextLines(models, img, side, side)).filter((l) => l.glyphHeight >= minHeight);
  let lines = await printIn(ground);
  if (!lines.length) lines = await printIn(invertGray(ground));
  const found = lines.map((l) => ({
    ...l,
    centre: cropToSource(strip, l.centre.x, l.centre.y),
    angle: foldDirection(l.angle + strip.angle),
    length: l.length / strip.scale,
    glyphHeight: l.glyphHeight / strip.scale,
  }));
  trace?.areas.push({
    corners: cropQuad(strip, 0, 0, strip.image.width, strip.image.height),
    stage: 'repeat-strip',
  });
  for (const l of found)
    trace?.lines.push({
      corners: boxCorners(l.centre.x, l.centre.y, l.angle, l.length, l.glyphHeight),
      from: 'repeat-strip',
    });
  return found;
}

function repeatFinding(match: ReadGlyph[], crop: LineCrop, read?: 'unread' | 'short'): Finding {
  const notes = ['the first four digits, printed again in small type'];
  if (read === 'unread') notes.push('too small or blurred to read: masked where the repeat is printed');
  if (read === 'short') notes.push('read as three of the first four');
  return {
    id: 'card-prefix-1',
    kind: 'card-number',
    text: match.map((g) => g.char).join(''),
    glyphs: match.map((g) => cropQuad(crop, g.x0, g.y0, g.x1, g.y1)),
    confidence: match.reduce((s, g) => s + g.confidence, 0) / match.length,
    keepable: false,
    enabledByDefault: true,
    notes,
  };
}

/**
 * The repeat's extent along a level crop: the run of inked columns (edge energy in the glyph band)
 * that overlaps `seed` (the word as read, or the detector's box), bridging the gaps between its
 * glyphs; `seed` itself when the ink runs on into other print (over 6 glyph heights). Crop pixels.
 */
function wordExtent(crop: LineCrop, seed: [number, number], glyphHeight: number): [number, number] {
  const mid = crop.image.height / 2;
  const energy = columnEnergy(crop.image, mid - glyphHeight / 2, mid + glyphHeight / 2);
  const sorted = Float32Array.from(energy).sort();
  const floor = sorted[Math.floor(0.2 * sorted.length)];
  const peak = sorted[Math.floor(0.95 * sorted.length)];
  const segments = inkSegments(energy, floor + 0.3 * (peak - floor), 0.5 * glyphHeight, 0.15 * glyphHeight);
  const over = segments.filter((g) => g.x1 > seed[0] && g.x0 < seed[1]);
  if (!over.length) return seed;
  const x0 = Math.min(seed[0], over[0].x0);
  const x1 = Math.max(seed[1], over[over.length - 1].x1);
  return x1 - x0 > 6 * glyphHeight ? seed : [x0, x1];
}

/** A word in the strip that repeats the number's start (`prefixWord`). */
async function readRepeat(
  ocr: OcrEngine,
  crop: LineCrop,
  prefix: string,
  signal?: AbortSignal,
  psm: 6 | 7 = 6,
): Promise<ReadGlyph[] | undefined> {
  throwIfAborted(signal);
  // One block (PSM 6): sparse mode (11) drops a lone short word on a patterned ground.
  const page = await ocr.recognize(crop.image, { psm });
  return prefixWord(wordsOf(readingFromPage(crop, page.lines).glyphs), prefix);
}

/**
 * The first word of four to six digits that repeats the start of `number` (`prefixMatch`). A word
 * matched past the number's first glyph gets one glyph more before it, one of its own pitches back
 * (unread): either its own first glyph was lost to blur, or the number was read with a stray mark
 * before it, and then the extra pitch covers only card.
 */
function prefixWord(words: readonly ReadGlyph[][], number: string): ReadGlyph[] | undefined {
  for (const w of words.flatMap(digitRuns)) {
    if (w.length < 4 || w.length > 6) continue;
    const from = prefixMatch(w.map((g) => g.char).join(''), number);
    if (from === 0) return w;
    if (from !== undefined) {
      const pitch = (w[w.length - 1].x1 - w[0].x0) / w.length;
      return [
        { ...w[0], char: number[from - 1], confidence: 0, x0: w[0].x0 - pitch, x1: w[0].x1 - pitch },
        ...w,
      ];
    }
  }
  return undefined;
}

/**
 * Where `word` (4 to 6 digits) repeats the start of `number` as read: at 0 when it is the number's
 * first four to six, one digit misread (the repeat and the number are both read from small or
 * embossed print); at 1 or 2, digit for digit, when the repeat's first glyph was lost to blur (Mir's
 * "220220" read "20220") or the number was read with a stray mark before it (a card's edge read as
 * "5"). A shifted match allows no misread: an expiry under the number ("12/23" read "12723") can
 * pass for a few of the number's digits with one wrong. Undefined: no match.
 */
export function prefixMatch(word: string, number: string): number | undefined {
  if (word.length < 4 || word.length > 6) return undefined;
  for (let from = 0; from <= 2 && from + word.length <= number.length; from++) {
    let same = 0;
    for (let i = 0; i < word.length; i++) if (word[i] === number[from + i]) same++;
    if (same >= word.length - (from === 0 ? 1 : 0)) return from;
  }
  return undefined;
}

const isDigit = (g: ReadGlyph) => g.char >= '0' && g.char <= '9';

/**
 * The runs of digits in a word: print beside the repeat can be read glued to it ("4557" and a
 * "MONTH/YEAR" label read "4557myom"), and the digits are still a word of their own.
 */
function digitRuns(word: readonly ReadGlyph[]): ReadGlyph[][] {
  const runs: ReadGlyph[][] = [];
  let run: ReadGlyph[] = [];
  for (const g of word) {
    if (isDigit(g)) run.push(g);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Whether the digits of `read` appear in `digits` in the same order (a blurred repeat read in part). */
function inOrderWithin(read: readonly ReadGlyph[], digits: string): boolean {
  let k = 0;
  for (const g of read) {
    k = digits.indexOf(g.char, k) + 1;
    if (k === 0) return false;
  }
  return true;
}

/** A matched word that is the number's start digit for digit (no misread, not shifted). */
const exactly = (word: readonly ReadGlyph[], number: string) =>
  word.every((g) => g.confidence > 0) && word.map((g) => g.char).join('') === number.slice(0, word.length);

/**
 * Digits that may be a printed date with its separator lost: MMYY or MMYYYY, the month 01 to 12 (the
 * expiry and "valid from" dates, which cards print as MM/YY).
 */
export function readsAsDate(word: readonly ReadGlyph[]): boolean {
  if (word.length !== 4 && word.length !== 6) return false;
  const month = Number(word[0].char + word[1].char);
  return month >= 1 && month <= 12;
}

/**
 * Digits led by the number's own first two, in order, that read as no date (`readsAsDate`): the
 * repeat with a glyph lost or merged in the blur of 5 px print ("2452" read "249"), not other print.
 * An expiry cannot start so: its month is 01 to 12, and payment card numbers start with 2 to 6 (the
 * major industry identifier of ISO/IEC 7812-1).
 */
const ledByPrefix = (digits: readonly ReadGlyph[], prefix: string) =>
  digits.length >= 2 && digits[0].char === prefix[0] && digits[1].char === prefix[1] && !readsAsDate(digits);

/** A glyph read surely enough to say what is printed (`REPEAT_BAND.plainConfidence`). */
const plainGlyph = (g: ReadGlyph) => g.confidence >= REPEAT_BAND.plainConfidence;

/** Three digits or more read with a mean confidence of `REPEAT_BAND.plainConfidence`. */
const plainlyRead = (digits: readonly ReadGlyph[]) =>
  digits.length >= 3 &&
  digits.reduce((s, g) => s + g.confidence, 0) / digits.length >= REPEAT_BAND.plainConfidence;

/**
 * Three of the first four in order (one lost to blur: at 5 px a 9 and an 8 are a smudge) on a line
 * no longer than a 4-glyph word: the line is the repeat, read short.
 */
function shortPrefixRead(glyphs: readonly ReadGlyph[], prefix: string): boolean {
  const digits = glyphs.filter(isDigit).map((g) => g.char);
  if (digits.length < 3 || digits.length > 4 || glyphs.length > 5) return false;
  let k = 0;
  for (const c of prefix.slice(0, 4)) if (k < digits.length && digits[k] === c) k++;
  return k >= 3;
}

/**
 * The detector's lines where the repeat is printed: under the number's first group (within
 * `REPEAT_BAND` of the number's glyph heights), smaller than the number and no longer than a few
 * words; nearest the number first, each with its place along the number (`u`, source pixels).
 */
export function repeatBandLines(
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
): { l: TextLine; u: number; down: number }[] {
  return bandLines(number, lines, REPEAT_BAND.below);
}

/**
 * Short lines above the number's first group (`REPEAT_BAND.above`, glyph heights), nearest first:
 * some issuers print the repeat there (a worn Citibank Mastercard). Only a plain match counts there.
 */
function aboveBandLines(
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
): { l: TextLine; u: number; down: number }[] {
  const [near, far] = REPEAT_BAND.above;
  return bandLines(number, lines, [-far, -near]).reverse();
}

function bandLines(
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
  [from, to]: readonly [number, number],
): { l: TextLine; u: number; down: number }[] {
  const gh = number.glyphHeight;
  const { place } = readingFrame(number.finding);
  return lines
    .map((l) => ({ l, ...place(l.centre) }))
    .filter(
      ({ l, u, down }) =>
        down >= from * gh &&
        down <= to * gh &&
        u >= -REPEAT_BAND.before * gh &&
        u <= REPEAT_BAND.after * gh &&
        l.glyphHeight <= 0.8 * gh &&
        l.length <= 8 * gh,
    )
    .sort((a, b) => a.down - b.down);
}

/**
 * The repeat of the first four from the learned detector's lines: a short line just under the
 * number's first group (within `REPEAT_BAND` glyph heights), read by the recognizer in the number's
 * frame, holding a 4-digit word that matches the first four (one misread allowed).
 */
export async function detectRepeatedPrefixLearned(
  gray: GrayImage,
  learned: OcrEngine,
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
  signal?: AbortSignal,
  /**
   * Told, when no repeat is found, how many of the detector's lines where the repeat is printed (in
   * the band, starting under the number's first digit) read plainly as other print.
   */
  onBand?: (lines: number) => void,
  /** Told each line read and the digits taken from it as the repeat (`lastfour redact --trace`). */
  trace?: DetectTrace,
): Promise<Finding | undefined> {
  const { finding, glyphHeight: gh } = number;
  if (!repeatable(finding)) return undefined;
  const { angle } = readingFrame(finding);
  const prefix = finding.text;
  // The number's first four as read are in doubt: one is unread, or the number as read is no card
  // number by the card rules (its IIN, length or Luhn check fails), so a digit of it was misread
  // (embossed "2202 2001" read "2212 2001"), and nothing says the first four were not.
  const firstFourInDoubt = prefix.slice(0, 4).includes('?') || !wholeCardNumber(prefix);
  const near = repeatBandLines(number, lines);
  // The repeat starts under the number's first digit: lines of the band further along (an expiry's
  // "VALID THRU" label) say nothing of whether the detector saw it. `u` is a line's centre along
  // the number from its first digit, in source pixels.
  const startsUnderFirstDigit = ({ l, u }: { l: TextLine; u: number }) =>
    Math.abs(u - l.length / 2) <= REPEAT_BAND.unreadStart * gh;
  // ...and lie where the repeat is printed: a line seen further down (a name, "MEMBER SINCE 2013")
  // leaves room above it for a repeat the detector missed (faint print on a silver card). `down` runs
  // from the number's centre line; its glyphs reach half a glyph height below it.
  const inRepeatPlace = ({ l, down }: { l: TextLine; down: number }) =>
    (Math.abs(down) - l.glyphHeight / 2) / gh - 0.5 <= REPEAT_BAND.seenLineGap;
  // Lines where the repeat is printed, under the first digit, read plainly as other print (onBand).
  let otherPrint = 0;
  const above = aboveBandLines(number, lines);
  // The IIN's fifth and sixth digits printed apart after the repeat join it (iinTail).
  const withIinTail = async (repeat: Finding, band: (typeof near)[number]) => {
    const tail = await iinTail(gray, learned, number, band, [...near, ...above], signal);
    return tail ? withTail(repeat, tail) : repeat;
  };
  let fallback: { repeat: Finding; band: (typeof near)[number] } | undefined;
  for (const band of [...near, ...above]) {
    const { l, down } = band;
    throwIfAborted(signal);
    // Print of 5 px is enlarged to the recognizer's size (cropLine stops at 4x by default). The
    // detector's box of print this small can fall short of the word by a glyph or sit a glyph off:
    // the crop reaches a glyph and a half past each end of it.
    const crop = cropTextLine(gray, l, angle, REPEAT_BAND.cropMargin, 8);
    const page = await learned.recognize(crop.image, { psm: 7 });
    const glyphs = readingFromPage(crop, page.lines).glyphs;
    const readWords = wordsOf(glyphs);
    const match = prefixWord(readWords, prefix);
    const traced = traceCropRead(trace, 'repeat', crop, glyphs.map((g) => g.char).join(''));
    // A reading in doubt there ("SH#" at 0.6 for a 5 px repeat on a photo turned 163 degrees) says
    // nothing of what is printed: only one read plainly is other print.
    const plain =
      glyphs.length > 0 &&
      glyphs.reduce((sum, g) => sum + g.confidence, 0) / glyphs.length >= REPEAT_BAND.plainConfidence;
    if (!match && plain && startsUnderFirstDigit(band) && inRepeatPlace(band)) otherPrint++;
    const wordOnly = l.length <= REPEAT_BAND.maxWordLength * l.glyphHeight;
    // The detector's box of print this small and blurred can cover half the word (two of a repeat's
    // four glyphs, seed 13's hx-052, read "01" under "6011"): such a line is measured by its print's
    // inked columns along the crop, when two digits or more are read in it and they are digits of the
    // first four in order. A blurred expiry ("88/88" read "99" under "4514") is not, nor a line read as
    // nothing or a mark (only the detector's box speaks for those).
    // The line's inked extent along the crop, worked out once and only where it is asked for.
    let lineInk: [number, number] | undefined;
    const inkOfLine = () => (lineInk ??= wordExtent(crop, lineSpan(crop, l), l.glyphHeight * crop.scale));
    const minLength = REPEAT_BAND.minWordLength * l.glyphHeight;
    const readDigits = glyphs.filter(isDigit);
    const longEnough =
      l.length >= minLength ||
      (readDigits.length >= 2 &&
        inOrderWithin(readDigits, prefix.slice(0, 4)) &&
        (inkOfLine()[1] - inkOfLine()[0]) / crop.scale >= minLength);
    // Print too blurred to read, shaped like a 4-glyph word and starting under the first digit, with
    // nothing but a few digits read in it: the repeat's place on many cards. Hidden, since a missed digit leaks.
    const unread =
      !match &&
      wordOnly &&
      longEnough &&
      startsUnderFirstDigit(band) &&
      // Four digits at most and no word read: letters read plainly, or a date's or a label's '/', ':',
      // '.' or '-', make it a word, a date, a label. A lone mark ('#', '*') is what a blur of small
      // digits reads as (a 5 px repeat on a photo turned 40 degrees read "#"), and so is a letter read
      // in doubt (the same repeat turned 200 degrees read "G" at 0.19, "H#" at 0.37 and 0.27).
      !glyphs.some((g) => /[/:.-]/.test(g.char) || (/\p{L}/u.test(g.char) && plainGlyph(g))) &&
      readDigits.length <= 4 &&
      // Digits read plainly that are not the first four are other print (an expiry whose '/' was
      // lost: "08/20" read "0820"), not a repeat too blurred to read, unless the number's first two
      // lead them.
      (!plainlyRead(readDigits) || ledByPrefix(readDigits, prefix));
    // Where the number's first four are in doubt (a digit unread, or the number misread in embossed
    // relief), four to six digits read plainly in the repeat's place (a word under the number's first
    // digit, nothing else on the line; Mir prints six) are the repeat, whatever else the reading says
    // they are: a CMB card's "6225" under a first group read "19?2", a Mir card's "20220" under a
    // number read "2212 2001...". A word that reads as a date (an expiry whose slash was lost: "0215") is
    // left, since verifiers ask to see the expiry. Where the number was read whole by the card rules,
    // plain digits that differ are other print (a sort code's branch), as before.
    const vouched =
      !match &&
      firstFourInDoubt &&
      readWords.length === 1 &&
      !readsAsDate(readWords[0]) &&
      wordOnly &&
      down > 0 &&
      startsUnderFirstDigit(band) &&
      readWords[0].length >= 4 &&
      readWords[0].length <= 6 &&
      readWords[0].every(isDigit) &&
      plainlyRead(readWords[0]);
    const placed = vouched ? readWords[0] : match;
    // A line no longer than a 4-glyph word read as three of the first four in order is the repeat
    // read short (at 5 px a 9 and an 8 are a smudge).
    if (!placed && !unread && !(wordOnly && shortPrefixRead(glyphs, prefix))) continue;
    // Above the number, where the bank's name and the chip are, only the first digits read plainly.
    if (down < 0 && (!match || !exactly(match, prefix))) continue;
    const measured = placed
      ? wordExtent(crop, [placed[0].x0, placed[placed.length - 1].x1], l.glyphHeight * crop.scale)
      : inkOfLine();
    // Four glyphs not placed one by one: the mask reaches four of them from the start at least, at
    // the pitch of the digits read where two or more were (the detector's height of small print in
    // glare can fall short of it), and a glyph more (the recognizer's boxes of print this small sit
    // closer than the glyphs stand: a repeat in glare kept its last digit uncovered).
    const n = readDigits.length;
    const advance =
      n >= 2
        ? (readDigits[n - 1].x0 + readDigits[n - 1].x1 - readDigits[0].x0 - readDigits[0].x1) / 2 / (n - 1)
        : 0;
    const least = Math.max(REPEAT_BAND.minMaskLength * l.glyphHeight * crop.scale, 5 * advance);
    const span: [number, number] = placed
      ? measured
      : [measured[0], Math.max(measured[1], measured[0] + least)];
    const chars = placed ? placed.map((g) => g.char) : [...prefix.slice(0, 4)];
    const slots = maskSlots(crop, l, span, chars, placed?.map((g) => g.confidence) ?? [], 0.5);
    const repeat = repeatFinding(slots, crop, placed ? undefined : unread ? 'unread' : 'short');
    if (traced) traced.run = placed ? placed.map((g) => g.char).join('') : '????';
    if (placed) return withIinTail(repeat, band);
    // A blur (or a short reading) in the repeat's place is masked only when no line of the band reads
    // as the first four: the nearest line can be a piece of the number's own print that the detector
    // boxed on its own (a card turned 63 degrees: the foot of its first digit, just under the number,
    // taken for an unread repeat while the repeat itself, read plainly, lay further down).
    fallback ??= { repeat, band };
  }
  onBand?.(otherPrint);
  return fallback && withIinTail(fallback.repeat, fallback.band);
}

/** A line's extent along its level crop, crop pixels. */
const lineSpan = (crop: LineCrop, l: TextLine): [number, number] => [
  (crop.image.width - l.length * crop.scale) / 2,
  (crop.image.width + l.length * crop.scale) / 2,
];

/**
 * One slot per char across `span` (crop pixels) of small print on line `l`: print this small blurs
 * over its box, so the slots take in a quarter glyph more all round.
 */
function maskSlots(
  crop: LineCrop,
  l: TextLine,
  span: readonly [number, number],
  chars: readonly string[],
  confidences: readonly number[],
  unreadConfidence: number,
): ReadGlyph[] {
  const m = 0.25 * l.glyphHeight * crop.scale;
  const x0 = span[0] - m;
  const w = (span[1] + m - x0) / chars.length;
  const y0 = (crop.image.height - l.glyphHeight * crop.scale) / 2 - m;
  const y1 = crop.image.height - y0;
  return chars.map((char, i) => ({
    char,
    confidence: confidences[i] ?? unreadConfidence,
    x0: x0 + i * w,
    x1: x0 + (i + 1) * w,
    y0,
    y1,
  }));
}

/**
 * The rest of a repeat printed in the number's own grouping: some issuers print the first six (the
 * IIN) as "5401  88", the two over the start of the number's second group (a worn Citibank
 * Mastercard). A short line in the repeat's band (`REPEAT_BAND.tail`), after the repeat and over the
 * number's fifth to eighth glyphs, read as digits and nothing else, is the repeat's tail: masked with
 * it, since the fifth and sixth digits are the number's as much as the first four.
 */
async function iinTail(
  gray: GrayImage,
  learned: OcrEngine,
  number: { finding: Finding; glyphHeight: number },
  repeat: { l: TextLine; u: number; down: number },
  band: readonly { l: TextLine; u: number; down: number }[],
  signal?: AbortSignal,
): Promise<{ slots: ReadGlyph[]; crop: LineCrop } | undefined> {
  const { finding } = number;
  if (finding.glyphs.length < 12) return undefined;
  const { angle, place } = readingFrame(finding);
  const T = REPEAT_BAND.tail;
  const at = (i: number) => place(centre(finding.glyphs[i])).u;
  const pitch = (at(7) - at(4)) / 3;
  const [from, to] = [at(4) - pitch / 2, at(7) + pitch / 2];
  const gh = repeat.l.glyphHeight;
  const repeatEnd = repeat.u + repeat.l.length / 2;
  for (const o of band) {
    const { l } = o;
    const [start, end] = [o.u - l.length / 2, o.u + l.length / 2];
    if (
      l === repeat.l ||
      Math.abs(o.down - repeat.down) > T.across * gh ||
      l.glyphHeight < T.height[0] * gh ||
      l.glyphHeight > T.height[1] * gh ||
      l.length > T.maxGlyphs * l.glyphHeight ||
      start < repeatEnd ||
      end < from ||
      start > to
    )
      continue;
    throwIfAborted(signal);
    const crop = cropTextLine(gray, l, angle, REPEAT_BAND.cropMargin, 8);
    const page = await learned.recognize(crop.image, { psm: 7 });
    const glyphs = readingFromPage(crop, page.lines).glyphs.filter((g) => g.char !== ' ');
    const digits = glyphs.filter(isDigit);
    if (!digits.length || digits.length > T.maxGlyphs || glyphs.some((g) => !/[\d?]/.test(g.char))) continue;
    const span = wordExtent(crop, [digits[0].x0, digits[digits.length - 1].x1], l.glyphHeight * crop.scale);
    const slots = maskSlots(
      crop,
      l,
      span,
      digits.map((g) => g.char),
      digits.map((g) => g.confidence),
      0.5,
    );
    return { slots, crop };
  }
  return undefined;
}

function withTail(repeat: Finding, tail: { slots: ReadGlyph[]; crop: LineCrop }): Finding {
  return {
    ...repeat,
    text: repeat.text + tail.slots.map((g) => g.char).join(''),
    glyphs: [...repeat.glyphs, ...tail.slots.map((g) => cropQuad(tail.crop, g.x0, g.y0, g.x1, g.y1))],
    notes: [...(repeat.notes ?? []), 'with the rest of the IIN, printed apart over the second group'],
  };
}
