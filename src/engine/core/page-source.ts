// Page sources: what the pipeline reads. A photo (any decoded format, HEIC included) is one page
// of pixels; a PDF page is pixels drawn on demand plus, when it has one, its own text layer. Input
// formats end here: everything after (analyze -> masks -> render -> encode) is one pipeline.
import type { PdfDocument, TextPageReading } from '../pdf/pdf-document';
import { PDF_RENDER_DPI } from '../pdf/limits';
import type { RgbaImage } from '../types';

export interface PageSource {
  /** Upright size in source pixels. */
  readonly width: number;
  readonly height: number;
  /** The upright full-resolution pixels (a PDF page is rendered again if it left the cache). */
  pixels(): Promise<RgbaImage>;
  /** Printed size in points, for a PDF export; photos print at the PDF render resolution. */
  readonly printSize: { widthPt: number; heightPt: number };
  /** A PDF page's text layer; with `hasText` its findings come from the text, not from OCR. */
  readonly textLayer?: { hasText: boolean; read(): Promise<TextPageReading> };
}

/** A decoded photo as a page. */
export function imageSource(image: RgbaImage): PageSource {
  const pt = 72 / PDF_RENDER_DPI;
  return {
    width: image.width,
    height: image.height,
    pixels: async () => image,
    printSize: { widthPt: image.width * pt, heightPt: image.height * pt },
  };
}

/** Page `index` (0-based) of an open PDF as a page. */
export function pdfPageSource(doc: PdfDocument, index: number): PageSource {
  const info = doc.page(index);
  return {
    width: info.width,
    height: info.height,
    pixels: () => doc.render(index),
    printSize: { widthPt: info.widthPt, heightPt: info.heightPt },
    textLayer: { hasText: info.hasText, read: () => doc.textFindings(index) },
  };
}
