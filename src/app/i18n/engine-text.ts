// The engine speaks English (the CLI prints its words as they are). The app shows the user's language:
// each engine sentence the app can show is matched here and said again through the catalogue, with
// its numbers and names carried over (in English the engine's sentence is shown as it is). A sentence
// not listed (a new note, a browser's own error) is
// shown as the engine wrote it rather than hidden.
// The patterns follow the wording of the detectors' notes, the page-kind reasons and the PDF notes in
// src/engine; tests/unit/i18n-engine-text.test.ts checks them. Failures have codes and their own
// table: ./engine-errors.ts.
import type { TOptions } from 'i18next';
import { i18n, t } from './i18n';

type Rule = [RegExp, (m: RegExpMatchArray) => string];
/** A rule whose pattern matched but which does not know this sentence: the next rules are tried. */
const NO_MATCH = '\u0000';

const num = (s: string) => Number(s.replace(/,/g, ''));
const rule = (re: RegExp, key: string, params?: (m: RegExpMatchArray) => TOptions): Rule => [
  re,
  (m) => t(key, params?.(m) ?? {}),
];

/** Keyword groups of src/engine/documents/page-keywords.ts, by their `name`. */
const KEYWORD_GROUPS = new Set([
  'passport title',
  'identity card title',
  'driving licence title',
  'statement wording',
  'letter wording',
  'card front wording',
  'card brand',
  'card back wording',
  'licence field labels',
  'identity field labels',
]);
const slug = (s: string) => s.replace(/\s+/g, '-');
/** NATIONAL_ID_LABEL of src/engine/documents/national-ids.ts. */
const NATIONAL_IDS: Record<string, string> = {
  'Chinese resident identity number': 'engineNote.cnId',
  'Romanian personal numeric code (CNP)': 'engineNote.roCnp',
};
const MRZ_WHAT = new Set(['passport', 'visa', 'driving licence', 'identity card']);

const NOTES: Rule[] = [
  [
    /^([a-z ]+): (.+)$/,
    (m) =>
      KEYWORD_GROUPS.has(m[1])
        ? t('engineNote.keywords', { group: t(`engineNote.kw.${slug(m[1])}`), words: m[2] })
        : NO_MATCH,
  ],
  [
    /^(\w+) machine-readable zone \((.+)\)$/,
    (m) =>
      t('engineNote.mrzZone', {
        format: m[1],
        what: MRZ_WHAT.has(m[2]) ? t(`engineNote.mrzWhat.${slug(m[2])}`) : m[2],
      }),
  ],
  rule(/^a Luhn-valid card number$/, 'engineNote.luhnCard'),
  rule(/^digits read as a card number$/, 'engineNote.digitsAsCard'),
  rule(/^a number shaped like a Chinese resident ID$/, 'engineNote.idShape'),
  [
    /^a valid (.+)$/,
    (m) => t('engineNote.validId', { name: NATIONAL_IDS[m[1]] ? t(NATIONAL_IDS[m[1]]) : m[1] }),
  ],
  [/^(.+)$/, (m) => (NATIONAL_IDS[m[1]] ? t(NATIONAL_IDS[m[1]]) : NO_MATCH)],
  rule(/^brand: unknown$/, 'engineNote.brandUnknown'),
  rule(/^brand: (.+)$/, 'engineNote.brand', (m) => ({ name: m[1] })),
  rule(/^some digits unread$/, 'engineNote.someUnread'),
  rule(/^Luhn: valid$/, 'engineNote.luhnValid'),
  rule(/^Luhn: fails$/, 'engineNote.luhnFails'),
  rule(/^cut by the frame before its last four/, 'engineNote.cutShort'),
  rule(/^only its first groups in view/, 'engineNote.partShown'),
  rule(/^its middle groups out of sight/, 'engineNote.middleShown'),
  rule(/^read mirrored: /, 'engineNote.mirrored'),
  rule(/^reading direction uncertain/, 'engineNote.uncertain'),
  rule(/^read with glyphs lost/, 'engineNote.lostGlyphs'),
  rule(/^printed in (\d+) stacked groups$/, 'engineNote.stacked', (m) => ({ count: num(m[1]) })),
  rule(/^security code on the signature panel$/, 'engineNote.panelCode'),
  rule(/^security code beside the signature panel$/, 'engineNote.besidePanel'),
  rule(/^the first four digits, printed again in small type$/, 'engineNote.repeatedPrefix'),
  rule(/^marked with the number tool$/, 'engineNote.marked'),
  rule(/^every digit read$/, 'engineNote.everyDigitRead'),
  rule(/^(\d+) of (\d+) digits unread$/, 'engineNote.unreadOf', (m) => ({
    unread: num(m[1]),
    total: num(m[2]),
  })),
  rule(/^glyphs placed by the card layout/, 'engineNote.layoutPlaced'),
  rule(/^the digits could not be told apart/, 'engineNote.gapsCheck'),
  rule(/^IBAN checksum valid$/, 'engineNote.ibanValid'),
  rule(/^Fails the IBAN checksum$/, 'engineNote.ibanFails'),
  rule(/^Security code printed after the card number$/, 'engineNote.codeAfterNumber'),
  rule(/^Long number$/, 'engineNote.longNumber'),
  rule(/^After an account label$/, 'engineNote.afterLabel'),
  rule(/^From the PDF text layer$/, 'engineNote.textLayer'),
  rule(/^line (\d+) of (\d+)$/, 'engineNote.mrzLine', (m) => ({ line: num(m[1]), total: num(m[2]) })),
  rule(/^(\d+) transaction rows$/, 'engineNote.txRows', (m) => ({ count: num(m[1]) })),
  rule(/^hides dates, descriptions and amounts/, 'engineNote.txHides'),
  rule(/^personal number$/, 'engineNote.personalNumber'),
  rule(/^check digit valid$/, 'engineNote.checkDigitValid'),
  rule(/^OCR repair: (.+)$/, 'engineNote.ocrRepair', (m) => ({ detail: m[1] })),
  rule(/^IBAN \(label\)$/, 'engineNote.ibanLabel'),
  rule(/^checksum not confirmed/, 'engineNote.ibanUnconfirmed'),
  rule(/^chosen by you$/, 'engineNote.chosenByYou'),
  rule(/^too little evidence$/, 'engineNote.tooLittle'),
  rule(/^nothing recognisable$/, 'engineNote.nothingRecognisable'),
  rule(/^(\d+) licence field labels$/, 'engineNote.licenceLabels', (m) => ({ count: num(m[1]) })),
  rule(/^(\d+) identity field labels$/, 'engineNote.identityLabels', (m) => ({ count: num(m[1]) })),
  rule(/^(\d+) money amounts$/, 'engineNote.amounts', (m) => ({ count: num(m[1]) })),
  rule(/^card-sized outline/, 'engineNote.cardOutline'),
  rule(/^passport-page outline/, 'engineNote.passportOutline'),
  rule(/^MRZ check digits valid$/, 'engineNote.mrzValid'),
  rule(/^three MRZ-like rows$/, 'engineNote.threeMrzRows'),
  rule(/^two MRZ-like rows$/, 'engineNote.twoMrzRows'),
  rule(/^AAMVA licence barcode$/, 'engineNote.aamvaLicence'),
  rule(/^AAMVA identity-card barcode$/, 'engineNote.aamvaId'),
  rule(/^PDF417 barcode$/, 'engineNote.pdf417'),
  rule(/^an IBAN$/, 'engineNote.anIban'),
  rule(/^a labelled account number$/, 'engineNote.labelledAccount'),
  rule(/^a table of transactions$/, 'engineNote.txTable'),
  [/^(.+) and a security code$/, (m) => t('engineNote.andSecurityCode', { what: engineNote(m[1]) })],
  [
    /^(.+), read mirrored from the card's back$/,
    (m) => t('engineNote.readMirroredFromBack', { what: engineNote(m[1]) }),
  ],
  rule(/^Page (\d+) has no usable size/, 'engineNote.pageNoSize', (m) => ({ page: num(m[1]) })),
  rule(/^Page (\d+) is damaged and is left out \((.*)\)\.$/, 'engineNote.pageDamaged', (m) => ({
    page: num(m[1]),
    detail: m[2],
  })),
];

function say(rules: readonly Rule[], text: string): string | undefined {
  // In English the engine's own sentence is the original: shown exactly as written.
  if ((i18n.resolvedLanguage ?? 'en') === 'en') return text;
  for (const [re, render] of rules) {
    const m = text.match(re);
    const said = m ? render(m) : NO_MATCH;
    if (said !== NO_MATCH) return said;
  }
  return undefined;
}

/** A finding's note, a page-kind reason or a PDF's note in the user's language. */
export const engineNote = (note: string): string => say(NOTES, note) ?? note;
