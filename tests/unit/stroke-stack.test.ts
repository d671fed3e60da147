// Which stack of group lines a number tool stroke runs across (its ends on the stack's end lines, the
// first digit's line first), and group readings cut back when the reader kept a group's brackets.
import { describe, expect, it } from 'vitest';
import type { Slot } from '../../src/engine/detect/number-run';
import { onLine, stackOfStroke, trimBrackets } from '../../src/engine/detect/stroke-stack';
import type { TextLine } from '../../src/engine/learned/text-lines';

/** Four group lines 100 px long, glyphs 24 px, 40 px apart, turned `deg` degrees. */
function stack(deg: number): TextLine[] {
  const a = (deg * Math.PI) / 180;
  return [0, 1, 2, 3].map((k) => ({
    centre: { x: 300 - 40 * k * Math.sin(a), y: 200 + 40 * k * Math.cos(a) },
    angle: a,
    length: 100,
    glyphHeight: 24,
    score: 0.9,
    pieces: 1,
  }));
}

/** A point `along` the line's direction from its centre. */
const onIt = (l: TextLine, along: number) => ({
  x: l.centre.x + along * Math.cos(l.angle),
  y: l.centre.y + along * Math.sin(l.angle),
});

describe('stackOfStroke', () => {
  for (const deg of [0, 12, -80]) {
    it(`takes the stack whose end lines hold the stroke's ends, turned ${deg} degrees`, () => {
      const s = stack(deg);
      const from = onIt(s[0], -40);
      const to = onIt(s[3], 40);
      expect(stackOfStroke([s], from, to)).toEqual(s);
      // Dragged the other way (the card upside down): the first digit's line comes first.
      expect(stackOfStroke([s], to, from)).toEqual([...s].reverse());
    });
  }

  it('takes no stack when both ends lie on one line, or off the stack', () => {
    const s = stack(0);
    expect(stackOfStroke([s], onIt(s[0], -40), onIt(s[0], 40))).toBeUndefined();
    expect(stackOfStroke([s], onIt(s[0], -40), { x: 900, y: 900 })).toBeUndefined();
    expect(onLine(s[1], onIt(s[1], 60))).toBe(true);
    expect(onLine(s[1], onIt(s[1], 90))).toBe(false);
  });
});

const slots = (text: string): Slot[] =>
  [...text].map((char, i) => ({ x0: 20 * i, x1: 20 * i + 16, y0: 0, y1: 28, char, confidence: 0.9 }));
const texts = (groups: Slot[][]) => groups.map((g) => g.map((s) => s.char).join(''));

describe('trimBrackets', () => {
  it("cuts a group read two glyphs longer than the others between bracket-like ends ('[7042]' as 170421)", () => {
    expect(texts(trimBrackets(['5121', '2392', '8763', '170421'].map(slots)))).toEqual([
      '5121',
      '2392',
      '8763',
      '7042',
    ]);
  });

  it('leaves groups alone that are as long as the others, or whose ends are digits no bracket reads as', () => {
    expect(texts(trimBrackets(['1111', '2392', '8763', '7042'].map(slots)))).toEqual([
      '1111',
      '2392',
      '8763',
      '7042',
    ]);
    expect(texts(trimBrackets(['5121', '2392', '8763', '870428'].map(slots)))).toEqual([
      '5121',
      '2392',
      '8763',
      '870428',
    ]);
  });
});
