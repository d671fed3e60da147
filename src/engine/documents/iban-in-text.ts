// IBANs in OCR'd page text, printed as a country code, check digits and the BBAN, usually in groups of four.
// A reading counts only if it passes the full ISO 13616 check of `isValidIban` (SWIFT registry country,
// exact length, BBAN format, mod-97) as read, or after ONE repair of what OCR does to a printed IBAN: one
// letter read for its look-alike digit (O for 0, B for 8...), or one stray letter among the check digits
// ("DEB89" for "DE89"). Each reading tried is another 1-in-97 chance for junk to pass mod-97, so repairs
// are few and never combined: turning every look-alike letter into a digit at once, at any length when
// the country was unknown, let words such as PASSPORTPTWN00000 through. Words, names and MRZ lines are
// never IBANs, whatever their checksum. An "IBAN" label on the line still marks an unconfirmed reading.
import { ibanLength, isValidIban } from './iban';
import { LETTER_TO_DIGIT } from './ocr-confusions';
import type { Match } from './number-match';
import type { TextLine } from './page-text';

interface IbanReading {
  /** Indices into the run of the glyphs that make up the IBAN. */
  used: number[];
  /** The IBAN as repaired: compact, upper case. */
  iban: string;
  /** The one repair, for the finding's notes. */
  repair?: string;
}

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

/**
 * A line of an ICAO 9303 machine-readable zone: it has '<' fillers (or their misreads « and ‹), or it is
 * one unbroken run of 30-44 MRZ characters whose fillers came back as K's. Its letters and digits are
 * names, document numbers and dates, and some happen to pass mod-97.
 */
function isMrzLine(text: string): boolean {
  if (/[<«‹]/.test(text)) return true;
  const compact = text.trim();
  return /^[A-Z0-9]{30,44}$/.test(compact) && /KKK/.test(compact);
}

/**
 * A word or name rather than an account number: more letters than digits as read. BBANs are mostly
 * digits (at most a four-letter bank code in most countries), while OCR'd words such as
 * RESIDENCEFOR1YEA are mostly letters.
 */
function isWordLike(glyphs: readonly string[]): boolean {
  const letters = glyphs.filter((c) => /[A-Za-z]/.test(c)).length;
  return letters > glyphs.length - letters;
}

/**
 * The IBAN a run (indices into `text`) starts with, as read or after one repair; undefined when none
 * passes. The IBAN must end where a word ends: the start of a longer token is not that country's length.
 */
function readIban(text: string, run: readonly number[]): IbanReading | undefined {
  const chars = run.map((i) => text[i]);
  const len = ibanLength(chars.slice(0, 2).join(''));
  if (len === undefined || chars.length < len) return undefined;
  const endsWord = (k: number) => k === run.length - 1 || run[k + 1] !== run[k] + 1;
  const glyphs = chars.map((c) => c.toUpperCase());
  const first = [...Array(len).keys()];
  if (isWordLike(first.map((i) => chars[i]))) return undefined;

  if (endsWord(len - 1)) {
    const asRead = glyphs.slice(0, len).join('');
    if (isValidIban(asRead)) return { used: first, iban: asRead };
    // One letter read for the digit it resembles (the country code is letters by construction).
    for (let i = 2; i < len; i++) {
      const digit = LETTER_TO_DIGIT[glyphs[i]];
      const iban = digit && asRead.slice(0, i) + digit + asRead.slice(i + 1);
      if (iban && isValidIban(iban)) return { used: first, iban, repair: `${chars[i]} read for ${digit}` };
    }
  }
  // Or one stray letter inside the check digits ("DEB89"). Only a letter there shows a misread: trying
  // to skip any glyph would give every string a few more tries at mod-97.
  if (chars.length <= len || !endsWord(len)) return undefined;
  for (const skip of [2, 3]) {
    if (!/[A-Za-z]/.test(chars[skip])) continue;
    const used = [...Array(len + 1).keys()].filter((i) => i !== skip);
    const iban = used.map((i) => glyphs[i]).join('');
    if (isValidIban(iban)) return { used, iban, repair: `stray ${chars[skip]} skipped` };
  }
  return undefined;
}

/**
 * IBANs on one OCR'd line: a valid reading (see the file comment) is masked with high confidence; on a
 * line labelled "IBAN", a run that starts with a registry country code but fails the check is masked
 * too, flagged as unconfirmed. `indices` are the glyphs as read, including a spurious one skipped.
 */
export function findIbans(line: TextLine): Match[] {
  const out: Match[] = [];
  if (isMrzLine(line.text)) return out;
  const labelled = /\bIBAN\b/i.test(line.text);
  let claimedUpTo = -1;
  for (const m of line.text.matchAll(/(?<![A-Za-z0-9])[A-Z]{2}/g)) {
    if ((m.index ?? 0) <= claimedUpTo) continue;
    const run = compactRun(line, m.index ?? 0);
    if (run.length < 15) continue;
    const found = readIban(line.text, run);
    if (found) {
      const indices = run.slice(0, found.used[found.used.length - 1] + 1);
      const notes = [`IBAN (${found.iban.slice(0, 2)})`, 'mod-97 checksum valid'];
      if (found.repair) notes.push(`OCR repair: ${found.repair}`);
      out.push({ line, indices, kind: 'iban', confidence: found.repair ? 0.9 : 0.97, notes });
      claimedUpTo = indices[indices.length - 1];
      continue;
    }
    const len = ibanLength(line.text.slice(run[0], run[0] + 2));
    const indices = run.slice(0, Math.min(run.length, len ?? 0));
    if (labelled && len !== undefined && !isWordLike(indices.map((i) => line.text[i]))) {
      out.push({
        line,
        indices,
        kind: 'iban',
        confidence: 0.6,
        notes: ['IBAN (label)', 'checksum not confirmed: check the reading'],
      });
      claimedUpTo = indices[indices.length - 1];
    }
  }
  return out;
}
