// Print read at the start of a number's run and left out by the normalization (leading-print.ts): the
// slots are those of the dim Mastercard of the degraded real cards ("2717 0954 4323 1055" read
// "217 09 4 4323 1055", three wide boxes over the first group, the first two dropped as a stray).
import { describe, expect, it } from 'vitest';
import { leadingByLayout, leadingPrint } from '../../src/engine/detect/leading-print';
import type { Slot } from '../../src/engine/detect/number-run';
import { FINDINGS } from '../../src/engine/detect/thresholds';

const slot = (char: string, x0: number, x1: number, y0 = 20, y1 = 56, confidence = 0.95): Slot => ({
  char,
  x0,
  x1,
  y0,
  y1,
  confidence,
});

/** The run as read, crop pixels. */
const run = [
  slot('2', 86, 125, 20, 56, 0.49),
  slot('1', 127, 172, 20, 56, 0.61),
  slot('7', 171, 223, 20, 56, 0.79),
  slot('0', 251, 277),
  slot('9', 276, 302, 20, 56, 0.41),
  slot('4', 341, 372),
  slot('4', 398, 425),
  slot('3', 434, 456),
  slot('2', 465, 486),
  slot('3', 496, 524),
  slot('1', 556, 578),
  slot('0', 587, 616),
  slot('5', 616, 646),
  slot('5', 645, 670),
];
/** The number after normalization: "709443231055", its "7" pulled back onto a sliver of its ink. */
const kept = [
  slot('7', 202, 212),
  slot('0', 226, 265),
  slot('9', 265, 303),
  ...run.slice(5).map((s) => ({ ...s })),
];

describe('leadingPrint', () => {
  it("returns the first group's boxes the normalization dropped, unread, in reading order", () => {
    const lead = leadingPrint(run, kept, 4);
    expect(lead.map((s) => [s.x0, s.x1, s.char, s.confidence])).toEqual([
      [86, 125, '?', 0],
      [127, 172, '?', 0],
    ]);
  });

  it('nothing when the first digit read is the first glyph of the run', () => {
    expect(leadingPrint(run.slice(3), run.slice(3), 4)).toEqual([]);
  });

  it('stops at print off the line: higher, or of another size', () => {
    const above = [slot('2', 86, 125, -30, 6), run[1]];
    expect(leadingPrint([...above, ...run.slice(2)], kept, 4).map((s) => s.x0)).toEqual([127]);
    const small = [slot('2', 86, 125, 30, 46), run[1]];
    expect(leadingPrint([...small, ...run.slice(2)], kept, 4).map((s) => s.x0)).toEqual([127]);
  });

  it('stops at a gap wider than a group space (a logo apart from the number)', () => {
    const far = [slot('8', 40, 70), ...run.slice(2)];
    // From the "7" pulled back to 202, a box ending at 70 is four pitches off.
    expect(leadingPrint(far, kept, 4)).toEqual([]);
    expect(FINDINGS.leadGap).toBeLessThan((202 - 70) / 30);
  });

  it('takes a group at most, and no more than the number lacks of its usual length', () => {
    const many = [40, 70, 100, 130, 160].map((x) => slot('1', x, x + 26));
    const number = [slot('4', 202, 228), slot('5', 232, 258), slot('6', 262, 288), slot('7', 292, 318)];
    expect(leadingPrint([...many, ...number], number, 12)).toHaveLength(FINDINGS.leadMax);
    // The nearest first: one glyph short of its length, the number takes the box just before it.
    expect(leadingPrint([...many, ...number], number, 1).map((s) => s.x0)).toEqual([160]);
    // As long as its brand prints it: nothing before it is the number's.
    expect(leadingPrint([...many, ...number], number, 0)).toEqual([]);
  });
});

describe('leadingByLayout', () => {
  /** Glyphs 20 wide at a pitch of 26, a group space of one more pitch, from x = 100. */
  const laidOut = (groups: string[]): Slot[] => {
    const out: Slot[] = [];
    let x = 100;
    for (const g of groups) {
      for (const c of g) {
        out.push(slot(c, x, x + 20));
        x += 26;
      }
      x += 26;
    }
    return out;
  };

  it('puts the glyphs a first group lost before it, one pitch apart', () => {
    // "7 0954 4323 1055" read for "2717 0954 4323 1055": three glyphs lost before the 7.
    const lead = leadingByLayout(laidOut(['7', '0954', '4323', '1055']));
    expect(lead.map((s) => [s.char, s.x0])).toEqual([
      ['?', 22],
      ['?', 48],
      ['?', 74],
    ]);
  });

  it('adds nothing to whole groups, or to layouts other than a short first group and three fours', () => {
    expect(leadingByLayout(laidOut(['2717', '0954', '4323', '1055']))).toEqual([]);
    expect(leadingByLayout(laidOut(['3782', '822463', '10005']))).toEqual([]);
    expect(leadingByLayout(laidOut(['71', '0954', '4323']))).toEqual([]);
    expect(leadingByLayout(laidOut(['2717', '0954', '432', '1055']))).toEqual([]);
  });
});

describe('leadingByLayout, boxes spread over lost glyphs', () => {
  it('adds no place the first group already spans', () => {
    // "217" read over the place of "2717": three boxes spread over four pitches.
    const spread = [slot('2', 100, 120), slot('1', 134, 154), slot('7', 168, 188)];
    const rest: Slot[] = [];
    let x = 230;
    for (let g = 0; g < 3; g++) {
      for (let i = 0; i < 4; i++) {
        rest.push(slot('5', x, x + 20));
        x += 26;
      }
      x += 26;
    }
    expect(leadingByLayout([...spread, ...rest])).toEqual([]);
    // The same three at the number's pitch span three places: one more lies before them.
    const close = [slot('2', 100, 120), slot('1', 126, 146), slot('7', 152, 172)];
    expect(leadingByLayout([...close, ...rest]).map((s) => s.x0)).toEqual([74]);
  });
});
