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

/** The OCR pool with its record of workers ended mid-recognition by a cancelled job. */
export interface TesseractPool extends OcrEngine {
  /** How many busy workers were terminated (and replaced) because their job was cancelled. */
  readonly restarts: number;
  readonly size: number;
}

const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The analysis was cancelled.', 'AbortError');

/**
 * A small pool of tesseract.js workers behind the engine's OcrEngine interface. A recognition whose
 * `signal` fires is stopped the only way tesseract.js allows: its worker is terminated and a fresh
 * one started in its place, so the next job does not wait behind work nobody wants.
 */
export async function createTesseractOcr(opts: TesseractOptions): Promise<TesseractPool> {
  const count = Math.max(1, opts.workers ?? 1);
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(opts)));
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const params = new Map<Worker, string>();
  let restarts = 0;
  let terminated = false;

  const acquire = (signal?: AbortSignal): Promise<Worker> => {
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    return new Promise((resolve, reject) => {
      const take = (worker: Worker) => {
        signal?.removeEventListener('abort', drop);
        resolve(worker);
      };
      const drop = () => {
        const i = waiting.indexOf(take);
        if (i >= 0) waiting.splice(i, 1);
        reject(abortError(signal!));
      };
      waiting.push(take);
      signal?.addEventListener('abort', drop, { once: true });
    });
  };
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  /** Workers ended by `replace` (a cancelled job's), never to be posted to again. */
  const ended = new WeakSet<Worker>();
  /** Ends a busy worker and puts a fresh one in its place. */
  const replace = (w: Worker) => {
    restarts++;
    ended.add(w);
    params.delete(w);
    void w.terminate().catch(() => undefined);
    const at = workers.indexOf(w);
    void startWorker(opts)
      .then((fresh) => {
        if (terminated) return void fresh.terminate();
        workers[at] = fresh;
        release(fresh);
      })
      .catch(() => undefined);
  };

  const run = async (worker: Worker, image: GrayImage, options: RecognizeOptions): Promise<OcrPage> => {
    const psm = String(options.psm ?? 3);
    const whitelist = options.whitelist ?? '';
    const key = `${psm}|${whitelist}`;
    if (params.get(worker) !== key) {
      await worker.setParameters({
        tessedit_pageseg_mode: psm as never,
        tessedit_char_whitelist: whitelist,
        // Tesseract's diagnostics ("Estimating resolution as 173", "Detected 21 diacritics") go
        // to its debug file, not into the CLI's progress lines or the browser's console.
        debug_file: '/dev/null',
      });
      params.set(worker, key);
    }
    // A job cancelled while the parameters were set has had its worker ended: tesseract.js would
    // post to a closed port, and its own promise for that message would reject unhandled.
    if (ended.has(worker)) throw new Error('The OCR worker was ended (job cancelled)');
    const { data } = await worker.recognize(
      encodePgm(image) as unknown as Buffer,
      {},
      { blocks: true, text: false },
    );
    return parseTesseractBlocks(data as unknown as TesseractBlocks, image.width, image.height);
  };

  return {
    get restarts() {
      return restarts;
    },
    size: count,
    async recognize(image: GrayImage, options: RecognizeOptions = {}): Promise<OcrPage> {
      const { signal } = options;
      signal?.throwIfAborted();
      const worker = await acquire(signal);
      if (!signal) {
        try {
          return await run(worker, image, options);
        } finally {
          release(worker);
        }
      }
      if (signal.aborted) {
        release(worker);
        throw abortError(signal);
      }
      let stop: () => void = () => undefined;
      const aborted = new Promise<never>((_, reject) => {
        stop = () => reject(abortError(signal));
        signal.addEventListener('abort', stop, { once: true });
      });
      const work = run(worker, image, options);
      try {
        const page = await Promise.race([work, aborted]);
        release(worker);
        return page;
      } catch (e) {
        if (signal.aborted) {
          work.catch(() => undefined);
          replace(worker);
        } else release(worker);
        throw e;
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },
    async terminate() {
      terminated = true;
      for (const w of workers) ended.add(w);
      await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
    },
  };
}
