import { MAX_PIXELS, MAX_SIDE, MIN_SIDE } from './limits';
import type { SniffedType } from './image/sniff';

/** An input we cannot or will not process; its message is shown to the user as-is. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const megapixels = (n: number) => `${Math.round(n / 1e6)} megapixels`;

export function describeUnsupported(type: SniffedType): string | undefined {
  switch (type) {
    case 'empty':
      return 'The file is empty (0 bytes).';
    case 'svg':
      return 'SVG files are refused: they can carry scripts. Export the image as PNG or JPEG first.';
    case 'pdf':
      // PDFs are opened page by page (src/engine/pdf); only a caller that bypasses that sees this.
      return 'This is a PDF document, not a photo: open it as a PDF so each page becomes an image.';
    case 'heic':
      // HEIC/HEIF photos are decoded by src/engine/heic (the platform decoders route them there).
      return undefined;
    case 'unknown':
      return 'Not a supported file. Use a JPEG, PNG, WebP, GIF, BMP, AVIF or HEIC photo, or a PDF.';
    default:
      return undefined;
  }
}

export function tooLargeMessage(width: number, height: number): string {
  return `The image is ${width}×${height} (${megapixels(width * height)}); the limit is ${megapixels(MAX_PIXELS)}. Scale it down and try again.`;
}

/** Throws the user-facing InputError for a picture we will not process because of its size. */
export function assertImageSize(width: number, height: number): void {
  if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    throw new InputError(tooLargeMessage(width, height));
  }
  if (width < MIN_SIDE || height < MIN_SIDE) {
    throw new InputError(`The image is only ${width}×${height} pixels: too small to hold a readable number.`);
  }
}

export const damagedMessage = (type: string) =>
  `The ${type.toUpperCase()} file is damaged or truncated and cannot be decoded.`;
