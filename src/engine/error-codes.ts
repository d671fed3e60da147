// The closed set of reasons the engine gives up on a file or a job, and the one table of words for
// them. Errors cross the worker boundary as plain `EngineFailure` data ({ code, message, params });
// the app and the CLI both print `errorText(code, params)`, so a user reads the same sentence in
// either. Plain data only: no classes cross the boundary (Comlink keeps only name/message of Errors).
import { MAX_PIXELS } from './limits';

/*
 * Each code is reached from a real bad input by a test, in the CLI and in the app, or has a written
 * reason why no input of that face can reach it: the table in tests/unit/error-codes-coverage.test.ts,
 * which fails on a code without either.
 */
export const ENGINE_ERROR_CODES = [
  'file-empty',
  'not-an-image',
  'truncated',
  'image-damaged',
  'too-large',
  'too-small',
  'svg-refused',
  'pdf-password',
  'pdf-wrong-password',
  'pdf-damaged',
  'pdf-too-many-pages',
  'pdf-no-pages',
  'pdf-page-unreadable',
  'heic-damaged',
  'ocr-assets-missing',
  'model-missing',
  'cancelled',
  'out-of-memory',
  'export-too-large',
  'not-open',
  'internal',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** Facts a message needs: sizes in pixels, a page count, a file type, a lower-level detail. */
export interface ErrorParams {
  width?: number;
  height?: number;
  pages?: number;
  page?: number;
  /** The limit that was passed (e.g. most PDF pages). */
  limit?: number;
  /** Sniffed file type, e.g. 'jpeg'. */
  type?: string;
  /** Extra words from a library (pdf.js, a failing URL); shown in brackets. */
  detail?: string;
}

/** What crosses the worker boundary when an engine call fails. */
export interface EngineFailure {
  code: EngineErrorCode;
  message: string;
  params?: ErrorParams;
}

const megapixels = (n: number) => `${Math.round(n / 1e6)} megapixels`;
const bracket = (p: ErrorParams) => (p.detail ? ` (${p.detail})` : '');

/** The words for every code, English; the app and the CLI print these. */
const TEXT: Record<EngineErrorCode, (p: ErrorParams) => string> = {
  'file-empty': () => 'The file is empty (0 bytes).',
  'not-an-image': () =>
    'Not a supported file. Use a JPEG, PNG, WebP, GIF, BMP, AVIF or HEIC photo, or a PDF.',
  truncated: (p) =>
    `The ${(p.type ?? 'image').toUpperCase()} file is damaged or truncated and cannot be decoded.`,
  'image-damaged': (p) =>
    `The ${(p.type ?? 'image').toUpperCase()} file is damaged or truncated and cannot be decoded.`,
  'too-large': (p) =>
    `The image is ${p.width}×${p.height} (${megapixels((p.width ?? 0) * (p.height ?? 0))}); the limit is ${megapixels(MAX_PIXELS)}. Scale it down and try again.`,
  'too-small': (p) => `The image is only ${p.width}×${p.height} pixels: too small to hold a readable number.`,
  'svg-refused': () =>
    'SVG files are refused: they can carry scripts. Export the image as PNG or JPEG first.',
  'pdf-password': () => 'This PDF is protected by a password. Enter the password to open it.',
  'pdf-wrong-password': () => 'That password is not correct for this PDF. Check it and try again.',
  'pdf-damaged': (p) =>
    `The PDF is damaged and cannot be read${bracket(p)}. Try re-saving or re-downloading it.`,
  'pdf-too-many-pages': (p) =>
    `This PDF has ${p.pages} pages; LastFour opens at most ${p.limit} pages at a time, because every ` +
    'page becomes a 200-dpi picture of about 16 MB in memory. Split the PDF into parts and open them one by one.',
  'pdf-no-pages': () => 'The PDF has no pages.',
  'pdf-page-unreadable': (p) => `Page ${p.page} of the PDF could not be drawn${bracket(p)}.`,
  'heic-damaged': () =>
    'The HEIC photo is damaged or uses a HEIF variant that cannot be decoded here. Export it as JPEG and try again.',
  'ocr-assets-missing': (p) =>
    `The OCR engine could not be loaded${bracket(p)}. Reload the page; if it persists, reinstall the app.`,
  'model-missing': (p) => `The text models could not be loaded${bracket(p)}; reading with Tesseract alone.`,
  cancelled: () => 'The analysis was cancelled.',
  'out-of-memory': (p) =>
    `Not enough memory to process this image${p.width ? ` (${p.width}×${p.height})` : ''}. Close other tabs or apps, or scale the photo down, and try again.`,
  'export-too-large': (p) =>
    `This picture is ${p.width}×${p.height}: too large to export as ${(p.type ?? 'this format').toUpperCase()} here. Export it as PNG or JPEG.`,
  'not-open': () => 'This image is no longer open. Add the file again.',
  internal: (p) => `Could not process this file${p.detail ? `: ${p.detail}` : '.'}`,
};

/** The sentence for a code, the same in the app and the CLI. */
export function errorText(code: EngineErrorCode, params: ErrorParams = {}): string {
  return (TEXT[code] ?? TEXT.internal)(params);
}

export const isEngineErrorCode = (v: unknown): v is EngineErrorCode =>
  typeof v === 'string' && (ENGINE_ERROR_CODES as readonly string[]).includes(v);

/** Whether a value thrown across the worker (or caught locally) is an EngineFailure. */
export function isEngineFailure(e: unknown): e is EngineFailure {
  return typeof e === 'object' && e !== null && isEngineErrorCode((e as EngineFailure).code);
}
