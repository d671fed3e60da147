// How big a PDF page is rendered: 200 dpi, but never more than MAX_PAGE_PIXELS or MAX_PAGE_SIDE
// (posters, engineering drawings), and tiny pages (a card-sized PDF) are enlarged so OCR has pixels.
import { MAX_PAGE_PIXELS, MAX_PAGE_SIDE, MIN_PAGE_SIDE, PDF_RENDER_DPI } from './limits';

export interface PageScale {
  /** Pixels per PDF point (1/72 in). */
  scale: number;
  width: number;
  height: number;
  /** Effective resolution, for the label when it differs from PDF_RENDER_DPI. */
  dpi: number;
}

/** Undefined when the page has no usable size (degenerate or absurd MediaBox). */
export function pageScale(widthPt: number, heightPt: number): PageScale | undefined {
  if (!(widthPt >= 1 && heightPt >= 1) || !Number.isFinite(widthPt * heightPt)) return undefined;
  let scale = PDF_RENDER_DPI / 72;
  const longest = Math.max(widthPt, heightPt);
  if (longest * scale < MIN_PAGE_SIDE) scale = MIN_PAGE_SIDE / longest;
  scale = Math.min(scale, Math.sqrt(MAX_PAGE_PIXELS / (widthPt * heightPt)), MAX_PAGE_SIDE / longest);
  const width = Math.max(1, Math.round(widthPt * scale));
  const height = Math.max(1, Math.round(heightPt * scale));
  // A sliver page (e.g. 1 pt × 5000 pt) would come out a few pixels wide: nothing to review.
  if (Math.min(width, height) < 8) return undefined;
  return { scale, width, height, dpi: Math.round(scale * 72) };
}
