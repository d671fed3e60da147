// Web Worker adapter: decode with createImageBitmap (which applies the EXIF orientation) and encode
// through OffscreenCanvas. Both exist in dedicated workers; no DOM is touched.
import { InputError, assertDecodable, assertImageSize } from '../errors';
import { APP_BYTES_PER_PIXEL, assertFitsMemory } from '../memory-budget';
import { decodeHeicInWorker } from '../heic/decode-heic-worker';
import { fitsOneCanvas, MAX_CANVAS_PIXELS, noteCanvas } from '../image/canvas-limit';
import { encodeLarge } from '../image/encode-large';
import { isTruncated, readImageSize, sniffImageType } from '../image/sniff';
import type { ImageFormat, RgbaImage } from '../types';
import { pixelsOfBitmap, type DecodedImage } from '../image/bitmap-pixels';

export type { DecodedImage };

/**
 * Decodes a photo. `memoryBudget` (bytes, deviceMemoryBudget): a photo whose header says it cannot
 * fit is refused as 'out-of-memory' before it is decoded.
 */
export async function decodeImageInWorker(blob: Blob, memoryBudget?: number): Promise<DecodedImage> {
  // One read of the file serves the sniff, the header size and the truncation check.
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const type = sniffImageType(bytes);
  assertDecodable(type);
  // createImageBitmap cannot read HEIC outside Safari: heic-to (lazy-loaded chunk) decodes it.
  if (type === 'heic') return decodeHeicInWorker(blob);
  // Check the declared size before decoding, so a small file with a huge canvas never gets decoded.
  const size = readImageSize(bytes);
  if (size) assertImageSize(size.width, size.height);
  if (size) assertFitsMemory(size.width, size.height, APP_BYTES_PER_PIXEL, memoryBudget);
  if (isTruncated(bytes)) throw new InputError('truncated', { type });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    // A picture beyond what this browser will decode at full size says so, rather than blaming the
    // file; but only when the file is whole: a damaged big file is damaged, as it is in Node.
    if (size && size.width * size.height > MAX_CANVAS_PIXELS && (await decodesSmall(blob, size)))
      throw new InputError('out-of-memory', { width: size.width, height: size.height });
    throw new InputError('image-damaged', { type });
  }
  return pixelsOfBitmap(bitmap);
}

/** Whether the file decodes when asked for a small picture of it (256 px on its long side). */
async function decodesSmall(blob: Blob, size: { width: number; height: number }): Promise<boolean> {
  const scale = 256 / Math.max(size.width, size.height);
  try {
    const small = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      resizeWidth: Math.max(1, Math.round(size.width * scale)),
      resizeHeight: Math.max(1, Math.round(size.height * scale)),
      resizeQuality: 'low',
    });
    small.close();
    return true;
  } catch {
    return false;
  }
}

const MIME: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** A brand-new file from pixels only: canvas encoders write no EXIF, GPS or thumbnails. */
export async function encodeImageInWorker(
  img: RgbaImage,
  format: ImageFormat,
  quality = 0.92,
): Promise<Blob> {
  // A picture over the canvas limit (a 48 MP photo) is encoded from its pixel array: no canvas of
  // that size may be made (iOS Safari would hand back a blank one).
  if (!fitsOneCanvas(img.width, img.height)) {
    const bytes = await encodeLarge(img, format, quality);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] });
  }
  noteCanvas(img.width, img.height);
  const canvas = new OffscreenCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot encode images (no OffscreenCanvas 2D).');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  return canvas.convertToBlob({ type: MIME[format], quality });
}
