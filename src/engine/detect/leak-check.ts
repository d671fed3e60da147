// The check after export, by a second pair of eyes: the exported pixels are read again by the reader
// that did not produce the findings (Tesseract when the learned recognizer read the numbers, the
// learned recognizer when Tesseract did; each finding records its reader), so a number both the
// detector and its own re-read missed for the same reason is not waved through. It looks for what a
// card number looks like in print, groups of four (or Amex's 4-6-5) at one glyph pitch, not only for
// long runs of digits.
import { MIRRORED_NOTE } from './mirrored-relief';
import { scaleGray } from '../image/transform';
import { toGray } from '../image/gray';
import { forgetRecentReads, learnedLineOcr } from '../learned/line-reader';
import type { TextModels } from '../learned/models';
import { detectTextLines } from '../learned/text-lines';
import type { OcrEngine } from '../ocr/types';
import { readingFrame } from '../reading-frame';
import type { Finding, GrayImage, Mask, Point, Quad, RgbaImage } from '../types';
import { throwIfAborted } from './abort';
import { brandOf, wholeCardNumber } from './brands';
import { glyphPitch, splitGroups } from './group-digits';
import { locateLines } from './locate-lines';
import { numberRun, type Slot } from './number-run';
import { printedAsPhoneNumber, readsAsPhoneLine } from './upright-words';
import { cropLine, cropQuad, readCrop, type LineCrop } from './read-line';

export type Reader = 'learned' | 'tesseract';

/** A number still readable in an export. */
export interface Leak {
  /** The digits as read, all but the last four shown as '•' (the check never repeats a number). */
  label: string;
  /** Digits read in card-number layout. */
  digits: number;
  /** Where it is: the run's corners in source pixels of the export. */
  corners: Quad;
  /** The reader that read it. */
  reader: Reader;
}

export interface LeakCheckOptions {
  /** Tesseract. */
  ocr: OcrEngine;
  /** The text models: the detector finds the lines; the recognizer reads when `reader` is 'learned'. */
  models?: TextModels;
  /**
   * The learned recognizer as a line reader; by default the one on `models`. (Given alone, without
   * `models`, it reads the lines the blob-chaining finder locates: how the unit tests put a spy there.)
   */
  learned?: OcrEngine;
  /** Which reader re-reads the lines: the one that did not produce the findings (see checkReaders). */
  reader: Reader;
  /**
   * The text detector's lines of the page, in the export's pixels (AnalyzeResult.textLines): they
   * are read again here instead of running the detector a second time. The masks only take print
   * away, so every line the export can show was a line of the page.
   */
  lines?: readonly Line[];
  /**
   * The masks burned into the export (source pixels). Print under them is gone: a line with less
   * of it left in view than LEAK_DIGITS digits take (a number's line where only its last four show,
   * a date, a brand's name) has no number in card layout to show, and is not read.
   */
  masks?: readonly Pick<Mask, 'x' | 'y' | 'width' | 'height' | 'rotation'>[];
  /**
   * The way the page's card numbers read (radians clockwise; see pageWayUp). A line that runs within
   * 45 degrees of it is read that way first, and turned half round only when that read holds digits.
   * Unknown (no number found): every line is read both ways round, as a line's direction is open.
   */
  wayUp?: number;
  signal?: AbortSignal;
}

/** The check of one export: which readers re-read it, and what they still read. */
export interface ExportCheck {
  /** The readers that re-read the export, in the order they ran (see checkReaders). */
  readers: Reader[];
  /** The readers of the page's card-number findings that the choice rests on (none: the page's own). */
  findingsReadBy: Reader[];
  leaks: Leak[];
  /**
   * The leaks that read as whole card numbers (every digit read, a length the IIN's network issues,
   * Luhn-valid) where none of the page's findings lies, each as a card-number finding over its glyphs
   * (source pixels of the export): the detector missed a number the other reader read outright, and
   * it can be masked as it stands.
   */
  repairs: { leak: Leak; finding: Finding }[];
}

/** Most lines read: a card shows a dozen at most, and the largest print is the number. */
const MAX_LINES = 12;
/** A leak: this many digits read in card layout (two groups of four), or as one run. */
export const LEAK_DIGITS = 8;
/**
 * The least a digit advances along its line, in glyph heights of the detector's line: a card number
 * takes about 0.65 (16 digits and three group spaces over 10 to 11 glyph heights on the held-out
 * photos), condensed print about 0.5. A line with less than LEAK_DIGITS of these in view cannot show
 * a leak, and is not read (about a fifth of the lines the check read before, on seed 1).
 */
const MIN_DIGIT_ADVANCE = 0.5;
/**
 * A line read the page's way up that holds fewer digits than this is not read turned: print the
 * right way up that reads as no number is words, a date or masked print. A number read upside down
 * still reads digits (0, 1, 8 are the same turned, 6 and 9 swap), so a card turned against the
 * page's number (a second card upside down) is still read both ways.
 */
const TURN_MIN_DIGITS = 2;
/**
 * ...nor one whose digits are under this share of its letters and digits: a sentence of small print
 * with a number in it ("subject to the agreement. 10 ..."). A number read upside down reads mostly as
 * digits and their look-alikes ("0T0b 9L": half digits).
 */
const TURN_MIN_DIGIT_SHARE = 0.25;

/** Print read the page's way up as words (see TURN_MIN_DIGITS, TURN_MIN_DIGIT_SHARE): not turned. */
function readsAsWords(glyphs: readonly { char: string }[]): boolean {
  const { digits, alnum } = digitsAmong(glyphs);
  return digits < TURN_MIN_DIGITS || digits < TURN_MIN_DIGIT_SHARE * alnum;
}

/** How many of a reading's glyphs are digits, and how many are letters or digits. */
function digitsAmong(glyphs: readonly { char: string }[]): { digits: number; alnum: number } {
  return {
    digits: glyphs.filter((g) => g.char >= '0' && g.char <= '9').length,
    alnum: glyphs.filter((g) => /[\p{L}\p{N}]/u.test(g.char)).length,
  };
}
/**
 * A line read as digits in card layout the other way round from words is small print upside down
 * unless at least this share of its letters and digits read as digits (a number's line: the number,
 * perhaps a label; upside-down prose: a fifth).
 */
const NUMBER_LINE_DIGIT_SHARE = 0.5;

/** Whether most of what a reading holds (letters and digits) is digits (NUMBER_LINE_DIGIT_SHARE). */
function mostlyDigits(glyphs: readonly { char: string }[]): boolean {
  const { digits, alnum } = digitsAmong(glyphs);
  return digits >= NUMBER_LINE_DIGIT_SHARE * alnum;
}
/**
 * A line read first as digits is a phone line upside down when, turned, it reads as a phone number
 * with at most this many digits fewer (glyphs the wrong way up read as digits that are not there).
 */
const TURNED_PHONE_SLACK = 2;
/** A line runs with the page's way up when the angle between them is under 45 degrees. */
const WAY_UP_COS = Math.SQRT1_2;

/**
 * The reader that did not produce an analysis' findings. With the text models loaded the card
 * detector reads with the learned recognizer (Tesseract only where it doubts), so Tesseract checks;
 * without them Tesseract read everything, and the learned recognizer checks when it can be loaded.
 */
export function otherReader(producedBy: Reader, modelsAvailable: boolean): Reader {
  return producedBy === 'learned' || !modelsAvailable ? 'tesseract' : 'learned';
}

/**
 * The readers that re-read an export, from the readers recorded on its page's card-number findings
 * (Finding.reader): the other one of each. Numbers read by the learned recognizer are checked by
 * Tesseract, numbers read by Tesseract by the learned recognizer. When the page's numbers came from
 * both (Tesseract reads where the learned recognizer doubts, the number tool, a statement's text),
 * both check: each is the independent eye for the numbers the other read. Findings no reader read (the number tool's 'user' glyphs, an unrecorded
 * reader) or none at all: the reader that looked over the page and found nothing is the page's own
 * (`primary`: the learned recognizer when the models were loaded), so the other one checks. Without
 * the learned recognizer (`learnedAvailable` false) only Tesseract can. The other of the reader that
 * read most numbers comes first.
 */
export function checkReaders(
  findings: readonly Pick<Finding, 'kind' | 'reader'>[],
  primary: Reader,
  learnedAvailable: boolean,
): { readers: Reader[]; findingsReadBy: Reader[] } {
  const count = { learned: 0, tesseract: 0 };
  for (const f of findings)
    if (f.kind === 'card-number' && (f.reader === 'learned' || f.reader === 'tesseract')) count[f.reader]++;
  const findingsReadBy = (['learned', 'tesseract'] as const)
    .filter((r) => count[r] > 0)
    .sort((a, b) => count[b] - count[a]);
  const readers: Reader[] = [];
  for (const r of findingsReadBy.length ? findingsReadBy : [primary]) {
    const other = otherReader(r, learnedAvailable);
    if (!readers.includes(other)) readers.push(other);
  }
  return { readers, findingsReadBy };
}

/**
 * The whole check of an export: the readers chosen by checkReaders from the page's `findings` each
 * read the export's lines (found once); a number both read at one place is reported once.
 */
export async function checkExport(
  image: RgbaImage,
  findings: readonly (Pick<Finding, 'kind' | 'reader'> & Partial<Pick<Finding, 'glyphs'>>)[],
  options: Omit<LeakCheckOptions, 'reader'> & { primary: Reader },
): Promise<ExportCheck> {
  const learnedAvailable = !!(options.learned ?? options.models);
  const { readers, findingsReadBy } = checkReaders(findings, options.primary, learnedAvailable);
  const gray = toGray(image);
  const lines = await candidateLines(gray, image, options);
  const wayUp = options.wayUp ?? pageWayUp(findings);
  const leaks: Leak[] = [];
  const repairs: ExportCheck['repairs'] = [];
  for (const reader of readers) {
    for (const { leak, finding } of await readLeaks(gray, lines, { ...options, reader, wayUp })) {
      if (leaks.some((l) => samePlace(l.corners, leak.corners))) continue;
      leaks.push(leak);
      // Only where the page had no finding: a number switched off (by the user, or a suggestion off
      // by default) was not missed, and stays a warning.
      if (finding && !findings.some((f) => f.glyphs?.some((g) => samePlace(g, leak.corners))))
        repairs.push({ leak, finding: { ...finding, id: `card-check-${repairs.length + 1}` } });
    }
  }
  return { readers, findingsReadBy, leaks, repairs };
}

/** Noted on a card number the check of the export read whole where the detector had missed it. */
export const REPAIRED_NOTE = 'read whole by the check of the export after the detector missed it';

/**
 * The way the page's card numbers read, radians clockwise (the direction from a number's first glyph
 * to its last): undefined when the page has no number read glyph by glyph, or numbers that read
 * more than 45 degrees apart (two cards turned differently). A number read mirrored says nothing of
 * it: its glyphs run right to left on a page that may be upright.
 */
export function pageWayUp(
  findings: readonly Partial<Pick<Finding, 'kind' | 'glyphs' | 'notes'>>[],
): number | undefined {
  const angles = findings
    .filter(
      (f) =>
        f.kind === 'card-number' && f.glyphs && f.glyphs.length >= 2 && !f.notes?.includes(MIRRORED_NOTE),
    )
    .map((f) => readingFrame(f as Finding).angle);
  if (!angles.length || angles.some((a) => Math.cos(a - angles[0]) < WAY_UP_COS)) return undefined;
  return angles[0];
}

/**
 * Numbers in card layout still readable in `image` (an export) by `options.reader`. Lines come from
 * the learned text detector (or, without the models, the blob-chaining finder); each is read level,
 * and turned half round when it reads no digits as found (with `options.wayUp`: read that way first,
 * and turned only when that read holds digits).
 */
export async function findLeaks(image: RgbaImage, options: LeakCheckOptions): Promise<Leak[]> {
  const gray = toGray(image);
  return (await readLeaks(gray, await candidateLines(gray, image, options), options)).map((r) => r.leak);
}

/** The reader asked for, or Tesseract when the learned recognizer is not there. */
function engineFor(options: LeakCheckOptions): { engine: OcrEngine; name: Reader } {
  const learned = options.learned ?? (options.models && learnedLineOcr(options.models));
  return options.reader === 'learned' && learned
    ? { engine: learned, name: 'learned' }
    : { engine: options.ocr, name: 'tesseract' };
}

/** Two leaks at one place: either's centre inside the other's bounds. */
function samePlace(a: Quad, b: Quad): boolean {
  const centre = (q: Quad) => ({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 });
  const inside = (p: Point, q: Quad) => {
    const xs = q.map((c) => c.x);
    const ys = q.map((c) => c.y);
    return (
      p.x >= Math.min(...xs) && p.x <= Math.max(...xs) && p.y >= Math.min(...ys) && p.y <= Math.max(...ys)
    );
  };
  return inside(centre(a), b) || inside(centre(b), a);
}

async function readLeaks(
  gray: GrayImage,
  lines: readonly Line[],
  options: LeakCheckOptions,
): Promise<{ leak: Leak; finding?: Finding }[]> {
  try {
    return await readLeaksOnce(gray, lines, options);
  } finally {
    // The export's crops go with the check (learned/recent-reads.ts).
    forgetRecentReads(options.models);
  }
}

async function readLeaksOnce(
  gray: GrayImage,
  lines: readonly Line[],
  options: LeakCheckOptions,
): Promise<{ leak: Leak; finding?: Finding }[]> {
  const { engine: reader, name: readerName } = engineFor(options);
  const leaks: { leak: Leak; finding?: Finding }[] = [];
  for (const line of lines) {
    throwIfAborted(options.signal);
    // The page's way up, when the line runs with it, is read first and may be the only read.
    const along = options.wayUp === undefined ? 0 : Math.cos(line.angle - options.wayUp);
    const known = Math.abs(along) >= WAY_UP_COS;
    const turns = along < 0 && known ? [Math.PI, 0] : [0, Math.PI];
    const cropAt = (turn: number) =>
      cropLine(gray, {
        centre: line.centre,
        angle: line.angle + turn,
        length: line.length + 1.5 * line.glyphHeight,
        height: 1.8 * line.glyphHeight,
        glyphHeight: line.glyphHeight,
        targetHeight: 28,
      });
    // The line's glyphs read the other way round, when they were.
    let otherWay: readonly { char: string }[] | undefined;
    for (const turn of turns) {
      const crop = cropAt(turn);
      const reading = await readCrop(reader, crop);
      const run = numberRun(reading);
      const shown = run ? cardLayoutDigits(run.slots) : undefined;
      const digits = shown?.slots.map((s) => s.char).join('') ?? '';
      // A phone line (labelled, "Customer Service 0800 711 142", or printed as one, "1 (800) ...")
      // holds a phone number, as the card detector takes it (readCandidate), unless its digits are
      // a whole card number.
      if (shown && readsAsPhoneLine(reading.text) && !wholeCardNumber(digits)) break;
      // The way round unknown, a line read first the wrong way up reads digits all the same (0, 1, 8
      // turned, 6 and 9 swapped: "1-800-711-6859" as "6589-114-008"): turned half round, a line
      // printed as a phone number is one, when it reads about as many digits (a misread may add a
      // glyph or two; a 16-digit reading is no 11-digit phone number). Its shape, not a label word:
      // a group of digits turned over can read as letters ("0731" as "TEL0").
      if (shown && !known && turn === turns[0]) {
        const other = await readCrop(reader, cropAt(turns[1]));
        const otherDigits = other.text.replace(/\D/g, '').length;
        if (printedAsPhoneNumber(other.text) && otherDigits >= shown.digits - TURNED_PHONE_SLACK) break;
        otherWay = other.glyphs;
      }
      // Small print read upside down: its letters pass for digits, a few among many ("We: 058910
      // Duro) 1OWALER..." for "Use of this card is subject to the cardholder agreement"), and the
      // other way round it reads as words. A number reads mostly as digits either way round.
      if (shown && otherWay && readsAsWords(otherWay) && !mostlyDigits(reading.glyphs)) break;
      if (shown) {
        const leak: Leak = {
          label: [...digits].map((c, i) => (i < digits.length - 4 ? '•' : c)).join(''),
          digits: shown.digits,
          corners: layoutQuad(crop, shown.slots),
          reader: readerName,
        };
        const finding: Finding | undefined =
          digits.length >= 13 && wholeCardNumber(digits)
            ? {
                id: 'card-check',
                kind: 'card-number',
                text: digits,
                glyphs: shown.slots.map((s) => cropQuad(crop, s.x0, s.y0, s.x1, s.y1)),
                confidence: shown.slots.reduce((sum, s) => sum + s.confidence, 0) / shown.slots.length,
                keepable: true,
                enabledByDefault: true,
                reader: readerName,
                notes: [`brand: ${brandOf(digits)?.name}`, 'Luhn: valid', REPAIRED_NOTE],
              }
            : undefined;
        leaks.push({ leak, finding });
        break;
      }
      // Digits read as found: the line is the right way up, no need to turn it.
      if (run && run.trueDigits >= 4) break;
      // Read the page's way up and no number there: words or masked print, not a number turned over.
      if (known && readsAsWords(reading.glyphs)) break;
      otherWay = reading.glyphs;
    }
  }
  return leaks;
}

/**
 * Where a run of slots in card-number layout (cardLayoutDigits) lies, source pixels: from its first
 * glyph's left edge to its last one's right edge, over both glyphs' heights.
 */
export function layoutQuad(crop: LineCrop, slots: readonly Slot[]): Quad {
  const [first, last] = [slots[0], slots[slots.length - 1]];
  return cropQuad(crop, first.x0, Math.min(first.y0, last.y0), last.x1, Math.max(first.y1, last.y1));
}

/**
 * The slots of a run that print like a card number with LEAK_DIGITS or more digits read: consecutive
 * groups of 4 to 6 glyphs at one pitch (4-4-4-4, 4-6-5...), at least two of them, or one unbroken run.
 * Masked glyphs are not read, so what is counted is what a viewer can read.
 */
export function cardLayoutDigits(slots: readonly Slot[]): { slots: Slot[]; digits: number } | undefined {
  const read = (g: readonly Slot[]) => g.filter((s) => /\d/.test(s.char) && !s.lookalike).length;
  const groups = splitGroups(slots, glyphPitch(slots));
  let best: { slots: Slot[]; digits: number } | undefined;
  let run: Slot[][] = [];
  const close = () => {
    const n = run.reduce((sum, g) => sum + read(g), 0);
    if ((run.length >= 2 || (run.length === 1 && run[0].length >= LEAK_DIGITS)) && n >= LEAK_DIGITS)
      if (!best || n > best.digits) best = { slots: run.flat(), digits: n };
    run = [];
  };
  for (const g of groups) {
    const grouped = g.length >= 4 && g.length <= 6 && read(g) >= g.length - 1;
    const long = g.length >= LEAK_DIGITS && read(g) >= LEAK_DIGITS;
    if (long) {
      close();
      run = [g];
      close();
    } else if (grouped) run.push(g);
    else close();
  }
  close();
  return best;
}

export interface Line {
  centre: Point;
  angle: number;
  length: number;
  glyphHeight: number;
}

/** Lines worth reading, largest print first: long enough in view to show a leak. */
async function candidateLines(
  gray: GrayImage,
  image: RgbaImage,
  { models, lines: given, masks = [] }: Pick<LeakCheckOptions, 'models' | 'lines' | 'masks'>,
): Promise<Line[]> {
  return worthReading(given ?? (await detectedLines(gray, image, models)), masks);
}

/** The lines on the export: the learned text detector's, or without the models the blob chainer's. */
async function detectedLines(gray: GrayImage, image: RgbaImage, models?: TextModels): Promise<Line[]> {
  if (models) return detectTextLines(models, image);
  const scale = Math.min(1, 1400 / Math.max(gray.width, gray.height));
  const work = scale < 1 ? scaleGray(gray, scale) : gray;
  return locateLines(work).map((l) => ({
    centre: { x: l.centre.x / scale, y: l.centre.y / scale },
    angle: l.angle,
    length: l.length / scale,
    glyphHeight: l.glyphHeight / scale,
  }));
}

/** Lines worth reading, largest print first: LEAK_DIGITS digits' room of each in view. */
function worthReading(lines: readonly Line[], masks: NonNullable<LeakCheckOptions['masks']>): Line[] {
  return lines
    .filter((l) => inView(l, masks) >= LEAK_DIGITS * MIN_DIGIT_ADVANCE * l.glyphHeight)
    .sort((a, b) => b.glyphHeight - a.glyphHeight)
    .slice(0, MAX_LINES);
}

/**
 * How much of a line's length (source pixels) lies outside every mask: its centre line sampled every
 * quarter glyph height. A mask covers a glyph's whole height, so the centre line tells.
 */
export function inView(line: Line, masks: NonNullable<LeakCheckOptions['masks']>): number {
  if (!masks.length) return line.length;
  const step = Math.max(0.5, line.glyphHeight / 4);
  const ux = Math.cos(line.angle);
  const uy = Math.sin(line.angle);
  const frames = masks.map((m) => {
    const a = (m.rotation * Math.PI) / 180;
    return { m, cos: Math.cos(a), sin: Math.sin(a) };
  });
  const covered = (x: number, y: number) =>
    frames.some(({ m, cos, sin }) => {
      const dx = x - m.x;
      const dy = y - m.y;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      return u >= 0 && u <= m.width && v >= 0 && v <= m.height;
    });
  let seen = 0;
  const n = Math.max(1, Math.round(line.length / step));
  for (let i = 0; i < n; i++) {
    const t = (i + 0.5) * (line.length / n) - line.length / 2;
    if (!covered(line.centre.x + t * ux, line.centre.y + t * uy)) seen++;
  }
  return (seen * line.length) / n;
}
