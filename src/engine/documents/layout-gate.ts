// A cheap look at the page layout (no OCR, a few tens of milliseconds) that decides whether an image is
// document-like: many lines of small dark text (a statement, a screenshot, an ID) or an MRZ-like row of
// evenly pitched glyphs. Card photos have a handful of lines and skip the document OCR pass, which keeps
// the card pipeline as fast as it was.
import { connectedComponents } from '../detect/components';
import { localMean } from '../image/local-mean';
import { resizeGray } from '../image/transform';
import type { Box, GrayImage } from '../types';

export interface LayoutVerdict {
  /** Lines of at least 4 character-like blobs. */
  textLines: number;
  /** Lines long and regular enough to be an MRZ row. */
  mrzLikeLines: number;
  /** Where the MRZ-like lines are, in source pixels (for a targeted read when page OCR misses them). */
  mrzBoxes: Box[];
  /** Tilt of the MRZ-like lines in radians (clockwise, image y down); 0 when there are none. */
  mrzAngle: number;
  documentLike: boolean;
  /** The same counts for text running vertically: a page photographed sideways. */
  sideways?: { textLines: number; mrzLikeLines: number; documentLike: boolean };
}

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const WORK_SIDE = 800;

/**
 * `work` is the page reduced to about WORK_SIDE (boxDownsample) and `scale` its size over the source's,
 * so boxes come back in source pixels. A larger image is resampled here first.
 */
export function assessLayout(work: GrayImage, scale = 1): LayoutVerdict {
  let s = scale;
  let img = work;
  if (Math.max(work.width, work.height) > WORK_SIDE * 1.3) {
    const f = WORK_SIDE / Math.max(work.width, work.height);
    img = resizeGray(work, Math.round(work.width * f), Math.round(work.height * f));
    s = scale * f;
  }
  const ink = darkInk(img, 15, 14);
  const all: Blob[] = connectedComponents(ink, img.width, img.height, 4);
  const upright = linesOf(all, img.width, s);
  // The same blobs with x and y swapped are the page turned a quarter: one labelling serves both.
  const swapped = linesOf(
    all.map((b) => ({ x0: b.y0, y0: b.x0, x1: b.y1, y1: b.x1 })),
    img.height,
    s,
  );
  return {
    ...upright,
    sideways: {
      textLines: swapped.textLines,
      mrzLikeLines: swapped.mrzLikeLines,
      documentLike: swapped.documentLike,
    },
  };
}

function linesOf(all: Blob[], width: number, s: number): LayoutVerdict {
  const blobs = all.filter((b) => {
    const h = b.y1 - b.y0;
    const w = b.x1 - b.x0;
    return h >= 4 && h <= 60 && w <= 2.2 * h && w >= 1;
  });
  let textLines = 0;
  const mrzBoxes: Box[] = [];
  const angles: number[] = [];
  for (const l of chainLines(blobs)) {
    if (l.length >= 4) textLines++;
    if (isMrzLike(l, width)) {
      angles.push(lineAngle(l));
      mrzBoxes.push({
        x0: Math.min(...l.map((b) => b.x0)) / s,
        y0: Math.min(...l.map((b) => b.y0)) / s,
        x1: Math.max(...l.map((b) => b.x1)) / s,
        y1: Math.max(...l.map((b) => b.y1)) / s,
      });
    }
  }
  angles.sort((a, b) => a - b);
  return {
    textLines,
    mrzLikeLines: mrzBoxes.length,
    mrzBoxes,
    mrzAngle: angles.length ? angles[angles.length >> 1] : 0,
    documentLike: textLines >= 12 || mrzBoxes.length >= 2,
  };
}

/**
 * The line's tilt (a phone photo is rarely level): the median slope between blobs half a line apart,
 * which a few stray blobs (noise, a descender, a guilloche crossing) cannot drag off.
 */
function lineAngle(line: Blob[]): number {
  const half = line.length >> 1;
  const slopes: number[] = [];
  for (let i = 0; i + half < line.length; i++) {
    const a = line[i];
    const b = line[i + half];
    const dx = (b.x0 + b.x1 - a.x0 - a.x1) / 2;
    if (dx > 0) slopes.push((b.y0 + b.y1 - a.y0 - a.y1) / 2 / dx);
  }
  slopes.sort((x, y) => x - y);
  return slopes.length ? Math.atan(slopes[slopes.length >> 1]) : 0;
}

/** Pixels darker than their neighbourhood mean by `delta`: ink of dark text on a lighter ground. */
function darkInk(img: GrayImage, radius: number, delta: number): Uint8Array {
  const mean = localMean(img, radius);
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) if (img.data[i] < mean[i] - delta) out[i] = 1;
  return out;
}

/** Chains blobs left to right into lines: similar height, same centre line, small gaps. */
function chainLines(blobs: Blob[]): Blob[][] {
  const sorted = [...blobs].sort((a, b) => a.x0 - b.x0);
  const lines: Blob[][] = [];
  let open: Blob[][] = [];
  for (const b of sorted) {
    const h = b.y1 - b.y0;
    const cy = (b.y0 + b.y1) / 2;
    // Lines that ended far to the left can take no more blobs: dropping them keeps this linear-ish
    // on noisy photos with thousands of specks.
    if (open.length > 64) open = open.filter((l) => b.x0 - l[l.length - 1].x1 < 130);
    let best: Blob[] | undefined;
    let bestGap = Infinity;
    for (const l of open) {
      const last = l[l.length - 1];
      const lh = last.y1 - last.y0;
      const gap = b.x0 - last.x1;
      if (gap > 1.5 * Math.max(h, lh) || gap < -0.5 * lh) continue;
      if (Math.abs(cy - (last.y0 + last.y1) / 2) > 0.35 * Math.max(h, lh)) continue;
      if (Math.max(h, lh) > 1.7 * Math.min(h, lh)) continue;
      if (gap < bestGap) {
        bestGap = gap;
        best = l;
      }
    }
    if (best) best.push(b);
    else {
      const l = [b];
      open.push(l);
      lines.push(l);
    }
  }
  return lines;
}

/** An MRZ row: 20+ glyphs of one height at an even pitch, spanning much of the image width. */
function isMrzLike(line: Blob[], width: number): boolean {
  if (line.length < 20) return false;
  const span = line[line.length - 1].x1 - line[0].x0;
  if (span < 0.4 * width) return false;
  const pitches = line.slice(1).map((b, i) => (b.x0 + b.x1) / 2 - (line[i].x0 + line[i].x1) / 2);
  const sorted = [...pitches].sort((a, b) => a - b);
  const med = sorted[sorted.length >> 1];
  // Fillers and letters alternate, but the centre-to-centre pitch of a monospace font stays constant.
  const regular = pitches.filter((p) => Math.abs(p - med) < 0.25 * med).length;
  return regular >= 0.7 * pitches.length;
}
