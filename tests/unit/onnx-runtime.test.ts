// Which onnxruntime build the CLI runs the text models on (src/cli/onnx-runtime.ts): the native one
// where it loads, WebAssembly when asked or when the native one cannot load, saying why.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultModelRuntime, modelRuntimeFor, nativeOnnxRuntime } from '../../src/cli/onnx-runtime';

/** Stands in for onnxruntime-node's exports: the two classes the engine uses. */
const fakeModule = () => ({ InferenceSession: { create: async () => ({}) }, Tensor: class {} });

afterEach(() => {
  delete process.env.LASTFOUR_MODEL_RUNTIME;
});

describe('the text models runtime in Node', () => {
  it("'wasm' asks for nothing native: no runtime (the WebAssembly default) and no fallback", () => {
    let loaded = false;
    expect(modelRuntimeFor('wasm', () => ((loaded = true), fakeModule()))).toEqual({});
    expect(loaded).toBe(false);
  });

  it("'native' hands in the package's session and tensor classes", () => {
    const m = fakeModule();
    const { runtime, fallback } = modelRuntimeFor('native', () => m);
    expect(fallback).toBeUndefined();
    expect(runtime?.kind).toBe('native');
    expect(runtime?.InferenceSession).toBe(m.InferenceSession);
    expect(runtime?.Tensor).toBe(m.Tensor);
  });

  it('a native library that cannot load falls back to WebAssembly, saying why in one line', () => {
    const { runtime, fallback } = modelRuntimeFor('native', () => {
      throw new Error('libonnxruntime.so.1: cannot open shared object file\n    at Module._load');
    });
    expect(runtime).toBeUndefined();
    expect(fallback).toBe(
      'onnxruntime-node could not be loaded: libonnxruntime.so.1: cannot open shared object file',
    );
  });

  it('a package without the API is not taken for the runtime', () => {
    const r = nativeOnnxRuntime(() => ({ default: {} }));
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toMatch(/no InferenceSession or Tensor/);
  });

  it("LASTFOUR_MODEL_RUNTIME=wasm makes WebAssembly the loaders' default; anything else is native (the CLI refuses other values: cli-usage.test.ts)", () => {
    expect(defaultModelRuntime()).toBe('native');
    process.env.LASTFOUR_MODEL_RUNTIME = 'wasm';
    expect(defaultModelRuntime()).toBe('wasm');
    process.env.LASTFOUR_MODEL_RUNTIME = 'gpu';
    expect(defaultModelRuntime()).toBe('native');
  });

  // Required in CI (a fresh `npm ci` that dropped the optional package would make every CLI run slow);
  // elsewhere a platform without its binaries skips this with a warning.
  const native = nativeOnnxRuntime();
  if (native instanceof Error && !process.env.CI)
    console.warn(`WARNING: ${native.message}: the CLI runs its models on WebAssembly here`);
  it.skipIf(native instanceof Error && !process.env.CI)(
    'onnxruntime-node is installed and loads (the CLI runs on it by default)',
    () => {
      expect(native).not.toBeInstanceOf(Error);
      expect((native as { kind: string }).kind).toBe('native');
    },
  );
});
