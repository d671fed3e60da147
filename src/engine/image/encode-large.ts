// Encoders for pictures over the canvas limit (image/canvas-limit.ts), straight from the pixel array:
// PNG row by row through fflate's streaming zlib (png-rows.ts), JPEG through jpeg-js (pure
// JavaScript), the same in the worker and in Node. Like the canvas encoders they write pixels only: no EXIF, GPS, text chunks or thumbnails.
// WebP has no such encoder here: a WebP export that large is refused with a clear message.
import { InputError } from '../errors';
import { encodePngRows } from './png-rows';
import type { ImageFormat, RgbaImage } from '../types';

/**
 * A new PNG or JPEG file of `img` without any canvas. Throws InputError 'export-too-large' for WebP.
 * `quality` is 0..1 (JPEG only).
 */
export async function encodeLarge(img: RgbaImage, format: ImageFormat, quality = 0.92): Promise<Uint8Array> {
  const { width, height } = img;
  if (format === 'png') return encodePngRows(img);
  if (format === 'jpeg') {
    const jpeg = await import('jpeg-js');
    const encode = jpeg.encode ?? (jpeg as unknown as { default: typeof jpeg }).default.encode;
    // jpeg-js hands its bytes to Buffer.from when it runs as a CommonJS module, which it does inside
    // the worker bundle too, where there is no Buffer: lend it the one function it calls.
    const g = globalThis as { Buffer?: unknown };
    const lent = g.Buffer === undefined;
    if (lent) g.Buffer = { from: (bytes: number[]) => Uint8Array.from(bytes) };
    try {
      const out = encode({ width, height, data: img.data as unknown as Buffer }, Math.round(quality * 100));
      return new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
    } finally {
      if (lent) delete g.Buffer;
    }
  }
  throw new InputError('export-too-large', { width, height, type: format });
}
