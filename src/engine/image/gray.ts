import type { GrayImage, RgbaImage } from '../types';

/** ITU-R BT.601 luma in integer arithmetic: fast and what Tesseract itself uses for colour input. */
export function toGray(img: RgbaImage): GrayImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, j = 0; j < n; i += 4, j++) {
    out[j] = (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) >> 8;
  }
  return { width: img.width, height: img.height, data: out };
}

export function grayToRgba(img: GrayImage): RgbaImage {
  const n = img.width * img.height;
  const out = new Uint8ClampedArray(n * 4);
  for (let j = 0, i = 0; j < n; j++, i += 4) {
    const v = img.data[j];
    out[i] = v;
    out[i + 1] = v;
    out[i + 2] = v;
    out[i + 3] = 255;
  }
  return { width: img.width, height: img.height, data: out };
}

/**
 * Each pixel's darkest channel. White, silver and black print keep their contrast; saturated
 * colours (a photo of a field, a blue card) go dark, so neutral print stands out from coloured art.
 */
export function darkestChannel(img: RgbaImage): GrayImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, j = 0; j < n; i += 4, j++) out[j] = Math.min(d[i], d[i + 1], d[i + 2]);
  return { width: img.width, height: img.height, data: out };
}
