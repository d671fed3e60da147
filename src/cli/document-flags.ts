// CLI flags for documents (IDs, passports, statements): the suggestion categories that are off by
// default, and the watermark. Kept apart from main.ts so the card CLI stays as it was.
import { enabledForKinds } from '../engine/documents/categories';
import { isPageKind, PAGE_KIND_LABEL, PAGE_KINDS, type PageKind } from '../engine/documents/page-kind';
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
<recipient> - <purpose> - <date>" [--watermark-opacity 0.35] burns a tiled watermark into the output.

Each page is classified (card front/back, passport, ID card front/back, driving licence, statement,
other) and only that kind's finders run: no card number or security code on an ID. --kind <kind> says
what every input is instead (${PAGE_KINDS.join(', ')}).`;

/** parseArgs option definitions for the flags above. */
export const documentOptions = {
  ...Object.fromEntries(
    Object.keys(CATEGORY_FLAGS).map((f) => [f, { type: 'boolean' as const, default: false }]),
  ),
  watermark: { type: 'string' as const },
  kind: { type: 'string' as const },
  'watermark-opacity': { type: 'string' as const, default: '0.35' },
};

export interface DocumentFlags {
  kinds: Partial<Record<MaskKind, boolean>>;
  watermark?: WatermarkOptions;
  /** --kind: what every input is (the classifier is skipped); undefined: each page is classified. */
  pageKind?: PageKind;
}

/** The flags' meaning, or an error message for the user. */
export function documentFlags(values: Record<string, unknown>): DocumentFlags | string {
  const kinds: Partial<Record<MaskKind, boolean>> = {};
  for (const [flag, kind] of Object.entries(CATEGORY_FLAGS)) if (values[flag] === true) kinds[kind] = true;
  const opacity = Number(values['watermark-opacity'] ?? '0.35');
  if (!(opacity >= 0 && opacity <= 1)) return '--watermark-opacity must be a number from 0 to 1';
  const text = typeof values.watermark === 'string' ? values.watermark.trim() : '';
  const kind = values.kind;
  if (kind !== undefined && !isPageKind(kind))
    return `--kind must be one of ${PAGE_KINDS.join(', ')} (got "${String(kind)}")`;
  return { kinds, watermark: text ? { text, opacity } : undefined, pageKind: kind };
}

/** "Passport data page (0.87)" or "Passport data page (chosen)": the kind as the CLI prints it. */
export function describeKind(
  page: { kind: PageKind; confidence: number; chosen?: boolean } | undefined,
): string {
  if (!page) return 'kind unknown';
  return `${PAGE_KIND_LABEL[page.kind]} (${page.chosen ? 'chosen' : page.confidence.toFixed(2)})`;
}

/** The `enabled` map for masksForFindings: switched-on categories on top of each finding's default. */
export function enabledFor(findings: readonly Finding[], flags: DocumentFlags): Record<string, boolean> {
  return enabledForKinds(findings, flags.kinds);
}
