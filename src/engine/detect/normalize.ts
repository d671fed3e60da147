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
