import type { Box, GrayImage, Point } from '../types';

export function cropGray(img: GrayImage, box: Box): GrayImage {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const src = (y0 + y) * img.width + x0;
    out.set(img.data.subarray(src, src + w), y * w);
  }
  return { width: w, height: h, data: out };
}

/** Bilinear resample to an exact size; box-averages first when shrinking by 2x or more to avoid aliasing. */
export function resizeGray(img: GrayImage, width: number, height: number): GrayImage {
  let src = img;
  while (src.width >= width * 2 && src.height >= height * 2) src = halve(src);
  const out = new Uint8Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(src.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(src.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(src.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(src.width - 1, x0 + 1);
      const wx = fx - x0;
      const a = src.data[y0 * src.width + x0];
      const b = src.data[y0 * src.width + x1];
      const c = src.data[y1 * src.width + x0];
      const d = src.data[y1 * src.width + x1];
      out[y * width + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy + 0.5;
    }
  }
  return { width, height, data: out };
}

function halve(img: GrayImage): GrayImage {
  const w = img.width >> 1;
  const h = img.height >> 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const r0 = 2 * y * img.width;
    const r1 = r0 + img.width;
    for (let x = 0; x < w; x++) {
      const i = 2 * x;
      out[y * w + x] =
        (img.data[r0 + i] + img.data[r0 + i + 1] + img.data[r1 + i] + img.data[r1 + i + 1] + 2) >> 2;
    }
  }
  return { width: w, height: h, data: out };
}

export function scaleGray(img: GrayImage, factor: number): GrayImage {
  return resizeGray(
    img,
    Math.max(1, Math.round(img.width * factor)),
    Math.max(1, Math.round(img.height * factor)),
  );
}

/** Quarter turns clockwise (0..3). */
export function rotateGray90(img: GrayImage, quarterTurns: number): GrayImage {
  const q = ((quarterTurns % 4) + 4) % 4;
  if (q === 0) return img;
  const { width: w, height: h, data } = img;
  const ow = q === 2 ? w : h;
  const oh = q === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (q === 1) {
        nx = h - 1 - y;
        ny = x;
      } else if (q === 2) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      out[ny * ow + nx] = data[y * w + x];
    }
  }
  return { width: ow, height: oh, data: out };
}

/** Maps a point of the image rotated by `quarterTurns` clockwise back to the unrotated image. */
export function unrotatePoint90(p: Point, quarterTurns: number, srcW: number, srcH: number): Point {
  const q = ((quarterTurns % 4) + 4) % 4;
  if (q === 0) return { x: p.x, y: p.y };
  if (q === 1) return { x: p.y, y: srcH - p.x };
  if (q === 2) return { x: srcW - p.x, y: srcH - p.y };
  return { x: srcW - p.y, y: p.x };
}

/**
 * Samples a rotated rectangle out of `img`: the output's (0,0) is `origin`, its x axis runs along
 * `angleRad` (clockwise, image y down). Used to read a tilted number line as if it were level.
 */
export function sampleRotated(
  img: GrayImage,
  origin: Point,
  angleRad: number,
  width: number,
  height: number,
  scale = 1,
): GrayImage {
  const out = new Uint8Array(width * height);
  const cos = Math.cos(angleRad) / scale;
  const sin = Math.sin(angleRad) / scale;
  const W = img.width;
  const H = img.height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const fx = origin.x + x * cos - y * sin;
      const fy = origin.y + x * sin + y * cos;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      if (x0 < 0 || y0 < 0 || x0 >= W - 1 || y0 >= H - 1) {
        out[y * width + x] =
          img.data[Math.min(H - 1, Math.max(0, y0)) * W + Math.min(W - 1, Math.max(0, x0))];
        continue;
      }
      const wx = fx - x0;
      const wy = fy - y0;
      const i = y0 * W + x0;
      const a = img.data[i];
      const b = img.data[i + 1];
      const c = img.data[i + W];
      const d = img.data[i + W + 1];
      out[y * width + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy + 0.5;
    }
  }
  return { width, height, data: out };
}

/** Linear contrast stretch between the given low/high percentiles. */
export function stretchContrast(img: GrayImage, lowPct = 0.02, highPct = 0.98): GrayImage {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
  const n = img.data.length;
  let lo = 0;
  let hi = 255;
  for (let acc = 0, v = 0; v < 256; v++) {
    acc += hist[v];
    if (acc >= n * lowPct) {
      lo = v;
      break;
    }
  }
  for (let acc = 0, v = 255; v >= 0; v--) {
    acc += hist[v];
    if (acc >= n * (1 - highPct)) {
      hi = v;
      break;
    }
  }
  if (hi <= lo) return img;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = lut[img.data[i]];
  return { width: img.width, height: img.height, data: out };
}

export function invertGray(img: GrayImage): GrayImage {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - img.data[i];
  return { width: img.width, height: img.height, data: out };
}
