import { describe, expect, it } from 'vitest';
import { fontWidths } from '../../src/engine/pdf/font-widths';
import { pageScale } from '../../src/engine/pdf/page-geometry';
import { layoutText, textLayerUsable, type PdfTextItem } from '../../src/engine/pdf/text-layout';
import { findingsFromText } from '../../src/engine/pdf/text-findings';
import { MAX_PAGE_PIXELS } from '../../src/engine/pdf/limits';

// A 72-dpi page 800 pt tall: user space (y up) to pixels (y down), scale 2.
const toPx = (x: number, y: number): [number, number] => [x * 2, (800 - y) * 2];
const item = (
  str: string,
  x: number,
  y: number,
  size = 10,
  width = str.length * 0.556 * size,
): PdfTextItem => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
  fontName: 'f1',
});
const styles = { f1: { ascent: 0.9, descent: -0.2, vertical: false } };

describe('layoutText', () => {
  it('joins items on one baseline and splits at column gaps', () => {
    const lines = layoutText(
      [item('CARD', 40, 700), item('4111 1111', 68, 700), item('-45.20', 400, 700)],
      styles,
      toPx,
    );
    expect(lines.map((l) => l.text)).toEqual(['CARD 4111 1111', '-45.20']);
    // The space between items is ours: it has no quad.
    expect(lines[0].chars[4]).toEqual({ char: ' ', quad: null, gap: true });
  });

  it('gives each character a quad in page pixels, proportional to its width', () => {
    const [line] = layoutText([item('1234', 100, 700)], styles, toPx);
    const q = line.chars.map((c) => c.quad!);
    expect(q[0][0].x).toBeCloseTo(200);
    expect(q[3][1].x).toBeCloseTo(200 + 4 * 5.56 * 2);
    // Top at the ascent (≥ 0.75 em) above the baseline, bottom at the descent below it.
    expect(q[0][0].y).toBeCloseTo((800 - 700 - 9) * 2);
    expect(q[0][3].y).toBeCloseTo((800 - 700 + 2) * 2);
  });

  it('uses the font widths when pdf.js has them', () => {
    const widths = fontWidths({
      widths: { 65: 1000, 49: 500 },
      toUnicode: { _map: Object.assign([], { 65: 'A', 49: '1' }) },
    });
    expect(widths?.('A')).toBe(1000);
    const [line] = layoutText([item('A1', 0, 700, 10, 15)], styles, toPx, () => widths);
    expect(line.chars[0].quad![1].x).toBeCloseTo(20);
  });

  it('follows rotated text', () => {
    // Text running up the page (rotated 90° anticlockwise).
    const up: PdfTextItem = {
      str: '4111111111111111',
      transform: [0, 10, -10, 0, 100, 100],
      width: 89,
      fontName: 'f1',
    };
    const [f] = findingsFromText(layoutText([up], styles, toPx));
    expect(f.text).toBe('4111111111111111');
    expect(f.glyphs[15][0].y).toBeLessThan(f.glyphs[0][0].y);
  });
});

describe('findingsFromText', () => {
  it('adds what the statement detector of src/engine/documents finds: a number under its label', () => {
    const lines = layoutText([item('Account number', 40, 700), item('123456', 40, 686)], styles, toPx);
    const found = findingsFromText(lines).map((f) => `${f.kind}:${f.text}`);
    expect(found).toEqual(['account-number:123456']);
  });
});

describe('pageScale', () => {
  it('renders A4 at 200 dpi and caps huge pages', () => {
    expect(pageScale(595.28, 841.89)).toMatchObject({ width: 1654, height: 2339, dpi: 200 });
    const poster = pageScale(5670, 5670)!;
    expect(poster.width * poster.height).toBeLessThanOrEqual(MAX_PAGE_PIXELS);
    expect(poster.dpi).toBeLessThan(200);
    expect(pageScale(243, 153)!.width).toBeGreaterThanOrEqual(1200);
    expect(pageScale(2, 800)).toBeUndefined();
    expect(pageScale(0, 0)).toBeUndefined();
  });
});

describe('textLayerUsable', () => {
  const items = (s: string) => [{ str: s, transform: [10, 0, 0, 10, 0, 0], width: 1, fontName: 'f1' }];
  it('trusts a real text layer and distrusts empty or unmapped ones', () => {
    expect(textLayerUsable(items('Account number 12345678'), 16)).toBe(true);
    expect(textLayerUsable(items('  '), 16)).toBe(false);
    expect(textLayerUsable(items('\uE001\uE002 12345678901234567890'), 16)).toBe(true);
    expect(textLayerUsable(items('\uE001\uE002\uE003\uE004\uE005\uE006 Ab 12345678901234'), 16)).toBe(false);
    expect(textLayerUsable(items('\uFFFD'.repeat(40)), 16)).toBe(false);
  });
});
