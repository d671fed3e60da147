// The security code from the learned detector's lines: on a back, the signature panel (the last four
// then the code) or a code box beside it is a line of its own above the number. Each line in that band
// is read by the recognizer in the number's own frame (so a turned card reads the right way round).
import { learnedLineOcr } from '../learned/line-reader';
import type { TextModels } from '../learned/models';
import type { OcrEngine } from '../ocr/types';
import type { TextLine } from '../learned/text-lines';
import { printedOnOneLine, readingFrame } from '../reading-frame';
import type { Finding, GrayImage, Point } from '../types';
import { throwIfAborted } from './abort';
import { CODE_BAND } from './thresholds';
import { traceCropRead, type DetectTrace } from './trace';
import { cropQuad, cropTextLine, readCrop, wordsOf, type LineCrop, type ReadGlyph } from './read-line';

export { CODE_BAND };

/** A word read as digits and nothing else. */
export const isDigits = (w: readonly ReadGlyph[]) =>
  w.length > 0 && w.every((g) => g.char >= '0' && g.char <= '9');
const hasLetters = (w: readonly ReadGlyph[]) => w.filter((g) => /\p{L}/u.test(g.char)).length >= 2;

/** Digits of `w` equal to `four`, position by position. */
const agree = (w: readonly ReadGlyph[], four: string) => w.filter((g, i) => g.char === four[i]).length;

/**
 * The code on one line's words: `codeAfterLastFour`, else `loneCode`. A phone number ("0800 711
 * 778") or a line of words never gives a code: its 4-digit group is not the last four, and the line
 * holds more than the code.
 */
export function codeOnLine(
  words: readonly ReadGlyph[][],
  lastFour: string,
  loneLengths: readonly number[] = [3],
): ReadGlyph[] | undefined {
  return codeAfterLastFour(words, lastFour) ?? loneCode(words, loneLengths);
}

/**
 * The code a signature panel prints after the number's last four: the panel's last four (one misread
 * allowed) followed by a 3- or 4-digit word or glued to it (marks read between or before them aside).
 */
export function codeAfterLastFour(words: readonly ReadGlyph[][], lastFour: string): ReadGlyph[] | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isDigits(w) && (w.length === 7 || w.length === 8) && agree(w.slice(0, 4), lastFour) >= 3)
      return w.slice(4);
    // Handwriting-like italic on a patterned panel reads with marks in and before it ("84.935-458"
    // for "4935 458"): the word's digits end with the last four and then the code.
    const digits = w.filter((g) => g.char >= '0' && g.char <= '9');
    if (!isDigits(w) && !hasLetters(w) && digits.length >= 7)
      for (const n of [3, 4]) if (agree(digits.slice(-4 - n, -n), lastFour) >= 3) return digits.slice(-n);
    if (isDigits(w) && w.length === 4 && agree(w, lastFour) >= 3) {
      // The code after it, in one word or split by a space the recognizer put inside it ("67 7").
      const code: ReadGlyph[] = [];
      for (let k = i + 1; k < words.length && isDigits(words[k]) && code.length + words[k].length <= 4; k++)
        code.push(...words[k]);
      if (code.length === 3 || code.length === 4) return code;
    }
  }
  return undefined;
}

/**
 * On a line that holds nothing but one word of one of `loneLengths` digits (a code box; an Amex
 * front's 4-digit CID, or the 3-digit code on its back's panel), that word.
 */
function loneCode(words: readonly ReadGlyph[][], loneLengths: readonly number[]): ReadGlyph[] | undefined {
  const digitWords = words.filter(isDigits);
  if (words.some(hasLetters) || digitWords.length !== 1) return undefined;
  return loneLengths.includes(digitWords[0].length) ? digitWords[0] : undefined;
}

/**
 * Codes read after their number's last four on a signature panel: that number is printed on a card's
 * back. Kept beside the findings rather than in them: the finding's notes and fields are what users
 * and the CLI's masks.json see, and this is a fact for the engine's next stage only.
 */
const afterLastFour = new WeakSet<Finding>();

/** `code`, recorded as read after its number's last four on a signature panel (`readAfterLastFour`). */
export function markedAfterLastFour(code: Finding): Finding {
  afterLastFour.add(code);
  return code;
}

/**
 * Whether `code` was read after its number's last four on a signature panel ("7189 820"): the
 * number is a back's, where no small repeat of the first four is printed (a front prints it under the
 * number's first group).
 */
export const readAfterLastFour = (code: Finding): boolean => afterLastFour.has(code);

export interface CodeSearch {
  signal?: AbortSignal;
  debug?: (message: string) => void;
  /** Told how many of the detector's lines lie in the panel band, whatever their shape. */
  onBand?: (lines: number) => void;
  /** The line reader: the learned recognizer on the models (tests give a stand-in). */
  reader?: OcrEngine;
  /**
   * Whether a point (source pixels) lies on the number's card, where its outline is known: a line
   * read as a lone code elsewhere is other print (a receipt's price beside the card), no code.
   */
  onCard?: (p: Point) => boolean;
  /**
   * The other reader (Tesseract): a line under the number's end read as a lone code is read by it
   * too, and one it reads as a date ("09/15", the expiry with its slash) is the expiry.
   */
  other?: OcrEngine;
  /** Told each line read and the code taken from it (`lastfour redact --trace`). */
  trace?: DetectTrace;
}

/** A code's digits as one string, for the trace. */
const charsOf = (code: readonly ReadGlyph[]) => code.map((g) => g.char).join('');

/**
 * The security code near a card number, from the detector's `lines` (source pixels). Undefined when
 * no line in the panel band holds one, and for a number printed over several lines (a vertical
 * card's stacked groups, `printedOnOneLine`): the bands lie along the number's line, and such a
 * number's reading frame runs along the stack's diagonal (a receipt's "4.95" beside a vertical card
 * was read as its code). Only a code printed with its label is looked for there (labelled-code.ts).
 */
export async function detectSecurityCodeLearned(
  gray: GrayImage,
  models: TextModels,
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
  search: CodeSearch = {},
): Promise<Finding | undefined> {
  const { signal, debug, onBand, trace, reader = learnedLineOcr(models), onCard = () => true } = search;
  const { finding, glyphHeight: gh } = number;
  if (!printedOnOneLine(finding)) return undefined;
  const { angle, length: len, place } = readingFrame(finding);
  const B = CODE_BAND;
  // Lines in the band above the number...
  const inBand = lines
    .map((l) => {
      const { u, down } = place(l.centre);
      return { l, u, up: -down };
    })
    .filter(
      ({ l, u, up }) =>
        up >= B.above[0] * gh &&
        up <= B.above[1] * gh &&
        // Any part of the line within the band along the number.
        u + l.length / 2 >= -B.before * gh &&
        u - l.length / 2 <= len + B.after * gh &&
        Math.abs(Math.sin(l.angle - angle)) < 0.2,
    );
  // ...shaped like a panel's "1234 567" or a code box: short, not a bank's name or a line of terms.
  const band = inBand
    .filter(
      ({ l }) =>
        l.glyphHeight >= B.glyphHeight[0] * gh &&
        l.glyphHeight <= B.glyphHeight[1] * gh &&
        l.length <= len + 4 * gh &&
        l.length <= B.maxGlyphHeights * l.glyphHeight,
    )
    .sort((a, b) => a.up - b.up)
    .slice(0, B.maxLines);
  const lastFour = finding.text.slice(-4);
  onBand?.(inBand.length);
  const lone: { l: TextLine; crop: LineCrop }[] = [];
  for (const { l } of band) {
    throwIfAborted(signal);
    const crop = cropTextLine(gray, l, angle);
    const reading = await readCrop(reader, crop);
    debug?.(`panel (learned) "${reading.text}"`);
    const traced = traceCropRead(trace, 'code', crop, reading.text);
    // American Express prints a 4-digit code (CID) on the front, above the number, and a 3-digit one
    // on the back's signature panel.
    const words = wordsOf(reading.glyphs);
    // A line off the card gives no lone code (a receipt's "4.95" read as 495).
    const loneLengths = !onCard(l.centre) ? [] : /^3[47]/.test(finding.text) ? [3, 4] : [3];
    const afterFour = codeAfterLastFour(words, lastFour);
    const code = afterFour ?? loneCode(words, loneLengths);
    if (traced && code) traced.run = charsOf(code);
    if (code) {
      const found = panelCodeFinding(code, crop, 'security code on the signature panel');
      return afterFour ? markedAfterLastFour(found) : found;
    }
    if (words.length === 1 && isDigits(words[0]) && agree(words[0], lastFour) >= 3) lone.push({ l, crop });
  }
  // The panel's last four read alone: the code after it was split off or missed by the detector.
  for (const { l, crop } of lone) {
    const code = await codeReachingOn(gray, reader, l, crop, lastFour, signal, debug, trace);
    if (code) return code;
  }
  return codeBelowNumberEnd(gray, number, lines, { ...search, reader, onCard });
}

/** A date as a card's expiry prints it, MM/YY (ISO/IEC 7813), as read: digits either side of a slash. */
const EXPIRY_DATE = /\d\s?\/\s?\d/;

/**
 * The code on a back that prints the whole number above the signature panel (a Citibank back): a
 * word-sized line below the number, under its last glyph (`CODE_BAND.belowEnd`), read as a lone
 * 3-digit code or the last four and the code. A front's print there (the network's logo, an expiry)
 * reads as words or dates, not as a lone code. Not four digits alone, on an Amex either: American
 * Express prints its 4-digit CID on the front above the number, and below its end there the expiry
 * ("04/30" read without its slash).
 */
async function codeBelowNumberEnd(
  gray: GrayImage,
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
  {
    reader,
    onCard,
    other,
    signal,
    debug,
    trace,
  }: CodeSearch & Required<Pick<CodeSearch, 'reader' | 'onCard'>>,
): Promise<Finding | undefined> {
  const { finding, glyphHeight: gh } = number;
  const { angle, length: len, place } = readingFrame(finding);
  const E = CODE_BAND.belowEnd;
  const candidates = lines
    .map((l) => ({ l, ...place(l.centre) }))
    .filter(
      ({ l, u, down }) =>
        down >= E.down[0] * gh &&
        down <= E.down[1] * gh &&
        Math.abs(u - len) <= E.along * gh &&
        l.glyphHeight >= E.glyphHeight[0] * gh &&
        l.glyphHeight <= E.glyphHeight[1] * gh &&
        l.length <= E.maxGlyphHeights * l.glyphHeight &&
        Math.abs(Math.sin(l.angle - angle)) < 0.2,
    )
    .sort((a, b) => a.down - b.down)
    .slice(0, E.maxLines);
  const lastFour = finding.text.slice(-4);
  for (const { l } of candidates) {
    throwIfAborted(signal);
    const crop = cropTextLine(gray, l, angle);
    const reading = await readCrop(reader, crop);
    debug?.(`below the number's end (learned) "${reading.text}"`);
    const traced = traceCropRead(trace, 'code', crop, reading.text);
    const words = wordsOf(reading.glyphs);
    // The last four and the code; else, on the card, a lone code, unless the other reader reads the
    // line as a date: the expiry, printed there on a front, read without its slash ("09/15" as 015).
    const afterFour = codeAfterLastFour(words, lastFour);
    let code = afterFour;
    if (!code && onCard(l.centre)) {
      code = loneCode(words, [3]);
      if (code && other) {
        const again = await readCrop(other, crop);
        debug?.(`  read again by the other reader: "${again.text}"`);
        if (EXPIRY_DATE.test(again.text)) code = undefined;
      }
    }
    if (traced && code) traced.run = charsOf(code);
    if (code) {
      const found = panelCodeFinding(code, crop, 'security code on the signature panel, below the number');
      return afterFour ? markedAfterLastFour(found) : found;
    }
  }
  return undefined;
}

/**
 * A lone last four on a panel read again `CODE_BAND.panelCodeReach` glyph heights further along its
 * reading direction (`crop.angle`): on the panel the code follows the last four in the same line,
 * and faint or small it may be missed by the detector or split off as a line of its own.
 */
async function codeReachingOn(
  gray: GrayImage,
  reader: OcrEngine,
  l: TextLine,
  crop: LineCrop,
  lastFour: string,
  signal?: AbortSignal,
  debug?: (message: string) => void,
  trace?: DetectTrace,
): Promise<Finding | undefined> {
  throwIfAborted(signal);
  const reach = CODE_BAND.panelCodeReach * l.glyphHeight;
  const centre = {
    x: l.centre.x + (reach / 2) * Math.cos(crop.angle),
    y: l.centre.y + (reach / 2) * Math.sin(crop.angle),
  };
  const longer = cropTextLine(gray, { ...l, centre, length: l.length + reach }, crop.angle);
  const reading = await readCrop(reader, longer);
  const words = wordsOf(reading.glyphs);
  debug?.(`panel line reaching on: "${reading.text}"`);
  const traced = traceCropRead(trace, 'code', longer, reading.text);
  if (words.length < 2) return undefined;
  const code = codeAfterLastFour(words, lastFour);
  if (traced && code) traced.run = charsOf(code);
  return code
    ? markedAfterLastFour(panelCodeFinding(code, longer, 'security code on the signature panel'))
    : undefined;
}

/**
 * The security code on a back that prints no full number (many do: the panel shows only the last
 * four): among the short lines of the page, the panel's "1234 567" (never "1234 5678": see below),
 * or a lone 3-digit code box next to the panel (a lone 4-digit line, the last four, or the AUTHORIZED
 * SIGNATURE strip within a few glyph heights). Each line is read both ways round; the reading with
 * more confident characters wins.
 */
export async function detectPanelCode(
  gray: GrayImage,
  models: TextModels,
  lines: readonly TextLine[],
  signal?: AbortSignal,
  debug?: (message: string) => void,
  /** The learned line reader (the models' own unless a test gives one). */
  reader: OcrEngine = learnedLineOcr(models),
  /** Told each short line's reading and the code taken from it (`lastfour redact --trace`). */
  trace?: DetectTrace,
): Promise<Finding | undefined> {
  const short = lines
    .filter((l) => l.length <= 12 * l.glyphHeight)
    .sort((a, b) => b.glyphHeight - a.glyphHeight)
    .slice(0, CODE_BAND.panelMaxLines);
  type Read = {
    l: TextLine;
    words: ReadGlyph[][];
    crop: LineCrop;
    text: string;
    traced?: ReturnType<typeof traceCropRead>;
  };
  const reads: Read[] = [];
  for (const l of short) {
    let best: Read | undefined;
    let bestScore = -1;
    for (const flip of [0, 1]) {
      throwIfAborted(signal);
      const crop = cropTextLine(gray, l, l.angle + flip * Math.PI);
      const reading = await readCrop(reader, crop);
      const score = reading.glyphs.filter((g) => g.char !== ' ').reduce((s, g) => s + g.confidence, 0);
      if (score > bestScore) {
        bestScore = score;
        best = { l, words: wordsOf(reading.glyphs), crop, text: reading.text };
      }
    }
    if (best) reads.push({ ...best, traced: traceCropRead(trace, 'code', best.crop, best.text) });
  }
  debug?.(`panel lines (learned): ${reads.map((r) => `"${r.text}"`).join(' ')}`);
  const near = (a: TextLine, b: TextLine) =>
    Math.hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) <
    (a.length + b.length) / 2 + 6 * Math.max(a.glyphHeight, b.glyphHeight);
  const only = (r: Read, n: number) =>
    r.words.length === 1 && isDigits(r.words[0]) && r.words[0].length === n;
  const signature = (r: Read) => /SIGNAT|AUTHORI/i.test(r.text);
  // The panel's own label ("signature", printed small at its far end) is on the panel, however far
  // along it: a line along the box, within a few glyph heights across it and a card's width along.
  const samePanel = (a: TextLine, b: TextLine) => {
    const gh = Math.max(a.glyphHeight, b.glyphHeight);
    const dx = b.centre.x - a.centre.x;
    const dy = b.centre.y - a.centre.y;
    const along = Math.abs(dx * Math.cos(a.angle) + dy * Math.sin(a.angle));
    const across = Math.abs(-dx * Math.sin(a.angle) + dy * Math.cos(a.angle));
    return across <= CODE_BAND.panelAcross * gh && along <= CODE_BAND.panelAlong * gh;
  };
  // The strip under the panel ("AUTHORIZED SIGNATURE - NOT VALID UNLESS SIGNED") is too long to be
  // among the short lines read: beside a lone 3-digit box, the nearest long lines are read for it.
  const signatureStripNear = async (box: TextLine, angle: number): Promise<boolean> => {
    const long = lines
      .filter((l) => !short.includes(l) && near(l, box))
      .sort(
        (a, b) =>
          Math.hypot(a.centre.x - box.centre.x, a.centre.y - box.centre.y) -
          Math.hypot(b.centre.x - box.centre.x, b.centre.y - box.centre.y),
      )
      .slice(0, CODE_BAND.signatureStripLines);
    for (const l of long) {
      throwIfAborted(signal);
      const reading = await readCrop(reader, cropTextLine(gray, l, angle));
      debug?.(`signature strip? "${reading.text}"`);
      if (/SIGNAT|AUTHORI/i.test(reading.text)) return true;
    }
    return false;
  };
  for (const r of reads) {
    let code: ReadGlyph[] | undefined;
    const digitWords = r.words.filter(isDigits);
    // The panel prints the last four and a 3-digit code (Visa's CVV2, Mastercard's CVC2, Discover's
    // CID; American Express prints its 4-digit CID on the front): two groups of four on a short line
    // are two of a number's groups (a dim front whose number the detector boxed in part).
    if (!r.words.some(hasLetters) && digitWords.length === 2 && digitWords[0].length === 4) {
      if (digitWords[1].length === 3) code = digitWords[1];
    } else if (r.words.length === 1 && isDigits(r.words[0]) && r.words[0].length === 7) {
      // "1234 567" with the space between the last four and the code lost in the reading.
      code = r.words[0].slice(4);
    } else if (
      only(r, 3) &&
      (reads.some(
        (o) => o !== r && ((near(o.l, r.l) && only(o, 4)) || (samePanel(r.l, o.l) && signature(o))),
      ) ||
        (await signatureStripNear(r.l, r.crop.angle)))
    ) {
      code = r.words[0];
    }
    if (r.traced && code) r.traced.run = charsOf(code);
    if (code) return panelCodeFinding(code, r.crop);
  }
  // A lone last four with nothing after it: the code follows it on the panel.
  for (const r of reads.filter((o) => only(o, 4))) {
    const code = await codeReachingOn(
      gray,
      reader,
      r.l,
      r.crop,
      r.words[0].map((g) => g.char).join(''),
      signal,
      debug,
      trace,
    );
    if (code) return code;
  }
  return undefined;
}

/** A security-code finding for `code`'s glyphs, read on `crop`. */
export function panelCodeFinding(
  code: readonly ReadGlyph[],
  crop: LineCrop,
  note = 'security code beside the signature panel',
): Finding {
  return {
    id: 'security-code-1',
    kind: 'security-code',
    text: code.map((g) => g.char).join(''),
    glyphs: code.map((g) => cropQuad(crop, g.x0, g.y0, g.x1, g.y1)),
    confidence: code.reduce((s, g) => s + g.confidence, 0) / code.length,
    keepable: false,
    enabledByDefault: true,
    notes: [note],
  };
}
