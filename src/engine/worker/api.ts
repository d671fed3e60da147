// The engine as the browser sees it: one object whose methods run inside a dedicated Web Worker.
// The app imports only `type EngineApi`, so none of this code lands in the main bundle (Squoosh's
// worker-bridge pattern). Images live here, in worker memory only: never in storage of any kind.
// The pipeline itself is the engine core's (core/engine-core.ts), shared with the CLI; this file
// adds the browser's decoders and bitmaps. Every failure crosses as { code, message, params }.
import * as Comlink from 'comlink';
import { masksForFindings, type AnalyzeResult } from '../analyze';
import { analyzePage, type PageAnalyzeOptions } from '../core/analyze-page';
import { EngineCore } from '../core/engine-core';
import type { JobRecord } from '../core/jobs';
import { imageSource } from '../core/page-source';
import type { BarcodeReader } from '../documents/barcode';
import { IDENTITY_KINDS, type PageKind } from '../documents/page-kinds';
import { createZxingReader } from '../documents/zxing';
import type { EngineErrorCode } from '../error-codes';
import { toEngineFailure } from '../errors';
import { findingsFromStroke, type NumberStroke, type StrokeResult } from '../detect/number-stroke';
import { checkExport, checkReaders, type Leak, type Reader } from '../detect/leak-check';
import { replacedByStroke } from '../detect/stroke-overlap';
import { largestCanvas } from '../image/canvas-limit';
import { toGray } from '../image/gray';
import { createTesseractOcr, type TesseractAssets, type TesseractPool } from '../ocr/tesseract';
import type { TextModels } from '../learned/models';
import type { PdfAssets } from '../pdf/platform';
import { deviceMemoryBudget } from '../memory-budget';
import { looksLikePdf } from '../pdf/sniff-pdf';
import { configurePdf, workerPdfPlatform } from '../pdf/worker-pdfs';
import { decodeImageInWorker, encodeImageInWorker } from '../platform/worker';
import type { Finding, ImageFormat, JobProgressCallback, Mask, ProgressCallback } from '../types';
import { workerTextPainter } from '../watermark/painter-worker';
import type { WatermarkOptions } from '../watermark/watermark';
import type { TextModelUrls } from './model-assets';
import { loadBrowserModels } from './models-browser';

export type OcrStatusCallback = (status: {
  state: 'loading' | 'ready' | 'error';
  message: string;
  progress: number;
  /** Why loading failed ('ocr-assets-missing', 'model-missing'...), with state 'error'. */
  code?: EngineErrorCode;
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

let ocrPromise: Promise<TesseractPool> | undefined;
let ocrAssets: TesseractAssets | undefined;
let ocrWorkers = 1;
// Barcode (PDF417/QR) detection on IDs; off until startBarcodes gives a same-origin wasm URL.
let barcodeReader: Promise<BarcodeReader> | undefined;
// The learned text stage (PP-OCR through onnxruntime-web); off until startModels gives same-origin URLs.
let textModels: Promise<TextModels> | undefined;
let textModelsFailed = false;
// What one photo's pixels may take (bytes; setDeviceMemory); no budget until the app gives one.
let memoryBudget: number | undefined;

/** The loaded text models; undefined (Tesseract alone) when not started or when loading failed. */
const currentModels = (): Promise<TextModels | undefined> =>
  textModels?.catch(() => undefined) ?? Promise.resolve(undefined);

function getOcr(): Promise<TesseractPool> {
  if (!ocrPromise) {
    if (!ocrAssets) throw new Error('OCR assets were not configured: call startOcr first.');
    ocrPromise = createTesseractOcr({ ...ocrAssets, workers: ocrWorkers });
    // A failed start must not poison later attempts (e.g. after the user retries).
    ocrPromise.catch(() => {
      ocrPromise = undefined;
    });
  }
  return ocrPromise;
}

const core = new EngineCore<Blob>(
  {
    pdf: workerPdfPlatform,
    encode: (image, format) => encodeImageInWorker(image, format),
    painter: workerTextPainter,
  },
  getOcr,
);

/** The status callback's words for a failed start, from the one error table. */
function failedStatus(e: unknown): Parameters<OcrStatusCallback>[0] {
  const f = toEngineFailure(e);
  // The app words a failed start itself around the detail ("Text models could not be loaded (...)").
  return { state: 'error', message: f.params?.detail ?? f.message, progress: 0, code: f.code };
}

export const engineApi = {
  /**
   * Loads tesseract.js from the given same-origin paths; resolves when OCR is ready. `workers` is the
   * pool size (ocrPoolSize from the device; 1 by default).
   */
  async startOcr(assets: TesseractAssets, onStatus?: OcrStatusCallback, workers?: number): Promise<void> {
    const size = Math.max(1, workers ?? ocrWorkers);
    if ((ocrAssets && JSON.stringify(ocrAssets) !== JSON.stringify(assets)) || size !== ocrWorkers) {
      const previous = ocrPromise;
      ocrPromise = undefined;
      void previous?.then((o) => o.terminate()).catch(() => undefined);
    }
    ocrAssets = assets;
    ocrWorkers = size;
    onStatus?.({ state: 'loading', message: 'Loading the OCR engine…', progress: 0 });
    try {
      await getOcr();
      onStatus?.({ state: 'ready', message: 'OCR engine ready (offline)', progress: 1 });
    } catch (e) {
      onStatus?.(failedStatus(e));
      throw e;
    }
  },

  /**
   * The device's memory as the browser reports it (navigator.deviceMemory, GB): a photo whose pixels
   * cannot fit in half of it is refused by open as 'out-of-memory' (see deviceMemoryBudget).
   */
  setDeviceMemory(memoryGb: number | undefined): void {
    memoryBudget = deviceMemoryBudget(memoryGb);
  },

  /**
   * Decodes a file (EXIF orientation applied) and keeps its pixels in worker memory. Page ids are
   * `${fileId}` for a photo and `${fileId}#${n}` for page n of a PDF. Bad input fails with its code
   * (file-empty, truncated, too-large, pdf-password...). For 'pdf-password' / 'pdf-wrong-password'
   * ask for the password and call open again with it.
   */
  async open(
    fileId: string,
    file: Blob,
    password?: string,
    onProgress?: ProgressCallback,
  ): Promise<OpenedFile> {
    if (looksLikePdf(new Uint8Array(await file.slice(0, 1024).arrayBuffer()))) {
      const { doc, pages } = await core.openPdf(fileId, new Uint8Array(await file.arrayBuffer()), password);
      const out: OpenedPage[] = [];
      try {
        for (const [i, { id, info }] of pages.entries()) {
          onProgress?.({ stage: 'decode', progress: i / pages.length, message: `Rendering ${info.label}` });
          const image = await doc.render(info.index);
          const bitmap = await createImageBitmap(
            new ImageData(new Uint8ClampedArray(image.data), image.width, image.height),
          );
          out.push({ id, width: image.width, height: image.height, bitmap, label: info.label });
        }
      } catch (e) {
        for (const p of out) p.bitmap.close();
        core.close(fileId);
        throw e;
      }
      return Comlink.transfer(
        { kind: 'pdf', pages: out, notes: doc.notes },
        out.map((p) => p.bitmap),
      );
    }
    const { image, bitmap } = await decodeImageInWorker(file, memoryBudget);
    core.addImage(fileId, image);
    const page: OpenedPage = { id: fileId, width: image.width, height: image.height, bitmap, label: '' };
    return Comlink.transfer({ kind: 'image', pages: [page] }, [bitmap]);
  },

  /**
   * Finds the page's sensitive numbers. `jobId` names the job so cancel(jobId) can stop it (a new
   * analysis under the same id replaces the old); close(id) and clear() stop it too. A stopped job
   * fails with code 'cancelled'. Progress reports carry the job's id.
   */
  async analyze(
    id: string,
    options: Omit<PageAnalyzeOptions, 'signal'>,
    onProgress?: JobProgressCallback,
    jobId?: string,
  ): Promise<AnalyzeResult> {
    const barcodes = await barcodeReader?.catch(() => undefined);
    // Every page, photos and PDF pages alike, is read with the text models once they are loaded.
    const models = await currentModels();
    const opts = { ...options, models, documents: { ...options.documents, barcodes } };
    return core.analyze(id, opts, onProgress, jobId);
  },

  /** The largest canvas this worker has allocated (pixels; at most MAX_CANVAS_PIXELS by design). */
  largestCanvas(): { width: number; height: number; pixels: number } {
    return largestCanvas();
  },

  /** Stops job `jobId` (OCR included; a busy tesseract worker is replaced). True if it was running. */
  cancel(jobId: string): boolean {
    return core.cancel(jobId);
  },

  /** The recent jobs and how they ended, and how many OCR workers were ended mid-read and replaced. */
  async jobs(): Promise<{ jobs: JobRecord[]; ocrWorkers: number; ocrRestarts: number }> {
    const pool = await ocrPromise?.catch(() => undefined);
    return { jobs: core.jobs.list(), ocrWorkers: pool?.size ?? 0, ocrRestarts: pool?.restarts ?? 0 };
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
      onStatus?.(failedStatus(e));
      throw e;
    }
  },

  masksForFindings,

  /**
   * The number tool: a card-number finding along the user's stroke, from the first digit's centre to
   * the last one's (source pixels of the page), read with both readers; plus the small repeat of its
   * first four when one is printed under it. `findingId` names the new finding; `replaces` lists the
   * ids of the page's `findings` that are numbers on the same print (see replacedByStroke).
   */
  async markNumber(
    id: string,
    stroke: NumberStroke,
    findingId: string,
    findings: readonly Finding[] = [],
  ): Promise<StrokeResult & { replaces: string[] }> {
    const image = await core.source(id).pixels();
    const [ocr, models] = await Promise.all([getOcr(), currentModels()]);
    const result = await findingsFromStroke(toGray(image), stroke, {
      ocr,
      models,
      color: image,
      id: findingId,
    });
    const replaces = result.findings.length ? replacedByStroke(result.findings[0], findings) : [];
    return { ...result, replaces: replaces.map((f) => f.id) };
  },

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
    return core.exportImage(id, masks, format, watermark);
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
    const bytes = await core.exportPdf(pageIds, masksByPage, watermark);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  },

  /** Same-origin URLs of pdf.js's fonts, wasm and cmaps (pdfAssetUrls in engine/pdf/assets.ts). */
  configurePdf(assets: PdfAssets): void {
    configurePdf(assets);
  },

  /**
   * Re-reads an exported file and reports card-number-like runs that are still readable. `kind` (the
   * page's kind as shown) picks the finders, as in analyze: no card-number search on an ID. `leaks`
   * come from the independent check (detect/leak-check.ts): the reader that did not produce the
   * page's `findings` (each records its reader; `producedBy`, the page's own reader, where none does)
   * reads the export's lines for numbers in card layout; both readers when the numbers came from
   * both. The card numbers' `glyphs` (source pixels, the export's) give the page's way up, so lines
   * that run with it are read that way only (see pageWayUp). `checkedBy` is the first of them,
   * `checkedByAll` every one. `repairs`: the leaks read as whole card numbers, as card-number
   * findings over their glyphs (source pixels), for the page to mask (see ExportCheck.repairs).
   */
  async verifyExport(
    file: Blob,
    kind?: PageKind,
    producedBy: Reader = 'learned',
    findings: readonly (Pick<Finding, 'kind' | 'reader'> & Partial<Pick<Finding, 'glyphs'>>)[] = [],
  ): Promise<
    AnalyzeResult & { leaks: Leak[]; repairs: Finding[]; checkedBy: Reader; checkedByAll: Reader[] }
  > {
    const { image, bitmap } = await decodeImageInWorker(file);
    bitmap.close();
    const models = await currentModels();
    // The page's kind as shown (classified or chosen): an ID's export is not searched for card numbers.
    const result = await analyzePage(imageSource(image), getOcr, { models, kind });
    const check =
      kind && IDENTITY_KINDS.has(kind)
        ? { ...checkReaders(findings, producedBy, !!models), leaks: [], repairs: [] }
        : await checkExport(image, findings, {
            ocr: await getOcr(),
            models,
            primary: producedBy,
            // The export was just analysed: its own lines, not a second detector run.
            lines: result.textLines?.length ? result.textLines : undefined,
          });
    return {
      ...result,
      leaks: check.leaks,
      repairs: check.repairs.map((r) => r.finding),
      checkedBy: check.readers[0],
      checkedByAll: check.readers,
    };
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

  /** Forgets a page or a whole file and stops its jobs. */
  close(id: string): void {
    core.close(id);
  },

  /** Stops every job and drops every image held in the worker. */
  clear(): void {
    core.clear();
  },
};

/**
 * Every method's failure as plain `{ code, message, params }` data (see error-codes.ts): Comlink
 * passes plain values through unchanged, where an Error would lose everything but name and message.
 */
function failuresAsData<T extends Record<string, unknown>>(api: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api)) {
    out[name] =
      typeof fn !== 'function'
        ? fn
        : (...args: unknown[]) => {
            try {
              const r = (fn as (...a: unknown[]) => unknown).apply(api, args);
              return r instanceof Promise
                ? r.catch((e: unknown) => {
                    throw toEngineFailure(e);
                  })
                : r;
            } catch (e) {
              throw toEngineFailure(e);
            }
          };
  }
  return out as T;
}

/** What entry.ts exposes to the app. */
export const exposedEngineApi = failuresAsData(engineApi);

export type EngineApi = typeof engineApi;
