// The last resort for a card's number the reader garbled (lost-glyphs.ts): a long run of digits read
// plainly on the card, ending in a clean group of four, passes; prose, a short run, a doubtful last
// group, look-alike letters, or a run off the card (or with no card at all) does not.
import { describe, expect, it } from 'vitest';
import { readWithLostGlyphs } from '../../src/engine/detect/lost-glyphs';
import type { Slot } from '../../src/engine/detect/number-run';
import type { Quad } from '../../src/engine/types';
import { ID1_CARD } from '../support/id1-card';

const CARD = { outline: ID1_CARD, identityPage: false };
const NO_CARD = { outline: undefined, identityPage: false };

const slot = (char: string, confidence = 0.95, extra: Partial<Slot> = {}): Slot => ({
  x0: 0,
  y0: 0,
  x1: 10,
  y1: 20,
  char,
  confidence,
  ...extra,
});

/** "2 1 7 09 4 4323 1055": the groups as the garbled boxes left them (14 digits read of 16). */
const garbled = () => ['2', '1', '7', '09', '4', '4323', '1055'].map((g) => [...g].map((c) => slot(c)));

/** Glyph quads along y = 400 from x = x0, 30 px apart (source pixels). */
const quads = (n: number, x0 = 200): Quad[] =>
  Array.from({ length: n }, (_, i) => [
    { x: x0 + 30 * i, y: 380 },
    { x: x0 + 30 * i + 24, y: 380 },
    { x: x0 + 30 * i + 24, y: 420 },
    { x: x0 + 30 * i, y: 420 },
  ]);

describe('readWithLostGlyphs', () => {
  it('takes 14 digits read plainly across the card, ending in a clean group of four', () => {
    expect(readWithLostGlyphs(garbled(), quads(14), CARD)).toBe(true);
  });

  it('needs a card, and every glyph on it', () => {
    expect(readWithLostGlyphs(garbled(), quads(14), NO_CARD)).toBe(false);
    expect(readWithLostGlyphs(garbled(), quads(14, 600), CARD)).toBe(false);
  });

  it('takes it with no card outline found when the boxes show the glyphs lost, but not on an ID', () => {
    // The recognizer's boxes as read on the turned photo: "217094" spread over the place of
    // "2717 0954" (43 px apart), "4323" and "1055" at the number's pitch (25 px).
    const at = (x: number) => ({ x0: x - 10, x1: x + 10 });
    const xs = [108, 150, 196, 241, 283, 323, 386, 412, 437, 463, 527, 553, 578, 603];
    const spread = garbled();
    let k = 0;
    for (const g of spread) for (const s of g) Object.assign(s, at(xs[k++]));
    expect(readWithLostGlyphs(spread, quads(14), NO_CARD)).toBe(true);
    expect(readWithLostGlyphs(spread, quads(14), { outline: undefined, identityPage: true })).toBe(false);
    // Read whole at one pitch, a space before the last group (an ID card's long number): no loss.
    const even = garbled();
    k = 0;
    for (const g of even) for (const s of g) Object.assign(s, at(100 + 26 * k + (k++ >= 10 ? 26 : 0)));
    expect(readWithLostGlyphs(even, quads(14), NO_CARD)).toBe(false);
  });

  it('finds the last group by its own pitch when the lost glyphs widened the run', () => {
    // "1 7094 43231055" for "2717 0954 4323 1055" (turned 67 degrees): no space read before "1055",
    // and the spread boxes of the first groups make the run's pitch too wide for its space to show.
    const at = (x: number) => ({ x0: x - 10, x1: x + 10 });
    const xs = [17, 72, 116, 153, 191, 254, 284, 308, 342, 390, 419, 446, 473];
    const read = ['1', '7094', '43231055'].map((g) => [...g].map((c) => slot(c)));
    let k = 0;
    for (const g of read) for (const s of g) Object.assign(s, at(xs[k++]));
    expect(readWithLostGlyphs(read, quads(13), NO_CARD)).toBe(true);
    // Four glyphs at the run's own pitch after the others, no space before them: no last group.
    const close = read.map((g) => g.map((s) => ({ ...s })));
    k = 0;
    for (const g of close) for (const s of g) Object.assign(s, at(100 + 28 * k++));
    expect(readWithLostGlyphs(close, quads(13), CARD)).toBe(false);
  });

  it('lets go of short runs, look-alikes, unread glyphs and prose-like doubt', () => {
    const short = garbled().slice(2);
    expect(readWithLostGlyphs(short, quads(11), CARD)).toBe(false);
    const lookalike = garbled();
    lookalike[3][0] = slot('0', 0.95, { lookalike: true });
    expect(readWithLostGlyphs(lookalike, quads(14), CARD)).toBe(false);
    // Unread glyphs ('?') in the last group, or more than two of them, or so many that fewer than
    // 13 digits are read.
    const unreadLast = garbled();
    unreadLast[6][1] = slot('?', 0);
    expect(readWithLostGlyphs(unreadLast, quads(14), CARD)).toBe(false);
    const threeUnread = garbled();
    threeUnread[5].splice(1, 0, slot('?', 0), slot('?', 0), slot('?', 0));
    expect(readWithLostGlyphs(threeUnread, quads(17), CARD)).toBe(false);
    const fewRead = garbled();
    fewRead[5][1] = slot('?', 0);
    fewRead[5][2] = slot('?', 0);
    expect(readWithLostGlyphs(fewRead, quads(14), CARD)).toBe(false);
    const doubtful = garbled().map((g) => g.map((s) => ({ ...s, confidence: 0.7 })));
    expect(readWithLostGlyphs(doubtful, quads(14), CARD)).toBe(false);
  });

  it('counts a glyph seen but left unread among the digits as one more lost', () => {
    // "2?1709443231055" for "2717 0954 4323 1055" (blurred, turned 127 degrees): the first 7 boxed
    // but unread, the 5 lost; 14 digits read plainly, the last group clean.
    const read = ['2?1', '7', '09', '4', '4323', '1055'].map((g) =>
      [...g].map((c) => (c === '?' ? slot('?', 0) : slot(c))),
    );
    expect(readWithLostGlyphs(read, quads(15), CARD)).toBe(true);
    // Off the card it is let go as before.
    expect(readWithLostGlyphs(read, quads(15, 600), CARD)).toBe(false);
  });

  it('keeps only a last group of exactly four digits read with confidence', () => {
    const five = garbled();
    five[6] = [...'10550'].map((c) => slot(c));
    expect(readWithLostGlyphs(five, quads(15), CARD)).toBe(false);
    const unsure = garbled();
    unsure[6][3] = slot('5', 0.5);
    expect(readWithLostGlyphs(unsure, quads(14), CARD)).toBe(false);
  });
});
