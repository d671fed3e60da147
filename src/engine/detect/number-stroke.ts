// The number tool: the user drags from the first digit of a number to its last, at any angle, and
// the engine makes a card-number finding along that stroke as the detector would have. The stroke's
// ends are the first and last digits' centres, which pins what no reader can: where the number starts
// and ends, and so which glyphs are the last four.
import { detectTextLines } from '../learned/text-lines';
import { learnedLineOcr } from '../learned/line-reader';
import type { TextModels } from '../learned/models';
import { median } from '../math';
import type { OcrEngine } from '../ocr/types';
import type { Finding, FindingReader, GrayImage, Point, Quad, RgbaImage } from '../types';
import { throwIfAborted } from './abort';
import { brandOf, lengthFitsBrand, wholeCardNumber } from './brands';
import { glyphPitch, normalizeSlots, splitGroups } from './group-digits';
import { columnEnergy } from './ink-profile';
import { luhnValid } from './luhn';
import { numberRun, type Slot } from './number-run';
import { cropLine, cropQuad, inkIsLight, readCrop, type LineCrop } from './read-line';
import { detectRepeatedPrefix, detectRepeatedPrefixLearned } from './repeated-prefix';
import { strokeBand, type StrokeBand } from './stroke-band';
import { stackAlongStroke, type StrokeStack } from './stroke-stack';
import { CARD_LAYOUTS, fitLayouts, glyphsFromGroupGaps } from './stroke-layout';
import { CUT_SHORT_NOTE } from './last-four-shown';

/** A stroke over a number: from the first digit's centre to the last digit's, source pixels. */
export interface NumberStroke {
  from: Point;
  to: Point;
}

export interface StrokeOptions {
  /** Tesseract; read with digits only. */
  ocr?: OcrEngine;
  /** The learned recognizer (read first) and detector (for the small repeat of the first four). */
  models?: TextModels;
  /** The photo in colour for the text detector (the grey image otherwise). */
  color?: RgbaImage;
  signal?: AbortSignal;
  /** Finding id; the repeat of the first four gets `${id}-prefix`. */
  id?: string;
}

/**
 * How the glyphs were placed: read digit by digit, fitted to a card layout, cut at group gaps, or
 * read group by group across a stack of group lines (a vertical card).
 */
export type StrokeMethod = 'read' | 'layout' | 'gaps' | 'stacked';

export interface StrokeResult {
  /** The number, then the small repeat of its first four when one is printed under it. */
  findings: Finding[];
  method: StrokeMethod;
}

/** Shortest stroke taken for a number, in source pixels: anything less is a tap. */
export const MIN_STROKE_PX = 12;

/** Crop margin before the first and after the last glyph centre, in glyph heights. */
const MARGIN = 1.2;

/** Past the last glyph's centre, room for this many pitches shows where a number ends. */
const CUT_REACH_PITCHES = 1.3;

/** A layout fit at least this good (profile-to-template correlation) places the glyphs. */
const LAYOUT_MIN_SCORE = 0.3;

const mid = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/**
 * The card-number finding along a stroke. Throws RangeError when the stroke is shorter than
 * MIN_STROKE_PX. The finding is keepable (presets apply) and enabled; its notes say how it was made,
 * and when the glyphs had to be cut at the group gaps, that the user should check the last four. A
 * number that runs out of the photo (see cutByFrame) is masked whole: its last four are not in view.
 */
export async function findingsFromStroke(
  gray: GrayImage,
  stroke: NumberStroke,
  options: StrokeOptions = {},
): Promise<StrokeResult> {
  const length = Math.hypot(stroke.to.x - stroke.from.x, stroke.to.y - stroke.from.y);
  if (!(length >= MIN_STROKE_PX)) throw new RangeError(`A stroke of ${length.toFixed(1)} px is too short.`);
  const band = strokeBand(gray, stroke.from, stroke.to);
  const id = options.id ?? 'stroke-1';
  const crops = [false, true].map((flipPolarity) => bandCrop(gray, band, flipPolarity));
  const readers: { engine: OcrEngine; name: FindingReader }[] = [];
  if (options.models) readers.push({ engine: learnedLineOcr(options.models), name: 'learned' });
  if (options.ocr) readers.push({ engine: digitsOnly(options.ocr), name: 'tesseract' });
  // Each reader on the guessed polarity first, then on the other; the first reading that is a whole
  // card number between the stroke's ends places the glyphs.
  const tried: Slot[][] = [];
  let placed: { slots: Slot[]; crop: LineCrop; reader: FindingReader } | undefined;
  for (const crop of crops) {
    for (const reader of readers) {
      throwIfAborted(options.signal);
      const slots = readSlots(await readCrop(reader.engine, crop.crop), crop);
      if (slots) tried.push(slots);
      if (slots && wholeNumber(slots, crop)) {
        placed = { slots, crop: crop.crop, reader: reader.name };
        break;
      }
    }
    if (placed) break;
  }
  // Not one line along the stroke: on a vertical card the stroke runs across stacked groups.
  if (!placed && options.models) {
    const stack = await stackAlongStroke(
      gray,
      options.color ?? gray,
      stroke.from,
      stroke.to,
      options.models,
      readers,
      options.signal,
    );
    if (stack) return { findings: [stackFinding(id, stack)], method: 'stacked' };
  }
  let method: StrokeMethod = 'read';
  if (!placed) {
    const fitted = fromLayout(crops[0], tried);
    method = fitted.method;
    // No reader read the number whole: the glyphs are where the user's stroke and the print put them.
    placed = { slots: fitted.slots, crop: crops[0].crop, reader: 'user' };
  }
  const slots = fitBoxesToInk(gray, placed.slots, placed.crop, band);
  const made = strokeFinding(id, slots, placed.crop, method);
  const text = made.text;
  const whole = method === 'read' && wholeCardNumber(text);
  const cut =
    !whole &&
    cutByFrame(stroke.to, band.angle, glyphPitch(slots) / placed.crop.scale, gray.width, gray.height);
  const finding: Finding = {
    ...made,
    reader: placed.reader,
    ...(cut && {
      keepable: false,
      notes: [...(made.notes ?? []), CUT_SHORT_NOTE],
    }),
  };
  const findings = [finding];
  const prefix = await repeatedPrefix(gray, finding, band.glyphHeight, options);
  if (prefix) findings.push({ ...prefix, id: `${id}-prefix` });
  return { findings, method };
}

interface BandCrop {
  crop: LineCrop;
  /** The first and last glyph centres along the crop, crop pixels. */
  a: number;
  b: number;
  /** Glyph height in crop pixels. */
  h: number;
}

function bandCrop(gray: GrayImage, band: StrokeBand, flipPolarity: boolean): BandCrop {
  const gh = band.glyphHeight;
  const spec = {
    centre: band.centre,
    angle: band.angle,
    length: band.length + 2 * MARGIN * gh,
    height: 1.8 * gh,
    glyphHeight: gh,
    targetHeight: 28,
  };
  // The other polarity than cropLine guesses: the guess fails on embossed relief and glare.
  const crop = cropLine(
    gray,
    flipPolarity ? { ...spec, inkLight: !inkIsLight(cropLine(gray, spec).raw) } : spec,
  );
  const a = MARGIN * gh * crop.scale;
  return { crop, a, b: a + band.length * crop.scale, h: gh * crop.scale };
}

/** Tesseract restricted to digits: the stroke says this is a number. */
function digitsOnly(ocr: OcrEngine): OcrEngine {
  return {
    recognize: (img, opts) => ocr.recognize(img, { ...opts, whitelist: '0123456789' }),
    terminate: async () => undefined,
  };
}

/** The number's slots from one reading, cleaned as the detector cleans them, between the ends. */
function readSlots(reading: Awaited<ReturnType<typeof readCrop>>, c: BandCrop): Slot[] | undefined {
  const run = numberRun(reading);
  if (!run) return undefined;
  const slots = normalizeSlots(run.slots, { ink: run.ink });
  if (slots.length < 2) return undefined;
  const p = glyphPitch(slots);
  return slots.filter((s) => mid(s) >= c.a - 0.6 * p && mid(s) <= c.b + 0.6 * p);
}

/**
 * A reading that is a card number from end to end: 12 to 19 glyphs, mostly read as digits, its first
 * and last glyphs on the stroke's ends, printed in a card layout (its brand's, or one of CARD_LAYOUTS).
 */
function wholeNumber(slots: Slot[], c: BandCrop): boolean {
  const n = slots.length;
  if (n < 12 || n > 19) return false;
  const p = glyphPitch(slots);
  if (Math.abs(mid(slots[0]) - c.a) > 0.5 * p || Math.abs(mid(slots[n - 1]) - c.b) > 0.5 * p) return false;
  if (slots.filter((s) => /\d/.test(s.char) && !s.lookalike).length < 0.6 * n) return false;
  const groups = splitGroups(slots, p).map((g) => g.length);
  const brand = brandOf(slots.map((s) => s.char).join(''));
  const layouts = [...(brand ? [brand.grouping] : []), ...CARD_LAYOUTS];
  return layouts.some((l) => l.length === groups.length && l.every((k, i) => k === groups[i]));
}

/**
 * Glyphs placed by the card layout that best fits the ink between the stroke's ends; characters from
 * whatever was read over each place. No layout fits: the band is cut at its visible group gaps.
 */
function fromLayout(c: BandCrop, readings: Slot[][]): { slots: Slot[]; method: StrokeMethod } {
  const img = c.crop.image;
  const cy = img.height / 2;
  const energy = columnEnergy(img, cy - 0.4 * c.h, cy + 0.4 * c.h);
  const fits = fitLayouts(energy, c.a, c.b, [0.4 * c.h, 1.3 * c.h]);
  const best = fits[0];
  const read = readings.flat();
  let centres: number[];
  let pitch: number;
  let method: StrokeMethod;
  if (best && best.score >= LAYOUT_MIN_SCORE) {
    ({ centres, pitch } = best);
    method = 'layout';
  } else {
    const p = read.length >= 4 ? glyphPitch(read) : 0.75 * c.h;
    centres = glyphsFromGroupGaps(energy, c.a, c.b, p).centres;
    pitch = median(centres.slice(1).map((x, i) => x - centres[i])) || p;
    method = 'gaps';
  }
  const half = 0.42 * pitch;
  const slots = centres.map((x): Slot => {
    const over = read.filter((s) => Math.abs(mid(s) - x) < 0.35 * pitch && /\d/.test(s.char));
    return {
      x0: x - half,
      x1: x + half,
      y0: cy - 0.5 * c.h,
      y1: cy + 0.5 * c.h,
      char: over[0]?.char ?? '?',
      confidence: over[0]?.confidence ?? 0,
    };
  });
  return { slots, method };
}

/**
 * Each glyph's box along the line cut to its own ink: between the faintest columns that separate it
 * from its neighbours, the columns that hold print. A reader's box can run a few pixels into the next
 * glyph, and where that next glyph is one of the last four, the mask must stop in the gap between
 * their inks, not at a box edge inside either.
 */
function fitBoxesToInk(gray: GrayImage, read: Slot[], crop: LineCrop, band: StrokeBand): Slot[] {
  if (read.length < 2) return read;
  // At the photo's own resolution (or finer): the reading crop is scaled to 28 px glyphs, and a
  // pixel there can be several of the photo's, wider than the gap between two embossed glyphs. The
  // two crops share their origin and angle, so positions only scale. (Edge energy is the same for
  // either polarity.)
  const gh = band.glyphHeight;
  const fine = cropLine(gray, {
    centre: band.centre,
    angle: band.angle,
    length: band.length + 2 * MARGIN * gh,
    height: 1.8 * gh,
    glyphHeight: gh,
    targetHeight: Math.max(28, gh),
  });
  const k = fine.scale / crop.scale;
  const slots = read.map((s) => ({ ...s, x0: s.x0 * k, x1: s.x1 * k, y0: s.y0 * k, y1: s.y1 * k }));
  const img = fine.image;
  const cy = median(slots.map((s) => (s.y0 + s.y1) / 2));
  const h = median(slots.map((s) => s.y1 - s.y0));
  const energy = columnEnergy(img, cy - 0.45 * h, cy + 0.45 * h);
  const p = glyphPitch(slots);
  const sorted = Array.from(energy).sort((a, b) => a - b);
  const ground = sorted[Math.floor(sorted.length * 0.2)];
  const ink = sorted[Math.floor(sorted.length * 0.9)];
  const at = ground + 0.25 * (ink - ground);
  const faintest = (a: number, b: number) => {
    let best = Math.round(a);
    for (let x = Math.max(1, Math.round(a)); x <= Math.min(energy.length - 2, Math.round(b)); x++)
      if (energy[x] < energy[best]) best = x;
    return best;
  };
  const fitted = slots.map((s, i) => {
    const c = mid(s);
    // Never more than about half a pitch from the glyph's centre: on a textured ground (a photo
    // printed behind the number) the space between groups holds edges too.
    const lo = Math.max(i > 0 ? faintest(mid(slots[i - 1]), c) : 0, c - 0.6 * p);
    const hi = Math.min(
      i < slots.length - 1 ? faintest(c, mid(slots[i + 1])) : energy.length - 1,
      c + 0.6 * p,
    );
    let x0 = -1;
    let x1 = -1;
    for (let x = Math.ceil(lo); x <= Math.floor(hi); x++) {
      if (energy[x] < at) continue;
      if (x0 < 0) x0 = x;
      x1 = x + 1;
    }
    // No print found (glare, a faint glyph): the box as it was.
    const box = x0 < 0 || x1 - x0 < 0.25 * p ? s : { ...s, x0: x0 - 0.5, x1: x1 + 0.5 };
    return { box, lo, hi };
  });
  // A narrow glyph (a '1') still owns a full glyph's width: its ink sits in the middle of its cell,
  // and a kept '1' must not lose the sides of its cell to the mask before it.
  const width = median(fitted.map((f) => f.box.x1 - f.box.x0));
  return fitted.map(({ box, lo, hi }) => {
    const grow = Math.max(0, (0.85 * width - (box.x1 - box.x0)) / 2);
    const x0 = Math.max(Math.min(box.x0, lo), box.x0 - grow);
    const x1 = Math.min(Math.max(box.x1, hi), box.x1 + grow);
    return { ...box, x0: x0 / k, x1: x1 / k, y0: box.y0 / k, y1: box.y1 / k };
  });
}

/**
 * Whether the frame cuts the number after the stroke's end: from the last marked glyph's centre,
 * the photo's edge comes before a next glyph could show whole (1.3 pitches on, `pitch` in source
 * pixels), or the end lies outside the photo. The digits in view then need not include the number's
 * last four: a 16-digit number cut after 11 shows 11 digits that must all be hidden.
 */
export function cutByFrame(end: Point, angle: number, pitch: number, width: number, height: number): boolean {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  if (end.x < 0 || end.y < 0 || end.x >= width || end.y >= height) return true;
  const tx = dx > 1e-9 ? (width - end.x) / dx : dx < -1e-9 ? -end.x / dx : Infinity;
  const ty = dy > 1e-9 ? (height - end.y) / dy : dy < -1e-9 ? -end.y / dy : Infinity;
  return Math.min(tx, ty) < CUT_REACH_PITCHES * pitch;
}

function stackFinding(id: string, stack: StrokeStack): Finding {
  const { text, glyphs, lines, reader } = stack;
  const brand = brandOf(text);
  const groups = new Set(lines).size;
  return {
    id,
    kind: 'card-number',
    text,
    glyphs,
    lines,
    confidence: Math.min(1, 0.5 + (luhnValid(text) ? 0.2 : 0) + (lengthFitsBrand(text) ? 0.1 : 0)),
    keepable: true,
    enabledByDefault: true,
    reader,
    notes: [
      'marked with the number tool',
      brand ? `brand: ${brand.name}` : 'brand: unknown',
      `printed in ${groups} stacked groups`,
    ],
  };
}

function strokeFinding(id: string, slots: Slot[], crop: LineCrop, method: StrokeMethod): Finding {
  const text = slots.map((s) => s.char).join('');
  const glyphs: Quad[] = slots.map((s) => cropQuad(crop, s.x0, s.y0, s.x1, s.y1));
  const brand = brandOf(text);
  const read = slots.filter((s) => s.char !== '?').length;
  const confidence =
    method === 'read'
      ? Math.min(1, 0.6 + (luhnValid(text) ? 0.2 : 0) + (lengthFitsBrand(text) ? 0.1 : 0))
      : method === 'layout'
        ? 0.5
        : 0.3;
  return {
    id,
    kind: 'card-number',
    text,
    glyphs,
    confidence,
    keepable: true,
    enabledByDefault: true,
    notes: [
      'marked with the number tool',
      brand ? `brand: ${brand.name}` : 'brand: unknown',
      read < slots.length ? `${slots.length - read} of ${slots.length} digits unread` : 'every digit read',
      ...(method === 'layout' ? ['glyphs placed by the card layout that fits the print'] : []),
      ...(method === 'gaps'
        ? ['the digits could not be told apart: split at the gaps between groups; check the last four']
        : []),
    ],
  };
}

/** The small repeat of the first four under the number, looked for as the detector does. */
async function repeatedPrefix(
  gray: GrayImage,
  finding: Finding,
  glyphHeight: number,
  options: StrokeOptions,
): Promise<Finding | undefined> {
  if (finding.text.slice(0, 4).includes('?')) return undefined;
  const number = { finding, glyphHeight };
  if (options.models) {
    const lines = await detectTextLines(options.models, options.color ?? gray);
    let near = 0;
    const found = await detectRepeatedPrefixLearned(
      gray,
      learnedLineOcr(options.models),
      number,
      lines,
      options.signal,
      (n) => (near = n),
    );
    if (found || near > 0 || !options.ocr) return found;
  }
  return options.ocr ? detectRepeatedPrefix(gray, options.ocr, number, options.signal) : undefined;
}
