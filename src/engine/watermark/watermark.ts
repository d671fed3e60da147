// Watermarks for ID copies ("Copy for <recipient> - <purpose> - <date>", tiled diagonally), as Dutch and
// German practice recommends: a copy that is plainly a copy, for one recipient and one purpose, is
// worth less to an identity thief. Burned into the exported pixels, after the masks.
//
// The engine stays free of canvas APIs: text rasterisation is a platform-injected TextPainter
// (OffscreenCanvas in the worker, @napi-rs/canvas in Node); layout and blending are pure code here.
import type { RgbaImage } from '../types';

export interface WatermarkOptions {
  /** The whole line, e.g. from watermarkText(). Empty text means no watermark. */
  text: string;
  /** 0..1 opacity of the lettering; 0.35 by default: readable document, unmistakable mark. */
  opacity?: number;
  /** Degrees, counter-clockwise; -30 (rising to the right) by default. */
  angleDeg?: number;
  /** Text colour [r, g, b]; a dark red by default, visible on light and mid-tone documents. */
  color?: [number, number, number];
  /** Glyph size in pixels; by default 1/28 of the image diagonal (so it scales with the photo). */
  fontSizePx?: number;
}

/** One placement of the text, in the rotated frame (u along the text, v across it). */
export interface TextRun {
  u: number;
  v: number;
}

/**
 * Rasterises text for the watermark. Returns coverage, one byte per pixel (0 none, 255 full), of
 * `text` filled at each run position in a frame rotated by `angleRad` about the image origin.
 */
export interface TextPainter {
  measure(text: string, fontSizePx: number): number;
  paint(
    width: number,
    height: number,
    text: string,
    fontSizePx: number,
    angleRad: number,
    runs: readonly TextRun[],
  ): Uint8Array;
}

export interface WatermarkFields {
  recipient: string;
  purpose: string;
  /** Shown as given; defaults to today's date as YYYY-MM-DD. */
  date?: string;
}

/** "Copy for <recipient> - <purpose> - <date>", the wording the issue asks for. */
export function watermarkText(f: WatermarkFields): string {
  const date = f.date ?? new Date().toISOString().slice(0, 10);
  return ['Copy for ' + f.recipient.trim(), f.purpose.trim(), date].filter((s) => s.length > 0).join(' - ');
}

/** Where copies of the text go: rows across the rotated frame, every other row shifted half a step. */
export function tileRuns(
  width: number,
  height: number,
  textWidth: number,
  fontSizePx: number,
  angleRad: number,
): TextRun[] {
  const stepU = textWidth + 2.5 * fontSizePx;
  const stepV = 4 * fontSizePx;
  // The image corners in the rotated frame bound the area the rows must cover.
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  const us: number[] = [];
  const vs: number[] = [];
  for (const [x, y] of [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ]) {
    us.push(x * cos + y * sin);
    vs.push(-x * sin + y * cos);
  }
  const runs: TextRun[] = [];
  const u0 = Math.min(...us) - stepU;
  const u1 = Math.max(...us);
  const v0 = Math.min(...vs);
  const v1 = Math.max(...vs) + stepV;
  let row = 0;
  for (let v = v0 + stepV / 2; v < v1; v += stepV, row++) {
    for (let u = u0 + (row % 2) * (stepU / 2); u < u1; u += stepU) runs.push({ u, v });
  }
  return runs;
}

/**
 * A copy of `img` with the watermark blended in at the given opacity. With `inPlace` the pixels of
 * `img` itself are changed (for a copy the caller owns, such as a burned page: no second full copy).
 */
export function renderWatermark(
  img: RgbaImage,
  options: WatermarkOptions,
  painter: TextPainter,
  inPlace = false,
): RgbaImage {
  const text = options.text.trim();
  if (!text) return img;
  const opacity = Math.min(1, Math.max(0, options.opacity ?? 0.35));
  const [r, g, b] = options.color ?? [170, 20, 30];
  const size = Math.max(10, Math.round(options.fontSizePx ?? Math.hypot(img.width, img.height) / 28));
  // Canvas rotation is clockwise for positive angles; the option reads as the usual counter-clockwise.
  const angle = (-(options.angleDeg ?? 30) * Math.PI) / 180;
  const runs = tileRuns(img.width, img.height, painter.measure(text, size), size, angle);
  const cover = painter.paint(img.width, img.height, text, size, angle, runs);
  const data = inPlace ? img.data : new Uint8ClampedArray(img.data);
  for (let p = 0, i = 0; p < cover.length; p++, i += 4) {
    const c = cover[p];
    if (c === 0) continue;
    const a = (opacity * c) / 255;
    data[i] = data[i] * (1 - a) + r * a;
    data[i + 1] = data[i + 1] * (1 - a) + g * a;
    data[i + 2] = data[i + 2] * (1 - a) + b * a;
    data[i + 3] = 255;
  }
  return { width: img.width, height: img.height, data };
}
