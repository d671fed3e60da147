import { scaleGray } from '../image/transform';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage, Quad } from '../types';
import { throwIfAborted } from './abort';
import { brandOf, lengthFitsBrand } from './brands';
import { locateLines, type CandidateLine } from './locate-lines';
import { luhnValid } from './luhn';
import { normalizeSlots, slotsFromInk } from './group-digits';
import { numberRun, type NumberRun, type Slot } from './number-run';
import {
  cropLine,
  cropQuad,
  cropToSource,
  inkIsLightIn,
  readCrop,
  type LineCrop,
  type LineReading,
} from './read-line';

export interface DetectOptions {
  signal?: AbortSignal;
  /** Fraction of the detection done (0..1) and what is happening. */
  onProgress?: (fraction: number, message: string) => void;
  /** Candidate lines to read at most. */
  maxLines?: number;
  /** Receives a line per OCR reading, for diagnostics. */
  debug?: (message: string) => void;
  /** The photo as each pixel's darkest channel (see darkestChannel), made only if it is needed. */
  neutral?: () => GrayImage;
}

/** Longest side of the image the line finder works on: digits stay 15+ px tall in phone photos. */
const WORK_SIDE = 1400;

export interface ReadNumber {
  line: CandidateLine;
  reading: LineReading;
  run: NumberRun;
  /** 0 when read as found, 1 when read turned half round. */
  flipped: number;
}

/** How convincing a run is as digits: upside-down print reads as letters and symbols. */
const quality = (r: NumberRun) =>
  r.trueDigits * (0.5 + r.confidence) +
  0.2 * r.slots.length +
  // A known IIN prefix is evidence of the right way up (never a requirement).
  (brandOf(r.slots.map((s) => s.char).join('')) ? 3 : 0);

interface Ctx {
  gray: GrayImage;
  work: GrayImage;
  scale: number;
  ocr: OcrEngine;
  debug?: (message: string) => void;
  /** Set once a number has been read: the whole photo shares one orientation. */
  flip?: number;
  /** Lines that read as clean prose. */
  prose: Set<CandidateLine>;
  signal?: AbortSignal;
}

async function readOnce(
  ctx: Ctx,
  line: CandidateLine,
  flip: number,
  light: boolean,
): Promise<ReadNumber | undefined> {
  const gh = line.glyphHeight / ctx.scale;
  // The line as found; refined below from the glyphs read on it.
  let geo = {
    cx: line.centre.x / ctx.scale,
    cy: line.centre.y / ctx.scale,
    angle: line.angle + flip * Math.PI,
  };
  let len = line.length / ctx.scale;
  const read = async (wantBefore: number, wantAfter: number) => {
    const { cx, cy, angle } = geo;
    // How far the line may reach each way before leaving the photo: past the frame a crop only
    // repeats the edge pixels, which Tesseract reads as marks.
    const inFrame = (a: number) => Math.max(0, reachInFrame(cx, cy, a, ctx.gray) - len / 2 + 0.5 * gh);
    const before = Math.min(wantBefore, inFrame(angle + Math.PI));
    const after = Math.min(wantAfter, inFrame(angle));
    const shift = (after - before) / 2;
    const crop = cropLine(ctx.gray, {
      centre: { x: cx + shift * Math.cos(angle), y: cy + shift * Math.sin(angle) },
      angle,
      length: len + before + after,
      height: 1.8 * gh,
      glyphHeight: gh,
      targetHeight: 28,
      inkLight: light,
    });
    throwIfAborted(ctx.signal);
    const reading = await readCrop(ctx.ocr, crop);
    const run = numberRun(reading);
    ctx.debug?.(
      `line@${Math.round(cx)},${Math.round(cy)} angle=${((angle * 180) / Math.PI).toFixed(1)} flip=${flip} light=${light} ` +
        `"${reading.text}" conf=${reading.confidence.toFixed(2)} -> ${run ? run.slots.map((s) => s.char).join('') : '-'}`,
    );
    return { reading, run };
  };
  // A wider or re-aimed read sees more of the line: it wins unless it reads fewer digits.
  const better = (next: { run?: NumberRun }, run: NumberRun) =>
    !!next.run &&
    ((next.run.trueDigits >= run.trueDigits && next.run.slots.length > run.slots.length) ||
      quality(next.run) >= quality(run));
  // A tight crop first (small crops read fast); the finder often sees only part of a number (a
  // group or two), so a run that reaches an end of the crop is read again reaching a whole number's
  // length (about 17 glyph heights) further that way.
  const near = 4 * gh;
  const far = () => Math.max(near, 17 * gh - len);
  // A line of 14+ glyphs is most of a number already; a shorter one may be missing whole groups.
  let first = line.glyphs >= 14 ? near : far();
  let { reading, run } = await read(first, first);
  // The finder can chain a number with print beside it and get the tilt wrong by several degrees;
  // the glyphs read show the true slope, and the line is read again along it.
  const tilt = run ? slopeOf(run.slots, reading.crop.scale * gh) : 0;
  if (run && Math.abs(tilt) > (1.5 * Math.PI) / 180) {
    const s0 = run.slots[0];
    const s1 = run.slots[run.slots.length - 1];
    const y = run.slots.reduce((sum, s) => sum + (s.y0 + s.y1) / 2, 0) / run.slots.length;
    const c = cropToSource(reading.crop, (s0.x0 + s1.x1) / 2, y);
    const prev = { geo, len };
    geo = { cx: c.x, cy: c.y, angle: geo.angle + tilt };
    len = (s1.x1 - s0.x0) / reading.crop.scale;
    first = far();
    const aimed = await read(first, first);
    if (better(aimed, run)) ({ reading, run } = aimed);
    else ({ geo, len } = prev);
  }
  if (run && run.trueDigits >= 3) {
    const edge = 1.3 * gh * reading.crop.scale;
    const atStart = run.slots[0].x0 < edge;
    const atEnd = run.slots[run.slots.length - 1].x1 > reading.crop.image.width - edge;
    if (atStart || atEnd) {
      // Reach past what the first read covered: a long line is read with `far` already.
      const further = Math.max(far(), first + 6 * gh);
      const wider = await read(atStart ? further : first, atEnd ? further : first);
      if (better(wider, run)) ({ reading, run } = wider);
    }
  }
  // Clean prose (a name, a bank, terms) read with confidence: no other polarity will make it digits.
  const words = reading.text.split(' ').filter((w) => /[A-Za-z]{2,}/.test(w));
  if (!run && words.length >= 1 && reading.confidence >= 0.9 && reading.text.replace(/\s/g, '').length >= 4)
    ctx.prose.add(line);
  return run ? { line, reading, run, flipped: flip } : undefined;
}

/** A reading that settles a photo: a run of 12+ glyphs, 8+ of them read as digits. */
const isNumberLike = (r: ReadNumber) => r.run.slots.length >= 12 && r.run.trueDigits >= 8;

/** Two candidates over the same print: centres within a glyph height, directions within 10 degrees. */
function sameLine(a: CandidateLine, b: CandidateLine): boolean {
  const turn = Math.abs(Math.sin(a.angle - b.angle));
  return Math.hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) < a.glyphHeight && turn < 0.17;
}

/**
 * Reads candidate lines, best first, into `found`. While the orientation is unknown, one line at a
 * time (read both ways round in parallel); then two at a time (the OCR pool runs two workers). Once
 * a full number is read, the weaker candidates are not worth their OCR time.
 */
async function readLines(
  ctx: Ctx,
  lines: CandidateLine[],
  found: ReadNumber[],
  onRead: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < lines.length;) {
    throwIfAborted(ctx.signal);
    const take = ctx.flip === undefined ? 1 : 2;
    const batch = await Promise.all(lines.slice(i, i + take).map((l) => readCandidate(ctx, l)));
    i += take;
    for (const r of batch) if (r) found.push(r);
    // Only a number-like reading settles the orientation: prose read upside down can look numeric.
    const best = found.filter(isNumberLike).sort((a, b) => quality(b.run) - quality(a.run))[0];
    if (best && ctx.flip === undefined) ctx.flip = best.flipped;
    onRead(Math.min(i, lines.length));
    if (best) break;
  }
}

/**
 * The slope (radians) of a run's digits in its crop: a least-squares line through the centres of
 * the digits read as digits, if at least four span five glyph heights; else 0.
 */
function slopeOf(slots: readonly Slot[], glyphHeight: number): number {
  const pts = slots
    .filter((s) => !s.lookalike && s.char !== '?')
    .map((s) => ({ x: (s.x0 + s.x1) / 2, y: (s.y0 + s.y1) / 2 }));
  if (pts.length < 4 || pts[pts.length - 1].x - pts[0].x < 5 * glyphHeight) return 0;
  const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
  const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return Math.atan(sxy / sxx);
}

/** Distance from (x, y) along the direction `angle` to the edge of the image. */
function reachInFrame(x: number, y: number, angle: number, img: GrayImage): number {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const tx = dx > 1e-9 ? (img.width - x) / dx : dx < -1e-9 ? -x / dx : Infinity;
  const ty = dy > 1e-9 ? (img.height - y) / dy : dy < -1e-9 ? -y / dy : Infinity;
  return Math.max(0, Math.min(tx, ty));
}

/**
 * Reads one candidate line. Until the photo's orientation is known, a line that reads as digits is
 * also read turned half round and the more convincing reading wins; a line that reads as nothing
 * gets one more try with the other polarity (embossed relief fools the guess).
 */
export async function readCandidate(ctx: Ctx, line: CandidateLine): Promise<ReadNumber | undefined> {
  const light = inkIsLightIn(ctx.work, line.members);
  let best: ReadNumber | undefined;
  if (ctx.flip === undefined) {
    // Both ways round at once: the two reads run on the pool's two workers.
    const [up, down] = await Promise.all([readOnce(ctx, line, 0, light), readOnce(ctx, line, 1, light)]);
    best = pick(up, down);
  } else {
    best = await readOnce(ctx, line, ctx.flip, light);
  }
  if ((!best && !ctx.prose.has(line)) || (best && best.run.trueDigits < 6)) {
    const again = await readOnce(ctx, line, best?.flipped ?? ctx.flip ?? 0, !light);
    best = pick(best, again);
  }
  return best;
}

function pick(a: ReadNumber | undefined, b: ReadNumber | undefined): ReadNumber | undefined {
  if (!a) return b;
  if (!b) return a;
  return quality(b.run) > quality(a.run) ? b : a;
}

/** Confidence that a run is a card number: geometry and OCR first, Luhn and brand as bonuses. */
function numberConfidence(text: string, run: NumberRun): number {
  let c = 0.35 + 0.3 * (run.trueDigits / text.length) * run.confidence;
  if (!text.includes('?') && luhnValid(text)) c += 0.2;
  if (lengthFitsBrand(text)) c += 0.1;
  return Math.min(1, c);
}

/**
 * Card numbers in a grey image: locate candidate lines cheaply on a downscaled copy, read each as a
 * level full-resolution crop, and keep number-shaped runs of 12 to 19 glyphs. Luhn and brand rules
 * only raise confidence: specimen numbers fail Luhn.
 */
export async function detectCardNumbers(
  gray: GrayImage,
  ocr: OcrEngine,
  options: DetectOptions = {},
): Promise<Finding[]> {
  return (await detectCardNumbersDetailed(gray, ocr, options)).map((d) => d.finding);
}

export interface CardNumberDetection {
  finding: Finding;
  crop: LineCrop;
  /** Glyph height in source pixels. */
  glyphHeight: number;
}

export async function detectCardNumbersDetailed(
  gray: GrayImage,
  ocr: OcrEngine,
  options: DetectOptions = {},
): Promise<CardNumberDetection[]> {
  const { signal, onProgress } = options;
  const scale = Math.min(1, WORK_SIDE / Math.max(gray.width, gray.height));
  const work = scale < 1 ? scaleGray(gray, scale) : gray;
  const lines = locateLines(work)
    .filter((l) => l.glyphs >= 6)
    .slice(0, options.maxLines ?? 6);
  onProgress?.(0.05, `Reading ${lines.length} candidate line(s)`);
  const ctx: Ctx = { gray, work, scale, ocr, debug: options.debug, prose: new Set(), signal };
  ctxDebug = options.debug;
  const found: ReadNumber[] = [];
  await readLines(ctx, lines, found, (done) =>
    onProgress?.(0.05 + 0.85 * (done / lines.length), `Read ${done} of ${lines.length} line(s)`),
  );
  // Grey print on a colourful photo can vanish into the grey image's texture; in the image of each
  // pixel's darkest channel, neutral print stands out from coloured art. Tried only when the grey
  // image gave no number, on lines it did not already offer.
  if (options.neutral && !found.some(isNumberLike)) {
    const neutral = options.neutral();
    const neutralWork = scale < 1 ? scaleGray(neutral, scale) : neutral;
    const more = locateLines(neutralWork)
      .filter((l) => l.glyphs >= 6 && !lines.some((o) => sameLine(o, l)))
      .slice(0, 4);
    onProgress?.(0.9, `Reading ${more.length} more candidate line(s)`);
    const alt: Ctx = { ...ctx, gray: neutral, work: neutralWork, prose: new Set() };
    await readLines(alt, more, found, () => undefined);
  }
  const out: CardNumberDetection[] = [];
  for (const r of found.sort((a, b) => quality(b.run) - quality(a.run))) {
    const crop = r.reading.crop;
    const settled = r.run.slots;
    const normalize = (from: readonly Slot[]) =>
      normalizeSlots(from, {
        ink: r.run.ink,
        cutAtEnd: (last, pitch) => cutAtEnd(crop, r.run.slots, last, pitch, gray.width, gray.height),
      }).slice(0, 19);
    let slots = normalize(settled);
    // Too short for a number as read: OCR may have garbled a group's boxes; count the glyphs by ink.
    if (slots.length < 12) {
      const fromInk = slotsFromInk(settled, r.run.ink);
      const alt = fromInk && normalize(fromInk);
      options.debug?.(
        `from ink: ${fromInk ? fromInk.map((s) => s.char).join('') : '-'} -> ${alt ? alt.map((s) => s.char).join('') : '-'}`,
      );
      if (alt && alt.length > slots.length) slots = alt;
    }
    options.debug?.(
      `normalized ${r.run.slots.map((s) => `${s.char}:${Math.round(s.x0)}-${Math.round(s.x1)}:${s.confidence.toFixed(2)}`).join(' ')} -> ${slots.map((s) => s.char).join('')} ink=${r.run.ink.map((p) => `${Math.round(p.x0)}-${Math.round(p.x1)}`).join(' ')}`,
    );
    if (slots.length < 12) continue;
    // Most of a card number is read as digits (embossed look-alikes count); a line of '?' filled in
    // from ink alone is more likely prose or a pattern.
    const read = r.run.slots.filter((s) => s.char !== '?').length;
    if (r.run.trueDigits < 6 || read < 0.6 * r.run.slots.length) continue;
    const text = slots.map((s) => s.char).join('');
    const glyphs: Quad[] = slots.map((s) => cropQuad(r.reading.crop, s.x0, s.y0, s.x1, s.y1));
    const brand = brandOf(text);
    const finding: Finding = {
      id: `card-${out.length + 1}`,
      kind: 'card-number',
      text,
      glyphs,
      confidence: numberConfidence(text, r.run),
      keepable: true,
      enabledByDefault: true,
      notes: [
        brand ? `brand: ${brand.name}` : 'brand: unknown',
        text.includes('?') ? 'some digits unread' : luhnValid(text) ? 'Luhn: valid' : 'Luhn: fails',
      ],
    };
    if (out.some((o) => overlaps(o.finding, finding))) continue;
    const hs = slots.map((s) => s.y1 - s.y0).sort((a, b) => a - b);
    out.push({ finding, crop: r.reading.crop, glyphHeight: hs[hs.length >> 1] / r.reading.crop.scale });
  }
  return out;
}

/**
 * Whether something cuts the number just past its last glyph: the frame's edge, or the card's edge
 * (the ground right after the last glyph is far brighter or darker than the card between groups).
 */
let ctxDebug: ((m: string) => void) | undefined;
function cutAtEnd(
  crop: LineCrop,
  slots: readonly Slot[],
  last: Slot,
  pitch: number,
  width: number,
  height: number,
): boolean {
  const cy = (last.y0 + last.y1) / 2;
  const beyond = cropToSource(crop, last.x1 + 1.2 * pitch, cy);
  if (beyond.x < 0 || beyond.y < 0 || beyond.x >= width || beyond.y >= height) return true;
  const band = (a: number, b: number) => {
    let sum = 0;
    let n = 0;
    for (let y = Math.max(0, Math.floor(last.y0)); y < Math.min(crop.raw.height, Math.ceil(last.y1)); y++) {
      for (let x = Math.max(0, Math.floor(a)); x < Math.min(crop.raw.width, Math.ceil(b)); x++) {
        sum += crop.raw.data[y * crop.raw.width + x];
        n++;
      }
    }
    return n ? sum / n : NaN;
  };
  // The card's own surface: the gaps between the slots.
  const gaps: number[] = [];
  for (let i = 1; i < slots.length; i++) {
    if (slots[i].x0 - slots[i - 1].x1 > 0.5 * pitch) gaps.push(band(slots[i - 1].x1 + 2, slots[i].x0 - 2));
  }
  const surface = gaps.filter((g) => !Number.isNaN(g)).sort((a, b) => a - b)[gaps.length >> 1];
  if (surface === undefined) return false;
  // Past the last glyph, half-pitch windows out to three pitches: a card edge shows as a change
  // that lasts to the end (the table beyond), not as a patch of print.
  const windows: number[] = [];
  for (let k = 0; k < 6; k++)
    windows.push(band(last.x1 + (0.3 + 0.5 * k) * pitch, last.x1 + (0.8 + 0.5 * k) * pitch));
  if (windows.some((v) => Number.isNaN(v))) return true;
  ctxDebug?.(`cutAtEnd surface=${surface.toFixed(0)} windows=${windows.map((v) => v.toFixed(0)).join(',')}`);
  // The change must start right after the last glyph (within about a pitch and a half).
  for (let k = 0; k < 3; k++) {
    const rest = windows.slice(k);
    if (rest.every((v) => v - surface > 30) || rest.every((v) => surface - v > 30)) return true;
  }
  return false;
}

/** Two findings over the same glyphs (one line found twice). */
function overlaps(a: Finding, b: Finding): boolean {
  const c = (q: Quad) => ({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 });
  const ca = a.glyphs.map(c);
  const cb = b.glyphs.map(c);
  let hits = 0;
  for (const p of cb) if (ca.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < 10)) hits++;
  return hits >= cb.length / 2;
}
