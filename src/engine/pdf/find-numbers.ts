// Sensitive numbers in a line of real text (a PDF's own text layer, so every character is exact):
// IBANs (mod-97), card numbers (13-19 digits; Luhn and IIN raise confidence but never gate) and
// account numbers (after an account keyword, or long bare digit runs). Amounts, dates and short
// references are left alone. Pure string work: positions are indices into the line's text.
import { brandOf, lengthFitsBrand } from '../detect/brands';
import { luhnValid } from '../detect/luhn';
import { ibanLength, isValidIban } from '../documents/iban';
import type { MaskKind } from '../types';

export interface NumberMatch {
  kind: Extract<MaskKind, 'card-number' | 'account-number' | 'iban' | 'security-code'>;
  /** Indices into the line of the characters that make up the number (no spaces or dashes). */
  indices: number[];
  confidence: number;
  notes: string[];
}

interface Group {
  start: number;
  end: number;
}

const ACCOUNT_KEYWORD =
  /(account|acct|a\/c|konto|compte|cuenta|conto|rekening|sort[ -]?code|routing|bsb|customer|member|client)\b[^\d\n]{0,24}$/i;

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** IBANs first: they contain digit runs the card and account rules would otherwise claim. */
function findIbans(s: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of s.matchAll(/(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,32}/g)) {
    const at = m.index ?? 0;
    const chars = [...m[0]].map((c, i) => ({ c, i: at + i })).filter((x) => x.c !== ' ');
    const known = ibanLength(m[0].slice(0, 2));
    const lengths = known ? [known] : range(14, Math.min(34, chars.length) + 1).reverse();
    for (const len of lengths) {
      if (len > chars.length) continue;
      const take = chars.slice(0, len);
      const compact = take.map((x) => x.c).join('');
      const valid = isValidIban(compact);
      // A registered country and the exact length but a failed checksum is still most likely an
      // IBAN (a typo, or a sample number): mask it, with lower confidence.
      if (valid || known) {
        out.push({
          kind: 'iban',
          indices: take.map((x) => x.i),
          confidence: valid ? 0.98 : 0.6,
          notes: [valid ? 'IBAN checksum valid' : 'Fails the IBAN checksum'],
        });
        break;
      }
    }
  }
  return out;
}

/** Digit groups joined by one kind of separator (spaces, or dashes), split where the kind changes. */
function digitChains(s: string): Group[][] {
  const chains: Group[][] = [];
  for (const m of s.matchAll(/\d+(?:(?: {1,2}|-)\d+)*/g)) {
    const at = m.index ?? 0;
    let chain: Group[] = [];
    let sep: string | undefined;
    for (const g of m[0].matchAll(/\d+/g)) {
      const start = at + (g.index ?? 0);
      const group = { start, end: start + g[0].length };
      const prev = chain[chain.length - 1];
      if (prev) {
        const kind = s.slice(prev.end, start).trim() === '' ? ' ' : '-';
        if (sep !== undefined && kind !== sep) {
          chains.push(chain);
          chain = [];
          sep = undefined;
        } else sep = kind;
      }
      chain.push(group);
    }
    chains.push(chain);
  }
  return chains;
}

/** Part of an amount (1,234.56 / 1.234,56), a decimal, or glued to letters (a reference like AB123). */
function isExcluded(s: string, g: Group): boolean {
  const before = s[g.start - 1];
  const after = s[g.end];
  if ((before === '.' || before === ',') && isDigit(s[g.start - 2])) return true;
  if ((after === '.' || after === ',') && isDigit(s[g.end + 1])) return true;
  if (isLetter(before) || isLetter(after)) return true;
  return false;
}

/** Chains with excluded groups removed (each removal splits the chain). */
function cleanChains(s: string): Group[][] {
  const out: Group[][] = [];
  for (const chain of digitChains(s)) {
    let cur: Group[] = [];
    for (const g of chain) {
      if (isExcluded(s, g)) {
        if (cur.length) out.push(cur);
        cur = [];
      } else cur.push(g);
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

const digitsOf = (s: string, groups: Group[]) => groups.map((g) => s.slice(g.start, g.end)).join('');
const indicesOf = (groups: Group[]) => groups.flatMap((g) => range(g.start, g.end));
/** 2024-03-01 or 01-03-2024 with a real month and day (a sort code like 20-00-00 is not a date). */
function looksLikeDate(text: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{1,2})-(\d{1,2})-(\d{2,4})$/.exec(text);
  if (!m) return false;
  const [a, b, c] = m.slice(1).map(Number);
  const [month, day] = m[1].length === 4 ? [b, c] : b <= 12 ? [b, a] : [a, b];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function cardMatch(s: string, groups: Group[]): NumberMatch {
  const digits = digitsOf(s, groups);
  const luhn = luhnValid(digits);
  const brand = brandOf(digits);
  let confidence = 0.7;
  if (luhn) confidence += 0.2;
  if (lengthFitsBrand(digits)) confidence += 0.05;
  const notes = [luhn ? 'Luhn check passes' : 'Fails the Luhn check'];
  if (brand) notes.push(brand.name);
  return { kind: 'card-number', indices: indicesOf(groups), confidence: Math.min(0.99, confidence), notes };
}

/** The window of 13-19 digits that best looks like a card: Luhn, then brand length, then 16 digits. */
function bestCardWindow(s: string, chain: Group[]): Group[] | undefined {
  let best: Group[] | undefined;
  let bestScore = -1;
  for (let i = 0; i < chain.length; i++) {
    for (let j = i + 1; j <= chain.length; j++) {
      const win = chain.slice(i, j);
      const digits = digitsOf(s, win);
      if (digits.length < 13 || digits.length > 19) continue;
      const score =
        (luhnValid(digits) ? 4 : 0) + (lengthFitsBrand(digits) ? 2 : 0) + (digits.length === 16 ? 1 : 0);
      if (score > bestScore) {
        best = win;
        bestScore = score;
      }
    }
  }
  return bestScore >= 4 ? best : undefined;
}

/**
 * Letter-spaced text ("A c c t :  1 2 3 4 5 6 7 8", from character spacing that pdf.js turns into
 * spaces) with the spaces between single characters removed, and where each kept character was.
 * `gaps`: indices of spaces known to be word gaps (between PDF text items); they always stay.
 */
export function collapseLetterSpacing(
  line: string,
  gaps: ReadonlySet<number> = new Set(),
): { text: string; map: number[] } {
  // A character standing alone between spaces (or at an end of the line).
  const isolated = (j: number) =>
    j >= 0 &&
    j < line.length &&
    line[j] !== ' ' &&
    (j === 0 || line[j - 1] === ' ') &&
    (j === line.length - 1 || line[j + 1] === ' ');
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ' ' && !gaps.has(i) && isolated(i - 1) && isolated(i + 1)) continue;
    text += line[i];
    map.push(i);
  }
  return { text, map };
}

export function findSensitiveNumbers(line: string, gaps?: ReadonlySet<number>): NumberMatch[] {
  const { text, map } = collapseLetterSpacing(line, gaps);
  return findInLine(text).map((m) => ({ ...m, indices: m.indices.map((i) => map[i]) }));
}

function findInLine(line: string): NumberMatch[] {
  const ibans = findIbans(line);
  // Blank out what the IBANs claimed, keeping indices, so their digits are not matched again.
  const claimed = new Set(ibans.flatMap((m) => m.indices));
  const s = line
    .split('')
    .map((c, i) => (claimed.has(i) ? 'X' : c))
    .join('');
  const out = [...ibans];
  for (const chain of cleanChains(s)) {
    const text = s.slice(chain[0].start, chain[chain.length - 1].end);
    const total = digitsOf(s, chain).length;
    const keyword = ACCOUNT_KEYWORD.test(s.slice(Math.max(0, chain[0].start - 40), chain[0].start));
    if (looksLikeDate(text) && !keyword) continue;
    if (total >= 13 && total <= 19) {
      // "4024 0071 5336 1885 123": a security code printed after the number. Read as one 19-digit
      // number, its "last four" would show the code: split when only the shorter number passes Luhn.
      const last = chain[chain.length - 1];
      const head = chain.slice(0, -1);
      const tailLen = last.end - last.start;
      if (
        chain.length > 1 &&
        (tailLen === 3 || tailLen === 4) &&
        total - tailLen >= 13 &&
        luhnValid(digitsOf(s, head)) &&
        !luhnValid(digitsOf(s, chain))
      ) {
        out.push(cardMatch(s, head), {
          kind: 'security-code',
          indices: indicesOf([last]),
          confidence: 0.8,
          notes: ['Security code printed after the card number'],
        });
        continue;
      }
      out.push(cardMatch(s, chain));
      continue;
    }
    if (total > 19) {
      const win = bestCardWindow(s, chain);
      if (win) out.push(cardMatch(s, win));
      else
        out.push({
          kind: 'account-number',
          indices: indicesOf(chain),
          confidence: 0.5,
          notes: ['Long number'],
        });
      continue;
    }
    if (keyword && total >= 6) {
      out.push({
        kind: 'account-number',
        indices: indicesOf(chain),
        confidence: 0.9,
        notes: ['After an account label'],
      });
    } else if (chain.length === 1 && total >= 8) {
      // A bare run of 8-12 digits on a statement is usually an account or card-related number.
      out.push({
        kind: 'account-number',
        indices: indicesOf(chain),
        confidence: 0.6,
        notes: ['Long number'],
      });
    }
  }
  return out;
}
