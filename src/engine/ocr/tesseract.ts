import { createWorker, OEM, type Worker } from 'tesseract.js';
import { encodePgm } from '../image/pgm';
import type { GrayImage } from '../types';
import { parseTesseractBlocks, type TesseractBlocks } from './parse';
import type { OcrEngine, OcrPage, RecognizeOptions } from './types';

/**
 * Where tesseract.js finds its files. In the app they are same-origin URLs copied out of node_modules
 * by the build; in Node, folders on disk. Nothing is ever fetched from a CDN: every path is explicit.
 */
export interface TesseractAssets {
  /** Folder holding eng.traineddata.gz (@tesseract.js-data/eng/4.0.0_best_int). */
  langPath: string;
  /** Browser only: tesseract.js's worker script. */
  workerPath?: string;
  /**
   * Browser only: one tesseract.js-core `*.wasm.js` build (used as is), or a folder of them (then
   * tesseract.js picks relaxed-SIMD, SIMD or plain itself).
   */
  corePath?: string;
}

export interface TesseractOptions extends TesseractAssets {
  /** How long starting a worker may take before we give up with a clear error. */
  startTimeoutMs?: number;
  /** Receives tesseract.js's own progress messages (loading, recognizing). */
  logger?: (m: { status: string; progress: number }) => void;
  /** Number of tesseract workers run in parallel (each is single-threaded wasm). */
  workers?: number;
}

export class OcrLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrLoadError';
  }
}

async function startWorker(opts: TesseractOptions): Promise<Worker> {
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  let failed: ((e: Error) => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  // tesseract.js 7 never settles createWorker when an asset fails to load unless errorHandler is set
  // (tesseract.js issue #1075), so we race it against the handler and a timeout.
  const timer = setTimeout(
    () => failed?.(new OcrLoadError(`OCR engine did not start within ${timeoutMs / 1000} s`)),
    timeoutMs,
  );
  try {
    const worker = createWorker('eng', OEM.LSTM_ONLY, {
      langPath: opts.langPath,
      ...(opts.workerPath ? { workerPath: opts.workerPath, workerBlobURL: false } : {}),
      ...(opts.corePath ? { corePath: opts.corePath } : {}),
      gzip: true,
      cacheMethod: 'none',
      logger: opts.logger ?? (() => undefined),
      errorHandler: (e: unknown) =>
        failed?.(
          new OcrLoadError(`OCR engine failed to load: ${e instanceof Error ? e.message : String(e)}`),
        ),
    });
    return await Promise.race([worker, failure]);
  } finally {
    clearTimeout(timer);
  }
}

/** A small pool of tesseract.js workers behind the engine's OcrEngine interface. */
export async function createTesseractOcr(opts: TesseractOptions): Promise<OcrEngine> {
  const count = Math.max(1, opts.workers ?? 1);
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(opts)));
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const params = new Map<Worker, string>();

  const acquire = (): Promise<Worker> => {
    const w = idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };

  return {
    async recognize(image: GrayImage, options: RecognizeOptions = {}): Promise<OcrPage> {
      const worker = await acquire();
      try {
        const psm = String(options.psm ?? 3);
        const whitelist = options.whitelist ?? '';
        const key = `${psm}|${whitelist}`;
        if (params.get(worker) !== key) {
          await worker.setParameters({
            tessedit_pageseg_mode: psm as never,
            tessedit_char_whitelist: whitelist,
          });
          params.set(worker, key);
        }
        const { data } = await worker.recognize(
          encodePgm(image) as unknown as Buffer,
          {},
          { blocks: true, text: false },
        );
        return parseTesseractBlocks(data as unknown as TesseractBlocks, image.width, image.height);
      } finally {
        release(worker);
      }
    },
    async terminate() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
