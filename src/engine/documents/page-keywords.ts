// Words that say what a page is, in the languages of the documents people send: document titles
// (PASSPORT, PERSONALAUSWEIS, DRIVER LICENSE...), statement and letter wording, card wording (VALID
// THRU, AUTHORIZED SIGNATURE...) and the field labels of licences and identity pages. Matched on OCR
// text, so the patterns tolerate what OCR does to them: accents dropped, apostrophes lost, words glued.

/** Upper case without diacritics ("RELEVÉ" = "RELEVE", "FÜHRERSCHEIN" = "FUHRERSCHEIN"), one space. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

/** A word in normalized form (see normalizeText), or a pattern with the word to name it by. */
export type Keyword = string | { say: string; re: string };

export interface KeywordGroup {
  /** Shown in the classification's reasons, e.g. "passport title". */
  name: string;
  /** Alternatives; a space matches any run of spaces or none. */
  words: readonly Keyword[];
  /** Scripts without spaces between words (Chinese) match anywhere, not on word boundaries. */
  anywhere?: readonly string[];
}

export const PASSPORT_TITLES: KeywordGroup = {
  name: 'passport title',
  words: [
    'PASSPORT',
    'PASSEPORT',
    'REISEPASS',
    'PASAPORTE',
    'PASSAPORTO',
    'PASSAPORTE',
    'PASZPORT',
    'PASPOORT',
    'PASSAPORT',
    'ПАСПОРТ',
  ],
  anywhere: ['护照', '旅券', '여권'],
};

export const ID_CARD_TITLES: KeywordGroup = {
  name: 'identity card title',
  words: [
    'IDENTITY CARD',
    'ID CARD',
    'IDENTIFICATION CARD',
    'NATIONAL IDENTITY',
    'PERSONALAUSWEIS',
    { say: "CARTE D'IDENTITÉ", re: "CARTE D'?IDENTITE" },
    'CARTE NATIONALE',
    'DOCUMENTO NACIONAL DE IDENTIDAD',
    'DOCUMENTO DE IDENTIDAD',
    { say: "CARTA D'IDENTITÀ", re: "CARTA D'?IDENTITA" },
    'CARTA DI IDENTITA',
    'IDENTITEITSKAART',
    { say: 'DOWÓD OSOBISTY', re: 'DOWOD OSOBISTY' },
    'CARTE DE IDENTITATE',
    'CARTAO DE CIDADAO',
    'CITIZEN CARD',
    'IDENTITY DOCUMENT',
    'REPUBLIC ID',
  ],
  anywhere: ['居民身份证', '身份证', '公民身份号码'],
};

export const LICENCE_TITLES: KeywordGroup = {
  name: 'driving licence title',
  words: [
    { say: 'DRIVER LICENSE', re: "DRIVER'?S? LICEN[CS]E" },
    { say: 'DRIVING LICENCE', re: 'DRIVING LICEN[CS]E' },
    { say: 'FÜHRERSCHEIN', re: 'FU?E?HRERSCHEIN' },
    'PERMIS DE CONDUIRE',
    { say: 'PERMISO DE CONDUCCIÓN', re: 'PERMISO DE CONDUCCION' },
    'PERMISO DE CONDUCIR',
    'LICENCIA DE CONDUCIR',
    'PATENTE DI GUIDA',
    'RIJBEWIJS',
    'PRAWO JAZDY',
    'CARTA DE CONDUCAO',
    'KORKORT',
    'AJOKORTTI',
    'LEARNER PERMIT',
    'INSTRUCTION PERMIT',
  ],
  anywhere: ['驾驶证', '運転免許証'],
};

export const STATEMENT_WORDS: KeywordGroup = {
  name: 'statement wording',
  words: [
    'STATEMENT',
    { say: 'OPENING/CLOSING BALANCE', re: '(?:OPENING|CLOSING|NEW|PREVIOUS|AVAILABLE|CURRENT) BALANCE' },
    'BALANCE',
    'KONTOAUSZUG',
    'KONTOSTAND',
    { say: 'RELEVÉ', re: 'RELEVE' },
    'EXTRACTO',
    'ESTRATTO CONTO',
    'REKENINGAFSCHRIFT',
    'AFSCHRIFT',
    { say: 'WYCIĄG', re: 'WYCIAG' },
    'PAYMENT DUE',
    'MINIMUM PAYMENT',
    'AMOUNT DUE',
    'SORT CODE',
    { say: 'CURRENT/SAVINGS ACCOUNT', re: '(?:CURRENT|SAVINGS|CHECKING|CHEQUING|MY) ACCOUNT' },
    'ACCOUNT SUMMARY',
    'TRANSACTIONS',
    'SALDO',
    'INVOICE',
  ],
};

export const LETTER_WORDS: KeywordGroup = {
  name: 'letter wording',
  words: [
    'DEAR',
    'YOURS SINCERELY',
    'SINCERELY',
    'YOURS FAITHFULLY',
    'KIND REGARDS',
    'BEST REGARDS',
    'SEHR GEEHRTE',
    { say: 'MIT FREUNDLICHEN GRÜSSEN', re: 'MIT FREUNDLICHEN GRU?E?SSEN' },
    'MADAME, MONSIEUR',
    'CORDIALEMENT',
  ],
};

/** What a card front says around the number. */
export const CARD_FRONT_WORDS: KeywordGroup = {
  name: 'card front wording',
  words: [
    'VALID THRU',
    'VALID THROUGH',
    'GOOD THRU',
    'VALID FROM',
    'VALID DATES',
    'MEMBER SINCE',
    'EXPIRES END',
  ],
};

export const CARD_BRANDS: KeywordGroup = {
  name: 'card brand',
  words: [
    'VISA',
    'MASTERCARD',
    'MAESTRO',
    'AMERICAN EXPRESS',
    'AMEX',
    'DISCOVER',
    'UNIONPAY',
    'JCB',
    'DINERS CLUB',
    'DEBIT',
    'CREDIT',
    'CONTACTLESS',
    'ELECTRONIC USE ONLY',
  ],
};

/** The small print of a card back. ("CARDHOLDER" alone is not here: US licences print it as a name.) */
export const CARD_BACK_WORDS: KeywordGroup = {
  name: 'card back wording',
  words: [
    { say: 'AUTHORIZED SIGNATURE', re: 'AUTHORI[SZ]ED SIGNATURE' },
    'NOT VALID UNLESS SIGNED',
    'CUSTOMER SERVICE',
    { say: 'THIS CARD IS ISSUED', re: 'THIS CARD IS (?:ISSUED|THE PROPERTY)' },
    'PROPERTY OF',
    'IF FOUND',
    'CARDHOLDER AGREEMENT',
    'SIGNATURE REQUIRED',
    'VALID ONLY WITH SIGNATURE',
    'USE OF THIS CARD',
    'LOST OR STOLEN',
  ],
};

/**
 * Field labels of US/Canadian licences (AAMVA layout) and EU licences' numbered fields (4a, 4b...).
 * One or two of them appear on cards too ("EXP"), so only several together are evidence.
 */
export const LICENCE_LABELS: KeywordGroup = {
  name: 'licence field labels',
  words: [
    'DL',
    'CLASS',
    'DOB',
    'EXP',
    'ISS',
    { say: 'RSTR', re: 'RE?STR' },
    { say: 'END', re: 'END(?:ORSE)?' },
    'HGT',
    'WGT',
    'EYES',
    'HAIR',
    'DD',
    'LN',
    'FN',
    'DONOR',
    'VETERAN',
    { say: '4a.', re: '4[ABCD]\\.' },
  ],
};

/** Labels of passport and identity-card data pages (often bilingual: "Surname / Nom"). */
export const IDENTITY_LABELS: KeywordGroup = {
  name: 'identity field labels',
  words: [
    'SURNAME',
    { say: 'GIVEN NAMES', re: 'GIVEN NAMES?' },
    'NATIONALITY',
    'DATE OF BIRTH',
    'PLACE OF BIRTH',
    'DATE OF EXPIRY',
    'DATE OF ISSUE',
    'PRENOMS',
    'NATIONALITE',
    'DATE DE NAISSANCE',
    'LIEU DE NAISSANCE',
    'APELLIDOS',
    'NACIONALIDAD',
    'GEBURTSDATUM',
    'STAATSANGEHORIGKEIT',
    'COGNOME',
    'CITTADINANZA',
  ],
};

const compiled = new Map<KeywordGroup, { word: RegExp; say: string }[]>();

function patterns(group: KeywordGroup): { word: RegExp; say: string }[] {
  let list = compiled.get(group);
  if (!list) {
    list = group.words.map((w) => {
      const { say, re } = typeof w === 'string' ? { say: w, re: w } : w;
      // Letters and digits around a word make it part of another word; a space inside may be lost.
      const word = new RegExp(`(?<![\\p{L}\\p{N}])${re.replace(/ /g, ' ?')}(?![\\p{L}\\p{N}])`, 'u');
      return { word, say };
    });
    compiled.set(group, list);
  }
  return list;
}

/**
 * The group's words found in the page text (normalized first), each counted once, named as the group
 * names them (so reasons name the word, never the page's own text).
 */
export function findKeywords(text: string, group: KeywordGroup): string[] {
  const t = normalizeText(text);
  const found = patterns(group)
    .filter((p) => p.word.test(t))
    .map((p) => p.say);
  for (const w of group.anywhere ?? []) if (t.includes(w)) found.push(w);
  return found;
}

/** Money amounts with two decimals ("1,204.55", "-54.20", "€ 2.345,67"): rows of a statement. */
export function countAmounts(text: string): number {
  return (text.match(/(?<![\d.,])[-+]?[$€£]?\s?\d{1,3}(?:[,.\s]\d{3})*[.,]\d{2}(?![\d.,]*\d)/g) ?? []).length;
}
