// The export watermark for ID copies: "Copy for <recipient> - <purpose> - <date>" in the user's
// language, the same shape as the engine's watermarkText (which the CLI prints in English). The date
// stays ISO 8601 (YYYY-MM-DD) in every language: the copy may be read in another country, and that
// form is read the same everywhere. The user can rewrite the whole line; then it is theirs as typed.
import type { WatermarkOptions } from '../../engine/watermark/watermark';
import { t } from '../i18n/i18n';
import type { WatermarkChoice } from '../session/items';

const today = () => new Date().toISOString().slice(0, 10);

/** The line the app proposes for a recipient and purpose, in the current language. */
export function defaultWatermarkText(recipient: string, purpose: string, date = today()): string {
  return [t('watermark.copyFor', { recipient: recipient.trim() }), purpose.trim(), date]
    .filter((s) => s.length > 0)
    .join(' - ');
}

/** The line that will be printed: the user's own text when they wrote one, else the default. */
export function watermarkLine(w: WatermarkChoice): string {
  return w.text?.trim() ? w.text.trim() : defaultWatermarkText(w.recipient || '…', w.purpose);
}

/** Engine options for the choice, or undefined when off or when there is nothing to print. */
export function watermarkOptions(w: WatermarkChoice): WatermarkOptions | undefined {
  if (!w.enabled || !(w.recipient.trim() || w.text?.trim())) return undefined;
  return { text: watermarkLine(w) };
}

export const watermarkPreview = watermarkLine;
