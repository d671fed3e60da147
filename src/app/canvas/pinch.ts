// Two-finger pinch: zoom about the midpoint and pan with it, like a photo viewer.
import { clampScale, type View } from '../editor/viewport';

type Pt = { x: number; y: number };

export interface Pinch {
  distance: number;
  center: Pt;
}

export function pinchStep(prev: Pinch | null, a: Pt, b: Pt, view: View): { pinch: Pinch; view?: View } {
  const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const distance = Math.hypot(a.x - b.x, a.y - b.y);
  if (!prev || prev.distance === 0) return { pinch: { distance, center } };
  const scale = clampScale(view.scale * (distance / prev.distance));
  // The source point under the old centre ends up under the new centre.
  const sx = (prev.center.x - view.x) / view.scale;
  const sy = (prev.center.y - view.y) / view.scale;
  return { pinch: { distance, center }, view: { scale, x: center.x - sx * scale, y: center.y - sy * scale } };
}
