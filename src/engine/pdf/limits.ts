// PDF input limits. Every page becomes a picture the user reviews: the editor holds one full-size
// bitmap per page (an A4 page at 200 dpi is 1654×2339 = 3.9 MP = 15.5 MB of RGBA), so the page
// count, not the file size, is what can exhaust a tab.

/** Resolution pages are rendered at: digits of 8 pt print come out ~22 px tall, plenty for OCR. */
export const PDF_RENDER_DPI = 200;

/**
 * Pages opened from one PDF. 30 A4 pages at 200 dpi are ~470 MB of bitmaps in the editor, about
 * what a phone browser tolerates; bank statements are rarely longer.
 */
export const MAX_PDF_PAGES = 30;

/** Pixels per rendered page: A3 still gets 200 dpi (15.5 MP); bigger pages get a lower dpi. */
export const MAX_PAGE_PIXELS = 16_000_000;

/** Longest side of a rendered page (canvas limits in browsers start at 16384). */
export const MAX_PAGE_SIDE = 8_192;

/** Tiny pages (a card-sized PDF) are rendered up to this longest side so OCR has enough pixels. */
export const MIN_PAGE_SIDE = 1_200;

/** Rendered pages the worker keeps in memory; others are re-rendered (identically) when needed. */
export const PAGE_CACHE_SIZE = 3;

/** Fewer printable characters than this in a page's text layer: the page is a scan, use OCR. */
export const MIN_TEXT_CHARS = 16;
