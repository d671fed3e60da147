// Stage "locate lines" with the learned detector: DB regions of the whole photo, merged where the
// detector split one printed line into pieces (a card number's groups often come out as two to four
// regions), as the card detector's CandidateLine.
import type { Component } from '../detect/components';
import { foldDirection } from '../math';
import type { CandidateLine } from '../detect/locate-lines';
import { LINE_STAGE } from '../detect/thresholds';
import type { GrayImage, RgbaImage } from '../types';
import { regionsFromProbabilityMap, type TextRegion } from './db-postprocess';
import type { TextModels } from './models';

export { LINE_STAGE };

/** A detected line in source pixels. */
export interface TextLine {
  centre: { x: number; y: number };
  /** Direction along the line, radians clockwise, in (-pi/2, pi/2]; which end reads first is open. */
  angle: number;
  length: number;
  glyphHeight: number;
  score: number;
  /** The detector regions merged into this line. */
  pieces: number;
}

/**
 * Runs the detector and returns its lines in source pixels, longest and surest first. The image is
 * shrunk to a long side of `side` when larger; when smaller it is enlarged to `enlargeTo` (default
 * `LINE_STAGE.detectorSide`: a small photo's print then reaches the detector at the size it finds;
 * pass `side` to keep a small image as it is).
 */
export async function detectTextLines(
  models: TextModels,
  image: RgbaImage | GrayImage,
  side: number = LINE_STAGE.detectorSide,
  enlargeTo: number = LINE_STAGE.detectorSide,
): Promise<TextLine[]> {
  const map = await models.detect(image, side, enlargeTo);
  const regions = regionsFromProbabilityMap(map.data, map.width, map.height).map((r) =>
    toSource(r, map.scaleX, map.scaleY),
  );
  return mergePieces(regions);
}

function toSource(r: TextRegion, sx: number, sy: number): TextLine {
  // Scale the oriented box back per axis: direction and extents change when sx != sy.
  const ux = Math.cos(r.angle) / sx;
  const uy = Math.sin(r.angle) / sy;
  const along = Math.hypot(ux, uy);
  const vx = -Math.sin(r.angle) / sx;
  const vy = Math.cos(r.angle) / sy;
  const across = Math.hypot(vx, vy);
  const angle = foldDirection(Math.atan2(uy, ux));
  return {
    centre: { x: r.centre.x / sx, y: r.centre.y / sy },
    angle,
    length: r.length * along,
    glyphHeight: (r.height * across) / LINE_STAGE.regionPerGlyphHeight,
    score: r.score,
    pieces: 1,
  };
}

/** Merges collinear pieces greedily, nearest first, until nothing more joins. */
export function mergePieces(input: readonly TextLine[]): TextLine[] {
  const lines = [...input];
  for (let merged = true; merged;) {
    merged = false;
    let best: [number, number, number] | undefined;
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const gap = joinGap(lines[i], lines[j]);
        if (gap !== undefined && (!best || gap < best[2])) best = [i, j, gap];
      }
    }
    if (best) {
      const [i, j] = best;
      lines[i] = join(lines[i], lines[j]);
      lines.splice(j, 1);
      merged = true;
    }
  }
  return lines.sort((a, b) => b.length / b.glyphHeight - a.length / a.glyphHeight);
}

/** The end-to-end gap (in glyph heights) if b continues a's line, else undefined. */
function joinGap(a: TextLine, b: TextLine): number | undefined {
  const L = LINE_STAGE;
  const h = Math.max(a.glyphHeight, b.glyphHeight);
  if (h / Math.min(a.glyphHeight, b.glyphHeight) > L.mergeMaxHeightRatio) return undefined;
  // Short pieces (a group of four) give a poor direction: use the longer one's.
  const ref = a.length >= b.length ? a : b;
  const other = ref === a ? b : a;
  if (other.length > 3 * other.glyphHeight && Math.abs(Math.sin(a.angle - b.angle)) > L.mergeMaxTurn)
    return undefined;
  const ux = Math.cos(ref.angle);
  const uy = Math.sin(ref.angle);
  const dx = other.centre.x - ref.centre.x;
  const dy = other.centre.y - ref.centre.y;
  const off = Math.abs(-dx * uy + dy * ux);
  if (off > L.mergeMaxOffset * h) return undefined;
  const along = Math.abs(dx * ux + dy * uy);
  const gap = along - ref.length / 2 - other.length / 2;
  const groups =
    Math.min(a.length, b.length) >= 2.5 * h &&
    h / Math.min(a.glyphHeight, b.glyphHeight) <= L.mergeGroupHeightRatio;
  if (gap > (groups ? L.mergeMaxGroupGap : L.mergeMaxGap) * h) return undefined;
  return gap / h;
}

function join(a: TextLine, b: TextLine): TextLine {
  const ref = a.length >= b.length ? a : b;
  const ux = Math.cos(ref.angle);
  const uy = Math.sin(ref.angle);
  const ends = [a, b].flatMap((l) => {
    const u = (l.centre.x - ref.centre.x) * ux + (l.centre.y - ref.centre.y) * uy;
    return [u - l.length / 2, u + l.length / 2];
  });
  const u0 = Math.min(...ends);
  const u1 = Math.max(...ends);
  const mid = (u0 + u1) / 2;
  // Weighted by length, the centre line of the two.
  const w = a.length + b.length;
  const off =
    ((a.centre.x - ref.centre.x) * -uy + (a.centre.y - ref.centre.y) * ux) * (a.length / w) +
    ((b.centre.x - ref.centre.x) * -uy + (b.centre.y - ref.centre.y) * ux) * (b.length / w);
  return {
    centre: { x: ref.centre.x + mid * ux - off * uy, y: ref.centre.y + mid * uy + off * ux },
    angle: ref.angle,
    length: u1 - u0,
    glyphHeight: (a.glyphHeight * a.length + b.glyphHeight * b.length) / w,
    score: (a.score * a.length + b.score * b.length) / w,
    pieces: a.pieces + b.pieces,
  };
}

/**
 * A line as the card detector's CandidateLine, in its working pixels (`scale` = working / source).
 * Its members are glyph-sized boxes along it, which the polarity vote samples.
 */
export function asCandidateLine(line: TextLine, scale: number): CandidateLine {
  const gh = line.glyphHeight * scale;
  const len = line.length * scale;
  const n = Math.max(1, Math.round(len / (0.75 * gh)));
  const ux = Math.cos(line.angle);
  const uy = Math.sin(line.angle);
  const cx = line.centre.x * scale;
  const cy = line.centre.y * scale;
  const members: Component[] = [];
  for (let k = 0; k < n; k++) {
    const u = -len / 2 + ((k + 0.5) * len) / n;
    const x = cx + u * ux;
    const y = cy + u * uy;
    const r = 0.5 * gh;
    members.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r, area: gh * gh });
  }
  return {
    members,
    centre: { x: cx, y: cy },
    angle: line.angle,
    length: len,
    glyphHeight: gh,
    score: line.score * Math.min(19, n),
    glyphs: n,
  };
}
