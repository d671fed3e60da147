// File names for exports. The name never carries the original extension (a PNG called card.jpg.png
// confuses people) and PDF pages get their page number.
import type { ImageFormat } from '../../engine/types';

export const ZIP_NAME = 'lastfour-redacted.zip';

const EXTENSION: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

export function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const name = fileName.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem.trim() || 'image';
}

/** `<name>-redacted.png`, or `<name>-page<N>-redacted.png` for page N of a multi-page file. */
export function redactedName(
  fileName: string,
  format: ImageFormat,
  page?: { index: number; count: number },
): string {
  const pagePart = page && page.count > 1 ? `-page${page.index + 1}` : '';
  return `${baseName(fileName)}${pagePart}-redacted.${EXTENSION[format]}`;
}

/** `<name>-redacted.pdf`: the whole document again, every page burned. */
export const redactedPdfName = (fileName: string) => `${baseName(fileName)}-redacted.pdf`;

/** Names inside one ZIP must differ: a second "card-redacted.png" becomes "card-redacted (2).png". */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    if (count === 1) return n;
    const dot = n.lastIndexOf('.');
    return `${n.slice(0, dot)} (${count})${n.slice(dot)}`;
  });
}
