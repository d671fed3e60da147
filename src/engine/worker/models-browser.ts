// The learned text stage's browser face: the model files are fetched from the app's own origin (the
// service worker answers from its precache once installed), onnxruntime-web's wasm likewise.
import { loadTextModels, ModelLoadError, type TextModels, type TextModelSource } from '../learned/models';
import { MODEL_FILES, ORT_FILES, type TextModelUrls } from './model-assets';

type ModelFile = keyof typeof MODEL_FILES;

/** Bytes fetched so far over bytes expected (0 when the server gave no length yet). */
export type ModelProgress = (loaded: number, total: number) => void;

function sameOrigin(url: string): string {
  const here = typeof location === 'undefined' ? undefined : location.origin;
  if (here && new URL(url).origin !== here)
    throw new Error(`Text model files must come from this app's own origin, not ${new URL(url).origin}.`);
  return url;
}

/** Reads a response body, reporting bytes as they arrive. */
async function readBody(res: Response, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    onBytes(value.length);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A TextModelSource that fetches `${urls.models}<file>`; errors name the file and the HTTP status. */
export function browserModelSource(urls: TextModelUrls, onProgress?: ModelProgress): TextModelSource {
  const base = sameOrigin(urls.models);
  const totals = new Map<ModelFile, number>();
  const loaded = new Map<ModelFile, number>();
  const report = () => {
    const sum = (m: Map<ModelFile, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    // The small dictionary comes first: a share is only meaningful once every file's size is known.
    const known = totals.size === Object.keys(MODEL_FILES).length;
    onProgress?.(known ? sum(loaded) : 0, known ? sum(totals) : 0);
  };
  return {
    async read(file) {
      try {
        return await fetchModel(file);
      } catch (e) {
        // A file that cannot be had counts as read (nothing) in the share, so the others' progress
        // still shows (the classifier is optional: the models load without it).
        totals.set(file, 0);
        loaded.set(file, 0);
        report();
        throw e;
      }
    },
    wasmPaths: { mjs: sameOrigin(urls.ortMjs), wasm: sameOrigin(urls.ortWasm) },
    threads: 1,
  };

  async function fetchModel(file: ModelFile): Promise<Uint8Array> {
    const name = MODEL_FILES[file];
    const url = new URL(name, base).href;
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(`${name} could not be fetched (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!res.ok) {
      void res.body?.cancel();
      throw new Error(`${name}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    // A static host's "page not found" fallback answers 200 with the app's index.html.
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      void res.body?.cancel();
      throw new Error(`${name} is missing from the server (it answered with a web page)`);
    }
    totals.set(file, Number(res.headers.get('content-length')) || 0);
    loaded.set(file, 0);
    report();
    return readBody(res, (n) => {
      loaded.set(file, (loaded.get(file) ?? 0) + n);
      report();
    });
  }
}

/** Loads the models in the worker; throws ModelLoadError (naming the file) when one is unusable. */
export async function loadBrowserModels(
  urls: TextModelUrls,
  onProgress?: ModelProgress,
): Promise<TextModels> {
  try {
    return await loadTextModels(browserModelSource(urls, onProgress));
  } catch (e) {
    // onnxruntime-web starts its wasm on the first session, so a missing or broken ort/ file shows up
    // as the detector "not being a model": say which file it really is.
    const message = e instanceof Error ? e.message : String(e);
    if (/no available backend found/.test(message))
      throw new ModelLoadError(
        `onnxruntime-web's WebAssembly (ort/${ORT_FILES.wasm}) could not be started: ${message.replace(/^.*?no available backend found\.\s*/, '')}`,
      );
    throw e;
  }
}
