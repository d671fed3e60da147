import { sampleRotated, stretchContrast, invertGray } from '../image/transform';
import type { OcrEngine, OcrPage, RecognizeOptions } from '../ocr/types';
import type { GrayImage, Point, Quad } from '../types';
import { boxBlur3 } from './components';
import { flattenBackground } from './normalize';

/** A level, upright crop of a (possibly tilted or turned) line: crop pixels map back to the source. */
export interface LineCrop {
  image: GrayImage;
  /** Source point of the crop's (0,0). */
  origin: Point;
  /** Reading direction in the source image, radians clockwise. */
  angle: number;
  /** Crop pixels per source pixel. */
  scale: number;
  /** The same crop before polarity and background work: grey levels as photographed. */
  raw: GrayImage;
}

/** Where the crop's pixel (x, y) lies in the source image. */
export function cropToSource(crop: LineCrop, x: number, y: number): Point {
  const c = Math.cos(crop.angle) / crop.scale;
  const s = Math.sin(crop.angle) / crop.scale;
  return { x: crop.origin.x + x * c - y * s, y: crop.origin.y + x * s + y * c };
}

export function sourceToCrop(crop: LineCrop, p: Point): Point {
  const dx = p.x - crop.origin.x;
  const dy = p.y - crop.origin.y;
  const c = Math.cos(crop.angle) * crop.scale;
  const s = Math.sin(crop.angle) * crop.scale;
  return { x: dx * c + dy * s, y: -dx * s + dy * c };
}

export function cropQuad(crop: LineCrop, x0: number, y0: number, x1: number, y1: number): Quad {
  return [
    cropToSource(crop, x0, y0),
    cropToSource(crop, x1, y0),
    cropToSource(crop, x1, y1),
    cropToSource(crop, x0, y1),
  ];
}

export interface CropSpec {
  /** Centre of the line in source pixels. */
  centre: Point;
  /** Reading direction, radians clockwise. */
  angle: number;
  /** Length to cover along the line and height across it, in source pixels. */
  length: number;
  height: number;
  /** Glyph height in source pixels: the crop is scaled so glyphs come out about `targetHeight` tall. */
  glyphHeight: number;
  targetHeight?: number;
  /** Whether the print is lighter than its ground; guessed from the crop when not given. */
  inkLight?: boolean;
  /** Flatten the background (default) or only stretch contrast. */
  flatten?: boolean;
  /** The most the crop may enlarge the source (default 4: more only blurs what Tesseract reads). */
  maxScale?: number;
}

/**
 * Samples the line level and scaled, then prepares it the way Tesseract reads best: a slight blur
 * against JPEG and sensor noise, a contrast stretch, and dark print on a light ground.
 */
export function cropLine(src: GrayImage, spec: CropSpec): LineCrop {
  const target = spec.targetHeight ?? 36;
  const scale = Math.min(spec.maxScale ?? 4, Math.max(0.15, target / spec.glyphHeight));
  const w = Math.max(8, Math.round(spec.length * scale));
  const h = Math.max(8, Math.round(spec.height * scale));
  const ux = Math.cos(spec.angle);
  const uy = Math.sin(spec.angle);
  const origin = {
    x: spec.centre.x - (spec.length / 2) * ux + (spec.height / 2) * uy,
    y: spec.centre.y - (spec.length / 2) * uy - (spec.height / 2) * ux,
  };
  let img = sampleRotated(src, origin, spec.angle, w, h, scale);
  img = boxBlur3(img);
  const raw = img;
  if (spec.inkLight ?? inkIsLight(img)) img = invertGray(img);
  img = spec.flatten === false ? stretchContrast(img, 0.01, 0.99) : flattenBackground(img, 1.6 * target);
  return { image: img, origin, angle: spec.angle, scale, raw };
}

/**
 * A detected text line (source pixels) cropped along `angle` (its own direction, or the number's
 * frame, so a turned card reads the right way round), with a glyph's margin and height to spare.
 */
export function cropTextLine(
  src: GrayImage,
  line: { centre: Point; length: number; glyphHeight: number },
  angle: number,
  /** Glyph heights added to the line's length (half at each end). */
  margin = 1.5,
  /** The most the crop may enlarge the source (see CropSpec.maxScale). */
  maxScale?: number,
): LineCrop {
  return cropLine(src, {
    centre: line.centre,
    angle,
    length: line.length + margin * line.glyphHeight,
    height: 1.8 * line.glyphHeight,
    glyphHeight: line.glyphHeight,
    targetHeight: 28,
    maxScale,
  });
}

/**
 * Votes over glyph boxes: inside a glyph's box the print is the far tail of the grey levels, so a
 * bright tail longer than the dark one means light print (embossed silver, white on a dark card).
 */
export function inkIsLightIn(
  img: GrayImage,
  boxes: readonly { x0: number; y0: number; x1: number; y1: number }[],
): boolean {
  let votes = 0;
  for (const b of boxes) {
    const vals: number[] = [];
    for (let y = Math.max(0, Math.floor(b.y0)); y < Math.min(img.height, Math.ceil(b.y1)); y++) {
      for (let x = Math.max(0, Math.floor(b.x0)); x < Math.min(img.width, Math.ceil(b.x1)); x++)
        vals.push(img.data[y * img.width + x]);
    }
    if (vals.length < 9) continue;
    vals.sort((a, c) => a - c);
    const lo = vals[Math.floor(vals.length * 0.05)];
    const med = vals[vals.length >> 1];
    const hi = vals[Math.floor(vals.length * 0.95)];
    votes += hi - med > med - lo ? 1 : -1;
  }
  return votes > 0;
}

/** Print is the minority of a line crop: if the far tail of the histogram is bright, the print is light. */
export function inkIsLight(img: GrayImage): boolean {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]++;
  const n = img.data.length;
  const pct = (p: number) => {
    for (let acc = 0, v = 0; v < 256; v++) {
      acc += hist[v];
      if (acc >= n * p) return v;
    }
    return 255;
  };
  const med = pct(0.5);
  return pct(0.95) - med > med - pct(0.05);
}

export interface ReadGlyph {
  char: string;
  confidence: number;
  /** Box in crop pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LineReading {
  crop: LineCrop;
  /** Read by the learned recognizer (see OcrPage.engine). */
  learned?: boolean;
  glyphs: ReadGlyph[];
  text: string;
  confidence: number;
  /** The first reader's reading of the same crop, when a second reader's replaced it. */
  replaced?: LineReading;
}

/** OCR of one prepared crop as a single line (PSM 7); symbols keep their boxes. */
export async function readCrop(
  ocr: OcrEngine,
  crop: LineCrop,
  options: RecognizeOptions = {},
): Promise<LineReading> {
  const page = await ocr.recognize(crop.image, { psm: 7, ...options });
  return { ...readingFromPage(crop, page.lines), learned: page.engine === 'learned' };
}

/** Flattens OCR lines into glyphs, with a ' ' glyph after each word (and each line). */
export function readingFromPage(crop: LineCrop, lines: OcrPage['lines']): LineReading {
  const page = { lines };
  const glyphs: ReadGlyph[] = [];
  let confSum = 0;
  for (const line of page.lines) {
    for (const word of line.words) {
      for (const s of word.symbols) {
        for (const ch of s.text) {
          glyphs.push({ char: ch, confidence: s.confidence, ...s.box });
          confSum += s.confidence;
        }
      }
      glyphs.push({
        char: ' ',
        confidence: 1,
        x0: word.box.x1,
        y0: word.box.y0,
        x1: word.box.x1,
        y1: word.box.y1,
      });
    }
  }
  while (glyphs.length && glyphs[glyphs.length - 1].char === ' ') glyphs.pop();
  const real = glyphs.filter((g) => g.char !== ' ');
  return {
    crop,
    glyphs,
    text: glyphs.map((g) => g.char).join(''),
    confidence: real.length ? confSum / real.length : 0,
  };
}

/** The words of a reading: its glyphs split at the ' ' glyphs between words. */
export function wordsOf(glyphs: readonly ReadGlyph[]): ReadGlyph[][] {
  const words: ReadGlyph[][] = [];
  let cur: ReadGlyph[] = [];
  for (const g of glyphs) {
    if (g.char === ' ') {
      if (cur.length) words.push(cur);
      cur = [];
    } else cur.push(g);
  }
  if (cur.length) words.push(cur);
  return words;
}
