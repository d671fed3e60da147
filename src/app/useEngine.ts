import { useEffect, useState } from 'react';
import { Comlink, createEngineClient, ocrAssetUrls, type EngineClient } from './engine-client';
import { installTestHook } from './test-hook';
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
    installTestHook(engine);
    engine
      .startOcr(
        ocrAssetUrls(),
        Comlink.proxy<OcrStatusCallback>((s) => setOcr({ state: s.state, message: s.message })),
      )
      .catch((e: unknown) => setOcr({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
  }, [engine]);
  return { engine, ocr };
}
