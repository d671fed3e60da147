import {
  errorText,
  isEngineFailure,
  type EngineErrorCode,
  type EngineFailure,
  type ErrorParams,
} from './error-codes';
import { MAX_PIXELS, MAX_SIDE, MIN_SIDE } from './limits';
import type { SniffedType } from './image/sniff';

export type { EngineErrorCode, EngineFailure, ErrorParams };

/**
 * An input we cannot or will not process. `code` is one of the closed set in error-codes.ts; the
 * message is that code's sentence (errorText), shown to the user as-is.
 */
export class InputError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(errorText(code, params));
    this.name = 'InputError';
  }
}

/** The refusal code for a sniffed type we never decode as a photo; undefined when it is decodable. */
export function unsupportedCode(type: SniffedType): EngineErrorCode | undefined {
  switch (type) {
    case 'empty':
      return 'file-empty';
    case 'svg':
      return 'svg-refused';
    case 'unknown':
      return 'not-an-image';
    default:
      // HEIC/HEIF photos are decoded by src/engine/heic (the platform decoders route them there).
      return undefined;
  }
}

/**
 * Throws InputError for a type we refuse (empty, SVG, unknown). A PDF here is a caller's bug, not the
 * file's fault: both faces send every file that sniffs as a PDF to the PDF opener (looksLikePdf), so
 * no input brings one to a photo decoder; it fails as 'internal'.
 */
export function assertDecodable(type: SniffedType): void {
  if (type === 'pdf') throw new Error('a PDF was sent to the photo decoder (open it with openPdf)');
  const code = unsupportedCode(type);
  if (code) throw new InputError(code);
}

/** Throws the user-facing InputError for a picture we will not process because of its size. */
export function assertImageSize(width: number, height: number): void {
  if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    throw new InputError('too-large', { width, height });
  }
  if (width < MIN_SIDE || height < MIN_SIDE) throw new InputError('too-small', { width, height });
}

/** An AbortError as the platform makes it (DOMException where available). */
export function isAbortError(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'AbortError';
}

/**
 * Any error as the plain `{ code, message, params }` that crosses the worker boundary and that the
 * CLI prints. Unknown errors become 'internal' with their message as the detail.
 */
export function toEngineFailure(e: unknown): EngineFailure {
  if (e instanceof InputError) return { code: e.code, message: e.message, params: { ...e.params } };
  if (isEngineFailure(e)) return { code: e.code, message: e.message, params: e.params };
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  const fail = (code: EngineErrorCode, params: ErrorParams = {}): EngineFailure => ({
    code,
    message: errorText(code, params),
    params,
  });
  if (isAbortError(e)) return fail('cancelled');
  // V8 and Skia say "Array buffer allocation failed" / "Invalid array length"; Firefox "out of memory".
  if (
    (e instanceof RangeError && /allocation|array length|buffer/i.test(message)) ||
    /out of memory/i.test(message)
  )
    return fail('out-of-memory');
  if (name === 'OcrLoadError') return fail('ocr-assets-missing', { detail: message });
  if (name === 'ModelLoadError') return fail('model-missing', { detail: message });
  return fail('internal', { detail: message });
}
