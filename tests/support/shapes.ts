// Shapes the unit tests draw findings and detector output with, in source pixels, and what a fake
// reader asks of a crop.
import type { TextLine } from '../../src/engine/learned/text-lines';
import type { Finding, GrayImage, Quad } from '../../src/engine/types';

/** An upright box as a quad, corners clockwise from the top left. */
export const quad = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

/** A detector line centred at (x, y), `length` long, of glyphs `glyphHeight` tall, along `angle` (radians). */
export const textLine = (x: number, y: number, length: number, glyphHeight: number, angle = 0): TextLine => ({
  centre: { x, y },
  angle,
  length,
  glyphHeight,
  score: 0.9,
  pieces: 1,
});

/** Where glyph `i` of a 4-4-4-4 number starts: glyphs 20 px apart, groups 12 px more, from x = 40. */
export const glyphX = (i: number) => 40 + i * 20 + Math.floor(i / 4) * 12;

/** A card number found on a level line: `text`'s glyphs 14 px wide from `top`, `height` tall. */
export const levelNumber = (text: string, top = 48, height = 24): Finding => ({
  id: 'card-1',
  kind: 'card-number',
  text,
  glyphs: [...text].map((_, i) => quad(glyphX(i), top, glyphX(i) + 14, top + height)),
  confidence: 0.9,
  keepable: true,
  enabledByDefault: true,
});

/** Whether the left half of `image` holds more ink (is darker in sum) than its right half. */
export function darkerFirstHalf(image: GrayImage): boolean {
  let left = 0;
  let right = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (x < image.width / 2) left += image.data[y * image.width + x];
      else right += image.data[y * image.width + x];
  return left < right;
}

/**
 * The runs of columns of `image` whose darkest pixel is under 128, left to right, each with its
 * darkest value (`ink`): the glyphs a fake reader finds in a crop of glyph outlines.
 */
export function darkColumnRuns(image: GrayImage): { x0: number; x1: number; ink: number }[] {
  const runs: { x0: number; x1: number; ink: number }[] = [];
  for (let x = 0; x < image.width; x++) {
    let v = 255;
    for (let y = 0; y < image.height; y++) v = Math.min(v, image.data[y * image.width + x]);
    const last = runs[runs.length - 1];
    if (v < 128 && last && last.x1 === x) [last.x1, last.ink] = [x + 1, Math.min(last.ink, v)];
    else if (v < 128) runs.push({ x0: x, x1: x + 1, ink: v });
  }
  return runs;
}
