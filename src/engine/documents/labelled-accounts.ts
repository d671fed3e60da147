// Account numbers next to (or under) an "Account No." label: the number itself has no checksum, so the
// label is what tells it from a reference, a phone number or an amount.
import { alnumIndices } from './findings-util';
import type { Match } from './number-match';
import type { TextLine } from './page-text';

// "Account No.", "Acct #", "Account number:", "Kontonummer"... A bare "account" (as in "CHEQUING ACCOUNT
// STATEMENT") is not a label: a number word or a colon must follow.
const ACCOUNT_LABEL =
  /\b(?:(?:account|acct|a\/c|konto|compte|rekening|card\s*account)\s*(?:no\b\.?|number|nr\b\.?|n[o°º]\b\.?|#|:)|kontonummer|rekeningnummer)\s*[:.]?/i;
// A value token: digits and dashes (or digit groups split by single spaces), at least six digits.
const VALUE_TOKEN = /^\d[\d-]*-?$/;
const DATE_LIKE = /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;
const PHONE_LIKE = /^(?:1-)?(?:8\d\d|\d{3})-\d{3}-\d{4}$/;

interface Token {
  start: number;
  end: number;
  text: string;
  x0: number;
  x1: number;
}

function tokens(line: TextLine): Token[] {
  const out: Token[] = [];
  for (const m of line.text.matchAll(/[^\s|]+/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const boxes = line.boxes.slice(start, end).filter((b) => b !== undefined);
    if (!boxes.length) continue;
    out.push({
      start,
      end,
      text: m[0],
      x0: Math.min(...boxes.map((b) => b.x0)),
      x1: Math.max(...boxes.map((b) => b.x1)),
    });
  }
  return out;
}

/** The first run of value tokens in `toks` (spaced groups joined), if it holds 6+ digits. */
function valueRun(toks: readonly Token[]): { start: number; end: number; text: string } | undefined {
  for (let i = 0; i < toks.length; i++) {
    if (!VALUE_TOKEN.test(toks[i].text)) continue;
    let j = i;
    while (j + 1 < toks.length && /^\d+-?$/.test(toks[j + 1].text) && toks[j].text.length <= 6) j++;
    const text = toks
      .slice(i, j + 1)
      .map((t) => t.text)
      .join(' ');
    const digits = text.replace(/\D/g, '');
    if (DATE_LIKE.test(text) || PHONE_LIKE.test(text)) continue;
    // A head cut by a line wrap ("00005-") may be short; a whole value needs six digits.
    if (digits.length >= 6 || (text.endsWith('-') && digits.length >= 3)) {
      return { start: toks[i].start, end: toks[j].end, text };
    }
    return undefined;
  }
  return undefined;
}

/** Account numbers after a label on the same line, or under it (table headers, label-over-value forms). */
export function findLabelledAccounts(lines: readonly TextLine[]): Match[] {
  const out: Match[] = [];
  const make = (line: TextLine, r: { start: number; end: number }, notes: string[], head = false): Match => ({
    line,
    indices: alnumIndices(line, r.start, r.end),
    kind: 'account-number',
    confidence: 0.85,
    notes,
    head,
  });
  for (const line of lines) {
    const m = ACCOUNT_LABEL.exec(line.text);
    if (!m) continue;
    const labelEnd = (m.index ?? 0) + m[0].length;
    const labelBoxes = line.boxes.slice(m.index ?? 0, labelEnd).filter((b) => b !== undefined);
    const lx0 = Math.min(...labelBoxes.map((b) => b.x0));
    const lx1 = Math.max(...labelBoxes.map((b) => b.x1));
    // Same line, right after the label (not a number further along in another column).
    const after = tokens(line).filter((t) => t.start >= labelEnd && t.x0 - lx1 < 4 * (lx1 - lx0));
    const same = valueRun(after.slice(0, 4));
    if (same && !same.text.endsWith('-')) {
      out.push(make(line, same, ['account number (labelled)']));
      continue;
    }
    // Below the label: the tokens that sit under it, within three line heights.
    const h = line.box.y1 - line.box.y0;
    const w = lx1 - lx0;
    const under = (l: TextLine) => tokens(l).filter((t) => t.x1 > lx0 - 0.5 * w && t.x0 < lx1 + 0.5 * w);
    const below = lines.filter((l) => l.box.y0 > line.box.y0 + 0.5 * h && l.box.y0 < line.box.y1 + 3 * h);
    for (let k = 0; k < below.length; k++) {
      const v = valueRun(under(below[k]));
      if (!v) continue;
      if (v.text.endsWith('-')) {
        // A value wrapped over two lines ("00005-" / "123-456-7"): the head is hidden whole, the tail
        // keeps its last four.
        const next = below.slice(k + 1).find((l) => valueRun(under(l)));
        const tail = next ? valueRun(under(next)) : undefined;
        out.push(make(below[k], v, ['account number (labelled)', 'continues on the next line'], true));
        if (next && tail) out.push(make(next, tail, ['account number (continued)']));
      } else out.push(make(below[k], v, ['account number (labelled)']));
      break;
    }
  }
  return out;
}

/** Card numbers, IBANs and account numbers in the page's text (MRZ lines excluded by the caller). */
