// Real pipeline on card photos whose owner covered part of the number (an editor's opaque box, as
// people do when told to "cover the digits"). The end covered (the last two groups): the two groups
// still in view, and the small repeat of the first four where the card prints one, must be hidden.
// Before the part-shown rule no finding stood on such a photo (8 digits make no card number), and the
// groups in view stayed readable. The middle covered (the two middle groups): the first group must be
// hidden and the last four kept; before the middle-shown rule the first four stayed readable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixelsInPolygon, type GroundTruth } from '../../bench/score';
import { nodeModelSource } from '../../src/cli/models-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { MIDDLE_SHOWN_NOTE } from '../../src/engine/detect/middle-shown';
import { PART_SHOWN_NOTE } from '../../src/engine/detect/last-four-shown';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import type { OcrEngine } from '../../src/engine/ocr/types';
import type { RgbaImage } from '../../src/engine/types';
import { loadCardFixture, scoredRun, type ScoredRun } from '../support/card-fixture';

const CASES = [
  'app/s7-000-easy-front', // flat synthetic print
  'real-cards/bouncer_synthetic_visa', // light digits on busy green art
  'real-cards/nep_cmb_specimen_photo_520', // real photo at 50 degrees, embossed, small repeat "6225"
];

/** Cases whose two middle groups are covered: flat print on busy art and a real embossed photo. */
const MIDDLE_CASES = ['real-cards/pyis_credit_card_02_psecu_visa', 'real-cards/nep_cmb_specimen_photo_520'];

/**
 * The photo with the number's digits `from` to `to` (exclusive; to the number's end when absent) under
 * one white box, the convex hull of their outlines grown by half a glyph; and its ground truth without
 * them.
 */
function cover(
  image: RgbaImage,
  gt: GroundTruth,
  from: number,
  to?: number,
): { image: RgbaImage; gt: GroundTruth } {
  const number = (gt.number ?? '').replace(/\D/g, '').length;
  const covered = gt.digits.slice(from, to ?? number);
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
const runs = new Map<string, ScoredRun>();
const middleRuns = new Map<string, ScoredRun>();

/** The fixture `name` with the number's digits `from` to `to` covered, analysed and scored. */
async function coveredRun(name: string, from: number, to?: number): Promise<ScoredRun> {
  const { photo, gt: truth } = await loadCardFixture(name);
  const { image, gt } = cover(photo, truth, from, to);
  return scoredRun(image, gt, ocr, models);
}

beforeAll(async () => {
  ocr = await createNodeOcr(2);
  models = await loadTextModels(nodeModelSource());
  for (const name of CASES) runs.set(name, await coveredRun(name, 8));
  for (const name of MIDDLE_CASES) middleRuns.set(name, await coveredRun(name, 4, 12));
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

describe('a card number whose two middle groups its owner covered', () => {
  it.each(MIDDLE_CASES)('%s: the first group is hidden and the last four kept', (name) => {
    const run = middleRuns.get(name)!;
    expect(run.toHide).toBeGreaterThanOrEqual(4);
    expect(run.hidden).toBe(run.toHide);
    expect(run.toKeep).toBe(4);
    expect(run.kept).toBe(4);
    const numbers = run.result.findings.filter((f) => f.notes?.includes(MIDDLE_SHOWN_NOTE));
    expect(numbers).toHaveLength(1);
    expect(numbers[0].keepable).toBe(true);
    expect(numbers[0].text).toMatch(/^\d{4}\?{8}\d{4}$/);
  });
});
