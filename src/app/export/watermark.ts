// The export watermark for ID copies. The wording comes from the engine's watermarkText (a pure
// function), so the app and the CLI print the same line.
import { watermarkText, type WatermarkOptions } from '../../engine/watermark/watermark';
import type { WatermarkChoice } from '../session/items';

/** Engine options for the choice, or undefined when off or when there is no recipient to name. */
export function watermarkOptions(w: WatermarkChoice): WatermarkOptions | undefined {
  if (!w.enabled || !w.recipient.trim()) return undefined;
  return { text: watermarkText({ recipient: w.recipient, purpose: w.purpose }) };
}

export function watermarkPreview(w: WatermarkChoice): string {
  return watermarkText({ recipient: w.recipient || '…', purpose: w.purpose });
}
