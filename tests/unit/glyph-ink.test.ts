// fitGlyphsToInk (src/engine/detect/glyph-ink.ts): glyph boxes grown across the line to the rows
// their print fills, whatever the print's polarity, never shrunk, never moved along the line, and
// never grown into a line printed clear of the number.
import { describe, expect, it } from 'vitest';
import { fitFindingGlyphsToInk, fitGlyphsToInk } from '../../src/engine/detect/glyph-ink';
import { GLYPH_INK } from '../../src/engine/detect/thresholds';
import type { GrayImage, Quad } from '../../src/engine/types';

const W = 400;
const H = 200;

/** A page of `ground` with filled rectangles of `ink` (x0, y0, x1, y1 exclusive). */
function page(ground: number, ink: number, rects: [number, number, number, number][]): GrayImage {
  const data = new Uint8Array(W * H).fill(ground);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = ink;
  return { width: W, height: H, data };
}

/** Digit-like glyphs: a hollow box (two strokes down, two across) of 14 x 30 pixels every 20 pixels. */
function digits(x: number, top: number, count: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let k = 0; k < count; k++) {
    const x0 = x + 20 * k;
    out.push([x0, top, x0 + 3, top + 30], [x0 + 11, top, x0 + 14, top + 30]);
    out.push([x0, top, x0 + 14, top + 3], [x0, top + 27, x0 + 14, top + 30]);
  }
  return out;
}

const box = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

const rows = (q: Quad) => [Math.min(...q.map((p) => p.y)), Math.max(...q.map((p) => p.y))];
const cols = (q: Quad) => [Math.min(...q.map((p) => p.x)), Math.max(...q.map((p) => p.x))];

describe('fitGlyphsToInk', () => {
  // Glyphs printed at rows 80..110; the reader's boxes hold only their upper 18 rows.
  const glyphs = Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 98));

  it('grows boxes that hold the upper part of their digits down to the whole digit, either polarity', () => {
    for (const [ground, ink] of [
      [200, 40],
      [40, 200],
    ]) {
      const fitted = fitGlyphsToInk(page(ground, ink, digits(100, 80, 8)), glyphs);
      fitted.forEach((q, k) => {
        const [top, bottom] = rows(q);
        expect(top).toBeLessThanOrEqual(80);
        expect(bottom).toBeGreaterThanOrEqual(110);
        expect(bottom).toBeLessThanOrEqual(113);
        // Along the line, nothing moves.
        expect(cols(q)).toEqual(cols(glyphs[k]));
      });
    }
  });

  it('follows a line the boxes run across at a slant: each box to its own digit', () => {
    // The digits step down 2 rows a glyph (perspective); the reader's boxes stay level at 80..110.
    const rects = Array.from({ length: 8 }, (_, k) => digits(100 + 20 * k, 80 + 2 * k, 1)).flat();
    const fitted = fitGlyphsToInk(
      page(210, 30, rects),
      Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 110)),
    );
    fitted.forEach((q, k) => {
      expect(rows(q)[1]).toBeGreaterThanOrEqual(110 + 2 * k);
      expect(rows(q)[1]).toBeLessThanOrEqual(114 + 2 * k);
    });
  });

  it('is not pulled by a shape behind a third of the digits', () => {
    // A large light logo behind glyphs 2..4, far taller than the number.
    const img = page(200, 40, digits(100, 80, 8));
    for (let y = 30; y < 170; y++)
      for (let x = 145; x < 187; x++) if (img.data[y * W + x] === 200) img.data[y * W + x] = 250;
    const fitted = fitGlyphsToInk(
      img,
      Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 110)),
    );
    for (const q of fitted) {
      expect(rows(q)[0]).toBeGreaterThanOrEqual(76);
      expect(rows(q)[1]).toBeLessThanOrEqual(114);
    }
  });

  it('leaves boxes that already hold their digits all but unchanged, and never shrinks one', () => {
    const fitted = fitGlyphsToInk(
      page(200, 40, digits(100, 80, 8)),
      Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 110)),
    );
    for (const q of fitted) {
      const [top, bottom] = rows(q);
      expect(top).toBeLessThanOrEqual(80);
      expect(top).toBeGreaterThanOrEqual(77);
      expect(bottom).toBeGreaterThanOrEqual(110);
      expect(bottom).toBeLessThanOrEqual(113);
    }
  });

  it('grows boxes placed half over a stamp below the number to their faint digits', () => {
    // Dark print on a mid-green card (ground 120, ink 80) at rows 80..110; a white stamp's frame
    // (far stronger edges) under the first four glyphs from row 113; the reader's line slipped down,
    // its boxes at rows 96..126.
    const img = page(120, 80, digits(100, 80, 8));
    for (const [x0, y0, x1, y1] of [
      [95, 113, 185, 116],
      [95, 113, 98, 160],
      [182, 113, 185, 160],
      [105, 125, 170, 128],
    ])
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * W + x] = 255;
    const fitted = fitGlyphsToInk(
      img,
      Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 96, 114 + 20 * k, 126)),
    );
    for (const q of fitted) expect(rows(q)[0]).toBeLessThanOrEqual(81);
  });

  it('does not run into a line printed a third of a glyph height below the number', () => {
    const img = page(200, 40, [...digits(100, 80, 8), [100, 120, 260, 135]]);
    const fitted = fitGlyphsToInk(
      img,
      Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 110)),
    );
    for (const q of fitted) expect(rows(q)[1]).toBeLessThan(116);
  });

  it(`grows at most ${GLYPH_INK.maxGrow} glyph heights each way, and not at all on a blank band`, () => {
    // Print that runs far above and below the boxes (a pattern, a hand).
    const tall = fitGlyphsToInk(
      page(200, 40, digits(100, 20, 8).concat(digits(100, 50, 8), digits(100, 140, 8))),
      [...Array.from({ length: 8 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 110))],
    );
    for (const q of tall) {
      const [top, bottom] = rows(q);
      expect(top).toBeGreaterThanOrEqual(80 - GLYPH_INK.maxGrow * 30 - 1);
      expect(bottom).toBeLessThanOrEqual(110 + GLYPH_INK.maxGrow * 30 + 1);
    }
    const blank = page(128, 128, []);
    expect(fitGlyphsToInk(blank, glyphs)).toEqual(glyphs);
  });

  it('grows a tilted box along its own down direction', () => {
    // A hollow digit turned 30 degrees clockwise about (200, 100); the box holds its upper half.
    const a = (30 * Math.PI) / 180;
    const toPage = (u: number, v: number) => ({
      x: 200 + u * Math.cos(a) - v * Math.sin(a),
      y: 100 + u * Math.sin(a) + v * Math.cos(a),
    });
    const img = page(200, 200, []);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const u = (x - 200) * Math.cos(a) + (y - 100) * Math.sin(a);
        const v = -(x - 200) * Math.sin(a) + (y - 100) * Math.cos(a);
        if (Math.abs(u) <= 7 && Math.abs(v) <= 15 && (Math.abs(u) >= 4 || Math.abs(v) >= 12))
          img.data[y * W + x] = 40;
      }
    const q: Quad = [toPage(-7, -15), toPage(7, -15), toPage(7, 0), toPage(-7, 0)];
    const [fitted] = fitGlyphsToInk(img, [q]);
    const vOf = (p: { x: number; y: number }) => -(p.x - 200) * Math.sin(a) + (p.y - 100) * Math.cos(a);
    const uOf = (p: { x: number; y: number }) => (p.x - 200) * Math.cos(a) + (p.y - 100) * Math.sin(a);
    expect(vOf(fitted[2])).toBeGreaterThanOrEqual(14);
    expect(vOf(fitted[3])).toBeGreaterThanOrEqual(14);
    expect(vOf(fitted[2])).toBeLessThanOrEqual(19);
    expect(uOf(fitted[3])).toBeCloseTo(-7, 5);
    expect(uOf(fitted[2])).toBeCloseTo(7, 5);
  });

  it(`leaves print under ${GLYPH_INK.minGlyphHeight} pixels tall as placed`, () => {
    // A small repeat of the first four, 8 pixels tall, its boxes holding the upper half, a line just under it.
    const img = page(200, 40, [
      [100, 80, 103, 88],
      [120, 80, 123, 88],
      [100, 90, 160, 96],
    ]);
    const small = [box(100, 80, 106, 84), box(120, 80, 126, 84)];
    expect(fitGlyphsToInk(img, small)).toEqual(small);
  });

  it('fits each printed line of a stacked number on its own', () => {
    // Two groups stacked (a vertical card): rows 40..70 and 110..140, each box holding its digit.
    const img = page(200, 40, [...digits(100, 40, 4), ...digits(100, 110, 4)]);
    const boxes = [
      ...Array.from({ length: 4 }, (_, k) => box(100 + 20 * k, 40, 114 + 20 * k, 70)),
      ...Array.from({ length: 4 }, (_, k) => box(100 + 20 * k, 110, 114 + 20 * k, 140)),
    ];
    const fitted = fitFindingGlyphsToInk(img, boxes, [0, 0, 0, 0, 1, 1, 1, 1]);
    fitted.forEach((q, k) => {
      const [top, bottom] = rows(q);
      expect(top).toBeGreaterThanOrEqual(k < 4 ? 37 : 107);
      expect(bottom).toBeLessThanOrEqual(k < 4 ? 73 : 143);
    });
  });

  it('grows no glyph laid over a covered middle across the line, and lets its cover steer no box', () => {
    // Two digits at each end printed at rows 80..110, a scribbled cover (stripes, rows 80..118)
    // between them with six glyphs laid over it; the reader's boxes hold the upper 18 rows.
    const stripes: [number, number, number, number][] = [];
    for (let y = 80; y < 118; y += 4) stripes.push([140, y, 254, y + 2]);
    const img = page(200, 40, [...digits(100, 80, 2), ...stripes, ...digits(260, 80, 2)]);
    const boxes = Array.from({ length: 10 }, (_, k) => box(100 + 20 * k, 80, 114 + 20 * k, 98));
    const laid = new Set([2, 3, 4, 5, 6, 7]);
    const fitted = fitFindingGlyphsToInk(img, boxes, undefined, laid);
    fitted.forEach((q, k) => {
      if (laid.has(k)) expect(rows(q)).toEqual(rows(boxes[k]));
      else expect(rows(q)[1]).toBeLessThanOrEqual(113);
    });
    // Fitted with them, the cover's rows are taken for the digits' print.
    const all = fitFindingGlyphsToInk(img, boxes);
    expect(rows(all[0])[1]).toBeGreaterThan(113);
  });
});
