import { maskPixelSpans } from '../masks/geometry';
import type { Mask, RgbaImage } from '../types';

export interface BurnOptions {
  /** Opaque fill colour [r, g, b]; black by default. */
  color?: [number, number, number];
  /** Burn into `img` itself instead of a copy (its last use: no second full-size copy). */
  inPlace?: boolean;
}

/**
 * Draws every mask fully opaque into a copy of the full-resolution image (or into the image itself
 * with `inPlace`). The result holds only
 * pixels: whatever was under a mask is gone, and no layer or alpha is left to peel off.
 */
export function burnMasks(img: RgbaImage, masks: readonly Mask[], options: BurnOptions = {}): RgbaImage {
  const [r, g, b] = options.color ?? [0, 0, 0];
  const data = options.inPlace ? img.data : new Uint8ClampedArray(img.data);
  for (const mask of masks) {
    if (!(mask.width > 0 && mask.height > 0)) continue;
    for (const [y, x0, x1] of maskPixelSpans(mask, img.width, img.height)) {
      for (let i = (y * img.width + x0) * 4, end = (y * img.width + x1) * 4; i < end; i += 4) {
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = 255;
      }
    }
  }
  return { width: img.width, height: img.height, data };
}
