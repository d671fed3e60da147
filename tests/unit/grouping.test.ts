import { describe, expect, it } from 'vitest';
import { classifyWord } from '../../src/engine/detect/number-run';
import { glyphPitch, normalizeSlots, splitGroups } from '../../src/engine/detect/group-digits';
import type { Slot } from '../../src/engine/detect/number-run';
import { digitOf } from '../../src/engine/detect/digit-like';

/** Slots for a printed layout, e.g. [4,4,4,4]: glyphs 20 wide, pitch 26, group gap of one pitch. */
function layout(groups: number[], text?: string, h = 36): Slot[] {
  const chars = (text ?? '4'.repeat(groups.reduce((a, b) => a + b, 0))).split('');
  const slots: Slot[] = [];
  let x = 10;
  let k = 0;
  for (const n of groups) {
    for (let i = 0; i < n; i++) {
      slots.push({ x0: x, x1: x + 20, y0: 10, y1: 10 + h, char: chars[k++], confidence: 0.9 });
      x += 26;
    }
    x += 26;
  }
  return slots;
}

const chars = (s: Slot[]) => s.map((x) => x.char).join('');

describe('classifyWord', () => {
  const w = (t: string) => t.split('').map((char) => ({ char }));
  it('tells digits, garbled embossed digits and words apart', () => {
    expect(classifyWord(w('4111'))).toBe('digits');
    expect(classifyWord(w('41l1'))).toBe('digits');
    expect(classifyWord(w('4ylby'))).toBe('digits');
    expect(classifyWord(w('Shaye'))).toBe('mixed');
    expect(classifyWord(w('SMITH'))).not.toBe('digits');
    expect(classifyWord(w('VALID'))).not.toBe('digits');
    expect(classifyWord(w('March'))).toBe('text');
  });

  it('maps look-alikes to digits and leaves letters alone', () => {
    expect(digitOf('O')).toBe('0');
    expect(digitOf('l')).toBe('1');
    expect(digitOf('S')).toBe('5');
    expect(digitOf('7')).toBe('7');
    expect(digitOf('K')).toBeUndefined();
  });
});

describe('splitGroups', () => {
  it('finds 4-4-4-4, Amex 4-6-5 and 19-digit 4-4-4-4-3 layouts', () => {
    expect(splitGroups(layout([4, 4, 4, 4])).map((g) => g.length)).toEqual([4, 4, 4, 4]);
    expect(splitGroups(layout([4, 6, 5])).map((g) => g.length)).toEqual([4, 6, 5]);
    expect(splitGroups(layout([4, 4, 4, 4, 3])).map((g) => g.length)).toEqual([4, 4, 4, 4, 3]);
  });

  it('keeps an unbroken run as one group', () => {
    expect(splitGroups(layout([16])).map((g) => g.length)).toEqual([16]);
  });

  it('measures the pitch inside groups, not across gaps', () => {
    expect(glyphPitch(layout([4, 4, 4, 4]))).toBeCloseTo(26, 0);
  });
});

describe('normalizeSlots', () => {
  it('leaves a clean number alone', () => {
    const s = layout([4, 4, 4, 4], '4111111111111111');
    expect(chars(normalizeSlots(s))).toBe('4111111111111111');
  });

  it('re-cuts a group whose glyphs OCR read as one symbol', () => {
    const s = layout([4, 4, 4, 4], '4111111111111111');
    const ink = s.map((x) => ({ x0: x.x0, x1: x.x1 }));
    const merged: Slot[] = [...s.slice(0, 12), { ...s[12], x1: s[15].x1, char: '?' }];
    const out = normalizeSlots(merged, { ink });
    expect(out).toHaveLength(16);
    expect(out[12].x1).toBeLessThan(out[13].x0);
  });

  it('re-cuts a group read as too many narrow glyphs', () => {
    const s = layout([4, 4, 4, 4], '4111111111111111');
    // The first glyph read as two narrow boxes.
    const split: Slot[] = [
      { ...s[0], x1: s[0].x0 + 9, char: '4' },
      { ...s[0], x0: s[0].x0 + 11, char: '4', lookalike: true },
      ...s.slice(1),
    ];
    // The ink along the line shows four glyphs in the first group.
    const ink = s.map((x) => ({ x0: x.x0, x1: x.x1 }));
    const out = normalizeSlots(split, { ink });
    expect(out).toHaveLength(16);
    expect(chars(out).slice(-4)).toBe('1111');
  });

  it('drops a stray unread blob after the last group', () => {
    const s = layout([4, 4, 4, 4, 1], '4111111111111111?');
    s[16].confidence = 0;
    expect(chars(normalizeSlots(s))).toBe('4111111111111111');
  });

  it('adds slots past an edge that cuts the number, so the visible digits are all hidden', () => {
    const s = layout([4, 4, 4, 1], '4111111111111');
    const out = normalizeSlots(s, { cutAtEnd: () => true });
    expect(out).toHaveLength(16);
    expect(chars(out)).toBe('4111111111111???');
  });

  it('does not pad when nothing cuts the number', () => {
    const s = layout([4, 6, 5], '371449635398431');
    expect(normalizeSlots(s, { cutAtEnd: () => false })).toHaveLength(15);
  });
});
