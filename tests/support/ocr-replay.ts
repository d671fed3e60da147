// Recorded OCR, replayed: the card detector's reading stages run in unit tests without Tesseract or
// the learned models. A recording maps each crop the detector asked to read (a hash of its pixels,
// size and options) to the page the engine returned; the replaying engine answers from it and
// throws on a crop it has not seen, so a change to how lines are cropped fails the test until the
// recording is made again (`node --import tsx tests/fixtures/replay/record.ts`).
import type { OcrEngine, OcrPage, RecognizeOptions } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';

export type Recording = Record<string, OcrPage>;

/** FNV-1a over the crop's pixels, its size and the options that change a reading. */
export function cropKey(image: GrayImage, options: RecognizeOptions = {}): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < image.data.length; i++) {
    h ^= image.data[i];
    h = Math.imul(h, 0x01000193);
  }
  return `${image.width}x${image.height}:${options.psm ?? '-'}:${options.whitelist ?? '-'}:${(h >>> 0).toString(16)}`;
}

/** `inner`, with every page it returns kept in `into` under its crop's key. */
export function recordingOcr(inner: OcrEngine, into: Recording): OcrEngine {
  return {
    async recognize(image, options) {
      const page = await inner.recognize(image, options);
      into[cropKey(image, options)] = page;
      return page;
    },
    terminate: () => inner.terminate(),
  };
}

export class UnrecordedCropError extends Error {
  constructor(key: string) {
    super(
      `No recorded reading for crop ${key}: record again (node --import tsx tests/fixtures/replay/record.ts)`,
    );
    this.name = 'UnrecordedCropError';
  }
}

/** An engine that answers only from `recording`; `asked` counts the crops it was asked to read. */
export function replayOcr(recording: Recording): OcrEngine & { asked: number } {
  const engine = {
    asked: 0,
    async recognize(image: GrayImage, options?: RecognizeOptions): Promise<OcrPage> {
      engine.asked++;
      const key = cropKey(image, options);
      const page = recording[key];
      if (!page) throw new UnrecordedCropError(key);
      return structuredClone(page);
    },
    async terminate() {},
  };
  return engine;
}
