import { useEffect, useState } from 'react';
import {
  Comlink,
  createEngineClient,
  isServedWasm,
  ocrAssetUrls,
  optionalAssetUrls,
  textModelUrls,
  type EngineClient,
} from './engine-client';
import type { OcrStatusCallback } from '../engine/worker/api';
import { t } from './i18n/i18n';

export interface OcrState {
  state: 'loading' | 'ready' | 'error';
  message: string;
}

/**
 * What the header says about the OCR engine or the text models, in the user's language. The engine's
 * own message (English) is only kept as the detail of an OCR failure.
 */
export function statusText(which: 'ocr' | 'models', s: OcrState): string {
  if (which === 'ocr') {
    if (s.state === 'error') return t('status.ocrError', { detail: s.message });
    return t(s.state === 'ready' ? 'status.ocrReady' : 'status.ocrLoading');
  }
  if (s.state === 'error') return t('status.modelsError');
  if (s.state === 'ready') return t('status.modelsReady');
  const percent = /(\d+)%/.exec(s.message);
  if (percent) return t('status.modelsLoadingPercent', { percent: Number(percent[1]) / 100 });
  return t(/^Preparing/.test(s.message) ? 'status.modelsPreparing' : 'status.modelsLoading');
}

/** The learned text models: like OcrState; on 'error' the engine reads with Tesseract alone. */
export type ModelsState = OcrState;

let shared: EngineClient | undefined;
let modelsNow: ModelsState = { state: 'loading', message: 'Loading the text models…' };

/** The text models' latest status (for the test hook, outside React). */
export const currentModelsState = (): ModelsState => ({ ...modelsNow });

/**
 * One engine worker for the page's lifetime; OCR and the text models start loading at once so the
 * first drop is quick.
 */
export function useEngine(): { engine: EngineClient; ocr: OcrState; models: ModelsState } {
  const [engine] = useState(() => {
    shared ??= createEngineClient().engine;
    return shared;
  });
  const [ocr, setOcr] = useState<OcrState>({ state: 'loading', message: 'Loading the OCR engine…' });
  const [models, setModelsState] = useState<ModelsState>(modelsNow);
  useEffect(() => {
    engine
      .startOcr(
        ocrAssetUrls(),
        Comlink.proxy<OcrStatusCallback>((s) => setOcr({ state: s.state, message: s.message })),
      )
      .catch((e: unknown) => setOcr({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    // The text models make reading better but are not required: without them (a file missing or
    // damaged) the worker reads with Tesseract alone, and the app says so.
    const setModels = (s: ModelsState) => {
      modelsNow = s;
      setModelsState(s);
    };
    engine
      .startModels(
        textModelUrls(),
        Comlink.proxy<OcrStatusCallback>((s) => setModels({ state: s.state, message: s.message })),
      )
      .catch((e: unknown) =>
        setModels({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    // PDFs and ID barcodes are optional extras: without their files the app still redacts photos.
    const extra = optionalAssetUrls();
    void engine.configurePdf(extra.pdf).catch(() => undefined);
    void isServedWasm(extra.barcodeWasm)
      .then((ok) => (ok ? engine.startBarcodes(extra.barcodeWasm) : undefined))
      .catch(() => undefined);
  }, [engine]);
  return { engine, ocr, models };
}
