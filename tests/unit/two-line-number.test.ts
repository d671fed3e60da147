// A card number printed over two lines (detect/two-line-number.ts): which pairs of short digit runs
// are one number, and in which order.
import { describe, expect, it } from 'vitest';
import { twoLineNumber, type DigitLine } from '../../src/engine/detect/two-line-number';
import type { Quad } from '../../src/engine/types';

/**
 * A line of `digits` whose first glyph's top-left corner is (x, y), glyphs `gh` tall and 0.7 gh apart
 * along the direction `deg` (degrees clockwise from +x).
 */
function line(digits: string, x: number, y: number, gh = 20, deg = 0): DigitLine {
  const u = { x: Math.cos((deg * Math.PI) / 180), y: Math.sin((deg * Math.PI) / 180) };
  const v = { x: -u.y, y: u.x };
  const at = (a: number, b: number) => ({ x: x + a * u.x + b * v.x, y: y + a * u.y + b * v.y });
  const glyphs = [...digits].map((_, i): Quad => {
    const a = i * 0.7 * gh;
    return [at(a, 0), at(a + 0.6 * gh, 0), at(a + 0.6 * gh, gh), at(a, gh)];
  });
  return { digits, glyphs, glyphHeight: gh };
}

describe('twoLineNumber', () => {
  it('joins two stacked lines of a Visa number, upper line first, whatever order they come in', () => {
    const upper = line('46616010', 100, 100);
    const lower = line('85765678', 100, 140);
    expect(twoLineNumber([lower, upper])).toEqual([upper, lower]);
  });

  it('finds the upper line in the lines’ own frame on a card turned a quarter round', () => {
    // Reading downwards (90 degrees clockwise): "down" in the reading frame is towards -x.
    const first = line('46616010', 300, 100, 20, 90);
    const second = line('85765678', 260, 100, 20, 90);
    expect(twoLineNumber([second, first])).toEqual([first, second]);
  });

  it('leaves lines that are not stacked like a card’s groups', () => {
    // Side by side on one line, too far apart, shifted along, or printed at another size.
    expect(twoLineNumber([line('46616010', 100, 100), line('85765678', 300, 100)])).toBeUndefined();
    expect(twoLineNumber([line('46616010', 100, 100), line('85765678', 100, 200)])).toBeUndefined();
    expect(twoLineNumber([line('46616010', 100, 100), line('85765678', 160, 140)])).toBeUndefined();
    expect(twoLineNumber([line('46616010', 100, 100), line('85765678', 100, 140, 30)])).toBeUndefined();
  });

  it('wants an IIN and a length the network issues', () => {
    // 9... is no network's IIN here; 4 + 8 + 9 digits is no Visa length.
    expect(twoLineNumber([line('96616010', 100, 100), line('85765678', 100, 140)])).toBeUndefined();
    expect(twoLineNumber([line('46616010', 100, 100), line('857656781', 100, 140)])).toBeUndefined();
  });

  it('prefers the pair that passes Luhn, and takes none when that leaves two', () => {
    // 4111 1111 / 1111 1111 passes Luhn; 4111 1111 / 2222 2222 does not.
    const upper = line('41111111', 100, 100);
    const luhn = line('11111111', 100, 140);
    const other = line('22222222', 100, 60);
    expect(twoLineNumber([upper, luhn, line('22222222', 100, 180)])).toEqual([upper, luhn]);
    // Two pairs, neither passing Luhn: which two lines make the number is unknown.
    expect(twoLineNumber([other, line('42222222', 100, 100), line('22222223', 100, 140)])).toBeUndefined();
  });
});
