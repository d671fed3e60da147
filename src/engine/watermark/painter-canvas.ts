// The TextPainter over any Canvas 2D context: OffscreenCanvas in the worker, @napi-rs/canvas in Node.
// Both expose the same fillText/measureText/getImageData, so one drawing routine serves both.
import { noteCanvas, rowBands } from '../image/canvas-limit';
import type { TextPainter, TextRun } from './watermark';

/** The subset of a 2D context we draw with (structurally matched by OffscreenCanvas and Skia). */
export interface Context2DLike {
  font: string;
  fillStyle: unknown;
  textBaseline: unknown;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}

export const WATERMARK_FONT = 'bold {size}px sans-serif';

export function canvasTextPainter(
  createContext: (width: number, height: number) => Context2DLike,
): TextPainter {
  let measurer: Context2DLike | undefined;
  return {
    measure(text, size) {
      measurer ??= createContext(1, 1);
      measurer.font = WATERMARK_FONT.replace('{size}', String(size));
      return measurer.measureText(text).width;
    },
    paint(width, height, text, size, angle, runs: readonly TextRun[]) {
      const out = new Uint8Array(width * height);
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      // Row bands within the canvas limit (a 48 MP photo is three): each band draws every run,
      // shifted up by the band's first row; the canvas clips what falls outside it.
      for (const band of rowBands(width, height)) {
        noteCanvas(width, band.rows);
        const ctx = createContext(width, band.rows);
        ctx.font = WATERMARK_FONT.replace('{size}', String(size));
        ctx.fillStyle = '#000';
        ctx.textBaseline = 'middle';
        ctx.setTransform(cos, sin, -sin, cos, 0, -band.y);
        for (const r of runs) ctx.fillText(text, r.u, r.v);
        const rgba = ctx.getImageData(0, 0, width, band.rows).data;
        // Coverage is the alpha channel of black text on a transparent canvas.
        const at = band.y * width;
        for (let p = 0, n = width * band.rows; p < n; p++) out[at + p] = rgba[p * 4 + 3];
      }
      return out;
    },
  };
}
