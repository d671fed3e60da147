// A number printed as four stacked groups (a vertical card), read group by group: a group whose
// detector box came out taller than the others (it took in its neighbours' print) is still read at
// the groups' own size, so its masks stay off the group under it, which holds the last four.
import { describe, expect, it } from 'vitest';
import { detectCardNumbersDetailed } from '../../src/engine/detect/card-numbers';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';
import { insideMask } from '../support/mask-geometry';
import { darkColumnRuns, textLine } from '../support/shapes';

const W = 400;
const H = 260;
const GH = 24;
const ROWS = [50, 84, 118, 152];
const glyphLeft = (i: number) => 150 + i * 22;

/** Four groups of four glyph outlines, one under another, 34 px apart (1.4 glyph heights). */
function stackedCard(): GrayImage {
  const data = new Uint8Array(W * H).fill(225);
  for (const cy of ROWS)
    for (let i = 0; i < 4; i++)
      for (let y = cy - GH / 2; y < cy + GH / 2; y++)
        for (let x = glyphLeft(i); x < glyphLeft(i) + 16; x++) {
          const stroke = Math.abs(y - cy) >= GH / 2 - 3 || x < glyphLeft(i) + 3 || x >= glyphLeft(i) + 13;
          if (stroke) data[y * W + x] = 40;
        }
  return { width: W, height: H, data };
}

/** Reads each dark column run of a crop as the next of `digits`, boxed over the rows its ink spans. */
const columnReader = (digits: string): OcrEngine & { inkRows: { y0: number; y1: number; h: number }[] } => ({
  inkRows: [],
  async recognize(image: GrayImage): Promise<OcrPage> {
    const dark: number[] = [];
    for (let y = 0; y < image.height; y++)
      if (image.data.subarray(y * image.width, (y + 1) * image.width).some((v) => v < 128)) dark.push(y);
    if (dark.length) this.inkRows.push({ y0: dark[0], y1: dark[dark.length - 1] + 1, h: image.height });
    const runs = darkColumnRuns(image).slice(0, digits.length);
    if (!runs.length) return { width: image.width, height: image.height, engine: 'learned', lines: [] };
    const y0 = Math.round(image.height * 0.2);
    const y1 = Math.round(image.height * 0.8);
    const symbols = runs.map((r, i) => ({
      text: digits[i],
      confidence: 0.95,
      box: { x0: r.x0, x1: r.x1, y0, y1 },
    }));
    const text = symbols.map((s) => s.text).join('');
    const box = { x0: runs[0].x0, y0, x1: runs[runs.length - 1].x1, y1 };
    const line = { text, confidence: 0.95, box, words: [{ text, confidence: 0.95, box, symbols }] };
    return { width: image.width, height: image.height, engine: 'learned', lines: [line] };
  },
  async terminate() {},
});

describe('stacked groups', () => {
  it("masks the first three groups without covering the last group's glyphs", async () => {
    const length = glyphLeft(3) + 16 - glyphLeft(0);
    const cx = glyphLeft(0) + length / 2;
    // The third group's box is a quarter taller than the others (STACK.maxHeightRatio allows 1.3): its crop reaches
    // both neighbours.
    const lines = ROWS.map((y, k) => textLine(cx, y, length, k === 2 ? 1.25 * GH : GH));
    const reader = columnReader('4111');
    const [found] = await detectCardNumbersDetailed(stackedCard(), reader, {
      learnedStages: { lines, reader },
    });
    expect(found?.finding.notes).toContain('printed in 4 stacked groups');
    const masks = masksForFinding(found!.finding, 'last4');
    const lastGroup = [0, 1, 2, 3].flatMap((i) => [
      { x: glyphLeft(i) + 2, y: ROWS[3] - GH / 2 + 2 },
      { x: glyphLeft(i) + 14, y: ROWS[3] - GH / 2 + 2 },
    ]);
    expect(lastGroup.filter((p) => masks.some((m) => insideMask(p, m)))).toEqual([]);
    // Each group is read on a crop of its own print: no neighbour's ink at the crop's top or bottom.
    for (const { y0, y1, h } of reader.inkRows) {
      expect(y0).toBeGreaterThan(0.05 * h);
      expect(y1).toBeLessThan(0.95 * h);
    }
  });
});
