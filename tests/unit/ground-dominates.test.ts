// groundDominates (detect/normalize.ts): glare over faint print is told from an evenly lit crop,
// blurred, textured or not, so only the first has its ground flattened before the repeat's detector.
import { describe, expect, it } from 'vitest';
import { groundDominates } from '../../src/engine/detect/normalize';
import type { GrayImage } from '../../src/engine/types';

const W = 400;
const H = 120;

/** Faint 4-glyph print (bars 12 px wide) `contrast` grey levels lighter than the ground. */
function strip(ground: (x: number, y: number) => number, contrast: number, noise = 0): GrayImage {
  const data = new Uint8Array(W * H);
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const print = y > 40 && y < 80 && x > 40 && x < 200 && Math.floor((x - 40) / 12) % 2 === 0;
      const v = ground(x, y) + (print ? contrast : 0) + noise * rnd();
      data[y * W + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  return { width: W, height: H, data };
}

describe('groundDominates', () => {
  it('calls a glare spot over faint print glare', () => {
    const glare = (x: number, y: number) => 60 + 170 * Math.exp(-((x - 120) ** 2 + (y - 60) ** 2) / 9000);
    expect(groundDominates(strip(glare, 12, 6), 60, 5)).toBe(true);
  });

  it('leaves an evenly lit strip, plain, noisy or with a gentle shade', () => {
    expect(
      groundDominates(
        strip(() => 120, 40),
        60,
        5,
      ),
    ).toBe(false);
    expect(
      groundDominates(
        strip(() => 120, 12, 30),
        60,
        5,
      ),
    ).toBe(false);
    expect(
      groundDominates(
        strip((x) => 100 + x / 20, 30, 6),
        60,
        5,
      ),
    ).toBe(false);
  });
});
