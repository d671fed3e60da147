// Mask geometry in source pixels. Konva reports fractional positions and a scale after a transform;
// the data model keeps whole pixels, scale 1, and at least part of the mask on the image.
import type { Mask } from '../../engine/types';

export type MaskGeometry = Pick<Mask, 'x' | 'y' | 'width' | 'height' | 'rotation'>;

export const MIN_MASK_SIZE = 2;

/** Rotation in (-180, 180], rounded to a tenth of a degree so 0 stays exactly 0. */
export function normalizeRotation(deg: number): number {
  let r = Math.round(deg * 10) / 10;
  r = ((r % 360) + 360) % 360;
  if (r > 180) r -= 360;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Rounds to whole pixels and keeps the mask on the image. An unrotated mask is clipped to the image;
 * a rotated one keeps its corner inside it (clipping a rotated box would change its shape).
 */
export function normalizeGeometry(g: MaskGeometry, imageWidth: number, imageHeight: number): MaskGeometry {
  const rotation = normalizeRotation(g.rotation);
  let width = Math.max(MIN_MASK_SIZE, Math.round(Math.abs(g.width)));
  let height = Math.max(MIN_MASK_SIZE, Math.round(Math.abs(g.height)));
  let x = Math.round(g.x);
  let y = Math.round(g.y);
  if (rotation === 0) {
    width = Math.min(width, imageWidth);
    height = Math.min(height, imageHeight);
    x = clamp(x, 0, imageWidth - width);
    y = clamp(y, 0, imageHeight - height);
  } else {
    x = clamp(x, 0, imageWidth - 1);
    y = clamp(y, 0, imageHeight - 1);
  }
  return { x, y, width, height, rotation };
}

/** The box spanned by two drag points, whichever way the user dragged. */
export function rectFromPoints(a: { x: number; y: number }, b: { x: number; y: number }): MaskGeometry {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(b.x - a.x),
    height: Math.abs(b.y - a.y),
    rotation: 0,
  };
}

export function sameGeometry(a: MaskGeometry, b: MaskGeometry): boolean {
  return (
    a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.rotation === b.rotation
  );
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
