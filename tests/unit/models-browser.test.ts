// The browser's model source: same-origin URLs only, and errors that name the file and the status.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelAssetCopies, modelAssetUrls } from '../../src/engine/worker/model-assets';
import { browserModelSource } from '../../src/engine/worker/models-browser';

const APP = 'https://lastfour.example/app/';

function serve(files: Record<string, { status?: number; type?: string; body?: Uint8Array<ArrayBuffer> }>) {
  const fetched: string[] = [];
  vi.stubGlobal('location', new URL(APP));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      fetched.push(url);
      const f = files[new URL(url).pathname.split('/').pop()!];
      if (!f)
        return new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
      return new Response(f.body ?? new Uint8Array(0), {
        status: f.status ?? 200,
        headers: {
          'content-type': f.type ?? 'application/octet-stream',
          'content-length': String(f.body?.length ?? 0),
        },
      });
    }),
  );
  return fetched;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browser text-model source', () => {
  it('fetches models/<file> from the app folder and points onnxruntime at ort/', async () => {
    const fetched = serve({ 'ch_PP-OCRv4_det_infer.onnx': { body: new Uint8Array([1, 2, 3]) } });
    const loaded: number[] = [];
    const source = browserModelSource(modelAssetUrls(APP), (n) => loaded.push(n));
    expect(Array.from(await source.read('detector'))).toEqual([1, 2, 3]);
    expect(fetched).toEqual([`${APP}models/ch_PP-OCRv4_det_infer.onnx`]);
    expect(source.wasmPaths).toEqual({
      mjs: `${APP}ort/ort-wasm-simd-threaded.mjs`,
      wasm: `${APP}ort/ort-wasm-simd-threaded.wasm`,
    });
    expect(source.threads).toBe(1);
  });

  it('names the file and the HTTP status when the server refuses it', async () => {
    serve({ 'ch_PP-OCRv4_rec_infer.onnx': { status: 404 } });
    const source = browserModelSource(modelAssetUrls(APP));
    await expect(source.read('recognizer')).rejects.toThrow(/ch_PP-OCRv4_rec_infer\.onnx: HTTP 404/);
  });

  it("refuses a static host's HTML page in place of a model", async () => {
    serve({});
    const source = browserModelSource(modelAssetUrls(APP));
    await expect(source.read('dictionary')).rejects.toThrow(/ppocr_keys_v1\.txt is missing from the server/);
  });

  it('shows the download share when the optional classifier is missing', async () => {
    const bytes = (n: number) => new Uint8Array(n).fill(1);
    serve({
      'ch_PP-OCRv4_det_infer.onnx': { body: bytes(30) },
      'ch_PP-OCRv4_rec_infer.onnx': { body: bytes(60) },
      'ppocr_keys_v1.txt': { body: bytes(10), type: 'text/plain' },
      'ch_ppocr_mobile_v2.0_cls_infer.onnx': { status: 404 },
    });
    const shares: [number, number][] = [];
    const source = browserModelSource(modelAssetUrls(APP), (n, total) => shares.push([n, total]));
    await expect(source.read('classifier')).rejects.toThrow(/HTTP 404/);
    for (const f of ['dictionary', 'detector', 'recognizer'] as const) await source.read(f);
    // Every file's size known (the missing one as nothing): the share ends whole.
    expect(shares.at(-1)).toEqual([100, 100]);
  });

  it('refuses any other origin (no CDN)', () => {
    serve({});
    const cdn = 'https://cdn.jsdelivr.net/npm/onnxruntime-web/dist/';
    expect(() => browserModelSource({ ...modelAssetUrls(APP), ortWasm: `${cdn}x.wasm` })).toThrow(
      /own origin, not https:\/\/cdn\.jsdelivr\.net/,
    );
    expect(() => browserModelSource(modelAssetUrls(cdn))).toThrow(/own origin/);
  });

  it('copies exactly the files it serves', () => {
    expect(modelAssetCopies.map((c) => `${c.dest}/${c.src.split('/').pop()}`).sort()).toEqual([
      'models/ch_PP-OCRv4_det_infer.onnx',
      'models/ch_PP-OCRv4_rec_infer.onnx',
      'models/ch_ppocr_mobile_v2.0_cls_infer.onnx',
      'models/ppocr_keys_v1.txt',
      'ort/ort-wasm-simd-threaded.mjs',
      'ort/ort-wasm-simd-threaded.wasm',
    ]);
  });
});
