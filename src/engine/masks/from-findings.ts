import { centre } from '../reading-frame';
import type { Finding, KeepPreset, Mask, Point, Quad } from '../types';

// Moved to ../reading-frame.ts (detectors use them; detect/ sits below masks/): re-exported here.
export { centre, readingFrame } from '../reading-frame';

export interface MaskOptions {
  /** Vertical padding as a share of the glyph height (covers emboss shadow and blur). */
  padY?: number;
  /** Horizontal padding as a share of the glyph height, at the outer ends of a masked run. */
  padX?: number;
}

/** Which glyph indices of a keepable number stay visible under a preset. */
export function keptIndices(count: number, preset: KeepPreset): Set<number> {
  const kept = new Set<number>();
  if (preset === 'none' || count === 0) return kept;
  // Never show more than PCI allows, and never more than half a short number.
  const last = Math.min(4, Math.floor(count / 2));
  for (let i = count - last; i < count; i++) kept.add(i);
  if (preset === 'first6last4' && count >= 13) for (let i = 0; i < 6; i++) kept.add(i);
  return kept;
}

interface Frame {
  origin: Point;
  ux: Point;
  vy: Point;
}

/** The line's own frame: u along the reading direction, v down across it. */
export function lineFrame(glyphs: readonly Quad[]): Frame {
  let dx = 0;
  let dy = 0;
  for (const q of glyphs) {
    dx += q[1].x - q[0].x + q[2].x - q[3].x;
    dy += q[1].y - q[0].y + q[2].y - q[3].y;
  }
  if (glyphs.length > 1) {
    // The spread of glyph centres gives the direction far better than one glyph's own edges.
    const a = centre(glyphs[0]);
    const b = centre(glyphs[glyphs.length - 1]);
    dx += (b.x - a.x) * 4;
    dy += (b.y - a.y) * 4;
  }
  const len = Math.hypot(dx, dy) || 1;
  const ux = { x: dx / len, y: dy / len };
  return { origin: { x: 0, y: 0 }, ux, vy: { x: -ux.y, y: ux.x } };
}

interface Span {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

function project(q: Quad, f: Frame): Span {
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const p of q) {
    const u = p.x * f.ux.x + p.y * f.ux.y;
    const v = p.x * f.vy.x + p.y * f.vy.y;
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
  }
  return { u0, u1, v0, v1 };
}

/** A mask for the rectangle [u0,u1]x[v0,v1] of a frame, as Konva-style x/y/width/height/rotation. */
function maskFromSpan(s: Span, f: Frame): Pick<Mask, 'x' | 'y' | 'width' | 'height' | 'rotation'> {
  return {
    x: s.u0 * f.ux.x + s.v0 * f.vy.x,
    y: s.u0 * f.ux.y + s.v0 * f.vy.y,
    width: s.u1 - s.u0,
    height: s.v1 - s.v0,
    rotation: (Math.atan2(f.ux.y, f.ux.x) * 180) / Math.PI,
  };
}

/**
 * Masks for one finding: one rotated rectangle per run of consecutive hidden glyphs, padded to cover
 * emboss shadows, but stopping in the gap before any kept glyph so the kept digits stay untouched.
 */
export function masksForFinding(finding: Finding, preset: KeepPreset, options: MaskOptions = {}): Mask[] {
  if (finding.glyphs.length === 0) return [];
  const ownKept = finding.keepable ? keptIndices(finding.glyphs.length, preset) : new Set<number>();
  // Print just before the number (Finding.leadingPrint) goes first, on its first line, never kept.
  const lead = finding.leadingPrint ?? [];
  const quads = [...lead, ...finding.glyphs];
  const n = quads.length;
  const kept = new Set([...ownKept].map((i) => i + lead.length));
  const chars = '?'.repeat(lead.length) + finding.text;
  // Each printed line has its own frame (stacked groups on a vertical card); a mask never spans two.
  const lineOf = (i: number) => finding.lines?.[Math.max(0, i - lead.length)] ?? 0;
  const frames = new Map<number, Frame>();
  for (let i = 0; i < n; i++) {
    const l = lineOf(i);
    if (!frames.has(l)) frames.set(l, lineFrame(quads.filter((_, k) => lineOf(k) === l)));
  }
  const frameOf = (i: number) => frames.get(lineOf(i)) as Frame;
  const spans = quads.map((q, i) => project(q, frameOf(i)));
  const heights = spans.map((s) => s.v1 - s.v0).sort((a, b) => a - b);
  const h = heights[heights.length >> 1];
  const padY = (options.padY ?? 0.22) * h;
  // A security code is masked whole and small print blurs wide: pad it more along the line.
  const padX = (options.padX ?? (finding.kind === 'security-code' ? 0.4 : 0.3)) * h;
  const masks: Mask[] = [];
  let i = 0;
  while (i < n) {
    if (kept.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && !kept.has(j + 1) && lineOf(j + 1) === lineOf(i)) j++;
    const frame = frameOf(i);
    const run = spans.slice(i, j + 1);
    const s: Span = {
      u0: Math.min(...run.map((r) => r.u0)) - padX,
      u1: Math.max(...run.map((r) => r.u1)) + padX,
      v0: Math.min(...run.map((r) => r.v0)) - padY,
      v1: Math.max(...run.map((r) => r.v1)) + padY,
    };
    // Stop short of a kept neighbour: at most the middle of the gap, and one pixel clear of its box
    // (masks snap outward to whole pixels); but never short of the hidden glyph's own box, which
    // wins where the two touch or overlap (a digit's end left showing is a leak).
    if (j + 1 < n && lineOf(j + 1) === lineOf(j)) {
      const next = spans[j + 1];
      s.u1 = Math.min(s.u1, Math.max(spans[j].u1, Math.min((spans[j].u1 + next.u0) / 2, next.u0 - 1.5)));
    }
    if (i > 0 && kept.has(i - 1) && lineOf(i - 1) === lineOf(i)) {
      const prev = spans[i - 1];
      s.u0 = Math.max(s.u0, Math.min(spans[i].u0, Math.max((prev.u1 + spans[i].u0) / 2, prev.u1 + 1.5)));
    }
    if (s.u1 > s.u0) {
      const text = chars.slice(i, j + 1);
      masks.push({
        id: `${finding.id}-m${masks.length}`,
        ...maskFromSpan(s, frame),
        kind: finding.kind,
        source: 'auto',
        confidence: finding.confidence,
        label: maskLabel(finding, ownKept, text),
        findingId: finding.id,
      });
    }
    i = j + 1;
  }
  return masks;
}

function maskLabel(finding: Finding, kept: Set<number>, _run: string): string {
  if (finding.kind === 'security-code') return 'Security code';
  const shown = [...finding.text].map((c, i) => (kept.has(i) ? c : '•')).join('');
  return shown;
}

/** Masks for every finding, each with its own preset. */
export function masksFromFindings(
  findings: readonly Finding[],
  options: MaskOptions & { preset?: (f: Finding) => KeepPreset } = {},
): Mask[] {
  return findings.flatMap((f) => masksForFinding(f, options.preset?.(f) ?? 'last4', options));
}
