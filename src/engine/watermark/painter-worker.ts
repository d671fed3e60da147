// Web Worker: the watermark painter on OffscreenCanvas (fillText works in dedicated workers).
import { canvasTextPainter, type Context2DLike } from './painter-canvas';
import type { TextPainter } from './watermark';

export function workerTextPainter(): TextPainter {
  return canvasTextPainter((w, h) => {
    const ctx = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('This browser cannot draw text off-screen (no OffscreenCanvas 2D).');
    return ctx as unknown as Context2DLike;
  });
}
