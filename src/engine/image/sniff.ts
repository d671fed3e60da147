/** What a file really is, judged from its first bytes rather than its name or claimed MIME type. */
export type SniffedType =
  'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'heic' | 'pdf' | 'svg' | 'empty' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function sniffImageType(bytes: Uint8Array): SniffedType {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return 'bmp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brands = ascii(bytes, 8, Math.min(bytes.length, 40));
    if (/avif|avis/.test(brands)) return 'avif';
    if (/heic|heix|hevc|hevx|heim|heis|mif1|msf1/.test(brands)) return 'heic';
  }
  const head = ascii(bytes, 0, Math.min(bytes.length, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return 'unknown';
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) =>
  ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32le = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 2 ** 24;

/**
 * The pixel size an image header declares, read without decoding (so a decompression bomb can be
 * refused before it allocates gigabytes). Undefined when the header is not understood.
 */
export function readImageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const type = sniffImageType(bytes);
  if (type === 'png' && bytes.length >= 24) return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  if (type === 'gif' && bytes.length >= 10) return { width: u16le(bytes, 6), height: u16le(bytes, 8) };
  if (type === 'bmp')
    return { width: Math.abs(u32le(bytes, 18) | 0), height: Math.abs(u32le(bytes, 22) | 0) };
  if (type === 'webp' && bytes.length >= 30) {
    const chunk = String.fromCharCode(...bytes.subarray(12, 16));
    if (chunk === 'VP8X')
      return { width: 1 + (u32le(bytes, 24) & 0xffffff), height: 1 + (u32le(bytes, 27) & 0xffffff) };
    if (chunk === 'VP8L') {
      const b = u32le(bytes, 21);
      return { width: 1 + (b & 0x3fff), height: 1 + ((b >> 14) & 0x3fff) };
    }
    if (chunk === 'VP8 ') return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  if (type === 'jpeg') {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1];
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        i += 2;
        continue;
      }
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: u16be(bytes, i + 5), width: u16be(bytes, i + 7) };
      }
      i += 2 + u16be(bytes, i + 2);
    }
  }
  return undefined;
}

/**
 * Whether a file ends before its image data does. Browsers and Skia both "succeed" on a cut-off JPEG
 * or PNG and fill the missing rows with grey, which would quietly hand the user half a photo.
 * JPEG: walk the segments (skipping APPn payloads such as EXIF thumbnails by their length, and scan
 * data up to the next real marker) until the end-of-image marker; data after it (e.g. the video of a
 * "motion photo") is ignored. PNG: the chunks must run whole up to IEND; data after it is ignored
 * too (phones append motion-photo and vendor trailers to both formats).
 */
export function isTruncated(bytes: Uint8Array): boolean {
  const type = sniffImageType(bytes);
  if (type === 'png') {
    // Walk the chunks by their lengths to IEND: bytes after it (a vendor trailer) are ignored, and
    // a file that ends inside a chunk is truncated.
    for (let i = 8; i + 8 <= bytes.length;) {
      const length = u32be(bytes, i);
      if (ascii(bytes, i + 4, i + 8) === 'IEND') return false;
      i += 12 + length;
    }
    return true;
  }
  if (type !== 'jpeg') return false;
  let i = 2;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) return true;
    const marker = bytes[i + 1];
    if (marker === 0xd9) return false;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length) return true;
    i += 2 + u16be(bytes, i + 2);
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker inside it.
      while (
        i + 1 < bytes.length &&
        !(bytes[i] === 0xff && bytes[i + 1] !== 0 && (bytes[i + 1] < 0xd0 || bytes[i + 1] > 0xd7))
      )
        i++;
    }
  }
  return true;
}
