// Locating the MRZ in the image and turning it into findings: one per zone line (masks follow a line's
// own direction, so three lines are three findings, switched together by their kind).
import { cropGray, resizeGray, sampleRotated } from '../image/transform';
import type { OcrEngine } from '../ocr/types';
import type { Box, Finding, GrayImage, Point, Quad } from '../types';
import { readMrz, type MrzReading } from './mrz';
import { pageLines, unionBox, type TextLine } from './page-text';

export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface LocatedMrz {
  reading: MrzReading;
  /** The zone's lines as read: in source pixels, or in the level frame below when the zone was tilted. */
  lines: TextLine[];
  /** A tilted zone read level: a level point p is at origin + p.x * (cos, sin) + p.y * (-sin, cos). */
  frame?: { origin: Point; angle: number };
}

/** Cells of a fixed-pitch line: the MRZ font is monospaced, so even cells are closer than OCR boxes. */
function evenCells(box: Box, count: number): Quad[] {
  const w = (box.x1 - box.x0) / count;
  return Array.from({ length: count }, (_, i) => {
    const x0 = box.x0 + i * w;
    const x1 = x0 + w;
    return [
      { x: x0, y: box.y0 },
      { x: x1, y: box.y0 },
      { x: x1, y: box.y1 },
      { x: x0, y: box.y1 },
    ] as Quad;
  });
}

/** The ink extent of a line from its glyph boxes (line boxes from tesseract can include stray marks). */
function glyphExtent(line: TextLine): Box {
  const boxes = line.boxes.filter((b): b is Box => !!b);
  return boxes.length ? unionBox(boxes) : line.box;
}

function toSource(quads: Quad[], frame: LocatedMrz['frame']): Quad[] {
  if (!frame) return quads;
  const cos = Math.cos(frame.angle);
  const sin = Math.sin(frame.angle);
  const map = (p: Point): Point => ({
    x: frame.origin.x + p.x * cos - p.y * sin,
    y: frame.origin.y + p.x * sin + p.y * cos,
  });
  return quads.map((q) => q.map(map) as Quad);
}

export function mrzFindings(found: LocatedMrz): Finding[] {
  const { reading } = found;
  const notes = [
    `${reading.format} machine-readable zone`,
    reading.checkDigitsValid
      ? 'check digits valid'
      : `check digits not confirmed (${reading.failedChecks.join(', ')})`,
  ];
  return found.lines.map((line, i) => {
    const text = reading.lines[i];
    return {
      id: `doc-mrz-${i}`,
      kind: 'mrz',
      text,
      glyphs: toSource(evenCells(glyphExtent(line), text.length), found.frame),
      confidence: reading.checkDigitsValid ? 0.97 : 0.7,
      keepable: false,
      enabledByDefault: false,
      notes: [...notes, `line ${i + 1} of ${reading.lines.length}`],
    } satisfies Finding;
  });
}

/** The MRZ read from page-pass lines, if any. */
export function mrzFromLines(lines: readonly TextLine[]): LocatedMrz | undefined {
  const reading = readMrz(lines.map((l) => l.text));
  if (!reading) return undefined;
  return { reading, lines: reading.sourceLines.map((i) => lines[i]) };
}

/**
 * A second, targeted read of the zone: crop it from the full-resolution image, scale the lines to the
 * height tesseract reads best and allow only MRZ characters. Only documents that show an MRZ pay for it.
 */
export async function rereadMrz(
  gray: GrayImage,
  ocr: OcrEngine,
  region: Box,
  glyphH: number,
  angle = 0,
): Promise<LocatedMrz | undefined> {
  // Generous on the sides: OCR line boxes often stop short of the last glyph, and tesseract drops
  // glyphs that touch the crop's edge.
  const pad = Math.max(4, glyphH * 1.2);
  const padX = Math.max(8, glyphH * 2.5);
  // Glyphs about 32 px tall: the size tesseract's LSTM model reads best.
  let scale = Math.min(4, Math.max(0.4, 32 / Math.max(1, glyphH)));
  if (Math.abs(angle) > (0.6 * Math.PI) / 180) {
    // A tilted zone (a hand-held photo): sample it level. `region` is the axis-aligned box around the
    // tilted rows, so the rows' own length and the zone's own height are recovered from the angle.
    const cos = Math.cos(angle);
    const sin = Math.abs(Math.sin(angle));
    const length = (region.x1 - region.x0) / cos;
    const height = Math.max(2 * glyphH, (region.y1 - region.y0 - length * sin) / cos);
    const w = length + 2 * padX;
    const h = height + 2 * pad;
    const cx = (region.x0 + region.x1) / 2;
    const cy = (region.y0 + region.y1) / 2;
    const origin = {
      x: cx - (w / 2) * Math.cos(angle) + (h / 2) * Math.sin(angle),
      y: cy - (w / 2) * Math.sin(angle) - (h / 2) * Math.cos(angle),
    };
    const img = sampleRotated(gray, origin, angle, Math.round(w * scale), Math.round(h * scale), scale);
    const page = await ocr.recognize(img, { psm: 6, whitelist: MRZ_ALPHABET });
    const found = mrzFromLines(pageLines(page, { scale, offsetX: 0, offsetY: 0 }));
    return found && { ...found, frame: { origin, angle } };
  }
  const crop: Box = {
    x0: Math.max(0, Math.floor(region.x0 - padX)),
    y0: Math.max(0, Math.floor(region.y0 - pad)),
    x1: Math.min(gray.width, Math.ceil(region.x1 + padX)),
    y1: Math.min(gray.height, Math.ceil(region.y1 + pad)),
  };
  let img = cropGray(gray, crop);
  if (Math.abs(scale - 1) > 0.1)
    img = resizeGray(img, Math.round(img.width * scale), Math.round(img.height * scale));
  else scale = 1;
  const page = await ocr.recognize(img, { psm: 6, whitelist: MRZ_ALPHABET });
  const lines = pageLines(page, { scale, offsetX: crop.x0, offsetY: crop.y0 });
  return mrzFromLines(lines);
}

/** Better of two readings: valid check digits first, then fewer failed checks. */
export function betterMrz(a: LocatedMrz | undefined, b: LocatedMrz | undefined): LocatedMrz | undefined {
  if (!a) return b;
  if (!b) return a;
  const score = (m: LocatedMrz) => (m.reading.checkDigitsValid ? 100 : 0) - m.reading.failedChecks.length;
  return score(b) > score(a) ? b : a;
}
