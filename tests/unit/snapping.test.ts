import { describe, expect, it } from 'vitest';
import { burnMasks } from '../../src/engine/burn/burn';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import { maskPixelSpans } from '../../src/engine/masks/geometry';
import type { Finding, Quad, RgbaImage } from '../../src/engine/types';

function blank(w: number, h: number): RgbaImage {
  return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
}

describe('mask snapping', () => {
  it('covers every pixel a fractional mask touches', () => {
    const spans = maskPixelSpans({ x: 10.6, y: 5.2, width: 3.1, height: 1.1, rotation: 0 }, 100, 100);
    expect(spans).toEqual([
      [5, 10, 14],
      [6, 10, 14],
    ]);
  });

  it('clamps to the image', () => {
    const spans = maskPixelSpans({ x: -5, y: -5, width: 8, height: 7, rotation: 0 }, 10, 10);
    expect(spans[0]).toEqual([0, 0, 3]);
    expect(spans.length).toBe(2);
  });

  it('burns hidden glyphs opaque (every pixel of their quads) and leaves kept glyphs untouched', () => {
    const a = (17 * Math.PI) / 180;
    const rot = (x: number, y: number) => ({
      x: 200 + (x - 200) * Math.cos(a) - (y - 150) * Math.sin(a),
      y: 150 + (x - 200) * Math.sin(a) + (y - 150) * Math.cos(a),
    });
    const glyphs: Quad[] = Array.from({ length: 16 }, (_, i) => {
      const x = 40 + i * 21 + Math.floor(i / 4) * 12;
      return [rot(x, 130), rot(x + 15.5, 130), rot(x + 15.5, 157.3), rot(x, 157.3)];
    });
    const f: Finding = {
      id: 'f',
      kind: 'card-number',
      text: '4'.repeat(16),
      glyphs,
      confidence: 1,
      keepable: true,
      enabledByDefault: true,
    };
    const img = blank(480, 360);
    const out = burnMasks(img, masksForFinding(f, 'last4'));
    const at = (x: number, y: number) => out.data[(Math.floor(y) * img.width + Math.floor(x)) * 4];
    const inQuad = (q: Quad, x: number, y: number) => {
      // Convex quad, clockwise: inside when on the same side of every edge.
      for (let i = 0; i < 4; i++) {
        const p = q[i];
        const n = q[(i + 1) % 4];
        if ((n.x - p.x) * (y - p.y) - (n.y - p.y) * (x - p.x) < 0) return false;
      }
      return true;
    };
    for (let i = 0; i < 16; i++) {
      const q = glyphs[i];
      const xs = q.map((p) => p.x);
      const ys = q.map((p) => p.y);
      let black = 0;
      let total = 0;
      for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) {
        for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
          if (!inQuad(q, x + 0.5, y + 0.5)) continue;
          total++;
          if (at(x, y) === 0) black++;
        }
      }
      if (i < 12) expect(black).toBe(total);
      else expect(black).toBe(0);
    }
  });
});
