// The number tool on a vertical card: a drag from the first digit of the top group to the last digit
// of the bottom one runs across the stacked groups. The text models find the stack around the
// stroke, each group is read on its own line, and the masks hide every digit but the last four
// (scored from pixels as the benchmark scores).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreImage, type GroundTruth } from '../../bench/score';
import { strokeOf } from '../../bench/stroke-of';
import { nodeModelSource } from '../../src/cli/models-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { burnMasks } from '../../src/engine/burn/burn';
import { findingsFromStroke } from '../../src/engine/detect/number-stroke';
import { toGray } from '../../src/engine/image/gray';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import { masksForFinding } from '../../src/engine/masks/from-findings';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';

const FIXTURE = join(__dirname, '../fixtures/cards/hx-024-vertical-front');
let ocr: OcrEngine;
let models: TextModels;

beforeAll(async () => {
  [ocr, models] = await Promise.all([createNodeOcr(1), loadTextModels(nodeModelSource())]);
}, 180_000);
afterAll(() => ocr?.terminate());

describe('number tool across stacked groups', () => {
  it('reads the stack group by group and keeps only the last four', async () => {
    const gt = JSON.parse(readFileSync(`${FIXTURE}.json`, 'utf8')) as GroundTruth;
    const image = await decodeImageNode(new Uint8Array(readFileSync(join(FIXTURE, '..', gt.file))));
    const stroke = strokeOf(gt)!;
    const { findings, method } = await findingsFromStroke(toGray(image), stroke, {
      ocr,
      models,
      color: image,
    });
    expect(method).toBe('stacked');
    const f = findings[0];
    expect(f.text).toBe(gt.number!.replace(/\D/g, ''));
    expect(new Set(f.lines).size).toBe(4);
    expect(f.reader).toBe('learned');
    expect(f.keepable).toBe(true);
    const score = scoreImage(gt, image, burnMasks(image, masksForFinding(f, 'last4')), false);
    expect(score.leaked).toEqual([]);
    expect(score.lost).toEqual([]);
    expect(score.ok).toBe(true);
  }, 120_000);
});
