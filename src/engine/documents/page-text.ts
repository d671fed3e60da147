// OCR lines as strings with one box per character, in source pixels. Detectors run regular expressions
// over `text` and turn a match back into glyph quads through `boxes`, whatever scale the OCR ran at.
import type { OcrPage } from '../ocr/types';
import type { Box, Quad } from '../types';

export interface TextLine {
  /** Words joined by single spaces. */
  text: string;
  /** boxes[i] is the box of text[i]; undefined for the spaces we inserted between words. */
  boxes: (Box | undefined)[];
  box: Box;
  confidence: number;
}

/** Maps a box from OCR-input pixels back to source pixels (OCR input = crop of source, scaled). */
export interface ToSource {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export function boxToSource(b: Box, t: ToSource): Box {
  return {
    x0: b.x0 / t.scale + t.offsetX,
    y0: b.y0 / t.scale + t.offsetY,
    x1: b.x1 / t.scale + t.offsetX,
    y1: b.y1 / t.scale + t.offsetY,
  };
}

export function quadOf(b: Box): Quad {
  return [
    { x: b.x0, y: b.y0 },
    { x: b.x1, y: b.y0 },
    { x: b.x1, y: b.y1 },
    { x: b.x0, y: b.y1 },
  ];
}

export function unionBox(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

export function pageLines(page: OcrPage, t: ToSource): TextLine[] {
  const out: TextLine[] = [];
  for (const line of page.lines) {
    let text = '';
    const boxes: (Box | undefined)[] = [];
    for (const w of line.words) {
      // Symbols carry the per-glyph boxes; a word without them gets its box split evenly.
      const chars = w.symbols.length > 0 ? w.symbols : splitWord(w.text, w.box);
      if (chars.length === 0) continue;
      if (text.length > 0) {
        text += ' ';
        boxes.push(undefined);
      }
      for (const s of chars) {
        for (const ch of s.text) {
          text += ch;
          boxes.push(boxToSource(s.box, t));
        }
      }
    }
    if (text.trim().length === 0) continue;
    out.push({ text, boxes, box: boxToSource(line.box, t), confidence: line.confidence });
  }
  return out.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

function splitWord(text: string, b: Box): { text: string; box: Box }[] {
  const n = [...text].length;
  const w = (b.x1 - b.x0) / Math.max(1, n);
  return [...text].map((ch, i) => ({
    text: ch,
    box: { x0: b.x0 + i * w, y0: b.y0, x1: b.x0 + (i + 1) * w, y1: b.y1 },
  }));
}

/** Glyph boxes of text[start, end), skipping inserted spaces. */
export function boxesOf(line: TextLine, start: number, end: number): Box[] {
  const out: Box[] = [];
  for (let i = start; i < end; i++) {
    const b = line.boxes[i];
    if (b) out.push(b);
  }
  return out;
}
