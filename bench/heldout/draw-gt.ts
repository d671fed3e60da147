// Overlays ground-truth digit polygons on copies of the images, to check them by eye:
//   node --import tsx bench/heldout/draw-gt.ts GT_DIR OUT_DIR [ID_PREFIX...]
// Writes <id>-gt.png (whole image, at most 1400 px) and <id>-zoom.png (the digits' region, magnified).
// hide = red, keep = green, cvv = blue.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';

interface Digit {
  char: string;
  role: string;
  bbox: number[];
  poly: [number, number][];
}
const COLORS: Record<string, string> = { hide: '#ff2020', keep: '#00d040', cvv: '#2060ff' };

function render(
  img: Image,
  digits: Digit[],
  sx: number,
  sy: number,
  sw: number,
  sh: number,
  scale: number,
): Buffer {
  const c = createCanvas(Math.max(1, Math.round(sw * scale)), Math.max(1, Math.round(sh * scale)));
  const g = c.getContext('2d');
  g.imageSmoothingEnabled = scale < 1;
  g.drawImage(img, sx, sy, sw, sh, 0, 0, c.width, c.height);
  g.lineWidth = 1;
  for (const d of digits) {
    g.strokeStyle = COLORS[d.role] ?? '#ff0';
    g.beginPath();
    for (const [x, y] of d.poly) g.lineTo((x - sx) * scale, (y - sy) * scale);
    g.closePath();
    g.stroke();
  }
  return c.toBuffer('image/png');
}

const [gtDir, outDir, ...prefixes] = process.argv.slice(2);
if (!gtDir || !outDir) {
  console.error('usage: node --import tsx bench/heldout/draw-gt.ts GT_DIR OUT_DIR [ID_PREFIX...]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
for (const name of fs.readdirSync(gtDir).filter((n) => n.endsWith('.json'))) {
  const id = name.replace(/\.json$/, '');
  if (prefixes.length && !prefixes.some((p) => id.startsWith(p))) continue;
  const gt = JSON.parse(fs.readFileSync(path.join(gtDir, name), 'utf8'));
  const img = await loadImage(fs.readFileSync(path.join(gtDir, gt.file)));
  const digits: Digit[] = gt.digits;
  const s = Math.min(1, 1400 / Math.max(img.width, img.height));
  fs.writeFileSync(path.join(outDir, `${id}-gt.png`), render(img, digits, 0, 0, img.width, img.height, s));
  if (digits.length) {
    const xs = digits.flatMap((d) => [d.bbox[0], d.bbox[2]]),
      ys = digits.flatMap((d) => [d.bbox[1], d.bbox[3]]);
    const pad = 12;
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - pad),
      y0 = Math.max(0, Math.floor(Math.min(...ys)) - pad);
    const x1 = Math.min(img.width, Math.ceil(Math.max(...xs)) + pad),
      y1 = Math.min(img.height, Math.ceil(Math.max(...ys)) + pad);
    const z = Math.min(6, 1400 / Math.max(x1 - x0, y1 - y0));
    fs.writeFileSync(path.join(outDir, `${id}-zoom.png`), render(img, digits, x0, y0, x1 - x0, y1 - y0, z));
  }
}
