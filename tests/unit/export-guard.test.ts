// The export guard's second question: a card number masked whole where the keep preset asks for its
// last four (last four unread, or the reading direction uncertain) holds the export back until the
// user uncovers them or exports anyway; a number whose last four show, or a preset that hides
// everything, does not.
import { describe, expect, it } from 'vitest';
import { hidesLastFour, showsUnmaskedCard } from '../../src/app/export/guard';
import { createDoc, type Doc } from '../../src/app/editor/doc';
import { createHistory } from '../../src/app/editor/history';
import { pendingItem, type Item } from '../../src/app/session/items';
import { UNCERTAIN_DIRECTION_NOTE } from '../../src/engine/detect/last-four-shown';
import type { Finding, Mask, Quad } from '../../src/engine/types';

/** Glyph i of a 16-digit number on one line: 20 px wide at x = 20 + 25 i, y 100..130. */
const glyph = (i: number): Quad => [
  { x: 20 + 25 * i, y: 100 },
  { x: 40 + 25 * i, y: 100 },
  { x: 40 + 25 * i, y: 130 },
  { x: 20 + 25 * i, y: 130 },
];

const card = (text: string, notes: string[] = []): Finding => ({
  id: 'card',
  kind: 'card-number',
  text,
  glyphs: [...text].map((_, i) => glyph(i)),
  confidence: 0.9,
  keepable: true,
  enabledByDefault: true,
  notes,
});

/** A mask over glyphs from..to-1 of the number. */
const over = (from: number, to: number, rotation = 0): Mask => ({
  id: `m${from}-${to}`,
  x: 18 + 25 * from,
  y: 96,
  width: 25 * (to - from),
  height: 38,
  rotation,
  kind: 'card-number',
  source: 'auto',
  confidence: 0.9,
  label: '',
  findingId: 'card',
});

const page = (f: Finding, masks: Mask[], choices: Doc['choices'] = {}): Item => ({
  ...pendingItem('p', 'card.jpg'),
  status: 'ready',
  findings: [f],
  history: createHistory({ ...createDoc(500, 300, masks), choices }),
});

const UNREAD_END = '123456789012????';
const UNSURE = card('4000000000000002', [UNCERTAIN_DIRECTION_NOTE]);

describe('hidesLastFour', () => {
  it('holds a number whose last four were not read, masked whole', () => {
    expect(hidesLastFour(page(card(UNREAD_END), [over(0, 16)]))).toBe(true);
  });

  it('holds a number read as well upside down until either end is uncovered', () => {
    expect(hidesLastFour(page(UNSURE, [over(0, 16)]))).toBe(true);
    // The user shortened the mask off the last four...
    expect(hidesLastFour(page(UNSURE, [over(0, 12)]))).toBe(false);
    // ...or off the first four (the end that holds them when the number is upside down).
    expect(hidesLastFour(page(UNSURE, [over(4, 16)]))).toBe(false);
    // Uncovering the last four but drawing over one of them again holds it once more.
    expect(hidesLastFour(page(UNSURE, [over(0, 12), { ...over(13, 14), source: 'manual' }]))).toBe(true);
  });

  it('lets a number pass whose last four show, or whose preset hides every digit', () => {
    expect(hidesLastFour(page(card('4000000000000002'), [over(0, 12)]))).toBe(false);
    expect(
      hidesLastFour(page(card(UNREAD_END), [over(0, 16)], { card: { enabled: true, preset: 'none' } })),
    ).toBe(false);
    // Switched off: the other question of the guard (showsUnmaskedCard) is the one to ask then.
    expect(hidesLastFour(page(UNSURE, [], { card: { enabled: false, preset: 'last4' } }))).toBe(false);
  });

  it('holds a number whose last four lie outside the page (cut off by the frame)', () => {
    const cut = { ...card(UNREAD_END), glyphs: [...UNREAD_END].map((_, i) => glyph(i + 10)) };
    expect(hidesLastFour(page(cut, [over(10, 22)]))).toBe(true);
  });

  it('reads rotated masks in source pixels, degrees clockwise about their origin', () => {
    // Turned a quarter clockwise about its origin, the mask lies below-left of the glyphs it was over.
    expect(hidesLastFour(page(UNSURE, [over(0, 16, 90)]))).toBe(false);
  });

  it('leaves the first question as it was: a card with no number mask', () => {
    const item = { ...page(card('4000000000000002'), []), card: { reasons: ['outline'] } } as Item;
    expect(showsUnmaskedCard(item)).toBe(true);
  });
});
