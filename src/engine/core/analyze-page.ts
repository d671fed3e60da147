// Analysis of any page source: photos and scanned PDF pages go through OCR (analyzeImage); PDF
// pages with a text layer are read from their own text (exact, instant), plus OCR of the pictures
// painted on them. The one place the worker, the CLI and the tests analyse a page.
import { analyzeImage, masksForFindings, type AnalyzeOptions, type AnalyzeResult } from '../analyze';
import { allowedDocumentFindings, findersFor } from '../documents/page-finders';
import { chosenKind, classifyPage } from '../documents/page-kind';
import { abortableOcr } from '../ocr/abortable';
import type { OcrEngine } from '../ocr/types';
import { mergeFindings } from '../pdf/finding-overlap';
import type { ProgressCallback, RgbaImage } from '../types';
import type { PageSource } from './page-source';
import { downscaleRgba, scaleFinding, scaleTextLine, workingScale } from './working-size';

export type PageMethod = 'text' | 'ocr';

/**
 * How to read a page. 'auto': a PDF page's text when it has a text layer, plus OCR when the page
 * also paints a sizeable picture (a scanned card on a text page); OCR alone for photos and scans.
 * 'text' or 'ocr' force one path (e.g. the user asks to OCR a page whose text layer is wrong).
 */
export type PageMethodChoice = 'auto' | PageMethod;

export interface PageAnalyzeOptions extends AnalyzeOptions {
  method?: PageMethodChoice;
}

/** The main path analyzePage takes for a source in 'auto' mode. */
export const sourceMethod = (source: PageSource): PageMethod => (source.textLayer?.hasText ? 'text' : 'ocr');

/**
 * analyzeImage at the working size (working-size.ts): a picture over it is read from a downscaled
 * copy and the findings come back in the picture's own pixels. Diagnostics (a trace) read full size.
 */
export async function analyzePixels(
  image: RgbaImage,
  ocr: OcrEngine,
  options: AnalyzeOptions = {},
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  const scale = options.trace ? 1 : workingScale(image.width, image.height);
  if (scale === 1) return analyzeImage(image, ocr, options, onProgress);
  const working = downscaleRgba(image, scale);
  const r = await analyzeImage(working, ocr, options, onProgress);
  const sx = image.width / working.width;
  const sy = image.height / working.height;
  const findings = r.findings.map((f) => scaleFinding(f, sx, sy));
  return {
    ...r,
    textLines: r.textLines?.map((l) => scaleTextLine(l, sx, sy)),
    width: image.width,
    height: image.height,
    findings,
    masks: masksForFindings(findings, {}, {}, options.keep ?? 'last4'),
  };
}

/**
 * Findings, masks and page kind of one page, in the source's pixels. OCR is fetched lazily
 * (`getOcr`), so a text-only PDF page never starts Tesseract. With `options.signal`, every OCR
 * call of the job is aborted when it fires (the pool stops the running recognition) and this
 * rejects with an AbortError.
 */
export async function analyzePage(
  source: PageSource,
  getOcr: () => Promise<OcrEngine>,
  options: PageAnalyzeOptions = {},
  onProgress?: ProgressCallback,
): Promise<AnalyzeResult> {
  const method = options.method ?? 'auto';
  const keep = options.keep ?? 'last4';
  const ocrOf = async () => abortableOcr(await getOcr(), options.signal);
  if (method === 'ocr' || !source.textLayer || (method === 'auto' && !source.textLayer.hasText)) {
    return analyzePixels(await source.pixels(), await ocrOf(), options, onProgress);
  }
  const text = await source.textLayer.read();
  // The text layer's own numbers say little about the page beyond "statement" (IBANs, accounts);
  // pictures on it are classified by the OCR pass. A kind the user chose keeps only its finders.
  let findings = options.kind
    ? allowedDocumentFindings(text.findings, findersFor(options.kind))
    : text.findings;
  let pageKind = options.kind
    ? chosenKind(options.kind)
    : classifyPage({
        width: source.width,
        height: source.height,
        textLines: 0,
        mrzRows: 0,
        cardNumbers: [],
        securityCode: false,
        barcodes: [],
        pageFindings: findings.map((f) => f.kind),
      });
  if (method === 'auto' && text.hasPictures) {
    onProgress?.({ stage: 'ocr', progress: 0, message: 'Reading the pictures on this page' });
    const ocr = await analyzePixels(await source.pixels(), await ocrOf(), options, onProgress);
    findings = mergeFindings(findings, ocr.findings);
    if (pageKind.kind === 'other' && ocr.pageKind) pageKind = ocr.pageKind;
  }
  onProgress?.({ stage: 'detect', progress: 1, message: `${findings.length} finding(s)` });
  return {
    width: source.width,
    height: source.height,
    findings,
    masks: masksForFindings(findings, {}, {}, keep),
    pageKind,
  };
}
