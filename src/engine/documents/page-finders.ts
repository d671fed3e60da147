// Which finders may report on a page of a given kind. The card engine (card numbers read from a card
// photo, the small repeated first four, the security code) belongs on cards; on a passport, an ID card
// or a licence it reads MRZ fragments, document numbers and dates as card numbers, so its findings are
// dropped there. Statements get their card numbers from the page text (labelled, in card-like groups),
// not from the card engine, which reads amounts and references on a dense page as numbers.
import type { Finding, MaskKind } from '../types';
import type { PageKind } from './page-kind';

export interface Finders {
  /** The card engine's number reader (card-number findings, and the repeated first four). */
  cardEngine: boolean;
  /** The card engine's security-code reader. */
  securityCode: boolean;
  /** Page text: card numbers in card-like groups, IBANs, labelled account numbers, a code after a number. */
  statementNumbers: boolean;
  mrz: boolean;
  /** Document number, personal number (national identity numbers too), date of birth: suggestions. */
  idFields: boolean;
  barcode: boolean;
  transactions: boolean;
}

const ALL: Finders = {
  cardEngine: true,
  securityCode: true,
  statementNumbers: true,
  mrz: true,
  idFields: true,
  barcode: true,
  transactions: true,
};

const IDENTITY: Finders = {
  cardEngine: false,
  securityCode: false,
  statementNumbers: false,
  mrz: true,
  idFields: true,
  barcode: true,
  transactions: false,
};

const CARD: Finders = {
  cardEngine: true,
  securityCode: true,
  // A card back prints its number (and the code after it) in the small print.
  statementNumbers: true,
  // Never found on a real card; kept (as suggestions, off by default) in case an ID was taken for one.
  mrz: true,
  idFields: true,
  barcode: true,
  transactions: false,
};

const STATEMENT: Finders = {
  cardEngine: false,
  securityCode: false,
  statementNumbers: true,
  mrz: false,
  idFields: false,
  barcode: true,
  transactions: true,
};

/** The finders for a kind; "other" (nothing recognisable) keeps every finder, as before kinds existed. */
export function findersFor(kind: PageKind): Finders {
  switch (kind) {
    case 'card-front':
    case 'card-back':
      return CARD;
    case 'passport':
    case 'id-card-front':
    case 'id-card-back':
    case 'driving-licence':
      return IDENTITY;
    case 'statement':
      return STATEMENT;
    case 'other':
      return ALL;
  }
}

/** The finder a page-text finding came from. */
const TEXT_FINDER: Partial<Record<MaskKind, keyof Finders>> = {
  'card-number': 'statementNumbers',
  'security-code': 'statementNumbers',
  iban: 'statementNumbers',
  'account-number': 'statementNumbers',
  mrz: 'mrz',
  'document-number': 'idFields',
  'personal-number': 'idFields',
  'date-of-birth': 'idFields',
  barcode: 'barcode',
  transactions: 'transactions',
};

/** Page-text and barcode findings (documents/) the kind's finders allow. */
export function allowedDocumentFindings(findings: readonly Finding[], finders: Finders): Finding[] {
  return findings.filter((f) => {
    const finder = TEXT_FINDER[f.kind];
    return finder === undefined || finders[finder];
  });
}

/** Card-engine findings (detect/) the kind's finders allow: none on identity documents and statements. */
export function allowedCardFindings(findings: readonly Finding[], finders: Finders): Finding[] {
  return findings.filter((f) => (f.kind === 'security-code' ? finders.securityCode : finders.cardEngine));
}
