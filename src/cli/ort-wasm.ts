// onnxruntime's WebAssembly (14 MB) compiled once per CLI run and shared by its worker threads.
// Each worker that compiles it itself also optimises it itself: V8 runs new WebAssembly code
// unoptimised (Liftoff) and recompiles the hot functions (the convolution kernels, the graph
// optimiser) with TurboFan in the background, so a worker's first detector runs take about three
// times as long and its start-up costs 1.5 to 2 s of CPU more than it runs for. A compiled
// WebAssembly.Module passed to a worker thread shares V8's code, optimised code included: what one
// worker optimised, the other runs optimised (two workers starting and running four detector runs
// each: 16.1 s of CPU apart, 14.4 s shared).
// onnxruntime-web has no option for a compiled module: its Emscripten loader calls
// WebAssembly.instantiate(bytes, imports) once, on the file's bytes. While the models load, that one
// call (recognised by the bytes' length and SHA-256) is answered from the shared module; any other
// call goes through untouched.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** onnxruntime-web's compiled WebAssembly and what identifies the file it was compiled from. */
export interface OrtWasm {
  module: WebAssembly.Module;
  byteLength: number;
  /** SHA-256 of the file, hex. */
  sha256: string;
}

/** The folder of onnxruntime-web's WebAssembly files (its `wasmPaths` in Node). */
export function ortWasmDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('onnxruntime-web/wasm'));
}

/** The WebAssembly file onnxruntime-web loads in Node (its single-build SIMD file). */
export const ortWasmFile = (): string => path.join(ortWasmDir(), 'ort-wasm-simd-threaded.wasm');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Compiles onnxruntime-web's WebAssembly (lazily, about 0.1 s): the module for every worker. */
export async function compileOrtWasm(file = ortWasmFile()): Promise<OrtWasm> {
  const bytes = new Uint8Array(await readFile(file));
  return { module: await WebAssembly.compile(bytes), byteLength: bytes.byteLength, sha256: sha256(bytes) };
}

/**
 * Runs `load` (which starts onnxruntime) with onnxruntime's instantiation answered from `wasm`.
 * WebAssembly.instantiate is itself again when `load` settles. Without `wasm`, just `load()`.
 */
export async function withOrtWasm<T>(wasm: OrtWasm | undefined, load: () => Promise<T>): Promise<T> {
  if (!wasm) return load();
  const instantiate = WebAssembly.instantiate;
  const isOrtFile = (source: unknown): boolean => {
    const bytes = ArrayBuffer.isView(source)
      ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
      : source instanceof ArrayBuffer
        ? new Uint8Array(source)
        : undefined;
    return !!bytes && bytes.byteLength === wasm.byteLength && sha256(bytes) === wasm.sha256;
  };
  const shared = async (source: unknown, imports?: WebAssembly.Imports) =>
    isOrtFile(source)
      ? { module: wasm.module, instance: await instantiate(wasm.module, imports) }
      : instantiate(source as WebAssembly.Module, imports);
  WebAssembly.instantiate = shared as typeof WebAssembly.instantiate;
  try {
    return await load();
  } finally {
    WebAssembly.instantiate = instantiate;
  }
}
