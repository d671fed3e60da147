// What the PDF code needs from its host. The browser worker and Node load different pdf.js builds
// (modern ESM vs the legacy build pdf.js recommends for Node) and draw on different canvases
// (OffscreenCanvas vs @napi-rs/canvas); everything else in src/engine/pdf is shared.
import type * as PdfJs from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

export type PdfJsModule = typeof PdfJs;

/** A 2D canvas as pdf.js's CanvasFactory hands it out. */
export interface CanvasAndContext {
  canvas: { width: number; height: number } | null;
  context: unknown;
}

/** pdf.js's CanvasFactory contract (create/reset/destroy); constructed by pdf.js itself. */
export interface CanvasFactoryLike {
  create(width: number, height: number): CanvasAndContext;
  reset(entry: CanvasAndContext, width: number, height: number): void;
  destroy(entry: CanvasAndContext): void;
}

/**
 * The largest temporary canvas pdf.js may ask for: 268,435,456 pixels (16384², 1 GB of RGBA; Chrome's
 * and desktop Safari's area limit) and 32,767 pixels a side (Chrome's and Firefox's). Past these no
 * browser makes the canvas: it comes back unusable and pdf.js would draw that part of the page
 * nowhere, silently (Skia in Node likewise). A page that asks for one (an image drawn through an
 * absurd matrix, say) is refused instead, and PdfDocument.render reports it as pdf-page-unreadable.
 */
export const MAX_TEMP_CANVAS_PIXELS = 268_435_456;
export const MAX_TEMP_CANVAS_SIDE = 32_767;

function checkCanvasSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new Error('Invalid canvas size');
  if (
    !(width <= MAX_TEMP_CANVAS_SIDE && height <= MAX_TEMP_CANVAS_SIDE) ||
    width * height > MAX_TEMP_CANVAS_PIXELS
  )
    throw new Error(`the page asks for a ${width}×${height} canvas, more than any browser can make`);
}

/** The bookkeeping every canvas factory shares; each platform only says how to make a canvas. */
export abstract class CanvasFactoryBase implements CanvasFactoryLike {
  protected abstract make(width: number, height: number): CanvasAndContext;
  create(width: number, height: number): CanvasAndContext {
    checkCanvasSize(width, height);
    return this.make(width, height);
  }
  reset(entry: CanvasAndContext, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    checkCanvasSize(width, height);
    entry.canvas.width = width;
    entry.canvas.height = height;
  }
  destroy(entry: CanvasAndContext): void {
    if (entry.canvas) entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }
}

export interface PdfPlatform {
  pdfjs: PdfJsModule;
  /** Options merged into every getDocument call (fonts, wasm, canvas factory...). */
  documentOptions: Partial<DocumentInitParameters>;
  /** A canvas to render a page into, and a way to read its pixels back. */
  createCanvas(width: number, height: number): RenderTarget;
}

export interface RenderTarget {
  /** Passed to page.render as canvasContext. */
  context: unknown;
  readPixels(): Uint8ClampedArray;
  /** Frees the backing store now rather than at the next GC (pages are large). */
  release(): void;
}

/**
 * Same-origin locations of the data files pdf.js fetches for some PDFs. All three end with '/'.
 * standard_fonts: glyphs of the 14 standard fonts when a PDF does not embed them (very common in
 * generated statements: without them the digits would not be drawn). wasm: JPEG 2000 (openjpeg),
 * JBIG2 and ICC colour (qcms) decoders used by scanned PDFs. cmaps: CJK character maps.
 */
export interface PdfAssets {
  standardFontDataUrl: string;
  wasmUrl: string;
  cMapUrl: string;
}

export function checkAssets(a: PdfAssets): PdfAssets {
  for (const [k, v] of Object.entries(a))
    if (!v.endsWith('/')) throw new Error(`PDF asset ${k} must end with '/'.`);
  return a;
}
