// CLI flags for documents (IDs, passports, statements): the suggestion categories that are off by
// default, and the watermark. Kept apart from main.ts so the card CLI stays as it was.
import { enabledForKinds } from '../engine/documents/categories';
import type { Finding, MaskKind } from '../engine/types';
import type { WatermarkOptions } from '../engine/watermark/watermark';

/** Flag name -> the finding kind it switches on. */
const CATEGORY_FLAGS: Record<string, MaskKind> = {
  mrz: 'mrz',
  'document-number': 'document-number',
  'personal-number': 'personal-number',
  dob: 'date-of-birth',
  barcode: 'barcode',
  transactions: 'transactions',
};

export const DOCUMENT_USAGE = `IDs and statements: suggestions are off by default; switch categories on with --mrz, --document-number,
--personal-number, --dob, --barcode, --transactions (hide the transaction rows). --watermark "Copy for
<recipient> - <purpose> - <date>" [--watermark-opacity 0.35] burns a tiled watermark into the output.`;

/** parseArgs option definitions for the flags above. */
export const documentOptions = {
  ...Object.fromEntries(
    Object.keys(CATEGORY_FLAGS).map((f) => [f, { type: 'boolean' as const, default: false }]),
  ),
  watermark: { type: 'string' as const },
  'watermark-opacity': { type: 'string' as const, default: '0.35' },
};

export interface DocumentFlags {
  kinds: Partial<Record<MaskKind, boolean>>;
  watermark?: WatermarkOptions;
}

/** The flags' meaning, or an error message for the user. */
export function documentFlags(values: Record<string, unknown>): DocumentFlags | string {
  const kinds: Partial<Record<MaskKind, boolean>> = {};
  for (const [flag, kind] of Object.entries(CATEGORY_FLAGS)) if (values[flag] === true) kinds[kind] = true;
  const opacity = Number(values['watermark-opacity'] ?? '0.35');
  if (!(opacity >= 0 && opacity <= 1)) return '--watermark-opacity must be a number from 0 to 1';
  const text = typeof values.watermark === 'string' ? values.watermark.trim() : '';
  return { kinds, watermark: text ? { text, opacity } : undefined };
}

/** The `enabled` map for masksForFindings: switched-on categories on top of each finding's default. */
export function enabledFor(findings: readonly Finding[], flags: DocumentFlags): Record<string, boolean> {
  return enabledForKinds(findings, flags.kinds);
}
