// A security code printed with its label. Iranian (Shetab) cards print the CVV2 on the front, below
// or beside the number ("CVV2 : 5106", or "CVV2" over "5698"); some backs label their code box. The
// label is the evidence: short numbers without one (a branch code, an expiry) are left alone.
import type { TextLine } from '../learned/text-lines';
import type { OcrEngine } from '../ocr/types';
import { readingFrame } from '../reading-frame';
import type { Finding, GrayImage, Point } from '../types';
import { throwIfAborted } from './abort';
import { cropTextLine, cropToSource, readCrop, wordsOf, type LineCrop, type ReadGlyph } from './read-line';
import { isDigits, panelCodeFinding } from './security-code-learned';
import { LABELLED_CODE } from './thresholds';

/**
 * The card networks' names for the code (Visa CVV2, Mastercard CVC2, Amex CID, Discover CID, JCB CAV2,
 * UnionPay CVN2, the generic CSC), as read: the recognizer takes VV for W, and a colon may stick to it.
 * "SECURITY CODE" spelt out (Capital One's and other US issuers' backs), its two words on one line or
 * stacked beside the code, is a label too; "CODE" alone is not (a sort code, a PIN code, a ZIP code).
 */
const NAMES = 'C[VW]{1,2}2?|CVC2?|CID|CSC|CAV2|CVN2?';
const LABEL = new RegExp(`^(${NAMES})[:.]?$|^SECURITY(?:CODE)?:?$`);
const GLUED = new RegExp(`^(${NAMES}|SECURITYCODE)[:.]?(\\d{3,4})$`);
/**
 * The code read glued before its label: a right-to-left card (Persian) prints "CVV2" after the code.
 * Not "SECURITY": print before that word ("CALL 911 SECURITY") is no code.
 */
const GLUED_BEFORE = new RegExp(`^(\\d{3,4})[:.]?(${NAMES})$`);
/** A label the code may stand before (`GLUED_BEFORE`'s names, read apart from it). */
const LABEL_AFTER_CODE = new RegExp(`^(${NAMES})[:.]?$`);
/** A word that goes on a label's name ("SECURITY CODE"), skipped on the way to the code. */
const LABEL_TAIL = /^CODE[:.]?$/;

/**
 * The note on a labelled code's finding. A labelled code is no evidence of a card's back (Iranian
 * fronts print it), where a code on the signature panel is.
 */
export const LABELLED_CODE_NOTE = 'security code printed with its label';

const textOf = (w: readonly ReadGlyph[]) =>
  w
    .map((g) => g.char)
    .join('')
    .toUpperCase();
const isCode = (w: readonly ReadGlyph[]) => (w.length === 3 || w.length === 4) && isDigits(w);

/**
 * The code on one line's words: the digits right after a label word ("CVV2 : 5106", "CVV2:5106"),
 * or right before it where the card prints its label after the code, as a right-to-left (Persian)
 * card does ("457 CVV2", read "457CW2"). `labelled` says whether the line holds a label at all
 * (its code may then be on the next line).
 */
export function labelledCodeOnLine(words: readonly ReadGlyph[][]): {
  labelled: boolean;
  code?: ReadGlyph[];
} {
  let labelled = false;
  for (let i = 0; i < words.length; i++) {
    const t = textOf(words[i]);
    const glued = GLUED.exec(t);
    if (glued) return { labelled: true, code: words[i].slice(words[i].length - glued[2].length) };
    const before = GLUED_BEFORE.exec(t);
    if (before) return { labelled: true, code: words[i].slice(0, before[1].length) };
    if (!LABEL.test(t)) continue;
    labelled = true;
    // A lone ':' between the label and the code is a word of its own, and so is the label's "CODE".
    const notColon = (w: readonly ReadGlyph[]) => !/^[:.-]+$/.test(textOf(w)) && !LABEL_TAIL.test(textOf(w));
    const code = codeAfterLabel(words.slice(i + 1).filter(notColon));
    if (code) return { labelled, code };
    const previous = words.slice(0, i).reverse().find(notColon);
    if (previous && isCode(previous) && LABEL_AFTER_CODE.test(t)) return { labelled, code: previous };
  }
  return { labelled };
}

/**
 * The code in the words after a label: the first word when it is a code, or a 3-digit code the
 * recognizer split with a space ("0 10"): short digit words joined up to three digits, the run of
 * digit words ending there ("SECURITY 1 800 ..." is a phone number, no code).
 */
function codeAfterLabel(after: readonly ReadGlyph[][]): ReadGlyph[] | undefined {
  const [first] = after;
  if (!first || !isDigits(first)) return undefined;
  if (isCode(first)) return first;
  const code: ReadGlyph[] = [];
  let k = 0;
  while (k < after.length && isDigits(after[k]) && code.length + after[k].length <= 3)
    code.push(...after[k++]);
  const runEnds = k >= after.length || !isDigits(after[k]);
  return code.length === 3 && runEnds ? code : undefined;
}

/**
 * The reading frame (reading-frame.ts) of each printed line of a number, in printed order: one for a
 * number on one line, one per group for a vertical card's stacked groups (`Finding.lines`).
 */
function printedLineFrames(finding: Finding): ReturnType<typeof readingFrame>[] {
  const lineOf = (i: number) => finding.lines?.[i] ?? 0;
  const printed = [...new Set(finding.glyphs.map((_, i) => lineOf(i)))];
  return printed.map((k) =>
    readingFrame({ ...finding, glyphs: finding.glyphs.filter((_, i) => lineOf(i) === k) }),
  );
}

/**
 * The labelled security code near a card number, from the detector's `lines` (source pixels): the
 * short lines within `LABELLED_CODE.reach` of the number's glyph height above or below it, read in
 * the number's frame, nearest first. The code is on the label's line after it, or on the line just
 * under or over the label, below it. Undefined when no label is read.
 */
export async function detectLabelledCode(
  gray: GrayImage,
  reader: OcrEngine,
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
  signal?: AbortSignal,
  debug?: (message: string) => void,
): Promise<Finding | undefined> {
  const { finding, glyphHeight: gh } = number;
  const frames = printedLineFrames(finding);
  const { angle, place } = frames[0];
  // How far a line lies from the number: from its printed line nearest across (a stacked card's
  // groups are lines of their own: its code may sit under the last group, far under the first).
  // Lines are placed against one another in the first line's frame.
  const fromNumber = (p: Point) =>
    frames
      .map((f) => ({ ...f.place(p), len: f.length }))
      .reduce((a, b) => (Math.abs(b.down) < Math.abs(a.down) ? b : a));
  const L = LABELLED_CODE;
  const placed = lines
    .map((l) => ({ l, ...place(l.centre), near: fromNumber(l.centre) }))
    .filter(({ l }) => Math.abs(Math.sin(l.angle - angle)) < 0.2);
  const near = placed
    .filter(
      ({ l, near: { u, down, len } }) =>
        Math.abs(down) >= L.clear * gh &&
        Math.abs(down) <= L.reach * gh &&
        u + l.length / 2 >= -L.along * gh &&
        u - l.length / 2 <= len + L.along * gh &&
        l.glyphHeight >= L.glyphHeight[0] * gh &&
        l.glyphHeight <= L.glyphHeight[1] * gh &&
        l.length >= L.lineGlyphHeights[0] * l.glyphHeight &&
        l.length <= L.lineGlyphHeights[1] * l.glyphHeight,
    )
    .sort((a, b) => Math.abs(a.near.down) - Math.abs(b.near.down))
    .slice(0, L.maxLines);
  type Read = { crop: LineCrop; words: ReadGlyph[][] };
  const reads = new Map<TextLine, Read>();
  const read = async (l: TextLine): Promise<Read> => {
    const known = reads.get(l);
    if (known) return known;
    throwIfAborted(signal);
    const crop = cropTextLine(gray, l, angle);
    const reading = await readCrop(reader, crop);
    debug?.(`labelled code line "${reading.text}"`);
    const r = { crop, words: wordsOf(reading.glyphs) };
    reads.set(l, r);
    return r;
  };
  for (const n of near) {
    const { crop, words } = await read(n.l);
    const { labelled, code } = labelledCodeOnLine(words);
    if (code) return panelCodeFinding(code, crop, LABELLED_CODE_NOTE);
    if (!labelled) continue;
    // The label over (or under) its code: a code word on the nearest line across from the label and
    // under it along the line (the detector may have joined the code with other print on that line).
    const across = placed
      .filter(
        (o) =>
          o.l !== n.l &&
          // Not one of the number's own printed lines (a stacked group reads as four digits).
          Math.abs(o.near.down) >= L.clear * gh &&
          Math.abs(o.down - n.down) <= L.labelGap * Math.max(o.l.glyphHeight, n.l.glyphHeight) &&
          Math.abs(o.u - n.u) <= (o.l.length + n.l.length) / 2,
      )
      .sort((a, b) => Math.abs(a.down - n.down) - Math.abs(b.down - n.down))
      .slice(0, 2);
    for (const o of across) {
      const r = await read(o.l);
      for (const w of r.words) {
        if (!isCode(w)) continue;
        const mid = w[Math.floor(w.length / 2)];
        const { u } = place(cropToSource(r.crop, (mid.x0 + mid.x1) / 2, (mid.y0 + mid.y1) / 2));
        if (Math.abs(u - n.u) <= n.l.length / 2 + o.l.glyphHeight)
          return panelCodeFinding(w, r.crop, LABELLED_CODE_NOTE);
      }
    }
  }
  return undefined;
}
