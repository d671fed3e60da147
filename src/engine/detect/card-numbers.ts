import { scaleGray } from '../image/transform';
import type { OcrEngine } from '../ocr/types';
import type { Finding, GrayImage } from '../types';
import { throwIfAborted } from './abort';
import { brandOf, lengthFitsBrand } from './brands';
import { locateLines, type CandidateLine } from './locate-lines';
import { luhnValid } from './luhn';
import { numberRun, type NumberRun } from './number-run';
import { cropLine, cropQuad, inkIsLightIn, readCrop, type LineReading } from './read-line';

export interface DetectOptions {
  signal?: AbortSignal;
  /** Fraction of the detection done (0..1) and what is happening. */
  onProgress?: (fraction: number, message: string) => void;
  /** Candidate lines to read at most. */
  maxLines?: number;
}

/** Longest side of the image the line finder works on: digits stay 15+ px tall in phone photos. */
const WORK_SIDE = 1400;

export interface ReadNumber {
  line: CandidateLine;
  reading: LineReading;
  run: NumberRun;
}

/** Reads one candidate line upright; when that yields no number, reads it turned half round. */
export async function readCandidate(
  gray: GrayImage,
  work: GrayImage,
  line: CandidateLine,
  scale: number,
  ocr: OcrEngine,
): Promise<ReadNumber | undefined> {
  const gh = line.glyphHeight / scale;
  const inkLight = inkIsLightIn(work, line.members);
  const len = line.length / scale;
  // Margins along the line: the finder often sees only part of a number (a group or two), and a
  // whole number is about 15 glyph heights long, so the crop reaches that far either side.
  const margin = Math.max(4 * gh, 15 * gh - len);
  let best: ReadNumber | undefined;
  const attempts: [number, boolean][] = [
    [0, inkLight],
    [Math.PI, inkLight],
    [0, !inkLight],
  ];
  for (const [flip, light] of attempts) {
    const crop = cropLine(gray, {
      centre: { x: line.centre.x / scale, y: line.centre.y / scale },
      angle: line.angle + flip,
      length: len + 2 * margin,
      height: 2.4 * gh,
      glyphHeight: gh,
      inkLight: light,
    });
    const reading = await readCrop(ocr, crop);
    const run = numberRun(reading);
    if (run && (!best || rank(run) > rank(best.run))) best = { line, reading, run };
    if (best && best.run.trueDigits >= 8) break;
  }
  return best;
}

const rank = (r: NumberRun) => r.trueDigits + r.confidence;

/** Confidence that a run is a card number: geometry and OCR first, Luhn and brand as bonuses. */
function numberConfidence(text: string, run: NumberRun): number {
  const read = text.replace(/\?/g, '');
  let c = 0.35 + 0.3 * (run.trueDigits / text.length) * run.confidence;
  if (!text.includes('?') && luhnValid(text)) c += 0.2;
  if (lengthFitsBrand(text) || (brandOf(read) && text.length >= 15)) c += 0.1;
  return Math.min(1, c);
}

/**
 * Card numbers in a grey image: locate candidate lines cheaply on a downscaled copy, read each as a
 * level full-resolution crop (trying 180 degrees when upright gives nothing), and keep number-shaped
 * runs of 12 to 19 glyphs. Luhn and brand rules only raise confidence: specimen numbers fail Luhn.
 */
export async function detectCardNumbers(
  gray: GrayImage,
  ocr: OcrEngine,
  options: DetectOptions = {},
): Promise<Finding[]> {
  const { signal, onProgress } = options;
  const scale = Math.min(1, WORK_SIDE / Math.max(gray.width, gray.height));
  const work = scale < 1 ? scaleGray(gray, scale) : gray;
  const lines = locateLines(work)
    .filter((l) => l.members.length >= 6)
    .slice(0, options.maxLines ?? 6);
  onProgress?.(0.05, `Reading ${lines.length} candidate line(s)`);
  const found: ReadNumber[] = [];
  let done = 0;
  // Two lines at a time (the OCR pool may run two workers on two cores), best candidates first;
  // once a full number is read, the weaker candidates are not worth their OCR time.
  for (let i = 0; i < lines.length; i += 2) {
    throwIfAborted(signal);
    const batch = await Promise.all(
      lines.slice(i, i + 2).map((l) => readCandidate(gray, work, l, scale, ocr)),
    );
    for (const r of batch) if (r) found.push(r);
    done += batch.length;
    onProgress?.(0.05 + 0.9 * (done / lines.length), `Read ${done} of ${lines.length} line(s)`);
    if (found.some((r) => r.run.slots.length >= 12 && r.run.trueDigits >= 10)) break;
  }
  const findings: Finding[] = [];
  for (const r of found) {
    if (r.run.slots.length < 12) continue;
    const slots = r.run.slots.slice(0, 19);
    const text = slots.map((s) => s.char).join('');
    const glyphs = slots.map((s) => cropQuad(r.reading.crop, s.x0, s.y0, s.x1, s.y1));
    const brand = brandOf(text);
    const notes = [
      brand ? `brand: ${brand.name}` : 'brand: unknown',
      text.includes('?') ? 'some digits unread' : luhnValid(text) ? 'Luhn: valid' : 'Luhn: fails',
    ];
    const f: Finding = {
      id: `card-${findings.length + 1}`,
      kind: 'card-number',
      text,
      glyphs,
      confidence: numberConfidence(text, r.run),
      keepable: true,
      enabledByDefault: true,
      notes,
    };
    if (!findings.some((o) => overlaps(o, f))) findings.push(f);
  }
  return findings;
}

/** Two findings over the same glyphs (one line found twice). */
function overlaps(a: Finding, b: Finding): boolean {
  const c = (q: Finding['glyphs'][number]) => ({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 });
  const ca = a.glyphs.map(c);
  const cb = b.glyphs.map(c);
  let hits = 0;
  for (const p of cb) if (ca.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < 10)) hits++;
  return hits >= cb.length / 2;
}
