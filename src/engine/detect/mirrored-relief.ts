// An embossed card seen from its back: the number's relief shows through the plastic mirrored left to
// right (and the expiry and the name with it). Every reader learned print the right way round, so
// such a line reads as letters upright and, turned half round, as a garbled number (0, 1, 3 and 8 look
// alike flipped top to bottom). Mirrored back, it is an ordinary line of digits: the page is read a
// second time mirrored, and what is found there is mirrored back onto the photo.
import type { TextLine } from '../learned/text-lines';
import type { CardOutline } from './card-outline';
import { brandOf, cardRulesBonus, wholeCardNumber } from './brands';
import { luhnValid } from './luhn';
import type { Finding, Quad, RgbaImage } from '../types';

/** The note on a number read from its mirrored relief. */
export const MIRRORED_NOTE = "read mirrored: an embossed number's relief seen from the card's back";

export const MIRRORED_RELIEF = {
  /**
   * A number read mirrored stands only when its digits were read as surely as a clean specimen front's
   * are (`readConfidence`: 0.35 + 0.3 x digit share x recognizer confidence, over the glyphs in view
   * of a number the frame cuts; 0.6 is a mean character confidence of about 0.83 with every glyph
   * read) and at most `maxUnread` of its glyphs in view went unread. Normal print mirrored reads as
   * digits only in patches, unsurely: of
   * nine card photos probed mirrored, the two whose mirrored page gave a number at all (a Discover
   * and a Barclays back, both numbers read as is) gave 0.58 and 0.53, with unread glyphs.
   */
  minConfidence: 0.6,
  /** Unread glyphs a number read mirrored may hold (a last digit at the card's edge, say). */
  maxUnread: 2,
  /** Over a reading of the photo as is, the mirrored one must be this much surer (Finding.confidence). */
  minGain: 0.05,
  /**
   * Lines read on the mirrored photo, best first by the detector's ranking (long lines of the tallest
   * print): the relief of a number is the largest print on a back. The page as is reads up to
   * LOCATE.maxLearnedLines (8); a second pass over all of them cost about as much again.
   */
  maxLines: 3,
  /**
   * A card band line of the mirrored page is the mirror of one the page as is probed when their
   * centres lie within this share of its glyph height (both are laid on the same outline, the one
   * found as is and mirrored, PrintAsIs.card: they differ by rounding only), their glyph heights
   * within `sameBandHeight` of each other and their directions within about 10 degrees.
   */
  sameBandOffset: 0.25,
  sameBandHeight: 0.2,
} as const;

/**
 * What reading the page as is showed of its print, for the pass over the mirrored page (source
 * pixels of the photo): nothing there needs reading mirrored.
 * - `wordLines`: detector lines read as the card's own words ("Customer Service", "AUTHORIZED
 *   SIGNATURE": upright-words.ts) one way round. Upright print: a number's relief mirrored reads as
 *   letters, but never spells a card's words.
 * - `blankBands`: lines of the card band (card-band.ts) whose probe read no glyph at all. Mirroring
 *   moves print, it does not make it: a recognizer that sees nothing glyph-like on a strip sees
 *   nothing on the same strip mirrored, where a number's relief reads as letters as is.
 * - `card`: the card's outline as the page as is found it (`outline` undefined: it looked and found
 *   none), when it looked. Mirroring moves the card, it does not change it: the mirrored page takes
 *   this outline mirrored (`mirrorOutline`) rather than looking again, so its card band lines lie on
 *   the ones probed as is and those read blank are skipped. (Found again on the mirrored photo, the
 *   outline can differ: on a back of seed 5 it came out turned a quarter, and none of its eight band
 *   lines met a blank one.)
 */
export interface PrintAsIs {
  wordLines: TextLine[];
  blankBands: TextLine[];
  card?: { outline?: CardOutline };
}

/**
 * Whether the card band line `line` of the mirrored page was probed as is and read blank: one of
 * `blank` (already mirrored onto the mirrored page) lies on it (MIRRORED_RELIEF.sameBand*).
 */
export function probedBlank(line: TextLine, blank: readonly TextLine[]): boolean {
  const M = MIRRORED_RELIEF;
  return blank.some(
    (b) =>
      Math.hypot(b.centre.x - line.centre.x, b.centre.y - line.centre.y) <=
        M.sameBandOffset * line.glyphHeight &&
      Math.abs(b.glyphHeight - line.glyphHeight) <= M.sameBandHeight * line.glyphHeight &&
      Math.abs(Math.sin(b.angle - line.angle)) < 0.17,
  );
}

/** The photo mirrored left to right (a new image). */
export function mirrorImage(image: RgbaImage): RgbaImage {
  const { width, height } = image;
  // Whole pixels are moved as 32-bit words, which need a 4-byte aligned view.
  const data = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const out = new Uint8ClampedArray(data.length);
  const src = new Uint32Array(data.buffer, data.byteOffset, width * height);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) dst[row + width - 1 - x] = src[row + x];
  }
  return { ...image, data: out };
}

/**
 * A text line of the photo as it lies on the mirrored photo `width` pixels wide: the centre mirrored,
 * the direction turned to `-angle` (a line's angle is in (-pi/2, pi/2], which end reads first open).
 */
export function mirrorTextLine(line: TextLine, width: number): TextLine {
  const angle = line.angle >= Math.PI / 2 ? line.angle : -line.angle;
  return { ...line, centre: { x: width - line.centre.x, y: line.centre.y }, angle };
}

/** A quad of the mirrored photo on the photo `width` pixels wide (source pixels, x measured from 0). */
export const mirrorQuad = (q: Quad, width: number): Quad =>
  q.map((p) => ({ x: width - p.x, y: p.y })) as unknown as Quad;

/**
 * A card outline of the photo `width` pixels wide as it lies on the photo mirrored left to right:
 * each corner mirrored, listed again clockwise from the top-left (CardOutline.corners).
 */
export function mirrorOutline(outline: CardOutline, width: number): CardOutline {
  const [a, b, c, d] = mirrorQuad(outline.corners, width);
  return { ...outline, corners: [b, a, d, c] };
}

/**
 * A finding made on the mirrored photo, placed on the photo: each glyph's quad mirrored, the reading
 * order kept (the first digit is now the rightmost), and the note added. Masks drawn from it cover the
 * same pixels the mirrored finding's would have covered on the mirrored photo.
 */
export function mirrorFinding(finding: Finding, width: number): Finding {
  return {
    ...finding,
    glyphs: finding.glyphs.map((q) => mirrorQuad(q, width)),
    notes: [...(finding.notes ?? []), MIRRORED_NOTE],
  };
}

/** Whether the card rules back a number as read: a known IIN, or every glyph read and Luhn holding. */
const backedByCardRules = (text: string) => !!brandOf(text) || (!text.includes('?') && luhnValid(text));

/**
 * Whether the photo is worth reading mirrored, from what was found on it as is: no card number at
 * all, or none the card rules back (no known IIN and Luhn failing, as a mirrored number read upside
 * down reads). A number with a brand or passing Luhn is the card's own.
 */
export function worthReadingMirrored(asIs: readonly Finding[]): boolean {
  return !asIs.some((f) => f.kind === 'card-number' && backedByCardRules(f.text));
}

/**
 * The recognizer's part of a card number's confidence: `Finding.confidence` without what the card
 * rules add to it (`cardRulesBonus`), so that a garbled reading that happens to pass Luhn is not taken
 * for a sure one.
 */
export const readConfidence = (f: Finding): number => f.confidence - cardRulesBonus(f.text);

/**
 * Whether two findings lie on the same print: the boxes bounding their glyphs (over every corner)
 * overlap by at least half the smaller one. A number read as is and read mirrored are two readings of
 * one line.
 */
export function onSamePrint(a: Finding, b: Finding): boolean {
  const box = (f: Finding) => {
    const xs = f.glyphs.flatMap((q) => q.map((p) => p.x));
    const ys = f.glyphs.flatMap((q) => q.map((p) => p.y));
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  };
  const p = box(a);
  const q = box(b);
  const area = (r: typeof p) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
  const inter = area({
    x0: Math.max(p.x0, q.x0),
    y0: Math.max(p.y0, q.y0),
    x1: Math.min(p.x1, q.x1),
    y1: Math.min(p.y1, q.y1),
  });
  return inter > 0 && inter >= 0.5 * Math.min(area(p), area(q));
}

/**
 * A finding's text from its first glyph read to its last: the places it holds beyond either end for
 * glyphs not in view (a number the frame cuts after its first groups, its last four unread) are no
 * doubt about the glyphs that were read.
 */
const withinRead = (text: string) => text.replace(/^\?+|\?+$/g, '');

/**
 * `readConfidence` over the glyphs from the first read to the last (`withinRead`): its digit share
 * (0.35 + 0.3 x digit share x recognizer confidence) counts the places beyond either end as unread,
 * and a number the frame cut after 12 sure digits would score 0.57 for glyphs that are not there.
 */
function readConfidenceInView(f: Finding): number {
  const read = withinRead(f.text).length;
  return read ? 0.35 + ((readConfidence(f) - 0.35) * f.text.length) / read : readConfidence(f);
}

/**
 * Whether the number read on the mirrored photo is the card's, rather than what was read as is on the
 * same print (`asIs`, undefined where nothing was): it reads surely and nearly in full
 * (`MIRRORED_RELIEF`), and, where the photo as is gave a number there, more surely than it by
 * `MIRRORED_RELIEF.minGain`, or whole by the card rules (brand length and Luhn) where that was not.
 */
export function mirroredReadsBetter(asIs: Finding | undefined, mirrored: Finding | undefined): boolean {
  if (!mirrored) return false;
  const read = withinRead(mirrored.text);
  if (readConfidenceInView(mirrored) < MIRRORED_RELIEF.minConfidence) return false;
  if ([...read].filter((c) => c === '?').length > MIRRORED_RELIEF.maxUnread) return false;
  if (!asIs) return true;
  if (wholeCardNumber(mirrored.text) && !wholeCardNumber(asIs.text)) return true;
  return mirrored.confidence >= asIs.confidence + MIRRORED_RELIEF.minGain;
}
