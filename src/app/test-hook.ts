// Stable, read-mostly hook for browser tests and debugging (like Excalidraw's window.h). Holds no
// images: it hands out mask data and view numbers, never pixels.
import type { PageClassification } from '../engine/documents/page-kinds';
import type { JobRecord } from '../engine/core/jobs';
import type { EngineErrorCode } from '../engine/error-codes';
import type { TesseractAssets } from '../engine/ocr/tesseract';
import type { Finding, Mask } from '../engine/types';
import { getActiveStage } from './canvas/active-stage';
import type { EngineClient } from './engine-client';
import { findingsOf } from './session/findings';
import type { Session } from './session/session';
import { currentModelsState, currentOcrState, type ModelsState, type OcrState } from './useEngine';

export interface ViewTransform {
  /** Stage scale: screen px per source px. */
  scale: number;
  /** Stage offset inside its container, in screen px. */
  x: number;
  y: number;
  /** The container's top-left in client (page viewport) coordinates. */
  left: number;
  top: number;
}

export interface ItemSummary {
  name: string;
  status: string;
  message: string;
  maskCount: number;
  selected: boolean;
  /** With status 'error': the engine's failure code (engine/error-codes.ts). */
  errorCode?: EngineErrorCode;
}

declare global {
  interface Window {
    __lastfour?: {
      recognizeBase64(
        base64: string,
        type: string,
      ): Promise<{ text: string; words: number; symbols: number }>;
      restartOcr(assets: TesseractAssets): Promise<void>;
      /** The text models' status as the app shows it ('error': reading with Tesseract alone). */
      modelsStatus(): ModelsState;
      /** The OCR engine's status as the app shows it, with the failure's code on 'error'. */
      ocrStatus(): OcrState;
      /** Masks of the item at this index of the list (selected item by default), in source pixels. */
      getMasks(itemIndex?: number): Mask[];
      getFindings(itemIndex?: number): Finding[];
      /** What the page is (card front, passport data page...), as classified or chosen; null before detection. */
      getPageKind(itemIndex?: number): PageClassification | null;
      items(): ItemSummary[];
      /** The editor's current view; source (sx, sy) is at client (left + x + sx*scale, top + y + sy*scale). */
      viewTransform(): ViewTransform | null;
      selectedMaskId(): string | null;
      /**
       * The engine worker's recent analysis jobs and how they ended ('cancelled' when Remove, Clear
       * all or a re-detect stopped one), with the OCR pool's size and how many busy OCR workers a
       * cancellation ended and replaced.
       */
      engineJobs(): Promise<{ jobs: JobRecord[]; ocrWorkers: number; ocrRestarts: number }>;
      /** The editor's tool: 'select', 'draw' or 'number'. */
      tool(): string;
      /** Number tool strokes still being read on the item (0 once its finding is in the list). */
      markingCount(itemIndex?: number): number;
      /** The largest canvas the engine worker has allocated (at most 16,777,216 pixels by design). */
      engineCanvas(): Promise<{ width: number; height: number; pixels: number }>;
      /** The app-wide notice as shown, with the engine's failure code when it says an export failed. */
      notice(): { text: string; errorCode?: EngineErrorCode };
    };
  }
}

export function installTestHook(engine: EngineClient, session: Session): void {
  const itemAt = (i?: number) => {
    const s = session.state;
    return i === undefined ? s.items.find((x) => x.id === s.selectedId) : s.items[i];
  };
  window.__lastfour = {
    async recognizeBase64(base64, type) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      return engine.recognizeText(new Blob([bytes], { type }));
    },
    restartOcr: (assets) => engine.startOcr(assets),
    modelsStatus: currentModelsState,
    ocrStatus: currentOcrState,
    getMasks: (i) => structuredClone([...(itemAt(i)?.history.present.masks ?? [])]),
    getFindings: (i) => {
      const item = itemAt(i);
      return structuredClone(item ? findingsOf(item) : []);
    },
    getPageKind: (i) => structuredClone(itemAt(i)?.pageKind ?? null),
    items: () =>
      session.state.items.map((it) => ({
        name: it.name,
        status: it.status,
        message: it.message,
        maskCount: it.history.present.masks.length,
        selected: it.id === session.state.selectedId,
        ...(it.status === 'error' && it.errorCode && { errorCode: it.errorCode }),
      })),
    viewTransform() {
      const stage = getActiveStage();
      if (!stage) return null;
      const r = stage.container().getBoundingClientRect();
      return { scale: stage.scaleX(), x: stage.x(), y: stage.y(), left: r.left, top: r.top };
    },
    selectedMaskId: () => session.ui.state.selectedMaskId,
    engineJobs: () => engine.jobs(),
    tool: () => session.ui.state.tool,
    markingCount: (i) => itemAt(i)?.marking ?? 0,
    engineCanvas: () => engine.largestCanvas(),
    notice: () => ({
      text: session.state.notice,
      ...(session.state.noticeCode && { errorCode: session.state.noticeCode }),
    }),
  };
}
