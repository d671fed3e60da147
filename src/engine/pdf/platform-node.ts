// pdf.js in Node (CLI, tests, bench): the legacy build, as pdf.js recommends for Node, rendering on
// @napi-rs/canvas. Fonts, wasm and cmaps are read from pdfjs-dist's folders on disk.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as napi from '@napi-rs/canvas';
import {
  CanvasFactoryBase,
  type CanvasAndContext,
  type PdfJsModule,
  type PdfPlatform,
  type RenderTarget,
} from './platform';

/** Our @napi-rs/canvas for pdf.js's temporary canvases too, so every canvas comes from one build. */
class NapiCanvasFactory extends CanvasFactoryBase {
  protected make(width: number, height: number): CanvasAndContext {
    const canvas = napi.createCanvas(width, height);
    return { canvas, context: canvas.getContext('2d') };
  }
}

let modules: Promise<PdfJsModule> | undefined;

function loadPdfJs(): Promise<PdfJsModule> {
  modules ??= (async () => {
    // pdf.js polyfills these from its own nested copy of @napi-rs/canvas when they are missing;
    // Path2D objects from that copy cannot be drawn on our canvases, so install ours first.
    const g = globalThis as Record<string, unknown>;
    g.DOMMatrix ??= napi.DOMMatrix;
    g.Path2D ??= napi.Path2D;
    g.ImageData ??= napi.ImageData;
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    g.pdfjsWorker = worker;
    return pdfjs as unknown as PdfJsModule;
  })();
  return modules;
}

const pdfjsDir = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function createNodePdfPlatform(): Promise<PdfPlatform> {
  const pdfjs = await loadPdfJs();
  const dir = pdfjsDir();
  return {
    pdfjs,
    documentOptions: {
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      wasmUrl: join(dir, 'wasm') + '/',
      cMapUrl: join(dir, 'cmaps') + '/',
      // Same settings as the browser, so tests exercise the code path users get.
      isEvalSupported: false,
      // Font /Widths and ToUnicode on pdf.js's font objects: exact per-character boxes (font-widths.ts).
      fontExtraProperties: true,
      disableFontFace: true,
      useSystemFonts: false,
      CanvasFactory: NapiCanvasFactory,
      verbosity: 0,
    } as never,
    createCanvas(width: number, height: number): RenderTarget {
      const canvas = napi.createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      return {
        context: ctx,
        readPixels: () => {
          const d = ctx.getImageData(0, 0, width, height).data;
          return new Uint8ClampedArray(d.buffer, d.byteOffset, d.length);
        },
        release: () => {
          canvas.width = canvas.height = 0;
        },
      };
    },
  };
}
