// The leak check reads a line turned half round only when its direction is open: on a page whose
// number was read, a line that runs with the number and reads no digits that way is read once. Spy
// readers count the reads and stand in for Tesseract.
import { describe, expect, it } from 'vitest';
import { checkExport, findLeaks, pageWayUp, type Line } from '../../src/engine/detect/leak-check';
import type { OcrEngine } from '../../src/engine/ocr/types';
import type { Finding, GrayImage, Quad, RgbaImage } from '../../src/engine/types';
import { spreadReader } from '../support/spread-reader';

const image: RgbaImage = { width: 900, height: 600, data: new Uint8ClampedArray(900 * 600 * 4).fill(230) };

/** A line of print 400 px long, 30 px glyphs, centred on the picture, running at `angle` radians. */
const line = (angle: number): Line => ({ centre: { x: 450, y: 300 }, angle, length: 400, glyphHeight: 30 });

/** A reader that reads `text` (one symbol a character, spread along the crop) and counts its reads. */
const spyReader = spreadReader;

/** A card-number finding read along `angle` (its glyphs' centres run that way). */
function numberAt(angle: number): Pick<Finding, 'kind' | 'reader' | 'glyphs'> {
  const glyphs = Array.from({ length: 16 }, (_, i): Quad => {
    const x = 200 + 20 * i * Math.cos(angle);
    const y = 300 + 20 * i * Math.sin(angle);
    return [
      { x: x - 5, y: y - 8 },
      { x: x + 5, y: y - 8 },
      { x: x + 5, y: y + 8 },
      { x: x - 5, y: y + 8 },
    ];
  });
  return { kind: 'card-number', reader: 'learned', glyphs };
}

const reads = async (text: string, angle: number, wayUp?: number) => {
  const ocr = spyReader(text);
  const leaks = await findLeaks(image, { ocr, reader: 'tesseract', lines: [line(angle)], wayUp });
  return { calls: ocr.calls, leaks };
};

describe('leak check: which way round a line is read', () => {
  it('reads a line of words both ways round when the way up is unknown', async () => {
    expect((await reads('VALID THRU', 0)).calls).toBe(2);
  });

  it('reads it once when it runs with the way up of the page’s number (either way round)', async () => {
    expect((await reads('VALID THRU', 0, 0)).calls).toBe(1);
    expect((await reads('VALID THRU', 0.3, 0.1)).calls).toBe(1);
    // The page reads right to left: the line is read turned, and only turned.
    expect((await reads('VALID THRU', 0, Math.PI)).calls).toBe(1);
    // A sentence of small print with a number in it is words too.
    expect((await reads('Use of this card is subject to the agreement. 10 days', 0, 0)).calls).toBe(1);
  });

  it('still reads it turned when the read holds digits, or when the line runs across the way up', async () => {
    // Upside-down numbers read as some digits: a second card turned against the first is still checked.
    expect((await reads('0T0b 9L', 0, 0)).calls).toBe(2);
    expect((await reads('VALID THRU', Math.PI / 2, 0)).calls).toBe(2);
  });

  it('finds a number the first way round and does not read it again', async () => {
    const { calls, leaks } = await reads('4111 1111 1111 1111', 0, Math.PI);
    expect(calls).toBe(1);
    expect(leaks).toHaveLength(1);
    expect(leaks[0].label).toBe('••••••••••••1111');
  });
});

describe('pageWayUp', () => {
  it('is the direction the page’s card numbers read, when they agree', () => {
    expect(pageWayUp([numberAt(0)])).toBeCloseTo(0);
    expect(pageWayUp([numberAt(Math.PI), numberAt(Math.PI - 0.2)])).toBeCloseTo(Math.PI);
  });

  it('is unknown without a number read glyph by glyph, or with numbers read different ways', () => {
    expect(pageWayUp([])).toBeUndefined();
    expect(
      pageWayUp([{ kind: 'card-number' }, { kind: 'iban', glyphs: numberAt(0).glyphs }]),
    ).toBeUndefined();
    expect(pageWayUp([numberAt(0), numberAt(Math.PI)])).toBeUndefined();
  });

  it('is what checkExport reads the lines by', async () => {
    const ocr = spyReader('VALID THRU');
    const lines = [line(0)];
    await checkExport(image, [numberAt(0)], { ocr, primary: 'learned', lines });
    expect(ocr.calls).toBe(1);
    await checkExport(image, [{ kind: 'card-number', reader: 'learned' }], {
      ocr,
      primary: 'learned',
      lines,
    });
    expect(ocr.calls).toBe(3);
  });
});

/** A reader that reads the first crop as `first` and every later one (the line turned) as `turned`. */
const turnedReader = (first: string, turned: string): OcrEngine => {
  const [a, b] = [spreadReader(first), spreadReader(turned)];
  let calls = 0;
  return {
    recognize: (img: GrayImage) => (calls++ ? b : a).recognize(img),
    terminate: async () => undefined,
  };
};

describe('leak check: phone lines', () => {
  it('takes a line labelled as a phone line for a phone number, as the card detector does', async () => {
    // Twelve digits in groups of four would be a leak anywhere else.
    expect((await reads('0800 7111 4713', 0, 0)).leaks).toHaveLength(1);
    expect((await reads('Call 0800 7111 4713', 0, 0)).leaks).toHaveLength(0);
    expect((await reads('Customer Service 0800 7111 4713', 0)).leaks).toHaveLength(0);
  });

  it('takes a line whose turned reading is a phone line for one, when the way up is open', async () => {
    const leaksOf = async (first: string, turned: string, wayUp?: number) => {
      const ocr = turnedReader(first, turned);
      return findLeaks(image, { ocr, reader: 'tesseract', lines: [line(0)], wayUp });
    };
    // "1-800-711-6859" upside down reads as digits in groups: no leak once read the right way round...
    expect(await leaksOf('6589 1140 0801', '1-800-711-6859')).toHaveLength(0);
    // ...but a turned reading that is no phone line leaves it one, and so does a known way up (the
    // line is then read the page's way first, and that read is the line's).
    expect(await leaksOf('6589 1140 0801', 'VALID THRU')).toHaveLength(1);
    // Turned, a label word read from digits ("0731" as "TEL0") is no phone number; nor is an 11-digit
    // one the turned reading of 16 digits.
    expect(await leaksOf('6589 1140 0801', 'TEL0 1140 6589')).toHaveLength(1);
    expect(await leaksOf('6589 1140 0801 4111', '1-800-711-6859')).toHaveLength(1);
    expect(await leaksOf('6589 1140 0801', '1-800-711-6859', 0)).toHaveLength(1);
  });

  it('takes small print read upside down for words when the other way round reads as words', async () => {
    const leaksOf = (first: string, turned: string) =>
      findLeaks(image, { ocr: turnedReader(first, turned), reader: 'tesseract', lines: [line(0)] });
    // A back's terms upside down: a few digits in card layout among many letters, words turned.
    const upsideDown = 'Aunod 0080 7111 LTT TTL pues Aue JO uo PIII SIAL';
    const words = 'to any branch or office Outside the country';
    expect(await leaksOf(upsideDown, words)).toHaveLength(0);
    // Read the right way round first (words, no number there), then turned.
    expect(await leaksOf(words, upsideDown)).toHaveLength(0);
    // A number reads mostly as digits: still a leak beside words the other way round.
    expect(await leaksOf('4111 1111 1111 1111', words)).toHaveLength(1);
    expect(await leaksOf(words, 'Card 4111 1111 1111 1111')).toHaveLength(1);
  });

  it('still reports a whole card number on a line with such a word', async () => {
    const { leaks } = await reads('Call 4111 1111 1111 1111', 0, 0);
    expect(leaks).toHaveLength(1);
    expect(leaks[0].label).toBe('••••••••••••1111');
  });
});
