// The way up a card's words read on lines along a line: print on one card reads one way up
// (card-words-way.ts). wayOfPageWords for a line that reads no words either way; wayOfWordsOnCard
// for a line not yet read, on the card those words lie on.
import { describe, expect, it } from 'vitest';
import { wayOfPageWords, wayOfWordsOnCard, type WordWay } from '../../src/engine/detect/card-words-way';
import type { Quad } from '../../src/engine/types';

const deg = (d: number) => (d * Math.PI) / 180;

describe('wayOfPageWords', () => {
  it('takes the way of word lines running along the line', () => {
    expect(wayOfPageWords([{ angle: deg(-5), flip: 0 }], deg(-6))).toBe(0);
    expect(wayOfPageWords([{ angle: deg(-5), flip: 1 }], deg(-6))).toBe(1);
  });

  it('turns the way for a line drawn the other way along', () => {
    // The same print direction, the angles folded half a turn apart.
    expect(wayOfPageWords([{ angle: deg(88), flip: 0 }], deg(-89))).toBe(1);
  });

  it('says nothing from lines across it, or when the lines disagree', () => {
    expect(wayOfPageWords([{ angle: deg(80), flip: 0 }], deg(0))).toBeUndefined();
    expect(
      wayOfPageWords(
        [
          { angle: deg(2), flip: 0 },
          { angle: deg(-3), flip: 1 },
        ],
        deg(0),
      ),
    ).toBeUndefined();
    expect(wayOfPageWords([], deg(0))).toBeUndefined();
  });
});

describe('wayOfWordsOnCard', () => {
  // A card 856 x 540 with its corner at (100, 100); a second card's lines lie to its right (x > 956).
  const card: Quad = [
    { x: 100, y: 100 },
    { x: 956, y: 100 },
    { x: 956, y: 640 },
    { x: 100, y: 640 },
  ];
  const number = { centre: { x: 500, y: 420 }, angle: deg(1) };
  const word = (x: number, y: number, flip: 0 | 1, angle = deg(-2)): WordWay => ({
    centre: { x, y },
    angle,
    flip,
  });

  it('reads a line the way two lines of words on the same card read, upright or turned', () => {
    expect(wayOfWordsOnCard(card, [word(300, 200, 0), word(700, 580, 0)], number)).toBe(0);
    expect(wayOfWordsOnCard(card, [word(300, 200, 1), word(700, 580, 1)], number)).toBe(1);
  });

  it('needs two lines of words: one spelled by chance says nothing', () => {
    expect(wayOfWordsOnCard(card, [word(300, 200, 0)], number)).toBeUndefined();
  });

  it('takes no way from words on another card, nor for a line off the card', () => {
    // The second card's words (right of this one) read turned round: they do not count here.
    expect(wayOfWordsOnCard(card, [word(1200, 200, 1), word(1300, 580, 1)], number)).toBeUndefined();
    expect(
      wayOfWordsOnCard(card, [word(300, 200, 0), word(700, 580, 0)], {
        ...number,
        centre: { x: 1200, y: 420 },
      }),
    ).toBeUndefined();
  });

  it('takes no way from words across the line (a vertical card: its number runs across its words)', () => {
    const across = [word(300, 200, 0, deg(90)), word(700, 580, 0, deg(88))];
    expect(wayOfWordsOnCard(card, across, number)).toBeUndefined();
  });

  it('takes no way where the lines of words disagree', () => {
    expect(
      wayOfWordsOnCard(card, [word(300, 200, 0), word(700, 580, 1), word(500, 250, 0)], number),
    ).toBeUndefined();
  });
});
