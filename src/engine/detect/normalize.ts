import type { GrayImage } from '../types';

/**
 * Flattens the background: each pixel minus the mean of a window around it, re-centred on mid grey
 * and stretched. Shade, glare, a card edge or bright table in the crop no longer decide Tesseract's
 * global threshold; only the local contrast of the print remains.
 */
export function flattenBackground(img: GrayImage, radius: number): GrayImage {
  const { width: w, height: h, data } = img;
  const r = Math.max(2, Math.round(radius));
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x];
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
    }
  }
  const diff = new Float32Array(w * h);
  let sumSq = 0;
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const sum =
        integral[y1 * (w + 1) + x1] -
        integral[y0 * (w + 1) + x1] -
        integral[y1 * (w + 1) + x0] +
        integral[y0 * (w + 1) + x0];
      const d = data[y * w + x] - sum / ((x1 - x0) * (y1 - y0));
      diff[y * w + x] = d;
      sumSq += d * d;
    }
  }
  // Scale so the print's contrast fills the range whatever it was (faint emboss or bold print).
  const sd = Math.sqrt(sumSq / Math.max(1, w * h)) || 1;
  const k = 45 / sd;
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(160 + diff[i] * k)));
  return { width: w, height: h, data: out };
}
