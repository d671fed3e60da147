// PDF pages through the core pipeline, for Node callers (CLI, tests, benchmarks) that hold a
// PdfDocument. (Moved here from engine/pdf/: a PDF is a page source; analysis is the core's.)
import type { AnalyzeResult } from '../analyze';
import type { OcrEngine } from '../ocr/types';
import type { PdfDocument } from '../pdf/pdf-document';
import type { Mask, ProgressCallback } from '../types';
import { analyzePage, sourceMethod, type PageAnalyzeOptions, type PageMethod } from './analyze-page';
import { pdfPageSource } from './page-source';
import { pagesAsPdf, type Finish } from './render';

export type { PageMethod, PageMethodChoice } from './analyze-page';
export type PdfAnalyzeOptions = PageAnalyzeOptions;

/** The main path analyzePdfPage takes for a page in 'auto' mode. */
export const pageMethod = (doc: PdfDocument, index: number): PageMethod =>
  sourceMethod(pdfPageSource(doc, index));

/** analyzePage for page `index` (0-based) of an open PDF. */
export function analyzePdfPage(
  doc: PdfDocument,
  index: number,
  getOcr: () => Promise<OcrEngine>,
  options: PageAnalyzeOptions = {},
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  return analyzePage(pdfPageSource(doc, index), getOcr, options, onProgress);
}

/** A new PDF of the given pages, each burned with its masks (see pagesAsPdf). */
export function exportRedactedPdf(
  doc: PdfDocument,
  pages: readonly { index: number; masks: readonly Mask[] }[],
  finish?: Finish,
): Promise<Uint8Array> {
  return pagesAsPdf(
    pages.map((p) => ({ source: pdfPageSource(doc, p.index), masks: p.masks })),
    finish,
  );
}
