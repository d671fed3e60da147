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
 * Whether `text` holds a phone number by how it is written, in one of two notations:
 * - North American (NANP): a 3-digit area code in parentheses then 3 and 4 digits ("1 (800) 711-4787";
 *   full-width parentheses as the recognizer may read them), or 3, 3 and 4 digits joined by hyphens or
 *   dots ("1-800-711-6859", "800.711.6859", and "-800-711-6859" where the crop cut off the "1") on a
 *   line of at most 11 digits (a country code and ten): a card number misread with two marks taken for
 *   hyphens ("5412 751-234-5678 9010") holds more.
 * - International (ITU-T E.123, `internationalPhone`): "+", a country code, then groups not in a card
 *   number's layout ("+1 800 711 102 432").
 * National numbers with the trunk prefix 0 ("0800 711 670") are not taken by their shape: a card
 * number whose first group is masked or unread reads the same ("0151 128 0366").
 */
export function printedAsPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return (
    NANP_PHONE.test(text) || (NANP_JOINED.test(text) && digits <= NANP_MAX_DIGITS) || internationalPhone(text)
  );
}

/** "(800) 711-4787", "( 800 )7114787", "（800) 711 4787": not followed by more digits. */
const NANP_PHONE = /[(（]\s*\d{3}\s*[)）]\s*\d{3}[\s.-]?\d{4}(?!\d)/;
/**
 * "1-800-711-6859", "800.711.6859", "call 800-711-6859.": no digit, or part of a number, either side;
 * a hyphen or dot before it only at the line's start (its "1" cut off by the crop).
 */
const NANP_JOINED = /(?:^[.-]|(?<![\d.-]))(?:1[.-])?\d{3}([.-])\d{3}\1\d{4}(?!\d|[.-]\d)/;
/** A NANP number's digits: the country code 1 and ten. */
const NANP_MAX_DIGITS = 11;
/** "+", a country code of 1 to 3 digits, and the groups after it, with no digit before the "+". */
const INTERNATIONAL = /(?<!\d[\s.-]?)\+\s?(\d{1,3})((?:[\s.-]+\d+)+)/;
/** The most digits an international phone number has (ITU-T E.164). */
const E164_MAX_DIGITS = 15;

/**
 * A phone number in ITU-T E.123's international notation: "+", a country code of 1 to 3 digits, then
 * groups of which one at least is under four digits and at most one is of four, at most 15 digits in
 * all (E.164): "+1 800 711 102 432", "+1 800711 102 432", "+49 30 1234567". A card number is never
 * written after a "+", and prints in groups of four (Amex 4-6-5): one read with its first digit taken
 * for a "+" ("+412 7512 3456 7890"), and with a digit lost as well ("+412 7512 345 7890"), is none.
 * UK-style "+44 20 7946 0123" (two groups of four) is not taken either.
 */
function internationalPhone(text: string): boolean {
  const m = INTERNATIONAL.exec(text);
  if (!m) return false;
  const groups = m[2].split(/[\s.-]+/).filter(Boolean);
  const digits = m[1].length + groups.join('').length;
  return (
    digits <= E164_MAX_DIGITS &&
    groups.some((g) => g.length < 4) &&
    groups.filter((g) => g.length === 4).length <= 1
  );
}

/** Whether `text` holds a word of the card's print (letters only, any case). */
export function readsCardWord(text: string): boolean {
  return wordsOf(text).some((w) => w.length >= 4 && CARD_WORDS.has(w));
}

/**
 * Of one line's readings the two ways round (`a`: the texts read as found, `b`: turned half round;
 * each crop read that way, wider or re-aimed ones too), the way whose texts read a word of a card's
 * print where the other way's read none: 0 or 1; undefined when both or neither do.
 */
export function wayOfKnownWords(a: readonly string[], b: readonly string[]): 0 | 1 | undefined {
  const [wa, wb] = [a.some(readsCardWord), b.some(readsCardWord)];
  if (wa === wb) return undefined;
  return wa ? 0 : 1;
}
