// Real pipeline on a card number seen mirrored, as an embossed card's relief shows through its back:
// two fronts mirrored left to right (flat synthetic print, and a real photo of an embossed card at 50
// degrees). Read as is, such a number reads as letters upright and garbled upside down; before the
// mirrored reading no finding, or a wrong one that covered the last four, stood there. Now every digit
// but the last four (the leftmost group on the photo) is hidden, and the finding says it was read
// mirrored. A front whose number no card rule backs (a specimen: no known IIN, failing Luhn) is read
// mirrored too, and its reading as photographed stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundTruth } from '../../bench/score';
import { nodeModelSource } from '../../src/cli/models-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { MIRRORED_NOTE, mirrorImage, worthReadingMirrored } from '../../src/engine/detect/mirrored-relief';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { loadCardFixture, scoredRun, type ScoredRun } from '../support/card-fixture';

const CASES = ['app/s7-000-easy-front', 'real-cards/nep_cmb_specimen_photo_520'];
/** A specimen front (2717 0954 4323 1055) whose reading has no known IIN and fails Luhn. */
const SPECIMEN = 'real-cards/bouncer_synthetic_mastercard';

/**
 * The ground truth of the photo mirrored left to right, as a back shows it: the number's digits, each
 * outline mirrored. The small flat repeat of the first four has no relief: a back does not show it.
 */
function mirroredTruth(gt: GroundTruth): GroundTruth {
  const x = (v: number) => gt.width - v;
  const digits = (gt.number ?? '').replace(/\D/g, '').length;
  return {
    ...gt,
    digits: gt.digits.slice(0, digits).map((d) => ({
      ...d,
      poly: d.poly.map(([px, py]): [number, number] => [x(px), py]),
      bbox: [x(d.bbox[2]), d.bbox[1], x(d.bbox[0]), d.bbox[3]] as [number, number, number, number],
    })),
  };
}

let ocr: OcrEngine;
let models: TextModels;
const mirrored = new Map<string, ScoredRun>();
let specimen: ScoredRun;

beforeAll(async () => {
  ocr = await createNodeOcr(2);
  models = await loadTextModels(nodeModelSource());
  for (const name of CASES) {
    const { photo, gt } = await loadCardFixture(name);
    mirrored.set(name, await scoredRun(mirrorImage(photo), mirroredTruth(gt), ocr, models));
  }
  const { photo, gt } = await loadCardFixture(SPECIMEN);
  specimen = await scoredRun(photo, gt, ocr, models);
}, 600_000);

afterAll(async () => {
  await ocr?.terminate();
});

describe("a card number seen mirrored (an embossed card's back)", () => {
  it.each(CASES)('%s: every digit but the last four hidden, read mirrored', (name) => {
    const r = mirrored.get(name)!;
    expect(r.toHide).toBe(12);
    expect(r.hidden).toBe(r.toHide);
    expect(r.toKeep).toBe(4);
    expect(r.kept).toBe(4);
    const numbers = r.result.findings.filter((f) => f.kind === 'card-number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0].notes).toContain(MIRRORED_NOTE);
    expect(numbers[0].keepable).toBe(true);
    // Only a card's back shows a number's relief mirrored.
    expect(r.result.pageKind?.kind).toBe('card-back');
    // The first digit is the rightmost on the photo: the reading order is the number's.
    const xs = numbers[0].glyphs.map((q) => q[0].x);
    expect(xs[0]).toBeGreaterThan(xs[xs.length - 1]);
  });

  it('a specimen front as photographed keeps its reading as is', () => {
    const numbers = specimen.result.findings.filter((f) => f.kind === 'card-number');
    expect(numbers).toHaveLength(1);
    // The case this guards: the card rules do not back the number, so the page is read mirrored too
    // (worthReadingMirrored is the condition analyzeImage reads it on).
    expect(worthReadingMirrored(numbers)).toBe(true);
    expect(numbers[0].notes).not.toContain(MIRRORED_NOTE);
    expect({ hidden: specimen.hidden, kept: specimen.kept }).toEqual({
      hidden: specimen.toHide,
      kept: specimen.toKeep,
    });
  });
});
