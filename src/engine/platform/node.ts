// Node adapter: decode and encode through @napi-rs/canvas (Skia). It applies the EXIF orientation when
// decoding, so the engine sees the upright image, like createImageBitmap does in the browser.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { InputError, assertDecodable, assertImageSize } from '../errors';
import { decodeHeicNode } from '../heic/decode-heic-node';
import { fitsOneCanvas, noteCanvas, rowBands } from '../image/canvas-limit';
import { encodeLarge } from '../image/encode-large';
import { isTruncated, readImageSize, sniffImageType } from '../image/sniff';
import type { ImageFormat, RgbaImage } from '../types';

/**
 * Pixels per band when a decoded picture is copied out of Skia: one canvas of this size is reused
 * for every band. Each band costs its canvas and one copy of its pixels on top of the picture, so
 * small bands keep the peak near the picture's own size (48 MP: 8 MB a band, not 67 MB).
 */
const BAND_PIXELS = 2_000_000;

export async function decodeImageNode(bytes: Uint8Array): Promise<RgbaImage> {
  const type = sniffImageType(bytes);
  assertDecodable(type);
  // Skia cannot read HEIC: libheif (the build heic-to uses in the browser) decodes it, irot applied.
  if (type === 'heic') return decodeHeicNode(bytes);
  // Refuse a decompression bomb from its header, before Skia allocates its pixels.
  const size = readImageSize(bytes);
  if (size) assertImageSize(size.width, size.height);
  if (isTruncated(bytes)) throw new InputError('truncated', { type });
  let img;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new InputError('image-damaged', { type });
  }
  assertImageSize(img.width, img.height);
  const { width, height } = img;
  // Row bands, like the browser: no canvas the size of a 48 MP photo.
  const bands = rowBands(width, height, BAND_PIXELS);
  const data = new Uint8ClampedArray(width * height * 4);
  const canvas = createCanvas(width, bands[0].rows);
  noteCanvas(width, bands[0].rows);
  const ctx = canvas.getContext('2d');
  for (const band of bands) {
    ctx.clearRect(0, 0, width, band.rows);
    ctx.drawImage(img, 0, band.y, width, band.rows, 0, 0, width, band.rows);
    data.set(ctx.getImageData(0, 0, width, band.rows).data, band.y * width * 4);
  }
  canvas.width = canvas.height = 0;
  return { width, height, data };
}

/** Encodes pixels as a new file: Skia writes no EXIF or other metadata. */
export async function encodeImageNode(
  img: RgbaImage,
  format: ImageFormat,
  quality = 0.92,
): Promise<Uint8Array> {
  // A picture over the canvas limit is encoded from its pixel array (see encode-large.ts).
  if (!fitsOneCanvas(img.width, img.height)) return encodeLarge(img, format, quality);
  if (format === 'png') return encodePngNode(img);
  noteCanvas(img.width, img.height);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const imageData = ctx.createImageData(img.width, img.height);
  imageData.data.set(img.data);
  ctx.putImageData(imageData, 0, 0);
  return canvas.encode(format, Math.round(quality * 100));
}

/**
 * PNG through pngjs and Node's own zlib, 8-bit RGBA as Skia wrote it: every row filtered Up and
 * deflated at level 1. Skia's encoder (every filter tried on every row, zlib level 6) took about 0.6 s
 * of CPU for a 2.6 MP photo, as long as the text detector; this takes about a sixth of that. Level 1
 * took a fifth less time than level 2 for files about 2% larger (a 2.2 MP held-out photo: 103 against
 * 127 ms, 3.01 against 2.96 MB). Lossless, and like Skia's it writes only IHDR, IDAT and IEND: no
 * text, time or colour-profile chunks.
 */
export function encodePngNode(img: RgbaImage): Uint8Array {
  // A PNG object without a size allocates no pixels of its own: it is handed the picture's.
  const picture = new PNG();
  picture.width = img.width;
  picture.height = img.height;
  picture.data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  const png = PNG.sync.write(picture, {
    colorType: 6,
    inputHasAlpha: true,
    filterType: 2,
    deflateLevel: 1,
    deflateStrategy: 0,
  });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
