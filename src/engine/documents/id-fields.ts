// Printed fields of ID documents that repeat what the MRZ holds: document number, personal number and
// date of birth. Masking the MRZ but not its printed twin (or the reverse) leaks the value, so once the
// MRZ is read we search the page text for each value; without an MRZ (licences) we fall back to labels.
// All of these are suggestions: off by default, masked whole.
import type { Finding, MaskKind } from '../types';
import { findingFromIndices, inkIndices } from './findings-util';
import { LETTER_TO_DIGIT } from './ocr-confusions';
import type { TextLine } from './page-text';

// Mapping both sides of an OCR confusion to one class makes the search tolerant.
const canon = (c: string) => LETTER_TO_DIGIT[c.toUpperCase()] ?? c.toUpperCase();

export interface FieldHit {
  line: TextLine;
  indices: number[];
}

/** Every place a value is printed, ignoring spaces and separators ("Z E 184226 B" = "ZE184226B"). */
export function findValue(lines: readonly TextLine[], value: string): FieldHit[] {
  const target = [...value.toUpperCase().replace(/[^A-Z0-9]/g, '')].map(canon).join('');
  if (target.length < 5) return [];
  const hits: FieldHit[] = [];
  for (const line of lines) {
    const idx: number[] = [];
    for (let i = 0; i < line.text.length; i++)
      if (/[A-Za-z0-9]/.test(line.text[i]) && line.boxes[i]) idx.push(i);
    const compact = idx.map((i) => canon(line.text[i])).join('');
    let from = 0;
    for (;;) {
      const at = compact.indexOf(target, from);
      if (at < 0) break;
      // Not inside a longer alphanumeric run (another number that merely contains this one).
      const before = idx[at - 1];
      const after = idx[at + target.length];
      const glued = (j: number | undefined, k: number) => j !== undefined && Math.abs(j - k) === 1;
      if (!glued(before, idx[at]) && !glued(after, idx[at + target.length - 1])) {
        hits.push({ line, indices: idx.slice(at, at + target.length) });
      }
      from = at + 1;
    }
  }
  return hits;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// French and German month names as printed on bilingual documents ("12 AUG/AOUT 74").
const MONTHS_ALT = ['janv', 'fev', 'mars', 'avr', 'mai', 'juin', 'juil', 'aout', 'sept', 'okt', 'nov', 'dez'];

export interface DateParts {
  day: number;
  month: number;
  /** Four-digit year. */
  year: number;
}

/** YYMMDD (MRZ) to a date; two-digit years within 15 years ahead are this century, birth dates earlier. */
export function fromYymmdd(s: string, nowYear = new Date().getFullYear()): DateParts | undefined {
  if (!/^\d{6}$/.test(s)) return undefined;
  const yy = Number(s.slice(0, 2));
  const century = 2000 + yy > nowYear ? 1900 : 2000;
  return { year: century + yy, month: Number(s.slice(2, 4)), day: Number(s.slice(4, 6)) };
}

/** A regular expression matching the date in the usual printed forms (numeric, month names, 2/4-digit years). */
export function dateRegex(d: DateParts): RegExp {
  const dd = `0?${d.day}`;
  const mm = `0?${d.month}`;
  const yy = `(?:${d.year}|${String(d.year).slice(2)})`;
  const mon = `(?:${MONTHS[d.month - 1]}[a-z]*|${MONTHS_ALT[d.month - 1]}[a-z]*)(?:\\s?/\\s?[a-zé]+)?\\.?`;
  const sep = '\\s?[./-]?\\s?';
  const forms = [
    `${dd}${sep}${mm}${sep}${yy}`,
    `${mm}${sep}${dd}${sep}${yy}`,
    `${d.year}${sep}${mm}${sep}${dd}`,
    `${dd}\\s?${mon}\\s?${yy}`,
    `${mon}\\s?${dd},?\\s?${yy}`,
  ];
  return new RegExp(`(?<![\\dA-Za-z])(?:${forms.join('|')})(?![\\dA-Za-z])`, 'gi');
}

export function findDate(lines: readonly TextLine[], d: DateParts): FieldHit[] {
  const re = dateRegex(d);
  const hits: FieldHit[] = [];
  for (const line of lines) {
    for (const m of line.text.matchAll(re)) {
      const start = m.index ?? 0;
      hits.push({ line, indices: inkIndices(line, start, start + m[0].length) });
    }
  }
  return hits;
}

const ANY_DATE =
  /(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})|(\d{1,2})\s?([A-Za-z]{3,9})(?:\s?\/\s?[A-Za-zé]+)?\.?\s?(\d{4}|\d{2})/;

/** Parses a printed date; numeric forms are read day-first unless the first number cannot be a day... */
function parseAnyDate(text: string, usOrder: boolean): DateParts | undefined {
  const m = ANY_DATE.exec(text);
  if (!m) return undefined;
  const year4 = (y: string) => (y.length === 4 ? Number(y) : (fromYymmdd(`${y}0101`)?.year ?? 0));
  if (m[1]) {
    let a = Number(m[1]);
    let b = Number(m[2]);
    // ...or when the document is American (a licence with "DOB 08/31/1977"): month first.
    if (usOrder || b > 12) [a, b] = [b, a];
    if (a > 31 || b > 12) return undefined;
    return { day: a, month: b, year: year4(m[3]) };
  }
  const mon = MONTHS.indexOf(m[5].slice(0, 3).toLowerCase());
  if (mon < 0) return undefined;
  return { day: Number(m[4]), month: mon + 1, year: year4(m[6]) };
}

const DOB_LABEL =
  /\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|born|geburtsdatum|date de naissance|geboortedatum)\b\s*[:.]?/i;
const DOCNUM_LABEL =
  /\b(?:DL|[pP]L(?= [A-Z0-9]*\d{4})|LIC(?:EN[CS]E)?\.?\s*(?:NO|NUMBER|#)|PASSPORT\s*(?:NO|NUMBER|#)|DOCUMENT\s*(?:NO|NUMBER|#)|DOC\.?\s*NO|ID\s*(?:NO|NUMBER|#))\b\.?\s*[:#]?/i;
// A document or personal number: one token of 5+ letters/digits holding at least 4 digits.
const ID_TOKEN = /(?<![A-Za-z0-9])(?=(?:[A-Z]*\d){4})[A-Z0-9]{5,18}(?![A-Za-z0-9])/;
const PERSONAL_LABEL =
  /\b(?:PERSONAL\s*(?:NO|NUMBER|CODE)|NATIONAL\s*(?:ID|NO|NUMBER)|SSN|PESEL|BSN)\b\.?\s*[:#]?/i;

/** The value after a label on the same line, else on the nearest line below that starts near the label. */
function labelled(lines: readonly TextLine[], label: RegExp, value: RegExp): FieldHit[] {
  const hits: FieldHit[] = [];
  lines.forEach((line, i) => {
    const m = label.exec(line.text);
    if (!m) return;
    const after = (m.index ?? 0) + m[0].length;
    const labelBox = line.boxes[m.index ?? 0] ?? line.box;
    const candidates: [TextLine, number][] = [[line, after]];
    const h = line.box.y1 - line.box.y0;
    for (const l of lines.slice(i + 1)) {
      if (l.box.y0 < line.box.y0 + 0.5 * h || l.box.y0 > line.box.y1 + 2.5 * h) continue;
      // Label-over-value forms: the value starts under the label (within a few characters).
      const startX = l.boxes.find((b) => b)?.x0 ?? l.box.x0;
      if (Math.abs(startX - labelBox.x0) < 4 * h) candidates.push([l, 0]);
    }
    for (const [l, from] of candidates) {
      const v = value.exec(l.text.slice(from));
      if (!v) continue;
      const start = from + (v.index ?? 0);
      hits.push({ line: l, indices: inkIndices(l, start, start + v[0].length) });
      break;
    }
  });
  return hits;
}

export interface IdValues {
  documentNumber?: string;
  personalNumber?: string;
  birthDate?: DateParts;
}

function toFinding(hit: FieldHit, kind: MaskKind, n: number, notes: string[]): Finding {
  return findingFromIndices(`doc-${kind}-${n}`, hit.line, hit.indices, {
    kind,
    confidence: 0.85,
    keepable: false,
    enabledByDefault: false,
    notes,
  });
}

/**
 * Suggestions for the printed fields. `fromMrz` holds the values the MRZ gave (searched for everywhere);
 * labels find the rest (licences have no MRZ). A found date of birth is searched for again in every
 * format, so a repeat elsewhere on the card (beside the ghost portrait) is caught too.
 */
export interface IdFieldOptions {
  /** Numeric dates are month-first (US licences); otherwise inferred from values over 12. */
  usOrder?: boolean;
}

export function findIdFields(
  lines: readonly TextLine[],
  fromMrz: IdValues,
  options: IdFieldOptions = {},
): Finding[] {
  const usOrder = options.usOrder ?? false;
  const out: Finding[] = [];
  let n = 0;
  // The same print can match twice (a date regex and its digit-run form): keep the first, which is longer.
  const taken = new Set<string>();
  const push = (hits: FieldHit[], kind: MaskKind, notes: string[]) => {
    for (const h of hits) {
      const keys = h.indices.map((i) => `${lines.indexOf(h.line)}:${i}`);
      if (h.indices.length === 0 || keys.some((k) => taken.has(k))) continue;
      keys.forEach((k) => taken.add(k));
      out.push(toFinding(h, kind, n++, notes));
    }
  };
  if (fromMrz.documentNumber)
    push(findValue(lines, fromMrz.documentNumber), 'document-number', ['document number', 'repeats the MRZ']);
  if (fromMrz.personalNumber)
    push(findValue(lines, fromMrz.personalNumber), 'personal-number', ['personal number', 'repeats the MRZ']);
  let dob = fromMrz.birthDate;
  if (!dob) {
    const hit = labelled(lines, DOB_LABEL, ANY_DATE)[0];
    if (hit) dob = parseAnyDate(hit.indices.map((i) => hit.line.text[i]).join(''), usOrder);
  }
  if (dob) {
    push(findDate(lines, dob), 'date-of-birth', [
      'date of birth',
      ...(fromMrz.birthDate ? ['repeats the MRZ'] : []),
    ]);
    // The same date printed as a bare digit run (MMDDYYYY / DDMMYYYY), e.g. beside a ghost portrait.
    const p2 = (v: number) => String(v).padStart(2, '0');
    for (const v of [
      `${p2(dob.month)}${p2(dob.day)}${dob.year}`,
      `${p2(dob.day)}${p2(dob.month)}${dob.year}`,
    ]) {
      push(findValue(lines, v), 'date-of-birth', ['date of birth (repeat)']);
    }
  }
  if (!fromMrz.documentNumber)
    push(labelled(lines, DOCNUM_LABEL, ID_TOKEN), 'document-number', ['document number (labelled)']);
  if (!fromMrz.personalNumber)
    push(labelled(lines, PERSONAL_LABEL, ID_TOKEN), 'personal-number', ['personal number (labelled)']);
  return out;
}
