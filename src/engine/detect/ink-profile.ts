import type { GrayImage } from '../types';

/** A run of inked columns in a level line crop: one glyph, or a few touching ones. */
export interface InkSegment {
  x0: number;
  x1: number;
  /** Mean edge energy per column: how strongly printed it is. */
  energy: number;
}

/**
 * Column profile of edge energy inside the glyph band [y0, y1) of a level crop. Works on fragmented
 * embossed relief and on touching glyphs alike, where connected components fall apart or merge.
 */
export function columnEnergy(img: GrayImage, y0: number, y1: number): Float32Array {
  const { width: w, height: h, data } = img;
  const top = Math.max(1, Math.floor(y0));
  const bottom = Math.min(h - 1, Math.ceil(y1));
  const e = new Float32Array(w);
  for (let x = 1; x < w - 1; x++) {
    let sum = 0;
    for (let y = top; y < bottom; y++) {
      const i = y * w + x;
      sum += Math.abs(data[i + 1] - data[i - 1]) + Math.abs(data[i + w] - data[i - w]);
    }
    e[x] = sum / Math.max(1, bottom - top);
  }
  return e;
}

/**
 * Inked segments along the band: columns above `threshold`, with gaps narrower than `minGap` (the
 * holes inside one glyph) bridged and slivers narrower than `minWidth` dropped.
 */
export function inkSegments(
  energy: Float32Array,
  threshold: number,
  minGap: number,
  minWidth: number,
): InkSegment[] {
  const raw: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= energy.length; x++) {
    const on = x < energy.length && energy[x] >= threshold;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      raw.push([start, x]);
      start = -1;
    }
  }
  const merged: [number, number][] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r[0] - last[1] < minGap) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  return merged
    .filter(([a, b]) => b - a >= minWidth)
    .map(([a, b]) => {
      let s = 0;
      for (let x = a; x < b; x++) s += energy[x];
      return { x0: a, x1: b, energy: s / (b - a) };
    });
}
