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
import type { EngineErrorCode } from '../engine/error-codes';
import { ocrPoolSize } from '../engine/ocr/pool-size';
import type { OcrStatusCallback } from '../engine/worker/api';
import { t } from './i18n/i18n';
import { errorCode, errorDetail } from './session/progress';

export interface OcrState {
  state: 'loading' | 'ready' | 'error';
  message: string;
  /** With state 'error': why ('ocr-assets-missing', 'model-missing'; see engine/error-codes.ts). */
  code?: EngineErrorCode;
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
let ocrNow: OcrState = { state: 'loading', message: 'Loading the OCR engine…' };

/** The text models' latest status (for the test hook, outside React). */
export const currentModelsState = (): ModelsState => ({ ...modelsNow });

/** The OCR engine's latest status (for the test hook, outside React). */
export const currentOcrState = (): OcrState => ({ ...ocrNow });

/**
 * The OCR pool for this device: navigator.hardwareConcurrency bounded by navigator.deviceMemory
 * (Chromium only) — see ocrPoolSize. `?ocrWorkers=N` in the page URL overrides it (benchmarks).
 */
export function devicePoolSize(): number {
  const asked = Number(new URLSearchParams(location.search).get('ocrWorkers'));
  if (Number.isInteger(asked) && asked >= 1 && asked <= 8) return asked;
  const nav = navigator as Navigator & { deviceMemory?: number };
  return ocrPoolSize({ cores: nav.hardwareConcurrency, memoryGb: nav.deviceMemory });
}

/**
 * One engine worker for the page's lifetime; OCR and the text models start loading at once so the
 * first drop is quick.
 */
export function useEngine(): { engine: EngineClient; ocr: OcrState; models: ModelsState } {
  const [engine] = useState(() => {
    shared ??= createEngineClient().engine;
    return shared;
  });
  const [ocr, setOcrState] = useState<OcrState>(ocrNow);
  const [models, setModelsState] = useState<ModelsState>(modelsNow);
  useEffect(() => {
    // Photos too big for this device's memory are refused before they are decoded (out-of-memory).
    void engine.setDeviceMemory((navigator as Navigator & { deviceMemory?: number }).deviceMemory);
    const setOcr = (s: OcrState) => {
      ocrNow = s;
      setOcrState(s);
    };
    engine
      .startOcr(
        ocrAssetUrls(),
        Comlink.proxy<OcrStatusCallback>((s) => setOcr({ state: s.state, message: s.message, code: s.code })),
        devicePoolSize(),
      )
      .catch((e: unknown) => setOcr({ state: 'error', message: errorDetail(e), code: errorCode(e) }));
    // The text models make reading better but are not required: without them (a file missing or
    // damaged) the worker reads with Tesseract alone, and the app says so.
    const setModels = (s: ModelsState) => {
      modelsNow = s;
      setModelsState(s);
    };
    engine
      .startModels(
        textModelUrls(),
        Comlink.proxy<OcrStatusCallback>((s) =>
          setModels({ state: s.state, message: s.message, code: s.code }),
        ),
      )
      // The status callback has normally said why already (its message is the failure's detail).
      .catch((e: unknown) => {
        if (modelsNow.state !== 'error')
          setModels({ state: 'error', message: errorDetail(e), code: errorCode(e) });
      });
    // PDFs and ID barcodes are optional extras: without their files the app still redacts photos.
    const extra = optionalAssetUrls();
    void engine.configurePdf(extra.pdf).catch(() => undefined);
    void isServedWasm(extra.barcodeWasm)
      .then((ok) => (ok ? engine.startBarcodes(extra.barcodeWasm) : undefined))
      .catch(() => undefined);
  }, [engine]);
  return { engine, ocr, models };
}
