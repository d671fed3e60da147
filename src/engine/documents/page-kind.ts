// What a page is (a card front or back, a passport data page, an ID card, a driving licence, a
// statement or letter) decides which finders may report on it: a card-number reader fires on MRZ lines,
// licence numbers and dates, which are not card numbers on an identity document. classifyPage weighs
// typed evidence (layout, the MRZ, OCR words, barcodes, what the card engine read) into a score per
// kind; the thresholds and weights are named here, in one place.
import { luhnValid } from '../detect/luhn';
import type { MaskKind } from '../types';
import { PAGE_KIND_LABEL, PAGE_KINDS, type PageClassification, type PageKind } from './page-kinds';
import type { MrzFormat } from './mrz';
import {
  looksLikeChineseResidentId,
  nationalIdScheme,
  nationalIdsIn,
  NATIONAL_ID_LABEL,
} from './national-ids';
import {
  CARD_BACK_WORDS,
  CARD_BRANDS,
  CARD_FRONT_WORDS,
  countAmounts,
  findKeywords,
  ID_CARD_TITLES,
  IDENTITY_LABELS,
  LETTER_WORDS,
  LICENCE_LABELS,
  LICENCE_TITLES,
  PASSPORT_TITLES,
  STATEMENT_WORDS,
  type KeywordGroup,
} from './page-keywords';

export {
  chosenKind,
  IDENTITY_KINDS,
  isPageKind,
  PAGE_KIND_LABEL,
  PAGE_KINDS,
  type PageClassification,
  type PageKind,
} from './page-kinds';

/** Evidence about one page, gathered by documents/document-findings.ts. */
export interface PageEvidence {
  /** Size of the upright image in pixels: its aspect is compared with the ID-1 card outline. */
  width: number;
  height: number;
  /** Layout check (no OCR): lines of 4+ glyph-like blobs, and MRZ-like rows among them. */
  textLines: number;
  mrzRows: number;
  /** The machine-readable zone, when one was read. `documentCode` is its first character (P, V, I, A, C...). */
  mrz?: { format: MrzFormat; documentCode: string; checkDigitsValid: boolean };
  /** The page's OCR lines; undefined when the page was not read (a card photo). */
  text?: readonly string[];
  /** Card numbers the card engine read, as read ('?' for a glyph it could not read). */
  cardNumbers: readonly string[];
  /** The card engine found a security code next to a number. */
  securityCode: boolean;
  /**
   * A card number was read mirrored: an embossed number's relief seen through the plastic, which only
   * a card's back shows (detect/mirrored-relief.ts).
   */
  numberReadMirrored?: boolean;
  /** 2D barcodes: symbology as the reader names it, and the AAMVA subfile type when it is a US/CA one. */
  barcodes: readonly { format: string; aamva?: 'DL' | 'ID' }[];
  /** Kinds the page-text finders reported (IBANs, labelled account numbers, a transaction table...). */
  pageFindings: readonly MaskKind[];
}

// ID-1 (ISO/IEC 7810): 85.60 x 53.98 mm, shared by payment cards, ID cards and licences. A TD3
// passport data page is 125 x 88 mm.
export const ID1_ASPECT = 85.6 / 53.98;
export const TD3_ASPECT = 125 / 88;
/** Tolerance on log(aspect / outline): a photo rarely crops exactly at the outline. */
export const ASPECT_TOLERANCE = { id1: 0.08, td3: 0.05 };

/** Score weights: one unit is weak evidence; an MRZ read with valid check digits settles the question. */
export const WEIGHT = {
  mrzRead: 6,
  mrzValid: 2,
  mrzRowsOnly: 2,
  title: 4,
  nationalId: 6,
  /** Shaped like a national ID (a birth date in place) but its check not confirmed. */
  nationalIdShape: 4,
  aamvaBarcode: 6,
  pdf417: 2,
  /** A card number read cleanly: every digit, an issuer prefix, the Luhn check passes. */
  cleanCardNumber: 5,
  /** Digits the card engine took for a number, with unread glyphs or a failed check: a card, barely. */
  doubtfulCardNumber: 2,
  securityCode: 2,
  /** A code on a back with no number, found by the signature panel (its label or strip read beside it). */
  panelCode: 3,
  cardWords: 2,
  cardWordsMax: 4,
  cardBrand: 1,
  cardBrandMax: 2,
  statementWord: 2,
  statementWordsMax: 8,
  letterWord: 3,
  letterWordsMax: 6,
  amounts: 2,
  iban: 3,
  accountNumber: 2,
  transactions: 2,
  identityLabels: 2,
  aspect: 1,
} as const;

export const THRESHOLD = {
  /** Below this best score the page is "other": the evidence says nothing. */
  minScore: 2,
  /** A score at which a clear winner is fully confident. */
  confidentScore: 6,
  /** Several licence labels together (a card may print one "EXP"). */
  licenceLabels: 3,
  identityLabels: 2,
  /** Money amounts on a page before they say "statement". */
  amounts: 4,
} as const;

type Scores = Record<PageKind, number>;

class Tally {
  readonly scores: Scores = Object.fromEntries(PAGE_KINDS.map((k) => [k, 0])) as Scores;
  readonly reasons: Partial<Record<PageKind, string[]>> = {};
  add(kinds: PageKind | readonly PageKind[], weight: number, reason: string): void {
    for (const k of typeof kinds === 'string' ? [kinds] : kinds) {
      this.scores[k] += weight;
      (this.reasons[k] ??= []).push(reason);
    }
  }
}

const CARD: readonly PageKind[] = ['card-front', 'card-back'];
const ID1_KINDS: readonly PageKind[] = [
  'card-front',
  'card-back',
  'id-card-front',
  'id-card-back',
  'driving-licence',
];

/** MRZ document codes (ICAO 9303 and ISO 18013 for licences) to the kind of page that carries them. */
function mrzKind(mrz: NonNullable<PageEvidence['mrz']>): { kind: PageKind; what: string } {
  const code = mrz.documentCode.toUpperCase();
  if (code === 'P') return { kind: 'passport', what: 'passport' };
  // A visa is a sticker on a passport page: the same finders apply.
  if (code === 'V') return { kind: 'passport', what: 'visa' };
  if (code === 'D') return { kind: 'driving-licence', what: 'driving licence' };
  // TD1 cards carry the zone on the back; TD2 (and TD3-sized) cards on the front.
  return mrz.format === 'TD1'
    ? { kind: 'id-card-back', what: 'identity card' }
    : { kind: 'id-card-front', what: 'identity card' };
}

/** A card number read cleanly: 13-19 digits, none unread, an issuer prefix (2-6), the Luhn check passes. */
export function isCleanCardNumber(text: string): boolean {
  const digits = text.replace(/\s/g, '');
  return /^[2-6]\d{12,18}$/.test(digits) && luhnValid(digits) && !nationalIdScheme(digits);
}

/** How a card-engine reading looks: a clean card number, a national identity number, or doubtful digits. */
function cardReading(text: string): 'clean' | 'doubtful' | { scheme: string; weight: number } {
  const scheme = nationalIdScheme(text);
  if (scheme) return { scheme: `valid ${NATIONAL_ID_LABEL[scheme]}`, weight: WEIGHT.nationalId };
  if (looksLikeChineseResidentId(text.replace(/\s/g, '')))
    return { scheme: 'number shaped like a Chinese resident ID', weight: WEIGHT.nationalIdShape };
  return isCleanCardNumber(text) ? 'clean' : 'doubtful';
}

function keywordEvidence(t: Tally, text: string): void {
  const group = (g: KeywordGroup, kinds: PageKind | readonly PageKind[], each: number, max: number) => {
    const words = findKeywords(text, g);
    if (words.length) t.add(kinds, Math.min(max, each * words.length), `${g.name}: ${words.join(', ')}`);
    return words.length;
  };
  group(PASSPORT_TITLES, 'passport', WEIGHT.title, WEIGHT.title);
  group(ID_CARD_TITLES, 'id-card-front', WEIGHT.title, WEIGHT.title);
  group(LICENCE_TITLES, 'driving-licence', WEIGHT.title, WEIGHT.title);
  group(STATEMENT_WORDS, 'statement', WEIGHT.statementWord, WEIGHT.statementWordsMax);
  group(LETTER_WORDS, 'statement', WEIGHT.letterWord, WEIGHT.letterWordsMax);
  group(CARD_FRONT_WORDS, 'card-front', WEIGHT.cardWords, WEIGHT.cardWordsMax);
  group(CARD_BRANDS, CARD, WEIGHT.cardBrand, WEIGHT.cardBrandMax);
  group(CARD_BACK_WORDS, 'card-back', WEIGHT.cardWords, WEIGHT.cardWordsMax);
  const licence = findKeywords(text, LICENCE_LABELS);
  if (licence.length >= THRESHOLD.licenceLabels)
    t.add('driving-licence', licence.length, `${licence.length} licence field labels`);
  const identity = findKeywords(text, IDENTITY_LABELS);
  if (identity.length >= THRESHOLD.identityLabels)
    t.add(['passport', 'id-card-front'], WEIGHT.identityLabels, `${identity.length} identity field labels`);
  const amounts = countAmounts(text);
  if (amounts >= THRESHOLD.amounts) t.add('statement', WEIGHT.amounts, `${amounts} money amounts`);
  const [id] = nationalIdsIn(text);
  if (id) t.add('id-card-front', WEIGHT.nationalId, `a valid ${NATIONAL_ID_LABEL[id.scheme]}`);
}

function aspectEvidence(t: Tally, e: PageEvidence): void {
  const long = Math.max(e.width, e.height) / Math.max(1, Math.min(e.width, e.height));
  if (Math.abs(Math.log(long / ID1_ASPECT)) < ASPECT_TOLERANCE.id1)
    t.add(ID1_KINDS, WEIGHT.aspect, 'card-sized outline (ID-1, 1.586)');
  else if (Math.abs(Math.log(long / TD3_ASPECT)) < ASPECT_TOLERANCE.td3)
    t.add('passport', WEIGHT.aspect, 'passport-page outline (TD3, 1.42)');
}

/**
 * The page's kind from its evidence: a pure function. Each piece of evidence adds a weight (WEIGHT) to
 * the kinds it supports; the highest score wins, "other" when none reaches THRESHOLD.minScore.
 * Confidence is the winner's lead over the runner-up, scaled down while the evidence is thin.
 */
export function classifyPage(e: PageEvidence): PageClassification {
  const t = new Tally();
  if (e.mrz) {
    const { kind, what } = mrzKind(e.mrz);
    t.add(kind, WEIGHT.mrzRead, `${e.mrz.format} machine-readable zone (${what})`);
    if (e.mrz.checkDigitsValid) t.add(kind, WEIGHT.mrzValid, 'MRZ check digits valid');
  } else if (e.mrzRows >= 3) {
    t.add('id-card-back', WEIGHT.mrzRowsOnly, 'three MRZ-like rows');
  } else if (e.mrzRows === 2) {
    t.add(['passport', 'id-card-front'], WEIGHT.mrzRowsOnly, 'two MRZ-like rows');
  }
  for (const b of e.barcodes) {
    if (b.aamva === 'DL') t.add('driving-licence', WEIGHT.aamvaBarcode, 'AAMVA licence barcode');
    else if (b.aamva === 'ID') t.add('id-card-back', WEIGHT.aamvaBarcode, 'AAMVA identity-card barcode');
    else if (b.format === 'PDF417') t.add('driving-licence', WEIGHT.pdf417, 'PDF417 barcode');
  }
  const text = e.text?.join('\n');
  if (text) keywordEvidence(t, text);
  let best: 'clean' | 'doubtful' | undefined;
  for (const n of e.cardNumbers) {
    const r = cardReading(n);
    if (typeof r === 'object') t.add('id-card-front', r.weight, `a ${r.scheme}`);
    else if (r === 'clean' || !best) best = r;
  }
  if (best) {
    // Both sides print the number: it counts for the back when the back's own evidence is there.
    const weight = best === 'clean' ? WEIGHT.cleanCardNumber : WEIGHT.doubtfulCardNumber;
    const what = best === 'clean' ? 'a Luhn-valid card number' : 'digits read as a card number';
    const backWords = text ? findKeywords(text, CARD_BACK_WORDS).length : 0;
    if (e.securityCode) t.add('card-back', weight + WEIGHT.securityCode, `${what} and a security code`);
    else if (e.numberReadMirrored) t.add('card-back', weight, `${what}, read mirrored from the card's back`);
    else if (backWords > 0) t.add('card-back', weight, what);
    else t.add('card-front', weight, what);
  } else if (e.securityCode) {
    // A back that prints no full number: the code found by its signature panel is the back's own mark.
    t.add('card-back', WEIGHT.panelCode, 'a security code by the signature panel');
  }
  if (e.pageFindings.includes('iban')) t.add('statement', WEIGHT.iban, 'an IBAN');
  if (e.pageFindings.includes('account-number'))
    t.add('statement', WEIGHT.accountNumber, 'a labelled account number');
  if (e.pageFindings.includes('transactions'))
    t.add('statement', WEIGHT.transactions, 'a table of transactions');
  aspectEvidence(t, e);

  const ranked = [...PAGE_KINDS].sort((a, b) => t.scores[b] - t.scores[a]);
  const [first, second] = ranked.map((k) => t.scores[k]);
  if (first < THRESHOLD.minScore) {
    const reasons = Object.values(t.reasons).flat();
    return {
      kind: 'other',
      label: PAGE_KIND_LABEL.other,
      confidence: 0.3,
      reasons: reasons.length ? ['too little evidence', ...new Set(reasons)] : ['nothing recognisable'],
    };
  }
  const kind = ranked[0];
  const confidence = ((first - second) / first) * Math.min(1, first / THRESHOLD.confidentScore);
  return {
    kind,
    label: PAGE_KIND_LABEL[kind],
    confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
    reasons: t.reasons[kind] ?? [],
  };
}
