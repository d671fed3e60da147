import { describe, expect, it } from 'vitest';
import {
  renderWatermark,
  tileRuns,
  watermarkText,
  type TextPainter,
} from '../../src/engine/watermark/watermark';
import { nodeTextPainter } from '../../src/engine/watermark/painter-node';
import type { RgbaImage } from '../../src/engine/types';

const white = (w: number, h: number): RgbaImage => ({
  width: w,
  height: h,
  data: new Uint8ClampedArray(w * h * 4).fill(255),
});

describe('watermark', () => {
  it('words the line as the issue asks', () => {
    expect(watermarkText({ recipient: ' Hotel Example ', purpose: 'check-in', date: '2026-11-26' })).toBe(
      'Copy for Hotel Example - check-in - 2026-11-26',
    );
    expect(watermarkText({ recipient: 'Bank', purpose: '', date: '2026-01-01' })).toBe(
      'Copy for Bank - 2026-01-01',
    );
  });

  it('tiles the text over the whole image, whatever the angle', () => {
    for (const deg of [0, 30, 45, 90]) {
      const a = (-deg * Math.PI) / 180;
      const runs = tileRuns(800, 600, 300, 20, a);
      // Every 40 px cell of the image has a run's anchor within a row pitch and a text length of it.
      const pts = runs.map((r) => ({
        x: r.u * Math.cos(a) - r.v * Math.sin(a),
        y: r.u * Math.sin(a) + r.v * Math.cos(a),
      }));
      for (let y = 20; y < 600; y += 80) {
        for (let x = 20; x < 800; x += 80) {
          expect(
            pts.some((p) => Math.hypot(p.x - x, p.y - y) < 300 + 80 + 50),
            `${deg}: ${x},${y}`,
          ).toBe(true);
        }
      }
    }
  });

  it('blends the painted coverage at the chosen opacity and colour', () => {
    const painter: TextPainter = {
      measure: () => 100,
      paint: (w, h) => new Uint8Array(w * h).fill(255),
    };
    const out = renderWatermark(white(4, 4), { text: 'x', opacity: 0.5, color: [0, 0, 0] }, painter);
    expect([...out.data.slice(0, 4)]).toEqual([128, 128, 128, 255]);
  });

  it('draws a visible diagonal pattern with the Node painter (pixels)', () => {
    const img = white(600, 400);
    const out = renderWatermark(
      img,
      { text: 'Copy for Bank - KYC - 2026-11-26', opacity: 0.5 },
      nodeTextPainter(),
    );
    let changed = 0;
    const rowsHit = new Set<number>();
    for (let p = 0; p < 600 * 400; p++) {
      if (out.data[p * 4 + 1] < 200) {
        changed++;
        rowsHit.add(Math.floor(p / 600 / 50));
      }
    }
    expect(changed / (600 * 400)).toBeGreaterThan(0.03);
    expect(rowsHit.size).toBe(8); // every 50 px band of the image carries some lettering
    expect(img.data[1]).toBe(255); // the input is not modified
  });
});
