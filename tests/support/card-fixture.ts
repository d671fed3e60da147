// A card fixture of tests/fixtures (a photo with its per-digit ground truth) analysed by the whole
// pipeline and scored from the burned pixels: the engine tests that change a photo (cover part of the
// number, mirror it) and check what a user would get.
import fs from 'node:fs';
import path from 'node:path';
import { scoreImage, type GroundTruth } from '../../bench/score';
import { analyzeImage, type AnalyzeResult } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import type { TextModels } from '../../src/engine/learned/models';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** `name` is the fixture's path under tests/fixtures without its extension ('real-cards/xyz'). */
export async function loadCardFixture(name: string): Promise<{ photo: RgbaImage; gt: GroundTruth }> {
  const gt = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as GroundTruth;
  const photo = await decodeImageNode(
    new Uint8Array(fs.readFileSync(path.join(FIXTURES, path.dirname(name), gt.file))),
  );
  return { photo, gt };
}

export interface ScoredRun {
  result: AnalyzeResult;
  /** Digits to hide that are hidden in the burned export, of `toHide`. */
  hidden: number;
  toHide: number;
  /** Last-four digits still readable, of `toKeep`. */
  kept: number;
  toKeep: number;
}

/** `image` analysed with the models, its masks burned, and the export scored against `gt`. */
export async function scoredRun(
  image: RgbaImage,
  gt: GroundTruth,
  ocr: OcrEngine,
  models: TextModels,
): Promise<ScoredRun> {
  const result = await analyzeImage(image, ocr, { models });
  const score = scoreImage(gt, image, burnMasks(image, result.masks));
  return { result, hidden: score.hidden, toHide: score.toHide, kept: score.kept, toKeep: score.toKeep };
}
