// nthSmallest (src/engine/math.ts): the value sorting and indexing would give, without the sort (the
// card outline's edge threshold is the 90th percentile of some 60 000 gradient magnitudes a photo).
import { describe, expect, it } from 'vitest';
import { nthSmallest } from '../../src/engine/math';

/** A reproducible pseudo-random sequence (Park-Miller). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('nthSmallest', () => {
  it('gives the sorted value at every rank, with repeats and runs of one value', () => {
    const rnd = lcg(7);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(rnd() * (n < 50 ? 4 : 300)));
      const sorted = Float64Array.from(values).sort();
      for (const k of new Set([0, n >> 1, Math.floor(n * 0.9), n - 1]))
        expect(nthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });

  it('handles sorted, reversed and constant input', () => {
    const up = Float64Array.from({ length: 500 }, (_, i) => i);
    expect(nthSmallest(Float64Array.from(up), 450)).toBe(450);
    expect(nthSmallest(Float64Array.from(up).reverse(), 17)).toBe(17);
    expect(nthSmallest(new Float64Array(300).fill(5), 123)).toBe(5);
  });

  it('throws on a rank outside the values', () => {
    expect(() => nthSmallest(new Float64Array(3), 3)).toThrow(RangeError);
    expect(() => nthSmallest(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
