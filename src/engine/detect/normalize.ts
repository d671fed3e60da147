import { localMean } from '../image/local-mean';
import type { GrayImage } from '../types';

/**
 * Flattens the background: each pixel minus the mean of a window around it, re-centred on mid grey
 * and stretched. Shade, glare, a card edge or bright table in the crop no longer decide Tesseract's
 * global threshold; only the local contrast of the print remains.
 */
export function flattenBackground(img: GrayImage, radius: number): GrayImage {
  const { width: w, height: h, data } = img;
  const r = Math.max(2, Math.round(radius));
  const mean = localMean(img, r);
  const diff = new Float32Array(w * h);
  let sumSq = 0;
  for (let i = 0; i < diff.length; i++) {
    const d = data[i] - mean[i];
    diff[i] = d;
    sumSq += d * d;
  }
  // Scale so the print's contrast fills the range whatever it was (faint emboss or bold print).
  const sd = Math.sqrt(sumSq / Math.max(1, w * h)) || 1;
  const k = 45 / sd;
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(160 + diff[i] * k)));
  return { width: w, height: h, data: out };
}

/**
 * Whether the ground's own change across `img` (the spread, 5th to 95th percentile, of the mean over
 * windows of `radius` pixels) is more than `ratio` times the detail on it (the root mean square of
 * each pixel's difference from that mean: print, texture and noise). A glare spot or deep shade over
 * faint print does that; an evenly lit crop, however blurred or textured, does not.
 */
export function groundDominates(img: GrayImage, radius: number, ratio: number): boolean {
  const r = Math.max(2, Math.round(radius));
  const mean = localMean(img, r);
  let sumSq = 0;
  for (let i = 0; i < mean.length; i++) sumSq += (img.data[i] - mean[i]) ** 2;
  const detail = Math.sqrt(sumSq / Math.max(1, mean.length));
  const sorted = Float64Array.from(mean).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return at(0.95) - at(0.05) > ratio * Math.max(detail, 1);
}
