// Words for the engine's progress reports, so the list says what is happening, not just "busy".
import type { Progress } from '../../engine/types';
import { engineError } from '../i18n/engine-text';
import { t } from '../i18n/i18n';

const STAGES: ReadonlySet<string> = new Set(['decode', 'load-ocr', 'ocr', 'detect', 'burn', 'encode']);

export function progressMessage(p: Progress): string {
  const value = Math.round(Math.max(0, Math.min(1, p.progress)) * 100) / 100;
  return t(`progress.${STAGES.has(p.stage) ? p.stage : 'other'}`, { value });
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
    ? engineError(msg)
    : t('error.couldNotProcess', { detail: msg });
}

/** A protected PDF: the item asks for the password instead of just failing. */
export function needsPassword(e: unknown): boolean {
  const name = e instanceof Error ? e.name : '';
  return name === 'PasswordRequiredError' || name === 'WrongPasswordError';
}
