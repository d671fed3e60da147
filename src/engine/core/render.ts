// Render and encode: masks burned opaque into the page's full-resolution pixels, then the optional
// watermark, then a new file. The one place the worker and the CLI turn a page into an export.
import { burnMasks } from '../burn/burn';
import { compositeOntoWhite } from '../image/onto-white';
import { ImagePdfWriter } from '../pdf/build-pdf';
import type { Mask, RgbaImage } from '../types';
import { renderWatermark, type TextPainter, type WatermarkOptions } from '../watermark/watermark';
import type { PageSource } from './page-source';

/** Runs on each burned page before it is encoded (the watermark for ID copies). */
export type Finish = (page: RgbaImage) => RgbaImage;

export const noFinish: Finish = (page) => page;

/**
 * The tiled "Copy for ..." text over a burned page, when a watermark text is given. Blends into the
 * page it is given (a burned copy this pipeline owns), so no second full-size copy is made.
 */
export function watermarkFinish(watermark: WatermarkOptions | undefined, painter: () => TextPainter): Finish {
  return watermark?.text.trim() ? (page) => renderWatermark(page, watermark, painter(), true) : noFinish;
}

/**
 * The page's pixels with every mask burned in and `finish` applied; the source is left untouched,
 * unless `lastUse` says nothing reads it again (then it is burned in place: no full-size copy).
 */
export async function renderPage(
  source: PageSource,
  masks: readonly Mask[],
  finish: Finish = noFinish,
  lastUse = false,
): Promise<RgbaImage> {
  return finish(burnMasks(await source.pixels(), masks, { inPlace: lastUse }));
}

/**
 * A new PDF of the given pages in order, each burned with its masks and finished. Pages are
 * rendered one at a time, so memory holds one page picture plus the compressed output.
 */
export async function pagesAsPdf(
  pages: readonly { source: PageSource; masks: readonly Mask[] }[],
  finish: Finish = noFinish,
): Promise<Uint8Array> {
  const writer = await ImagePdfWriter.create();
  for (const { source, masks } of pages) {
    // A PDF page picture keeps no alpha either: a photo's transparent corners go onto white.
    const image = compositeOntoWhite(await renderPage(source, masks, finish));
    await writer.addPage({ image, ...source.printSize });
  }
  return writer.save();
}
