// The last resort for a card's number the reader garbled (lost-glyphs.ts): a long run of digits read
// plainly on the card, ending in a clean group of four, passes; prose, a short run, a doubtful last
// group, look-alike letters, or a run off the card (or with no card at all) does not.
import { describe, expect, it } from 'vitest';
import { readWithLostGlyphs } from '../../src/engine/detect/lost-glyphs';
import type { Slot } from '../../src/engine/detect/number-run';
import type { Quad } from '../../src/engine/types';
import { ID1_CARD as CARD } from '../support/id1-card';

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
    expect(readWithLostGlyphs(garbled(), quads(14), undefined)).toBe(false);
    expect(readWithLostGlyphs(garbled(), quads(14, 600), CARD)).toBe(false);
  });

  it('lets go of short runs, look-alikes, unread glyphs and prose-like doubt', () => {
    const short = garbled().slice(2);
    expect(readWithLostGlyphs(short, quads(11), CARD)).toBe(false);
    const lookalike = garbled();
    lookalike[3][0] = slot('0', 0.95, { lookalike: true });
    expect(readWithLostGlyphs(lookalike, quads(14), CARD)).toBe(false);
    const unread = garbled();
    unread[5][1] = slot('?', 0);
    expect(readWithLostGlyphs(unread, quads(14), CARD)).toBe(false);
    const doubtful = garbled().map((g) => g.map((s) => ({ ...s, confidence: 0.7 })));
    expect(readWithLostGlyphs(doubtful, quads(14), CARD)).toBe(false);
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
