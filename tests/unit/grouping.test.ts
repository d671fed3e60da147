import { describe, expect, it } from 'vitest';
import { classifyWord, holedPair, numberRun } from '../../src/engine/detect/number-run';
import type { LineReading, ReadGlyph } from '../../src/engine/detect/read-line';
import {
  fillShortGroups,
  numberThenCode,
  glyphPitch,
  laidOutAsCardNumber,
  groupedAsPhone,
  normalizeSlots,
  numberWithin,
  withoutInsertedGlyph,
  slotsFromInk,
  splitGroups,
  withoutLoneEnds,
  groupsOnInk,
  withMiddleGlyphs,
  withNextGlyph,
} from '../../src/engine/detect/group-digits';
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

  it('takes the pitch from the steps where the boxes are stretched past twice its size', () => {
    // Boxes 60 tall over glyphs at a pitch of 26 (a logo's letters behind embossed digits): bounded
    // by the height, only the group spaces (52) would pass for the pitch.
    expect(glyphPitch(layout([4, 4, 4, 4], undefined, 60))).toBeCloseTo(26, 0);
    // Boxes of the glyph's height, the same number: the height-bounded pitch, as before.
    expect(glyphPitch(layout([4, 4, 4, 4], undefined, 30))).toBeCloseTo(26, 0);
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

  it('keeps a group whose last two glyphs touch in the ink (embossed relief) as read', () => {
    // A 19-digit UnionPay number read a glyph short and in doubt, "6210 0000 1111 2223 58" set as 11 and 7 glyphs by
    // its spaces; the ink profile shows the last "58" as one piece: re-cut, the group would lose a
    // glyph and the kept four would take in the hidden digit before them.
    const s = layout([11, 7], '621000001111222358');
    for (const i of [11, 12, 13]) s[i].confidence = 0.45;
    const ink = s.map((x) => ({ x0: x.x0, x1: x.x1 }));
    ink.splice(16, 2, { x0: s[16].x0, x1: s[17].x1 });
    const out = normalizeSlots(s, { ink });
    expect(chars(out)).toBe('621000001111222358');
  });

  it('widens a box placed at the edge of its glyph to the ink it lies on, and keeps the digit', async () => {
    const { withoutCrowdedEnds } = await import('../../src/engine/detect/group-digits');
    // An ungrouped 19-digit number whose first "6" the recognizer boxed at its last 3 columns.
    const s = layout([19], '6216606500000758949');
    const ink = s.map((x) => ({ x0: x.x0, x1: x.x1 }));
    const read: Slot[] = [{ ...s[0], x0: s[0].x1 - 3 }, ...s.slice(1)];
    const out = withoutCrowdedEnds(normalizeSlots(read, { ink }));
    expect(chars(out)).toBe('6216606500000758949');
    expect(out[0].x0).toBe(s[0].x0);
  });

  it('widens a box placed just short of its glyph to the ink beside it, and keeps the digit', async () => {
    const { withoutCrowdedEnds } = await import('../../src/engine/detect/group-digits');
    // A 19-digit 6-13 number whose boxes drift left along the line: the last "7" boxed over the
    // 4 columns of card before its ink (an ABC debit card; dropped as a sliver, the kept four
    // slid one glyph left and the 7 stayed readable).
    const s = layout([6, 13], '6228480020668298217');
    const ink = s.map((x) => ({ x0: x.x0, x1: x.x1 }));
    const last = s[18];
    const read: Slot[] = [...s.slice(0, 18), { ...last, x0: last.x0 - 6, x1: last.x0 - 2 }];
    const out = withoutCrowdedEnds(normalizeSlots(read, { ink }));
    expect(chars(out)).toBe('6228480020668298217');
    expect(out[18].x1).toBe(last.x1);
    // Further off than half a glyph, the box is left as it is (and dropped as a sliver).
    const far: Slot[] = [...s.slice(0, 18), { ...last, x0: last.x0 - 18, x1: last.x0 - 14 }];
    expect(withoutCrowdedEnds(normalizeSlots(far, { ink }))).toHaveLength(18);
  });

  it("widens a box that drifted onto the glyph before it to its own glyph's ink, and keeps the digit", async () => {
    const { withoutCrowdedEnds } = await import('../../src/engine/detect/group-digits');
    // Boxes drifting left along an embossed Discover number: the last "8" boxed over the last
    // columns of the "1" before it, touching its own ink. Dropped as a sliver, the 15 digits left
    // passed Luhn by chance and the kept four slid one glyph left (held-out seed 4, hx-010).
    const s = layout([4, 4, 4, 4], '6545469949924118');
    // Relief: each glyph's ink piece reaches its neighbour's.
    const ink = s.map((x) => ({ x0: x.x0 - 3, x1: x.x1 + 3 }));
    const read: Slot[] = [...s.slice(0, 15), { ...s[15], x0: ink[14].x1 - 6, x1: ink[14].x1 + 1 }];
    const out = withoutCrowdedEnds(normalizeSlots(read, { ink }));
    expect(chars(out)).toBe('6545469949924118');
    expect(out[15].x1).toBe(ink[15].x1);
    // Unread there ('?'), the box is not widened: an unread sliver over the print before is no glyph.
    const unread: Slot[] = [...read.slice(0, 15), { ...read[15], char: '?' }];
    expect(normalizeSlots(unread, { ink }).some((o) => o.x1 === ink[15].x1)).toBe(false);
  });

  it('drops a glyph past the longest number its brand issues, read in doubt or over no ink', () => {
    // A Mastercard (16 digits only) read with a hologram's edge as a fifth glyph of the last group.
    const s = layout([4, 4, 4, 5], '54018820020620861');
    const ink = s.slice(0, 16).map((x) => ({ x0: x.x0, x1: x.x1 }));
    expect(chars(normalizeSlots(s, { ink }))).toBe('5401882002062086');
    // With ink under it, a glyph read in doubt goes too; one read plainly stays (not the brand's rule).
    const inkAll = s.map((x) => ({ x0: x.x0, x1: x.x1 }));
    const doubtful = s.map((x, i) => (i === 16 ? { ...x, confidence: 0.6 } : x));
    expect(chars(normalizeSlots(doubtful, { ink: inkAll }))).toBe('5401882002062086');
    expect(normalizeSlots(s, { ink: inkAll })).toHaveLength(17);
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

  it("drops unread art that runs on from a UnionPay number's fourth group at its pitch", () => {
    // 6214 6800 4408 6245 then a logo read as three unread glyphs, no gap before them.
    const s = layout([4, 4, 4, 7], '6214680044086245???');
    for (const x of s.slice(16)) x.confidence = 0;
    expect(chars(normalizeSlots(s))).toBe('6214680044086245');
  });

  it("keeps a UnionPay number's fifth group, which stands after a gap", () => {
    const s = layout([4, 4, 4, 4, 3], '6214680044086245123');
    expect(chars(normalizeSlots(s))).toBe('6214680044086245123');
  });

  it('adds slots past an edge that cuts the number, so the visible digits are all hidden', () => {
    const s = layout([4, 4, 4, 1], '4111111111111');
    const out = normalizeSlots(s, { cutAtEnd: () => 'frame' });
    expect(out).toHaveLength(16);
    expect(chars(out)).toBe('4111111111111???');
  });

  it('places the unseen groups of a cut number after the space between groups, not against its last glyph', () => {
    // Mastercard 4-4-4 in view, the frame cutting just after the third group: the fourth group (the
    // last four) starts one group space on, so the mask of the twelfth digit may reach past its ink.
    const s = layout([4, 4, 4], '526923774410');
    const out = normalizeSlots(s, { cutAtEnd: () => 'frame' });
    expect(chars(out)).toBe('526923774410????');
    // Printed: glyph pitch 26, and a group space of one pitch more.
    expect(out[12].x0 - out[11].x0).toBeCloseTo(52, 0);
    expect(out[13].x0 - out[12].x0).toBeCloseTo(26, 0);
    expect(out[15].x0 - out[12].x0).toBeCloseTo(78, 0);
  });

  it('does not stretch a whole 16-digit UnionPay number to 19 when only the ground changes after it', () => {
    // A logo or the card's far side after a complete last group is not a cut.
    const s = layout([4, 4, 4, 4], '6225758888888888');
    const out = normalizeSlots(s, { cutAtEnd: () => 'card' });
    expect(chars(out)).toBe('6225758888888888');
  });

  it('adds no slots after a whole last group where the ground changes (glare, art), though the run is short', () => {
    // A number read with glyphs lost at its start ("17 0954 4323 1055" for "2717 0954 4323 1055"):
    // its groups are not a prefix of the layout, and a ground change after "1055" is no cut. Padded
    // to 16 the kept four would be "55??": two of the true last four hidden.
    const s = layout([2, 4, 4, 4], '17095443231055');
    expect(chars(normalizeSlots(s, { cutAtEnd: () => 'card' }))).toBe('17095443231055');
    // The frame's edge there, or a ground change through a partial last group, still cuts it.
    expect(chars(normalizeSlots(s, { cutAtEnd: () => 'frame' }))).toBe('17095443231055??');
    const partial = layout([2, 4, 4, 3], '1709544323105');
    expect(chars(normalizeSlots(partial, { cutAtEnd: () => 'card' }))).toBe('1709544323105???');
  });

  it('assumes a 19-digit UnionPay number when an edge cuts one, hiding every digit in view', () => {
    const s = layout([4, 4, 4, 3], '625109343326308');
    // The glyph at the cut shows only in part.
    s[14] = { ...s[14], x1: s[14].x0 + 8 };
    const out = normalizeSlots(s, { cutAtEnd: () => 'frame' });
    expect(out).toHaveLength(19);
    expect(chars(out).slice(0, 15)).toBe('625109343326308');
    // The partial glyph's slot is widened to a whole glyph, so its mask covers all of it.
    expect(out[14].x1 - out[14].x0).toBeCloseTo(20, 0);
  });

  it('does not stretch a whole 16-digit UnionPay number to 19 when it ends at the frame (a tight scan)', () => {
    const s = layout([4, 4, 4, 4], '6226230300099999');
    expect(chars(normalizeSlots(s, { cutAtEnd: () => 'frame' }))).toBe('6226230300099999');
    // One that fails Luhn may be the start of a longer number the frame cuts: every digit hidden.
    const misread = layout([4, 4, 4, 4], '6226230300099998');
    expect(normalizeSlots(misread, { cutAtEnd: () => 'frame' })).toHaveLength(19);
  });

  it('pads an uncut UnionPay number to 16 only, never hiding a visible last four', () => {
    const s = layout([4, 4, 4, 4], '6251093433263088');
    expect(normalizeSlots(s, { cutAtEnd: () => false })).toHaveLength(16);
  });

  it('drops an unread sliver of ink after the number but keeps a glyph-wide unread slot', () => {
    const s = layout([4, 4, 4, 4], '4242424242424242');
    const sliver: Slot = { ...s[15], x0: s[15].x1 + 30, x1: s[15].x1 + 35, char: '?', confidence: 0.9 };
    expect(chars(normalizeSlots([...s, sliver]))).toBe('4242424242424242');
    const unread = layout([4, 4, 4, 4], '424242424242424?');
    expect(normalizeSlots(unread)).toHaveLength(16);
  });

  it('takes two boxes over one glyph in a group one too long for one glyph', () => {
    const s = layout([4, 4, 4, 4], '4293656147966064');
    // The third group's second glyph read as "71", two boxes over the same ink.
    const double: Slot[] = [
      ...s.slice(0, 9),
      { ...s[9], x1: s[9].x0 + 13, char: '7', confidence: 0.94 },
      { ...s[9], x0: s[9].x0 + 4, char: '1', confidence: 0.87 },
      ...s.slice(10),
    ];
    const out = normalizeSlots(double, { cutAtEnd: () => false });
    expect(chars(out)).toBe('4293656147966064');
  });

  it('drops a short group after a complete layout, keeping the last four on the number', () => {
    const s = layout([4, 4, 4, 4, 1], '40001234567890101');
    const out = normalizeSlots(s, { cutAtEnd: () => false });
    expect(chars(out)).toBe('4000123456789010');
  });

  it('does not pad when nothing cuts the number', () => {
    const s = layout([4, 6, 5], '371449635398431');
    expect(normalizeSlots(s, { cutAtEnd: () => false })).toHaveLength(15);
  });
});

describe('slotsFromInk', () => {
  it('rebuilds a group whose OCR boxes are garbled from the ink, anchored on the digits read', () => {
    const clean = layout([4, 4, 4], '518432709458');
    const ink = clean.map((x) => ({ x0: x.x0, x1: x.x1 }));
    // "PF Shaye": one box on no print, one spanning three glyphs, look-alikes.
    const garbled: Slot[] = [
      { ...clean[0], x0: clean[0].x0 - 40, x1: clean[0].x0 - 25, char: '9', lookalike: true },
      { ...clean[0], x1: clean[2].x1, char: '5', lookalike: true },
      { ...clean[3], char: '4', lookalike: true },
      ...clean.slice(4),
    ];
    const out = slotsFromInk(garbled, ink);
    expect(out).toHaveLength(12);
    expect(chars(out!).slice(4)).toBe('32709458');
    expect(out![1].x0).toBeCloseTo(clean[1].x0, 0);
  });

  it('refuses when the ink disagrees with the digits read', () => {
    const clean = layout([4, 4, 4], '518432709458');
    const ink = clean.slice(0, 4).map((x) => ({ x0: x.x0, x1: x.x1 }));
    expect(slotsFromInk(clean, ink)).toBeUndefined();
  });
});

describe('numberRun', () => {
  /** A reading of `text` on a blank crop: glyphs 20 wide at a pitch of 26, spaces as word breaks. */
  function reading(text: string): LineReading {
    const glyphs: ReadGlyph[] = [];
    let x = 10;
    for (const char of text) {
      if (char === ' ') glyphs.push({ char, confidence: 1, x0: x, x1: x, y0: 10, y1: 46 });
      else glyphs.push({ char, confidence: 0.95, x0: x, x1: x + 20, y0: 10, y1: 46 });
      x += 26;
    }
    const image = { width: x + 10, height: 56, data: new Uint8Array((x + 10) * 56).fill(255) };
    const crop = { image, raw: image, origin: { x: 0, y: 0 }, angle: 0, scale: 1 };
    return { crop, glyphs, text, confidence: 0.95 };
  }
  const runOf = (text: string) =>
    numberRun(reading(text))
      ?.slots.map((s) => s.char)
      .join('');

  it('keeps a group read with a speck as a comma in the number', () => {
    expect(runOf('5476 778,987 5432')).toBe('54767789875432');
  });

  it('still takes dates and phone numbers for text', () => {
    expect(runOf('12/29')).toBeUndefined();
    expect(runOf('1-800-555-0100')).toBeUndefined();
    // Parentheses part a phone number's groups as hyphens do, full-width ones too.
    expect(runOf('1(800)711-4713')).toBeUndefined();
    expect(runOf('1（800）7114713')).toBeUndefined();
    expect(runOf('+44(0)2079460958')).toBeUndefined();
  });

  it('offers two groups of digits too far apart for one run as a holed pair', () => {
    const holed = `4392${' '.repeat(12)}8888`;
    expect(runOf(holed)).toBe('4392');
    expect(chars(holedPair(reading(holed))!.slots)).toBe('43928888');
    expect(holedPair(reading(holed))!.first).toBe(4);
    expect(chars(holedPair(reading(`3782${' '.repeat(10)}10005`))!.slots)).toBe('378210005');
    // Near enough to be one run, a group of three, words, a date: no pair.
    expect(holedPair(reading('4392 8888'))).toBeUndefined();
    expect(holedPair(reading(`4392${' '.repeat(12)}888`))).toBeUndefined();
    expect(holedPair(reading(`4392${' '.repeat(12)}VISA`))).toBeUndefined();
    expect(holedPair(reading(`12/29${' '.repeat(12)}8888`))).toBeUndefined();
    // Print read in the hole (an expiry date) is no cover: the two are not one number's ends.
    expect(holedPair(reading(`4392${' '.repeat(6)}12/29${' '.repeat(6)}8888`))).toBeUndefined();
  });
});

describe('fillShortGroups', () => {
  const sizes = (gs: Slot[][]) => gs.map((g) => g.length);
  it('puts a glyph missed inside a group where its two-pitch gap is', () => {
    const s = layout([4, 4, 4, 4], '5476767898765432');
    // The second group's third glyph was never read: the group shows a two-pitch gap.
    const read = s.filter((_, i) => i !== 6);
    const out = normalizeSlots(read, { cutAtEnd: () => false });
    expect(out).toHaveLength(16);
    expect(out[6].char).toBe('?');
    expect(out[6].x0).toBeCloseTo(s[6].x0, 0);
    expect(chars(out).slice(-4)).toBe('5432');
  });

  it('pads a group short at its end when the break after it is wider than the others', () => {
    const s = layout([4, 4, 4, 4], '5476767898765432');
    const read = s.filter((_, i) => i !== 11);
    const out = normalizeSlots(read, { cutAtEnd: () => false });
    expect(out).toHaveLength(16);
    expect(out[11].x0).toBeCloseTo(s[11].x0, 0);
    expect(chars(out).slice(-4)).toBe('5432');
  });

  it('keeps the last group as the last four when a glyph inside it was missed', () => {
    const s = layout([4, 4, 4, 4], '4020340002345678');
    const read = s.filter((_, i) => i !== 14);
    const groups = splitGroups(read);
    expect(sizes(groups)).toEqual([4, 4, 4, 2, 1]);
    expect(sizes(fillShortGroups(groups, [4, 4, 4, 4], glyphPitch(read)))).toEqual([4, 4, 4, 4]);
    const out = normalizeSlots(read, { cutAtEnd: () => false });
    expect(chars(out).slice(-4)).toBe('56?8');
  });

  it('puts back a glyph lost from a middle group of a number whose IIN was misread (no brand)', () => {
    // "5412 7534 ..." read "5912 534 ...": no brand, so no layout said where the 7 went, and it was
    // left out of every slot. The wider break before the short group shows it was its first glyph.
    const s = layout([4, 4, 4, 4], '5912753456789010');
    const out = normalizeSlots(
      s.filter((_, i) => i !== 4),
      { cutAtEnd: () => false },
    );
    expect(out).toHaveLength(16);
    expect(out[4].char).toBe('?');
    expect(out[4].x0).toBeCloseTo(s[4].x0, 0);
    expect(chars(out).slice(-4)).toBe('9010');
  });

  it('leaves complete layouts alone', () => {
    const groups = splitGroups(layout([4, 6, 5]));
    expect(sizes(fillShortGroups(groups, [4, 6, 5], 26))).toEqual([4, 6, 5]);
  });
});

describe('where the number ends', () => {
  it('a run grown past a Luhn-valid number by print beside it keeps only the number', async () => {
    const { numberWithin } = await import('../../src/engine/detect/group-digits');
    // 4539 1488 0343 6467 is Luhn-valid; a logo's letters read as "718" joined it as a fifth group.
    const s = layout([4, 4, 4, 4, 3], '4539148803436467718');
    expect(chars(numberWithin(s))).toBe('4539148803436467');
    // The same with the junk in front.
    const t = layout([3, 4, 4, 4, 4], '7184539148803436467');
    expect(chars(numberWithin(t))).toBe('4539148803436467');
  });

  it('leaves a number alone when it passes as read, or when no sub-run is a card number', async () => {
    const { numberWithin } = await import('../../src/engine/detect/group-digits');
    expect(chars(numberWithin(layout([4, 4, 4, 4, 3], '6212345678901234566')))).toHaveLength(19);
    expect(chars(numberWithin(layout([4, 4, 4, 4], '4539148803436468')))).toBe('4539148803436468');
    expect(chars(numberWithin(layout([4, 4, 4, 4, 3], '9999999999999999999')))).toHaveLength(19);
  });
});

describe('a stray glyph at an end of the run', () => {
  it('is dropped after the number when read in doubt, off the rhythm, at a length the brand never issues', async () => {
    const { numberWithin } = await import('../../src/engine/detect/group-digits');
    // A specimen Visa number on a banner (4321 0122 4567 8901, no Luhn either way) with a decoration
    // after it read as a 17th glyph, 1.4 pitches past the last digit, at confidence 0.57.
    const number = layout([4, 4, 4, 4], '4321012245678901');
    const last = number[15];
    const stray = { ...last, x0: last.x0 + 1.4 * 26, x1: last.x1 + 1.4 * 26, char: '9', confidence: 0.57 };
    expect(chars(numberWithin([...number, stray]))).toBe('4321012245678901');
    // Read surely, or at the number's pitch, it is a digit of the number: dropped wrongly, the true last
    // digit would go unmasked and a hidden digit would slide into the kept four.
    expect(numberWithin([...number, { ...stray, confidence: 0.9 }])).toHaveLength(17);
    const atPitch = { ...stray, x0: last.x0 + 26, x1: last.x1 + 26 };
    expect(numberWithin([...number, atPitch])).toHaveLength(17);
    // A length the brand issues as read (UnionPay prints 16 to 19 digits): left alone.
    const unionPay = layout([4, 4, 4, 4], '6221012245678901');
    expect(numberWithin([...unionPay, stray])).toHaveLength(17);
  });

  it('is dropped when the rest is a whole number by every card rule', async () => {
    const { numberWithin, strayEnds } = await import('../../src/engine/detect/group-digits');
    // A BOC number (UnionPay, 19 digits, 6+13 layout) read with a mark before it as '1'.
    expect(strayEnds('16216697600000020025')).toEqual([1, 0]);
    expect(strayEnds('6216697600000020025')).toEqual([0, 0]);
    // Reversed, the same print is no whole number however it is trimmed.
    expect(strayEnds('52002000000916991291')).toBeUndefined();
    const s = layout([7, 13], '16216697600000020025');
    expect(chars(numberWithin(s))).toBe('6216697600000020025');
  });
});

describe('slots aligned to the ink', () => {
  it('moves each slot of a group onto its piece of ink when the counts agree', () => {
    // Recognizer boxes lagging the glyphs by a third of a pitch (CTC steps on small print).
    const read = layout([4, 4, 4, 4], '4539148803436467').map((s) => ({ ...s, x0: s.x0 + 9, x1: s.x1 + 9 }));
    const ink = layout([4, 4, 4, 4]).map((s) => ({ x0: s.x0, x1: s.x1 }));
    const slots = normalizeSlots(read, { ink });
    expect(chars(slots)).toBe('4539148803436467');
    slots.forEach((s, i) => {
      expect(s.x0).toBeLessThanOrEqual(ink[i].x0);
      expect(s.x1).toBeGreaterThanOrEqual(ink[i].x1);
      // Never into the next glyph's half of the space between them.
      if (i + 1 < ink.length) expect(s.x1).toBeLessThanOrEqual((ink[i].x1 + ink[i + 1].x0) / 2);
    });
  });
});

describe('narrow group spaces and a code after the number', () => {
  /** A layout set with group spaces of a third of a pitch (1.33 pitches centre to centre). */
  function narrow(groups: number[], text: string, spaced: boolean): Slot[] {
    const slots: Slot[] = [];
    let x = 10;
    let k = 0;
    for (const [gi, n] of groups.entries())
      for (let i = 0; i < n; i++) {
        if (i === 0 && gi > 0) x += 9;
        const wordStart = spaced && i === 0 && gi > 0 ? { wordStart: true } : {};
        slots.push({ x0: x, x1: x + 20, y0: 10, y1: 46, char: text[k++], confidence: 0.9, ...wordStart });
        x += 26;
      }
    return slots;
  }

  it('parts groups at a narrow space where the reader read one, not where it read none', () => {
    const text = '1234567891234567321';
    expect(splitGroups(narrow([4, 4, 4, 4, 3], text, true)).map((g) => g.length)).toEqual([4, 4, 4, 4, 3]);
    expect(splitGroups(narrow([4, 4, 4, 4, 3], text, false)).length).toBe(1);
  });

  it('splits a panel line into the number and its code unless the card rules make it 19 digits', () => {
    const panel = numberThenCode(narrow([4, 4, 4, 4, 3], '1234567891234567321', true));
    expect(chars(panel!.number)).toBe('1234567891234567');
    expect(chars(panel!.code)).toBe('321');
    // A Visa 19 that passes Luhn, and one that fails it with no whole 16 inside: one number.
    expect(numberThenCode(layout([4, 4, 4, 4, 3], '4367420690040024936'))).toBeUndefined();
    expect(numberThenCode(layout([4, 4, 4, 4, 3], '4367420690040024937'))).toBeUndefined();
    // A Visa 16 that passes Luhn, then a code the 19 fail with.
    expect(chars(numberThenCode(layout([4, 4, 4, 4, 3], '4444333322221111670'))!.code)).toBe('670');
    expect(numberThenCode(layout([4, 4, 4, 4], '4444333322221111'))).toBeUndefined();
  });
});

describe('withoutLoneEnds', () => {
  it('drops a lone glyph a group space from either end (an edge or a finger read as a digit)', () => {
    expect(chars(withoutLoneEnds(layout([1, 4, 4, 4, 4], '52202200194640494')))).toBe('2202200194640494');
    const trailing = layout([4, 4, 4, 4, 1], '62149915450002662');
    trailing[16].confidence = 0.39;
    expect(chars(withoutLoneEnds(trailing))).toBe('6214991545000266');
  });

  it('keeps a lone end glyph read surely when the rest is no length its brand issues', () => {
    // "9 4111 1111 1111 111": the rest, 15 digits of a Visa, is no whole number: nothing to go by.
    const slots = layout([1, 4, 4, 4, 3], '9411111111111111');
    expect(chars(withoutLoneEnds(slots))).toBe('9411111111111111');
  });

  it('keeps a first glyph read in doubt before a rest the card rules do not settle', () => {
    // "2717 0954 4323 1055" in a segment font, its first group read "2 17" (a 7 lost, the 2 at 0.48):
    // the 2 is a digit to hide, and dropping it would leave it unmasked.
    const head = layout([1, 3, 4, 4, 4], '217090443231055');
    head[0].confidence = 0.48;
    expect(chars(withoutLoneEnds(head))).toBe('217090443231055');
    // Before a rest its brand issues at that length it goes, as before.
    const edge = layout([1, 4, 4, 4, 4], '34815820095418099');
    edge[0].confidence = 0.38;
    expect(chars(withoutLoneEnds(edge))).toBe('4815820095418099');
    // Before 19 digits it goes too: kept, the run would be cut to 19 at its end.
    const long = layout([1, 4, 4, 4, 4, 3], '79559983968085648017');
    long[0].confidence = 0.4;
    expect(chars(withoutLoneEnds(long))).toBe('9559983968085648017');
  });

  it('leaves card layouts alone', () => {
    for (const groups of [
      [4, 4, 4, 4],
      [4, 6, 5],
      [4, 4, 4, 4, 3],
      [6, 13],
    ]) {
      const slots = layout(groups);
      expect(withoutLoneEnds(slots)).toHaveLength(slots.length);
    }
  });
});

describe('numberThenCode, a code set apart', () => {
  it('takes a group of three set apart by a wider space for the code, whatever Luhn says', () => {
    // Discover issues 19 digits; the 19 and the 16 both fail Luhn: only the space tells.
    const slots = layout([4, 4, 4, 4, 3], '6011000000000000123');
    for (const s of slots.slice(16)) {
      s.x0 += 40;
      s.x1 += 40;
    }
    expect(chars(numberThenCode(slots)!.code)).toBe('123');
    expect(numberThenCode(layout([4, 4, 4, 4, 3], '6011000000000000123'))).toBeUndefined();
  });

  it('finds the layout when a group space inside the number was too narrow to part two groups', () => {
    // A small panel print read "60110000 0000 0000 123": its first two groups as one of eight.
    const slots = layout([8, 4, 4, 3], '6011000000000000123');
    for (const s of slots.slice(16)) {
      s.x0 += 40;
      s.x1 += 40;
    }
    const panel = numberThenCode(slots);
    expect(chars(panel!.number)).toBe('6011000000000000');
    expect(chars(panel!.code)).toBe('123');
    // Groups that are not fours (a 6+13 number, a 7-9-3 run) are no number and code.
    expect(numberThenCode(layout([6, 10, 3], '6011000000000000123'))).toBeUndefined();
  });
});

describe('the last glyph of a run is the number’s unless it is out of its rhythm', () => {
  // A BOC 6+13 number read with one digit wrong: the 19 fail Luhn, and the first 18 pass by chance.
  const read = '6235756101600018976';

  it('keeps a last glyph at the number’s pitch and height, whatever Luhn says of the rest', async () => {
    const { numberWithin, outOfRhythm } = await import('../../src/engine/detect/group-digits');
    const { luhnValid } = await import('../../src/engine/detect/luhn');
    expect(luhnValid(read)).toBe(false);
    expect(luhnValid(read.slice(0, 18))).toBe(true);
    const s = layout([6, 13], read);
    expect(outOfRhythm(s)).toBe(false);
    expect(chars(numberWithin(s))).toBe(read);
  });

  it('drops a last glyph set off from the number, or of another height', async () => {
    const { numberWithin, outOfRhythm } = await import('../../src/engine/detect/group-digits');
    const apart = layout([6, 12, 1], read);
    expect(outOfRhythm(apart)).toBe(true);
    expect(chars(numberWithin(apart))).toBe(read.slice(0, 18));
    const short = layout([6, 13], read);
    short[18] = { ...short[18], y0: 30 };
    expect(outOfRhythm(short)).toBe(true);
    expect(chars(numberWithin(short))).toBe(read.slice(0, 18));
  });

  it('measures the last glyph against its neighbours: faint embossing shrinks a stretch of boxes', async () => {
    const { numberWithin, outOfRhythm } = await import('../../src/engine/detect/group-digits');
    // A PSBC 19-digit number read with one digit wrong: its last five boxes come out 20 px tall
    // against 36 for the rest, the last as short as the four before it.
    const faint = layout([19], read).map((x, i) => (i >= 14 ? { ...x, y0: x.y1 - 20 } : x));
    expect(outOfRhythm(faint)).toBe(false);
    expect(chars(numberWithin(faint))).toBe(read);
  });
});

describe('slivers and lone glyphs at the ends of an ungrouped number', () => {
  it('drops a sliver crowding the first digit, and keeps a narrow digit at the pitch', async () => {
    const { withoutCrowdedEnds } = await import('../../src/engine/detect/group-digits');
    const s = layout([19], '6230351402013744583');
    const sliver: Slot = { x0: 8, x1: 11, y0: 10, y1: 46, char: '5', confidence: 0.37 };
    expect(chars(withoutCrowdedEnds([sliver, ...s]))).toBe('6230351402013744583');
    // A narrow "1" first, at the pitch: a digit.
    const one = layout([19], '1230351402013744583');
    one[0] = { ...one[0], x0: one[0].x0 + 8, x1: one[0].x1 - 8 };
    expect(chars(withoutCrowdedEnds(one))).toBe('1230351402013744583');
  });

  it('drops a lone glyph read in doubt after an ungrouped 19-digit number', () => {
    const s = layout([19, 1], '62303514020137445832');
    s[19] = { ...s[19], confidence: 0.42 };
    expect(chars(withoutLoneEnds(s))).toBe('6230351402013744583');
    // After a 6+13 number the same glyph is a group of one too.
    const t = layout([6, 13, 1], '62303514020137445832');
    t[19] = { ...t[19], confidence: 0.42 };
    expect(chars(withoutLoneEnds(t))).toBe('6230351402013744583');
    // Two groups of ten: neither is a lone glyph.
    expect(chars(withoutLoneEnds(layout([10, 10], '62303514020137445832')))).toHaveLength(20);
  });
});

describe('laidOutAsCardNumber', () => {
  it('takes groups of four, and 16 to 19 digits that pass Luhn however grouped', () => {
    for (const groups of [
      [4, 4, 4, 4],
      [4, 4, 4, 4, 3],
      [4, 4, 5, 4],
    ])
      expect(laidOutAsCardNumber(splitGroups(layout(groups)))).toBe(true);
    // An Agricultural Bank of China card (IIN 95599, no network's prefix), printed 5-4-5-5.
    expect(laidOutAsCardNumber(splitGroups(layout([5, 4, 5, 5], '9559983968085648017')))).toBe(true);
    expect(laidOutAsCardNumber(splitGroups(layout([19], '9559983968085648017')))).toBe(true);
  });

  it('leaves a phone number, and other layouts that fail Luhn', () => {
    expect(laidOutAsCardNumber(splitGroups(layout([1, 3, 3, 3, 3], '1800711267858')))).toBe(false);
    // Luhn-valid, but grouped in threes.
    expect(laidOutAsCardNumber(splitGroups(layout([1, 3, 3, 3, 3, 3], '1800711267858001')))).toBe(false);
    expect(laidOutAsCardNumber(splitGroups(layout([5, 4, 5, 5], '9559983968085648018')))).toBe(false);
    expect(laidOutAsCardNumber(splitGroups(layout([6, 13], '1234567890123456789')))).toBe(false);
  });
});

describe('groupedAsPhone', () => {
  it('takes three groups of three for a phone number, its plus read as a 4 or not', () => {
    // "+1 800 711 541 176" on a back, the plus read as a 4: a Visa IIN, 14 digits, Luhn fails.
    expect(groupedAsPhone(splitGroups(layout([2, 3, 3, 3, 3], '41800711541176')))).toBe(true);
    expect(groupedAsPhone(splitGroups(layout([1, 3, 3, 3, 3], '1800711267858')))).toBe(true);
  });

  it('leaves the layouts the networks print, and a group read a glyph short', () => {
    for (const groups of [
      [4, 4, 4, 4],
      [4, 6, 5],
      [4, 6, 4],
      [4, 4, 4, 4, 3],
      [4, 3, 4, 4],
      [4, 3, 3, 4],
    ])
      expect(groupedAsPhone(splitGroups(layout(groups)))).toBe(false);
  });
});

describe('glyphs that are no digits of the number', () => {
  it('drops a group of two before the number, one glyph unread and one read in doubt', () => {
    // A Bank of America debit card on a pavement: the card's edge read as unread ink and a "3" at
    // 0.38, a group space before "4815 8200 9541 8099", and unread ink after its last "9".
    const s = layout([2, 4, 4, 4, 5], '?34815820095418099?');
    s[0] = { ...s[0], confidence: 0 };
    s[1] = { ...s[1], confidence: 0.38 };
    s[18] = { ...s[18], confidence: 0 };
    expect(chars(normalizeSlots(s))).toBe('4815820095418099');
    // The same two read plainly are digits: a group of the number, as far as anything can tell.
    const plain = layout([2, 4, 4, 4, 4], '344815820095418099');
    expect(chars(normalizeSlots(plain))).toHaveLength(18);
  });

  it('drops one glyph read in doubt inside the hidden digits when the rest is a whole card number', () => {
    // A Bocom Pacific card, 6+13: art in the group space read as a "7" at 0.29.
    const s = layout([7, 13], '62226071310012850053');
    s[6] = { ...s[6], confidence: 0.29 };
    expect(chars(withoutInsertedGlyph(s)!)).toBe('6222601310012850053');
    expect(chars(numberWithin(s))).toBe('6222601310012850053');
    // Read plainly, the glyph is the number's, whatever Luhn says; among the last four, never dropped.
    expect(withoutInsertedGlyph(layout([7, 13], '62226071310012850053'))).toBeUndefined();
    const last = layout([6, 14], '62226013100128500753');
    last[17] = { ...last[17], confidence: 0.29 };
    expect(withoutInsertedGlyph(last)).toBeUndefined();
  });
});

describe('a glyph’s height counts only where the run’s boxes agree on one', () => {
  it('keeps a short last box on a line whose boxes run from 4 to 38 px tall', async () => {
    const { numberWithin, outOfRhythm } = await import('../../src/engine/detect/group-digits');
    // A Bocom card, 6+13 embossed over a patterned ground: the recognizer's boxes say nothing of a
    // glyph's height. The last "1" read "2" fails Luhn, and the first 18 pass by chance.
    const read = '6222600150010416842';
    const cycle = [24, 4, 21, 38, 25, 30];
    const s = layout([6, 13], read).map((x, i) => ({ ...x, y0: x.y1 - (i === 18 ? 5 : cycle[i % 6]) }));
    expect(outOfRhythm(s)).toBe(false);
    expect(chars(numberWithin(s))).toBe(read);
  });
});

describe('groupsOnInk: groups read apart, each on its own ink', () => {
  it('grows a box the reader squeezed to a sliver over its glyph, and keeps a group the ink counts otherwise', () => {
    const [a, b] = [
      layout([4], '4000'),
      layout([4], '9010').map((x) => ({ ...x, x0: x.x0 + 300, x1: x.x1 + 300 })),
    ];
    a[0] = { ...a[0], x0: 27, x1: 29 };
    const ink = [...a, ...b].map((x, i) => (i === 0 ? { x0: 10, x1: 30 } : { x0: x.x0, x1: x.x1 }));
    const [ra, rb] = groupsOnInk([a, b], ink);
    expect([ra[0].x0, ra[0].x1]).toEqual([10, 30]);
    expect(rb).toEqual(b);
    const [qa] = groupsOnInk([a, b], ink.slice(1));
    expect(qa).toEqual(a);
  });
});

describe('withMiddleGlyphs: the middle of a number out of sight, laid between its ends', () => {
  it('spreads the missing glyphs evenly over the hole, unread', () => {
    const ends = layout([4, 4, 4, 4], '4392123456788888').filter((_, i) => i < 4 || i >= 12);
    const whole = withMiddleGlyphs(ends, 4, 8);
    expect(chars(whole)).toBe('4392????????8888');
    const mids = whole.map((s) => (s.x0 + s.x1) / 2);
    const step = (mids[12] - mids[3]) / 9;
    for (let i = 4; i < 12; i++) expect(mids[i]).toBeCloseTo(mids[3] + step * (i - 3), 6);
    expect(whole.slice(4, 12).every((s) => s.confidence === 0 && s.x1 - s.x0 === 20)).toBe(true);
  });
});

describe('withNextGlyph: the place of the glyph a cover may half hide', () => {
  it('starts a new group after a whole group of four, past the space seen between groups', () => {
    const slots = layout([4, 4], '35688679');
    const next = withNextGlyph(slots);
    expect(chars(next)).toBe('35688679?');
    // Glyph 8 starts at 10 + 7 * 26 + 26 = 218; the next one a pitch and a group space (26) later.
    expect(next[8].x0).toBe(218 + 26 + 26);
    expect(next[8].x1 - next[8].x0).toBe(20);
  });

  it('follows at the pitch inside a group the cover cut', () => {
    const next = withNextGlyph(layout([4, 4, 2], '3568867912'));
    expect(next[10].x0).toBe(next[9].x0 + 26);
  });
});
