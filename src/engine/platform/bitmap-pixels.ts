import { assertImageSize } from '../errors';
import type { RgbaImage } from '../types';

export interface DecodedImage {
  image: RgbaImage;
  /** The same upright picture, for the editor to display without a second decode. */
  bitmap: ImageBitmap;
}

/**
 * Reads a decoded bitmap's pixels through OffscreenCanvas, after checking its real size (a header can
 * lie). The bitmap is closed if the size is refused, so a refused image holds no memory.
 */
export function pixelsOfBitmap(bitmap: ImageBitmap): DecodedImage {
  const { width, height } = bitmap;
  try {
    assertImageSize(width, height);
  } catch (e) {
    bitmap.close();
    throw e;
  }
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot read image pixels (no OffscreenCanvas 2D).');
  ctx.drawImage(bitmap, 0, 0);
  return { image: { width, height, data: ctx.getImageData(0, 0, width, height).data }, bitmap };
}
