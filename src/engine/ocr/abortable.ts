import type { OcrEngine } from './types';

/**
 * The same OCR engine with `signal` passed to every recognize call: the detectors need not thread
 * it through, yet the whole job stops when it fires (see the pool in tesseract.ts).
 */
export function abortableOcr(ocr: OcrEngine, signal: AbortSignal | undefined): OcrEngine {
  if (!signal) return ocr;
  return {
    recognize: (image, options) => ocr.recognize(image, { ...options, signal: options?.signal ?? signal }),
    terminate: () => ocr.terminate(),
  };
}
