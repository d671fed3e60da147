import { centre } from '../masks/from-findings';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage } from '../types';
import { throwIfAborted } from './abort';
import {
  cropLine,
  cropQuad,
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
  if (finding.glyphs.length < 12) return undefined;
  const first = centre(finding.glyphs[0]);
  const last = centre(finding.glyphs[finding.glyphs.length - 1]);
  const angle = Math.atan2(last.y - first.y, last.x - first.x);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
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
): Promise<ReadGlyph[] | undefined> {
  throwIfAborted(signal);
  // One block (PSM 6): sparse mode (11) drops a lone short word on a patterned ground.
  const page = await ocr.recognize(crop.image, { psm: 6 });
  return wordsOf(readingFromPage(crop, page.lines).glyphs).find((w) => {
    if (w.length !== 4 || !w.every((g) => g.char >= '0' && g.char <= '9')) return false;
    let same = 0;
    for (let i = 0; i < 4; i++) if (w[i].char === prefix[i]) same++;
    return same >= 3;
  });
}
