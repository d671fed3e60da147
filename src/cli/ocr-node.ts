import { createRequire } from 'node:module';
import path from 'node:path';
import { nodePoolSize } from './run-settings';
import { createTesseractOcr, type TesseractPool } from '../engine/ocr/tesseract';

/** The LSTM-only English model shipped in @tesseract.js-data/eng, resolved on disk (never a CDN). */
export function nodeLangPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@tesseract.js-data/eng/package.json');
  return path.join(path.dirname(pkg), '4.0.0_best_int');
}

/** Tesseract in Node; `langPath` is the folder of eng.traineddata.gz (--ocr-lang), the package's by default. */
export function createNodeOcr(workers = nodePoolSize(), langPath = nodeLangPath()): Promise<TesseractPool> {
  return createTesseractOcr({ langPath, workers });
}
