// The card detector's stages often hand the learned recognizer a crop it has read already: a wider
// read clamped by the photo's edge comes out pixel for pixel the tight one, and the code and prefix
// finders crop the same short line the number stage read. The recognizer is deterministic, so a
// crop seen among the last few is answered from memory (measured on the 15 shared real cards: 11 of
// 267 reads, 4% of the recognizer's columns). A hit needs the very same pixels, compared in full.
// The crops are of card numbers: the memory is emptied when the analysis or export check that filled
// it ends (line-reader.ts, forgetRecentReads), so nothing of a photo outlives its job.
import type { OcrPage } from '../ocr/types';
import type { GrayImage } from '../types';

/** Crops remembered: a page's reads of one line are close together; a crop is about 17 KB. */
export const RECENT_READS = 32;

interface Entry {
  hash: number;
  width: number;
  height: number;
  data: Uint8Array;
  /** The reading's options that change it (the whitelist). */
  key: string;
  page: Promise<OcrPage>;
}

/** FNV-1a over the pixels: a cheap first test before the full comparison. */
function fnv1a(data: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 0x01000193);
  return h >>> 0;
}

function samePixels(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The last `size` readings by crop. `read` is called only for a crop not among them; a reading that
 * fails (a model error) is forgotten, so the next ask reads again. Each caller gets its own copy of
 * the page (readers downstream may annotate what they are given).
 */
export class RecentReads {
  private entries: Entry[] = [];

  constructor(private readonly size = RECENT_READS) {}

  /** Forgets every crop and reading. */
  clear(): void {
    this.entries = [];
  }

  async read(image: GrayImage, key: string, read: () => Promise<OcrPage>): Promise<OcrPage> {
    const hash = fnv1a(image.data);
    const hit = this.entries.find(
      (e) =>
        e.hash === hash &&
        e.width === image.width &&
        e.height === image.height &&
        e.key === key &&
        samePixels(e.data, image.data),
    );
    if (hit) return structuredClone(await hit.page);
    const entry: Entry = {
      hash,
      width: image.width,
      height: image.height,
      data: image.data.slice(),
      key,
      page: read(),
    };
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.shift();
    try {
      return structuredClone(await entry.page);
    } catch (e) {
      this.entries = this.entries.filter((x) => x !== entry);
      throw e;
    }
  }
}
