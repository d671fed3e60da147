// Writes turned copies of a fixture folder (ground truth turned along), to see how detection holds
// up on orientations the fixtures do not have:
//   node bench/turn-fixtures.mjs ../shared/fixtures/real-cards /tmp/turned 90 180 270 -15
// then `npx lastfour redact /tmp/turned/*.png --out OUT` and score OUT against /tmp/turned.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const [src, out, ...turns] = process.argv.slice(2);
if (!src || !out || turns.length === 0) {
  console.error('usage: node bench/turn-fixtures.mjs SRC_DIR OUT_DIR DEGREES...');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
for (const name of fs.readdirSync(src).filter((n) => n.endsWith('.json'))) {
  const gt = JSON.parse(fs.readFileSync(path.join(src, name), 'utf8'));
  const img = await loadImage(path.join(src, gt.file));
  for (const deg of turns.map(Number)) {
    const t = (deg * Math.PI) / 180;
    const [c, s] = [Math.cos(t), Math.sin(t)];
    const W = Math.round(img.width * Math.abs(c) + img.height * Math.abs(s));
    const H = Math.round(img.width * Math.abs(s) + img.height * Math.abs(c));
    const canvas = createCanvas(W, H);
    const g = canvas.getContext('2d');
    g.fillStyle = '#777';
    g.fillRect(0, 0, W, H);
    g.translate(W / 2, H / 2);
    g.rotate(t);
    g.drawImage(img, -img.width / 2, -img.height / 2);
    const turn = ([x, y]) => {
      const dx = x - img.width / 2;
      const dy = y - img.height / 2;
      return [W / 2 + dx * c - dy * s, H / 2 + dx * s + dy * c];
    };
    const digits = gt.digits.map((d) => {
      const poly = d.poly.map(turn);
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      return { ...d, poly, bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
    });
    const id = `${path.basename(gt.file).replace(/\.[a-z]+$/i, '')}-r${deg}`;
    fs.writeFileSync(path.join(out, `${id}.png`), canvas.toBuffer('image/png'));
    fs.writeFileSync(
      path.join(out, `${id}.json`),
      JSON.stringify({ ...gt, file: `${id}.png`, width: W, height: H, digits }),
    );
  }
}
