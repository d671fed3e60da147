// What counts as a readable card number in an export: groups of four (or 4-6-5) at one pitch, eight
// digits or more, or one long run; the last four alone, or a phone number in threes, do not.
import { describe, expect, it } from 'vitest';
import { cardLayoutDigits } from '../../src/engine/detect/leak-check';
import type { Slot } from '../../src/engine/detect/number-run';

/** Slots for groups of text ('■' a masked glyph, read as nothing) at pitch 26, a pitch between groups. */
function line(...groups: string[]): Slot[] {
  const slots: Slot[] = [];
  let x = 10;
  for (const g of groups) {
    for (const c of g) {
      if (c !== '■') slots.push({ x0: x, x1: x + 20, y0: 10, y1: 46, char: c, confidence: 0.9 });
      x += 26;
    }
    x += 26;
  }
  return slots;
}

describe('cardLayoutDigits', () => {
  it('flags two or more groups of four, and Amex 4-6-5', () => {
    expect(cardLayoutDigits(line('4100', '4266', '1983', '6990'))?.digits).toBe(16);
    expect(cardLayoutDigits(line('4100', '4266'))?.digits).toBe(8);
    expect(cardLayoutDigits(line('3782', '822463', '10005'))?.digits).toBe(15);
  });

  it('passes a masked number whose last four show, and numbers that are no card', () => {
    expect(cardLayoutDigits(line('■■■■', '■■■■', '■■■■', '6990'))).toBeUndefined();
    expect(cardLayoutDigits(line('800', '711', '267'))).toBeUndefined();
    expect(cardLayoutDigits(line('4100'))).toBeUndefined();
  });

  it('flags a run of eight digits or more printed without group spaces', () => {
    expect(cardLayoutDigits(line('41004266198'))?.digits).toBe(11);
  });
});
