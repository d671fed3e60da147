// Words for the engine's progress reports and failures, so the list says what is happening, not
// just "busy". Failures arrive as { code, message, params } (engine/error-codes.ts): the words come
// from the one table there, the same the CLI prints.
import { isEngineFailure, type EngineErrorCode } from '../../engine/error-codes';
import type { Progress } from '../../engine/types';
import { engineFailureText } from '../i18n/engine-errors';
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

/** The failure's code; undefined for anything that is not an engine failure (a bug in the app). */
export function errorCode(e: unknown): EngineErrorCode | undefined {
  return isEngineFailure(e) ? e.code : undefined;
}

export function errorMessage(e: unknown): string {
  // The code's sentence in the user's language (i18n/engine-errors.ts; English: the engine's table).
  if (isEngineFailure(e)) return engineFailureText(e.code, e.params);
  // Anything else is a bug or a browser limit: say so rather than pass it off as the file's fault.
  return t('error.couldNotProcess', { detail: e instanceof Error ? e.message : String(e) });
}

/** The lower-level words of a failure (a missing file's URL), for status lines that word it themselves. */
export function errorDetail(e: unknown): string {
  if (isEngineFailure(e)) return e.params?.detail ?? e.message;
  return e instanceof Error ? e.message : String(e);
}

/** A protected PDF: the item asks for the password instead of just failing. */
export function needsPassword(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'pdf-password' || code === 'pdf-wrong-password';
}

/** A job stopped on purpose (Remove, Clear all, a re-detect): not an error to show. */
export const wasCancelled = (e: unknown): boolean => errorCode(e) === 'cancelled';
