// Findings from a PDF's text layer: the same Finding objects the OCR detectors produce (one quad
// per character, in page pixels), so masks, presets and the editor treat both alike. Our line
// detector (find-numbers.ts) runs first; the statement detector of src/engine/documents then adds
// what it finds beyond that (numbers wrapped over two lines, labels on the line above, a security
// code printed after a card number), so PDF text and OCR'd statements share its rules.
import type { TextLine as DocumentLine } from '../documents/page-text';
import { findStatementNumbers } from '../documents/statement';
import type { Box, Finding, Quad } from '../types';
import { findSensitiveNumbers } from './find-numbers';
import { mergeFindings } from './finding-overlap';
import type { TextLine } from './text-layout';

function boxOf(q: Quad): Box {
  const xs = q.map((p) => p.x);
  const ys = q.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Our line in the documents detector's shape (axis-aligned box per character). */
function asDocumentLine(line: TextLine): DocumentLine | undefined {
  const boxes = line.chars.map((c) => (c.quad ? boxOf(c.quad) : undefined));
  const real = boxes.filter((b): b is Box => !!b);
  if (!real.length) return undefined;
  const box = {
    x0: Math.min(...real.map((b) => b.x0)),
    y0: Math.min(...real.map((b) => b.y0)),
    x1: Math.max(...real.map((b) => b.x1)),
    y1: Math.max(...real.map((b) => b.y1)),
  };
  return { text: line.text, boxes, box, confidence: 1 };
}

export function findingsFromText(lines: readonly TextLine[], idPrefix = 'pdf'): Finding[] {
  const findings: Finding[] = [];
  for (const line of lines) {
    const gaps = new Set(line.chars.flatMap((c, i) => (c.gap ? [i] : [])));
    for (const m of findSensitiveNumbers(line.text, gaps)) {
      const chars = m.indices
        .map((i) => line.chars[i])
        .filter((c): c is { char: string; quad: Quad } => !!c?.quad);
      if (!chars.length) continue;
      findings.push({
        id: `${idPrefix}-${findings.length}`,
        kind: m.kind,
        text: chars.map((c) => c.char).join(''),
        glyphs: chars.map((c) => c.quad),
        confidence: m.confidence,
        // A security code is hidden whole; numbers honour the keep preset.
        keepable: m.kind !== 'security-code',
        enabledByDefault: true,
        notes: ['From the PDF text layer', ...m.notes],
      });
    }
  }
  const docLines = lines.map(asDocumentLine).filter((l): l is DocumentLine => !!l);
  const more = findStatementNumbers(docLines, `${idPrefix}-doc`).map((f) => ({
    ...f,
    notes: ['From the PDF text layer', ...(f.notes ?? [])],
  }));
  return mergeFindings(findings, more);
}
