// detect/mirrored-relief.ts: the photo and its lines mirrored, findings placed back, and the two
// decisions: when a page is read mirrored, and when that reading replaces the one as is.
import { describe, expect, it } from 'vitest';
import {
  MIRRORED_NOTE,
  MIRRORED_RELIEF,
  mirrorFinding,
  mirrorImage,
  mirrorOutline,
  onSamePrint,
  readConfidence,
  mirrorTextLine,
  mirroredReadsBetter,
  probedBlank,
  worthReadingMirrored,
} from '../../src/engine/detect/mirrored-relief';
import { cardRulesBonus } from '../../src/engine/detect/brands';
import { cardBandLines } from '../../src/engine/detect/card-band';
import type { TextLine } from '../../src/engine/learned/text-lines';
import type { Finding, Quad, RgbaImage } from '../../src/engine/types';

const quad = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

const number = (text: string, confidence: number): Finding => ({
  id: 'card-1',
  kind: 'card-number',
  text,
  glyphs: [...text].map((_, i) => quad(10 + 10 * i, 20, 18 + 10 * i, 34)),
  confidence,
  keepable: true,
  enabledByDefault: true,
});

describe('mirroring the photo and what is found on it', () => {
  it('mirrors each row of pixels, every channel of a pixel together', () => {
    const image: RgbaImage = {
      width: 3,
      height: 2,
      data: Uint8ClampedArray.from([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
      ]),
    };
    const m = mirrorImage(image);
    expect([...m.data]).toEqual([
      9, 10, 11, 12, 5, 6, 7, 8, 1, 2, 3, 4, 21, 22, 23, 24, 17, 18, 19, 20, 13, 14, 15, 16,
    ]);
    expect([...mirrorImage(m).data]).toEqual([...image.data]);
    // Pixels in a buffer at an odd offset (a view into a larger one) mirror the same.
    const shifted = new Uint8ClampedArray(new ArrayBuffer(25), 1, 24);
    shifted.set(image.data);
    expect([...mirrorImage({ ...image, data: shifted }).data]).toEqual([...m.data]);
  });

  it('mirrors a line: its centre across the photo, its slope the other way', () => {
    const line: TextLine = {
      centre: { x: 30, y: 40 },
      angle: 0.2,
      length: 80,
      glyphHeight: 12,
      score: 0.9,
      pieces: 1,
    };
    expect(mirrorTextLine(line, 100)).toEqual({ ...line, centre: { x: 70, y: 40 }, angle: -0.2 });
    // A vertical line stays at pi/2 (the angle's range is (-pi/2, pi/2]).
    expect(mirrorTextLine({ ...line, angle: Math.PI / 2 }, 100).angle).toBe(Math.PI / 2);
  });

  it('places a finding back: quads mirrored, reading order kept, the note added', () => {
    const f = mirrorFinding(number('4111111111111111', 0.9), 200);
    expect(f.glyphs[0]).toEqual([
      { x: 190, y: 20 },
      { x: 182, y: 20 },
      { x: 182, y: 34 },
      { x: 190, y: 34 },
    ]);
    expect(f.glyphs[15][0].x).toBe(40);
    expect(f.text).toBe('4111111111111111');
    expect(f.notes).toEqual([MIRRORED_NOTE]);
  });
});

describe('card band lines the page as is read blank', () => {
  const band = (x: number, y: number, glyphHeight = 20, angle = 0.1): TextLine => ({
    centre: { x, y },
    angle,
    length: 300,
    glyphHeight,
    score: 1,
    pieces: 1,
  });
  const photoWidth = 800;
  // Probed as is at (200, 300) and read blank; on the mirrored page the same band line lies a pixel
  // or two from its mirror image at most (rounding), and no closer to any other.
  const blank = [mirrorTextLine(band(200, 300), photoWidth)];

  it('is the mirrored band line found again to within a quarter glyph height', () => {
    expect(probedBlank(band(601, 302, 20, -0.1), blank)).toBe(true);
    expect(probedBlank(band(603, 300, 21, -0.12), blank)).toBe(true);
  });

  it('is not another band line: further along or across, taller, or turned', () => {
    // Half a glyph height across: the next band line down the card.
    expect(probedBlank(band(600, 310, 20, -0.1), blank)).toBe(false);
    expect(probedBlank(band(640, 300, 20, -0.1), blank)).toBe(false);
    // The same centre, print a third taller: a line of other print.
    expect(probedBlank(band(600, 300, 27, -0.1), blank)).toBe(false);
    // The same centre, across the card.
    expect(probedBlank(band(600, 300, 20, 1.4), blank)).toBe(false);
    expect(probedBlank(band(600, 300), [])).toBe(false);
  });
});

describe("the card's outline, mirrored", () => {
  // A card turned about 20 degrees on a photo 1000 px wide, corners clockwise from the top-left.
  const photoWidth = 1000;
  const outline = {
    corners: [
      { x: 300, y: 200 },
      { x: 730, y: 356 },
      { x: 640, y: 604 },
      { x: 210, y: 448 },
    ] as Quad,
    support: 0.8,
    cover: 0.2,
  };

  it('lists its corners clockwise from the top-left again', () => {
    expect(mirrorOutline(outline, photoWidth).corners).toEqual([
      { x: 270, y: 356 },
      { x: 700, y: 200 },
      { x: 790, y: 448 },
      { x: 360, y: 604 },
    ]);
  });

  it("lays the mirrored page's band lines on those probed as is, so the blank ones are skipped", () => {
    const asIs = cardBandLines(outline).map((l) => mirrorTextLine(l, photoWidth));
    const mirrored = cardBandLines(mirrorOutline(outline, photoWidth));
    expect(mirrored).toHaveLength(asIs.length);
    for (const l of mirrored) expect(probedBlank(l, asIs)).toBe(true);
    // Each meets its own mirror image, not a neighbour.
    for (const l of mirrored) expect(asIs.filter((b) => probedBlank(l, [b]))).toHaveLength(1);
  });
});

describe('when a page is read mirrored', () => {
  it('reads it mirrored where no card number was found, or one no card rule backs', () => {
    expect(worthReadingMirrored([])).toBe(true);
    // A mirrored number read upside down: no IIN, Luhn fails.
    expect(worthReadingMirrored([number('0015342258407531', 0.57)])).toBe(true);
    expect(worthReadingMirrored([number('1234567890123456', 0.64)])).toBe(true);
  });

  it('not where the number has a known IIN or passes Luhn', () => {
    expect(worthReadingMirrored([number('4111111111111112', 0.6)])).toBe(false);
    // 0000 0000 0000 0000 has no IIN but passes Luhn.
    expect(worthReadingMirrored([number('0000000000000000', 0.6)])).toBe(false);
    // Luhn is judged on a reading in full only.
    expect(worthReadingMirrored([number('00000000000000?0', 0.6)])).toBe(true);
  });
});

describe('what the two readings are compared on', () => {
  it("takes the card rules' bonuses off a number's confidence", () => {
    // 0.35 + 0.3 x 0.5 read, +0.2 Luhn, +0.1 Visa length: 0.8 in all, 0.5 read.
    expect(readConfidence(number('4111111111111111', 0.8))).toBeCloseTo(0.5);
    expect(readConfidence(number('1234567890123456', 0.64))).toBeCloseTo(0.64);
  });

  it('finds two readings of one print by their boxes', () => {
    const a = number('1234567890123456', 0.6);
    const b = mirrorFinding(a, 10 + 10 * 16 + 8);
    expect(onSamePrint(a, b)).toBe(true);
    const below = { ...a, glyphs: a.glyphs.map((q) => q.map((p) => ({ x: p.x, y: p.y + 40 })) as Quad) };
    expect(onSamePrint(a, below)).toBe(false);
  });
});

describe('when the mirrored reading replaces the one as is', () => {
  const { minConfidence, minGain } = MIRRORED_RELIEF;

  it('replaces nothing with a sure reading, nearly in full', () => {
    expect(mirroredReadsBetter(undefined, number('1234567890123456', minConfidence))).toBe(true);
    expect(mirroredReadsBetter(undefined, number('1234567890123456', minConfidence - 0.01))).toBe(false);
    // A last digit unread at the card's edge; normal print mirrored reads with gaps.
    expect(mirroredReadsBetter(undefined, number('41004266198369' + '9?', 0.72))).toBe(true);
    expect(mirroredReadsBetter(undefined, number('69?2212616?21?77', 0.9))).toBe(false);
    expect(mirroredReadsBetter(undefined, undefined)).toBe(false);
  });

  it('weighs a number the frame cuts by the glyphs in view, not the places past the cut', () => {
    // Its read part (confidence less the card rules' bonus: a Mastercard IIN and length here).
    const read = (text: string, part: number) => number(text, part + cardRulesBonus(text));
    // 12 sure digits, the last four past the photo's edge: read part 0.57 over 16 places, 0.65 over 12.
    expect(mirroredReadsBetter(undefined, read('559107142428????', 0.5735))).toBe(true);
    // The same, first four cut instead.
    expect(mirroredReadsBetter(undefined, read('????559107142428', 0.5735))).toBe(true);
    // Gaps among the glyphs in view still count, and unsure digits stay unsure.
    expect(mirroredReadsBetter(undefined, read('5591?71?24?8????', 0.62))).toBe(false);
    expect(mirroredReadsBetter(undefined, read('559107142428????', 0.45))).toBe(false);
  });

  it('replaces a reading as is when surer by the margin, or whole by the card rules where it was not', () => {
    const asIs = number('0015342258407531', 0.61);
    expect(mirroredReadsBetter(asIs, number('1234567890123456', 0.61 + minGain))).toBe(true);
    expect(mirroredReadsBetter(asIs, number('1234567890123456', 0.61 + minGain / 2))).toBe(false);
    // 4111 1111 1111 1111: a Visa length passing Luhn (read part 0.65), against a reading that is not.
    expect(mirroredReadsBetter(number('1234567890123456', 0.7), number('4111111111111111', 0.95))).toBe(true);
    expect(mirroredReadsBetter(number('4111111111111111', 0.9), number('4111111111111111', 0.95))).toBe(
      false,
    );
    // A garbled reading that happens to pass Luhn is no surer for it (read part 0.5).
    expect(mirroredReadsBetter(undefined, number('4111111111111111', 0.8))).toBe(false);
  });
});
