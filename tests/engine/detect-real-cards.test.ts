// Real pipeline, real OCR on real specimen cards: each must be fully redacted with its last four kept.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreImage, type GroundTruth, type ImageScore } from '../../bench/score';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { analyzeImage } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';

const dir = path.resolve(__dirname, '../fixtures/real-cards');
const cases = fs
  .readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as GroundTruth);

let ocr: OcrEngine;
const scores = new Map<string, ImageScore>();

beforeAll(async () => {
  ocr = await createNodeOcr(2);
  for (const gt of cases) {
    const image = await decodeImageNode(new Uint8Array(fs.readFileSync(path.join(dir, gt.file))));
    const result = await analyzeImage(image, ocr);
    scores.set(gt.file, scoreImage(gt, image, burnMasks(image, result.masks)));
  }
}, 120_000);

afterAll(async () => {
  await ocr?.terminate();
});

describe('real specimen cards', () => {
  it('has fixtures to run on', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.map((c) => c.file))('%s: every digit hidden but the last four, which stay', (file) => {
    const s = scores.get(file)!;
    expect({ hidden: s.hidden, kept: s.kept }).toEqual({ hidden: s.toHide, kept: s.toKeep });
  });
});
