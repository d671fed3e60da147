// The redacted PDF: a brand-new document whose pages are nothing but the burned page pictures.
// Nothing of the original survives: no text layer, no content streams, no fonts, no annotations,
// no metadata (pdf-lib's defaults are off; only Producer/Creator say "LastFour"). Pure: runs the
// same in the worker and in Node.
import { zlibSync } from 'fflate';
import {
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { RgbaImage } from '../types';

export interface PdfOutputPage {
  image: RgbaImage;
  /** Printed size in points; the picture is stretched to it (same aspect as rendered). */
  widthPt: number;
  heightPt: number;
}

/** RGB, or one gray channel when every pixel is neutral (statements usually are: a third the size). */
function samples(img: RgbaImage): { bytes: Uint8Array; colorSpace: 'DeviceGray' | 'DeviceRGB' } {
  const { data } = img;
  const n = img.width * img.height;
  let gray = true;
  for (let i = 0; i < n && gray; i++) {
    const o = i * 4;
    if (data[o] !== data[o + 1] || data[o] !== data[o + 2]) gray = false;
  }
  const bytes = new Uint8Array(n * (gray ? 1 : 3));
  // Pages come composited onto white (core/render.ts) and masks are opaque: alpha is 255, dropped.
  if (gray) for (let i = 0; i < n; i++) bytes[i] = data[i * 4];
  else
    for (let i = 0, o = 0; i < n; i++, o += 3) {
      bytes[o] = data[i * 4];
      bytes[o + 1] = data[i * 4 + 1];
      bytes[o + 2] = data[i * 4 + 2];
    }
  return { bytes, colorSpace: gray ? 'DeviceGray' : 'DeviceRGB' };
}

/**
 * zlib (RFC 1950) compression for FlateDecode: the platform's native CompressionStream when there
 * is one (browsers, Node 18+; ~5x faster than JS on a page picture), fflate otherwise.
 */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === 'undefined') return zlibSync(bytes, { level: 6 });
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Writes pages one at a time: each picture is compressed as soon as it is added, so memory holds
 * one page's pixels plus the compressed output, not every page's pixels.
 */
export class ImagePdfWriter {
  private constructor(private readonly pdf: PDFDocument) {}

  static async create(): Promise<ImagePdfWriter> {
    // updateMetadata: false keeps pdf-lib from writing its own producer, creator and dates.
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.setProducer('LastFour');
    pdf.setCreator('LastFour');
    return new ImagePdfWriter(pdf);
  }

  async addPage(p: PdfOutputPage): Promise<void> {
    const { pdf } = this;
    const { bytes, colorSpace } = samples(p.image);
    // Lossless Flate: masks stay exactly opaque and digits next to them stay crisp.
    const xobject = pdf.context.stream(await deflate(bytes), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: p.image.width,
      Height: p.image.height,
      ColorSpace: colorSpace,
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    const ref = pdf.context.register(xobject);
    const page = pdf.addPage([p.widthPt, p.heightPt]);
    const name = page.node.newXObject('Page', ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(p.widthPt, 0, 0, p.heightPt, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }

  save(): Promise<Uint8Array> {
    return this.pdf.save({ useObjectStreams: true });
  }
}

export async function buildImagePdf(pages: readonly PdfOutputPage[]): Promise<Uint8Array> {
  const writer = await ImagePdfWriter.create();
  for (const p of pages) await writer.addPage(p);
  return writer.save();
}
