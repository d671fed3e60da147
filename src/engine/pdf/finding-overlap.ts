import type { Finding } from '../types';

const boxOf = (f: Finding) => {
  const xs = f.glyphs.flat().map((p) => p.x);
  const ys = f.glyphs.flat().map((p) => p.y);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
};

/** The two findings' boxes overlap: the same number found twice (text layer and OCR, two detectors). */
export function findingsOverlap(a: Finding, b: Finding): boolean {
  const p = boxOf(a);
  const q = boxOf(b);
  return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
}

/** `base` plus the findings of `extra` that do not overlap any of `base`. */
export function mergeFindings(base: readonly Finding[], extra: readonly Finding[]): Finding[] {
  return [...base, ...extra.filter((f) => !base.some((b) => findingsOverlap(b, f)))];
}
