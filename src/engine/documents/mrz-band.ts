// The machine-readable zone by its layout alone: two or three long, parallel, evenly spaced lines of
// one glyph height at one end of the page. Pure geometry over the learned detector's lines (no pixels,
// no OCR), so an MRZ that reads badly (blur, a black bar, a glare) is still found, at any rotation.
// The lines' angle is known only modulo 180 degrees: which way the zone reads is for the reader
// (mrz-layout.ts) to decide, and the band may sit at either end of the page along its normal.
import type { TextLine } from '../learned/text-lines';

/**
 * Thresholds, measured on the learned detector's lines of the document fixtures and real specimens.
 * Its glyphHeight (region height / 1.55) runs at about 0.7 of the OCR-B cap height, so a full MRZ line
 * is 22-51 glyph heights long (TD1 30 glyphs: 22-36; TD2 36: 39-42; TD3 44: 36-51) and the line
 * spacing is 1.4-2.9 of them (ICAO: about 1.6 cap heights; the synthetic fixtures print wider).
 */
export const MRZ_BAND = {
  /** The longest line of a band, in glyph heights. */
  minRatio: 20,
  maxRatio: 60,
  /** Any member line (the detector drops filler runs at a line's end: a member may be short). */
  minMemberRatio: 10,
  /** A member is at least this share of the band's longest line. */
  minLengthShare: 0.5,
  /** Parallel: sine of the angle between two members. */
  maxTurn: 0.035,
  /** Glyph heights within this ratio. */
  maxHeightRatio: 1.5,
  /** Distance between neighbouring lines, in (mean) glyph heights. */
  minSpacing: 1.2,
  maxSpacing: 3.4,
  /** Three lines: the two gaps agree within this ratio. */
  maxSpacingRatio: 1.3,
  /** One end of each member lies this many glyph heights from the others' (zone lines share a margin). */
  maxEndOffset: 2.5,
  /** Members overlap along the line by this share of the shorter one. */
  minOverlap: 0.6,
  /**
   * A line beyond the band, within this many spacings, as long as this share of the band and of its
   * glyph height: the band is part of a block of text (terms printed on a card back), not a zone.
   */
  neighbourSpacing: 1.45,
  neighbourLengthShare: 0.6,
  /** Text beyond the band on its outer side: at most this many lines, this share of its length. */
  maxLinesBeyond: 2,
  maxLengthBeyond: 0.6,
  /** The band lies in this outer share of the text's extent across the lines. */
  outerShare: 0.5,
} as const;

/** A line of the band, extended to the band's common extent. */
export interface BandLine {
  centre: { x: number; y: number };
  /** Direction along the band (the first member's), radians clockwise in (-pi/2, pi/2]. */
  angle: number;
  length: number;
  glyphHeight: number;
  /** The detector line it came from (undefined for a line inferred between or beside detected ones). */
  source?: TextLine;
}

export interface MrzBand {
  /** Ordered along the normal (x, y) = (-sin, cos) of `angle`: image top first for a level band. */
  lines: BandLine[];
  angle: number;
  /** Centre-to-centre distance between neighbouring lines, source pixels. */
  spacing: number;
  glyphHeight: number;
  /** 0..1: how much the geometry alone says "MRZ". */
  score: number;
  /** The side of the band (+1 along the normal, -1 against it) where the page's other text lies. */
  textSide: -1 | 0 | 1;
}

interface Framed {
  line: TextLine;
  /** Along the band direction and across it (normal), from the origin. */
  u: number;
  v: number;
  u0: number;
  u1: number;
}

const axes = (angle: number) => ({
  ux: Math.cos(angle),
  uy: Math.sin(angle),
  nx: -Math.sin(angle),
  ny: Math.cos(angle),
});

function framed(line: TextLine, angle: number): Framed {
  const { ux, uy, nx, ny } = axes(angle);
  const u = line.centre.x * ux + line.centre.y * uy;
  const v = line.centre.x * nx + line.centre.y * ny;
  // A member's own direction differs by a degree or two at most: its half length projects as is.
  return { line, u, v, u0: u - line.length / 2, u1: u + line.length / 2 };
}

const ratio = (l: TextLine) => l.length / Math.max(1, l.glyphHeight);

/**
 * The MRZ band among the detector's lines, or undefined. `page` bounds the extended lines.
 * Tries three-line zones (TD1) before two-line ones (TD2, TD3); the best-scoring band wins.
 */
export function findMrzBand(
  lines: readonly TextLine[],
  page: { width: number; height: number },
): MrzBand | undefined {
  const B = MRZ_BAND;
  const cand = lines.filter(
    (l) => l.glyphHeight >= 3 && ratio(l) >= B.minMemberRatio && ratio(l) <= B.maxRatio,
  );
  let best: MrzBand | undefined;
  const consider = (members: TextLine[]) => {
    const band = bandOf(members, lines, page);
    if (band && (!best || band.score > best.score)) best = band;
  };
  for (let i = 0; i < cand.length; i++) {
    for (let j = i + 1; j < cand.length; j++) {
      if (!pairs(cand[i], cand[j])) continue;
      consider([cand[i], cand[j]]);
      for (let k = j + 1; k < cand.length; k++) {
        if (pairs(cand[i], cand[k]) && pairs(cand[j], cand[k])) consider([cand[i], cand[j], cand[k]]);
      }
    }
  }
  return best;
}

/** Two lines that could share a zone: parallel, of one glyph height, overlapping along the line. */
function pairs(a: TextLine, b: TextLine): boolean {
  const B = MRZ_BAND;
  if (Math.abs(Math.sin(a.angle - b.angle)) > B.maxTurn) return false;
  const h = Math.max(a.glyphHeight, b.glyphHeight) / Math.min(a.glyphHeight, b.glyphHeight);
  if (h > B.maxHeightRatio) return false;
  const long = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < B.minLengthShare * long) return false;
  const fa = framed(a, a.angle);
  const fb = framed(b, a.angle);
  const overlap = Math.min(fa.u1, fb.u1) - Math.max(fa.u0, fb.u0);
  if (overlap < B.minOverlap * Math.min(a.length, b.length)) return false;
  const gh = (a.glyphHeight + b.glyphHeight) / 2;
  const d = Math.abs(fa.v - fb.v);
  return d >= B.minSpacing * gh && d <= (B.maxSpacing * 2 + 0.2) * gh;
}

function bandOf(
  members: TextLine[],
  all: readonly TextLine[],
  page: { width: number; height: number },
): MrzBand | undefined {
  const B = MRZ_BAND;
  const ref = members.reduce((a, b) => (b.length > a.length ? b : a));
  const angle = ref.angle;
  const f = members.map((l) => framed(l, angle)).sort((a, b) => a.v - b.v);
  const gh = f.reduce((s, m) => s + m.line.glyphHeight, 0) / f.length;
  const longest = Math.max(...f.map((m) => m.line.length));
  if (longest / gh < B.minRatio || longest / gh > B.maxRatio) return undefined;
  // Evenly spaced, one line after another (no gap where a line is missing).
  const gaps = f.slice(1).map((m, i) => m.v - f[i].v);
  if (gaps.some((g) => g < B.minSpacing * gh || g > B.maxSpacing * gh)) return undefined;
  if (gaps.length === 2 && Math.max(...gaps) / Math.min(...gaps) > B.maxSpacingRatio) return undefined;
  const spacing = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  // Zone lines start at one margin and (all being one length) end at one too; the detector may drop
  // a filler run at either end, but not at both ends of a line whose other end is also off.
  const aligned = (key: 'u0' | 'u1') => {
    const v = f.map((m) => m[key]);
    return Math.max(...v) - Math.min(...v) <= B.maxEndOffset * gh;
  };
  const startAligned = aligned('u0');
  const endAligned = aligned('u1');
  if (!startAligned && !endAligned) return undefined;
  const u0 = Math.min(...f.map((m) => m.u0));
  const u1 = Math.max(...f.map((m) => m.u1));

  // Not one block of text: no line of the same kind continues the stack on either side.
  const others = all.filter((l) => !members.includes(l)).map((l) => framed(l, angle));
  const vTop = f[0].v;
  const vBottom = f[f.length - 1].v;
  const continues = others.some((o) => {
    if (Math.abs(Math.sin(o.line.angle - angle)) > B.maxTurn * 2) return false;
    const h = o.line.glyphHeight / gh;
    if (h > B.maxHeightRatio || h < 1 / B.maxHeightRatio) return false;
    if (o.line.length < B.neighbourLengthShare * longest) return false;
    if (Math.min(o.u1, u1) - Math.max(o.u0, u0) < 0.5 * o.line.length) return false;
    const out = o.v < vTop ? vTop - o.v : o.v > vBottom ? o.v - vBottom : 0;
    return out > 0.4 * spacing && out < B.neighbourSpacing * spacing;
  });
  if (continues) return undefined;

  // At one end of the page's text across the lines: little or nothing beyond the band on one side.
  const text = others.filter((o) => o.line.length >= 3 * o.line.glyphHeight);
  const margin = 0.5 * spacing;
  const side = (s: -1 | 1) => {
    const beyond = text.filter((o) => (s > 0 ? o.v > vBottom + margin : o.v < vTop - margin));
    return { count: beyond.length, length: beyond.reduce((n, o) => n + o.line.length, 0) };
  };
  const below = side(1);
  const above = side(-1);
  const outer = below.count <= above.count ? below : above;
  const ok = (s: { count: number; length: number }) =>
    s.count <= B.maxLinesBeyond && s.length <= B.maxLengthBeyond * longest;
  if (!ok(outer)) return undefined;
  // The text's extent across the lines: the band is in its outer part.
  const vs = [...text.map((o) => o.v), vTop, vBottom];
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const mid = (vTop + vBottom) / 2;
  const at = hi > lo ? (mid - lo) / (hi - lo) : 0.5;
  if (Math.min(at, 1 - at) > 1 - B.outerShare - 0.0001 && text.length > 2) return undefined;
  const textSide: -1 | 0 | 1 =
    text.length === 0
      ? 0
      : above.count > below.count
        ? -1
        : below.count > above.count
          ? 1
          : at >= 0.5
            ? -1
            : 1;

  // Every line extended to the band's common extent, within the page.
  const { ux, uy, nx, ny } = axes(angle);
  const clip = clipToPage(u0, u1, f, angle, page);
  const lines: BandLine[] = f.map((m) => {
    const uc = (clip.u0 + clip.u1) / 2;
    return {
      centre: { x: uc * ux + m.v * nx, y: uc * uy + m.v * ny },
      angle,
      length: clip.u1 - clip.u0,
      glyphHeight: m.line.glyphHeight,
      source: m.line,
    };
  });
  const lengthAgreement = Math.min(...f.map((m) => m.line.length)) / longest;
  const score =
    0.35 +
    0.15 * (f.length === 3 ? 1 : 0.6) +
    0.15 * lengthAgreement +
    0.15 * (startAligned && endAligned ? 1 : 0.5) +
    0.1 * (outer.count === 0 ? 1 : 0.3) +
    0.1 * Math.min(1, Math.max(0, (longest / gh - 15) / 15));
  return { lines, angle, spacing, glyphHeight: gh, score: Math.min(1, score), textSide };
}

/** The band's extent along its direction, kept inside the page for every line. */
function clipToPage(
  u0: number,
  u1: number,
  f: Framed[],
  angle: number,
  page: { width: number; height: number },
): { u0: number; u1: number } {
  const { ux, uy, nx, ny } = axes(angle);
  let a = u0;
  let b = u1;
  for (const m of f) {
    const inside = (u: number) => {
      const x = u * ux + m.v * nx;
      const y = u * uy + m.v * ny;
      return x >= 0 && y >= 0 && x <= page.width && y <= page.height;
    };
    // A few steps in from each end until the point is on the page (lines are detected on it).
    for (let k = 0; k < 50 && !inside(a) && a < b; k++) a += (b - a) / 50;
    for (let k = 0; k < 50 && !inside(b) && b > a; k++) b -= (b - a) / 50;
  }
  return { u0: a, u1: b };
}
