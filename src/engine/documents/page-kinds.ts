// The kinds of page LastFour tells apart, their labels and the shape of a classification: plain data
// with no dependencies, so the app's main bundle can list the kinds without the classifier.

export type PageKind =
  | 'card-front'
  | 'card-back'
  | 'passport'
  | 'id-card-front'
  | 'id-card-back'
  | 'driving-licence'
  | 'statement'
  | 'other';

/** Every kind, in the order a picker lists them. */
export const PAGE_KINDS: readonly PageKind[] = [
  'card-front',
  'card-back',
  'passport',
  'id-card-front',
  'id-card-back',
  'driving-licence',
  'statement',
  'other',
];

export const PAGE_KIND_LABEL: Record<PageKind, string> = {
  'card-front': 'Payment card (front)',
  'card-back': 'Payment card (back)',
  passport: 'Passport data page',
  'id-card-front': 'ID card (front)',
  'id-card-back': 'ID card (back)',
  'driving-licence': 'Driving licence',
  statement: 'Statement or letter',
  other: 'Other',
};

/** Identity documents: no card-number or security-code finder ever reports on them. */
export const IDENTITY_KINDS: ReadonlySet<PageKind> = new Set([
  'passport',
  'id-card-front',
  'id-card-back',
  'driving-licence',
]);

export const isPageKind = (s: unknown): s is PageKind => PAGE_KINDS.includes(s as PageKind);

export interface PageClassification {
  kind: PageKind;
  /** PAGE_KIND_LABEL[kind]. */
  label: string;
  /** 0..1: how far the winning kind's score is ahead of the next (1 when the user chose the kind). */
  confidence: number;
  /** The evidence that counted, in words for the side list and the CLI (never a number from the page). */
  reasons: string[];
  /** Set when the kind was given (the user's choice, --kind), not classified. */
  chosen?: boolean;
}

/** The classification for a kind the user (or --kind) chose. */
export function chosenKind(kind: PageKind): PageClassification {
  return { kind, label: PAGE_KIND_LABEL[kind], confidence: 1, reasons: ['chosen by you'], chosen: true };
}
