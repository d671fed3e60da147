import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createTesseractOcr } from '../../../src/engine/ocr/tesseract';
import type { OcrEngine } from '../../../src/engine/ocr/types';

const require = createRequire(import.meta.url);

/** The traineddata folder inside node_modules: Node reads the same model the app serves. */
export const langPath = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

export function createNodeOcr(workers = 1): Promise<OcrEngine> {
  return createTesseractOcr({ langPath, workers });
}
