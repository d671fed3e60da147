// Plane geometry for the bench's synthetic photos: homographies between four-point quads and a
// supersampled warp of an RGBA image through one (bench/heldout/make-cards.ts, bench/degrade-fixtures.ts).

export type Pt = [number, number];
/** x0, y0, x1, y1. */
export type Box = [number, number, number, number];
/** A 3x3 matrix, row-major. */
export type Mat = number[];

/** The homography taking the four points `src` to the four points `dst` (8x8 Gauss-Jordan, partial pivoting). */
export function solveHomography(src: Pt[], dst: Pt[]): Mat {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i];
    const [u, v] = dst[i];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 9; k++) A[r][k] -= f * A[c][k];
    }
  }
  const h = A.map((row, i) => row[8] / row[i]);
  return [...h, 1];
}
/** `m` applied to the point (x, y). */
export function applyH(m: Mat, x: number, y: number): Pt {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}
/** The inverse of a 3x3 matrix (adjugate over determinant). */
export function invert(m: Mat): Mat {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h,
    B = -(d * i - f * g),
    C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}
/** A box's corners clockwise from its top left (y down). */
export const boxCorners = (b: Box): Pt[] => [
  [b[0], b[1]],
  [b[2], b[1]],
  [b[2], b[3]],
  [b[0], b[3]],
];

/**
 * Draws the RGBA image `src` (SW x SH) into the RGBA image `dst` (DW x DH) through the homography `m`
 * (source to destination pixels): inverse mapping, bilinear, 2x2 supersampled, composited over what
 * `dst` holds by the source's alpha.
 */
export function warpInto(
  dst: Uint8ClampedArray,
  DW: number,
  DH: number,
  src: Uint8ClampedArray,
  SW: number,
  SH: number,
  m: Mat,
): void {
  const inv = invert(m);
  const quad = boxCorners([0, 0, SW, SH]).map(([x, y]) => applyH(m, x, y));
  const x0 = Math.max(0, Math.floor(Math.min(...quad.map((p) => p[0])))),
    x1 = Math.min(DW, Math.ceil(Math.max(...quad.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...quad.map((p) => p[1])))),
    y1 = Math.min(DH, Math.ceil(Math.max(...quad.map((p) => p[1]))));
  const ss = 2;
  const px = (x: number, y: number, out: number[]): void => {
    if (x < 0 || y < 0 || x >= SW || y >= SH) {
      out[0] = out[1] = out[2] = out[3] = 0;
      return;
    }
    const i = (y * SW + x) * 4;
    const a = src[i + 3] / 255;
    out[0] = src[i] * a;
    out[1] = src[i + 1] * a;
    out[2] = src[i + 2] * a;
    out[3] = a;
  };
  const p00 = [0, 0, 0, 0],
    p10 = [0, 0, 0, 0],
    p01 = [0, 0, 0, 0],
    p11 = [0, 0, 0, 0];
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      let r = 0,
        gg = 0,
        b = 0,
        a = 0;
      for (let j = 0; j < ss; j++)
        for (let i = 0; i < ss; i++) {
          const X = x + (i + 0.5) / ss,
            Y = y + (j + 0.5) / ss;
          const w = inv[6] * X + inv[7] * Y + inv[8];
          const u = (inv[0] * X + inv[1] * Y + inv[2]) / w - 0.5;
          const v = (inv[3] * X + inv[4] * Y + inv[5]) / w - 0.5;
          if (u < -1 || v < -1 || u > SW || v > SH) continue;
          const ux = Math.floor(u),
            vy = Math.floor(v),
            fx = u - ux,
            fy = v - vy;
          px(ux, vy, p00);
          px(ux + 1, vy, p10);
          px(ux, vy + 1, p01);
          px(ux + 1, vy + 1, p11);
          const w00 = (1 - fx) * (1 - fy),
            w10 = fx * (1 - fy),
            w01 = (1 - fx) * fy,
            w11 = fx * fy;
          r += p00[0] * w00 + p10[0] * w10 + p01[0] * w01 + p11[0] * w11;
          gg += p00[1] * w00 + p10[1] * w10 + p01[1] * w01 + p11[1] * w11;
          b += p00[2] * w00 + p10[2] * w10 + p01[2] * w01 + p11[2] * w11;
          a += p00[3] * w00 + p10[3] * w10 + p01[3] * w01 + p11[3] * w11;
        }
      if (a <= 0) continue;
      const n = ss * ss;
      r /= n;
      gg /= n;
      b /= n;
      a /= n;
      const k = (y * DW + x) * 4;
      dst[k] = r + dst[k] * (1 - a);
      dst[k + 1] = gg + dst[k + 1] * (1 - a);
      dst[k + 2] = b + dst[k + 2] * (1 - a);
    }
}
