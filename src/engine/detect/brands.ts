import { luhnValid } from './luhn';

/** Card brands by IIN prefix and allowed lengths (ISO/IEC 7812 ranges as the networks publish them). */
export interface Brand {
  name: string;
  lengths: number[];
  /** Groupings as printed on the card, e.g. [4, 6, 5] for Amex. */
  grouping: number[];
  /**
   * The length to assume when the end of the number is out of view, when it is not the usual 16:
   * the longest the network commonly issues (China's UnionPay debit cards run to 19 digits), so
   * every digit in view that might not be among the last four is hidden.
   */
  cutLength?: number;
  matches(prefix: string): boolean;
}

const range = (p: string, digits: number, lo: number, hi: number) => {
  const v = Number(p.slice(0, digits));
  return p.length >= digits && v >= lo && v <= hi;
};

export const BRANDS: Brand[] = [
  { name: 'amex', lengths: [15], grouping: [4, 6, 5], matches: (p) => /^3[47]/.test(p) },
  { name: 'visa', lengths: [13, 16, 19], grouping: [4, 4, 4, 4], matches: (p) => p.startsWith('4') },
  {
    name: 'mastercard',
    lengths: [16],
    grouping: [4, 4, 4, 4],
    matches: (p) => range(p, 2, 51, 55) || range(p, 4, 2221, 2720),
  },
  {
    name: 'discover',
    lengths: [16, 19],
    grouping: [4, 4, 4, 4],
    matches: (p) => p.startsWith('6011') || p.startsWith('65') || range(p, 3, 644, 649),
  },
  {
    name: 'unionpay',
    lengths: [16, 17, 18, 19],
    grouping: [4, 4, 4, 4, 3],
    cutLength: 19,
    matches: (p) => p.startsWith('62'),
  },
  { name: 'jcb', lengths: [16, 17, 18, 19], grouping: [4, 4, 4, 4], matches: (p) => range(p, 4, 3528, 3589) },
  // Mir (Russia's NSPK): IIN 2200-2204, 16 to 19 digits.
  { name: 'mir', lengths: [16, 17, 18, 19], grouping: [4, 4, 4, 4], matches: (p) => range(p, 4, 2200, 2204) },
  // National schemes under ISO/IEC 7812's MII 9: Vietnam's NAPAS (IIN 9704, 16 or 19 digits) and
  // Turkey's Troy (IIN 9792, 16 digits).
  {
    name: 'napas',
    lengths: [16, 19],
    grouping: [4, 4, 4, 4, 3],
    cutLength: 19,
    matches: (p) => p.startsWith('9704'),
  },
  { name: 'troy', lengths: [16], grouping: [4, 4, 4, 4], matches: (p) => p.startsWith('9792') },
  { name: 'diners', lengths: [14, 16], grouping: [4, 6, 4], matches: (p) => /^3(0[0-5]|[689])/.test(p) },
  {
    name: 'maestro',
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
    grouping: [4, 4, 4, 4, 3],
    matches: (p) => /^(5[06-8]|6)/.test(p),
  },
];

/**
 * Whole by the card rules: every glyph a digit, a length its IIN's network issues (ISO/IEC 7812) and
 * the Luhn check digit (ISO/IEC 7812-1, annex B).
 */
export function wholeCardNumber(digits: string): boolean {
  return lengthFitsBrand(digits) && luhnValid(digits);
}

/**
 * What the card rules add to a reading's confidence (card-numbers.ts `numberConfidence`): `luhn` when
 * every glyph was read and the check digit holds, `brandLength` when the length is one its IIN's
 * network issues. Taken off again, the rest is what the recognizer and the glyph geometry said.
 */
export const CARD_RULES_BONUS = { luhn: 0.2, brandLength: 0.1 } as const;

/** The card rules' part of a reading's confidence (`CARD_RULES_BONUS`), 0 to 0.3. */
export function cardRulesBonus(digits: string): number {
  const luhn = !digits.includes('?') && luhnValid(digits) ? CARD_RULES_BONUS.luhn : 0;
  return luhn + (lengthFitsBrand(digits) ? CARD_RULES_BONUS.brandLength : 0);
}

/** The first brand whose IIN prefix fits the digits read (unread glyphs as '?' end the prefix). */
export function brandOf(digits: string): Brand | undefined {
  const prefix = digits.replace(/\?.*$/, '');
  if (prefix.length < 1) return undefined;
  return BRANDS.find((b) => b.matches(prefix));
}

/** The length a brand's cards usually print: Amex 15 digits, Diners 14, nearly every other card 16. */
export function usualLength(brand: Brand | undefined): number {
  return brand?.name === 'amex' ? 15 : brand?.name === 'diners' ? 14 : 16;
}

/** True when the brand of the prefix allows this many digits: raises confidence, never gates. */
export function lengthFitsBrand(digits: string): boolean {
  const b = brandOf(digits);
  return !!b && b.lengths.includes(digits.length);
}
