// The band a number tool stroke runs along: the stroke gives the line's direction and length (first
// digit's centre to last digit's centre); the glyph height and the line's exact centre come from the
// rows of ink across it.
import { sampleRotated } from '../image/transform';
import type { GrayImage, Point } from '../types';

export interface StrokeBand {
  /** Centre of the stroke moved onto the middle of the glyph rows (source pixels). */
  centre: Point;
  /** Reading direction, radians clockwise (from the stroke's start to its end). */
  angle: number;
  /** First digit's centre to last digit's centre, source pixels. */
  length: number;
  /** Height of the glyph band (emboss shadow included), source pixels. */
  glyphHeight: number;
}

/** A card number's first-to-last centre distance is about 10 (12 digits) to 20 glyph heights. */
const LENGTH_PER_HEIGHT = { min: 7, max: 24, usual: 12.5 } as const;

/**
 * Measures the band along a stroke from `from` to `to` (source pixels): a strip a quarter of the
 * stroke's length each side is sampled level, each row's horizontal edge energy (digits are mostly
 * upright strokes) is summed, and the run of strong rows through the stroke (within a glyph of it)
 * is the glyph band. Falls back to the usual height for the length when no band stands out.
 */
export function strokeBand(gray: GrayImage, from: Point, to: Point): StrokeBand {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const usual = length / LENGTH_PER_HEIGHT.usual;
  const scale = Math.min(4, Math.max(0.1, 480 / Math.max(1, length)));
  const across = length / 2;
  const w = Math.max(8, Math.round(length * scale));
  const h = Math.max(8, Math.round(across * scale));
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const origin = {
    x: mid.x - (length / 2) * ux + (across / 2) * uy,
    y: mid.y - (length / 2) * uy - (across / 2) * ux,
  };
  const strip = sampleRotated(gray, origin, angle, w, h, scale);
  const rows = new Float32Array(h);
  for (let y = 0; y < h; y++) {
    let sum = 0;
    const row = y * w;
    for (let x = 1; x < w - 1; x++) sum += Math.abs(strip.data[row + x + 1] - strip.data[row + x - 1]);
    rows[y] = sum / w;
  }
  // Smooth over about a twentieth of a glyph so single noisy rows do not split the band.
  const smooth = new Float32Array(h);
  const r = Math.max(1, Math.round(0.05 * usual * scale));
  for (let y = 0; y < h; y++) {
    let s = 0;
    let n = 0;
    for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++, n++) s += rows[k];
    smooth[y] = s / n;
  }
  const c = h >> 1;
  const reach = Math.round(0.5 * usual * scale);
  let peakAt = c;
  for (let y = Math.max(0, c - reach); y <= Math.min(h - 1, c + reach); y++)
    if (smooth[y] > smooth[peakAt]) peakAt = y;
  const sorted = Array.from(smooth).sort((p, q) => p - q);
  const ground = sorted[Math.floor(h * 0.2)];
  const peak = smooth[peakAt];
  const fallback = { centre: mid, angle, length, glyphHeight: usual };
  if (!(peak > 1.5 * ground + 1)) return fallback;
  const threshold = ground + 0.35 * (peak - ground);
  let top = peakAt;
  let bottom = peakAt;
  while (top > 0 && smooth[top - 1] >= threshold) top--;
  while (bottom < h - 1 && smooth[bottom + 1] >= threshold) bottom++;
  const bandHeight = (bottom - top + 1) / scale;
  const glyphHeight = Math.min(
    length / LENGTH_PER_HEIGHT.min,
    Math.max(length / LENGTH_PER_HEIGHT.max, bandHeight),
  );
  // The band's middle, if it is within half a glyph of the stroke (else the stroke stands).
  const offset = ((top + bottom + 1) / 2 - h / 2) / scale;
  const shift = Math.abs(offset) <= 0.5 * glyphHeight ? offset : 0;
  return {
    centre: { x: mid.x - shift * uy, y: mid.y + shift * ux },
    angle,
    length,
    glyphHeight,
  };
}
