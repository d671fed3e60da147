// Pixel scoring of a redacted image against per-digit ground truth, with the same rules as
// /work/shared/tools/score.mjs: a must-hide digit is hidden when, inside its polygon, the output keeps
// < 10% of the original's ink and < 2% of the area as ink; a last-four digit is visible when >= 60%
// of its ink survives and >= 85% of its pixels are unchanged.
import { createCanvas, loadImage } from '@napi-rs/canvas';

export interface GroundTruthDigit {
  char: string;
  role: 'hide' | 'keep' | 'cvv' | string;
  bbox: [number, number, number, number];
  poly: [number, number][];
}

export interface GroundTruth {
  file: string;
  width: number;
  height: number;
  digits: GroundTruthDigit[];
}

export interface Luminance {
  w: number;
  h: number;
  lum: Float32Array;
}

export interface Score {
  hideTotal: number;
  hidden: number;
  keepTotal: number;
  visible: number;
  leaked: string[];
  lost: string[];
  ok: boolean;
  error?: string;
}

export async function luminance(bytes: Buffer | Uint8Array): Promise<Luminance> {
  const img = await loadImage(Buffer.from(bytes));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  const lum = new Float32Array(img.width * img.height);
  for (let i = 0, j = 0; j < lum.length; i += 4, j++)
    lum[j] = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
  return { w: img.width, h: img.height, lum };
}

function inPoly(poly: [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polyPixels(poly: [number, number][], w: number, h: number): number[] {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(...ys)));
  const idx: number[] = [];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) if (inPoly(poly, x + 0.5, y + 0.5)) idx.push(y * w + x);
  return idx;
}

function inkCount(lum: Float32Array, idx: number[], thr = 22): number {
  const sorted = Float32Array.from(idx.map((i) => lum[i])).sort();
  const m = sorted[sorted.length >> 1];
  let n = 0;
  for (const i of idx) if (Math.abs(lum[i] - m) > thr) n++;
  return n;
}

export function scoreDigits(gt: GroundTruth, orig: Luminance, out: Luminance): Score {
  const res: Score = { hideTotal: 0, hidden: 0, keepTotal: 0, visible: 0, leaked: [], lost: [], ok: false };
  if (out.w !== orig.w || out.h !== orig.h) {
    res.error = `size ${out.w}x${out.h} differs from original ${orig.w}x${orig.h}`;
    return res;
  }
  for (const d of gt.digits) {
    if (d.role !== 'hide' && d.role !== 'keep') continue;
    const idx = polyPixels(d.poly, orig.w, orig.h);
    if (idx.length < 4) continue;
    const inkO = inkCount(orig.lum, idx);
    const inkR = inkCount(out.lum, idx);
    const where = `${d.char}@${d.bbox.map(Math.round).join(',')}`;
    if (d.role === 'hide') {
      res.hideTotal++;
      if (inkR <= 0.1 * inkO && inkR <= 0.02 * idx.length + 1) res.hidden++;
      else res.leaked.push(where);
    } else {
      res.keepTotal++;
      let same = 0;
      for (const i of idx) if (Math.abs(out.lum[i] - orig.lum[i]) < 30) same++;
      if (inkR >= 0.6 * inkO && same >= 0.85 * idx.length) res.visible++;
      else res.lost.push(where);
    }
  }
  res.ok = res.hidden === res.hideTotal && res.visible === res.keepTotal;
  return res;
}
