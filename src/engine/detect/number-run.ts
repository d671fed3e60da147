import type { GrayImage } from '../types';
import { columnEnergy, inkSegments, type InkSegment } from './ink-profile';
import { digitOf } from './digit-like';
import type { LineReading, ReadGlyph } from './read-line';
import { median } from '../math';

/** One glyph position of a number in crop pixels; char is '?' where ink was found but not read. */
export interface Slot {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  char: string;
  confidence: number;
  /** The glyph was read as a look-alike ('l' for 1, 'S' for 5), not as a digit. */
  lookalike?: boolean;
  /**
   * A digit the learned recognizer read with a clear CTC peak: its count and order are trusted over
   * the ink (which merges touching embossed glyphs and splits broken ones).
   */
  sure?: boolean;
  /** The reader put a space before this glyph (it starts a word of the reading, not the run). */
  wordStart?: boolean;
}

export interface NumberRun {
  slots: Slot[];
  /** Digits Tesseract output as digits (not look-alikes, not '?'). */
  trueDigits: number;
  /** Mean OCR confidence over the read slots. */
  confidence: number;
  /** Glyph-wide pieces of ink along the line (crop x ranges), from the column profile. */
  ink: { x0: number; x1: number }[];
}

/** A learned reading's digit with at least this CTC probability counts as sure (see Slot.sure). */
const SURE_CTC = 0.5;

// Parentheses and a plus sign belong to phone numbers ("+1 (800) 711-4713"), never to a card number.
const SEPARATORS = new Set([
  '-',
  '.',
  ',',
  ':',
  '_',
  '—',
  '–',
  '·',
  "'",
  '"',
  '`',
  '/',
  '(',
  ')',
  '（',
  '）',
  '+',
]);

/**
 * Words of a reading, separators dropped. A word whose separators cut it into parts other than card
 * groups (1-800-555-0100, 12/29, 3.50) is marked as text: phone numbers and dates are not cards. Parts
 * of three still count as groups: a card group with a glyph dropped and a speck read as a comma.
 */
function splitWords(glyphs: ReadGlyph[]): { glyphs: ReadGlyph[]; punctuated: boolean }[] {
  const words: { glyphs: ReadGlyph[]; punctuated: boolean }[] = [];
  let cur: ReadGlyph[] = [];
  let parts: number[] = [0];
  const flush = () => {
    const groups = parts.filter((n) => n > 0);
    const punctuated = groups.length > 1 && !groups.every((n) => n >= 3 && n <= 6);
    if (cur.length) words.push({ glyphs: cur, punctuated });
    cur = [];
    parts = [0];
  };
  for (const g of glyphs) {
    if (g.char === ' ') flush();
    else if (SEPARATORS.has(g.char) || g.char === '/') parts.push(0);
    else {
      cur.push(g);
      parts[parts.length - 1]++;
    }
  }
  flush();
  return words;
}

type WordClass = 'digits' | 'mixed' | 'text';

/**
 * 'digits': mostly real digits or a run of look-alikes with some real digits; 'mixed': a garbled
 * group (embossed fonts Tesseract does not know) that still looks half numeric; 'text': words.
 */
export function classifyWord(word: readonly { char: string }[]): WordClass {
  let like = 0;
  let real = 0;
  for (const g of word) {
    if (digitOf(g.char)) like++;
    if (g.char >= '0' && g.char <= '9') real++;
  }
  const n = word.length;
  if (n === 1) return real === 1 ? 'digits' : like === 1 ? 'mixed' : 'text';
  if (like >= 0.75 * n && real >= 0.5 * n) return 'digits';
  if (n >= 3 && like >= 0.8 * n && real >= 1) return 'digits';
  if (like >= 0.5 * n) return 'mixed';
  return 'text';
}

/** Words of a run are at most this many glyph heights apart: farther, the run ends. */
const RUN_REACH = 3;

/**
 * The longest run of digit-like words on a read line, completed from the ink: glyphs OCR skipped
 * inside the run, and whole groups it dropped at either end, become '?' slots, so the line's full
 * extent (and so its last four) comes from geometry rather than from what happened to be read.
 */
export function numberRun(reading: LineReading): NumberRun | undefined {
  const split = splitWords(reading.glyphs);
  const words = split.map((w) => w.glyphs);
  const classes = split.map((w) => (w.punctuated ? 'text' : classifyWord(w.glyphs)));
  const glyphH = median(reading.glyphs.filter((g) => g.char !== ' ').map((g) => g.y1 - g.y0));
  let best: ReadGlyph[] = [];
  let bestScore = 0;
  for (let i = 0; i < words.length; i++) {
    if (classes[i] === 'text') continue;
    // Grow a run of digit and garbled words; it must hold real digit words to count.
    let run: ReadGlyph[] = [];
    let score = 0;
    for (let j = i; j < words.length && classes[j] !== 'text'; j++) {
      const prev = run[run.length - 1];
      if (prev && words[j][0].x0 - prev.x1 > RUN_REACH * glyphH) break;
      run = [...run, ...words[j]];
      if (classes[j] === 'digits') score += words[j].length;
      else score += 0.25 * words[j].length;
      if (score > bestScore) {
        bestScore = score;
        best = run;
      }
    }
  }
  if (best.length < 4 || bestScore < 3) return undefined;
  const slots = slotsOf(best, words, reading.learned);
  const trueDigits = best.filter((g) => g.char >= '0' && g.char <= '9').length;
  const confidence = best.reduce((s, g) => s + g.confidence, 0) / best.length;
  // Ink under words read as text (VALID THRU, a name) must not be taken for dropped digits.
  // (A lone symbol is not a word: '§' for a whole embossed group must not stop the ink walk.)
  const blocked = words
    .filter((w, i) => classes[i] === 'text' && w.length >= 2 && !w.some((g) => best.includes(g)))
    .flat();
  const ink = completeFromInk(slots, reading.crop.image, blocked, reading.learned);
  return { slots, trueDigits, confidence, ink };
}

/** Slots for `glyphs` of a reading (`words`: the reading's words, to mark where each starts). */
function slotsOf(glyphs: readonly ReadGlyph[], words: readonly ReadGlyph[][], learned?: boolean): Slot[] {
  const starts = new Set(words.map((w) => w[0]));
  return glyphs.map((g, i) => ({
    x0: g.x0,
    y0: g.y0,
    x1: g.x1,
    y1: g.y1,
    char: digitOf(g.char) ?? '?',
    confidence: g.confidence,
    lookalike: !(g.char >= '0' && g.char <= '9'),
    sure: !!learned && g.char >= '0' && g.char <= '9' && g.confidence >= SURE_CTC,
    ...(i > 0 && starts.has(g) ? { wordStart: true } : {}),
  }));
}

/** Two groups of digits read far apart on one line: their slots, the first group's `first`. */
export interface HoledPair {
  slots: Slot[];
  first: number;
}

/**
 * Two words of real digits on a reading, a group of four then one of four or five, farther apart
 * than a run reaches (`numberRun`) with no print read between them: maybe the first and last groups
 * of a card number whose middle is out of sight (middle-shown.ts decides). The first such pair along
 * the line; undefined when there is none.
 */
export function holedPair(reading: LineReading): HoledPair | undefined {
  const split = splitWords(reading.glyphs);
  const words = split.map((w) => w.glyphs);
  const glyphH = median(reading.glyphs.filter((g) => g.char !== ' ').map((g) => g.y1 - g.y0));
  // A group of real digits, not a part of a date or a phone number.
  const group = (i: number, sizes: readonly number[]) =>
    !split[i].punctuated &&
    sizes.includes(words[i].length) &&
    words[i].every((g) => g.char >= '0' && g.char <= '9');
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (!group(i, [4]) || !group(i + 1, [4, 5])) continue;
    if (b[0].x0 - a[a.length - 1].x1 <= RUN_REACH * glyphH) continue;
    return { slots: slotsOf([...a, ...b], words, reading.learned), first: a.length };
  }
  return undefined;
}

const overlapX = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));

/**
 * Completes the read slots from the ink along the glyph band: segments of strongly printed columns
 * (at least half as strong as the digits that were read) that OCR skipped inside the run, or that
 * continue it at either end within a group space, become '?' slots.
 */
function completeFromInk(slots: Slot[], img: GrayImage, blocked: ReadGlyph[], learned = false): InkSegment[] {
  const h = median(slots.map((s) => s.y1 - s.y0));
  const cy = median(slots.map((s) => (s.y0 + s.y1) / 2));
  const w = median(slots.map((s) => s.x1 - s.x0));
  const energy = columnEnergy(img, cy - 0.4 * h, cy + 0.4 * h);
  // Calibrate on the digits that were read: their columns' energy is what print looks like here.
  const digitCols: number[] = [];
  for (const s of slots)
    for (let x = Math.max(0, Math.floor(s.x0)); x < Math.min(energy.length, Math.ceil(s.x1)); x++)
      digitCols.push(energy[x]);
  const all = Array.from(energy).sort((a, b) => a - b);
  const ground = all[Math.floor(all.length * 0.25)];
  const ink = median(digitCols);
  if (!(ink > ground)) return [];
  const segs = inkSegments(energy, ground + 0.3 * (ink - ground), 0.12 * h, 0.12 * h).filter(
    (g) => g.energy >= ground + 0.5 * (ink - ground),
  );
  // Split runs of touching glyphs at the typical glyph width.
  const pieces: InkSegment[] = [];
  for (const g of segs) {
    const k = Math.round((g.x1 - g.x0) / (w * 1.15));
    if (k <= 1) pieces.push(g);
    else
      for (let i = 0; i < k; i++)
        pieces.push({ ...g, x0: g.x0 + ((g.x1 - g.x0) * i) / k, x1: g.x0 + ((g.x1 - g.x0) * (i + 1)) / k });
  }
  const free = pieces.filter(
    (g) => !slots.some((s) => overlapX(s, g) > 0.3 * Math.min(s.x1 - s.x0, g.x1 - g.x0)),
  );
  const isBlocked = (g: InkSegment) => blocked.some((b) => overlapX(b, g) > 0.3 * (g.x1 - g.x0));
  const y0 = median(slots.map((s) => s.y0));
  const y1 = median(slots.map((s) => s.y1));
  const add = (g: InkSegment) => slots.push({ x0: g.x0, y0, x1: g.x1, y1, char: '?', confidence: 0 });
  slots.sort((a, b) => a.x0 - b.x0);
  const first = slots[0].x0;
  const last = slots[slots.length - 1].x1;
  // Inside the run, a glyph the learned recognizer skipped is already an unread slot where it
  // completes a group (line-reader.ts); ink it left out there lies in a space it read between
  // groups: background art (a letter of the card's design, an emboss shadow), not a digit.
  if (!learned) for (const g of free) if (g.x0 > first && g.x1 < last && g.x1 - g.x0 > 0.3 * w) add(g);
  // The learned recognizer rarely drops a whole group at an end: there, only a glyph continuing the
  // end group at its pitch joins (a card edge, a logo or a hand a group space away does not).
  const maxGap = learned ? 0.6 * w : 1.6 * h;
  let right = last;
  for (const g of free.filter((f) => f.x0 >= last - 1).sort((a, b) => a.x0 - b.x0)) {
    if (g.x0 - right > maxGap || slots.length >= 19 || isBlocked(g)) break;
    add(g);
    right = g.x1;
  }
  let left = first;
  for (const g of free.filter((f) => f.x1 <= first + 1).sort((a, b) => b.x1 - a.x1)) {
    if (left - g.x1 > maxGap || slots.length >= 19 || isBlocked(g)) break;
    add(g);
    left = g.x0;
  }
  slots.sort((a, b) => a.x0 - b.x0);
  return pieces;
}
