// The TextPainter over any Canvas 2D context: OffscreenCanvas in the worker, @napi-rs/canvas in Node.
// Both expose the same fillText/measureText/getImageData, so one drawing routine serves both.
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
      const ctx = createContext(width, height);
      ctx.font = WATERMARK_FONT.replace('{size}', String(size));
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'middle';
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      ctx.setTransform(cos, sin, -sin, cos, 0, 0);
      for (const r of runs) ctx.fillText(text, r.u, r.v);
      const rgba = ctx.getImageData(0, 0, width, height).data;
      // Coverage is the alpha channel of black text on a transparent canvas.
      const out = new Uint8Array(width * height);
      for (let p = 0; p < out.length; p++) out[p] = rgba[p * 4 + 3];
      return out;
    },
  };
}
