// Writes degraded copies of a fixture folder (ground truth moved along), to see how detection holds up
// on the kinds of photo real users take that the fixtures show rarely:
//   node --import tsx bench/degrade-fixtures.ts ../shared/fixtures/real-cards /tmp/degr [variant...]
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
import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { mulberry32 } from '../tests/support/mulberry32';
import { applyH, boxCorners, solveHomography, warpInto, type Mat, type Pt } from './synth/geometry';

/** A ground-truth file of the fixtures format (../shared/fixtures/README.md), as far as used here. */
interface Truth {
  file: string;
  digits?: { poly: Pt[] }[];
}

const [src, out, ...asked] = process.argv.slice(2);
const VARIANTS = ['small', 'tilt', 'blur', 'glare', 'dim'];
const variants = asked.length > 0 ? asked : VARIANTS;
if (!src || !out || variants.some((v) => !VARIANTS.includes(v))) {
  console.error(
    `usage: node --import tsx bench/degrade-fixtures.ts SRC_DIR OUT_DIR [${VARIANTS.join('|')}...]`,
  );
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

/** Draws `img` through the homography `m` into a `W` x `H` canvas, mid grey where the photo is not. */
function warp(img: Image, m: Mat, W: number, H: number): Canvas {
  const source = createCanvas(img.width, img.height);
  source.getContext('2d').drawImage(img, 0, 0);
  const s = source.getContext('2d').getImageData(0, 0, img.width, img.height).data;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  const dst = g.createImageData(W, H);
  dst.data.fill(119);
  warpInto(dst.data, W, H, s, img.width, img.height, m);
  for (let i = 3; i < dst.data.length; i += 4) dst.data[i] = 255;
  g.putImageData(dst, 0, 0);
  return canvas;
}

function drawn(img: Image, W: number, H: number): Canvas {
  const canvas = createCanvas(W, H);
  canvas.getContext('2d').drawImage(img, 0, 0, W, H);
  return canvas;
}

function numberBox(gt: Truth): [number, number, number, number] {
  const pts = (gt.digits ?? []).flatMap((d) => d.poly);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Each variant: the degraded canvas, how a source point moves, and the format it is saved in. */
function degrade(
  variant: string,
  img: Image,
  gt: Truth,
  rnd: () => number,
): { canvas: Canvas; move: (p: Pt) => Pt; jpeg: number } {
  const { width: w, height: h } = img;
  if (variant === 'small') {
    const k = 0.4;
    const W = Math.max(1, Math.round(w * k));
    const H = Math.max(1, Math.round(h * k));
    return { canvas: drawn(img, W, H), move: ([x, y]) => [(x * W) / w, (y * H) / h] as Pt, jpeg: 60 };
  }
  if (variant === 'tilt') {
    // Turned 40 degrees about the vertical axis, seen from a camera 2.5 widths away: the right edge
    // recedes (shorter, nearer the middle); then 8 degrees clockwise in the picture.
    const yaw = (40 * Math.PI) / 180;
    const dist = 2.5 * w;
    const project = ([x, y]: Pt): Pt => {
      const X = (x - w / 2) * Math.cos(yaw);
      const Z = (x - w / 2) * Math.sin(yaw);
      const f = dist / (dist + Z);
      return [X * f, (y - h / 2) * f];
    };
    const roll = (8 * Math.PI) / 180;
    const turn = ([x, y]: Pt): Pt => [
      x * Math.cos(roll) - y * Math.sin(roll),
      x * Math.sin(roll) + y * Math.cos(roll),
    ];
    const corners = boxCorners([0, 0, w, h]);
    const placed = corners.map((p) => turn(project(p)));
    const xs = placed.map((p) => p[0]);
    const ys = placed.map((p) => p[1]);
    const margin = 0.05 * w;
    const [minX, minY] = [Math.min(...xs) - margin, Math.min(...ys) - margin];
    const W = Math.round(Math.max(...xs) - minX + margin);
    const H = Math.round(Math.max(...ys) - minY + margin);
    const m = solveHomography(
      corners,
      placed.map(([x, y]): Pt => [x - minX, y - minY]),
    );
    return { canvas: warp(img, m, W, H), move: ([x, y]) => applyH(m, x, y), jpeg: 85 };
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
  const gt = JSON.parse(fs.readFileSync(path.join(src, name), 'utf8')) as Truth;
  if (!Array.isArray(gt.digits)) continue; // documents with regions: not degraded here
  const img = await loadImage(path.join(src, gt.file));
  for (const variant of variants) {
    const { canvas, move, jpeg } = degrade(variant, img, gt, mulberry32(seed++));
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
