// The engine core: open pages (photos and PDF pages as page sources), analysis jobs that can be
// cancelled, and exports. The browser worker (worker/api.ts) and the CLI (cli/main.ts) both drive
// this one object; they differ only in their platform (decoders, encoder, text painter, pdf.js).
import type { AnalyzeResult } from '../analyze';
import { InputError } from '../errors';
import { compositeOntoWhite } from '../image/onto-white';
import type { OcrEngine } from '../ocr/types';
import { PdfDocument, type PdfPageInfo } from '../pdf/pdf-document';
import type { PdfPlatform } from '../pdf/platform';
import type { ImageFormat, JobProgressCallback, Mask, Progress, RgbaImage } from '../types';
import type { TextPainter, WatermarkOptions } from '../watermark/watermark';
import { analyzePage, type PageAnalyzeOptions } from './analyze-page';
import { JobRegistry } from './jobs';
import { imageSource, pdfPageSource, type PageSource } from './page-source';
import { pagesAsPdf, renderPage, watermarkFinish } from './render';

/** What differs between the browser worker and Node. */
export interface CorePlatform<Encoded> {
  /** pdf.js set up for this platform (loaded on first use). */
  pdf(): Promise<PdfPlatform>;
  /** A brand-new file of the pixels, no metadata. */
  encode(image: RgbaImage, format: ImageFormat): Promise<Encoded>;
  /** Rasterises the watermark's text. */
  painter(): TextPainter;
}

export interface OpenedPdfPages {
  doc: PdfDocument;
  /** Page ids `${fileId}#${n}` (n from 1) with their info. */
  pages: { id: string; info: PdfPageInfo }[];
}

export class EngineCore<Encoded> {
  private readonly pages = new Map<string, { fileId: string; source: PageSource }>();
  private readonly docs = new Map<string, PdfDocument>();
  readonly jobs = new JobRegistry();

  constructor(
    private readonly platform: CorePlatform<Encoded>,
    private readonly getOcr: () => Promise<OcrEngine>,
  ) {}

  /** Keeps a decoded photo as page `fileId`. */
  addImage(fileId: string, image: RgbaImage): PageSource {
    this.close(fileId);
    const source = imageSource(image);
    this.pages.set(fileId, { fileId, source });
    return source;
  }

  /**
   * Opens a PDF; its pages become `${fileId}#${n}`. Throws PdfInputError (password, damaged, too
   * many pages); nothing is kept on failure.
   */
  async openPdf(fileId: string, bytes: Uint8Array, password?: string): Promise<OpenedPdfPages> {
    const doc = await PdfDocument.open(await this.platform.pdf(), bytes, password);
    this.close(fileId);
    this.docs.set(fileId, doc);
    const pages = doc.pages.map((info) => {
      const id = `${fileId}#${info.index + 1}`;
      this.pages.set(id, { fileId, source: pdfPageSource(doc, info.index) });
      return { id, info };
    });
    return { doc, pages };
  }

  isOpen(id: string): boolean {
    return this.pages.has(id);
  }

  /** The page source of an open page; InputError 'not-open' otherwise. */
  source(id: string): PageSource {
    const page = this.pages.get(id);
    if (!page) throw new InputError('not-open');
    return page.source;
  }

  /**
   * Analyses page `id` as job `jobId` (a fresh id when omitted). cancel(jobId), close(id) and
   * clear() stop it: OCR stops mid-recognition and this rejects with an AbortError. Every progress
   * report carries `jobId`.
   */
  analyze(
    id: string,
    options: Omit<PageAnalyzeOptions, 'signal'> = {},
    onProgress?: JobProgressCallback,
    jobId = this.jobs.newId(),
  ): Promise<AnalyzeResult> {
    const source = this.source(id);
    const report = onProgress && ((p: Progress) => onProgress({ ...p, jobId }));
    return this.jobs.run(jobId, id, (signal) =>
      analyzePage(source, this.getOcr, { ...options, signal }, report),
    );
  }

  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  /**
   * The page burned with its masks (and watermark), encoded as a new file. `lastUse` (a photo
   * exported once, as the CLI does): the page is burned in place and closed, sparing a full-size copy.
   */
  async exportImage(
    id: string,
    masks: readonly Mask[],
    format: ImageFormat,
    watermark?: WatermarkOptions,
    lastUse = false,
  ): Promise<Encoded> {
    const finish = watermarkFinish(watermark, () => this.platform.painter());
    const source = this.source(id);
    // PDF pages are re-rendered from a cache: never burned in place.
    const inPlace = lastUse && !source.textLayer;
    if (lastUse) this.close(id);
    const page = await renderPage(source, masks, finish, inPlace);
    // The rendered page is this export's own copy (or the closed source's pixels): JPEG has no alpha,
    // so transparent corners go onto white here rather than black in the encoder (onto-white.ts).
    return this.platform.encode(format === 'jpeg' ? compositeOntoWhite(page) : page, format);
  }

  /** One new PDF of the given pages in order (PDF pages and photos alike), page pictures only. */
  exportPdf(
    pageIds: readonly string[],
    masksByPage: Record<string, readonly Mask[]>,
    watermark?: WatermarkOptions,
  ): Promise<Uint8Array> {
    const pages = pageIds.map((id) => ({ source: this.source(id), masks: masksByPage[id] ?? [] }));
    return pagesAsPdf(
      pages,
      watermarkFinish(watermark, () => this.platform.painter()),
    );
  }

  /** Forgets a page (a PDF closes with its last page) or a whole file; stops their jobs. */
  close(id: string): void {
    const doc = this.docs.get(id);
    const ids = doc ? [...this.pages].filter(([, p]) => p.fileId === id).map(([pid]) => pid) : [id];
    this.jobs.cancelPages(ids);
    const fileId = this.pages.get(ids[0] ?? '')?.fileId ?? id;
    for (const pid of ids) this.pages.delete(pid);
    const pdf = this.docs.get(fileId);
    if (pdf && ![...this.pages.values()].some((p) => p.fileId === fileId)) {
      this.docs.delete(fileId);
      void pdf.close().catch(() => undefined);
    }
  }

  /** Stops every job and drops every page. */
  clear(): void {
    this.jobs.cancelAll();
    this.pages.clear();
    for (const doc of this.docs.values()) void doc.close().catch(() => undefined);
    this.docs.clear();
  }
}
