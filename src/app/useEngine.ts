import { useEffect, useState } from 'react';
import {
  Comlink,
  createEngineClient,
  isServedWasm,
  ocrAssetUrls,
  optionalAssetUrls,
  type EngineClient,
} from './engine-client';
import type { OcrStatusCallback } from '../engine/worker/api';

export interface OcrState {
  state: 'loading' | 'ready' | 'error';
  message: string;
}

let shared: EngineClient | undefined;

/** One engine worker for the page's lifetime; OCR starts loading at once so the first drop is quick. */
export function useEngine(): { engine: EngineClient; ocr: OcrState } {
  const [engine] = useState(() => {
    shared ??= createEngineClient().engine;
    return shared;
  });
  const [ocr, setOcr] = useState<OcrState>({ state: 'loading', message: 'Loading the OCR engine…' });
  useEffect(() => {
    engine
      .startOcr(
        ocrAssetUrls(),
        Comlink.proxy<OcrStatusCallback>((s) => setOcr({ state: s.state, message: s.message })),
      )
      .catch((e: unknown) => setOcr({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    // PDFs and ID barcodes are optional extras: without their files the app still redacts photos.
    const extra = optionalAssetUrls();
    void engine.configurePdf(extra.pdf).catch(() => undefined);
    void isServedWasm(extra.barcodeWasm)
      .then((ok) => (ok ? engine.startBarcodes(extra.barcodeWasm) : undefined))
      .catch(() => undefined);
  }, [engine]);
  return { engine, ocr };
}
