/**
 * Mulberry32 (Tommy Ettinger's 32-bit generator): a small deterministic source of numbers in [0, 1),
 * so generated fixtures, degraded photos and randomised tests are the same on every run.
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
