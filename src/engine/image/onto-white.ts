// JPEG keeps no transparency. Every JPEG encoder here (the browser's canvas, Skia in Node, jpeg-js for
// pictures over the canvas limit) drops the alpha channel and keeps the colour values under it, which
// in a cut-out card's transparent corners are black: the export came out with black corners and edges.
// A transparent PNG is seen on a light page, so a JPEG export is composited onto white first.
import type { RgbaImage } from '../types';

/**
 * Composites `img` onto opaque white, in place (every pixel's alpha becomes 255; a pixel of alpha a
 * keeps a/255 of its colour over white, "source over" in Porter & Duff's terms). Returns `img`.
 * Burned masks are opaque already, so they stay black.
 */
export function compositeOntoWhite(img: RgbaImage): RgbaImage {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3];
    if (a === 255) continue;
    const k = a / 255;
    const white = 255 * (1 - k);
    d[i] = d[i] * k + white;
    d[i + 1] = d[i + 1] * k + white;
    d[i + 2] = d[i + 2] * k + white;
    d[i + 3] = 255;
  }
  return img;
}
