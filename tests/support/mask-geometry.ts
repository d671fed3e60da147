// Where a point lies against a mask: the tests' check that masks cover what they must.
import type { Mask, Point } from '../../src/engine/types';

/** Whether `p` (source pixels) lies inside mask `m`, a rectangle turned `rotation` degrees clockwise about its (x, y) corner. */
export function insideMask(p: Point, m: Pick<Mask, 'x' | 'y' | 'width' | 'height' | 'rotation'>): boolean {
  const a = (m.rotation * Math.PI) / 180;
  const dx = p.x - m.x;
  const dy = p.y - m.y;
  const u = dx * Math.cos(a) + dy * Math.sin(a);
  const v = -dx * Math.sin(a) + dy * Math.cos(a);
  return u >= 0 && u <= m.width && v >= 0 && v <= m.height;
}
