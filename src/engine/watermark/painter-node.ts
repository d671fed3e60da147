// Node (CLI, tests): the watermark painter on @napi-rs/canvas. The worker uses painter-worker.ts.
import { createCanvas } from '@napi-rs/canvas';
import { canvasTextPainter, type Context2DLike } from './painter-canvas';
import type { TextPainter } from './watermark';

export function nodeTextPainter(): TextPainter {
  return canvasTextPainter((w, h) => createCanvas(w, h).getContext('2d') as unknown as Context2DLike);
}
