import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage, Point } from '../types';
import { printedOnOneLine, readingFrame } from '../reading-frame';
import { throwIfAborted } from './abort';
import { locateLines } from './locate-lines';
import {
  cropLine,
  cropQuad,
  cropTextLine,
  cropToSource,
  readCrop,
  readingFromPage,
  wordsOf,
  type LineCrop,
  type ReadGlyph,
} from './read-line';

/** Glyph height of the number in the band crop; the panel's print is a little smaller. */
const BAND_GLYPH = 36;

export interface SecurityCodeDetection {
  finding: Finding;
}

/**
 * The security code on a card back: the signature panel above the number shows the last four and
 * then the 3- or 4-digit code. We read a band above the number line (in the number's own frame, so
 * tilt and turns are already undone) as sparse text and take a 3-4 digit word that follows a
 * 4-digit word (the panel's last four, which stays visible), or stands alone on the panel. None for
 * a number printed over several lines (`printedOnOneLine`): it has no one line to read a band above.
 */
export async function detectSecurityCode(
  gray: GrayImage,
  ocr: OcrEngine,
  number: { finding: Finding; crop: LineCrop; glyphHeight: number },
  debug?: (message: string) => void,
  debugImage?: (img: GrayImage) => void,
  signal?: AbortSignal,
  /**
   * A second reader for a lone 3-digit word (no last four before it): it must read the same digits,
   * alone, on a crop of the word. Tesseract's sparse read of a textured band finds digits in the
   * texture ("283" among "rv 5 oH Ee aw Fs be"), which another reader does not. Without it (no
   * learned recognizer) a lone word stands on Tesseract's read.
   */
  confirm?: OcrEngine,
): Promise<Finding | undefined> {
  const { finding, glyphHeight: gh } = number;
  if (!printedOnOneLine(finding)) return undefined;
  const { first, angle, ux, uy, length: len } = readingFrame(finding);
  // Band: from a little left of the number to well past its end, from just above it to 11 glyph
  // heights above (the panel sits between the stripe and the number).
  const along0 = -2 * gh;
  const along1 = len + 6 * gh;
  const up0 = 1.2 * gh;
  const up1 = 11 * gh;
  const mid = (along0 + along1) / 2;
  const up = (up0 + up1) / 2;
  const c: Point = { x: first.x + mid * ux + up * uy, y: first.y + mid * uy - up * ux };
  const crop = cropLine(gray, {
    centre: c,
    angle,
    length: along1 - along0,
    height: up1 - up0,
    glyphHeight: gh,
    targetHeight: BAND_GLYPH,
    inkLight: false,
  });
  debugImage?.(crop.image);
  const lastFour = finding.text.slice(-4);
  type Found = { code: ReadGlyph[]; crop: LineCrop };
  // Panels are hatched or patterned, and the code is printed in whatever font the issuer likes: read
  // the band as it is, then with only its darkest ink, then with thin hatching closed away.
  const read = async (variant: 'raw' | 'darkest' | 'darker' | 'closed') => {
    const image =
      variant === 'raw'
        ? crop.image
        : variant === 'darkest'
          ? darkest(crop.image, 0.02)
          : variant === 'darker'
            ? darkest(crop.image, 0.04)
            : closeThinDark(crop.image);
    throwIfAborted(signal);
    const page = await ocr.recognize(image, { psm: variant === 'raw' ? 11 : 6 });
    const reading = readingFromPage(crop, page.lines);
    debug?.(`panel ${variant} "${reading.text.replace(/\s+/g, ' ')}"`);
    const words = wordsOf(reading.glyphs);
    const code = await confirmed(findCode(words, lastFour, image), crop);
    return {
      text: reading.text.trim(),
      found: code ? { code, crop } : undefined,
      digits: words.flat().filter((g) => g.char >= '0' && g.char <= '9').length,
    };
  };
  // The band holds more than the panel (card ground, stripe edge, art), which can outweigh small
  // print in a whole-band read: find the text lines in it and read each on its own.
  const readLines = async (): Promise<Found | undefined> => {
    const lines = locateLines(crop.image, { minMembers: 3 })
      .filter(
        (l) =>
          l.glyphHeight >= 0.3 * BAND_GLYPH && l.glyphHeight <= 1.3 * BAND_GLYPH && Math.abs(l.angle) < 0.2,
      )
      .slice(0, 4);
    for (const l of lines) {
      throwIfAborted(signal);
      const lineGh = l.glyphHeight / crop.scale;
      const tight = cropLine(gray, {
        centre: cropToSource(crop, l.centre.x, l.centre.y),
        angle: crop.angle + l.angle,
        length: l.length / crop.scale + 3 * lineGh,
        height: 2 * lineGh,
        glyphHeight: lineGh,
        targetHeight: 32,
      });
      const reading = await readCrop(ocr, tight);
      debug?.(`panel line "${reading.text}"`);
      const code = await confirmed(findCode(wordsOf(reading.glyphs), lastFour, tight.image), tight);
      if (code) return { code, crop: tight };
    }
    return undefined;
  };
  const confirmed = async (
    found: { code: ReadGlyph[]; lone: boolean } | undefined,
    on: LineCrop,
  ): Promise<ReadGlyph[] | undefined> => {
    if (!found || !found.lone || !confirm) return found?.code;
    const again = await readCrop(confirm, wordCrop(gray, on, found.code));
    const text = found.code.map((g) => g.char).join('');
    const words = wordsOf(again.glyphs).map((w) => w.map((g) => g.char).join(''));
    debug?.(`panel lone "${text}" read again: "${again.text}"`);
    return words.length === 1 && words[0] === text ? found.code : undefined;
  };
  // Two variants side by side on the pool's two workers. More only when those saw digits but no
  // code, or the darkest ink held no text at all (thin or italic print on a hatched panel); a front
  // shows its bank name or chip there and stops after one round.
  const [a, b] = await Promise.all([read('darkest'), read('raw')]);
  let found = a.found ?? b.found;
  if (!found && (a.text === '' || a.digits + b.digits >= 3)) {
    const [c, d] = await Promise.all([read('darker'), read('closed')]);
    found = c.found ?? d.found;
  }
  if (!found && (a.text === '' || a.digits + b.digits >= 1)) found = await readLines();
  if (!found) return undefined;
  const { code } = found;
  return {
    id: 'security-code-1',
    kind: 'security-code',
    // Codes are 3 or 4 digits and Tesseract often drops the last one: a 3-digit read gets one more
    // glyph's room after it (blank panel if there is no fourth digit).
    text: code.map((g) => g.char).join('') + (code.length === 3 ? '?' : ''),
    glyphs: [...code, ...(code.length === 3 ? [nextGlyph(code)] : [])].map((g) =>
      cropQuad(found.crop, g.x0, g.y0, g.x1, g.y1),
    ),
    confidence: code.reduce((s, g) => s + g.confidence, 0) / code.length,
    keepable: false,
    enabledByDefault: true,
    notes: ['security code on the signature panel'],
  };
}

/** Where one more glyph would sit after a word, at the word's own pitch. */
function nextGlyph(word: ReadGlyph[]): ReadGlyph {
  const last = word[word.length - 1];
  const pitch = (last.x1 - word[0].x0) / word.length;
  return { ...last, char: '?', confidence: 0, x0: last.x0 + pitch, x1: last.x1 + pitch };
}

const isDigits = (w: ReadGlyph[]) => w.every((g) => g.char >= '0' && g.char <= '9');

/**
 * A word of `crop` (its glyphs, crop pixels) cut out on its own from `gray`, as a text line of its
 * glyphs' height (cropTextLine: a glyph height of margin each way along).
 */
function wordCrop(gray: GrayImage, crop: LineCrop, word: readonly ReadGlyph[]): LineCrop {
  const x0 = Math.min(...word.map((g) => g.x0));
  const x1 = Math.max(...word.map((g) => g.x1));
  const y0 = Math.min(...word.map((g) => g.y0));
  const y1 = Math.max(...word.map((g) => g.y1));
  const line = {
    centre: cropToSource(crop, (x0 + x1) / 2, (y0 + y1) / 2),
    length: (x1 - x0) / crop.scale,
    glyphHeight: (y1 - y0) / crop.scale,
  };
  return cropTextLine(gray, line, crop.angle, 2);
}

/**
 * "1234 567" (the last four then the code, as two words or glued into one), else a lone 3-digit
 * word (`lone`). The code's first glyph is widened back to the space after the last four (see
 * widenStart).
 */
function findCode(
  words: ReadGlyph[][],
  lastFour: string,
  img: GrayImage,
): { code: ReadGlyph[]; lone: boolean } | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const text = w.map((g) => g.char).join('');
    if (isDigits(w) && (w.length === 7 || (w.length === 8 && text.startsWith(lastFour))))
      return { code: widenStart(w.slice(4), w[3], img), lone: false };
    const next = words[i + 1];
    // The word before the code is the panel's last four (one misread allowed): a phone number's
    // "0800 711" is not.
    const same = [...lastFour].filter((c, k) => w[k]?.char === c).length;
    if (
      isDigits(w) &&
      w.length === 4 &&
      same >= 3 &&
      next &&
      isDigits(next) &&
      (next.length === 3 || next.length === 4)
    ) {
      const h = w[0].y1 - w[0].y0;
      if (next[0].x0 - w[w.length - 1].x1 < 2.5 * h && Math.abs(next[0].y0 - w[0].y0) < 0.6 * h)
        return { code: widenStart(next, w[w.length - 1], img), lone: false };
    }
  }
  const lone = words.find((w) => isDigits(w) && w.length === 3);
  return lone && { code: widenStart(lone, undefined, img), lone: true };
}

/**
 * OCR boxes of slanted or small print often start well inside the glyph (an italic 3's tail reaches
 * back under its neighbour). The code's start moves back to the end of the space before it: the
 * emptiest columns between the last four and the code. Without a last four it moves back a third
 * of a glyph height. The panel's last four is never reached: the space lies between.
 */
function widenStart(code: ReadGlyph[], prev: ReadGlyph | undefined, img: GrayImage): ReadGlyph[] {
  const first = code[0];
  const h = first.y1 - first.y0;
  let x0 = first.x0 - h / 3;
  if (prev && prev.x1 < first.x0) {
    const ink: number[] = [];
    for (let x = Math.max(0, Math.floor(prev.x1)); x <= Math.min(img.width - 1, Math.floor(first.x0)); x++) {
      let dark = 0;
      for (let y = Math.max(0, Math.floor(first.y0)); y < Math.min(img.height, Math.ceil(first.y1)); y++)
        dark += 255 - img.data[y * img.width + x];
      ink.push(dark);
    }
    const least = Math.min(...ink);
    const spread = Math.max(...ink) - least;
    // The rightmost of the emptiest columns: the space ends there and the code's ink begins.
    let end = 0;
    ink.forEach((v, i) => {
      if (v <= least + 0.15 * spread) end = i;
    });
    x0 = Math.max(prev.x1, Math.floor(prev.x1) + end);
  }
  return [{ ...first, x0: Math.min(first.x0, x0) }, ...code.slice(1)];
}

/** Keeps only the darkest `share` of pixels as black on white: the code's ink, not the hatching. */
function darkest(img: GrayImage, share: number): GrayImage {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]++;
  let t = 0;
  for (let acc = 0; t < 256; t++) {
    acc += hist[t];
    if (acc >= img.data.length * share) break;
  }
  return { width: img.width, height: img.height, data: img.data.map((v) => (v <= t ? 0 : 255)) };
}

/** Grey closing (3x3 max then min): dark lines thinner than 3 px vanish, strokes of print stay. */
function closeThinDark(img: GrayImage): GrayImage {
  return extreme(extreme(img, Math.max), Math.min);
}

function extreme(img: GrayImage, pick: (a: number, b: number) => number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = data[y * w + x];
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(h - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx++) v = pick(v, data[yy * w + Math.min(w - 1, Math.max(0, x + dx))]);
      }
      out[y * w + x] = v;
    }
  }
  return { width: w, height: h, data: out };
}
