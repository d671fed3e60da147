import type { GrayImage } from '../types';
import { connectedComponents } from './components';

/** A glyph-sized blob of ink in a prepared line crop (dark print on light), in crop pixels. */
export interface InkGlyph {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Otsu's threshold: the grey level that best splits the crop into print and ground. */
export function otsu(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]++;
  const n = img.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let thr = 128;
  for (let v = 0; v < 256; v++) {
    wB += hist[v];
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += v * hist[v];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      thr = v;
    }
  }
  return thr;
}

/**
 * Glyph positions along a level line crop, found from ink alone (no OCR): blobs of dark pixels about
 * as tall as the expected glyphs, near the line's centre band, with pieces of one glyph (broken
 * strokes of embossed print) merged column-wise. Gives the line's full extent where OCR drops groups.
 */
export function inkGlyphs(img: GrayImage, glyphHeight: number): InkGlyph[] {
  const thr = otsu(img);
  const bin = new Uint8Array(img.data.length);
  for (let i = 0; i < bin.length; i++) bin[i] = img.data[i] <= thr ? 1 : 0;
  const comps = connectedComponents(bin, img.width, img.height, 4);
  const mid = img.height / 2;
  const parts = comps.filter((c) => {
    const h = c.y1 - c.y0;
    const cy = (c.y0 + c.y1) / 2;
    return (
      h >= 0.2 * glyphHeight &&
      h <= 1.6 * glyphHeight &&
      Math.abs(cy - mid) < 0.6 * glyphHeight &&
      c.x1 - c.x0 < 4 * glyphHeight
    );
  });
  parts.sort((a, b) => a.x0 - b.x0);
  // Merge pieces that overlap in x (one glyph broken into parts).
  const merged: InkGlyph[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (last && p.x0 < last.x1 - 0.3 * Math.min(p.x1 - p.x0, last.x1 - last.x0)) {
      last.x0 = Math.min(last.x0, p.x0);
      last.x1 = Math.max(last.x1, p.x1);
      last.y0 = Math.min(last.y0, p.y0);
      last.y1 = Math.max(last.y1, p.y1);
    } else merged.push({ x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1 });
  }
  return merged.filter((g) => g.y1 - g.y0 >= 0.5 * glyphHeight);
}
