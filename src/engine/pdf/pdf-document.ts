// An open PDF in engine memory: its pages as reviewable pictures plus, for text pages, findings
// from the PDF's own text. Rendered pixels are cached for a few pages only and re-rendered on
// demand (rendering is deterministic, so masks drawn on an earlier render still line up).
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { InputError } from '../errors';
import type { Finding, RgbaImage } from '../types';
import { PasswordRequiredError, PdfInputError, WrongPasswordError } from './errors';
import { MAX_PDF_PAGES, MIN_TEXT_CHARS, PAGE_CACHE_SIZE, PDF_RENDER_DPI } from './limits';
import { pageScale } from './page-geometry';
import type { PdfPlatform } from './platform';
import { findingsFromText } from './text-findings';
import { fontWidths } from './font-widths';
import { layoutText, textLayerUsable, type PdfTextItem, type PdfTextStyle } from './text-layout';

export interface PdfPageInfo {
  /** 0-based index in the PDF. */
  index: number;
  width: number;
  height: number;
  /** Page size in PDF points with /Rotate applied: the redacted PDF keeps the printed size. */
  widthPt: number;
  heightPt: number;
  scale: number;
  dpi: number;
  /** e.g. "page 2 of 5", with a note when the resolution had to change. */
  label: string;
  /** True when the page has a usable text layer (findings come from it); false for a scan (OCR). */
  hasText: boolean;
}

function mapOpenError(e: unknown): Error {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === 'PasswordException')
    return err.code === 2 ? new WrongPasswordError() : new PasswordRequiredError();
  if (err?.name === 'InvalidPDFException') return new PdfInputError('pdf-damaged');
  return new PdfInputError('pdf-damaged', { detail: err?.message });
}

export interface TextPageReading {
  findings: Finding[];
  /** The page also paints a sizeable picture (a scanned card, a cheque): OCR it too. */
  hasPictures: boolean;
}

/** Pictures of at least this many pixels may hold a number; logos and rules are smaller. */
const PICTURE_MIN_PIXELS = 300 * 150;

function paintsPictures(
  OPS: Record<string, number>,
  ops: { fnArray: number[]; argsArray: unknown[] },
): boolean {
  return ops.fnArray.some((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.paintImageXObject || fn === OPS.paintImageXObjectRepeat) {
      return Number(args?.[1]) * Number(args?.[2]) >= PICTURE_MIN_PIXELS;
    }
    if (fn === OPS.paintInlineImageXObject) {
      const img = args?.[0] as { width?: number; height?: number } | undefined;
      return (img?.width ?? 0) * (img?.height ?? 0) >= PICTURE_MIN_PIXELS;
    }
    return false;
  });
}

export class PdfDocument {
  private readonly cache = new Map<number, RgbaImage>();
  private readonly findings = new Map<number, Promise<TextPageReading>>();

  private constructor(
    private readonly platform: PdfPlatform,
    private readonly doc: PDFDocumentProxy,
    readonly pages: PdfPageInfo[],
    /** Pages left out and why, for the user. */
    readonly notes: string[],
  ) {}

  /** Throws PasswordRequiredError, WrongPasswordError or PdfInputError (all InputError). */
  static async open(platform: PdfPlatform, bytes: Uint8Array, password?: string): Promise<PdfDocument> {
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller's stays usable.
    const task = platform.pdfjs.getDocument({ ...platform.documentOptions, data: bytes.slice(), password });
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (e) {
      await task.destroy().catch(() => undefined);
      throw mapOpenError(e);
    }
    try {
      const n = doc.numPages;
      if (n < 1) throw new PdfInputError('pdf-no-pages');
      if (n > MAX_PDF_PAGES)
        throw new PdfInputError('pdf-too-many-pages', { pages: n, limit: MAX_PDF_PAGES });
      const pages: PdfPageInfo[] = [];
      const notes: string[] = [];
      for (let i = 0; i < n; i++) {
        try {
          const info = await describePage(await doc.getPage(i + 1), i, n);
          if (info) pages.push(info);
          else
            notes.push(`Page ${i + 1} has no usable size (an empty or malformed page box) and is left out.`);
        } catch (e) {
          notes.push(
            `Page ${i + 1} is damaged and is left out (${e instanceof Error ? e.message : String(e)}).`,
          );
        }
      }
      if (!pages.length) throw new PdfInputError('pdf-damaged', { detail: 'no page could be read' });
      return new PdfDocument(platform, doc, pages, notes);
    } catch (e) {
      await doc.destroy().catch(() => undefined);
      throw e instanceof InputError ? e : mapOpenError(e);
    }
  }

  page(index: number): PdfPageInfo {
    const p = this.pages.find((q) => q.index === index);
    if (!p) throw new Error(`Page ${index + 1} is not open.`);
    return p;
  }

  /** The page's pixels at its render size (RGBA, white background). */
  async render(index: number): Promise<RgbaImage> {
    const hit = this.cache.get(index);
    if (hit) {
      this.cache.delete(index);
      this.cache.set(index, hit);
      return hit;
    }
    const info = this.page(index);
    const page = await this.doc.getPage(index + 1);
    const viewport = page.getViewport({ scale: info.scale });
    const target = this.platform.createCanvas(info.width, info.height);
    try {
      await page.render({
        canvas: null,
        canvasContext: target.context as CanvasRenderingContext2D,
        viewport,
        background: 'rgb(255,255,255)',
      }).promise;
      const image: RgbaImage = { width: info.width, height: info.height, data: target.readPixels() };
      this.cache.set(index, image);
      while (this.cache.size > PAGE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
      return image;
    } catch (e) {
      throw new InputError('pdf-page-unreadable', {
        page: index + 1,
        detail: e instanceof Error ? e.message : String(e),
      });
    } finally {
      target.release();
      page.cleanup();
    }
  }

  /**
   * Findings from the page's own text, one exact quad per character. Computed once per page: the
   * fonts are loaded first (getOperatorList), so character widths come from the PDF's /Widths.
   */
  textFindings(index: number): Promise<TextPageReading> {
    let p = this.findings.get(index);
    if (!p) {
      p = this.computeTextFindings(this.page(index));
      this.findings.set(index, p);
      p.catch(() => this.findings.delete(index));
    }
    return p;
  }

  private async computeTextFindings(info: PdfPageInfo): Promise<TextPageReading> {
    const page = await this.doc.getPage(info.index + 1);
    try {
      const viewport = page.getViewport({ scale: info.scale });
      const content = await page.getTextContent();
      const items = content.items.filter((it): it is PdfTextItem & typeof it => 'str' in it);
      const names = [...new Set(items.map((it) => it.fontName))];
      // Loads the page's fonts into commonObjs (for their widths) and lists what it paints.
      const ops = await page.getOperatorList();
      const hasPictures = paintsPictures(this.platform.pdfjs.OPS, ops);
      const widths = new Map(
        names.map((n) => [n, page.commonObjs.has(n) ? fontWidths(page.commonObjs.get(n)) : undefined]),
      );
      const lines = layoutText(
        items,
        content.styles as Record<string, PdfTextStyle>,
        (x, y) => viewport.convertToViewportPoint(x, y) as [number, number],
        (n) => widths.get(n),
      );
      return { findings: findingsFromText(lines, `p${info.index + 1}`), hasPictures };
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.doc.destroy();
  }
}

async function describePage(
  page: PDFPageProxy,
  index: number,
  count: number,
): Promise<PdfPageInfo | undefined> {
  const base = page.getViewport({ scale: 1 });
  const size = pageScale(base.width, base.height);
  if (!size) return undefined;
  const content = await page.getTextContent();
  const items = content.items.filter((it): it is PdfTextItem & typeof it => 'str' in it);
  page.cleanup();
  const dpiNote =
    size.dpi !== PDF_RENDER_DPI
      ? ` (shown at ${size.dpi} dpi: the page is unusually ${size.dpi < PDF_RENDER_DPI ? 'large' : 'small'})`
      : '';
  return {
    index,
    width: size.width,
    height: size.height,
    widthPt: base.width,
    heightPt: base.height,
    scale: size.scale,
    dpi: size.dpi,
    label: `page ${index + 1} of ${count}${dpiNote}`,
    hasText: textLayerUsable(items, MIN_TEXT_CHARS),
  };
}
