import type { GrayImage } from '../types';

/** A connected blob of edge pixels, in the working image's pixels. */
export interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Edge pixels in the blob. */
  area: number;
}

/** 3x3 box blur: tames JPEG blocks and sensor noise before taking gradients. */
export function boxBlur3(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const tmp = new Uint16Array(w * h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      const a = data[r + Math.max(0, x - 1)];
      const c = data[r + Math.min(w - 1, x + 1)];
      tmp[r + x] = a + data[r + x] + c;
    }
  }
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const dn = Math.min(h - 1, y + 1) * w;
    const r = y * w;
    for (let x = 0; x < w; x++) out[r + x] = (tmp[up + x] + tmp[r + x] + tmp[dn + x] + 4) / 9;
  }
  return { width: w, height: h, data: out };
}

/** The Sobel gradient at pixel index `i` of a `w`-wide image (not on its border): x and y components. */
export function sobelAt(data: ArrayLike<number>, i: number, w: number): { gx: number; gy: number } {
  return {
    gx:
      data[i - w + 1] +
      2 * data[i + 1] +
      data[i + w + 1] -
      data[i - w - 1] -
      2 * data[i - 1] -
      data[i + w - 1],
    gy:
      data[i + w - 1] +
      2 * data[i + w] +
      data[i + w + 1] -
      data[i - w - 1] -
      2 * data[i - w] -
      data[i - w + 1],
  };
}

/**
 * Sobel magnitude (halved L1) and its median and 99th percentile. Thresholding gradients rather than
 * grey levels lights up light-on-dark and dark-on-light print, and embossed relief (highlight plus
 * shadow), without choosing a polarity.
 */
export function gradientMagnitude(img: GrayImage): { mag: Uint16Array; median: number; p99: number } {
  const { width: w, height: h, data } = img;
  const mag = new Uint16Array(w * h);
  const hist = new Uint32Array(2048);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const { gx, gy } = sobelAt(data, i, w);
      const m = Math.min(2047, (Math.abs(gx) + Math.abs(gy)) >> 1);
      mag[i] = m;
      hist[m]++;
    }
  }
  // Most of a photo is smooth: the median gradient measures noise; edges of print stand well above it.
  const n = (w - 2) * (h - 2);
  let acc = 0;
  let med = 0;
  for (let v = 0; v < 2048; v++) {
    acc += hist[v];
    if (acc >= n / 2) {
      med = v;
      break;
    }
  }
  let p99 = med;
  acc = 0;
  for (let v = 2047; v >= 0; v--) {
    acc += hist[v];
    if (acc >= n * 0.01) {
      p99 = v;
      break;
    }
  }
  return { mag, median: med, p99 };
}

/** Pixels whose gradient reaches `threshold`. */
export function thresholdMap(mag: Uint16Array, threshold: number): Uint8Array {
  const out = new Uint8Array(mag.length);
  for (let i = 0; i < out.length; i++) out[i] = mag[i] >= threshold ? 1 : 0;
  return out;
}

/** 8-connected components of a binary map (1 = set), with bounding boxes. */
export function connectedComponents(bin: Uint8Array, w: number, h: number, minArea = 6): Component[] {
  const labels = new Int32Array(w * h).fill(-1);
  const comps: Component[] = [];
  const stack = new Int32Array(w * h);
  for (let start = 0; start < bin.length; start++) {
    if (!bin[start] || labels[start] >= 0) continue;
    const id = comps.length;
    let sp = 0;
    stack[sp++] = start;
    labels[start] = id;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    let area = 0;
    while (sp > 0) {
      const p = stack[--sp];
      const px = p % w;
      const py = (p - px) / w;
      area++;
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if (bin[q] && labels[q] < 0) {
            labels[q] = id;
            stack[sp++] = q;
          }
        }
      }
    }
    comps.push({ x0, y0, x1: x1 + 1, y1: y1 + 1, area });
  }
  return comps.filter((c) => c.area >= minArea);
}
