// The MRZ band by geometry alone (documents/mrz-band.ts): hand-made detector lines, no pixels.
import { describe, expect, it } from 'vitest';
import { findMrzBand } from '../../src/engine/documents/mrz-band';
import type { TextLine } from '../../src/engine/learned/text-lines';

const deg = Math.PI / 180;

/** A detector line; `angle` in degrees clockwise, folded into (-90, 90] as the detector gives it. */
function line(cx: number, cy: number, length: number, glyphHeight: number, angle = 0): TextLine {
  let a = angle * deg;
  while (a <= -Math.PI / 2) a += Math.PI;
  while (a > Math.PI / 2) a -= Math.PI;
  return { centre: { x: cx, y: cy }, angle: a, length, glyphHeight, score: 0.9, pieces: 1 };
}

/** Lines of a page laid out level, then turned by `turn` degrees about the page centre. */
function turned(lines: TextLine[], turn: number, w: number, h: number): TextLine[] {
  const c = Math.cos(turn * deg);
  const s = Math.sin(turn * deg);
  return lines.map((l) => {
    const dx = l.centre.x - w / 2;
    const dy = l.centre.y - h / 2;
    return line(
      w / 2 + dx * c - dy * s,
      h / 2 + dx * s + dy * c,
      l.length,
      l.glyphHeight,
      l.angle / deg + turn,
    );
  });
}

/** A passport data page: title, a few fields, the photo's side, two 44-glyph lines at the bottom. */
const passport = (): TextLine[] => [
  line(280, 58, 442, 20),
  line(500, 300, 190, 16),
  line(500, 370, 176, 16),
  line(520, 447, 240, 14),
  line(720, 527, 243, 15),
  // A TD3 zone: the first line lost part of its filler run to the detector.
  line(556, 726, 991, 23.5),
  line(590, 784, 1060, 24),
];

describe('findMrzBand', () => {
  it('finds an upright TD3 zone and extends its short line to the common extent', () => {
    const band = findMrzBand(passport(), { width: 1250, height: 880 });
    expect(band).toBeDefined();
    expect(band!.lines).toHaveLength(2);
    expect(band!.lines.map((l) => Math.round(l.centre.y))).toEqual([726, 784]);
    for (const l of band!.lines) {
      expect(l.length).toBeCloseTo(1060, -1);
      expect(l.centre.x).toBeCloseTo(590, -1);
    }
    expect(band!.spacing).toBeCloseTo(58, 0);
  });

  it('finds a tilted three-line TD1 zone on an ID card back, each line along the tilt', () => {
    const level = [
      line(290, 63, 480, 19),
      line(214, 103, 333, 20),
      line(450, 424, 830, 24),
      line(450, 491, 830, 24),
      line(330, 557, 590, 23),
    ];
    const band = findMrzBand(turned(level, 4, 1000, 630), { width: 1000, height: 630 });
    expect(band?.lines).toHaveLength(3);
    expect(band!.angle / deg).toBeCloseTo(4, 1);
    for (const l of band!.lines) expect(l.length).toBeGreaterThan(820);
  });

  it.each([90, 180, -90])('finds the zone on a page turned %i degrees (angles modulo 180)', (turn) => {
    const w = 1250;
    const h = 880;
    const lines = turned(passport(), turn, w, h);
    const page = Math.abs(turn) === 90 ? { width: w, height: h } : { width: w, height: h };
    const band = findMrzBand(lines, page);
    expect(band?.lines).toHaveLength(2);
    expect(Math.abs(Math.sin(band!.angle - turn * deg))).toBeLessThan(0.02);
  });

  it("does not take a statement's table rows for a zone", () => {
    const rows = Array.from({ length: 12 }, (_, i) => line(420, 300 + 27 * i, 700 + (i % 3) * 30, 16.5));
    expect(findMrzBand([line(300, 80, 400, 23), ...rows], { width: 1240, height: 1754 })).toBeUndefined();
  });

  it('does not take two long lines in the middle of a letter (title and address above, rows below)', () => {
    const lines = [line(315, 93, 469, 30), line(200, 180, 300, 20), line(190, 230, 280, 20)];
    lines.push(line(353, 372, 554, 21), line(315, 422, 479, 21));
    for (let i = 0; i < 10; i++) lines.push(line(260, 700 + 56 * i, 340, 21));
    expect(findMrzBand(lines, { width: 1240, height: 1754 })).toBeUndefined();
  });

  it('does not take a card number and the name under it for a zone', () => {
    const card = [line(500, 380, 760, 48), line(330, 520, 420, 30), line(700, 460, 120, 20)];
    expect(findMrzBand(card, { width: 1000, height: 630 })).toBeUndefined();
  });
});
