import type { Box } from '../types';
import type { OcrLine, OcrPage, OcrSymbol, OcrWord } from './types';

// The subset of tesseract.js's output (with `{ blocks: true }`) that we read.
interface TBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TSymbol {
  text: string;
  confidence: number;
  bbox: TBox;
}
interface TWord extends TSymbol {
  symbols?: TSymbol[] | null;
}
interface TLine extends TSymbol {
  words?: TWord[] | null;
}
export interface TesseractBlocks {
  blocks?: { paragraphs?: { lines?: TLine[] | null }[] | null }[] | null;
}

const box = (b: TBox): Box => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
const symbol = (s: TSymbol): OcrSymbol => ({
  text: s.text,
  confidence: s.confidence / 100,
  box: box(s.bbox),
});

/** Flattens tesseract.js blocks into lines of words of symbols; confidences become 0..1. */
export function parseTesseractBlocks(data: TesseractBlocks, width: number, height: number): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs ?? []) {
      for (const line of para.lines ?? []) {
        const words: OcrWord[] = (line.words ?? []).map((w) => ({
          ...symbol(w),
          symbols: (w.symbols ?? []).map(symbol),
        }));
        lines.push({ ...symbol(line), words });
      }
    }
  }
  return { width, height, lines };
}
