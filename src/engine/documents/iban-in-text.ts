// IBANs in page text: a country code, check digits and 10-30 letters/digits, printed in groups of four.
// Only a valid mod-97 checksum (after small OCR repairs) or an "IBAN" label makes one.
import { ibanLength, isValidIban } from './iban';
import { LETTER_TO_DIGIT } from './ocr-confusions';
import type { Match } from './number-match';
import type { TextLine } from './page-text';

/** Compact alnum run starting at `from`, crossing single spaces (IBANs are printed in groups of four). */
function compactRun(line: TextLine, from: number): number[] {
  const idx: number[] = [];
  for (let i = from; i < line.text.length && idx.length < 40; i++) {
    const c = line.text[i];
    if (/[A-Za-z0-9]/.test(c)) idx.push(i);
    else if (c === ' ' && line.text[i + 1] !== ' ' && idx.length > 0) continue;
    else break;
  }
  return idx;
}

/** Tries the reading and small repairs (one spurious glyph, letter/digit confusions) for a valid IBAN. */
function repairIban(chars: string[]): { used: number[]; iban: string } | undefined {
  const country = chars.slice(0, 2).join('').toUpperCase();
  const len = ibanLength(country);
  const lengths = len ? [len] : [];
  if (!len) for (let l = 15; l <= 34; l++) lengths.push(l);
  const digitize = (s: string[], positions: (i: number) => boolean) =>
    s.map((c, i) => (positions(i) ? (LETTER_TO_DIGIT[c.toUpperCase()] ?? c) : c.toUpperCase()));
  for (const l of lengths) {
    const variants: number[][] = [[...Array(Math.min(l, chars.length)).keys()]];
    // One extra glyph read among the country code and check digits ("DEB89" for "DE89").
    for (let skip = 2; skip < 6; skip++) variants.push([...Array(l + 1).keys()].filter((i) => i !== skip));
    for (const used of variants) {
      if (used.length !== l || used[used.length - 1] >= chars.length) continue;
      const s = used.map((i) => chars[i]);
      const plain = s.join('').toUpperCase();
      if (isValidIban(plain)) return { used, iban: plain };
      // Check digits are digits; many countries' BBANs are all digits too (DE, FR partly, IT partly...).
      const fixedCheck = digitize(s, (i) => i === 2 || i === 3).join('');
      if (isValidIban(fixedCheck)) return { used, iban: fixedCheck };
      const allDigits = digitize(s, (i) => i >= 2).join('');
      if (isValidIban(allDigits)) return { used, iban: allDigits };
    }
  }
  return undefined;
}

export function findIbans(line: TextLine): Match[] {
  const out: Match[] = [];
  const labelled = /\bIBAN\b/i.test(line.text);
  for (const m of line.text.matchAll(/(?<![A-Za-z0-9])[A-Z]{2}[ ]?[0-9OIlSB][0-9OIlSB8]/g)) {
    const run = compactRun(line, m.index ?? 0);
    if (run.length < 15) continue;
    const chars = run.map((i) => line.text[i]);
    const fixed = repairIban(chars);
    if (fixed) {
      const last = fixed.used[fixed.used.length - 1];
      // Mask every glyph as read up to the IBAN's end, including any spurious one we skipped.
      out.push({
        line,
        indices: run.slice(0, last + 1),
        kind: 'iban',
        confidence: 0.97,
        notes: [`IBAN (${fixed.iban.slice(0, 2)})`, 'mod-97 checksum valid'],
      });
    } else if (labelled) {
      out.push({
        line,
        indices: run.slice(0, Math.min(run.length, 34)),
        kind: 'iban',
        confidence: 0.6,
        notes: ['IBAN (label)', 'checksum not confirmed: check the reading'],
      });
    }
  }
  return out;
}

// "Account No.", "Acct #", "Account number:", "Kontonummer"... A bare "account" (as in "CHEQUING ACCOUNT
// STATEMENT") is not a label: a number word or a colon must follow.
