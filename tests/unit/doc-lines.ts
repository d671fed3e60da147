// Builds page-text lines with synthetic glyph boxes (monospace, 10 px per character) for unit tests.
import type { TextLine } from '../../src/engine/documents/page-text';

export function line(text: string, y = 0, x = 0, charW = 10, h = 20): TextLine {
  const boxes = [...text].map((c, i) =>
    c === ' ' ? undefined : { x0: x + i * charW, y0: y, x1: x + (i + 1) * charW - 1, y1: y + h },
  );
  return { text, boxes, box: { x0: x, y0: y, x1: x + text.length * charW, y1: y + h }, confidence: 0.9 };
}
