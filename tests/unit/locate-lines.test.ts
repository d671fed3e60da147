import { describe, expect, it } from 'vitest';
import { locateLines } from '../../src/engine/detect/locate-lines';
import type { GrayImage } from '../../src/engine/types';

/**
 * A synthetic number line: 16 hollow glyph boxes (14 x 22 px, strokes 3 px) in groups of four,
 * turned by `deg` about the image centre, dark on white.
 */
function numberLine(deg: number): GrayImage {
  const size = 700;
  const data = new Uint8Array(size * size).fill(235);
  const t = (deg * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const centres: number[] = [];
  for (let g = 0; g < 4; g++) for (let i = 0; i < 4; i++) centres.push(-260 + g * 140 + i * 24);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Into the line's own frame: u along it, v across it.
      const dx = x - size / 2;
      const dy = y - size / 2;
      const u = dx * c + dy * s;
      const v = -dx * s + dy * c;
      for (const cu of centres) {
        const a = Math.abs(u - cu);
        const b = Math.abs(v);
        if (a <= 7 && b <= 11 && (a > 4 || b > 8)) data[y * size + x] = 30;
      }
    }
  }
  return { width: size, height: size, data };
}

describe('locateLines', () => {
  it.each([0, 20, 45, -40, 90])('finds a number line turned %i degrees', (deg) => {
    const best = locateLines(numberLine(deg)).filter((l) => l.glyphs >= 12)[0];
    expect(best).toBeDefined();
    // Direction up to a half turn: which end reads first is for OCR to decide.
    const found = (best.angle * 180) / Math.PI;
    const diff = Math.abs(((found - deg + 270) % 180) - 90);
    expect(diff).toBeLessThan(4);
  });
});
