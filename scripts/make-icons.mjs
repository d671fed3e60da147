// Draws the app icons (a card with three masked groups and a visible last group) into public/icons.
// Run once after changing the design: node scripts/make-icons.mjs
import { createCanvas } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';

function draw(size, { maskable }) {
  const c = createCanvas(size, size);
  const g = c.getContext('2d');
  g.fillStyle = '#0f3d3e';
  g.fillRect(0, 0, size, size);
  // Maskable icons keep their content inside the central 80% safe zone.
  const inset = maskable ? size * 0.2 : size * 0.1;
  const w = size - 2 * inset;
  const h = w * 0.63;
  const x = inset;
  const y = (size - h) / 2;
  g.fillStyle = '#f4f1e8';
  g.beginPath();
  g.roundRect(x, y, w, h, w * 0.06);
  g.fill();
  const gy = y + h * 0.52;
  const gh = h * 0.16;
  const gw = w * 0.17;
  const gap = w * 0.04;
  let gx = x + w * 0.07;
  g.fillStyle = '#111';
  for (let i = 0; i < 3; i++, gx += gw + gap) g.fillRect(gx, gy, gw, gh);
  g.fillStyle = '#0f7b6c';
  g.font = `bold ${Math.round(gh * 1.05)}px sans-serif`;
  g.textBaseline = 'top';
  g.fillText('1234', gx, gy - gh * 0.02, gw * 1.2);
  return c.encode('png');
}

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, false],
]) {
  writeFileSync(`public/icons/${name}`, await draw(size, { maskable }));
}
