// Analysis and export of PDF pages, shared by the browser worker and the CLI. Text pages are
// analysed from the PDF's own text (exact, instant, no OCR needed); scanned pages go through the
// same OCR pipeline as photos.
import { analyzeImage, masksForFindings, type AnalyzeOptions, type AnalyzeResult } from '../analyze';
import { burnMasks } from '../burn/burn';
import { allowedDocumentFindings, findersFor } from '../documents/page-finders';
import { chosenKind, classifyPage } from '../documents/page-kind';
import type { OcrEngine } from '../ocr/types';
import type { Mask, ProgressCallback, RgbaImage } from '../types';
import { mergeFindings } from './finding-overlap';
import { ImagePdfWriter } from './build-pdf';
import type { PdfDocument } from './pdf-document';

export type PageMethod = 'text' | 'ocr';

/**
 * How to read a PDF page. 'auto': the PDF's text when it has a text layer, plus OCR when the page
 * also paints a sizeable picture (a scanned card on a text page); OCR alone for scans. 'text' or
 * 'ocr' force one path (e.g. the user asks to OCR a page whose text layer is wrong).
 */
export type PageMethodChoice = 'auto' | PageMethod;

export interface PdfAnalyzeOptions extends AnalyzeOptions {
  method?: PageMethodChoice;
}

/** The main path analyzePdfPage takes for a page in 'auto' mode. */
export const pageMethod = (doc: PdfDocument, index: number): PageMethod =>
  doc.page(index).hasText ? 'text' : 'ocr';

export async function analyzePdfPage(
  doc: PdfDocument,
  index: number,
  getOcr: () => Promise<OcrEngine>,
  options: PdfAnalyzeOptions = {},
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  const info = doc.page(index);
  const method = options.method ?? 'auto';
  const keep = options.keep ?? 'last4';
  if (method === 'ocr' || (method === 'auto' && !info.hasText)) {
    return analyzeImage(await doc.render(index), await getOcr(), options, onProgress);
  }
  const text = await doc.textFindings(index);
  // The text layer's own numbers say little about the page beyond "statement" (IBANs, accounts);
  // pictures on it are classified by the OCR pass. A kind the user chose keeps only its finders.
  let findings = options.kind
    ? allowedDocumentFindings(text.findings, findersFor(options.kind))
    : text.findings;
  let pageKind = options.kind
    ? chosenKind(options.kind)
    : classifyPage({
        width: info.width,
        height: info.height,
        textLines: 0,
        mrzRows: 0,
        cardNumbers: [],
        securityCode: false,
        barcodes: [],
        pageFindings: findings.map((f) => f.kind),
      });
  if (method === 'auto' && text.hasPictures) {
    onProgress?.({ stage: 'ocr', progress: 0, message: 'Reading the pictures on this page' });
    const ocr = await analyzeImage(await doc.render(index), await getOcr(), options, onProgress);
    findings = mergeFindings(findings, ocr.findings);
    if (pageKind.kind === 'other' && ocr.pageKind) pageKind = ocr.pageKind;
  }
  onProgress?.({ stage: 'detect', progress: 1, message: `${findings.length} finding(s)` });
  return {
    width: info.width,
    height: info.height,
    findings,
    masks: masksForFindings(findings, {}, {}, keep),
    pageKind,
  };
}

/**
 * A new PDF of the given pages, each burned with its masks (missing entry: no masks). Pages are
 * rendered and burned one at a time, so memory holds one page picture plus the compressed output.
 */
export async function exportRedactedPdf(
  doc: PdfDocument,
  pages: readonly { index: number; masks: readonly Mask[] }[],
  finish: (page: RgbaImage) => RgbaImage = (page) => page,
): Promise<Uint8Array> {
  const writer = await ImagePdfWriter.create();
  for (const { index, masks } of pages) {
    const info = doc.page(index);
    await writer.addPage({
      image: finish(burnMasks(await doc.render(index), masks)),
      widthPt: info.widthPt,
      heightPt: info.heightPt,
    });
  }
  return writer.save();
}
