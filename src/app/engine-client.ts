// The only door from the UI into the engine: a typed proxy over the engine's Web Worker.
import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/worker/api';
import type { TesseractAssets } from '../engine/ocr/tesseract';
import { pdfAssetUrls } from '../engine/pdf/assets';
import type { PdfAssets } from '../engine/pdf/platform';

export type EngineClient = Comlink.Remote<EngineApi>;

/** Same-origin URLs of the OCR files the build copies out of node_modules (see vite.config.ts). */
export function ocrAssetUrls(base = new URL(import.meta.env.BASE_URL, location.href)): TesseractAssets {
  return {
    workerPath: new URL('ocr/worker.min.js', base).href,
    corePath: new URL('ocr/core/', base).href,
    langPath: new URL('ocr/lang', base).href,
  };
}

/** pdf.js data files and the barcode reader's wasm, copied into the build next to the OCR files. */
export function optionalAssetUrls(base = new URL(import.meta.env.BASE_URL, location.href)): {
  pdf: PdfAssets;
  barcodeWasm: string;
} {
  return { pdf: pdfAssetUrls(base), barcodeWasm: new URL('ocr/zxing_reader.wasm', base).href };
}

/**
 * Whether the build ships an optional wasm file. A build without it would answer with the HTML
 * fallback, which the wasm loader reports as a string of console errors; checking first keeps quiet.
 */
export async function isServedWasm(url: string): Promise<boolean> {
  const res = await fetch(url);
  void res.body?.cancel();
  return res.ok && (res.headers.get('content-type') ?? '').includes('wasm');
}

export function createEngineClient(): { engine: EngineClient; worker: Worker } {
  const worker = new Worker(new URL('../engine/worker/entry.ts', import.meta.url), {
    type: 'module',
    name: 'lastfour-engine',
  });
  return { engine: Comlink.wrap<EngineApi>(worker), worker };
}

export { Comlink };
