// Which way round a line reads, from words of a card's own print. Read upside down, Latin print comes
// out as capitals, digits and symbols ("€12p-112 (008) | 8dIAIBS JBwoIsND" for "Customer Service
// 1 (800) 711-4713"), and the recognizer's confidence can be as high as the upright reading's: the
// confidence cannot say which way is up. A dictionary word can: upside-down print never spells
// "SERVICE". The words are those printed on cards and their backs in English (the networks' rules
// ask for an English signature-panel notice, and the customer-service line).

/** Words of four letters or more printed on cards, upper case. */
const CARD_WORDS = new Set([
  'ACCOUNT',
  'AGREEMENT',
  'AUTHORISED',
  'AUTHORIZED',
  'BANK',
  'BRANCH',
  'CALL',
  'CARD',
  'CARDHOLDER',
  'COLLECT',
  'CONDITIONS',
  'CONTACT',
  'COUNTRY',
  'CREDIT',
  'CUSTOMER',
  'DEBIT',
  'ELECTRONIC',
  'FOUND',
  'HOLDER',
  'INTERNATIONAL',
  'ISSUED',
  'ISSUER',
  'LOST',
  'MEMBER',
  'OUTSIDE',
  'PLEASE',
  'PROPERTY',
  'RETURN',
  'RETURNED',
  'SECURITY',
  'SERVICE',
  'SERVICES',
  'SIGNATURE',
  'SIGNED',
  'STOLEN',
  'SUBJECT',
  'TELEPHONE',
  'TERMS',
  'THIS',
  'UNLESS',
  'VALID',
  'WITH',
]);

/** Words that label a phone line ("Customer Service 1 (800) 711-4713", "Call +44 ..."), upper case. */
const PHONE_LABELS = new Set([
  'CALL',
  'CONTACT',
  'HOTLINE',
  'PHONE',
  'SERVICE',
  'SERVICES',
  'TEL',
  'TELEPHONE',
]);

const wordsOf = (text: string) => text.split(/[^\p{L}]+/u).map((w) => w.toUpperCase());

/** Whether `text` reads as a phone line: a word that labels one ("Customer Service", "Call"). */
export function labelsPhoneLine(text: string): boolean {
  return wordsOf(text).some((w) => PHONE_LABELS.has(w));
}

/**
 * Whether `text` reads as a phone line: labelled as one (`labelsPhoneLine`), or printed as a phone
 * number (`printedAsPhoneNumber`). Card numbers are printed in groups of four or more parted by spaces
 * (ISO/IEC 7811 embossing, the networks' card design rules), so a line cut off before its label
 * ("ce 1 (800) 7114787", "1-800-711-6859") still reads as a phone line, while a stray bracket read
 * around a number's group ("(5412) 7512 3456 7890") leaves it a number.
 */
export function readsAsPhoneLine(text: string): boolean {
  return labelsPhoneLine(text) || printedAsPhoneNumber(text);
}

/**
 * Whether `text` is printed as a North American number is (NANP): a 3-digit area code in parentheses
 * then 3 and 4 digits ("1 (800) 711-4787"; full-width parentheses as the recognizer may read them), or
 * 3, 3 and 4 digits joined by hyphens or dots ("1-800-711-6859", "800.711.6859") on a line of at most
 * 11 digits (a country code and ten): a card number misread with two marks taken for hyphens
 * ("5412 751-234-5678 9010") holds more.
 */
export function printedAsPhoneNumber(text: string): boolean {
  return (
    NANP_PHONE.test(text) || (NANP_JOINED.test(text) && text.replace(/\D/g, '').length <= NANP_MAX_DIGITS)
  );
}

/** "(800) 711-4787", "( 800 )7114787", "（800) 711 4787": not followed by more digits. */
const NANP_PHONE = /[(（]\s*\d{3}\s*[)）]\s*\d{3}[\s.-]?\d{4}(?!\d)/;
/** "1-800-711-6859", "800.711.6859", "call 800-711-6859.": no digit, or part of a number, either side. */
const NANP_JOINED = /(?<![\d.-])(?:1[.-])?\d{3}([.-])\d{3}\1\d{4}(?!\d|[.-]\d)/;
/** A NANP number's digits: the country code 1 and ten. */
const NANP_MAX_DIGITS = 11;

/** Whether `text` holds a word of the card's print (letters only, any case). */
export function readsCardWord(text: string): boolean {
  return wordsOf(text).some((w) => w.length >= 4 && CARD_WORDS.has(w));
}

/**
 * Of one line's readings the two ways round (`a` as read, `b` turned half round), the one that reads
 * a word of a card's print where the other reads none: 0 or 1; undefined when both or neither do.
 */
export function wayOfKnownWords(
  a: { text: string } | undefined,
  b: { text: string } | undefined,
): 0 | 1 | undefined {
  const [wa, wb] = [!!a && readsCardWord(a.text), !!b && readsCardWord(b.text)];
  if (wa === wb) return undefined;
  return wa ? 0 : 1;
}
