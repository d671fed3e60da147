// Once a number is read, other lines shaped like one are read for a second card in the photo, except
// those on the number's own card: a card carries one number, so its name and bank lines need no read.
// The page is drawn: a light ID-1 card on a dark table (or on a table as light as the card, where no
// outline shows), sixteen glyph outlines on it and a bar of "words" under them.
import { describe, expect, it } from 'vitest';
import { detectCardNumbersDetailed } from '../../src/engine/detect/card-numbers';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';
import { darkColumnRuns, textLine } from '../support/shapes';

const W = 1000;
const H = 640;
/** The card: ID-1's shape (85.6 x 53.98 mm), 856 x 540 px from (72, 50). */
const CARD = { x0: 72, y0: 50, x1: 928, y1: 590 };
const GH = 40;
const NUMBER_Y = 360;
/** A Luhn-valid Visa number. */
const NUMBER = '4532015112830366';
const glyphLeft = (i: number) => 160 + i * 36 + Math.floor(i / 4) * 24;
const NUMBER_END = glyphLeft(15) + 26;
/** The words' bar: as long as a number (about 12 of its glyph heights), under it on the card. */
const WORDS = { x0: 200, x1: 680, y: 460, h: 36 };

/** The photo, `width` px wide (1000: about the ID-1 shape itself, as a photo cropped to the card). */
function page(table: number, width = W): GrayImage {
  const data = new Uint8Array(width * H).fill(table);
  for (let y = CARD.y0; y < CARD.y1; y++) for (let x = CARD.x0; x < CARD.x1; x++) data[y * width + x] = 225;
  // Glyph outlines, 4 px strokes: inside a glyph's box the ink is the dark tail, as in print. The
  // first group is the darkest: the reader is surer of the number read from that end.
  for (let i = 0; i < 16; i++)
    for (let y = NUMBER_Y - GH / 2; y < NUMBER_Y + GH / 2; y++)
      for (let x = glyphLeft(i); x < glyphLeft(i) + 26; x++) {
        const stroke = Math.abs(y - NUMBER_Y) >= GH / 2 - 4 || x < glyphLeft(i) + 4 || x >= glyphLeft(i) + 22;
        if (stroke) data[y * width + x] = i < 4 ? 0 : 40;
      }
  for (let y = WORDS.y - WORDS.h / 2; y < WORDS.y + WORDS.h / 2; y++)
    for (let x = WORDS.x0; x < WORDS.x1; x++) data[y * width + x] = 60;
  return { width, height: H, data };
}

/**
 * Reads a crop with 8+ ink runs as NUMBER when its first run is the darker end (one symbol a run),
 * as letters when turned round, and any other crop as words; counts the words read.
 */
function reader(): OcrEngine & { wordReads: number } {
  const r: OcrEngine & { wordReads: number } = {
    wordReads: 0,
    async recognize(image: GrayImage): Promise<OcrPage> {
      const runs = darkColumnRuns(image);
      const y0 = Math.round(image.height * 0.2);
      const y1 = Math.round(image.height * 0.8);
      const digits = runs.length >= 8;
      if (!digits) r.wordReads++;
      // Turned round, the number's glyphs read as letters (Z, E, h, S, L), as a recognizer reads them.
      const upright = digits && runs[0].ink < runs[runs.length - 1].ink;
      const text = upright
        ? NUMBER.slice(0, runs.length)
        : digits
          ? 'LSOVETSEVGLGLTGY'.slice(0, runs.length)
          : 'CARDHOLDER';
      const boxes = digits
        ? runs
        : [...text].map((_, i) => ({
            x0: (i * image.width) / text.length,
            x1: ((i + 1) * image.width) / text.length,
          }));
      const confidence = !digits || upright ? 0.95 : 0.6;
      const symbols = [...text].map((c, i) => ({ text: c, confidence, box: { ...boxes[i], y0, y1 } }));
      const box = { x0: boxes[0].x0, y0, x1: boxes[boxes.length - 1].x1, y1 };
      const line = { text, confidence, box, words: [{ text, confidence, box, symbols }] };
      return { width: image.width, height: image.height, engine: 'learned', lines: [line] };
    },
    async terminate() {},
  };
  return r;
}

const lines = [
  textLine((glyphLeft(0) + NUMBER_END) / 2, NUMBER_Y, NUMBER_END - glyphLeft(0), GH),
  textLine((WORDS.x0 + WORDS.x1) / 2, WORDS.y, WORDS.x1 - WORDS.x0, WORDS.h),
];

async function detect(image: GrayImage) {
  const r = reader();
  const found = await detectCardNumbersDetailed(image, r, { learnedStages: { lines, reader: r } });
  return { numbers: found.map((d) => d.finding.text), wordReads: r.wordReads };
}

describe("other lines shaped like a number, on the number's own card", () => {
  it('are not read for a second card when the card’s outline holds them and the number', async () => {
    const { numbers, wordReads } = await detect(page(90));
    expect(numbers).toEqual([NUMBER]);
    expect(wordReads).toBe(0);
  });

  it('are read when no outline shows which card they are on', async () => {
    // A table as light as the card, in a photo wider than a card: neither an edge nor the frame
    // says where the card is.
    const { numbers, wordReads } = await detect(page(225, 1400));
    expect(numbers).toEqual([NUMBER]);
    expect(wordReads).toBeGreaterThanOrEqual(1);
  });
});
