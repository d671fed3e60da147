import type { GrayImage } from '../types';

/**
 * Binary PGM (P5). Tesseract's Leptonica reads it directly, so the same bytes feed tesseract.js in a
 * Web Worker and in Node without a canvas or a PNG encoder, and encoding costs one copy.
 */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
