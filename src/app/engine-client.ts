// The only door from the UI into the engine: a typed proxy over the engine's Web Worker.
import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/worker/api';
import type { TesseractAssets } from '../engine/ocr/tesseract';

export type EngineClient = Comlink.Remote<EngineApi>;

/** Same-origin URLs of the OCR files the build copies out of node_modules (see vite.config.ts). */
export function ocrAssetUrls(base = new URL(import.meta.env.BASE_URL, location.href)): TesseractAssets {
  return {
    workerPath: new URL('ocr/worker.min.js', base).href,
    corePath: new URL('ocr/core/', base).href,
    langPath: new URL('ocr/lang', base).href,
  };
}

export function createEngineClient(): { engine: EngineClient; worker: Worker } {
  const worker = new Worker(new URL('../engine/worker/entry.ts', import.meta.url), {
    type: 'module',
    name: 'lastfour-engine',
  });
  return { engine: Comlink.wrap<EngineApi>(worker), worker };
}

export { Comlink };
