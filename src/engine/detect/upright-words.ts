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
 * Whether `text` holds a phone number by how it is written, in one of three notations:
 * - North American (NANP): a 3-digit area code in parentheses then 3 and 4 digits ("1 (800) 711-4787";
 *   full-width parentheses as the recognizer may read them), or 3, 3 and 4 digits joined by hyphens or
 *   dots ("1-800-711-6859", "800.711.6859", and "-800-711-6859" where the crop cut off the "1") on a
 *   line of at most 11 digits (a country code and ten): a card number misread with two marks taken for
 *   hyphens ("5412 751-234-5678 9010") holds more.
 * - International (ITU-T E.123): "+", a country code of 1 to 3 digits, then the number ("+1 800 711
 *   102 432", "+44 20 7946 0123"). A card number is never written after a "+", and its first group has
 *   four digits.
 * - National with the trunk prefix 0 (ITU-T E.123's national notation, as in the UK, Germany, India):
 *   "0800 711 670", "020 7946 0123". Card numbers start with 1 to 9 (ISO/IEC 7812-1's major industry
 *   identifier 0 is no payment card), and print in groups of four.
 * Numbers of more than 15 digits (E.164's longest) are none of these.
 */
export function printedAsPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return (
    NANP_PHONE.test(text) ||
    (NANP_JOINED.test(text) && digits <= NANP_MAX_DIGITS) ||
    ((INTERNATIONAL.test(text) || NATIONAL.test(text)) && digits <= E164_MAX_DIGITS)
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
/**
 * "+1 800 711 102 432", "+44 20 7946 0123", "+49-30-1234567": a country code and the number's groups,
 * with no digits before the "+".
 */
const INTERNATIONAL = /(?<!\d[\s.-]?)\+\s?\d{1,3}[\s.-]\d[\d\s.-]{5,}/;
/**
 * "0800 711 670", "020 7946 0123", "0345 300 0000": the trunk prefix 0, then groups of 3 or 4, with no
 * group of digits before or after it (a card number misread with a digit lost, "217 0904 4323 1055",
 * holds such a run among its groups), and not three groups of four (a card number's last twelve
 * read without its first group: "0009 9013 9424").
 */
const NATIONAL =
  /(?<![\d+][\s.-]?)(?!\d{4}[\s.-]\d{4}[\s.-]?\d{4}(?![\s.-]?\d))0\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}(?![\s.-]?\d)/;
/** The most digits an international phone number has (ITU-T E.164). */
const E164_MAX_DIGITS = 15;

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
