// Writes degraded copies of a fixture folder (ground truth moved along), to see how detection holds up
// on the kinds of photo real users take that the fixtures show rarely:
//   node bench/degrade-fixtures.mjs ../shared/fixtures/real-cards /tmp/degr [variant...]
// then `npx lastfour redact /tmp/degr/*.* --out OUT` and score OUT against /tmp/degr with
// ../shared/tools/score.mjs. Variants (all by default):
//   small  40% of the size, JPEG quality 60 (a card far from the camera, a messenger's recompression)
//   tilt   the card turned 40 degrees away about its vertical axis (one side foreshortened), then 8
//          degrees in the picture plane (a phone held at an angle over a table)
//   blur   a 1.6 px Gaussian blur, JPEG quality 50 (out of focus, shaken)
//   glare  a white radial highlight over the number's middle (a lamp on a glossy card)
//   dim    a third of the light, with sensor noise (sigma 8 grey levels), JPEG quality 70
// Deterministic: the noise comes from a fixed-seed generator.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const [src, out, ...asked] = process.argv.slice(2);
const VARIANTS = ['small', 'tilt', 'blur', 'glare', 'dim'];
const variants = asked.length > 0 ? asked : VARIANTS;
if (!src || !out || variants.some((v) => !VARIANTS.includes(v))) {
  console.error(`usage: node bench/degrade-fixtures.mjs SRC_DIR OUT_DIR [${VARIANTS.join('|')}...]`);
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

/** Mulberry32: a small deterministic generator for the noise. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 3x3 homography (row-major) taking the four points `from` to the four points `to`. */
function homography(from, to) {
  const A = [];
  const b = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  // Gaussian elimination with partial pivoting on the 8x8 system.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    [b[c], b[p]] = [b[p], b[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 8; k++) A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  return [...b.map((v, i) => v / A[i][i]), 1];
}

const apply = (H, [x, y]) => {
  const w = H[6] * x + H[7] * y + H[8];
  return [(H[0] * x + H[1] * y + H[2]) / w, (H[3] * x + H[4] * y + H[5]) / w];
};

/** Warps `img` by the homography H into a W x H canvas (inverse mapping, bilinear, grey outside). */
function warp(img, Hm, W, Ht) {
  const srcCanvas = createCanvas(img.width, img.height);
  srcCanvas.getContext('2d').drawImage(img, 0, 0);
  const s = srcCanvas.getContext('2d').getImageData(0, 0, img.width, img.height).data;
  const inv = homography(
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ].map((p) => apply(Hm, p)),
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
  );
  const canvas = createCanvas(W, Ht);
  const g = canvas.getContext('2d');
  const dst = g.createImageData(W, Ht);
  const d = dst.data;
  for (let y = 0; y < Ht; y++) {
    for (let x = 0; x < W; x++) {
      const [u, v] = apply(inv, [x + 0.5, y + 0.5]);
      const o = (y * W + x) * 4;
      const fx = u - 0.5;
      const fy = v - 0.5;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= img.width || y0 + 1 >= img.height) {
        d[o] = d[o + 1] = d[o + 2] = 119;
        d[o + 3] = 255;
        continue;
      }
      const ax = fx - x0;
      const ay = fy - y0;
      for (let ch = 0; ch < 3; ch++) {
        const p = (yy, xx) => s[(yy * img.width + xx) * 4 + ch];
        d[o + ch] =
          (1 - ay) * ((1 - ax) * p(y0, x0) + ax * p(y0, x0 + 1)) +
          ay * ((1 - ax) * p(y0 + 1, x0) + ax * p(y0 + 1, x0 + 1));
      }
      d[o + 3] = 255;
    }
  }
  g.putImageData(dst, 0, 0);
  return canvas;
}

function drawn(img, W, H) {
  const canvas = createCanvas(W, H);
  canvas.getContext('2d').drawImage(img, 0, 0, W, H);
  return canvas;
}

function numberBox(gt) {
  const pts = gt.digits.flatMap((d) => d.poly);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Each variant: the degraded canvas, how a source point moves, and the format it is saved in. */
function degrade(variant, img, gt, rnd) {
  const { width: w, height: h } = img;
  if (variant === 'small') {
    const k = 0.4;
    const W = Math.max(1, Math.round(w * k));
    const H = Math.max(1, Math.round(h * k));
    return { canvas: drawn(img, W, H), move: ([x, y]) => [(x * W) / w, (y * H) / h], jpeg: 60 };
  }
  if (variant === 'tilt') {
    // Turned 40 degrees about the vertical axis, seen from a camera 2.5 widths away: the right edge
    // recedes (shorter, nearer the middle); then 8 degrees clockwise in the picture.
    const yaw = (40 * Math.PI) / 180;
    const dist = 2.5 * w;
    const project = ([x, y]) => {
      const X = (x - w / 2) * Math.cos(yaw);
      const Z = (x - w / 2) * Math.sin(yaw);
      const f = dist / (dist + Z);
      return [X * f, (y - h / 2) * f];
    };
    const roll = (8 * Math.PI) / 180;
    const turn = ([x, y]) => [
      x * Math.cos(roll) - y * Math.sin(roll),
      x * Math.sin(roll) + y * Math.cos(roll),
    ];
    const corners = [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ];
    const placed = corners.map((p) => turn(project(p)));
    const xs = placed.map((p) => p[0]);
    const ys = placed.map((p) => p[1]);
    const margin = 0.05 * w;
    const [minX, minY] = [Math.min(...xs) - margin, Math.min(...ys) - margin];
    const W = Math.round(Math.max(...xs) - minX + margin);
    const H = Math.round(Math.max(...ys) - minY + margin);
    const Hm = homography(
      corners,
      placed.map(([x, y]) => [x - minX, y - minY]),
    );
    return { canvas: warp(img, Hm, W, H), move: (p) => apply(Hm, p), jpeg: 85 };
  }
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  if (variant === 'blur') {
    g.filter = 'blur(1.6px)';
    g.drawImage(img, 0, 0);
    g.filter = 'none';
    return { canvas, move: (p) => p, jpeg: 50 };
  }
  g.drawImage(img, 0, 0);
  if (variant === 'glare') {
    const [x0, y0, x1, y1] = numberBox(gt);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const r = 0.35 * (x1 - x0);
    const light = g.createRadialGradient(cx, cy, 0, cx, cy, r);
    light.addColorStop(0, 'rgba(255,255,255,0.85)');
    light.addColorStop(0.5, 'rgba(255,255,255,0.45)');
    light.addColorStop(1, 'rgba(255,255,255,0)');
    g.fillStyle = light;
    g.fillRect(0, 0, w, h);
    return { canvas, move: (p) => p, jpeg: 90 };
  }
  // dim
  const data = g.getImageData(0, 0, w, h);
  const d = data.data;
  for (let i = 0; i < d.length; i += 4) {
    // Box-Muller: one Gaussian sample a pixel, the same on all channels (luminance noise).
    const n = Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd()) * 8;
    for (let ch = 0; ch < 3; ch++) d[i + ch] = Math.max(0, Math.min(255, d[i + ch] / 3 + n));
  }
  g.putImageData(data, 0, 0);
  return { canvas, move: (p) => p, jpeg: 70 };
}

let seed = 1;
for (const name of fs.readdirSync(src).filter((n) => n.endsWith('.json'))) {
  const gt = JSON.parse(fs.readFileSync(path.join(src, name), 'utf8'));
  if (!Array.isArray(gt.digits)) continue; // documents with regions: not degraded here
  const img = await loadImage(path.join(src, gt.file));
  for (const variant of variants) {
    const { canvas, move, jpeg } = degrade(variant, img, gt, random(seed++));
    const digits = gt.digits.map((d) => {
      const poly = d.poly.map(move);
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      return { ...d, poly, bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
    });
    const id = `${path.basename(gt.file).replace(/\.[a-z]+$/i, '')}-${variant}`;
    const file = `${id}.jpg`;
    fs.writeFileSync(path.join(out, file), canvas.toBuffer('image/jpeg', jpeg));
    fs.writeFileSync(
      path.join(out, `${id}.json`),
      JSON.stringify({ ...gt, file, width: canvas.width, height: canvas.height, digits }),
    );
  }
}
