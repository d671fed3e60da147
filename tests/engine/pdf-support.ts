// Shared helpers for the PDF engine tests: fixtures, and checks on a redacted output page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keptIndices } from '../../src/engine/masks/from-findings';
import type { Finding, Quad, RgbaImage } from '../../src/engine/types';

export const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/pdf', name)));

export interface Truth {
  sensitive: Record<string, { text: string; kind: string }[]>;
  visible: Record<string, string[]>;
}
export const truth = (): Truth =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/pdf/statement.truth.json'), 'utf8'));

function bbox(q: Quad, shrink: number) {
  const xs = q.map((p) => p.x);
  const ys = q.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const dx = (x1 - x0) * shrink;
  const dy = (y1 - y0) * shrink;
  return { x0: Math.ceil(x0 + dx), x1: Math.floor(x1 - dx), y0: Math.ceil(y0 + dy), y1: Math.floor(y1 - dy) };
}

/** Share of dark pixels (all channels < 60) inside a glyph's box. */
export function darkShare(img: RgbaImage, q: Quad, shrink = 0.1): number {
  const b = bbox(q, shrink);
  let dark = 0;
  let n = 0;
  for (let y = Math.max(0, b.y0); y < Math.min(img.height, b.y1); y++) {
    for (let x = Math.max(0, b.x0); x < Math.min(img.width, b.x1); x++) {
      const i = (y * img.width + x) * 4;
      n++;
      if (img.data[i] < 60 && img.data[i + 1] < 60 && img.data[i + 2] < 60) dark++;
    }
  }
  return n ? dark / n : 0;
}

/** Glyphs a finding hides and keeps under the last-four preset. */
export function hiddenAndKept(f: Finding): { hidden: Quad[]; kept: Quad[] } {
  const kept = keptIndices(f.glyphs.length, 'last4');
  return {
    hidden: f.glyphs.filter((_, i) => !kept.has(i)),
    kept: f.glyphs.filter((_, i) => kept.has(i)),
  };
}

export const digitsOnly = (s: string) => s.replace(/[^0-9A-Z]/gi, '');
