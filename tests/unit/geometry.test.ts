import { describe, expect, it } from 'vitest';
import { cropToSource, sourceToCrop, type LineCrop } from '../../src/engine/detect/read-line';
import { lineFrame, masksForFinding } from '../../src/engine/masks/from-findings';
import { maskCorners } from '../../src/engine/masks/geometry';
import type { Finding, Quad } from '../../src/engine/types';

const dummy = { width: 1, height: 1, data: new Uint8Array(1) };

describe('crop coordinates', () => {
  it('maps crop pixels to source pixels and back, for any tilt and scale', () => {
    for (const angle of [0, 0.3, -0.4, Math.PI / 2, Math.PI, -2.5]) {
      const crop: LineCrop = { image: dummy, raw: dummy, origin: { x: 120, y: 80 }, angle, scale: 1.7 };
      const p = { x: 33, y: 12 };
      const back = sourceToCrop(crop, cropToSource(crop, p.x, p.y));
      expect(back.x).toBeCloseTo(p.x, 6);
      expect(back.y).toBeCloseTo(p.y, 6);
    }
  });

  it('moves along the reading direction as crop x grows', () => {
    const crop: LineCrop = { image: dummy, raw: dummy, origin: { x: 0, y: 0 }, angle: Math.PI / 2, scale: 2 };
    const p = cropToSource(crop, 10, 0);
    expect(p.x).toBeCloseTo(0, 6);
    expect(p.y).toBeCloseTo(5, 6);
  });
});

/** A tilted line of glyph quads: each glyph 20x40, pitch 28, turned by `deg` about (300, 300). */
function tilted(text: string, deg: number): Finding {
  const a = (deg * Math.PI) / 180;
  const rot = (x: number, y: number) => ({
    x: 300 + (x - 300) * Math.cos(a) - (y - 300) * Math.sin(a),
    y: 300 + (x - 300) * Math.sin(a) + (y - 300) * Math.cos(a),
  });
  const glyphs: Quad[] = [...text].map((_, i) => {
    const x = 100 + i * 28;
    return [rot(x, 280), rot(x + 20, 280), rot(x + 20, 320), rot(x, 320)];
  });
  return {
    id: 'f',
    kind: 'card-number',
    text,
    glyphs,
    confidence: 1,
    keepable: true,
    enabledByDefault: true,
  };
}

describe('masks follow a tilted or turned line', () => {
  for (const deg of [0, 12, -25, 90, 180, 270]) {
    it(`at ${deg} degrees`, () => {
      const f = tilted('4111111111111111', deg);
      const frame = lineFrame(f.glyphs);
      const dir = (Math.atan2(frame.ux.y, frame.ux.x) * 180) / Math.PI;
      expect(((dir - deg + 540) % 360) - 180).toBeCloseTo(0, 3);
      const [m] = masksForFinding(f, 'last4');
      expect(((m.rotation - deg + 540) % 360) - 180).toBeCloseTo(0, 3);
      // Every corner of every hidden glyph lies inside the mask.
      const a = (m.rotation * Math.PI) / 180;
      for (const q of f.glyphs.slice(0, 12)) {
        for (const p of q) {
          const dx = p.x - m.x;
          const dy = p.y - m.y;
          const u = dx * Math.cos(a) + dy * Math.sin(a);
          const v = -dx * Math.sin(a) + dy * Math.cos(a);
          expect(u).toBeGreaterThanOrEqual(-1e-6);
          expect(u).toBeLessThanOrEqual(m.width + 1e-6);
          expect(v).toBeGreaterThanOrEqual(-1e-6);
          expect(v).toBeLessThanOrEqual(m.height + 1e-6);
        }
      }
      expect(maskCorners(m)).toHaveLength(4);
    });
  }
});
