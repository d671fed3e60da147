// Analysis at a working size: a photo over WORKING_MAX_PIXELS (a 48 MP phone photo is 2.9 times it)
// is read from an area-averaged copy of at most that many pixels, and its findings are scaled back
// to the original's pixels. Detection needs no more: print that reads at 4032 x 3024 reads at 8064
// x 6048 too, while every full-size working array (grey, channel, integral images) of a 48 MP photo
// costs 48-400 MB. Masks are made from the scaled-back findings and burned at full resolution.
import type { TextLine } from '../learned/text-lines';
import type { Finding, Quad, RgbaImage } from '../types';

/**
 * The most pixels analysis works on: a 12 MP phone frame (4032 x 3024), the size the detectors are
 * tuned and benchmarked on; anything up to it is analysed as it is.
 */
export const WORKING_MAX_PIXELS = 4032 * 3024;

/** The factor (<= 1) a picture is scaled by for analysis: 1 when it is within the working size. */
export function workingScale(width: number, height: number): number {
  const pixels = width * height;
  return pixels <= WORKING_MAX_PIXELS ? 1 : Math.sqrt(WORKING_MAX_PIXELS / pixels);
}

/**
 * An area-averaged copy of `img` at `scale` (< 1): each output pixel is the mean of the source
 * pixels its footprint covers (partial coverage weighted), so small print does not alias away.
 */
export function downscaleRgba(img: RgbaImage, scale: number): RgbaImage {
  const width = Math.max(1, Math.floor(img.width * scale));
  const height = Math.max(1, Math.floor(img.height * scale));
  const fx = img.width / width;
  const fy = img.height / height;
  const out = new Uint8ClampedArray(width * height * 4);
  // Horizontal footprints once: for each output column, its source columns and weights.
  const cols: { x0: number; x1: number; w0: number; w1: number }[] = [];
  for (let x = 0; x < width; x++) {
    const a = x * fx;
    const b = a + fx;
    const x0 = Math.floor(a);
    const x1 = Math.min(img.width - 1, Math.ceil(b) - 1);
    cols.push({ x0, x1, w0: x0 + 1 - a, w1: b - x1 });
  }
  const row = new Float32Array(width * 4);
  const src = img.data;
  for (let y = 0; y < height; y++) {
    const a = y * fy;
    const b = a + fy;
    const y0 = Math.floor(a);
    const y1 = Math.min(img.height - 1, Math.ceil(b) - 1);
    row.fill(0);
    for (let sy = y0; sy <= y1; sy++) {
      const wy = sy === y0 ? y0 + 1 - a : sy === y1 ? b - y1 : 1;
      const base = sy * img.width * 4;
      for (let x = 0; x < width; x++) {
        const c = cols[x];
        let r = 0;
        let g = 0;
        let bl = 0;
        for (let sx = c.x0; sx <= c.x1; sx++) {
          const wx = sx === c.x0 ? c.w0 : sx === c.x1 ? c.w1 : 1;
          const i = base + sx * 4;
          r += src[i] * wx;
          g += src[i + 1] * wx;
          bl += src[i + 2] * wx;
        }
        const o = x * 4;
        row[o] += r * wy;
        row[o + 1] += g * wy;
        row[o + 2] += bl * wy;
      }
    }
    const area = fx * fy;
    const at = y * width * 4;
    for (let x = 0; x < width; x++) {
      const o = x * 4;
      out[at + o] = row[o] / area;
      out[at + o + 1] = row[o + 1] / area;
      out[at + o + 2] = row[o + 2] / area;
      out[at + o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** A finding read on the working copy, in the original's pixels (`sx`, `sy`: original / working). */
export function scaleFinding(f: Finding, sx: number, sy: number): Finding {
  const glyphs = f.glyphs.map((q) => q.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad);
  return { ...f, glyphs };
}

/**
 * A text line found on the working copy, in the original's pixels. The copy keeps the aspect ratio
 * to within a pixel, so lengths and heights scale by the mean of `sx` and `sy`.
 */
export function scaleTextLine(l: TextLine, sx: number, sy: number): TextLine {
  const s = (sx + sy) / 2;
  return {
    ...l,
    centre: { x: l.centre.x * sx, y: l.centre.y * sy },
    length: l.length * s,
    glyphHeight: l.glyphHeight * s,
  };
}
