// Card numbers printed in page text (statements, screenshots, the small print on card backs): 13-19
// digits in card-like groups. The card engine reads card photos; this reads text the page pass found.
import { brandOf } from '../detect/brands';
import { luhnValid } from '../detect/luhn';
import { labelsPhoneLine } from '../detect/upright-words';
import { alnumIndices } from './findings-util';
import type { Match } from './number-match';
import type { TextLine } from './page-text';

// 13-19 digits in groups split by single spaces or dashes, not part of an amount or a longer run.
const CARD_RE = /(?<![\d.,])\d(?:[ -]?\d){12,18}(?![\d]|[.,]\d)/g;

export function findCardNumbers(line: TextLine): Match[] {
  const out: Match[] = [];
  for (const m of line.text.matchAll(CARD_RE)) {
    const start = m.index ?? 0;
    let text = m[0];
    // "4024 0071 5336 1885 123": a card back's signature strip prints the security code right after the
    // number. Read as one 19-digit number, its "last four" would show the code. When the first 16 digits
    // pass Luhn and all 19 do not, it is a 16-digit number and a security code.
    const tail = /^(\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4})[ -](\d{3,4})$/.exec(text);
    if (tail && luhnValid(tail[1].replace(/\D/g, '')) && !luhnValid(text.replace(/\D/g, ''))) {
      text = tail[1];
      const codeStart = start + text.length + 1;
      out.push({
        line,
        indices: alnumIndices(line, codeStart, codeStart + tail[2].length),
        kind: 'security-code',
        confidence: 0.8,
        notes: ['security code printed after the card number'],
      });
    }
    const digits = text.replace(/\D/g, '');
    // Card numbers are printed in groups (4-4-4-4, 4-6-5) or as one run; a date range or a phone number
    // with many short groups is not one.
    const groups = text.split(/[ -]/).map((g) => g.length);
    if (groups.length > 1 && (groups.length < 3 || groups.some((g) => g < 3 || g > 6))) continue;
    // A phone number: after a "+" (ITU-T E.123's international notation, "+1 800 711 470 468") or
    // right after a word that labels one ("call 1800 711470 468"), grouped as one (two or more groups
    // under four digits; a card number has at most one, a 19-digit number's last) or starting with no
    // card network's IIN, and failing Luhn. A card number misread after such a word keeps its IIN and
    // its groups, and stays masked.
    const short = groups.filter((g) => g < 4).length;
    const before = line.text.slice(Math.max(0, start - PHONE_LABEL_REACH), start);
    if (phoneBefore(before) && (short >= 2 || !brandOf(digits)) && !luhnValid(digits)) continue;
    const luhn = luhnValid(digits);
    out.push({
      line,
      indices: alnumIndices(line, start, start + text.length),
      kind: 'card-number',
      confidence: luhn ? 0.95 : 0.75,
      notes: [
        `${digits.length}-digit card number`,
        luhn ? 'Luhn check passes' : 'Luhn check fails (specimen?)',
      ],
    });
  }
  return out;
}

/** How far before a number a phone label is looked for: a label word and its punctuation. */
const PHONE_LABEL_REACH = 16;

/** Whether the text just before a number says it is a phone number: a "+", or a phone label word. */
function phoneBefore(before: string): boolean {
  if (/\+\s?$/.test(before)) return true;
  const words = before.trimEnd().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /[\p{L}][:.]?$/u.test(last) && labelsPhoneLine(last);
}
