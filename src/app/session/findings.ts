// How findings are grouped and named beside the photo. Kinds added later by other detectors fall back
// to a readable version of their kind, so the panel never needs to know every kind in advance.
import type { Finding, KeepPreset, MaskKind } from '../../engine/types';
import type { Doc, FindingChoice } from '../editor/doc';
import { t } from '../i18n/i18n';
import type { Item } from './items';

/** Kinds shown together (catalogue keys under "category."); other kinds are a category of their own. */
const CATEGORY: Partial<Record<MaskKind, string>> = {
  'card-number': 'card-number',
  'security-code': 'security-code',
  'account-number': 'account-number',
  iban: 'account-number',
  mrz: 'id-document',
  'document-number': 'id-document',
  'personal-number': 'id-document',
  'date-of-birth': 'id-document',
  barcode: 'barcode',
  transactions: 'statement',
};

export const PRESETS: readonly KeepPreset[] = ['last4', 'first6last4', 'none'];
export const presetLabel = (p: KeepPreset) => t(`preset.${p}`);

/** The kind's name in the user's language; a kind the catalogue does not know yet reads as its words. */
export const kindLabel = (kind: MaskKind) => t(`kind.${kind}`, { defaultValue: kind.replace(/-/g, ' ') });

/** The category key of a kind (see CATEGORY). */
export function categoryOf(kind: MaskKind): string {
  return CATEGORY[kind] ?? kind;
}

export const categoryLabel = (category: string) =>
  t(`category.${category}`, { defaultValue: kindLabel(category as MaskKind) });

/**
 * `•••• 1234`: never show more of a number than the export will. A finding the export hides whole
 * (not keepable: a security code, the small repeat of a number's first four, an MRZ line) shows no
 * digits at all: its kind and notes say what it is. Showing its last four read as a number's last
 * four ("•••• 4000" beside "•••• 9010" for the repeat of "4000 1234 5678 9010") and put the code's
 * digits on screen.
 */
export function maskedText(f: Finding): string {
  if (!f.keepable) return '••••';
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

/** Every finding of a page: the detector's, then the numbers the user marked (undoable). */
export function findingsOf(item: Item): Finding[] {
  return [...item.findings, ...(item.history.present.marked ?? [])];
}
