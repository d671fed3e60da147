// The engine as the browser sees it: one object whose methods run inside a dedicated Web Worker.
// The app imports only `type EngineApi`, so none of this code lands in the main bundle (Squoosh's
// worker-bridge pattern). Images live here, in worker memory only: never in storage of any kind.
import * as Comlink from 'comlink';
import { analyzeImage, masksForFindings, type AnalyzeResult } from '../analyze';
import { burnMasks } from '../burn/burn';
import type { BarcodeReader } from '../documents/barcode';
import type { PageKind } from '../documents/page-kinds';
import { createZxingReader } from '../documents/zxing';
import { toGray } from '../image/gray';
import { createTesseractOcr, type TesseractAssets } from '../ocr/tesseract';
import type { OcrEngine } from '../ocr/types';
import type { TextModels } from '../learned/models';
import type { PdfAnalyzeOptions } from '../pdf/pdf-pages';
import type { PdfAssets } from '../pdf/platform';
import { looksLikePdf } from '../pdf/sniff-pdf';
import * as pdfs from '../pdf/worker-pdfs';
import { decodeImageInWorker, encodeImageInWorker } from '../platform/worker';
import type { ImageFormat, Mask, ProgressCallback, RgbaImage } from '../types';
import { workerTextPainter } from '../watermark/painter-worker';
import { renderWatermark, type WatermarkOptions } from '../watermark/watermark';
import type { TextModelUrls } from './model-assets';
import { loadBrowserModels } from './models-browser';

export type OcrStatusCallback = (status: {
  state: 'loading' | 'ready' | 'error';
  message: string;
  progress: number;
}) => void;

/** One editable page: a photo is one page, a PDF has one per page. */
export interface OpenedPage {
  /** Engine-side id of the page's pixels; pass it to analyze/exportImage/close. */
  id: string;
  width: number;
  height: number;
  /** The upright picture for the editor (transferred, so the worker keeps no copy of it). */
  bitmap: ImageBitmap;
  /** e.g. "page 2 of 5" for PDFs; empty for photos. */
  label: string;
}

export interface OpenedFile {
  kind: 'image' | 'pdf';
  pages: OpenedPage[];
  /** PDF pages left out and why (a damaged page, an unusable page size); shown to the user. */
  notes?: string[];
}

const images = new Map<string, RgbaImage>();
let ocrPromise: Promise<OcrEngine> | undefined;
let ocrAssets: TesseractAssets | undefined;
// Barcode (PDF417/QR) detection on IDs; off until startBarcodes gives a same-origin wasm URL.
let barcodeReader: Promise<BarcodeReader> | undefined;
// The learned text stage (PP-OCR through onnxruntime-web); off until startModels gives same-origin URLs.
let textModels: Promise<TextModels> | undefined;
let textModelsFailed = false;

/** The loaded text models; undefined (Tesseract alone) when not started or when loading failed. */
const currentModels = (): Promise<TextModels | undefined> =>
  textModels?.catch(() => undefined) ?? Promise.resolve(undefined);

function requireImage(id: string): RgbaImage {
  const img = images.get(id);
  if (!img) throw new Error(`Image ${id} is not open.`);
  return img;
}

function getOcr(): Promise<OcrEngine> {
  if (!ocrPromise) {
    if (!ocrAssets) throw new Error('OCR assets were not configured: call startOcr first.');
    ocrPromise = createTesseractOcr({ ...ocrAssets, workers: 1 });
    // A failed start must not poison later attempts (e.g. after the user retries).
    ocrPromise.catch(() => {
      ocrPromise = undefined;
    });
  }
  return ocrPromise;
}

/** The tiled "Copy for ..." text burned over a page after its masks, when the user asked for it. */
function withWatermark(page: RgbaImage, watermark?: WatermarkOptions): RgbaImage {
  return watermark?.text.trim() ? renderWatermark(page, watermark, workerTextPainter()) : page;
}

export const engineApi = {
  /** Loads tesseract.js from the given same-origin paths; resolves when OCR is ready. */
  async startOcr(assets: TesseractAssets, onStatus?: OcrStatusCallback): Promise<void> {
    if (ocrAssets && JSON.stringify(ocrAssets) !== JSON.stringify(assets)) {
      const previous = ocrPromise;
      ocrPromise = undefined;
      void previous?.then((o) => o.terminate()).catch(() => undefined);
    }
    ocrAssets = assets;
    onStatus?.({ state: 'loading', message: 'Loading the OCR engine…', progress: 0 });
    try {
      await getOcr();
      onStatus?.({ state: 'ready', message: 'OCR engine ready (offline)', progress: 1 });
    } catch (e) {
      onStatus?.({ state: 'error', message: e instanceof Error ? e.message : String(e), progress: 0 });
      throw e;
    }
  },

  /**
   * Decodes a file (EXIF orientation applied) and keeps its pixels in worker memory. Page ids are
   * `${fileId}` for a photo and `${fileId}#${n}` for page n of a PDF. Bad input throws InputError,
   * whose message is meant for the user.
   */
  async open(
    fileId: string,
    file: Blob,
    password?: string,
    onProgress?: ProgressCallback,
  ): Promise<OpenedFile> {
    // PDFs: one page per item. A protected PDF throws PasswordRequiredError / WrongPasswordError
    // (err.name across Comlink): ask for the password and call open again with it.
    if (looksLikePdf(new Uint8Array(await file.slice(0, 1024).arrayBuffer()))) {
      const { pages, notes } = await pdfs.openPdf(fileId, file, password, onProgress);
      return Comlink.transfer(
        { kind: 'pdf', pages, notes },
        pages.map((p) => p.bitmap),
      );
    }
    const { image, bitmap } = await decodeImageInWorker(file);
    images.set(fileId, image);
    const page: OpenedPage = { id: fileId, width: image.width, height: image.height, bitmap, label: '' };
    return Comlink.transfer({ kind: 'image', pages: [page] }, [bitmap]);
  },

  async analyze(
    id: string,
    options: Omit<PdfAnalyzeOptions, 'signal'>,
    onProgress?: ProgressCallback,
  ): Promise<AnalyzeResult> {
    const barcodes = await barcodeReader?.catch(() => undefined);
    // Every page, photos and PDF pages alike, is read with the text models once they are loaded.
    const models = await currentModels();
    // PDF pages with a text layer are read from the PDF's own text (OCR only for pictures on
    // them); scans go through OCR. options.method forces one path.
    if (pdfs.isPdfPage(id)) {
      const opts = { ...options, models, documents: { ...options.documents, barcodes } };
      return pdfs.analyzePdf(id, getOcr, opts, onProgress);
    }
    const image = requireImage(id);
    const ocr = await getOcr();
    return analyzeImage(
      image,
      ocr,
      { ...options, models, documents: { ...options.documents, barcodes } },
      onProgress,
    );
  },

  /**
   * Enables barcode detection on IDs and licences. `wasmUrl` must be same-origin: the build copies
   * node_modules/zxing-wasm/dist/reader/zxing_reader.wasm (zxing-wasm never fetches its CDN default).
   */
  async startBarcodes(wasmUrl: string): Promise<void> {
    barcodeReader = createZxingReader({ wasmUrl });
    try {
      await barcodeReader;
    } catch (e) {
      barcodeReader = undefined;
      throw e;
    }
  },

  /**
   * Loads the PP-OCR text models once (same-origin URLs: see model-assets.ts), reporting progress like
   * startOcr. On failure the status says why and the engine goes on reading with Tesseract alone;
   * a later call tries again.
   */
  async startModels(urls: TextModelUrls, onStatus?: OcrStatusCallback): Promise<void> {
    if (!textModels || textModelsFailed) {
      let last = -1;
      onStatus?.({ state: 'loading', message: 'Loading the text models…', progress: 0 });
      textModelsFailed = false;
      const loading = loadBrowserModels(urls, (loaded, total) => {
        const progress = total > 0 ? Math.min(1, loaded / total) : 0;
        const percent = Math.floor(progress * 100);
        if (percent === last) return;
        last = percent;
        const message =
          percent >= 100 ? 'Preparing the text models…' : `Loading the text models… ${percent}%`;
        onStatus?.({ state: 'loading', message, progress });
      });
      textModels = loading;
      loading.catch(() => {
        if (textModels === loading) textModelsFailed = true;
      });
    }
    try {
      await textModels;
      onStatus?.({ state: 'ready', message: 'Text models ready (offline)', progress: 1 });
    } catch (e) {
      onStatus?.({ state: 'error', message: e instanceof Error ? e.message : String(e), progress: 0 });
      throw e;
    }
  },

  masksForFindings,

  /**
   * Burns the masks into a full-resolution copy and encodes a new file (no metadata). With a
   * `watermark` (text non-empty), the tiled "Copy for ..." text is burned in after the masks.
   */
  async exportImage(
    id: string,
    masks: Mask[],
    format: ImageFormat = 'png',
    watermark?: WatermarkOptions,
  ): Promise<Blob> {
    const source = pdfs.isPdfPage(id) ? await pdfs.pdfPagePixels(id) : requireImage(id);
    const burned = burnMasks(source, masks);
    return encodeImageInWorker(withWatermark(burned, watermark), format);
  },

  /**
   * A new PDF made only of the burned page pictures, in the order given (PDF pages and photos
   * alike): no text layer, no original content, no metadata but Producer/Creator "LastFour".
   */
  async exportPdf(
    pageIds: string[],
    masksByPage: Record<string, Mask[]>,
    watermark?: WatermarkOptions,
  ): Promise<Blob> {
    return pdfs.exportPdf(
      pageIds,
      masksByPage,
      (id) => images.get(id),
      (page) => withWatermark(page, watermark),
    );
  },

  /** Same-origin URLs of pdf.js's fonts, wasm and cmaps (pdfAssetUrls in engine/pdf/assets.ts). */
  configurePdf(assets: PdfAssets): void {
    pdfs.configurePdf(assets);
  },

  /**
   * Re-reads an exported file and reports card-number-like runs that are still readable. `kind` (the
   * page's kind as shown) picks the finders, as in analyze: no card-number search on an ID.
   */
  async verifyExport(file: Blob, kind?: PageKind): Promise<AnalyzeResult> {
    const { image, bitmap } = await decodeImageInWorker(file);
    bitmap.close();
    // The page's kind as shown (classified or chosen): an ID's export is not searched for card numbers.
    return analyzeImage(image, await getOcr(), { models: await currentModels(), kind });
  },

  /** Plain OCR of a whole image: the wiring check the app shell and the browser tests use. */
  async recognizeText(file: Blob): Promise<{ text: string; words: number; symbols: number }> {
    const { image, bitmap } = await decodeImageInWorker(file);
    bitmap.close();
    const page = await (await getOcr()).recognize(toGray(image), { psm: 3 });
    const words = page.lines.flatMap((l) => l.words);
    return {
      text: page.lines.map((l) => l.text.trim()).join('\n'),
      words: words.length,
      symbols: words.reduce((n, w) => n + w.symbols.length, 0),
    };
  },

  close(id: string): void {
    images.delete(id);
    pdfs.closePdf(id);
  },

  /** Drops every image held in the worker. */
  clear(): void {
    images.clear();
    pdfs.clearPdfs();
  },
};

export type EngineApi = typeof engineApi;
