import type { GrayImage, Point } from '../types';

/** Bilinear grey level at (x, y) in source pixels (pixel centres at integers), clamped to the image. */
export function sampleGray(img: GrayImage, x: number, y: number): number {
  const { width: w, height: h, data } = img;
  const cx = Math.min(w - 1.001, Math.max(0, x));
  const cy = Math.min(h - 1.001, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * w + x0;
  const top = data[i] + (data[i + 1] - data[i]) * fx;
  const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
  return top + (bottom - top) * fy;
}

/**
 * Edge strength at `p`, whatever the print's polarity: the grey difference across the offset `a`
 * plus the one across `d` (two perpendicular offsets, source pixels; their length is the filter's reach).
 */
export function edgeStrength(img: GrayImage, p: Point, a: Point, d: Point): number {
  return (
    Math.abs(sampleGray(img, p.x + a.x, p.y + a.y) - sampleGray(img, p.x - a.x, p.y - a.y)) +
    Math.abs(sampleGray(img, p.x + d.x, p.y + d.y) - sampleGray(img, p.x - d.x, p.y - d.y))
  );
}

/**
 * The second largest value (0 for fewer than two). Of the edge strengths along a line of samples
 * across print, a stroke crossing the line gives two edges, while one noisy sample is not print.
 */
export function secondLargest(values: Iterable<number>): number {
  let first = 0;
  let second = 0;
  for (const e of values) {
    if (e > first) {
      second = first;
      first = e;
    } else if (e > second) second = e;
  }
  return second;
}
