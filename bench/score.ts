// Pixel-based scoring of a redacted image against per-digit ground truth (the ../shared/fixtures
// format). Judges only what a viewer sees: nothing here looks at masks or findings.
import type { RgbaImage } from '../src/engine/types';

export type Role = 'hide' | 'keep' | 'cvv';

export interface GroundTruthDigit {
  char: string;
  role: Role;
  bbox: [number, number, number, number];
  poly: [number, number][];
  /** The digit's group in the number, 0 first; negative: print outside the number (a back's panel). */
  group?: number;
}

export interface GroundTruth {
  file: string;
  width: number;
  height: number;
  tier?: string;
  side?: string;
  number?: string;
  digits: GroundTruthDigit[];
}

export interface ImageScore {
  file: string;
  tier: string;
  side: string;
  toHide: number;
  hidden: number;
  toKeep: number;
  kept: number;
  codeDigits: number;
  codeHidden: number;
  /** Percent of the pixels away from every digit that the redaction changed. */
  overMaskPct: number;
  /** Must-hide digits still readable and last-four digits damaged, as "char@x0,y0,x1,y1". */
  leaked: string[];
  lost: string[];
  ok: boolean;
  error?: string;
}

/** Luminance plane (Rec. 601 weights) of an RGBA image. */
export function luminance(img: RgbaImage): Float32Array {
  const out = new Float32Array(img.width * img.height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    out[j] = 0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2];
  }
  return out;
}

function pointInPolygon(poly: readonly [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Indices of the pixels whose centres lie inside the polygon. */
export function pixelsInPolygon(poly: readonly [number, number][], w: number, h: number): number[] {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(...ys)));
  const out: number[] = [];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) if (pointInPolygon(poly, x + 0.5, y + 0.5)) out.push(y * w + x);
  return out;
}

/** Ink: pixels far (more than `threshold` grey levels) from the region's median. */
export function countInk(lum: Float32Array, idx: readonly number[], threshold = 22): number {
  const vals = Float32Array.from(idx, (i) => lum[i]).sort();
  const med = vals[vals.length >> 1];
  let n = 0;
  for (const i of idx) if (Math.abs(lum[i] - med) > threshold) n++;
  return n;
}

/**
 * A must-hide digit is hidden when its polygon keeps under 10% of the original ink and under 2% of
 * its area as ink. A last-four digit is visible when 60% of its ink survives and 85% of its pixels
 * are unchanged. Over-masking counts changed pixels outside every digit's box grown by 60%.
 */
export function scoreImage(
  gt: GroundTruth,
  original: RgbaImage,
  redacted: RgbaImage,
  countCodes = true,
): ImageScore {
  const res: ImageScore = {
    file: gt.file,
    tier: gt.tier ?? 'real',
    side: gt.side ?? '-',
    toHide: 0,
    hidden: 0,
    toKeep: 0,
    kept: 0,
    codeDigits: 0,
    codeHidden: 0,
    overMaskPct: 0,
    leaked: [],
    lost: [],
    ok: false,
  };
  if (original.width !== redacted.width || original.height !== redacted.height) {
    res.error = `size ${redacted.width}x${redacted.height} differs from ${original.width}x${original.height}`;
    return res;
  }
  const w = original.width;
  const h = original.height;
  const a = luminance(original);
  const b = luminance(redacted);
  for (const d of gt.digits) {
    const idx = pixelsInPolygon(d.poly, w, h);
    if (idx.length < 4) continue;
    const inkBefore = countInk(a, idx);
    const inkAfter = countInk(b, idx);
    const gone = inkAfter <= 0.1 * inkBefore && inkAfter <= 0.02 * idx.length + 1;
    if (d.role === 'cvv') {
      res.codeDigits++;
      if (gone) res.codeHidden++;
      if (!countCodes) continue;
    }
    const where = `${d.char}@${d.bbox.map(Math.round).join(',')}`;
    if (d.role === 'hide' || d.role === 'cvv') {
      res.toHide++;
      if (gone) res.hidden++;
      else res.leaked.push(where);
    } else if (d.role === 'keep') {
      res.toKeep++;
      let same = 0;
      for (const i of idx) if (Math.abs(a[i] - b[i]) < 30) same++;
      if (inkAfter >= 0.6 * inkBefore && same >= 0.85 * idx.length) res.kept++;
      else res.lost.push(where);
    }
  }
  const nearDigit = new Uint8Array(w * h);
  for (const d of gt.digits) {
    const [x0, y0, x1, y1] = d.bbox;
    const gx = (x1 - x0) * 0.6;
    const gy = (y1 - y0) * 0.6;
    for (let y = Math.max(0, Math.floor(y0 - gy)); y < Math.min(h, Math.ceil(y1 + gy)); y++) {
      for (let x = Math.max(0, Math.floor(x0 - gx)); x < Math.min(w, Math.ceil(x1 + gx)); x++)
        nearDigit[y * w + x] = 1;
    }
  }
  let away = 0;
  let changed = 0;
  for (let i = 0; i < nearDigit.length; i++) {
    if (nearDigit[i]) continue;
    away++;
    if (Math.abs(a[i] - b[i]) > 40) changed++;
  }
  res.overMaskPct = (100 * changed) / Math.max(1, away);
  res.ok = res.hidden === res.toHide && res.kept === res.toKeep;
  return res;
}
