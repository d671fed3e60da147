import { assertImageSize } from '../errors';
import { noteCanvas, rowBands } from './canvas-limit';
import type { RgbaImage } from '../types';

export interface DecodedImage {
  image: RgbaImage;
  /** The same upright picture, for the editor to display without a second decode. */
  bitmap: ImageBitmap;
}

/**
 * Reads a decoded bitmap's pixels through OffscreenCanvas, after checking its real size (a header can
 * lie). The bitmap is closed if the size is refused, so a refused image holds no memory. A picture
 * over the canvas limit (a 48 MP photo) is read in row bands, each its own small canvas.
 */
export function pixelsOfBitmap(bitmap: ImageBitmap): DecodedImage {
  const { width, height } = bitmap;
  try {
    assertImageSize(width, height);
  } catch (e) {
    bitmap.close();
    throw e;
  }
  const bands = rowBands(width, height);
  // One band: its pixels are the image (no second copy).
  const data = bands.length > 1 ? new Uint8ClampedArray(width * height * 4) : undefined;
  for (const band of bands) {
    noteCanvas(width, band.rows);
    const canvas = new OffscreenCanvas(width, band.rows);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('This browser cannot read image pixels (no OffscreenCanvas 2D).');
    ctx.drawImage(bitmap, 0, band.y, width, band.rows, 0, 0, width, band.rows);
    const rows = ctx.getImageData(0, 0, width, band.rows).data;
    if (!data) return { image: { width, height, data: rows }, bitmap };
    data.set(rows, band.y * width * 4);
    canvas.width = canvas.height = 0;
  }
  return { image: { width, height, data: data! }, bitmap };
}
