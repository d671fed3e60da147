// The browser worker's open PDFs: page ids `${fileId}#${n}` (n from 1) map to a page of a
// PdfDocument. engine/worker/api.ts delegates to this, so the PDF logic stays out of the API file.
import type { AnalyzeResult } from '../analyze';
import { burnMasks } from '../burn/burn';
import type { OcrEngine } from '../ocr/types';
import type { Mask, ProgressCallback, RgbaImage } from '../types';
import { ImagePdfWriter } from './build-pdf';
import { PdfDocument } from './pdf-document';
import { analyzePdfPage, type PdfAnalyzeOptions } from './pdf-pages';
import { PDF_RENDER_DPI } from './limits';
import { checkAssets, type PdfAssets, type PdfPlatform } from './platform';
import { pdfAssetUrls } from './assets';

export interface OpenedPdfPage {
  id: string;
  width: number;
  height: number;
  bitmap: ImageBitmap;
  label: string;
}

export interface OpenedPdf {
  pages: OpenedPdfPage[];
  /** Pages left out and why (damaged page, unusable page size). */
  notes: string[];
}

let assets: PdfAssets | undefined;
let platform: Promise<PdfPlatform> | undefined;
const docs = new Map<string, PdfDocument>();
const pages = new Map<string, { fileId: string; index: number }>();

/** Same-origin folders for pdf.js's fonts, wasm and cmaps (see assets.ts). */
export function configurePdf(a: PdfAssets): void {
  assets = checkAssets(a);
  platform = undefined;
}

function getPlatform(): Promise<PdfPlatform> {
  // Unconfigured: assume the production layout, pdfjs/ next to index.html, one level above the
  // worker chunk in assets/. The app should call configurePdf (dev serves the worker elsewhere).
  assets ??= pdfAssetUrls(new URL('../', self.location.href));
  const a = assets;
  platform ??= import('./platform-worker').then((m) => m.createWorkerPdfPlatform(a));
  platform.catch(() => (platform = undefined));
  return platform;
}

export const isPdfPage = (id: string) => pages.has(id);

function pageRef(id: string): { doc: PdfDocument; index: number } {
  const ref = pages.get(id);
  const doc = ref && docs.get(ref.fileId);
  if (!ref || !doc) throw new Error(`PDF page ${id} is not open.`);
  return { doc, index: ref.index };
}

/**
 * Opens a PDF and renders every page at ~200 dpi for the editor. Throws PasswordRequiredError /
 * WrongPasswordError (retry with the password) or PdfInputError; nothing is kept on failure.
 */
export async function openPdf(
  fileId: string,
  file: Blob,
  password?: string,
  onProgress?: ProgressCallback,
): Promise<OpenedPdf> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const doc = await PdfDocument.open(await getPlatform(), bytes, password);
  closePdf(fileId);
  docs.set(fileId, doc);
  const out: OpenedPdfPage[] = [];
  try {
    for (const [i, info] of doc.pages.entries()) {
      onProgress?.({ stage: 'decode', progress: i / doc.pages.length, message: `Rendering ${info.label}` });
      const image = await doc.render(info.index);
      const bitmap = await createImageBitmap(
        new ImageData(new Uint8ClampedArray(image.data), image.width, image.height),
      );
      const id = `${fileId}#${info.index + 1}`;
      pages.set(id, { fileId, index: info.index });
      out.push({ id, width: image.width, height: image.height, bitmap, label: info.label });
    }
  } catch (e) {
    for (const p of out) p.bitmap.close();
    closePdf(fileId);
    throw e;
  }
  return { pages: out, notes: doc.notes };
}

export function analyzePdf(
  id: string,
  getOcr: () => Promise<OcrEngine>,
  options: PdfAnalyzeOptions,
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  const { doc, index } = pageRef(id);
  return analyzePdfPage(doc, index, getOcr, options, onProgress);
}

/** The page's pixels (re-rendered if they left the small cache). */
export function pdfPagePixels(id: string): Promise<RgbaImage> {
  const { doc, index } = pageRef(id);
  return doc.render(index);
}

/**
 * One new PDF of the given pages in order, each burned with masksByPage[id]. Photo pages (ids that
 * are not PDF pages) are included too, through `imageOf`, printed at 200 dpi. `finish` runs on each
 * burned page before it is written (the watermark for ID copies).
 */
export async function exportPdf(
  pageIds: readonly string[],
  masksByPage: Record<string, readonly Mask[]>,
  imageOf: (id: string) => RgbaImage | undefined,
  finish: (page: RgbaImage) => RgbaImage = (page) => page,
): Promise<Blob> {
  const writer = await ImagePdfWriter.create();
  for (const id of pageIds) {
    const masks = masksByPage[id] ?? [];
    if (pages.has(id)) {
      const { doc, index } = pageRef(id);
      const info = doc.page(index);
      await writer.addPage({
        image: finish(burnMasks(await doc.render(index), masks)),
        widthPt: info.widthPt,
        heightPt: info.heightPt,
      });
    } else {
      const img = imageOf(id);
      if (!img) throw new Error(`Page ${id} is not open.`);
      const pt = 72 / PDF_RENDER_DPI;
      await writer.addPage({
        image: finish(burnMasks(img, masks)),
        widthPt: img.width * pt,
        heightPt: img.height * pt,
      });
    }
  }
  const bytes = await writer.save();
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

/** Closes a whole PDF (by file id) or forgets one page (by page id). */
export function closePdf(id: string): void {
  const doc = docs.get(id);
  if (doc) {
    docs.delete(id);
    for (const [pid, ref] of pages) if (ref.fileId === id) pages.delete(pid);
    void doc.close().catch(() => undefined);
    return;
  }
  const ref = pages.get(id);
  if (!ref) return;
  pages.delete(id);
  if (![...pages.values()].some((p) => p.fileId === ref.fileId)) closePdf(ref.fileId);
}

export function clearPdfs(): void {
  for (const id of [...docs.keys()]) closePdf(id);
}
