// Export burns the masks into a full-resolution copy inside the engine (never the display canvas),
// then saves one file, or one ZIP for several. PNGs are already compressed: the ZIP only stores.
import { saveAs } from 'file-saver';
import { zipSync } from 'fflate';
import type { ImageFormat } from '../../engine/types';
import type { EngineClient } from '../engine-client';
import type { Doc } from '../editor/doc';
import type { Item, WatermarkChoice } from '../session/items';
import { watermarkOptions } from './watermark';
import { redactedName, redactedPdfName, uniqueNames, ZIP_NAME } from './names';

export interface ExportedFile {
  item: Item;
  /** The masks the file was burned with; the post-export check reports against this state. */
  doc: Doc;
  name: string;
  blob: Blob;
}

export async function exportItems(
  engine: EngineClient,
  items: readonly Item[],
  format: ImageFormat,
  watermark?: WatermarkChoice,
): Promise<ExportedFile[]> {
  const out: ExportedFile[] = [];
  const mark = watermark ? watermarkOptions(watermark) : undefined;
  // One at a time: each burn holds a full-resolution copy in the worker.
  for (const item of items) {
    const doc = item.history.present;
    const blob = await engine.exportImage(item.id, [...doc.masks], format, mark);
    out.push({ item, doc, name: redactedName(item.name, format, item.page), blob });
  }
  const names = uniqueNames(out.map((f) => f.name));
  return out.map((f, i) => ({ ...f, name: names[i] }));
}

/**
 * One new PDF of a PDF's pages, in page order, each burned with the masks the editor shows for it.
 * The engine writes page pictures only, so no text layer of the original can leak.
 */
export async function exportPdfFile(
  engine: EngineClient,
  pages: readonly Item[],
  watermark?: WatermarkChoice,
): Promise<{ name: string; blob: Blob }> {
  const masksByPage = Object.fromEntries(pages.map((p) => [p.id, [...p.history.present.masks]]));
  const blob = await engine.exportPdf(
    pages.map((p) => p.id),
    masksByPage,
    watermark ? watermarkOptions(watermark) : undefined,
  );
  return { name: redactedPdfName(pages[0]?.name ?? 'document.pdf'), blob };
}

/** Saves the files, one by one or as one ZIP; returns what was saved, for the status line. */
export async function saveExports(files: readonly ExportedFile[], zip: boolean): Promise<string> {
  if (!zip) {
    for (const f of files) saveAs(f.blob, f.name);
    return files.map((f) => f.name).join(', ');
  }
  saveAs(await zipExports(files), ZIP_NAME);
  return ZIP_NAME;
}

export async function zipExports(files: readonly ExportedFile[]): Promise<Blob> {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.name] = [new Uint8Array(await f.blob.arrayBuffer()), { level: 0 }];
  return new Blob([zipSync(entries)], { type: 'application/zip' });
}
