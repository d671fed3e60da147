// Shared helpers for turning matched characters of OCR lines into Findings.
import type { Box, Finding, MaskKind } from '../types';
import { quadOf, type TextLine } from './page-text';

/** Indices of text[start,end) that are letters or digits: the glyphs a number finding is made of. */
export function alnumIndices(line: TextLine, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) if (/[\p{L}\p{N}]/u.test(line.text[i]) && line.boxes[i]) out.push(i);
  return out;
}

/** Indices of text[start,end) that are ink (anything but spaces). */
export function inkIndices(line: TextLine, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) if (line.text[i] !== ' ' && line.boxes[i]) out.push(i);
  return out;
}

export interface FindingSpec {
  kind: MaskKind;
  confidence: number;
  keepable: boolean;
  enabledByDefault: boolean;
  notes?: string[];
}

export function findingFromIndices(
  id: string,
  line: TextLine,
  indices: readonly number[],
  spec: FindingSpec,
): Finding {
  return {
    id,
    kind: spec.kind,
    text: indices.map((i) => line.text[i]).join(''),
    glyphs: indices.map((i) => quadOf(line.boxes[i] as Box)),
    confidence: spec.confidence,
    keepable: spec.keepable,
    enabledByDefault: spec.enabledByDefault,
    ...(spec.notes ? { notes: spec.notes } : {}),
  };
}

/** Each glyph's bounding box over all four corners: a glyph read turned or mirrored has its corners
 * in another order. */
function quadBox(f: Finding): Box[] {
  return f.glyphs.map((q) => ({
    x0: Math.min(q[0].x, q[1].x, q[2].x, q[3].x),
    y0: Math.min(q[0].y, q[1].y, q[2].y, q[3].y),
    x1: Math.max(q[0].x, q[1].x, q[2].x, q[3].x),
    y1: Math.max(q[0].y, q[1].y, q[2].y, q[3].y),
  }));
}

function overlapArea(a: Box, b: Box): number {
  return (
    Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
    Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0))
  );
}

/** Share of f's glyphs lying mostly inside some glyph of g: how much f repeats g. */
export function glyphOverlap(f: Finding, g: Finding): number {
  const fb = quadBox(f);
  const gb = quadBox(g);
  if (fb.length === 0) return 0;
  let hit = 0;
  for (const a of fb) {
    const area = Math.max(1, (a.x1 - a.x0) * (a.y1 - a.y0));
    if (gb.some((b) => overlapArea(a, b) > 0.5 * area)) hit++;
  }
  return hit / fb.length;
}

/** Drops findings that mostly repeat an earlier one (the earlier list wins: higher priority first). */
export function dedupe(findings: readonly Finding[], existing: readonly Finding[] = []): Finding[] {
  const kept: Finding[] = [];
  for (const f of findings) {
    if ([...existing, ...kept].some((g) => glyphOverlap(f, g) > 0.5)) continue;
    kept.push(f);
  }
  return kept;
}
