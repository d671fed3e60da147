// A number's line read over the lower pieces of its own print: the ICBC 6+13 card whose embossed
// "621226" the detector gave as three pieces of half to four fifths of the digits' height (source
// pixels as measured on the photo).
import { describe, expect, it } from 'vitest';
import { withOwnFragments } from '../../src/engine/detect/line-fragments';
import { textLine } from '../support/shapes';

const number = { centre: { x: 2210, y: 1306 }, angle: 0, length: 1651, glyphHeight: 100 };
const pieces = [textLine(924, 1319, 388, 81), textLine(546, 1322, 209, 50), textLine(326, 1330, 99, 53)];
const start = (l: { centre: { x: number }; length: number }) => l.centre.x - l.length / 2;
const end = (l: { centre: { x: number }; length: number }) => l.centre.x + l.length / 2;

describe('withOwnFragments', () => {
  it('reaches over the pieces of the first group, one after another', () => {
    const whole = withOwnFragments(number, [textLine(2210, 1306, 1651, 100), ...pieces]);
    expect(start(whole)).toBeCloseTo(326 - 99 / 2, 0);
    expect(end(whole)).toBeCloseTo(end(number), 0);
    expect(whole.centre.y).toBeCloseTo(1306, 0);
  });

  it('reaches the same way when the number is read from its other end', () => {
    const turned = { ...number, angle: Math.PI };
    const whole = withOwnFragments(turned, pieces);
    expect(start(whole)).toBeCloseTo(326 - 99 / 2, 0);
  });

  it('leaves out print above or below the number, taller print, and pieces past a group space', () => {
    const repeat = textLine(1300, 1306 + 95, 250, 40); // the small repeat under the number
    const logo = textLine(3120, 1306, 120, 130); // taller than the digits
    const far = textLine(3540, 1306, 100, 60); // 4.5 glyph heights past the end: no group space is that wide
    expect(withOwnFragments(number, [repeat, logo, far])).toBe(number);
  });
});
