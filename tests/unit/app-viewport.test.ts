// The view is only a stage transform: fitting, zooming about a point, and pinching keep the source
// point under the finger or pointer where it was.
import { describe, expect, it } from 'vitest';
import { pinchStep } from '../../src/app/canvas/pinch';
import {
  fitView,
  MAX_SCALE,
  toScreen,
  toSource,
  wheelZoomFactor,
  zoomAt,
} from '../../src/app/editor/viewport';

describe('viewport', () => {
  it('fits a large photo inside the viewport, centred, and never upscales a small one', () => {
    const v = fitView({ width: 4000, height: 3000 }, { width: 832, height: 632 });
    expect(v.scale).toBeCloseTo(0.2);
    expect(v.x).toBeCloseTo(16);
    expect(v.y).toBeCloseTo(16);
    expect(fitView({ width: 100, height: 50 }, { width: 800, height: 600 })).toEqual({
      scale: 1,
      x: 350,
      y: 275,
    });
  });

  it('converts between source and screen pixels both ways', () => {
    const v = { scale: 0.5, x: 10, y: 20 };
    expect(toScreen(v, { x: 100, y: 60 })).toEqual({ x: 60, y: 50 });
    expect(toSource(v, { x: 60, y: 50 })).toEqual({ x: 100, y: 60 });
  });

  it('zooms about the anchor and clamps the scale', () => {
    const v = { scale: 1, x: 0, y: 0 };
    const anchor = { x: 300, y: 200 };
    const z = zoomAt(v, anchor, 2);
    expect(z.scale).toBe(2);
    expect(toSource(z, anchor)).toEqual(toSource(v, anchor));
    expect(zoomAt(v, anchor, 1e6).scale).toBe(MAX_SCALE);
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(1e9)).toBe(wheelZoomFactor(300));
  });

  it('pinches: spreading the fingers zooms in about their midpoint', () => {
    const view = { scale: 1, x: 0, y: 0 };
    const first = pinchStep(null, { x: 100, y: 100 }, { x: 200, y: 100 }, view);
    expect(first.view).toBeUndefined();
    const next = pinchStep(first.pinch, { x: 50, y: 100 }, { x: 250, y: 100 }, view);
    expect(next.view!.scale).toBe(2);
    expect(toSource(next.view!, { x: 150, y: 100 })).toEqual({ x: 150, y: 100 });
  });
});
