// Reading an ICAO 9303 machine-readable zone out of OCR text lines. OCR of the OCR-B font is good but
// not perfect: fillers '<' come back as 'K', '«' or spaces, and trailing fillers get dropped. We clean
// lines up, fit them to the fixed TD1/TD2/TD3 widths and let the `mrz` package parse and check them.
import { parse } from 'mrz';
import { LETTER_TO_DIGIT } from './ocr-confusions';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

const WIDTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const LINES: Record<MrzFormat, number> = { TD1: 3, TD2: 2, TD3: 2 };

export interface MrzReading {
  format: MrzFormat;
  /** The zone's lines, fitted to the format's width. */
  lines: string[];
  /** Indices of the input lines the zone was read from, one per zone line. */
  sourceLines: number[];
  /** Every check digit (document number, birth date, expiry, personal number, composite) agrees. */
  checkDigitsValid: boolean;
  /** Labels of the check digits that failed, for the side list. */
  failedChecks: string[];
  documentNumber?: string;
  personalNumber?: string;
  /** YYMMDD as written in the zone. */
  birthDate?: string;
}

/** Upper-cases and strips an OCR line to MRZ characters, repairing the usual filler misreads. */
export function normalizeMrzLine(raw: string): string {
  let s = raw
    .toUpperCase()
    .replace(/[«‹≤〈([{]/g, '<')
    .replace(/\s+/g, '');
  s = s.replace(/[^A-Z0-9<]/g, '');
  // A filler run read with a stray K/C/L/E inside ("<<K<<") is still a filler run.
  for (let i = 0; i < 3; i++) s = s.replace(/<[KCLE]</g, '<<<').replace(/<[KCLE]{2}</g, '<<<<');
  // The end of a line is fillers when it is read as a run of '<' mixed with look-alikes (K, C, S, L...).
  s = s.replace(/<[<KCSLEX]{4,}$/, (m) => '<'.repeat(m.length));
  return s;
}

/** How MRZ-like one normalized line is: long, MRZ alphabet, fillers. */
export function looksLikeMrzLine(line: string): boolean {
  if (line.length < 24 || line.length > 48) return false;
  const fillers = (line.match(/</g) ?? []).length;
  return fillers >= 2;
}

/** Fits a line to an exact width: MRZ lines end in fillers, which OCR most often drops or adds. */
export function fitMrzLine(line: string, width: number): string | undefined {
  if (line.length === width) return line;
  if (line.length < width) {
    // Trailing fillers are what OCR drops most (a long empty run of '<'); anything else is a bad read.
    // (Junk read in a filler run is stripped by normalizeMrzLine, which shortens the line too.)
    if (width - line.length > 20) return undefined;
    return line + '<'.repeat(width - line.length);
  }
  const extra = line.slice(width);
  if (/[^<]/.test(extra)) {
    // Stray characters read before the zone (an edge, a border): keep the best-aligned window.
    const start = line.search(/[PIACV][A-Z<][A-Z<]{3}/);
    if (start > 0 && line.length - start >= width - 2) return fitMrzLine(line.slice(start), width);
    return undefined;
  }
  return line.slice(0, width);
}

// Positions that hold digits only (dates, check digits), per format and line: where a letter read by
// OCR can safely be turned into the digit it resembles.
const NUMERIC: Record<MrzFormat, number[][]> = {
  TD1: [[14], [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 29], []],
  TD2: [[], [9, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 35]],
  TD3: [[], [9, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 42, 43]],
};
// The MRZ's OCR-B font adds two confusions of its own: U for 0 and T for 7.
const TO_DIGIT: Record<string, string> = { ...LETTER_TO_DIGIT, U: '0', T: '7' };

function digitize(line: string, positions: readonly number[]): string {
  const chars = [...line];
  for (const p of positions) if (p < chars.length && TO_DIGIT[chars[p]]) chars[p] = TO_DIGIT[chars[p]];
  return chars.join('');
}

/** Candidate readings of one line: as fitted, with numeric fields digitized, and for a line one or two
 * glyphs too long (OCR split a glyph in two), each single deletion. */
function lineVariants(raw: string, fmt: MrzFormat, k: number): string[] {
  const width = WIDTH[fmt];
  const out = new Set<string>();
  const add = (l: string | undefined) => {
    if (l === undefined) return;
    out.add(l);
    out.add(digitize(l, NUMERIC[fmt][k] ?? []));
  };
  add(fitMrzLine(raw, width));
  if (raw.length > width && raw.length <= width + 2) {
    for (let i = 0; i < raw.length; i++) add(fitMrzLine(raw.slice(0, i) + raw.slice(i + 1), width));
  }
  return [...out];
}

/** Lone letters inside filler runs ("<<<<K10"): a misread '<' that a check digit may not catch. */
function oddLetters(line: string): number {
  return (line.match(/<[A-Z](?=[<0-9])/g) ?? []).length;
}

function guessFormat(lengths: number[]): MrzFormat[] {
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  return (Object.keys(WIDTH) as MrzFormat[]).sort(
    (a, b) => Math.abs(WIDTH[a] - mean) - Math.abs(WIDTH[b] - mean),
  );
}

interface Parsed {
  valid: boolean;
  failed: string[];
  fields: Record<string, string | null>;
  format: string;
}

function tryParse(lines: string[]): Parsed | undefined {
  try {
    const r = parse(lines, { autocorrect: true });
    // The package's own `valid` also rejects unknown state codes (specimens use "UTO"); for a redaction
    // tool what matters is that the check digits agree, i.e. we read the zone right.
    const failed = r.details.filter((d) => /check ?digit/i.test(d.label) && !d.valid).map((d) => d.label);
    return {
      valid: failed.length === 0,
      failed,
      fields: r.fields as Record<string, string | null>,
      format: r.format,
    };
  } catch {
    return undefined;
  }
}

/**
 * Finds the best MRZ among consecutive lines of text (top to bottom). Returns the reading whose check
 * digits agree if there is one, else the best-formed zone (still worth masking: it is the MRZ).
 */
export function readMrz(rawLines: readonly string[]): MrzReading | undefined {
  const norm = rawLines.map(normalizeMrzLine);
  const cand = norm.map(looksLikeMrzLine);
  let best: MrzReading | undefined;
  let bestScore = -1;
  for (let i = 0; i < norm.length; i++) {
    if (!cand[i]) continue;
    for (const fmt of guessFormat([norm[i].length])) {
      const n = LINES[fmt];
      // Zone lines are consecutive, but OCR can insert a junk line between them: allow one skip.
      const picked: number[] = [i];
      for (let j = i + 1; j < norm.length && picked.length < n && j <= picked[picked.length - 1] + 2; j++) {
        if (norm[j].length >= 20) picked.push(j);
      }
      if (picked.length < n) continue;
      const variants = picked.map((k, j) => lineVariants(norm[k], fmt, j));
      if (variants.some((v) => v.length === 0)) continue;
      // Greedy repair, one line at a time: keep the variant that makes the most check digits agree.
      const lines = variants.map((v) => v[0]);
      let parsed = tryParse(lines);
      for (let j = 0; j < lines.length && !(parsed?.valid && oddLetters(lines.join('')) === 0); j++) {
        for (const v of variants[j].slice(1)) {
          const trial = lines.map((l, q) => (q === j ? v : l));
          const p = tryParse(trial);
          if (!p || p.format !== fmt) continue;
          const better =
            !parsed ||
            p.failed.length < parsed.failed.length ||
            (p.failed.length === parsed.failed.length && oddLetters(v) < oddLetters(lines[j]));
          if (better) {
            parsed = p;
            lines[j] = v;
          }
        }
      }
      if (!parsed || parsed.format !== fmt) continue;
      const score = (parsed.valid ? 100 : 0) + 10 - parsed.failed.length;
      if (score > bestScore) {
        bestScore = score;
        const f = parsed.fields;
        best = {
          format: fmt,
          lines,
          sourceLines: picked,
          checkDigitsValid: parsed.valid,
          failedChecks: parsed.failed,
          documentNumber: f.documentNumber ?? undefined,
          personalNumber: (f.personalNumber || f.optional1 || undefined) ?? undefined,
          birthDate: f.birthDate ?? undefined,
        };
      }
    }
  }
  return best;
}

// Positions that hold letters (or '<') only: names, document codes, issuing state and nationality,
// sex. A digit read there is the letter it resembles.
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const LETTERS: Record<MrzFormat, number[][]> = {
  TD1: [range(0, 5), [7, 15, 16, 17], range(0, 30)],
  TD2: [range(0, 36), [10, 11, 12, 20]],
  TD3: [range(0, 44), [10, 11, 12, 20]],
};
const TO_LETTER: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  '6': 'G',
  '4': 'A',
};

/**
 * Each character mapped to what its position may hold (ICAO 9303): a letter read where a digit must
 * be becomes the digit it resembles, and a digit where a letter must be the letter. Lines of the
 * format's width and count only; anything else is returned as it is.
 */
export function fixByPosition(lines: readonly string[], fmt: MrzFormat): string[] {
  if (lines.length !== LINES[fmt] || lines.some((l) => l.length !== WIDTH[fmt])) return [...lines];
  return lines.map((line, k) => {
    const chars = [...digitize(line, NUMERIC[fmt][k] ?? [])];
    for (const p of LETTERS[fmt][k] ?? []) if (TO_LETTER[chars[p]]) chars[p] = TO_LETTER[chars[p]];
    return chars.join('');
  });
}
