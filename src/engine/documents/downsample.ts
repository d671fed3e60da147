// One cheap reduced copy of the page for the quick checks every photo goes through (layout gate, barcode
// scan): an integer box average, a single pass over the pixels, several times faster than resampling.
import type { GrayImage } from '../types';

/**
 * Averages k x k blocks (the last partial row/column dropped). For k >= 4 only every other row and
 * column of a block is read: the result is still a smooth average, at a quarter of the reads, which
 * matters because every photo pays for this. k = 1 returns the input.
 */
export function boxDownsample(img: GrayImage, k: number): GrayImage {
  if (k <= 1) return img;
  const w = Math.floor(img.width / k);
  const h = Math.floor(img.height / k);
  const step = k >= 4 ? 2 : 1;
  const taps = Math.ceil(k / step);
  const area = taps * taps;
  const acc = new Uint32Array(w);
  const out = new Uint8Array(w * h);
  const data = img.data;
  for (let y = 0; y < h; y++) {
    acc.fill(0);
    for (let dy = 0; dy < k; dy += step) {
      const row = (y * k + dy) * img.width;
      for (let x = 0; x < w; x++) {
        let s = 0;
        const base = row + x * k;
        for (let dx = 0; dx < k; dx += step) s += data[base + dx];
        acc[x] += s;
      }
    }
    for (let x = 0; x < w; x++) out[y * w + x] = (acc[x] + (area >> 1)) / area;
  }
  return { width: w, height: h, data: out };
}

/** The factor that brings the long side to about `target` pixels (never enlarging). */
export function downsampleFactor(img: GrayImage, target: number): number {
  return Math.max(1, Math.round(Math.max(img.width, img.height) / target));
}
