// Which onnxruntime build runs the text models in Node. onnxruntime-node (an optional dependency)
// carries onnxruntime's native CPU library for Linux, macOS and Windows inside its npm package. Its
// install script only fetches CUDA libraries from NuGet (unreachable here: the script fails, and npm
// drops the optional package); package.json's `allowScripts` denies it, which this machine's npm
// (11.19) obeys, so a fresh `npm ci` installs the package and takes nothing from outside npm's
// registry (with an npm that runs it anyway, ONNXRUNTIME_NODE_INSTALL=skip; README). Its kernels use
// the CPU's full vector width (this machine has AVX-512) where the WebAssembly build has 128-bit
// SIMD: on this project's two-core machine a detector run at 960x608 took 0.12 s against 0.42 s, a
// recognizer read at 48x320 15 ms against 80 ms, outputs equal to about 1e-6 (README, Benchmarks).
// Where it cannot load (no package, another platform, a library the system cannot link) the
// WebAssembly build runs the models as the app's worker does, and the run says so.
import { createRequire } from 'node:module';
import type { OnnxRuntime } from '../engine/learned/models';

/** Which build a run asks for (--model-runtime): the native one where it loads, or WebAssembly. */
export type ModelRuntimeChoice = 'native' | 'wasm';
export const MODEL_RUNTIMES: ModelRuntimeChoice[] = ['native', 'wasm'];

/**
 * The build a run uses when it names none: LASTFOUR_MODEL_RUNTIME ('native' or 'wasm'), else
 * 'native'.
 */
export function defaultModelRuntime(): ModelRuntimeChoice {
  return process.env.LASTFOUR_MODEL_RUNTIME === 'wasm' ? 'wasm' : 'native';
}

let native: OnnxRuntime | Error | undefined;

/**
 * onnxruntime-node's build, or the Error saying why it cannot be had (its message names the package
 * and the cause). `load` stands in for `require('onnxruntime-node')` in tests. Never throws.
 */
export function nativeOnnxRuntime(
  load: () => unknown = () => createRequire(import.meta.url)('onnxruntime-node'),
): OnnxRuntime | Error {
  try {
    const m = load() as Partial<Omit<OnnxRuntime, 'kind'>>;
    if (typeof m?.InferenceSession?.create !== 'function' || typeof m.Tensor !== 'function')
      throw new Error('the package has no InferenceSession or Tensor');
    return { kind: 'native', InferenceSession: m.InferenceSession, Tensor: m.Tensor };
  } catch (e) {
    return new Error(`onnxruntime-node could not be loaded: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** `nativeOnnxRuntime()` with its default loader, remembered for the thread. */
function cachedNative(): OnnxRuntime | Error {
  native ??= nativeOnnxRuntime();
  return native;
}

/**
 * The build for `choice`: onnxruntime-node's for 'native' when it loads, else undefined (the
 * WebAssembly build, TextModelSource's default), with `fallback` holding why when 'native' was
 * asked for and could not load.
 */
export function modelRuntimeFor(
  choice: ModelRuntimeChoice,
  load?: () => unknown,
): { runtime?: OnnxRuntime; fallback?: string } {
  if (choice === 'wasm') return {};
  const r = load ? nativeOnnxRuntime(load) : cachedNative();
  return r instanceof Error ? { fallback: r.message } : { runtime: r };
}
