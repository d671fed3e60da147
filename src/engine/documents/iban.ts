// IBAN validation (ISO 13616): country-specific length and the mod-97 checksum. A run of letters and
// digits that passes both is an account number with near certainty, so it is masked by default.

/** IBAN lengths by country (SWIFT IBAN registry), for the countries users are likely to upload. */
const LENGTHS: Record<string, number> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ' +
    'ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 ' +
    'KZ20 LB28 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 ' +
    'QA29 RO24 RS22 SA24 SE24 SI19 SK24 SM27 TN24 TR26 UA29 VG24 XK20'
  )
    .split(' ')
    .map((e) => [e.slice(0, 2), Number(e.slice(2))]),
);

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

/** Compact IBAN (no spaces, upper case) passes length and mod-97. */
export function isValidIban(compact: string): boolean {
  const s = compact.toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const len = LENGTHS[s.slice(0, 2)];
  if (len !== undefined && s.length !== len) return false;
  return mod97(expand(s)) === 1;
}

/** The two check digits that make `country + '00' + bban` valid: for building fixtures and tests. */
export function ibanCheckDigits(country: string, bban: string): string {
  const rem = mod97(expand(`${country}00${bban}`.toUpperCase()));
  return String(98 - rem).padStart(2, '0');
}

/** Country code of a compact string that starts like an IBAN, with its registered length. */
export function ibanLength(country: string): number | undefined {
  return LENGTHS[country.toUpperCase()];
}
