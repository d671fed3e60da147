// Real pipeline on card photos whose owner covered the end of the number (an editor's opaque box over
// the last two groups, as people do when told to "cover the digits"): the two groups still in view,
// and the small repeat of the first four where the card prints one, must be hidden. Before the
// part-shown rule no finding stood on such a photo (8 digits make no card number), and the groups in
// view stayed readable.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixelsInPolygon, scoreImage, type GroundTruth } from '../../bench/score';
import { nodeModelSource } from '../../src/cli/models-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { analyzeImage, type AnalyzeResult } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import { PART_SHOWN_NOTE } from '../../src/engine/detect/part-shown';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const CASES = [
  'app/s7-000-easy-front', // flat synthetic print
  'real-cards/bouncer_synthetic_visa', // light digits on busy green art
  'real-cards/nep_cmb_specimen_photo_520', // real photo at 50 degrees, embossed, small repeat "6225"
];

/**
 * The photo with the number's digits from `from` on (its last two groups) under one white box, the
 * convex hull of their outlines grown by half a glyph; and its ground truth without them.
 */
function coverEnd(image: RgbaImage, gt: GroundTruth, from: number): { image: RgbaImage; gt: GroundTruth } {
  const number = (gt.number ?? '').replace(/\D/g, '').length;
  const covered = gt.digits.slice(from, number);
  const points = covered.flatMap((d) => {
    const cx = d.poly.reduce((a, p) => a + p[0], 0) / d.poly.length;
    const cy = d.poly.reduce((a, p) => a + p[1], 0) / d.poly.length;
    return d.poly.map(([x, y]): [number, number] => [cx + 1.5 * (x - cx), cy + 1.5 * (y - cy)]);
  });
  const data = Uint8ClampedArray.from(image.data);
  for (const i of pixelsInPolygon(hull(points), image.width, image.height)) data.fill(255, 4 * i, 4 * i + 3);
  const digits = gt.digits.filter((d) => !covered.includes(d));
  return { image: { ...image, data }, gt: { ...gt, digits } };
}

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
function hull(points: [number, number][]): [number, number][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: [number, number][]) => {
    const h: [number, number][] = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    return h.slice(0, -1);
  };
  return [...half(p), ...half([...p].reverse())];
}

let ocr: OcrEngine;
let models: TextModels;
const runs = new Map<string, { result: AnalyzeResult; hidden: number; toHide: number }>();

beforeAll(async () => {
  ocr = await createNodeOcr(2);
  models = await loadTextModels(nodeModelSource());
  for (const name of CASES) {
    const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as GroundTruth;
    const photo = await decodeImageNode(
      new Uint8Array(fs.readFileSync(path.join(FIXTURES, path.dirname(name), truth.file))),
    );
    const { image, gt } = coverEnd(photo, truth, 8);
    const result = await analyzeImage(image, ocr, { models });
    const score = scoreImage(gt, image, burnMasks(image, result.masks));
    runs.set(name, { result, hidden: score.hidden, toHide: score.toHide });
  }
}, 600_000);

afterAll(async () => {
  await ocr?.terminate();
});

describe('a card number whose last two groups its owner covered', () => {
  it.each(CASES)('%s: the groups in view are hidden, as a number shown in part', (name) => {
    const run = runs.get(name)!;
    expect(run.toHide).toBeGreaterThanOrEqual(8);
    expect(run.hidden).toBe(run.toHide);
    const numbers = run.result.findings.filter((f) => f.notes?.includes(PART_SHOWN_NOTE));
    expect(numbers).toHaveLength(1);
    expect(numbers[0].keepable).toBe(false);
    expect(run.result.pageKind?.kind).toBe('card-front');
  });
});
