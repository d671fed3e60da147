// The way up a card's words read on lines along a line that reads no words either way (fine print
// read as nothing upright and as look-alike letters upside down): print on one card reads one way up.
import { describe, expect, it } from 'vitest';
import { wayOfPageWords } from '../../src/engine/detect/card-numbers';

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
