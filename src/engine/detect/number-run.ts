import { inkGlyphs, type InkGlyph } from './crop-glyphs';
import { digitOf } from './digit-like';
import type { LineReading, ReadGlyph } from './read-line';

/** One glyph position of a number in crop pixels; char is '?' where ink was found but not read. */
export interface Slot {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  char: string;
  confidence: number;
}

export interface NumberRun {
  slots: Slot[];
  /** Digits Tesseract output as digits (not look-alikes, not '?'). */
  trueDigits: number;
  /** Mean OCR confidence over the read slots. */
  confidence: number;
}

const SEPARATORS = new Set(['-', '.', ',', ':', '_', '—', '–', '·', "'", '"', '`']);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
};

function splitWords(glyphs: ReadGlyph[]): ReadGlyph[][] {
  const words: ReadGlyph[][] = [];
  let cur: ReadGlyph[] = [];
  for (const g of glyphs) {
    if (g.char === ' ') {
      if (cur.length) words.push(cur);
      cur = [];
    } else if (!SEPARATORS.has(g.char)) cur.push(g);
  }
  if (cur.length) words.push(cur);
  return words;
}

function isNumeric(word: ReadGlyph[]): boolean {
  let like = 0;
  let real = 0;
  for (const g of word) {
    const d = digitOf(g.char);
    if (d) like++;
    if (g.char >= '0' && g.char <= '9') real++;
  }
  if (word.length === 1) return real === 1;
  // Embossed card fonts come out as a mix of digits, look-alikes and noise: a word of three or more
  // glyphs that is mostly digit-like counts, as does a short one that is mostly real digits.
  if (word.length >= 3 && like >= 0.6 * word.length && real >= 0.3 * word.length) return true;
  return like >= 0.75 * word.length && real >= 0.5 * word.length;
}

/**
 * The longest run of digit-like words on a read line, completed from the ink: glyphs OCR skipped
 * inside the run, and whole groups it dropped at either end, become '?' slots, so the line's full
 * extent (and so its last four) comes from geometry rather than from what happened to be read.
 */
export function numberRun(reading: LineReading): NumberRun | undefined {
  const words = splitWords(reading.glyphs);
  let best: ReadGlyph[] = [];
  let cur: ReadGlyph[] = [];
  const glyphH = median(reading.glyphs.filter((g) => g.char !== ' ').map((g) => g.y1 - g.y0));
  for (const w of words) {
    const prev = cur[cur.length - 1];
    if (isNumeric(w) && (!prev || w[0].x0 - prev.x1 < 3 * glyphH)) cur = [...cur, ...w];
    else cur = isNumeric(w) ? [...w] : [];
    if (cur.length > best.length) best = cur;
  }
  if (best.length < 4) return undefined;
  const slots: Slot[] = best.map((g) => ({
    x0: g.x0,
    y0: g.y0,
    x1: g.x1,
    y1: g.y1,
    char: digitOf(g.char) ?? '?',
    confidence: g.confidence,
  }));
  const trueDigits = best.filter((g) => g.char >= '0' && g.char <= '9').length;
  const confidence = best.reduce((s, g) => s + g.confidence, 0) / best.length;
  const blocked = reading.glyphs.filter((g) => g.char !== ' ' && !best.includes(g) && !digitOf(g.char));
  completeFromInk(slots, inkGlyphs(reading.crop.image, median(slots.map((s) => s.y1 - s.y0))), blocked);
  return { slots, trueDigits, confidence };
}

const overlapX = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));

function completeFromInk(slots: Slot[], ink: InkGlyph[], blocked: ReadGlyph[]): void {
  const h = median(slots.map((s) => s.y1 - s.y0));
  const cy = median(slots.map((s) => (s.y0 + s.y1) / 2));
  const w = median(slots.map((s) => s.x1 - s.x0));
  const aligned = ink.filter((g) => {
    const gh = g.y1 - g.y0;
    return Math.abs((g.y0 + g.y1) / 2 - cy) < 0.35 * h && gh > 0.6 * h && gh < 1.5 * h;
  });
  // Split blobs of touching glyphs at the typical pitch.
  const pieces: InkGlyph[] = [];
  for (const g of aligned) {
    const k = Math.round((g.x1 - g.x0) / (w * 1.2));
    if (k <= 1) pieces.push(g);
    else
      for (let i = 0; i < k; i++)
        pieces.push({ ...g, x0: g.x0 + ((g.x1 - g.x0) * i) / k, x1: g.x0 + ((g.x1 - g.x0) * (i + 1)) / k });
  }
  const free = pieces.filter(
    (g) => !slots.some((s) => overlapX(s, g) > 0.35 * Math.min(s.x1 - s.x0, g.x1 - g.x0)),
  );
  const isBlocked = (g: InkGlyph) => blocked.some((b) => overlapX(b, g) > 0.5 * (g.x1 - g.x0));
  const add = (g: InkGlyph) =>
    slots.push({ x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1, char: '?', confidence: 0 });
  slots.sort((a, b) => a.x0 - b.x0);
  const first = slots[0].x0;
  const last = slots[slots.length - 1].x1;
  // Glyphs OCR skipped inside the run.
  for (const g of free) if (g.x0 > first && g.x1 < last) add(g);
  // Groups OCR dropped at the ends: keep walking while the next blob is within a group space.
  const maxGap = 1.8 * h;
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
}
