// Words for the engine's progress reports, so the list says what is happening, not just "busy".
import type { Progress } from '../../engine/types';

const STAGE: Record<Progress['stage'], string> = {
  decode: 'Decoding',
  'load-ocr': 'Loading the OCR engine',
  ocr: 'Reading digits',
  detect: 'Looking for numbers',
  burn: 'Masking',
  encode: 'Encoding',
};

export function progressMessage(p: Progress): string {
  return `${STAGE[p.stage] ?? 'Working'} ${Math.round(Math.max(0, Math.min(1, p.progress)) * 100)}%`;
}

/** Progress reports can arrive hundreds of times a second; only visible changes are worth a render. */
export function progressChanged(prev: number | null, next: number): boolean {
  return prev === null || Math.abs(next - prev) >= 0.01 || (next >= 1 && prev < 1);
}

/** Engine errors whose message is written for the user (InputError and its PDF subclasses). */
const USER_FACING = new Set(['InputError', 'PdfInputError', 'PasswordRequiredError', 'WrongPasswordError']);

export function errorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.name : '';
  // Anything else is a bug or a browser limit: say so rather than pass it off as the file's fault.
  return USER_FACING.has(name) || /^(The |This |Not a |SVG|PDF|HEIC)/.test(msg)
    ? msg
    : `Could not process this file: ${msg}`;
}

/** A protected PDF: the item asks for the password instead of just failing. */
export function needsPassword(e: unknown): boolean {
  const name = e instanceof Error ? e.name : '';
  return name === 'PasswordRequiredError' || name === 'WrongPasswordError';
}
