// The number tool over a vertical card: the number is printed as groups stacked one above another,
// and a drag from its first digit to its last runs across the stack, not along one line. The text
// detector finds the group lines around the stroke; a stack whose end lines hold the stroke's two
// ends is read group by group, in the order the stroke gives (first digit's group first).
import { findStacks } from '../learned/stacks';
import { detectTextLines, LINE_STAGE, type TextLine } from '../learned/text-lines';
import type { TextModels } from '../learned/models';
import type { OcrEngine } from '../ocr/types';
import type { FindingReader, GrayImage, Point, Quad, RgbaImage } from '../types';
import { throwIfAborted } from './abort';
import { numberRun, type Slot } from './number-run';
import { cropQuad, cropTextLine, readCrop, type LineCrop } from './read-line';

/** The stacked number along a stroke: glyph quads in reading order, each glyph's printed line. */
export interface StrokeStack {
  text: string;
  glyphs: Quad[];
  lines: number[];
  reader: FindingReader;
}

/** Where a point sits in a line's frame: along its direction and across it, from its centre. */
function frameOf(line: TextLine, p: Point): { along: number; across: number } {
  const ux = Math.cos(line.angle);
  const uy = Math.sin(line.angle);
  const dx = p.x - line.centre.x;
  const dy = p.y - line.centre.y;
  return { along: dx * ux + dy * uy, across: -dx * uy + dy * ux };
}

/** Whether a glyph centre `p` lies on `line` (within a glyph of it across, inside its length along). */
export function onLine(line: TextLine, p: Point): boolean {
  const { along, across } = frameOf(line, p);
  return (
    Math.abs(across) <= 0.7 * line.glyphHeight && Math.abs(along) <= line.length / 2 + 0.8 * line.glyphHeight
  );
}

/**
 * Of `stacks` (each ordered across its lines), the one whose end lines hold the stroke's ends, first
 * digit's line first; undefined when the ends lie on one line or on no stack.
 */
export function stackOfStroke(
  stacks: readonly (readonly TextLine[])[],
  from: Point,
  to: Point,
): TextLine[] | undefined {
  for (const stack of stacks) {
    const first = stack[0];
    const last = stack[stack.length - 1];
    if (onLine(first, from) && onLine(last, to)) return [...stack];
    if (onLine(last, from) && onLine(first, to)) return [...stack].reverse();
  }
  return undefined;
}

/**
 * The stacked number a stroke runs across, read with `readers` (learned first), or undefined when the
 * stroke's ends do not lie on the end lines of one stack of group lines the detector finds around it.
 * Groups read as 3 to 6 glyphs each; 12 to 19 glyphs in all.
 */
export async function stackAlongStroke(
  gray: GrayImage,
  color: RgbaImage | GrayImage,
  from: Point,
  to: Point,
  models: TextModels,
  readers: readonly { engine: OcrEngine; name: FindingReader }[],
  signal?: AbortSignal,
): Promise<StrokeStack | undefined> {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const pad = 0.45 * length;
  const x0 = Math.max(0, Math.floor(Math.min(from.x, to.x) - pad));
  const y0 = Math.max(0, Math.floor(Math.min(from.y, to.y) - pad));
  const x1 = Math.min(gray.width, Math.ceil(Math.max(from.x, to.x) + pad));
  const y1 = Math.min(gray.height, Math.ceil(Math.max(from.y, to.y) + pad));
  if (x1 - x0 < 16 || y1 - y0 < 16) return undefined;
  const region = subImage(color, x0, y0, x1 - x0, y1 - y0);
  // The region at its own size, as the page's detector saw its print (not enlarged).
  const lines = (await detectTextLines(models, region, LINE_STAGE.detectorSide, 0)).map((l) => ({
    ...l,
    centre: { x: l.centre.x + x0, y: l.centre.y + y0 },
  }));
  throwIfAborted(signal);
  const stack = stackOfStroke(findStacks(lines), from, to);
  if (!stack) return undefined;
  // Each group read from the end nearest the first digit: its own direction, turned half round when
  // the first digit sits at its far end.
  const turn = frameOf(stack[0], from).along > 0 ? Math.PI : 0;
  const groups: { crop: LineCrop; slots: Slot[] }[] = [];
  const readBy = new Map<FindingReader, number>();
  for (const line of stack) {
    const crop = cropTextLine(gray, line, line.angle + turn, 1.2);
    let group: Slot[] | undefined;
    for (const r of readers) {
      throwIfAborted(signal);
      const run = numberRun(await readCrop(r.engine, crop));
      const slots = run?.slots.slice() ?? [];
      // Unread ink at a group's ends is a bracket mark, not a digit.
      while (slots.length && slots[0].char === '?') slots.shift();
      while (slots.length && slots[slots.length - 1].char === '?') slots.pop();
      const digits = slots.filter((s) => /\d/.test(s.char)).length;
      if (slots.length >= 3 && slots.length <= 6 && digits >= slots.length - 1) {
        group = slots;
        readBy.set(r.name, (readBy.get(r.name) ?? 0) + 1);
        break;
      }
    }
    if (!group) return undefined;
    groups.push({ crop, slots: group });
  }
  const text: string[] = [];
  const glyphs: Quad[] = [];
  const lineOf: number[] = [];
  trimBrackets(groups.map((g) => g.slots)).forEach((slots, k) => {
    for (const s of slots) {
      text.push(s.char);
      glyphs.push(cropQuad(groups[k].crop, s.x0, s.y0, s.x1, s.y1));
      lineOf.push(k);
    }
  });
  if (glyphs.length < 12 || glyphs.length > 19) return undefined;
  // The reader of most groups.
  const reader = [...readBy].sort((a, b) => b[1] - a[1])[0][0];
  return { text: text.join(''), glyphs, lines: lineOf, reader };
}

/** What a bracket mark round a group ('[4184]') is read as: the mark itself, a bar, or a one. */
const BRACKET_LIKE = new Set(['[', ']', '(', ')', '{', '}', '|', 'I', 'l', '1']);

/**
 * Groups read with the bracket marks round them: a stack prints its groups alike (four glyphs
 * each, mostly), so a group read two glyphs longer than most, both ends bracket-like, lost its
 * brackets to the reader and is cut back to its digits.
 */
export function trimBrackets(groups: readonly Slot[][]): Slot[][] {
  const counts = new Map<number, number>();
  for (const g of groups) counts.set(g.length, (counts.get(g.length) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return groups.map((g) =>
    g.length === usual + 2 && BRACKET_LIKE.has(g[0].char) && BRACKET_LIKE.has(g[g.length - 1].char)
      ? g.slice(1, -1)
      : g,
  );
}

/** A rectangle of an image, as its own image. */
function subImage<T extends RgbaImage | GrayImage>(img: T, x: number, y: number, w: number, h: number): T {
  const channels = img.data.length / (img.width * img.height);
  const data = new (img.data.constructor as Uint8ArrayConstructor)(w * h * channels);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * img.width + x) * channels;
    data.set(img.data.subarray(start, start + w * channels), row * w * channels);
  }
  return { width: w, height: h, data } as unknown as T;
}
