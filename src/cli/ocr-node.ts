import { createRequire } from 'node:module';
import path from 'node:path';
import { createTesseractOcr } from '../engine/ocr/tesseract';
import type { OcrEngine } from '../engine/ocr/types';

/** The LSTM-only English model shipped in @tesseract.js-data/eng, resolved on disk (never a CDN). */
export function nodeLangPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@tesseract.js-data/eng/package.json');
  return path.join(path.dirname(pkg), '4.0.0_best_int');
}

export function createNodeOcr(workers = 2): Promise<OcrEngine> {
  return createTesseractOcr({ langPath: nodeLangPath(), workers });
}
