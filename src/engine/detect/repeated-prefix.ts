import { readingFrame } from '../reading-frame';
import type { OcrEngine } from '../ocr/types';
import type { TextLine } from '../learned/text-lines';
import type { Finding, GrayImage } from '../types';
import { throwIfAborted } from './abort';
import {
  cropLine,
  cropQuad,
  cropTextLine,
  inkIsLight,
  readingFromPage,
  wordsOf,
  type LineCrop,
  type ReadGlyph,
} from './read-line';

/**
 * Many cards print the first four digits a second time in small type just under the number (the
 * BIN check for the merchant). Hiding the number but not that repeat leaks four digits, so the strip
 * under the number's first group is read as sparse text and a 4-digit word matching the first
 * four (allowing one misread) becomes its own finding, masked whole.
 */
export async function detectRepeatedPrefix(
  gray: GrayImage,
  ocr: OcrEngine,
  number: { finding: Finding; glyphHeight: number },
  signal?: AbortSignal,
): Promise<Finding | undefined> {
  const { finding, glyphHeight: gh } = number;
  if (finding.glyphs.length < 9) return undefined;
  const { first, angle, ux, uy } = readingFrame(finding);
  // Strip: from a glyph before the number's start to about two groups along, from just below the
  // number to two glyph heights under it ("down" is the reading frame's +v).
  const along0 = -1.2 * gh;
  const along1 = 6 * gh;
  const down0 = 0.55 * gh;
  const down1 = 2.4 * gh;
  const a = (along0 + along1) / 2;
  const d = (down0 + down1) / 2;
  const spec = {
    centre: { x: first.x + a * ux - d * uy, y: first.y + a * uy + d * ux },
    angle,
    length: along1 - along0,
    height: down1 - down0,
    glyphHeight: 0.45 * gh,
    targetHeight: 26,
  };
  const prefix = finding.text.slice(0, 4);
  // The polarity guessed from a strip's grey levels fails on small light print on a mid-grey card,
  // so the strip is read both ways round, side by side on the OCR pool's two workers.
  const guess = cropLine(gray, spec);
  const other = cropLine(gray, { ...spec, inkLight: !inkIsLight(guess.raw) });
  const [asGuessed, flipped] = await Promise.all([
    readRepeat(ocr, guess, prefix, signal),
    readRepeat(ocr, other, prefix, signal),
  ]);
  const crop = asGuessed ? guess : other;
  const match = asGuessed ?? flipped;
  if (!match) return undefined;
  return repeatFinding(match, crop);
}

function repeatFinding(match: ReadGlyph[], crop: LineCrop): Finding {
  return {
    id: 'card-prefix-1',
    kind: 'card-number',
    text: match.map((g) => g.char).join(''),
    glyphs: match.map((g) => cropQuad(crop, g.x0, g.y0, g.x1, g.y1)),
    confidence: match.reduce((s, g) => s + g.confidence, 0) / 4,
    keepable: false,
    enabledByDefault: true,
    notes: ['the first four digits, printed again in small type'],
  };
}

/** A 4-digit word in the strip that matches the number's first four, allowing one misread. */
async function readRepeat(
  ocr: OcrEngine,
  crop: LineCrop,
  prefix: string,
  signal?: AbortSignal,
  psm: 6 | 7 = 6,
): Promise<ReadGlyph[] | undefined> {
  throwIfAborted(signal);
  // One block (PSM 6): sparse mode (11) drops a lone short word on a patterned ground.
  const page = await ocr.recognize(crop.image, { psm });
  return wordsOf(readingFromPage(crop, page.lines).glyphs).find((w) => {
    if (w.length !== 4 || !w.every((g) => g.char >= '0' && g.char <= '9')) return false;
    let same = 0;
    for (let i = 0; i < 4; i++) if (w[i].char === prefix[i]) same++;
    return same >= 3;
  });
}

/**
 * The repeat of the first four from the learned detector's lines: a short line just under the
 * number's first group (within `REPEAT_BAND` glyph heights), read by the recognizer in the number's
 * frame, holding a 4-digit word that matches the first four (one misread allowed).
 */
export async function detectRepeatedPrefixLearned(
  gray: GrayImage,
  learned: OcrEngine,
  number: { finding: Finding; glyphHeight: number },
  lines: readonly TextLine[],
  signal?: AbortSignal,
  /** Told how many of the detector's lines lie under the number's first group. */
  onBand?: (lines: number) => void,
): Promise<Finding | undefined> {
  const { finding, glyphHeight: gh } = number;
  if (finding.glyphs.length < 9) return undefined;
  const { angle, place } = readingFrame(finding);
  const prefix = finding.text.slice(0, 4);
  const near = lines
    .map((l) => ({ l, ...place(l.centre) }))
    .filter(
      ({ l, u, down }) =>
        down >= REPEAT_BAND.below[0] * gh &&
        down <= REPEAT_BAND.below[1] * gh &&
        u >= -REPEAT_BAND.before * gh &&
        u <= REPEAT_BAND.after * gh &&
        l.glyphHeight <= 0.8 * gh &&
        l.length <= 8 * gh,
    )
    .sort((a, b) => a.down - b.down);
  onBand?.(near.length);
  for (const { l } of near) {
    throwIfAborted(signal);
    const crop = cropTextLine(gray, l, angle);
    const match = await readRepeat(learned, crop, prefix, signal, 7);
    // Print this small blurs over its box: the mask takes in a quarter glyph more all round.
    const m = 0.25 * l.glyphHeight * crop.scale;
    const grown = match?.map((g) => ({ ...g, x0: g.x0 - m, x1: g.x1 + m, y0: g.y0 - m, y1: g.y1 + m }));
    if (grown) return repeatFinding(grown, crop);
  }
  return undefined;
}

/** Where the repeat may be, in the number's glyph heights from its first glyph's centre. */
const REPEAT_BAND = { below: [0.5, 3], before: 2, after: 7 } as const;
