// A smaller number laid out unlike a card number (a bank's branch and account line under the card's
// number, "8603/7771 Z 76001819") is dropped whichever of the two came first: the finding the
// repeat and code are looked for under is then the card's own number.
import { describe, expect, it } from 'vitest';
import { withoutSmallerLooseNumbers } from '../../src/engine/detect/card-numbers';

const number = { name: 'card number', glyphHeight: 57, loose: false };
const branch = { name: 'branch line', glyphHeight: 46, loose: true };
const names = (found: { name: string }[]) => found.map((f) => f.name);

describe('withoutSmallerLooseNumbers', () => {
  it('drops the smaller loose line found first or second', () => {
    expect(names(withoutSmallerLooseNumbers([branch, number], (d) => d.loose))).toEqual(['card number']);
    expect(names(withoutSmallerLooseNumbers([number, branch], (d) => d.loose))).toEqual(['card number']);
  });

  it('keeps a loose number as large as the rest, a larger one, and one laid out like a card number', () => {
    const twin = { ...branch, glyphHeight: 55 };
    expect(names(withoutSmallerLooseNumbers([twin, number], (d) => d.loose))).toEqual([
      'branch line',
      'card number',
    ]);
    const larger = { ...branch, glyphHeight: 70 };
    expect(names(withoutSmallerLooseNumbers([number, larger], (d) => d.loose))).toEqual([
      'card number',
      'branch line',
    ]);
    const carded = { ...branch, loose: false };
    expect(names(withoutSmallerLooseNumbers([carded, number], (d) => d.loose))).toEqual([
      'branch line',
      'card number',
    ]);
  });
});
