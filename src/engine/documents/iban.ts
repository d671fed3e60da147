// IBAN validation (ISO 13616). The per-country rules (which codes exist, each one's exact length and BBAN
// format, and the national check digits some countries add) are the SWIFT IBAN registry's, as kept by
// the `ibantools` package: a registry we copied by hand would go stale and had no BBAN formats. A string
// that passes all of them is an account number with near certainty, so it is masked by default.
import { countrySpecs, isValidIBAN } from 'ibantools';

/**
 * IBAN length for a country code listed in the SWIFT IBAN registry, or undefined for any other code
 * (including the codes ibantools knows from outside the registry, such as the West African ones).
 */
export function ibanLength(country: string): number | undefined {
  const spec = countrySpecs[country.toUpperCase()];
  return spec?.IBANRegistry ? spec.chars : undefined;
}

/** Remainder of a long decimal string mod 97, computed in chunks (no BigInt needed). */
export function mod97(digits: string): number {
  let rem = 0;
  for (let i = 0; i < digits.length; i += 7) rem = Number(String(rem) + digits.slice(i, i + 7)) % 97;
  return rem;
}

/** The IBAN with its first four characters moved to the end and letters expanded (A=10 ... Z=35). */
function expand(iban: string): string {
  const r = iban.slice(4) + iban.slice(0, 4);
  let out = '';
  for (const c of r) out += c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c;
  return out;
}

/**
 * Whether a compact IBAN (no spaces; case is ignored) is valid: country code in the SWIFT IBAN registry,
 * that country's exact length, two check digits, a BBAN of the country's registered format (e.g. DE:
 * 18 digits; GB: 4 letters then 14 digits), the national check digits where the country has them (BE,
 * ES, FR, PL...), and the ISO 7064 mod-97 remainder of 1. Any failure gives false; it never throws.
 */
export function isValidIban(compact: string): boolean {
  const s = compact.toUpperCase();
  return ibanLength(s.slice(0, 2)) !== undefined && isValidIBAN(s);
}

/** The two check digits that make `country + '00' + bban` valid: for building fixtures and tests. */
export function ibanCheckDigits(country: string, bban: string): string {
  const rem = mod97(expand(`${country}00${bban}`.toUpperCase()));
  return String(98 - rem).padStart(2, '0');
}
