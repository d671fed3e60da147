import type { TesseractAssets } from '../engine/ocr/tesseract';
import type { EngineClient } from './engine-client';

declare global {
  interface Window {
    /** Stable hook for browser tests and debugging (like Excalidraw's window.h). Holds no images. */
    __lastfour?: {
      recognizeBase64(
        base64: string,
        type: string,
      ): Promise<{ text: string; words: number; symbols: number }>;
      restartOcr(assets: TesseractAssets): Promise<void>;
    };
  }
}

export function installTestHook(engine: EngineClient): void {
  window.__lastfour = {
    async recognizeBase64(base64, type) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      return engine.recognizeText(new Blob([bytes], { type }));
    },
    restartOcr: (assets) => engine.startOcr(assets),
  };
}
