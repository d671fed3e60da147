// strayAtCropEdge (src/engine/detect/card-numbers.ts): a tight crop's reading that runs one glyph past
// a whole number, read in doubt at the crop's edge, gives way to the wider crop's whole number, so
// the kept four are the number's own (an upside-down Woori card read "6360 9495 4062 56535").
import { describe, expect, it } from 'vitest';
import { strayAtCropEdge } from '../../src/engine/detect/card-numbers';
import type { NumberRun, Slot } from '../../src/engine/detect/number-run';

/** A run of `chars` one per 20 px, each read at 0.99 but those listed in `doubt` (index: confidence). */
function run(chars: string, doubt: Record<number, number> = {}): NumberRun {
  const slots: Slot[] = [...chars].map((char, i) => ({
    x0: i * 20,
    x1: i * 20 + 16,
    y0: 0,
    y1: 28,
    char,
    confidence: doubt[i] ?? 0.99,
  }));
  return { slots, trueDigits: slots.length, confidence: 0.95, ink: [] };
}

// 6360 9495 4062 5653 passes Luhn; a Maestro IIN (6) issues 12 to 19 digits, so 17 fits too.
const WHOLE = '6360949540625653';

describe('strayAtCropEdge', () => {
  it('takes the whole number over the same digits and one more read in doubt, at either end', () => {
    expect(strayAtCropEdge(run(WHOLE), run(`${WHOLE}5`, { 16: 0.58 }))).toBe(true);
    expect(strayAtCropEdge(run(WHOLE), run(`1${WHOLE}`, { 0: 0.5 }))).toBe(true);
  });

  it('keeps the longer reading when its extra glyph was read surely, or the wider one is not whole', () => {
    // A surely read digit at the number's end is the number's, whatever Luhn says.
    expect(strayAtCropEdge(run(WHOLE), run(`${WHOLE}5`))).toBe(false);
    // The wider reading fails Luhn (a specimen, or a misread): no evidence against the longer one.
    expect(strayAtCropEdge(run('6360949540625654'), run('63609495406256545', { 16: 0.58 }))).toBe(false);
    // Not the same digits: the wider crop read another number, or another digit in the middle.
    expect(strayAtCropEdge(run(WHOLE), run('63609495406256635', { 16: 0.58 }))).toBe(false);
    // Two glyphs more is no stray at an edge.
    expect(strayAtCropEdge(run(WHOLE), run(`${WHOLE}55`, { 16: 0.58, 17: 0.5 }))).toBe(false);
  });
});
