// pdf.js inside our engine Web Worker. The engine already runs off the main thread, so pdf.js runs
// its parser in this same thread ("fake worker": pdf.worker.mjs imported as a module, exposed as
// globalThis.pdfjsWorker) instead of spawning a nested worker. Both modules are dynamic imports, so
// Vite emits them as same-origin chunks loaded only when a PDF arrives; no workerSrc, no CDN.
import {
  CanvasFactoryBase,
  type CanvasAndContext,
  type PdfAssets,
  type PdfJsModule,
  type PdfPlatform,
  type RenderTarget,
} from './platform';

/** pdf.js's temporary canvases (patterns, masks, glyph caches) as OffscreenCanvas: no document here. */
class OffscreenCanvasFactory extends CanvasFactoryBase {
  protected make(width: number, height: number): CanvasAndContext {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
}

/**
 * Fetches fonts/wasm/cmaps by URL. pdf.js's own DOMBinaryDataFactory reads `document.baseURI`, which
 * does not exist in a worker, so we supply this one (plain fetch, same origin, so the CSP's
 * connect-src 'self' allows it and the service worker can serve it offline).
 */
function binaryDataFactory(assets: PdfAssets) {
  return class {
    async fetch({ kind, filename }: { kind: keyof PdfAssets; filename: string }): Promise<Uint8Array> {
      const base = assets[kind];
      if (!base) throw new Error(`No URL configured for pdf.js ${kind}`);
      const res = await fetch(base + filename);
      if (!res.ok) throw new Error(`Unable to load ${kind} ${filename}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }
  };
}

let modules: Promise<PdfJsModule> | undefined;

function loadPdfJs(): Promise<PdfJsModule> {
  modules ??= (async () => {
    // The legacy build: pdf.js's modern build calls Map#getOrInsertComputed, Math.sumPrecise and
    // Uint8Array#toHex without polyfills, which only the newest browsers have; the legacy build
    // bundles core-js polyfills for them (~+60 KB).
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs as unknown as PdfJsModule;
  })();
  modules.catch(() => (modules = undefined));
  return modules;
}

export async function createWorkerPdfPlatform(assets: PdfAssets): Promise<PdfPlatform> {
  const pdfjs = await loadPdfJs();
  return {
    pdfjs,
    documentOptions: {
      ...assets,
      // The CSP has no 'unsafe-eval': pdf.js must not compile fonts with new Function.
      isEvalSupported: false,
      // Font /Widths and ToUnicode on pdf.js's font objects: exact per-character boxes (font-widths.ts).
      fontExtraProperties: true,
      // No FontFace API use (needs a document): glyphs are drawn as paths from the font data.
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      CanvasFactory: OffscreenCanvasFactory,
      BinaryDataFactory: binaryDataFactory(assets),
      // Errors only: the "fake worker" warning is expected here (see above).
      verbosity: 0,
    } as never,
    createCanvas(width: number, height: number): RenderTarget {
      let canvas: OffscreenCanvas | undefined = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('This browser cannot render PDF pages (no OffscreenCanvas 2D).');
      return {
        context: ctx,
        readPixels: () => ctx.getImageData(0, 0, width, height).data,
        release: () => {
          if (canvas) canvas.width = canvas.height = 0;
          canvas = undefined;
        },
      };
    },
  };
}
