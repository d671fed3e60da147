// Runs the real pipeline (tesseract.js in Node) over a folder of annotated card fixtures and scores
// each redaction from its pixels, as the benchmark does.
import fs from 'node:fs';
import path from 'node:path';
import { scoreImage, type GroundTruth, type ImageScore } from '../../../bench/score';
import { nodeModelSource } from '../../../src/cli/models-node';
import { createNodeOcr } from '../../../src/cli/ocr-node';
import { loadTextModels } from '../../../src/engine/learned/models';
import { analyzeImage, type AnalyzeResult } from '../../../src/engine/analyze';
import { burnMasks } from '../../../src/engine/burn/burn';
import { decodeImageNode } from '../../../src/engine/platform/node';

export function readCases(dir: string): GroundTruth[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as GroundTruth);
}

export interface FixtureRun {
  scores: Map<string, ImageScore>;
  results: Map<string, AnalyzeResult>;
}

/**
 * Analyses, burns and scores every case with one OCR pool (two workers, as the app runs) and, unless
 * `learned` is false, the learned text models as the CLI loads them.
 */
export async function runCases(
  dir: string,
  cases: readonly GroundTruth[],
  { learned = true }: { learned?: boolean } = {},
): Promise<FixtureRun> {
  const ocr = await createNodeOcr(2);
  const models = learned ? await loadTextModels(nodeModelSource()) : undefined;
  const run: FixtureRun = { scores: new Map(), results: new Map() };
  try {
    for (const gt of cases) {
      const image = await decodeImageNode(new Uint8Array(fs.readFileSync(path.join(dir, gt.file))));
      const result = await analyzeImage(image, ocr, { models });
      run.results.set(gt.file, result);
      run.scores.set(gt.file, scoreImage(gt, image, burnMasks(image, result.masks)));
    }
  } finally {
    await ocr.terminate();
  }
  return run;
}
