// The learned recognizer behind the engine's OcrEngine interface, for one level line crop (what the
// card detector's readers hand Tesseract as PSM 7). Each CTC character becomes a symbol whose box is
// found from the CTC alignment (where along the crop it was emitted) and refined with the crop's ink,
// so the glyph geometry downstream (groups, pitch, slots) works on learned readings unchanged.
import type { OcrEngine, OcrPage, OcrSymbol, OcrWord, RecognizeOptions } from '../ocr/types';
import type { Box, GrayImage } from '../types';
import { median } from '../math';
import { classMask, ctcGreedy, type CtcChar } from './ctc-decode';
import type { TextModels } from './models';
import { RecentReads } from './recent-reads';

/** What a number line may hold when decoded digits-first: digits, and the separators cards print. */
const NUMBER_CHARS = '0123456789 ';

/** Centre of a placed character along the crop. */
const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;

/** A decoded character with its span along the crop, in crop pixels. */
interface Placed extends CtcChar {
  x0: number;
  x1: number;
}

/**
 * An OcrEngine that reads a line crop with the learned recognizer. The whole line is decoded over the
 * full alphabet; a word that is mostly digits is decoded again over digits only (`NUMBER_CHARS`), the
 * "restricted decode" a number line calls for. `whitelist` restricts the whole line.
 */
export function learnedLineOcr(models: TextModels): OcrEngine {
  const digitsOnly = classMask(models.alphabet, NUMBER_CHARS);
  // One memory per set of models: the number, code and prefix stages each make their own reader.
  let recent = recentReads.get(models);
  if (!recent) recentReads.set(models, (recent = new RecentReads()));
  const remembered = recent;
  const readLine = async (image: GrayImage, options: RecognizeOptions): Promise<OcrPage> => {
    const out = await models.recognize(image);
    const step = image.width / out.steps;
    const allowed = options.whitelist ? classMask(models.alphabet, options.whitelist + ' ') : undefined;
    const place = (c: CtcChar): Placed => ({ ...c, x0: c.t0 * step, x1: (c.t1 + 1) * step });
    const full = ctcGreedy(out, models.alphabet, allowed).map(place);
    const digits = ctcGreedy(out, models.alphabet, digitsOnly).map(place);
    const joined = joinAcrossInkedHoles(
      splitWords(full, image.height).map((w) => preferDigits(w, digits)),
      image,
    );
    const pitch = linePitch(joined);
    const words = joined.map((w) => markDroppedGlyphs(w, pitch));
    const boxes = words.map((w) => glyphBoxes(w, image));
    const ocrWords: OcrWord[] = words
      .map((w, i) => {
        const symbols: OcrSymbol[] = w.map((c, k) => ({
          text: c.char,
          confidence: c.confidence,
          box: boxes[i][k],
        }));
        return {
          text: w.map((c) => c.char).join(''),
          confidence: w.reduce((s, c) => s + c.confidence, 0) / Math.max(1, w.length),
          box: union(boxes[i]),
          symbols,
        };
      })
      .filter((w) => w.symbols.length > 0);
    // An empty reading is the learned recognizer's too: the card detector reuses a reading made on
    // the same pixels (a crop turned half round) only when the same reader made it.
    if (!ocrWords.length) return { width: image.width, height: image.height, engine: 'learned', lines: [] };
    return {
      width: image.width,
      height: image.height,
      engine: 'learned',
      lines: [
        {
          text: ocrWords.map((w) => w.text).join(' '),
          confidence: ocrWords.reduce((s, w) => s + w.confidence, 0) / ocrWords.length,
          box: union(ocrWords.map((w) => w.box)),
          words: ocrWords,
        },
      ],
    };
  };
  return {
    recognize: (image: GrayImage, options: RecognizeOptions = {}) =>
      remembered.read(image, options.whitelist ?? '', () => readLine(image, options)),
    async terminate() {},
  };
}

/** The crops each set of models read last (recent-reads.ts). */
const recentReads = new WeakMap<TextModels, RecentReads>();

/**
 * Empties the memory of `models`' learned line readers: called when an analysis or an export check
 * ends, so no crop of a card number stays in the engine after its job ("Clear all" leaves nothing).
 */
export function forgetRecentReads(models: TextModels | undefined): void {
  if (models) recentReads.get(models)?.clear();
}

/**
 * Words: runs of characters between CTC spaces, also cut where the distance between neighbouring
 * characters is well over the line's usual pitch (the recognizer does not always emit the space
 * between a card's groups).
 */
function splitWords(chars: Placed[], height: number): Placed[][] {
  const mids = chars.map(mid);
  const d: number[] = [];
  for (let i = 1; i < chars.length; i++)
    if (chars[i].char !== ' ' && chars[i - 1].char !== ' ') d.push(mids[i] - mids[i - 1]);
  const pitch = Math.min(d.length ? median(d) : height * 0.5, height * 0.9);
  const words: Placed[][] = [];
  let cur: Placed[] = [];
  chars.forEach((c, i) => {
    if (c.char === ' ' || c.char.trim() === '') {
      if (cur.length) words.push(cur);
      cur = [];
      return;
    }
    if (cur.length && mids[i] - mids[i - 1] > 1.7 * pitch) {
      words.push(cur);
      cur = [];
    }
    cur.push(c);
  });
  if (cur.length) words.push(cur);
  return words;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Card numbers print in groups of four: the size a word with a skipped glyph must make up. */
const GROUP = 4;

/** Stands for a glyph the recognizer skipped: not a digit, not a look-alike, so it reads as '?'. */
export const UNREAD = '\u25a1';

/** The line's glyph pitch: the median distance between neighbouring glyph centres within words. */
function linePitch(words: Placed[][]): number {
  const d = words.flatMap((w) => w.slice(1).map((c, i) => mid(c) - mid(w[i])));
  return d.length ? median(d) : 0;
}

/**
 * A space the recognizer emitted where a glyph is (it read the glyph as a space): two words whose
 * facing glyphs are about two pitches apart with ink in the hole between them are one word with a
 * glyph missing. A group space on a card is as wide, but empty.
 */
function joinAcrossInkedHoles(words: Placed[][], img: GrayImage): Placed[][] {
  const inkAt = inkThreshold(img);
  const out: Placed[][] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && prev.length >= 2 && w.length >= 1) {
      const both = [...prev, ...w];
      const steps = both
        .slice(1)
        .map((c, i) => mid(c) - mid(both[i]))
        .filter((_, i) => i !== prev.length - 1);
      const pitch = steps.length ? median(steps) : 0;
      const a = mid(prev[prev.length - 1]);
      const b = mid(w[0]);
      const d = b - a;
      // Only where the glyph makes the two words one printed group of four: the space between two
      // groups is as wide, and embossed texture or glare in it must not pass for a glyph.
      if (prev.length + 1 + w.length === GROUP && pitch > 0 && d >= 1.6 * pitch && d <= 2.6 * pitch) {
        // Columns of the hole (between the facing glyphs' halves) that hold print in the middle rows.
        let inked = 0;
        const x0 = Math.ceil(a + 0.6 * pitch);
        const x1 = Math.floor(b - 0.6 * pitch);
        for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
          for (let y = Math.floor(0.3 * img.height); y < Math.ceil(0.7 * img.height); y++) {
            if (img.data[y * img.width + x] < inkAt) {
              inked++;
              break;
            }
          }
        }
        if (x1 > x0 && inked >= 0.5 * (x1 - x0)) {
          out[out.length - 1] = [...prev, ...w];
          continue;
        }
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * Greedy CTC can drop a glyph (two equal digits emitted without a blank between them merge into one;
 * a faint glyph loses to the blank). Inside a word of evenly pitched glyphs, a gap of about two
 * pitches shows where: an UNREAD character is put there, so the number keeps its length and the last
 * four stay the last four.
 */
function markDroppedGlyphs(word: Placed[], pitch: number): Placed[] {
  // A word one glyph short of a printed group of four, and only then.
  if (word.length !== GROUP - 1 || !(pitch > 0)) return word;
  const d = word.slice(1).map((c, i) => mid(c) - mid(word[i]));
  // The widest gap, if it is about two pitches (CTC steps are coarse: 1.6 to 2.6), holds the glyph.
  const i = d.indexOf(Math.max(...d));
  if (d[i] < 1.6 * pitch || d[i] > 2.6 * pitch) return word;
  const x = (mid(word[i]) + mid(word[i + 1])) / 2;
  const t = word[i + 1].t0;
  const unread: Placed = { char: UNREAD, confidence: 0, t0: t, t1: t, x0: x - 0.5, x1: x + 0.5 };
  return [...word.slice(0, i + 1), unread, ...word.slice(i + 1)];
}

/**
 * A word that is mostly digits (half or more) is replaced by the digits-only decode over the same
 * span: a look-alike letter the full decode chose becomes the digit that competed with it.
 */
function preferDigits(word: Placed[], digits: Placed[]): Placed[] {
  const real = word.filter((c) => isDigit(c.char)).length;
  if (real < 0.5 * word.length) return word;
  const x0 = word[0].x0;
  const x1 = word[word.length - 1].x1;
  const over = digits.filter((c) => c.char !== ' ' && mid(c) >= x0 && mid(c) <= x1);
  return over.length >= word.length - 1 && over.length <= word.length + 1 ? over : word;
}

/**
 * Glyph boxes for a word: each character owns the span halfway to its neighbours (CTC emits a glyph
 * on a step or two near its middle, not over its width); inside that span the box shrinks to the
 * columns and rows that hold ink (dark print: the readers hand over dark-on-light crops).
 */
function glyphBoxes(word: Placed[], img: GrayImage): Box[] {
  const mids = word.map(mid);
  const gaps: number[] = [];
  for (let i = 1; i < mids.length; i++) gaps.push(mids[i] - mids[i - 1]);
  const pitch = gaps.length ? median(gaps) : 0.6 * img.height;
  const inkAt = inkThreshold(img);
  return word.map((_, i) => {
    // Halfway to each neighbour, and never more than half the word's pitch: a glyph's ink box,
    // emboss shadow included, lies within it; a wide space is not part of the glyph.
    const left = Math.max(i > 0 ? (mids[i - 1] + mids[i]) / 2 : -Infinity, mids[i] - 0.5 * pitch);
    const right = Math.min(
      i < mids.length - 1 ? (mids[i] + mids[i + 1]) / 2 : Infinity,
      mids[i] + 0.5 * pitch,
    );
    const a = Math.max(0, Math.floor(left));
    const b = Math.min(img.width, Math.ceil(right));
    let x0 = b;
    let x1 = a;
    let y0 = img.height;
    let y1 = 0;
    for (let y = 0; y < img.height; y++) {
      const row = y * img.width;
      for (let x = a; x < b; x++) {
        if (img.data[row + x] < inkAt) {
          if (x < x0) x0 = x;
          if (x + 1 > x1) x1 = x + 1;
          if (y < y0) y0 = y;
          if (y + 1 > y1) y1 = y + 1;
        }
      }
    }
    // No ink found (faint print): the character's share of the line, across the middle rows.
    if (x1 <= x0 || y1 <= y0)
      return {
        x0: a,
        x1: Math.max(a + 1, b),
        y0: Math.round(0.2 * img.height),
        y1: Math.round(0.8 * img.height),
      };
    return { x0, x1, y0, y1 };
  });
}

/** A grey level below which a pixel is print: well under the crop's typical (ground) level. */
function inkThreshold(img: GrayImage): number {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]++;
  const pct = (p: number) => {
    for (let acc = 0, v = 0; v < 256; v++) {
      acc += hist[v];
      if (acc >= img.data.length * p) return v;
    }
    return 255;
  };
  const ground = pct(0.6);
  const ink = pct(0.03);
  return ink + 0.5 * (ground - ink);
}

function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
