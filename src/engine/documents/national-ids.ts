// National identity numbers that look like card numbers to a digit reader: a Chinese resident identity
// number (18 characters) and a Romanian personal numeric code (CNP, 13 digits). Both carry a birth date
// and a check character, so a valid one is strong evidence that the page is an identity card, and on
// an identity card it is a personal number (a suggestion), never a card number.
import type { Finding } from '../types';
import { findingFromIndices } from './findings-util';
import type { TextLine } from './page-text';

export type NationalIdScheme = 'cn-resident-id' | 'ro-cnp';

export const NATIONAL_ID_LABEL: Record<NationalIdScheme, string> = {
  'cn-resident-id': 'Chinese resident identity number',
  'ro-cnp': 'Romanian personal numeric code (CNP)',
};

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432';

/**
 * Whether 18 characters are a Chinese resident identity number: a region code (first digit 1-8), a
 * birth date YYYYMMDD (1900-2099) and a check character. `?` (a glyph the reader could not read) is
 * allowed in the check position only; the check is then not verified.
 */
export function isChineseResidentId(s: string): boolean {
  if (!/^[1-8]\d{16}[\dX?]$/.test(s)) return false;
  const year = Number(s.slice(6, 10));
  if (year < 1900 || year > 2099 || !validDate(year, Number(s.slice(10, 12)), Number(s.slice(12, 14))))
    return false;
  if (s[17] === '?') return true;
  const sum = CN_WEIGHTS.reduce((n, w, i) => n + w * Number(s[i]), 0);
  return CN_CHECK[sum % 11] === s[17];
}

// Romanian CNP: weights 279146358279, sum mod 11, a remainder of 10 writes 1.
const RO_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

/** Whether 13 digits are a Romanian CNP: sex/century digit, birth date YYMMDD, county 01-52, check digit. */
export function isRomanianCnp(s: string): boolean {
  if (!/^[1-9]\d{12}$/.test(s)) return false;
  const century = { 1: 1900, 2: 1900, 3: 1800, 4: 1800, 5: 2000, 6: 2000 }[Number(s[0])] ?? 1900;
  if (!validDate(century + Number(s.slice(1, 3)), Number(s.slice(3, 5)), Number(s.slice(5, 7)))) return false;
  const county = Number(s.slice(7, 9));
  if (county < 1 || county > 52) return false;
  const sum = RO_WEIGHTS.reduce((n, w, i) => n + w * Number(s[i]), 0);
  const check = sum % 11 === 10 ? 1 : sum % 11;
  return check === Number(s[12]);
}

/**
 * Whether 18 characters read from a card-like photo are shaped like a Chinese resident ID even though a
 * digit was misread (the check fails or a glyph is unread): a region code and a birth date in place.
 * Card numbers have at most 19 digits and no birth date at digits 7-14.
 */
export function looksLikeChineseResidentId(s: string): boolean {
  if (!/^[1-8][\d?]{5}(?:19|20)\d{6}[\d?]{3}[\dX?]$/.test(s)) return false;
  return validDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
}

/** The scheme a run of characters (spaces and dashes ignored) is a valid number of, if any. */
export function nationalIdScheme(text: string): NationalIdScheme | undefined {
  const s = text.toUpperCase().replace(/[\s-]/g, '');
  if (s.length === 18 && isChineseResidentId(s)) return 'cn-resident-id';
  if (s.length === 13 && isRomanianCnp(s)) return 'ro-cnp';
  return undefined;
}

// Runs of 13-18 digits (optionally in groups, an 'X' check character last) not glued to more digits.
const CANDIDATE = /(?<![\dA-Za-z])\d(?:[ -]?\d){12,16}(?:[ -]?[\dXx])?(?![\dA-Za-z])/g;

/** Valid national identity numbers in a line of text, with where they start and end. */
export function nationalIdsIn(text: string): { scheme: NationalIdScheme; start: number; end: number }[] {
  const out: { scheme: NationalIdScheme; start: number; end: number }[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const scheme = nationalIdScheme(m[0]);
    const start = m.index ?? 0;
    if (scheme) out.push({ scheme, start, end: start + m[0].length });
  }
  return out;
}

/** National identity numbers printed on the page: personal-number suggestions (off by default). */
export function findNationalIds(lines: readonly TextLine[]): Finding[] {
  const out: Finding[] = [];
  for (const line of lines) {
    for (const { scheme, start, end } of nationalIdsIn(line.text)) {
      const indices: number[] = [];
      for (let i = start; i < end; i++) if (/[\dXx]/.test(line.text[i]) && line.boxes[i]) indices.push(i);
      out.push(
        findingFromIndices(`doc-national-id-${out.length}`, line, indices, {
          kind: 'personal-number',
          confidence: 0.9,
          keepable: false,
          enabledByDefault: false,
          notes: ['personal number', NATIONAL_ID_LABEL[scheme], 'check digit valid'],
        }),
      );
    }
  }
  return out;
}
