// Categories for the side list: each document finding kind can be switched on or off as a whole.
// Masks are derived with masksForFindings(findings, presets, enabled), so a category switch is just an
// `enabled` map over the findings of that kind.
import type { Finding, MaskKind } from '../types';

export interface DocumentCategory {
  kind: MaskKind;
  label: string;
  /** Masked without asking (account numbers keep their last four) or offered as a suggestion. */
  onByDefault: boolean;
}

export const DOCUMENT_CATEGORIES: readonly DocumentCategory[] = [
  { kind: 'iban', label: 'IBAN', onByDefault: true },
  { kind: 'account-number', label: 'Account number', onByDefault: true },
  { kind: 'mrz', label: 'Machine-readable zone (MRZ)', onByDefault: false },
  { kind: 'document-number', label: 'Document number', onByDefault: false },
  { kind: 'personal-number', label: 'Personal number', onByDefault: false },
  { kind: 'date-of-birth', label: 'Date of birth', onByDefault: false },
  { kind: 'barcode', label: 'Barcode (PDF417/QR)', onByDefault: false },
  { kind: 'transactions', label: 'Transactions', onByDefault: false },
];

/**
 * The `enabled` map for masksForFindings after switching whole categories: `kinds` maps a kind to
 * on/off; kinds not mentioned keep each finding's own default. Merge per-finding overrides on top.
 */
export function enabledForKinds(
  findings: readonly Finding[],
  kinds: Partial<Record<MaskKind, boolean>>,
): Record<string, boolean> {
  const enabled: Record<string, boolean> = {};
  for (const f of findings) {
    const on = kinds[f.kind];
    if (on !== undefined) enabled[f.id] = on;
  }
  return enabled;
}
