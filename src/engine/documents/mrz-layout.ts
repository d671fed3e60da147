// The MRZ found by its layout (mrz-band.ts), read with the learned line recognizer, and turned into the
// findings the Tesseract path produces: one per zone line, each masked whole along its own tilt. The
// reading decides which way the zone reads (the detector's angle is modulo 180 degrees), where its
// lines really end (the detector drops '<' filler runs) and the format; the characters are then fixed
// by what each position may hold and checked by the `mrz` package. The check digits raise the
// confidence; they never decide whether the zone is masked: a zone that reads badly is still a zone.
import { cropLine, cropToSource } from '../detect/read-line';
import { classMask, ctcGreedy, type CtcChar } from '../learned/ctc-decode';
import type { TextModels } from '../learned/models';
import { detectTextLines, type TextLine } from '../learned/text-lines';
import { median } from '../math';
import type { Finding, GrayImage, Point, Quad } from '../types';
import { findMrzBand, type MrzBand } from './mrz-band';
import { fixByPosition, readMrz, type MrzFormat, type MrzReading } from './mrz';
import { findersFor } from './page-finders';
import type { PageKind } from './page-kind';

const MRZ_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
const WIDTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
/**
 * A band that does not read as an MRZ is kept only above this geometric score (zone bands on the
 * fixtures: 0.86-1.00; two lines of small print at the bottom of a card back: 0.76-0.82).
 */
export const UNREAD_MIN_SCORE = 0.85;

/** The zone as located and read from its layout. */
export interface LayoutMrz {
  format: MrzFormat;
  /** One per zone line, top to bottom as the zone reads: '?' where a glyph was not read. */
  text: string[];
  /** The validated reading, when the lines parse as a zone. */
  reading?: MrzReading;
  /** Each line's corners in source pixels, in reading order (top-left, top-right, bottom-right, bottom-left). */
  quads: Quad[];
  /** The recognizer read the zone's characters ('<' fillers, the MRZ alphabet): this is an MRZ. */
  readAsMrz: boolean;
  confidence: number;
  notes: string[];
}

interface Read {
  /** Restricted decode: MRZ characters and their position along the reading direction (source pixels). */
  chars: { char: string; u: number; confidence: number }[];
  /** Unrestricted decode, for telling MRZ from prose and up from down. */
  full: string;
}

/** How MRZ-like an unrestricted reading is: its alphabet and fillers count, anything else counts against. */
export function mrzLikeness(full: string): number {
  let s = 0;
  for (const c of full) {
    if (c === '<') s += 3;
    else if (/[A-Z0-9]/.test(c)) s += 1;
    else if (c !== ' ') s -= 2;
  }
  return s;
}

/** Reading direction of a band read with `flip` (0 or pi). */
const dirOf = (band: MrzBand, flip: number) => ({
  x: Math.cos(band.angle + flip),
  y: Math.sin(band.angle + flip),
});

async function readLine(
  gray: GrayImage,
  models: TextModels,
  mask: Uint8Array,
  line: { centre: Point; length: number; glyphHeight: number },
  angle: number,
): Promise<Read> {
  const crop = cropLine(gray, {
    centre: line.centre,
    angle,
    length: line.length,
    height: 2.2 * line.glyphHeight,
    glyphHeight: line.glyphHeight,
    targetHeight: 40,
  });
  const out = await models.recognize(crop.image);
  const step = crop.image.width / out.steps;
  const full = ctcGreedy(out, models.alphabet)
    .map((c) => c.char)
    .join('');
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const chars = ctcGreedy(out, models.alphabet, mask).map((c: CtcChar) => {
    const p = cropToSource(crop, ((c.t0 + c.t1 + 1) / 2) * step, crop.image.height / 2);
    return { char: c.char, u: p.x * ux + p.y * uy, confidence: c.confidence };
  });
  return { chars, full };
}

/** Extends a line along its own direction by `before`/`after` source pixels, within the page. */
function stretched(
  centre: Point,
  dir: Point,
  length: number,
  before: number,
  after: number,
  page: { width: number; height: number },
): { centre: Point; length: number } {
  const end = (t: number) => ({ x: centre.x + t * dir.x, y: centre.y + t * dir.y });
  const onPage = (p: Point) => p.x >= 0 && p.y >= 0 && p.x <= page.width && p.y <= page.height;
  let a = -length / 2 - before;
  let b = length / 2 + after;
  for (let k = 0; k < 40 && !onPage(end(a)) && a < -length / 2; k++) a += before / 40 + 1;
  for (let k = 0; k < 40 && !onPage(end(b)) && b > length / 2; k++) b -= after / 40 + 1;
  const mid = (a + b) / 2;
  return { centre: end(mid), length: b - a };
}

/**
 * Finds the MRZ by its layout among the detector's lines (detected here when none are given) and
 * reads it. Undefined without the learned models, when there is no band, or when the band reads as
 * ordinary text (two lines of small print at the bottom of a card back). A band on a page the layout
 * check does not take for a document is read only when its geometry is convincing, so card photos
 * rarely pay for the reads.
 */
export async function findLayoutMrz(
  gray: GrayImage,
  options: { textLines?: readonly TextLine[]; models?: TextModels; kind?: PageKind },
  documentLike: boolean,
): Promise<LayoutMrz | undefined> {
  const { models } = options;
  if (!models) return undefined;
  if (options.kind && !findersFor(options.kind).mrz) return undefined;
  const lines = options.textLines ?? (await detectTextLines(models, gray));
  const band = findMrzBand(lines, gray);
  if (!band) return undefined;
  if (!documentLike && !options.kind && band.score < UNREAD_MIN_SCORE) return undefined;
  return readBand(gray, band, models);
}

/** The layout zone as the page classifier's MRZ evidence, when it read as one. */
export function layoutMrzEvidence(
  layout: LayoutMrz | undefined,
): { format: MrzFormat; documentCode: string; checkDigitsValid: boolean } | undefined {
  if (!layout?.readAsMrz) return undefined;
  const code = (layout.reading?.lines[0] ?? layout.text[0])[0];
  return {
    format: layout.format,
    documentCode: code === '?' ? '<' : code,
    checkDigitsValid: !!layout.reading?.checkDigitsValid,
  };
}

/** Length of a line finding along its glyphs. */
const extent = (f: Finding) => {
  const a = f.glyphs[0];
  const b = f.glyphs[f.glyphs.length - 1];
  return a && b ? Math.hypot(b[1].x - a[0].x, b[1].y - a[0].y) : 0;
};

/**
 * The page's findings with the layout zone merged in: it replaces the Tesseract zone when that is
 * missing, covers fewer lines or clearly shorter ones (filler runs dropped), and is never added beside
 * it. A zone that did not read as one is kept only on pages not taken for a card.
 */
export function mergeLayoutMrz(
  findings: readonly Finding[],
  layout: LayoutMrz | undefined,
  kind: PageKind,
): Finding[] {
  if (!layout) return [...findings];
  if (!layout.readAsMrz && (kind === 'card-front' || kind === 'card-back' || kind === 'statement'))
    return [...findings];
  const mine = layoutMrzFindings(layout);
  const theirs = findings.filter((f) => f.kind === 'mrz');
  const length = (fs: readonly Finding[]) => fs.reduce((n, f) => n + extent(f), 0);
  const wins = theirs.length < mine.length || length(theirs) < 0.9 * length(mine);
  if (!wins) return [...findings];
  return [...mine, ...findings.filter((f) => f.kind !== 'mrz')];
}

export async function readBand(
  gray: GrayImage,
  band: MrzBand,
  models: TextModels,
): Promise<LayoutMrz | undefined> {
  const mask = classMask(models.alphabet, MRZ_CHARS);
  const page = { width: gray.width, height: gray.height };
  const gh = band.glyphHeight;
  // Pass 1: each line over the band's extent and a quarter more at each end, both ways round.
  const ext = (l: MrzBand['lines'][number]) =>
    stretched(l.centre, dirOf(band, 0), l.length, 0.25 * l.length, 0.25 * l.length, page);
  let bandLines = band.lines.map((l) => ({ ...l, ...ext(l) }));
  const readAll = (flip: number) =>
    Promise.all(bandLines.map((l) => readLine(gray, models, mask, l, band.angle + flip)));
  const up = await readAll(0);
  const upScore = up.reduce((s, r) => s + mrzLikeness(r.full), 0);
  let flip = 0;
  let reads = up;
  // Clearly an MRZ read this way round ('<' fillers read as '>' the other way): no second read.
  if (!(upScore >= 12 * up.length && up.every((r) => r.full.includes('<')))) {
    const down = await readAll(Math.PI);
    const downScore = down.reduce((s, r) => s + mrzLikeness(r.full), 0);
    if (downScore > upScore) {
      flip = Math.PI;
      reads = down;
    }
  }
  const dir = dirOf(band, flip);
  // Lines top to bottom as the zone reads: the normal of the reading direction points down the page.
  const normal = { x: -dir.y, y: dir.x };
  const v = (p: Point) => p.x * normal.x + p.y * normal.y;
  const order = bandLines.map((_, i) => i).sort((a, b) => v(bandLines[a].centre) - v(bandLines[b].centre));
  bandLines = order.map((i) => bandLines[i]);
  reads = order.map((i) => reads[i]);

  // MRZ characters only, no spaces or lower case (blurred fillers may be dropped, not misread as prose).
  const fullText = reads.map((r) => r.full.trim()).join('');
  const fillers = (fullText.match(/</g) ?? []).length;
  const alphabet = (fullText.match(/[A-Z0-9<]/g) ?? []).length;
  const prose = fullText.length - alphabet;
  const share = prose / Math.max(1, fullText.length);
  // Fillers settle it; without them (blurred away) only long runs of MRZ characters and nothing else.
  const readAsMrz = (fillers >= 3 && share <= 0.15) || (alphabet >= 12 * bandLines.length && share <= 0.04);
  // Ordinary text (lower case, punctuation, no fillers) in an MRZ-like layout: not a zone.
  if (!readAsMrz && fullText.length >= 8 * bandLines.length) return undefined;
  // Nothing read at all (a black bar, heavy blur): only a band whose geometry alone is convincing.
  if (!readAsMrz && band.score < UNREAD_MIN_SCORE) return undefined;

  // Pitch and extent from the characters' positions along the reading direction.
  const pitches = reads.flatMap((r) =>
    r.chars
      .slice(1)
      .map((c, i) => c.u - r.chars[i].u)
      .filter((d) => d > 0.3 * gh && d < 2.5 * gh),
  );
  let pitch = pitches.length >= 5 ? median(pitches) : 1.05 * gh;
  const counts = reads.map((r) => r.chars.length);
  let format: MrzFormat;
  if (bandLines.length === 3) format = 'TD1';
  else {
    // Glyphs per line: as read, or (a zone that reads badly) the detected length over the pitch.
    const glyphs = Math.max(...counts, ...band.lines.map((l) => l.length / pitch));
    format = Math.abs(glyphs - 36) <= Math.abs(glyphs - 44) ? 'TD2' : 'TD3';
  }
  let n = WIDTH[format];
  // The zone's lines all start at one margin: the first characters read, else the band's start.
  const u = (p: Point) => p.x * dir.x + p.y * dir.y;
  const firsts = reads.filter((r) => r.chars.length >= 5).map((r) => r.chars[0].u);
  const lastOf = reads.filter((r) => r.chars.length >= 5).map((r) => r.chars[r.chars.length - 1].u);
  const bandStart = Math.min(...band.lines.map((l) => u(l.centre) - l.length / 2));
  let start = firsts.length ? median(firsts) - pitch / 2 : bandStart;
  // A full line read end to end gives the pitch best: n glyphs between the first and the last.
  const full = reads.filter((r) => Math.abs(r.chars.length - n) <= 1 && r.chars.length >= 5);
  if (full.length)
    pitch = median(full.map((r) => (r.chars[r.chars.length - 1].u - r.chars[0].u) / (r.chars.length - 1)));
  let end = start + n * pitch;
  // Pass 2: a line that stops short of the zone's end (its filler run dropped by the detector, or cut
  // by the crop) is read again over the whole extent.
  if (lastOf.some((x) => x < end - 1.5 * pitch) || firsts.some((x) => x > start + 1.5 * pitch)) {
    const span = { a: start - 1.5 * pitch, b: end + 1.5 * pitch };
    bandLines = bandLines.map((l) => {
      const cu = u(l.centre);
      const centre = {
        x: l.centre.x + ((span.a + span.b) / 2 - cu) * dir.x,
        y: l.centre.y + ((span.a + span.b) / 2 - cu) * dir.y,
      };
      return { ...l, ...stretched(centre, dir, span.b - span.a, 0, 0, page) };
    });
    const again = await Promise.all(bandLines.map((l) => readLine(gray, models, mask, l, band.angle + flip)));
    reads = reads.map((r, i) => (again[i].chars.length > r.chars.length ? again[i] : r));
    const f2 = reads.filter((r) => Math.abs(r.chars.length - n) <= 1);
    if (f2.length) {
      pitch = median(f2.map((r) => (r.chars[r.chars.length - 1].u - r.chars[0].u) / (r.chars.length - 1)));
      start = median(f2.map((r) => r.chars[0].u)) - pitch / 2;
      end = start + n * pitch;
    }
  }
  if (!(end > start)) return undefined;
  n = WIDTH[format];
  // Never shorter than what the detector saw: its lines are the zone's ink.
  for (const l of band.lines) {
    start = Math.min(start, u(l.centre) - l.length / 2);
    end = Math.max(end, u(l.centre) + l.length / 2);
  }
  pitch = (end - start) / n;

  // The characters as read (when a line read about n of them) and as placed in the zone's cells; the
  // set whose check digits agree best wins.
  const cells = reads.map((r) => toCells(r.chars, start, pitch, n));
  const raw = reads.map((r, i) => {
    const s = r.chars.map((c) => c.char).join('');
    return Math.abs(s.length - n) <= 2 ? s : cells[i];
  });
  let reading: MrzReading | undefined;
  for (const set of [raw, cells]) {
    const fitted = set
      .map((l) => (l.length > n ? l.slice(0, n) : l.padEnd(n, '<')))
      .map((l) => l.replace(/\?/g, '<'));
    for (const lines of [fixByPosition(fitted, format), set.map((l) => l.replace(/\?/g, '<'))]) {
      const r = readMrz(lines);
      if (r && r.format === format && r.lines.length === set.length && better(r, reading)) reading = r;
    }
  }
  const valid = reading?.checkDigitsValid ?? false;
  const text =
    reading && reading.format === format && reading.lines.length === cells.length ? reading.lines : cells;

  // Each line's corners: the zone's extent along the reading direction, 1.45 glyph heights across
  // (the detector's glyph height runs under the cap height), never more than most of a line spacing.
  const h = Math.min(1.45 * gh, 0.85 * band.spacing);
  const quads = bandLines.map((l) => {
    const cu = u(l.centre);
    const at = (along: number, across: number): Point => ({
      x: l.centre.x + (along - cu) * dir.x + across * normal.x,
      y: l.centre.y + (along - cu) * dir.y + across * normal.y,
    });
    return [at(start, -h / 2), at(end, -h / 2), at(end, h / 2), at(start, h / 2)] as Quad;
  });
  const unread = text
    .join('')
    .split('')
    .filter((c) => c === '?').length;
  const notes = [
    `${format} machine-readable zone, found by its layout`,
    valid
      ? 'check digits valid'
      : reading
        ? `check digits not confirmed (${reading.failedChecks.join(', ')})`
        : readAsMrz
          ? 'read in part; check digits not confirmed'
          : 'not readable: masked from its layout alone',
  ];
  return {
    format,
    text: text.map((t) => t.slice(0, n)),
    reading: reading && reading.format === format ? reading : undefined,
    quads,
    readAsMrz,
    confidence: valid ? 0.95 : readAsMrz ? Math.max(0.55, 0.8 - unread / (n * cells.length)) : 0.45,
    notes,
  };
}

function better(a: MrzReading, b: MrzReading | undefined): boolean {
  if (!b) return true;
  const score = (m: MrzReading) => (m.checkDigitsValid ? 100 : 0) - m.failedChecks.length;
  return score(a) > score(b);
}

/**
 * The characters of a line put in the zone's n cells by where they were read: a glyph the recognizer
 * skipped leaves its cell '?' (a '<' inside a filler run: two merged '<' emit once), two in one cell
 * move the later one on when the next cell is free.
 */
export function toCells(chars: Read['chars'], start: number, pitch: number, n: number): string {
  const out: (string | undefined)[] = new Array(n).fill(undefined);
  const conf = new Array(n).fill(-1);
  let prev = -1;
  for (const c of chars) {
    const x = (c.u - start) / pitch - 0.5;
    let k = Math.round(x);
    if (k < 0 || k >= n) continue;
    if (k <= prev) {
      if (prev + 1 < n && x > prev - 0.3) k = prev + 1;
      else {
        if (c.confidence > conf[prev]) out[prev] = c.char;
        continue;
      }
    }
    out[k] = c.char;
    conf[k] = c.confidence;
    prev = k;
  }
  // Gaps in a filler run are fillers; a gap after the last glyph read, within a run of fillers, too.
  const s = out.map((c, i) => {
    if (c) return c;
    let a = i - 1;
    while (a >= 0 && !out[a]) a--;
    let b = i + 1;
    while (b < n && !out[b]) b++;
    const left = a >= 0 ? out[a] : undefined;
    const right = b < n ? out[b] : undefined;
    if (left === '<' && (right === '<' || right === undefined)) return '<';
    if (right === '<' && left === undefined && i > 0) return '<';
    return '?';
  });
  return s.join('');
}

/** The zone as findings: one per line (as the Tesseract path gives them), each one mask along its tilt. */
export function layoutMrzFindings(found: LayoutMrz): Finding[] {
  return found.quads.map((q, i) => {
    const text = found.text[i];
    const n = text.length;
    const lerp = (a: Point, b: Point, t: number): Point => ({
      x: a.x + (b.x - a.x) * t,
      y: a.y + (b.y - a.y) * t,
    });
    const glyphs = Array.from(
      { length: n },
      (_, k) =>
        [
          lerp(q[0], q[1], k / n),
          lerp(q[0], q[1], (k + 1) / n),
          lerp(q[3], q[2], (k + 1) / n),
          lerp(q[3], q[2], k / n),
        ] as Quad,
    );
    return {
      id: `doc-mrz-${i}`,
      kind: 'mrz',
      text,
      glyphs,
      lines: new Array(n).fill(0),
      confidence: found.confidence,
      keepable: false,
      enabledByDefault: false,
      notes: [...found.notes, `line ${i + 1} of ${found.quads.length}`],
    } satisfies Finding;
  });
}
