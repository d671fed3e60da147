// The way up from the words around a number: lines of words read both ways round in the number's
// frame. The page is drawn so that each line of "words" is dark at its start and light at its end; the
// fake recognizer reads a crop as confident words only when its dark end comes first, so a vote can
// only come out right if the crops are really taken in the number's frame and its turn.
import { describe, expect, it } from 'vitest';
import { proseWayUp, wayOfWords, type LineInFrame } from '../../src/engine/detect/page-way-up';
import type { LineReading } from '../../src/engine/detect/read-line';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';
import { darkerFirstHalf, textLine } from '../support/shapes';

const W = 600;
const H = 400;

/** A light page with lines of "words": each `length` long, dark on its first half along `dir`. */
function page(lines: { x: number; y: number; length: number; gh: number; dir: 1 | -1 }[]): GrayImage {
  const data = new Uint8Array(W * H).fill(230);
  for (const l of lines)
    for (let y = Math.round(l.y - l.gh / 2); y < l.y + l.gh / 2; y++)
      for (let x = Math.round(l.x - l.length / 2); x < l.x + l.length / 2; x++) {
        const first = l.dir * (x - l.x) < 0;
        data[y * W + x] = first ? 20 : 160;
      }
  return { width: W, height: H, data };
}

/** Reads a crop as "CARD HOLDER" (0.95) when its left half is the darker, else as letters at 0.4. */
function darkFirstReader(): OcrEngine & { asked: number } {
  const engine = {
    asked: 0,
    async recognize(image: GrayImage): Promise<OcrPage> {
      engine.asked++;
      const upright = darkerFirstHalf(image);
      const text = upright ? 'CARD HOLDER' : 'ꓤƎꓷꓶOH ꓷꓤⱯꓛ';
      const confidence = upright ? 0.95 : 0.4;
      const box = { x0: 2, y0: 2, x1: image.width - 2, y1: image.height - 2 };
      const symbols = [...text].map((c) => ({ text: c, confidence, box }));
      const line = { text, confidence, box, words: [{ text, confidence, box, symbols }] };
      return { width: image.width, height: image.height, lines: [line] };
    },
    async terminate() {},
  };
  return engine;
}

const line = textLine;
const number = (angle: number): LineInFrame => ({
  centre: { x: 300, y: 200 },
  angle,
  length: 320,
  glyphHeight: 30,
});

describe('proseWayUp', () => {
  it('reads words upright along the number: 0; along the number turned half round: 1', async () => {
    // The words read left to right; so does the number when its angle is 0.
    const gray = page([
      { x: 260, y: 110, length: 200, gh: 20, dir: 1 },
      { x: 220, y: 290, length: 160, gh: 16, dir: 1 },
    ]);
    const words = [line(260, 110, 200, 20), line(220, 290, 160, 16)];
    expect(await proseWayUp(gray, darkFirstReader(), number(0), words)).toBe(0);
    expect(await proseWayUp(gray, darkFirstReader(), number(Math.PI), words)).toBe(1);
  });

  it('finds the page upside down when its words read right to left', async () => {
    const gray = page([{ x: 260, y: 110, length: 200, gh: 20, dir: -1 }]);
    expect(await proseWayUp(gray, darkFirstReader(), number(0), [line(260, 110, 200, 20)])).toBe(1);
  });

  it('has no answer when the lines disagree', async () => {
    const gray = page([
      { x: 260, y: 110, length: 200, gh: 20, dir: 1 },
      { x: 220, y: 290, length: 160, gh: 16, dir: -1 },
    ]);
    const words = [line(260, 110, 200, 20), line(220, 290, 160, 16)];
    expect(await proseWayUp(gray, darkFirstReader(), number(0), words)).toBeUndefined();
  });

  it('reads the middle of a long line, and stops once two lines agree', async () => {
    // Three lines of words; the first is 30 glyph heights long.
    const gray = page([
      { x: 300, y: 90, length: 580, gh: 18, dir: 1 },
      { x: 260, y: 130, length: 200, gh: 16, dir: 1 },
      { x: 220, y: 290, length: 160, gh: 16, dir: 1 },
    ]);
    const words = [line(300, 90, 580, 18), line(260, 130, 200, 16), line(220, 290, 160, 16)];
    const reader = darkFirstReader();
    const widths: number[] = [];
    const measured: OcrEngine = {
      recognize: (image, o) => (widths.push(image.width / image.height), reader.recognize(image, o)),
      terminate: async () => {},
    };
    expect(await proseWayUp(gray, measured, number(0), words)).toBe(0);
    expect(reader.asked).toBe(4);
    // The crop's length in its own heights (1.8 glyph heights tall): at most the 8 read and a margin.
    expect(Math.max(...widths)).toBeLessThan((8 + 1.5) / 1.8 + 0.5);
  });

  it('reads only lines of words along the number, on its card, at about its size', async () => {
    const gray = page([{ x: 260, y: 110, length: 200, gh: 20, dir: 1 }]);
    const reader = darkFirstReader();
    const ignored = [
      line(260, 110, 200, 20, Math.PI / 2), // across the number
      line(260, 110, 40, 20), // two glyphs: no word
      line(260, 110, 200, 4), // fine print
      line(300, 200, 320, 30), // the number's own line
    ];
    expect(await proseWayUp(gray, reader, number(0), ignored)).toBeUndefined();
    expect(reader.asked).toBe(0);
    // Far off the card (over 1.2 of the number's length away).
    const far = { ...number(0), length: 60 };
    expect(await proseWayUp(gray, reader, far, [line(260, 110, 200, 20)])).toBeUndefined();
    expect(reader.asked).toBe(0);
  });
});

describe('proseWayUp with the direction classifier', () => {
  const gray = page([
    { x: 260, y: 110, length: 200, gh: 20, dir: 1 },
    { x: 220, y: 290, length: 160, gh: 16, dir: 1 },
  ]);
  const words = [line(260, 110, 200, 20), line(220, 290, 160, 16)];
  /** A classifier that sees which half is darker, as sure as `p`; `asked` counts its runs. */
  const classifier = (p: number) => {
    const c = {
      asked: 0,
      classify: async (crop: GrayImage) => (c.asked++, darkerFirstHalf(crop) ? p : 1 - p),
    };
    return c;
  };

  it('reads each line only the way the classifier is sure of, when that reading is words', async () => {
    const reader = darkFirstReader();
    const cls = classifier(0.99);
    expect(await proseWayUp(gray, reader, number(0), words, undefined, cls.classify)).toBe(0);
    // Two lines, one read each; both crops of each classified.
    expect(reader.asked).toBe(2);
    expect(cls.asked).toBe(4);
    const turned = darkFirstReader();
    expect(await proseWayUp(gray, turned, number(Math.PI), words, undefined, classifier(0.99).classify)).toBe(
      1,
    );
    expect(turned.asked).toBe(2);
  });

  it('reads both ways where the classifier is unsure', async () => {
    const reader = darkFirstReader();
    expect(await proseWayUp(gray, reader, number(0), words, undefined, classifier(0.7).classify)).toBe(0);
    expect(reader.asked).toBe(4);
  });

  it('never votes on the classifier alone: a sure call the recognizer does not read as words is read both ways', async () => {
    // The classifier is sure and wrong (it calls the right-to-left crops upright); the one reading
    // it asks for is look-alike letters at 0.4, so the line is read the other way too and the words
    // decide.
    const reader = darkFirstReader();
    const wrong = async (crop: GrayImage) => (darkerFirstHalf(crop) ? 0.01 : 0.99);
    expect(await proseWayUp(gray, reader, number(0), words, undefined, wrong)).toBe(0);
    expect(reader.asked).toBe(2 * 3);
  });
});

const reading = (text: string, confidence: number): LineReading => ({
  crop: {} as LineReading['crop'],
  glyphs: [],
  text,
  confidence,
});

describe('wayOfWords', () => {
  it('takes the reading of words clearly surer than the other way round', () => {
    expect(wayOfWords(reading('CREDIT CARD', 0.93), reading('QAAƆ TIQƎAƆ', 0.55))).toBe(0);
    expect(wayOfWords(reading('1S|', 0.5), reading('BANK', 0.9))).toBe(1);
  });

  it('gives no vote for digits, for low confidence, or for two readings about as sure', () => {
    expect(wayOfWords(reading('0918', 0.99), reading('8160', 0.5))).toBeUndefined();
    expect(wayOfWords(reading('GOLD', 0.7), reading('qJOƆ', 0.3))).toBeUndefined();
    expect(wayOfWords(reading('SOS NOON', 0.92), reading('NOON SOS', 0.88))).toBeUndefined();
  });
});
