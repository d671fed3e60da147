// Where text sits on a PDF page, from pdf.js's text layer and the standard fonts' metrics (pdf-lib),
// independently of the engine: browser tests check the exported PDF's pixels at those places.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { PDFPageProxy, PageViewport } from 'pdfjs-dist';

export interface PdfTextItem {
  str: string;
  /** Text matrix: font size on the diagonal, baseline origin (e, f) in PDF user space. */
  transform: number[];
  width: number;
  /** The standard font whose metrics match the item's width best (the fixtures embed none). */
  font: PDFFont;
}

/** A box in rendered page pixels. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

let fonts: Promise<PDFFont[]> | undefined;

function standardFonts(): Promise<PDFFont[]> {
  fonts ??= PDFDocument.create().then((doc) =>
    Promise.all(
      [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.Courier].map((f) =>
        doc.embedFont(f),
      ),
    ),
  );
  return fonts;
}

const sizeOf = (t: number[]) => Math.hypot(t[0], t[1]);

/** The page's unrotated text runs, each with the font that explains its width. */
export async function textItems(page: PDFPageProxy): Promise<PdfTextItem[]> {
  const candidates = await standardFonts();
  const content = await page.getTextContent();
  const out: PdfTextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || !raw.str.trim()) continue;
    const size = sizeOf(raw.transform);
    const error = (f: PDFFont) => Math.abs(f.widthOfTextAtSize(raw.str, size) - raw.width);
    const font = candidates.reduce((best, f) => (error(f) < error(best) ? f : best));
    out.push({ str: raw.str, transform: raw.transform as number[], width: raw.width, font });
  }
  return out;
}

/**
 * User-space boxes of each letter or digit of `text` (spaces and dashes skipped), in reading order,
 * from the first run that contains it. Vertically: the digit body, baseline to 0.6 em.
 */
export function findText(items: readonly PdfTextItem[], text: string): number[][] {
  const item = items.find((i) => i.str.includes(text));
  if (!item) throw new Error(`"${text}" is not on the page`);
  const at = item.str.indexOf(text);
  const size = sizeOf(item.transform);
  const [, , , , e, f] = item.transform;
  const x = (n: number) => e + item.font.widthOfTextAtSize(item.str.slice(0, n), size);
  const boxes: number[][] = [];
  for (let i = at; i < at + text.length; i++) {
    if (/[0-9A-Z]/i.test(item.str[i])) boxes.push([x(i), f + 0.05 * size, x(i + 1), f + 0.6 * size]);
  }
  return boxes;
}

/** User-space boxes to rendered pixels, each shrunk by `shrink` of its size on every side. */
export function glyphBoxes(boxes: readonly number[][], viewport: PageViewport, shrink = 0.15): PixelBox[] {
  return boxes.map((b) => {
    const [ax, ay, bx, by] = viewport.convertToViewportRectangle(b);
    const [x0, x1] = [Math.min(ax, bx), Math.max(ax, bx)];
    const [y0, y1] = [Math.min(ay, by), Math.max(ay, by)];
    const dx = (x1 - x0) * shrink;
    const dy = (y1 - y0) * shrink;
    return { x0: x0 + dx, y0: y0 + dy, x1: x1 - dx, y1: y1 - dy };
  });
}

/** Share of the box's pixels darker than `below` in every channel (60: a mask; ~160: ink). */
export function darkShare(
  img: { width: number; height: number; data: Uint8ClampedArray },
  box: PixelBox,
  below = 60,
): number {
  let dark = 0;
  let n = 0;
  for (let y = Math.max(0, Math.ceil(box.y0)); y < Math.min(img.height, Math.floor(box.y1)); y++) {
    for (let x = Math.max(0, Math.ceil(box.x0)); x < Math.min(img.width, Math.floor(box.x1)); x++) {
      const i = (y * img.width + x) * 4;
      n++;
      if (img.data[i] < below && img.data[i + 1] < below && img.data[i + 2] < below) dark++;
    }
  }
  return n ? dark / n : 0;
}
