// How findings are grouped and named beside the photo. Kinds added later by other detectors fall back
// to a readable version of their kind, so the panel never needs to know every kind in advance.
import type { Finding, KeepPreset, MaskKind } from '../../engine/types';
import type { Doc, FindingChoice } from '../editor/doc';
import type { Item } from './items';

export const KIND_LABEL: Partial<Record<MaskKind, string>> = {
  'card-number': 'Card number',
  'security-code': 'Security code',
  'account-number': 'Account number',
  iban: 'IBAN',
  mrz: 'Machine-readable zone',
  'document-number': 'Document number',
  'personal-number': 'Personal number',
  'date-of-birth': 'Date of birth',
  barcode: 'Barcode',
  transactions: 'Transactions',
  manual: 'Drawn by you',
};

const CATEGORY: Partial<Record<MaskKind, string>> = {
  'card-number': 'Card numbers',
  'security-code': 'Security codes',
  'account-number': 'Account numbers',
  iban: 'Account numbers',
  mrz: 'ID document',
  'document-number': 'ID document',
  'personal-number': 'ID document',
  'date-of-birth': 'ID document',
  barcode: 'Barcodes',
  transactions: 'Statement',
};

export const PRESET_LABEL: Record<KeepPreset, string> = {
  last4: 'Last 4 visible',
  first6last4: 'First 6 + last 4 visible',
  none: 'All hidden',
};

export const kindLabel = (kind: MaskKind) => KIND_LABEL[kind] ?? kind.replace(/-/g, ' ');

export function categoryOf(kind: MaskKind): string {
  return CATEGORY[kind] ?? kindLabel(kind);
}

/** `•••• 1234`: never show more of a number than the export will. */
export function maskedText(f: Finding): string {
  const tail = f.text.replace(/\s+/g, '').slice(-4);
  return `•••• ${tail}`;
}

export function choiceOf(doc: Doc, f: Finding): FindingChoice {
  return doc.choices[f.id] ?? { enabled: f.enabledByDefault, preset: 'last4' };
}

/**
 * The choice to show: a switch the user just clicked wins over the doc while its masks are made, so
 * a checkbox never bounces back to its old state (and is never announced in it) in the meantime.
 */
export function shownChoice(item: Item, f: Finding): FindingChoice {
  const c = choiceOf(item.history.present, f);
  const p = item.pendingChoices?.[f.id];
  return { enabled: p?.enabled ?? c.enabled, preset: p?.preset ?? c.preset };
}

export interface FindingGroup {
  category: string;
  findings: Finding[];
}

/** Groups in order of first appearance; the engine already lists the most important first. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const c = categoryOf(f.kind);
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(f);
  }
  return [...groups].map(([category, list]) => ({ category, findings: list }));
}
