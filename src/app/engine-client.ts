// The only door from the UI into the engine: a typed proxy over the engine's Web Worker.
import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/worker/api';
import type { TesseractAssets } from '../engine/ocr/tesseract';
import { pdfAssetUrls } from '../engine/pdf/assets';
import type { PdfAssets } from '../engine/pdf/platform';
import { modelAssetUrls, type TextModelUrls } from '../engine/worker/model-assets';

export type EngineClient = Comlink.Remote<EngineApi>;

// The smallest module using a WebAssembly SIMD instruction (wasm-feature-detect's test).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98,
  11,
]);

/** Whether this browser runs WebAssembly SIMD (every current browser does). */
export function hasWasmSimd(): boolean {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * Same-origin URLs of the OCR files the build copies out of node_modules (see vite.config.ts). The
 * core is named as a file, so tesseract.js uses exactly that one: the precached SIMD build, or the
 * plain build (cached on first use) where WebAssembly SIMD is missing. Never the relaxed-SIMD build.
 */
export function ocrAssetUrls(
  base = new URL(import.meta.env.BASE_URL, location.href),
  simd = hasWasmSimd(),
): TesseractAssets {
  const core = simd ? 'tesseract-core-simd-lstm.wasm.js' : 'tesseract-core-lstm.wasm.js';
  return {
    workerPath: new URL('ocr/worker.min.js', base).href,
    corePath: new URL(`ocr/core/${core}`, base).href,
    langPath: new URL('ocr/lang', base).href,
  };
}

/** Same-origin URLs of the text models and onnxruntime-web's wasm (see model-assets.ts). */
export function textModelUrls(base = new URL(import.meta.env.BASE_URL, location.href)): TextModelUrls {
  return modelAssetUrls(base);
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
