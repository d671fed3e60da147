// A short run at the end of its crop is read again reaching further that way, for the rest of a
// number the detector's line left out; it is read further still only where that wider read still
// runs into its own end. The page: seven glyph outlines, 4 and 3 (a signature panel's last four and
// code, "8772 515"), and nothing past them.
import { describe, expect, it } from 'vitest';
import { detectCardNumbersDetailed } from '../../src/engine/detect/card-numbers';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';
import { darkColumnRuns, textLine } from '../support/shapes';

const W = 1600;
const H = 300;
const GH = 30;
const glyphLeft = (i: number) => 300 + i * 22 + Math.floor(i / 4) * 18;

function panel(count: number): GrayImage {
  const data = new Uint8Array(W * H).fill(225);
  for (let i = 0; i < count; i++)
    for (let y = 150 - GH / 2; y < 150 + GH / 2; y++)
      for (let x = glyphLeft(i); x < glyphLeft(i) + 16; x++) {
        const stroke = Math.abs(y - 150) >= GH / 2 - 3 || x < glyphLeft(i) + 3 || x >= glyphLeft(i) + 13;
        if (stroke) data[y * W + x] = 40;
      }
  return { width: W, height: H, data };
}

/**
 * Reads each dark column run of a crop as the next digit of `digits`, less surely the wider the crop
 * (as the recognizer reads a panel's digits among more of the card); keeps every crop's width.
 */
function inkReader(digits: string): OcrEngine & { widths: number[] } {
  const r: OcrEngine & { widths: number[] } = {
    widths: [],
    async recognize(image: GrayImage): Promise<OcrPage> {
      r.widths.push(image.width);
      const runs = darkColumnRuns(image).map(({ x0, x1 }) => ({ x0, x1 }));
      if (!runs.length) return { width: image.width, height: image.height, engine: 'learned', lines: [] };
      const y0 = Math.round(image.height * 0.2);
      const y1 = Math.round(image.height * 0.8);
      const confidence = 0.99 - image.width / 10000;
      const symbols = runs
        .slice(0, digits.length)
        .map((b, i) => ({ text: digits[i], confidence, box: { ...b, y0, y1 } }));
      const text = symbols.map((s) => s.text).join('');
      const box = { x0: symbols[0].box.x0, y0, x1: symbols[symbols.length - 1].box.x1, y1 };
      const line = { text, confidence, box, words: [{ text, confidence, box, symbols }] };
      return { width: image.width, height: image.height, engine: 'learned', lines: [line] };
    },
    async terminate() {},
  };
  return r;
}

describe('a short run read on past its end', () => {
  it('is read once wider, and no further when the wider read shows it stopping', async () => {
    const reader = inkReader('8772515');
    const end = glyphLeft(6) + 16;
    const line = textLine((glyphLeft(0) + end) / 2, 150, end - glyphLeft(0), GH);
    await detectCardNumbersDetailed(panel(7), reader, { learnedStages: { lines: [line], reader } });
    // The tight read and the wider one, each way round: two crop widths, none wider still.
    expect(reader.widths.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reader.widths).size).toBe(2);
  });
});

describe('a whole-looking learned line that still runs into its end', () => {
  it('is read on to the rest of a 19-digit number its detector box left out', async () => {
    // "4751 7606 6095 7978 104": the detector's box holds the first 16 glyphs; read wider, the run
    // still reaches its crop's end, and the 16 digits there fail Luhn (held-out seed 4, hx-034).
    const digits = '4751760660957978104';
    const reader = inkReader(digits);
    const end = glyphLeft(13) + 16;
    const line = textLine((glyphLeft(0) + end) / 2, 150, end - glyphLeft(0), GH);
    const [found] = await detectCardNumbersDetailed(panel(19), reader, {
      learnedStages: { lines: [line], reader },
    });
    expect(found?.finding.text).toBe(digits);
  });
});
