// Shared set-up for the document engine tests: real tesseract.js and zxing-wasm in Node, fixtures
// from tests/fixtures/documents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BarcodeReader } from '../../src/engine/documents/barcode';
import { createZxingReaderNode } from '../../src/engine/documents/zxing-node';
import { createTesseractOcr } from '../../src/engine/ocr/tesseract';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';
import type { GtDoc } from '../fixtures/documents/score';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/documents');

export function langPath(): string {
  const pkg = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
  return join(dirname(pkg), '4.0.0_best_int');
}

export function startOcr(): Promise<OcrEngine> {
  return createTesseractOcr({ langPath: langPath() });
}

export function startBarcodes(): Promise<BarcodeReader> {
  return createZxingReaderNode();
}

export async function loadFixture(name: string): Promise<{ image: RgbaImage; gt: GtDoc }> {
  const gt = JSON.parse(readFileSync(join(FIXTURES, name.replace(/\.\w+$/, '.json')), 'utf8')) as GtDoc;
  const image = await decodeImageNode(readFileSync(join(FIXTURES, gt.file)));
  return { image, gt };
}
