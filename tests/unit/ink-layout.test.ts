import { describe, expect, it } from 'vitest';
import { alignInOrder, groupsOnInkLayout } from '../../src/engine/detect/ink-layout';
import { normalizeSlots } from '../../src/engine/detect/group-digits';
import type { Slot } from '../../src/engine/detect/number-run';

/** Slots for a printed layout: glyphs 20 wide at a pitch of 26, groups parted by one more pitch. */
function printed(groups: number[], text: string): Slot[] {
  const slots: Slot[] = [];
  let x = 10;
  let k = 0;
  for (const n of groups) {
    for (let i = 0; i < n; i++) {
      slots.push({ x0: x, x1: x + 20, y0: 10, y1: 46, char: text[k++], confidence: 0.9 });
      x += 26;
    }
    x += 26;
  }
  return slots;
}

const chars = (s: readonly Slot[]) => s.map((x) => x.char).join('');
const inkOf = (s: readonly Slot[]) => s.map((x) => ({ x0: x.x0 - 3, x1: x.x1 + 3 }));

/**
 * "5412 7534 5678 9010" as a blurred photo's recognizer boxed it: the 7 never read and the 4 after
 * it read as 9; the last group's boxes lag behind their glyphs (its second 0 a sliver on the 1's
 * right edge), and the last glyph's ink left unread ('?').
 */
function driftedReading(truth: readonly Slot[]): Slot[] {
  const [g9, g0, g1] = [truth[12], truth[13], truth[14]];
  return [
    ...truth.slice(0, 4).map((s, i) => (i === 1 ? { ...s, char: '9' } : s)),
    ...truth.slice(5, 8).map((s, i) => (i === 2 ? { ...s, char: '9' } : s)),
    ...truth.slice(8, 12),
    { ...g9, x0: g9.x0 + 8, x1: g9.x1 - 6 },
    { ...g0, x0: g0.x0 + 14 },
    { ...g1, x0: g1.x0 + 4, x1: g1.x1 + 4 },
    { ...g1, x0: g1.x1 + 2, x1: g1.x1 + 4, char: '0' },
    { ...truth[15], char: '?', confidence: 0 },
  ];
}

describe('alignInOrder', () => {
  it('places each point on the nearest free one, keeping their order', () => {
    expect(alignInOrder([11, 29], [0, 10, 20, 30])).toEqual([1, 3]);
    // Two points nearest the same one: the later takes the next.
    expect(alignInOrder([9, 12], [0, 10, 20, 30])).toEqual([1, 2]);
    expect(alignInOrder([0, 10, 20], [0, 10, 20])).toEqual([0, 1, 2]);
  });
});

describe('groupsOnInkLayout', () => {
  const truth = printed([4, 4, 4, 4], '5412753456789010');

  it('lays a reading that lost a glyph and drifted back on the four groups of four its ink shows', () => {
    const read = truth.filter((_, i) => i !== 4).map((s, i) => (i === 6 ? { ...s, char: '9' } : s));
    const lagging = driftedReading(truth);
    for (const reading of [read, lagging]) {
      const groups = groupsOnInkLayout(reading, inkOf(truth), [4, 4, 4, 4]);
      expect(groups?.map((g) => g.length)).toEqual([4, 4, 4, 4]);
      const out = groups!.flat();
      // The glyph never read is an unread slot over its own ink, in the second group.
      expect(out[4].char).toBe('?');
      expect(out[4].x0).toBe(truth[4].x0 - 3);
    }
    // The drifted last group's digits go back onto their own glyphs.
    const out = groupsOnInkLayout(lagging, inkOf(truth), [4, 4, 4, 4])!.flat();
    expect(chars(out)).toBe('5912?53956789010');
  });

  it('leaves the reading alone where the ink does not show the layout plainly', () => {
    const read = truth.filter((_, i) => i !== 4);
    // Two touching glyphs make one wide piece: fifteen pieces for sixteen glyphs.
    const merged = inkOf(truth);
    merged.splice(8, 2, { x0: merged[8].x0, x1: merged[9].x1 });
    expect(groupsOnInkLayout(read, merged, [4, 4, 4, 4])).toBeUndefined();
    // Sixteen pieces evenly spaced, no group spaces: the ink shows no groups.
    const even = printed([16], '5412753456789010');
    expect(groupsOnInkLayout(even.slice(1), inkOf(even), [4, 4, 4, 4])).toBeUndefined();
    // The ink is of an Amex's 4-6-5, not of 4-4-4-4.
    const amex = printed([4, 6, 5, 1], '3782822463100051');
    expect(groupsOnInkLayout(amex.slice(1), inkOf(amex), [4, 4, 4, 4])).toBeUndefined();
  });

  it('refuses to move a digit further than most of a pitch', () => {
    // Only the first 15 glyphs read, each a glyph along from where it is printed: no drift explains it.
    const shifted = truth.slice(0, 15).map((s, i) => ({ ...s, char: truth[i + 1].char }));
    const far = shifted.map((s) => ({ ...s, x0: s.x0 + 22, x1: s.x1 + 22 }));
    expect(groupsOnInkLayout(far, inkOf(truth), [4, 4, 4, 4])).toBeUndefined();
  });
});

describe('normalizeSlots with the ink', () => {
  it('keeps the printed last group as the last four of a reading that lost a middle glyph and drifted', () => {
    const truth = printed([4, 4, 4, 4], '5412753456789010');
    const out = normalizeSlots(driftedReading(truth), { ink: inkOf(truth), cutAtEnd: () => false });
    expect(out).toHaveLength(16);
    expect(chars(out).slice(-4)).toBe('9010');
    expect(out[4].char).toBe('?');
  });
});
