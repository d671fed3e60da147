// A candidate line read the photo's way up as words of a card's print, and no number, is not read
// turned round when the text direction classifier is sure it is upright too (card-numbers.ts
// wordsUpright): the rule page-way-up.ts applies to the words around a number, here saving the
// line's turned reads.
import { describe, expect, it } from 'vitest';
import { wordsUpright, type ReadNumber } from '../../src/engine/detect/card-numbers';
import type { LineCrop, LineReading, ReadGlyph } from '../../src/engine/detect/read-line';
import type { GrayImage } from '../../src/engine/types';
import { darkerFirstHalf } from '../support/shapes';

/** A 120 x 20 crop, its left half dark: the classifier below calls it upright, turned round not. */
function crop(): LineCrop {
  const data = new Uint8Array(120 * 20).map((_, i) => (i % 120 < 60 ? 30 : 220));
  const image: GrayImage = { width: 120, height: 20, data };
  return { image, raw: image, origin: { x: 0, y: 0 }, angle: 0, scale: 1 };
}

function reading(text: string, confidence: number): LineReading {
  const glyphs: ReadGlyph[] = [...text].map((char, i) => ({
    char,
    confidence,
    x0: i * 6,
    y0: 2,
    x1: i * 6 + 5,
    y1: 18,
  }));
  return { crop: crop(), glyphs, text, confidence, learned: true };
}

/** Sure the crop is upright when its first half is the darker, sure it is turned when not. */
const classify = async (image: GrayImage) => (darkerFirstHalf(image) ? 0.999 : 0.001);

/** A number-like reading (12+ glyphs, 8+ digits) of the line, as readCandidate's `up`. */
const numberLike = { run: { slots: Array(16).fill({ char: '4' }), trueDigits: 16 } } as unknown as ReadNumber;

/** `up` for a line whose run of digits reads `digits`, each a slot read as that digit. */
const runOf = (digits: string) =>
  ({
    run: { slots: [...digits].map((char) => ({ char, confidence: 0.95 })), trueDigits: digits.length },
  }) as unknown as ReadNumber;

describe('a line read upright as words', () => {
  it('is upright when the classifier is sure of it on the crop and the crop turned round', async () => {
    const readings = [reading('0800711157', 0.98), reading('Customer Service 0800 711 157', 0.95)];
    expect(await wordsUpright(classify, undefined, readings)).toBe(true);
  });

  it('is left to be read both ways when its words are none of a card’s print', async () => {
    // Digits upside down can read as confident letters ("hISh LL9Z"): a card's words cannot.
    expect(await wordsUpright(classify, undefined, [reading('hISh LL9Z', 0.95)])).toBe(false);
  });

  it('is left to be read both ways when the classifier is not sure', async () => {
    const unsure = async () => 0.6;
    expect(await wordsUpright(unsure, undefined, [reading('AUTHORIZED SIGNATURE', 0.95)])).toBe(false);
  });

  it('is left to be read both ways when its words were read in doubt, or there is no classifier', async () => {
    expect(await wordsUpright(classify, undefined, [reading('AUTHORIZED SIGNATURE', 0.6)])).toBe(false);
    expect(await wordsUpright(undefined, undefined, [reading('AUTHORIZED SIGNATURE', 0.95)])).toBe(false);
  });

  it('is upright on a phone line, whose digits make no card number either way round', async () => {
    const phone = [reading('Customer Service 1 800 711 267 858', 0.96)];
    expect(await wordsUpright(classify, runOf('1800711267858'), phone)).toBe(true);
  });

  it('never lets off a line that read as a number: the classifier is sure and wrong on digits', async () => {
    let asked = 0;
    const counting = async (image: GrayImage) => (asked++, classify(image));
    expect(await wordsUpright(counting, numberLike, [reading('CARD 4000 1234 5678 9010', 0.95)])).toBe(false);
    expect(asked).toBe(0);
  });
});
