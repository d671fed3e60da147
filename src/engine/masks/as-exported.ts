import type { Finding, Mask, Point } from '../types';
import { maskCorners } from './geometry';

/** The character written for a glyph the export covers. */
export const COVERED_GLYPH = '•';

/**
 * The findings as the export shows them: each glyph whose centre lies under one of `masks` has its
 * character replaced by `COVERED_GLYPH`. A report written beside a redacted image (the CLI's
 * masks.json) must not carry in text what the image hides: a full card number there undoes the
 * redaction for anyone given the folder. Glyphs the export leaves readable (the last four, a
 * suggestion left off) keep their characters; so do the quads and every other field.
 */
export function findingsAsExported(findings: readonly Finding[], masks: readonly Mask[]): Finding[] {
  return findings.map((f) => ({
    ...f,
    text: [...f.text]
      .map((ch, i) => {
        const q = f.glyphs[i];
        if (!q) return ch;
        const c = { x: (q[0].x + q[1].x + q[2].x + q[3].x) / 4, y: (q[0].y + q[1].y + q[2].y + q[3].y) / 4 };
        return masks.some((m) => underMask(c, m)) ? COVERED_GLYPH : ch;
      })
      .join(''),
  }));
}

/** Whether `p` (source pixels) lies inside mask `m`: on the inner side of each of its four edges. */
function underMask(p: Point, m: Mask): boolean {
  const q = maskCorners(m);
  return q.every((a, i) => {
    const b = q[(i + 1) % 4];
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) >= 0;
  });
}
