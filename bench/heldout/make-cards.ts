// Held-out synthetic card photos with exact per-digit ground truth (the ../shared/fixtures/README.md schema,
// tier "heldout"), in a style unlike the project's fixtures: other fonts, other card designs and tables,
// vertical cards with stacked groups, Amex 4-6-5, 19-digit numbers, backs with a phone number, frames that
// cut the number, tiny cards and 3000 px photos, turns anywhere in 0-360 with perspective.
//
//   node --import tsx bench/heldout/make-cards.ts OUT_DIR [--seed N] [--count N]
//
// Deterministic from the seed (given the same fonts and @napi-rs/canvas). Needs these Debian font packages:
//   apt-get install -y fonts-urw-base35 fonts-inconsolata fonts-jetbrains-mono fonts-anonymous-pro \
//     fonts-freefont-ttf fonts-lato fonts-league-spartan fonts-comic-neue
// How the truth is exact: each card is drawn flat in its own canvas; every digit is drawn at an integer
// origin and its ink box (all layers: face, highlight, emboss shadow) is measured from an identical
// render of the glyph alone. The card is then warped into the photo by a homography H (turn, 3D tilt,
// scale), and a digit's `poly` is H applied to the corners of its ink box.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { mulberry32 } from '../../tests/support/mulberry32';
import { applyH, boxCorners, solveHomography, warpInto, type Box, type Pt } from '../synth/geometry';

type Role = 'hide' | 'keep' | 'cvv';

interface LocalDigit {
  char: string;
  role: Role;
  group: number;
  box: Box; // ink box in card-local pixels
  line: boolean; // part of the main number line (used for frame cuts)
}

// ---------------------------------------------------------------- random

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return Math.floor(this.range(a, b + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  gauss(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.732;
  }
}

// ---------------------------------------------------------------- fonts

const URW = '/usr/share/fonts/opentype/urw-base35';
const FONT_FILES: Record<string, string> = {
  nimbusmono: `${URW}/NimbusMonoPS-Bold.otf`,
  inconsolata: '/usr/share/fonts/truetype/inconsolata/Inconsolata.otf',
  jetbrains: '/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Bold.ttf',
  anonpro: '/usr/share/fonts/truetype/anonymous-pro/Anonymous Pro B.ttf',
  freemono: '/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf',
  lato: '/usr/share/fonts/truetype/lato/Lato-Bold.ttf',
  spartan: '/usr/share/fonts/opentype/league-spartan/LeagueSpartan-Bold.otf',
  urwgothic: `${URW}/URWGothic-Demi.otf`,
  comic: '/usr/share/fonts/opentype/comic-neue/ComicNeue-Bold.otf',
  p052: `${URW}/P052-Bold.otf`,
  sansnarrow: `${URW}/NimbusSansNarrow-Bold.otf`,
  bookman: `${URW}/URWBookman-Demi.otf`,
  // text (decoys, panel)
  uiBold: `${URW}/NimbusSans-Bold.otf`,
  ui: `${URW}/NimbusSans-Regular.otf`,
  uiItalic: `${URW}/NimbusSans-BoldItalic.otf`,
  sig: `${URW}/C059-Italic.otf`,
  gothic: `${URW}/URWGothic-Book.otf`,
  latoReg: '/usr/share/fonts/truetype/lato/Lato-Regular.ttf',
};
function registerFonts(): void {
  const missing = Object.values(FONT_FILES).filter((f) => !fs.existsSync(f));
  if (missing.length) {
    console.error(`missing fonts (see the apt-get line at the top of this file):\n  ${missing.join('\n  ')}`);
    process.exit(2);
  }
  for (const [key, file] of Object.entries(FONT_FILES)) GlobalFonts.registerFromPath(file, `HX-${key}`);
}
const font = (key: string, px: number): string => `${px}px "HX-${key}"`;

// ---------------------------------------------------------------- numbers

function luhnCheck(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
function makeNumber(rng: Rng, brand: string, len: number, luhnOk: boolean): string {
  const iin: Record<string, () => string> = {
    visa: () => '4' + rng.pick(['0', '1', '2', '4', '5', '7', '8', '9']),
    mastercard: () => (rng.chance(0.7) ? String(rng.int(51, 55)) : String(rng.int(2221, 2720))),
    amex: () => rng.pick(['34', '37']),
    discover: () => rng.pick(['6011', '65', String(rng.int(644, 649))]),
    unionpay: () => '62' + rng.pick(['2', '1', '5', '8']),
  };
  let body = iin[brand]();
  while (body.length < len - 1) body += String(rng.int(0, 9));
  const c = luhnCheck(body);
  return body + String(luhnOk ? c : (c + rng.int(1, 9)) % 10);
}

// ---------------------------------------------------------------- glyph layers and ink boxes

interface Layer {
  dx: number;
  dy: number;
  alpha: number;
  color: string | ((ctx: SKRSContext2D, ox: number, oy: number, size: number) => string | CanvasGradient);
}
interface TextStyle {
  font: string; // font key
  size: number; // px, integer
  layers: Layer[];
  key: string;
}

const inkCache = new Map<string, Box>();
function inkBox(style: TextStyle, ch: string): Box {
  const k = `${style.font}|${style.size}|${ch}|${style.key}`;
  const hit = inkCache.get(k);
  if (hit) return hit;
  const S = Math.ceil(style.size * 3) + 8;
  const ox = Math.round(style.size),
    oy = Math.round(style.size * 2);
  const c = createCanvas(S, S);
  const g = c.getContext('2d');
  drawGlyph(g, style, ch, ox, oy, true);
  const a = g.getImageData(0, 0, S, S).data;
  let x0 = S,
    y0 = S,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < S; y++)
    for (let x = 0; x < S; x++)
      if (a[(y * S + x) * 4 + 3] > 20) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  const box: Box = [x0 - ox, y0 - oy, x1 + 1 - ox, y1 + 1 - oy];
  inkCache.set(k, box);
  return box;
}
function drawGlyph(
  g: SKRSContext2D,
  style: TextStyle,
  ch: string,
  ox: number,
  oy: number,
  mask = false,
): void {
  g.save();
  g.font = font(style.font, style.size);
  g.textBaseline = 'alphabetic';
  g.textAlign = 'left';
  for (const l of style.layers) {
    g.globalAlpha = l.alpha;
    g.fillStyle = mask
      ? '#000'
      : typeof l.color === 'string'
        ? l.color
        : (l.color(g, ox, oy, style.size) as string);
    g.fillText(ch, ox + l.dx, oy + l.dy);
  }
  g.restore();
}
function advanceOf(style: TextStyle): number {
  const c = createCanvas(4, 4).getContext('2d');
  c.font = font(style.font, style.size);
  let w = 0;
  for (const d of '0123456789') w = Math.max(w, c.measureText(d).width);
  return w;
}

// Draws a run of digits with integer origins; returns their card-local ink boxes.
function drawDigits(
  g: SKRSContext2D,
  style: TextStyle,
  text: string,
  x: number,
  baseline: number,
  spacing: number,
): { ch: string; box: Box }[] {
  const out: { ch: string; box: Box }[] = [];
  let cx = x;
  for (const ch of text) {
    if (ch !== ' ') {
      const ox = Math.round(cx),
        oy = Math.round(baseline);
      drawGlyph(g, style, ch, ox, oy);
      const b = inkBox(style, ch);
      out.push({ ch, box: [b[0] + ox, b[1] + oy, b[2] + ox, b[3] + oy] });
    }
    cx += spacing;
  }
  return out;
}

function flatStyle(fontKey: string, size: number, color: string, shadow: boolean): TextStyle {
  const layers: Layer[] = [];
  const d = Math.max(1, size * 0.03);
  if (shadow) layers.push({ dx: d, dy: d, alpha: 0.45, color: '#000' });
  layers.push({ dx: 0, dy: 0, alpha: 1, color });
  return { font: fontKey, size, layers, key: `flat${color}${shadow}` };
}
function embossStyle(
  rng: Rng,
  fontKey: string,
  size: number,
  metal: 'silver' | 'gold' | 'white' | 'dark',
): TextStyle {
  const d = Math.round(Math.max(1, size * rng.range(0.03, 0.06)) * 2) / 2;
  const stops: Record<string, string[]> = {
    silver: ['#f4f4f4', '#a9adb3', '#e9eaec', '#8d9096'],
    gold: ['#fbe7a1', '#c09a3a', '#f6df96', '#9c7826'],
    white: ['#ffffff', '#e6e6e6', '#ffffff', '#d9d9d9'],
    dark: ['#3a3a3a', '#1d1d1d', '#4a4a4a', '#111111'],
  };
  const face = (g: SKRSContext2D, _ox: number, oy: number, s: number): string => {
    const gr = g.createLinearGradient(0, oy - s * 0.8, 0, oy + s * 0.05);
    stops[metal].forEach((c, i) => gr.addColorStop(i / 3, c));
    return gr as unknown as string;
  };
  return {
    font: fontKey,
    size,
    key: `emb${metal}${d}`,
    layers: [
      { dx: d, dy: d, alpha: metal === 'dark' ? 0.5 : 0.85, color: metal === 'dark' ? '#000' : '#1a1a1a' },
      { dx: -d * 0.6, dy: -d * 0.6, alpha: 0.75, color: '#ffffff' },
      { dx: 0, dy: 0, alpha: 1, color: face },
    ],
  };
}

// ---------------------------------------------------------------- card designs

const BANKS = [
  'HELIX CREDIT UNION',
  'Kestrel Bank',
  'NORDVIK SPAREBANK',
  'Meridian Trust',
  'ALTAMONT SAVINGS',
  'Banca Corvina',
  'Tidewater Federal',
  'OKAPI BANK',
];
const NAMES = [
  'ADA K MORENO',
  'PRIYA NATARAJAN',
  'JONAS WEBER',
  'M O CONNELL',
  'CHEN XIAOMING',
  'FATIMA EL AMRANI',
  'LUCA ROSSI',
  'TOMASZ NOWAK',
];

function noiseLayer(
  g: SKRSContext2D,
  W: number,
  H: number,
  cells: number,
  color: () => string,
  alpha: number,
): void {
  const cw = Math.max(2, cells),
    ch = Math.max(2, Math.round((cells * H) / W));
  const s = createCanvas(cw, ch);
  const sg = s.getContext('2d');
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      sg.fillStyle = color();
      sg.fillRect(x, y, 1, 1);
    }
  g.save();
  g.globalAlpha = alpha;
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.drawImage(s, 0, 0, W, H);
  g.restore();
}
const hsl = (h: number, s: number, l: number, a = 1): string => `hsla(${h.toFixed(0)},${s}%,${l}%,${a})`;

// Fills the card background; returns whether the card is dark (light digits) or light.
function drawDesign(g: SKRSContext2D, rng: Rng, W: number, H: number, design: string): boolean {
  const hue = rng.range(0, 360);
  switch (design) {
    case 'stripes': {
      g.fillStyle = hsl(hue, 35, 82);
      g.fillRect(0, 0, W, H);
      g.save();
      g.translate(W / 2, H / 2);
      g.rotate(rng.range(-1, 1));
      for (let x = -W; x < W;) {
        const w = rng.range(0.02, 0.12) * W;
        g.fillStyle = hsl(hue + rng.range(-30, 30), 40, rng.range(70, 90), 0.8);
        g.fillRect(x, -W, w, 2 * W);
        x += w + rng.range(0.01, 0.08) * W;
      }
      g.restore();
      return false;
    }
    case 'geo': {
      g.fillStyle = hsl(hue, 30, 85);
      g.fillRect(0, 0, W, H);
      for (let i = 0; i < 40; i++) {
        g.fillStyle = hsl(hue + rng.range(-60, 60), 45, rng.range(60, 92), rng.range(0.25, 0.6));
        g.beginPath();
        for (let k = 0; k < 3; k++) g.lineTo(rng.range(-0.1, 1.1) * W, rng.range(-0.1, 1.1) * H);
        g.fill();
      }
      return false;
    }
    case 'halftone': {
      g.fillStyle = hsl(hue, 25, 90);
      g.fillRect(0, 0, W, H);
      const step = W / rng.range(40, 70);
      g.fillStyle = hsl(hue + 180, 45, 55, 0.55);
      for (let y = 0; y < H + step; y += step)
        for (let x = 0; x < W + step; x += step) {
          const r = step * 0.45 * (x / W) ** 1.5;
          if (r < 0.3) continue;
          g.beginPath();
          g.arc(x + ((y / step) % 2) * step * 0.5, y, r, 0, 7);
          g.fill();
        }
      return false;
    }
    case 'metal': {
      const gold = rng.chance(0.5);
      const gr = g.createLinearGradient(0, 0, W, H);
      const cs = gold
        ? ['#e9d7a0', '#c8ad62', '#f1e3b5', '#b89a4e']
        : ['#e6e8ea', '#b9bdc2', '#f2f3f4', '#a7abb1'];
      cs.forEach((c, i) => gr.addColorStop(i / 3, c));
      g.fillStyle = gr;
      g.fillRect(0, 0, W, H);
      for (let i = 0; i < 900; i++) {
        g.fillStyle = rng.chance(0.5) ? 'rgba(255,255,255,0.10)' : 'rgba(0,0,0,0.06)';
        g.fillRect(0, rng.range(0, H), W, rng.range(0.5, 2));
      }
      return false;
    }
    case 'solid': {
      g.fillStyle = hsl(hue, rng.range(50, 75), rng.range(28, 40));
      g.fillRect(0, 0, W, H);
      g.fillStyle = hsl(hue, 60, 55, 0.35);
      g.font = font('spartan', Math.round(H * 1.3));
      g.fillText(rng.pick(['K', 'H', 'M', 'O', 'N']), W * rng.range(0.35, 0.6), H * 1.05);
      return true;
    }
    case 'dark': {
      g.fillStyle = hsl(hue, rng.range(10, 40), rng.range(6, 14));
      g.fillRect(0, 0, W, H);
      for (let i = 0; i < 1200; i++) {
        g.fillStyle = rng.chance(0.5) ? 'rgba(255,255,255,0.035)' : 'rgba(0,0,0,0.08)';
        g.fillRect(0, rng.range(0, H), W, rng.range(0.5, 2));
      }
      g.strokeStyle = hsl(hue, 30, 35, 0.5);
      g.lineWidth = W * 0.004;
      for (let i = 0; i < 6; i++) {
        g.beginPath();
        g.arc(W * rng.range(0.6, 1.2), H * rng.range(-0.2, 1.2), W * rng.range(0.2, 0.6), 0, 7);
        g.stroke();
      }
      return true;
    }
    case 'busy': {
      const gr = g.createLinearGradient(0, rng.range(0, H), W, rng.range(0, H));
      for (let i = 0; i < 4; i++)
        gr.addColorStop(i / 3, hsl(hue + i * rng.range(40, 90), 80, rng.range(35, 55)));
      g.fillStyle = gr;
      g.fillRect(0, 0, W, H);
      noiseLayer(g, W, H, 9, () => hsl(rng.range(0, 360), 80, rng.range(30, 70)), 0.35);
      noiseLayer(g, W, H, 40, () => hsl(rng.range(0, 360), 60, rng.range(20, 80)), 0.15);
      for (let i = 0; i < 14; i++) {
        g.fillStyle = rng.chance(0.4)
          ? `rgba(255,255,255,${rng.range(0.15, 0.5)})`
          : hsl(rng.range(0, 360), 90, 60, 0.35);
        g.beginPath();
        g.ellipse(
          rng.range(0, W),
          rng.range(0, H),
          W * rng.range(0.03, 0.2),
          H * rng.range(0.03, 0.3),
          rng.range(0, 3),
          0,
          7,
        );
        g.fill();
      }
      return true;
    }
    case 'photo': {
      const sky = g.createLinearGradient(0, 0, 0, H);
      sky.addColorStop(0, hsl(hue, 55, 45));
      sky.addColorStop(1, hsl(hue + 40, 60, 70));
      g.fillStyle = sky;
      g.fillRect(0, 0, W, H);
      g.fillStyle = 'rgba(255,240,200,0.8)';
      g.beginPath();
      g.arc(W * rng.range(0.5, 0.9), H * rng.range(0.15, 0.4), H * 0.12, 0, 7);
      g.fill();
      for (let band = 0; band < 3; band++) {
        g.fillStyle = hsl(hue + 100 + band * 20, 35, 30 - band * 8, 0.9);
        g.beginPath();
        g.moveTo(0, H);
        for (let x = 0; x <= W; x += W / 24)
          g.lineTo(
            x,
            H * (0.45 + band * 0.15) +
              Math.sin((x / W) * 6 + band * 2 + hue) * H * 0.08 +
              rng.range(-1, 1) * H * 0.02,
          );
        g.lineTo(W, H);
        g.fill();
      }
      noiseLayer(g, W, H, 60, () => `rgba(${rng.int(0, 255)},${rng.int(0, 255)},${rng.int(0, 255)},1)`, 0.12);
      return true;
    }
  }
  throw new Error(design);
}

function roundRect(g: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}
function drawChip(g: SKRSContext2D, x: number, y: number, w: number, gold: boolean): void {
  const h = w * 0.78;
  const gr = g.createLinearGradient(x, y, x + w, y + h);
  gr.addColorStop(0, gold ? '#f0d98c' : '#dfe3e6');
  gr.addColorStop(1, gold ? '#b08d3c' : '#9aa1a7');
  g.fillStyle = gr;
  roundRect(g, x, y, w, h, w * 0.15);
  g.fill();
  g.strokeStyle = 'rgba(60,50,20,0.55)';
  g.lineWidth = Math.max(1, w * 0.025);
  g.beginPath();
  g.rect(x + w * 0.32, y + h * 0.25, w * 0.36, h * 0.5);
  for (const fy of [0.25, 0.5, 0.75]) {
    g.moveTo(x, y + h * fy);
    g.lineTo(x + w * 0.32, y + h * fy);
    g.moveTo(x + w * 0.68, y + h * fy);
    g.lineTo(x + w, y + h * fy);
  }
  g.stroke();
}
function drawContactless(g: SKRSContext2D, x: number, y: number, s: number, color: string): void {
  g.strokeStyle = color;
  g.lineWidth = Math.max(1, s * 0.09);
  for (let i = 1; i <= 3; i++) {
    g.beginPath();
    g.arc(x, y, s * 0.3 * i, -0.7, 0.7);
    g.stroke();
  }
}
function drawBrand(g: SKRSContext2D, brand: string, x: number, y: number, s: number, dark: boolean): void {
  // (x, y) is the bottom-right corner; s the mark height
  g.save();
  const ink = dark ? '#fff' : '#1a1f71';
  if (brand === 'visa') {
    g.font = font('uiItalic', Math.round(s));
    g.fillStyle = ink;
    g.textAlign = 'right';
    g.fillText('VISA', x, y);
  } else if (brand === 'mastercard') {
    const r = s * 0.5;
    g.fillStyle = '#eb001b';
    g.beginPath();
    g.arc(x - r * 2.6, y - r, r, 0, 7);
    g.fill();
    g.fillStyle = 'rgba(247,158,27,0.9)';
    g.beginPath();
    g.arc(x - r * 1.4, y - r, r, 0, 7);
    g.fill();
    g.font = font('ui', Math.round(s * 0.28));
    g.fillStyle = dark ? '#fff' : '#222';
    g.textAlign = 'right';
    g.fillText('mastercard', x - r * 0.4, y + s * 0.3);
  } else if (brand === 'amex') {
    g.fillStyle = '#2e77bc';
    g.fillRect(x - s * 1.6, y - s * 1.1, s * 1.6, s * 1.1);
    g.fillStyle = '#fff';
    g.font = font('uiBold', Math.round(s * 0.3));
    g.textAlign = 'center';
    g.fillText('AMERICAN', x - s * 0.8, y - s * 0.62);
    g.fillText('EXPRESS', x - s * 0.8, y - s * 0.22);
  } else if (brand === 'discover') {
    g.font = font('uiBold', Math.round(s * 0.55));
    g.fillStyle = ink;
    g.textAlign = 'right';
    g.fillText('DISC VER', x, y);
    const w = g.measureText('VER').width;
    g.fillStyle = '#f58220';
    g.beginPath();
    g.arc(x - w - s * 0.17, y - s * 0.2, s * 0.19, 0, 7);
    g.fill();
  } else {
    const cols = ['#e21836', '#00447c', '#007b84'];
    cols.forEach((c, i) => {
      g.fillStyle = c;
      g.beginPath();
      const x0 = x - s * (2.1 - i * 0.55);
      g.moveTo(x0 + s * 0.2, y - s);
      g.lineTo(x0 + s * 0.7, y - s);
      g.lineTo(x0 + s * 0.5, y);
      g.lineTo(x0, y);
      g.fill();
    });
    g.fillStyle = '#fff';
    g.font = font('uiBold', Math.round(s * 0.25));
    g.textAlign = 'right';
    g.fillText('UnionPay', x - s * 0.2, y - s * 0.35);
  }
  g.restore();
}
function text(
  g: SKRSContext2D,
  s: string,
  fk: string,
  px: number,
  x: number,
  y: number,
  color: string,
): void {
  g.font = font(fk, Math.max(4, Math.round(px)));
  g.fillStyle = color;
  g.textAlign = 'left';
  g.fillText(s, x, y);
}

// ---------------------------------------------------------------- card rendering

interface CardSpec {
  kind: string;
  side: 'front' | 'back';
  brand: string;
  number: string;
  groups: number[];
  vertical: boolean;
  design: string;
  fontKey: string;
  emboss: false | 'silver' | 'gold' | 'white' | 'dark';
  repeat: boolean;
  brackets: boolean;
  marker: boolean;
  frontCode: boolean; // Amex 4-digit code printed on the front
  backNumber: boolean; // a back with the full number printed small
  phone: string;
}
interface CardOut {
  canvas: Canvas;
  digits: LocalDigit[];
  sizePx: number; // number font size in card px
  cvv?: string;
}

function renderCard(rng: Rng, spec: CardSpec, L: number): CardOut {
  const W = spec.vertical ? Math.round(L / 1.586) : L;
  const H = spec.vertical ? L : Math.round(L / 1.586);
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  const R = Math.min(W, H) * 0.055;
  roundRect(g, 0, 0, W, H, R);
  g.save();
  g.clip();
  const design = spec.side === 'back' && spec.design === 'photo' ? 'stripes' : spec.design;
  const dark = drawDesign(g, rng, W, H, design);
  const ink = dark ? '#f5f5f5' : rng.pick(['#111', '#1b1f3b', '#2a2a2a']);
  const soft = dark ? 'rgba(255,255,255,0.85)' : 'rgba(20,20,30,0.85)';
  const digits: LocalDigit[] = [];
  const digitsOf = spec.number.replace(/\D/g, '');
  const N = digitsOf.length;
  const bank = rng.pick(BANKS);
  const S = Math.min(W, H); // short side
  let sizePx = 0;
  let cvv: string | undefined;

  const addRun = (
    runs: { ch: string; box: Box }[],
    role: (i: number) => Role,
    group: (i: number) => number,
    line: boolean,
  ): void =>
    runs.forEach((r, i) => digits.push({ char: r.ch, role: role(i), group: group(i), box: r.box, line }));

  if (spec.marker) {
    for (let i = 0; i < rng.int(4, 7); i++) {
      g.strokeStyle = rng.pick([
        'rgba(255,235,0,0.7)',
        'rgba(255,60,160,0.6)',
        'rgba(40,200,90,0.6)',
        'rgba(20,20,20,0.7)',
        'rgba(40,110,255,0.6)',
      ]);
      g.lineWidth = S * rng.range(0.03, 0.07);
      g.lineCap = 'round';
      g.beginPath();
      g.moveTo(rng.range(0, W), rng.range(0, H));
      g.bezierCurveTo(
        rng.range(0, W),
        rng.range(0, H),
        rng.range(0, W),
        rng.range(0, H),
        rng.range(0, W),
        rng.range(0, H),
      );
      g.stroke();
    }
  }

  if (spec.side === 'front') {
    text(
      g,
      bank,
      rng.pick(['uiBold', 'gothic', 'lato']),
      S * 0.085,
      W * 0.07,
      H * (spec.vertical ? 0.07 : 0.16),
      ink,
    );
    const chipW = S * 0.2;
    const chipX = W * 0.08,
      chipY = spec.vertical ? H * 0.14 : H * 0.3;
    drawChip(g, chipX, chipY, chipW, rng.chance(0.6));
    drawContactless(g, chipX + chipW * 1.6, chipY + chipW * 0.39, chipW * 0.5, soft);

    // number
    const fk = spec.fontKey;
    const groups = spec.groups;
    let size = Math.round(S * (spec.vertical ? rng.range(0.1, 0.13) : rng.range(0.085, 0.12)));
    const mkStyle = (sz: number): TextStyle =>
      spec.emboss ? embossStyle(rng, fk, sz, spec.emboss) : flatStyle(fk, sz, ink, rng.chance(0.3));
    let style = mkStyle(size);
    let adv = advanceOf(style) * (1 + rng.range(0.02, 0.2));
    const gapK = rng.range(0.6, 1.15);
    const lineW = (a: number): number =>
      spec.vertical
        ? Math.max(...groups) * a
        : groups.reduce((s, n) => s + n * a, 0) + (groups.length - 1) * a * gapK;
    const maxW = W * (spec.vertical ? 0.7 : 0.86);
    if (lineW(adv) > maxW) {
      size = Math.floor((size * maxW) / lineW(adv));
      style = mkStyle(size);
      adv = advanceOf(style) * 1.05;
    }
    sizePx = size;
    const last4From = N - 4;
    let k = 0;
    const groupBoxes: Box[] = [];
    if (spec.vertical) {
      const x0 = W * rng.range(0.1, 0.2);
      let base = H * rng.range(0.42, 0.47);
      groups.forEach((n, gi) => {
        const run = drawDigits(g, style, digitsOf.slice(k, k + n), x0, base, adv);
        const k0 = k;
        addRun(
          run,
          (i) => (k0 + i >= last4From ? 'keep' : 'hide'),
          () => gi,
          true,
        );
        groupBoxes.push(unionBox(run.map((r) => r.box)));
        k += n;
        base += size * rng.range(1.3, 1.5);
      });
    } else {
      const total = lineW(adv);
      const x0 = rng.chance(0.5) ? W * rng.range(0.06, 0.09) : (W - total) / 2;
      const base = H * rng.range(0.6, 0.66);
      let x = x0;
      groups.forEach((n, gi) => {
        const run = drawDigits(g, style, digitsOf.slice(k, k + n), x, base, adv);
        const k0 = k;
        addRun(
          run,
          (i) => (k0 + i >= last4From ? 'keep' : 'hide'),
          () => gi,
          true,
        );
        groupBoxes.push(unionBox(run.map((r) => r.box)));
        k += n;
        x += n * adv + adv * gapK;
      });
      if (spec.repeat) {
        const rs = Math.max(5, Math.round(size * rng.range(0.3, 0.42)));
        const rst = flatStyle(rng.pick(['ui', 'nimbusmono']), rs, soft, false);
        const run = drawDigits(
          g,
          rst,
          digitsOf.slice(0, 4),
          groupBoxes[0][0],
          groupBoxes[0][3] + rs * 1.25,
          advanceOf(rst) * 1.08,
        );
        addRun(
          run,
          () => 'hide',
          () => -1,
          false,
        );
      }
      if (spec.frontCode) {
        const rs = Math.max(6, Math.round(size * 0.45));
        const rst = flatStyle('uiBold', rs, soft, false);
        cvv = makeNumber(rng, 'visa', 5, true).slice(1);
        const gb = groupBoxes[groupBoxes.length - 1];
        const run = drawDigits(
          g,
          rst,
          cvv,
          gb[2] - advanceOf(rst) * 4.4,
          gb[1] - rs * 0.9,
          advanceOf(rst) * 1.1,
        );
        addRun(
          run,
          () => 'cvv',
          () => -1,
          false,
        );
      }
    }
    if (spec.brackets) {
      g.strokeStyle = soft;
      g.lineWidth = Math.max(1, size * 0.06);
      for (const b of groupBoxes) {
        const p = size * 0.25,
          t = size * 0.3;
        const [x0, y0, x1, y1] = [b[0] - p, b[1] - p, b[2] + p, b[3] + p];
        g.beginPath();
        g.moveTo(x0 + t, y0);
        g.lineTo(x0, y0);
        g.lineTo(x0, y1);
        g.lineTo(x0 + t, y1);
        g.moveTo(x1 - t, y0);
        g.lineTo(x1, y0);
        g.lineTo(x1, y1);
        g.lineTo(x1 - t, y1);
        g.stroke();
      }
    }
    // decoys: valid thru, name, member since, brand
    const lowest = Math.max(...digits.map((d) => d.box[3]));
    const vy = Math.max(lowest + S * 0.09, H * (spec.vertical ? 0.8 : 0.79));
    const mm = String(rng.int(1, 12)).padStart(2, '0');
    const yy = String(rng.int(26, 33));
    const vx = spec.vertical ? W * 0.1 : W * rng.range(0.35, 0.5);
    text(g, rng.pick(['VALID THRU', 'GOOD THRU', 'EXPIRES END']), 'ui', S * 0.035, vx, vy - S * 0.005, soft);
    text(g, `${mm}/${yy}`, 'uiBold', S * 0.065, vx + S * 0.25, vy, ink);
    if (rng.chance(0.4) && !spec.vertical)
      text(g, `MEMBER SINCE ${rng.int(1998, 2022)}`, 'ui', S * 0.035, W * 0.07, vy - S * 0.005, soft);
    text(
      g,
      rng.pick(NAMES),
      rng.pick(['uiBold', 'gothic']),
      S * 0.06,
      spec.vertical ? W * 0.1 : W * 0.07,
      vy + S * 0.11,
      ink,
    );
    drawBrand(g, spec.brand, W * 0.94, H * 0.93, S * (spec.brand === 'amex' ? 0.15 : 0.12), dark);
    if (rng.chance(0.5))
      text(
        g,
        rng.pick(['DEBIT', 'CREDIT', 'PLATINUM', 'Business']),
        'ui',
        S * 0.04,
        W * 0.7,
        H * (spec.vertical ? 0.07 : 0.16),
        soft,
      );
  } else {
    // back: stripe, signature panel with last four + code, optional small full number, phone, terms
    g.fillStyle = '#141414';
    g.fillRect(0, H * 0.07, W, H * 0.19);
    text(
      g,
      rng.pick(['AUTHORIZED SIGNATURE - NOT VALID UNLESS SIGNED', 'AUTHORISED SIGNATURE']),
      'ui',
      S * 0.026,
      W * 0.06,
      H * 0.345,
      soft,
    );
    const px0 = W * 0.06,
      py0 = H * 0.37,
      pw = W * rng.range(0.58, 0.66),
      ph = H * 0.15;
    g.fillStyle = '#f7f3e8';
    g.fillRect(px0, py0, pw, ph);
    g.save();
    g.beginPath();
    g.rect(px0, py0, pw, ph);
    g.clip();
    g.strokeStyle = rng.pick(['rgba(80,120,200,0.25)', 'rgba(200,120,60,0.25)']);
    g.lineWidth = 1;
    for (let x = -ph; x < pw; x += S * 0.02) {
      g.beginPath();
      g.moveTo(px0 + x, py0 + ph);
      g.lineTo(px0 + x + ph, py0);
      g.stroke();
    }
    g.restore();
    const ps = Math.round(ph * rng.range(0.42, 0.52));
    const pst: TextStyle = {
      font: rng.pick(['sig', 'uiItalic']),
      size: ps,
      layers: [{ dx: 0, dy: 0, alpha: 1, color: '#111' }],
      key: 'panel',
    };
    const padv = advanceOf(pst) * 1.02;
    cvv = makeNumber(rng, 'visa', 4, true).slice(1);
    const last4 = digitsOf.slice(-4);
    const pb = py0 + ph * 0.7;
    if (rng.chance(0.5)) {
      const run = drawDigits(g, pst, `${last4} ${cvv}`, px0 + pw - padv * 8.8, pb, padv);
      addRun(
        run,
        (i) => (i < 4 ? 'keep' : 'cvv'),
        () => -1,
        false,
      );
    } else {
      const run = drawDigits(g, pst, last4, px0 + pw - padv * 4.6, pb, padv);
      addRun(
        run,
        () => 'keep',
        () => -1,
        false,
      );
      g.fillStyle = '#ffffff';
      const bx = px0 + pw + W * 0.03;
      g.fillRect(bx, py0 + ph * 0.1, padv * 3.8, ph * 0.8);
      g.strokeStyle = '#c00';
      g.lineWidth = Math.max(1, S * 0.006);
      g.strokeRect(bx, py0 + ph * 0.1, padv * 3.8, ph * 0.8);
      const run2 = drawDigits(g, pst, cvv, bx + padv * 0.4, pb, padv);
      addRun(
        run2,
        () => 'cvv',
        () => -1,
        false,
      );
    }
    let y = H * 0.64;
    if (spec.backNumber) {
      const size = Math.round(S * rng.range(0.055, 0.075));
      sizePx = size;
      const st = spec.emboss
        ? embossStyle(rng, spec.fontKey, size, 'dark')
        : flatStyle(spec.fontKey, size, ink, false);
      const adv = advanceOf(st) * 1.06;
      let x = W * 0.06,
        k = 0;
      spec.groups.forEach((n, gi) => {
        const run = drawDigits(g, st, digitsOf.slice(k, k + n), x, y, adv);
        const k0 = k;
        addRun(
          run,
          (i) => (k0 + i >= N - 4 ? 'keep' : 'hide'),
          () => gi,
          true,
        );
        k += n;
        x += (n + 0.8) * adv;
      });
      y += S * 0.1;
    } else {
      sizePx = ps;
    }
    text(g, `Customer Service ${spec.phone}`, 'ui', S * 0.04, W * 0.06, y, soft);
    const terms = [
      `This card is the property of ${bank} and must be returned on request.`,
      'Use of this card is subject to the cardholder agreement. If found, please return',
      `to any branch or call ${spec.phone.replace(/^Call /, '')}. Outside the country call collect.`,
    ];
    terms.forEach((t, i) =>
      text(g, t, rng.pick(['ui', 'latoReg']), S * 0.024, W * 0.06, y + S * (0.06 + i * 0.035), soft),
    );
    // hologram
    const hg = g.createLinearGradient(W * 0.78, H * 0.7, W * 0.94, H * 0.9);
    ['#c0f', '#0cf', '#cf0', '#fc0'].forEach((cc, i) => hg.addColorStop(i / 3, cc));
    g.globalAlpha = 0.55;
    g.fillStyle = hg;
    g.fillRect(W * 0.78, H * 0.66, W * 0.16, H * 0.16);
    g.globalAlpha = 1;
    drawBrand(g, spec.brand, W * 0.94, H * 0.95, S * 0.08, dark);
  }
  g.restore();
  // edge
  g.strokeStyle = 'rgba(0,0,0,0.25)';
  g.lineWidth = Math.max(1, S * 0.004);
  roundRect(g, 0.5, 0.5, W - 1, H - 1, R);
  g.stroke();
  return { canvas: c, digits, sizePx, cvv };
}
function unionBox(bs: Box[]): Box {
  return [
    Math.min(...bs.map((b) => b[0])),
    Math.min(...bs.map((b) => b[1])),
    Math.max(...bs.map((b) => b[2])),
    Math.max(...bs.map((b) => b[3])),
  ];
}

// ---------------------------------------------------------------- photo background

function drawTable(g: SKRSContext2D, rng: Rng, W: number, H: number, kind: string): void {
  const hue = rng.range(0, 360);
  if (kind === 'granite') {
    g.fillStyle = hsl(hue, 8, rng.range(45, 65));
    g.fillRect(0, 0, W, H);
    noiseLayer(g, W, H, 30, () => hsl(hue, 10, rng.range(30, 75)), 0.4);
    const n = Math.min(30000, (W * H) / 300);
    for (let i = 0; i < n; i++) {
      g.fillStyle = rng.chance(0.5) ? 'rgba(20,20,20,0.5)' : 'rgba(240,240,240,0.5)';
      g.fillRect(rng.range(0, W), rng.range(0, H), rng.range(1, 3), rng.range(1, 3));
    }
  } else if (kind === 'linen') {
    g.fillStyle = hsl(rng.range(30, 50), 25, rng.range(70, 82));
    g.fillRect(0, 0, W, H);
    g.fillStyle = 'rgba(0,0,0,0.05)';
    for (let y = 0; y < H; y += rng.range(2, 5)) g.fillRect(0, y, W, 1);
    for (let x = 0; x < W; x += rng.range(2, 5)) g.fillRect(x, 0, 1, H);
    noiseLayer(g, W, H, 12, () => hsl(40, 20, rng.range(50, 90)), 0.2);
  } else if (kind === 'slate') {
    g.fillStyle = hsl(hue, 10, 18);
    g.fillRect(0, 0, W, H);
    noiseLayer(g, W, H, 8, () => hsl(hue, 12, rng.range(8, 30)), 0.7);
    noiseLayer(g, W, H, 80, () => hsl(hue, 10, rng.range(10, 35)), 0.25);
  } else if (kind === 'gingham') {
    g.fillStyle = '#f4f1ea';
    g.fillRect(0, 0, W, H);
    const step = Math.max(W, H) / rng.range(12, 25);
    g.fillStyle = hsl(rng.pick([0, 210, 130]), 55, 45, 0.35);
    g.save();
    g.translate(W / 2, H / 2);
    g.rotate(rng.range(-0.4, 0.4));
    for (let x = -2 * W; x < 2 * W; x += step * 2) g.fillRect(x, -2 * H, step, 4 * H);
    for (let y = -2 * H; y < 2 * H; y += step * 2) g.fillRect(-2 * W, y, 4 * W, step);
    g.restore();
  } else {
    // desk with a receipt (digit decoys on the table)
    g.fillStyle = hsl(hue, 6, rng.range(78, 90));
    g.fillRect(0, 0, W, H);
    noiseLayer(g, W, H, 6, () => hsl(hue, 6, rng.range(70, 92)), 0.5);
    const s = Math.max(W, H);
    g.save();
    g.translate(W * rng.range(0.1, 0.9), H * rng.range(0.1, 0.9));
    g.rotate(rng.range(-0.6, 0.6));
    g.fillStyle = '#fffdf8';
    g.fillRect(0, 0, s * 0.25, s * 0.5);
    const px = Math.max(6, Math.round(s * 0.012));
    const lines = [
      'CORNER CAFE',
      'TABLE 12',
      `CAPPUCCINO   ${rng.int(2, 5)}.40`,
      `BAGEL       ${rng.int(2, 6)}.95`,
      'SUBTOTAL    9.35',
      'TOTAL      10.19',
      'THANK YOU',
    ];
    lines.forEach((t, i) => text(g, t, 'nimbusmono', px, s * 0.015, s * 0.04 + i * px * 1.8, '#333'));
    g.restore();
  }
}

// ---------------------------------------------------------------- the plan

interface Plan {
  kind: string;
  rot?: number;
  opts?: Partial<CardSpec> & { tiny?: boolean; large?: boolean; cut?: number; tilt3d?: number };
}
function makePlan(rng: Rng, count: number): Plan[] {
  const p: Plan[] = [];
  const add = (n: number, kind: string, f?: (i: number) => Partial<Plan>): void => {
    for (let i = 0; i < n; i++) p.push({ kind, ...(f ? f(i) : {}) });
  };
  add(10, 'flat', (i) => (i === 3 ? { rot: 40 } : i === 7 ? { rot: -38 } : {}));
  add(8, 'emboss', (i) =>
    i === 2 ? { rot: 110, opts: { tilt3d: 25 } } : i % 3 === 0 ? { opts: { tilt3d: 30 } } : {},
  );
  add(6, 'white');
  add(5, 'vertical', (i) => (i === 1 ? { opts: { brackets: true } } : {}));
  add(5, 'amex', (i) =>
    i === 1 ? { opts: { frontCode: true } } : i % 2 === 0 && i < 4 ? { opts: { marker: true } } : {},
  );
  add(4, 'long19');
  add(10, 'back', (i) => ({ opts: { backNumber: i % 5 < 3 } }));
  add(4, 'cut', (i) => ({ opts: { cut: i % 2 === 0 ? 11 : 12 } }));
  add(5, 'tiny', () => ({ opts: { tiny: true } }));
  add(3, 'large', () => ({ opts: { large: true } }));
  // extra images beyond 60 cycle through the same kinds
  while (p.length < count) p.push({ ...p[Math.floor(rng.next() * 60)] });
  return p.slice(0, count);
}
const ROT_CYCLE = [
  'small',
  'mid',
  'small',
  'right',
  'steep',
  'any',
  'small',
  'mid',
  'steep',
  'small',
  'right',
  'any',
  'mid',
  'small',
  'steep',
];
function rotation(rng: Rng, cat: string): number {
  const sgn = rng.chance(0.5) ? 1 : -1;
  switch (cat) {
    case 'small':
      return rng.range(-8, 8);
    case 'mid':
      return sgn * rng.range(30, 60);
    case 'right':
      return rng.pick([90, 180, 270]) + rng.range(-2, 2);
    case 'steep':
      return sgn * rng.range(100, 130);
    default:
      return rng.range(0, 360);
  }
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** A drawn card the frame cannot cut cleanly (no gap between two digits at the cut): drawn again. */
class LayoutError extends Error {}
/** Draws of one photo tried before the set is given up: a layout rarely fails twice. */
const MAX_ATTEMPTS = 5;

async function makeOne(seed: number, idx: number, plan: Plan, outDir: string, attempt = 0): Promise<string> {
  // Attempt 0 is the photo every earlier version of this script drew; later attempts draw anew.
  const rng = new Rng(seed * 1000003 + idx * 7919 + 17 + attempt * 104729);
  const o = plan.opts ?? {};
  const kind = plan.kind;
  const side: 'front' | 'back' = kind === 'back' ? 'back' : 'front';
  const brand =
    kind === 'amex'
      ? 'amex'
      : kind === 'long19'
        ? rng.pick(['unionpay', 'visa', 'discover'])
        : rng.pick(['visa', 'visa', 'mastercard', 'mastercard', 'discover', 'unionpay']);
  const len = brand === 'amex' ? 15 : kind === 'long19' ? 19 : 16;
  const groups = brand === 'amex' ? [4, 6, 5] : len === 19 ? [4, 4, 4, 4, 3] : [4, 4, 4, 4];
  const luhn = rng.chance(0.85);
  const num = makeNumber(rng, brand, len, luhn);
  let k = 0;
  const number = groups.map((n) => num.slice(k, (k += n))).join(' ');

  const fontsFor: Record<string, string[]> = {
    flat: ['inconsolata', 'jetbrains', 'anonpro', 'lato', 'urwgothic', 'comic', 'spartan', 'sansnarrow'],
    emboss: ['nimbusmono', 'freemono', 'bookman', 'jetbrains', 'anonpro'],
    white: ['lato', 'spartan', 'urwgothic', 'jetbrains', 'inconsolata'],
    vertical: ['spartan', 'lato', 'urwgothic', 'jetbrains', 'comic'],
    amex: ['nimbusmono', 'freemono', 'inconsolata', 'anonpro'],
    long19: ['p052', 'sansnarrow', 'lato', 'bookman'],
    back: ['inconsolata', 'nimbusmono', 'anonpro', 'lato'],
  };
  const fontKey = rng.pick(fontsFor[kind] ?? Object.values(fontsFor).flat());
  let design: string;
  let emboss: CardSpec['emboss'] = false;
  if (kind === 'emboss') {
    design = rng.pick(['dark', 'dark', 'solid', 'metal']);
    emboss = design === 'metal' ? 'dark' : rng.pick(['silver', 'gold', 'silver', 'white']);
  } else if (kind === 'white') design = rng.pick(['busy', 'busy', 'photo']);
  else if (kind === 'amex') {
    design = rng.pick(['metal', 'halftone', 'dark', 'geo']);
    emboss = rng.chance(0.6) ? (design === 'dark' ? 'silver' : 'dark') : false;
  } else {
    design = rng.pick(['stripes', 'geo', 'halftone', 'metal', 'solid', 'dark', 'busy', 'photo']);
    if (rng.chance(0.3) && kind !== 'back')
      emboss = ['dark', 'solid', 'busy', 'photo'].includes(design) ? 'silver' : 'dark';
  }
  const spec: CardSpec = {
    kind,
    side,
    brand,
    number,
    groups,
    vertical: kind === 'vertical',
    design,
    fontKey,
    emboss,
    repeat: side === 'front' && kind !== 'vertical' && kind !== 'amex' && rng.chance(0.3),
    brackets: false,
    marker: false,
    frontCode: false,
    backNumber: false,
    phone: `1-800-711-${String(rng.int(1000, 9999))}`,
    ...o,
  };
  if (side === 'back')
    spec.phone = rng.pick([
      `1-800-711-${rng.int(1000, 9999)}`,
      `1 (800) 711-${rng.int(1000, 9999)}`,
      `+1 800 711 ${rng.int(100, 999)} ${rng.int(100, 999)}`,
      `0800 711 ${rng.int(100, 999)}`,
    ]);

  // sizes: cardPx = the card's long side in the photo
  const cardPx = o.tiny ? rng.range(290, 340) : o.large ? rng.range(1900, 2400) : rng.range(560, 1350);
  const L = Math.round(cardPx * rng.range(1.0, 1.25));
  const card = renderCard(rng, spec, L);
  const CW = card.canvas.width,
    CH = card.canvas.height;
  const sc = cardPx / L;

  // pose: 3D tilt (perspective), then in-plane turn
  const cut = o.cut;
  const rot = cut ? rng.range(-3, 3) : (plan.rot ?? rotation(rng, ROT_CYCLE[idx % ROT_CYCLE.length]));
  const tiltMax = cut ? 6 : (o.tilt3d ?? 18);
  const rx = (rng.range(-1, 1) * tiltMax * Math.PI) / 180,
    ry = (rng.range(-1, 1) * tiltMax * Math.PI) / 180;
  const f = cardPx * rng.range(1.5, 3);
  const th = (rot * Math.PI) / 180;
  const quad0: Pt[] = boxCorners([0, 0, CW, CH]).map(([u, v]) => {
    const X = (u - CW / 2) * sc,
      Y = (v - CH / 2) * sc;
    // rotate about x (tilt up/down) then y
    const Y1 = Y * Math.cos(rx),
      Z1 = Y * Math.sin(rx);
    const X2 = X * Math.cos(ry) + Z1 * Math.sin(ry),
      Z2 = -X * Math.sin(ry) + Z1 * Math.cos(ry);
    const px = (f * X2) / (f + Z2),
      py = (f * Y1) / (f + Z2);
    return [px * Math.cos(th) - py * Math.sin(th), px * Math.sin(th) + py * Math.cos(th)];
  });
  const qx = quad0.map((p) => p[0]),
    qy = quad0.map((p) => p[1]);
  const bw = Math.max(...qx) - Math.min(...qx),
    bh = Math.max(...qy) - Math.min(...qy);
  let ml: number, mr: number, mt: number, mb: number;
  if (o.large) {
    const pw = Math.max(3000, bw + 200),
      ph = Math.max(Math.round(pw * rng.pick([0.75, 1.333, 0.5625])), bh + 200);
    ml = rng.range(0.2, 0.8) * (pw - bw);
    mr = pw - bw - ml;
    mt = rng.range(0.2, 0.8) * (ph - bh);
    mb = ph - bh - mt;
  } else {
    const m = (): number => cardPx * rng.range(o.tiny ? 0.05 : 0.06, o.tiny ? 0.4 : 0.45);
    [ml, mr, mt, mb] = [m(), m(), m(), m()];
  }
  const offX = ml - Math.min(...qx),
    offY = mt - Math.min(...qy);
  const quad = quad0.map(([x, y]) => [x + offX, y + offY] as Pt);
  const Hm = solveHomography(boxCorners([0, 0, CW, CH]), quad);
  let PW = Math.round(bw + ml + mr);
  const PH = Math.round(bh + mt + mb);

  let digits = card.digits.map((d) => {
    const poly = boxCorners(d.box).map(([x, y]) => applyH(Hm, x, y));
    return { ...d, poly };
  });
  if (cut) {
    const line = digits.filter((d) => d.line);
    const maxX = (d: (typeof digits)[0]): number => Math.max(...d.poly.map((p) => p[0]));
    const minX = (d: (typeof digits)[0]): number => Math.min(...d.poly.map((p) => p[0]));
    const a = maxX(line[cut - 1]),
      b = minX(line[cut]);
    if (b <= a + 1) throw new LayoutError(`cut ${idx}: no gap between digits ${cut - 1} and ${cut}`);
    PW = Math.round((a + b) / 2);
    const straddle = digits.filter((d) => minX(d) < PW && maxX(d) > PW);
    if (straddle.length) throw new LayoutError(`cut ${idx}: a digit straddles the frame edge`);
    digits = digits.filter((d) => maxX(d) <= PW);
    // the real last four are out of frame: everything left of the cut is hidden
    digits = digits.map((d) => (d.role === 'keep' ? { ...d, role: 'hide' as Role } : d));
  }

  // render the photo
  const photo = createCanvas(PW, PH);
  const g = photo.getContext('2d');
  const table = rng.pick(['granite', 'linen', 'slate', 'gingham', 'desk']);
  drawTable(g, rng, PW, PH, table);
  // card shadow
  g.save();
  g.filter = `blur(${Math.max(2, cardPx * 0.012).toFixed(1)}px)`;
  g.fillStyle = 'rgba(0,0,0,0.45)';
  const sdx = cardPx * rng.range(-0.01, 0.02),
    sdy = cardPx * rng.range(0.005, 0.025);
  g.beginPath();
  quad.forEach(([x, y]) => g.lineTo(x + sdx, y + sdy));
  g.fill();
  g.restore();
  const img = g.getImageData(0, 0, PW, PH);
  const cimg = card.canvas.getContext('2d').getImageData(0, 0, CW, CH);
  warpInto(img.data, PW, PH, cimg.data, CW, CH, Hm);
  g.putImageData(img, 0, 0);

  // shade, glare
  const shade = rng.chance(0.5);
  if (shade) {
    const gr = g.createLinearGradient(rng.range(0, PW), 0, rng.range(0, PW), PH);
    gr.addColorStop(0, 'rgba(0,0,0,0)');
    gr.addColorStop(1, `rgba(0,0,0,${rng.range(0.15, 0.4).toFixed(2)})`);
    g.fillStyle = gr;
    g.fillRect(0, 0, PW, PH);
  }
  const glare = rng.chance(0.35);
  if (glare) {
    for (let i = 0; i < rng.int(1, 2); i++) {
      const onNum = rng.chance(0.5) && digits.length > 0;
      const at = onNum
        ? rng.pick(digits).poly[0]
        : applyH(Hm, rng.range(0.1, 0.9) * CW, rng.range(0.1, 0.9) * CH);
      const rad = cardPx * rng.range(0.05, 0.18);
      const gr = g.createRadialGradient(at[0], at[1], 0, at[0], at[1], rad);
      gr.addColorStop(0, `rgba(255,255,255,${rng.range(0.55, 0.8).toFixed(2)})`);
      gr.addColorStop(0.35, 'rgba(255,255,255,0.35)');
      gr.addColorStop(1, 'rgba(255,255,255,0)');
      g.fillStyle = gr;
      g.fillRect(0, 0, PW, PH);
    }
  }
  // blur
  const blur = rng.chance(0.45) ? rng.range(0.4, o.tiny ? 0.8 : Math.max(0.8, cardPx / 700)) : 0;
  let out: Canvas = photo;
  if (blur > 0) {
    out = createCanvas(PW, PH);
    const og = out.getContext('2d');
    og.filter = `blur(${blur.toFixed(2)}px)`;
    og.drawImage(photo, 0, 0);
  }
  // noise
  const noise = rng.range(1.5, o.tiny ? 6 : 12);
  {
    const og = out.getContext('2d');
    const d = og.getImageData(0, 0, PW, PH);
    const a = d.data;
    for (let i = 0; i < a.length; i += 4) {
      const n = rng.gauss() * noise;
      const nc = noise * 0.3;
      a[i] += n + rng.gauss() * nc;
      a[i + 1] += n + rng.gauss() * nc;
      a[i + 2] += n + rng.gauss() * nc;
    }
    og.putImageData(d, 0, 0);
  }
  const png = !o.large && rng.chance(0.25);
  const quality = png ? null : Math.round(rng.range(55, 92));
  const id = `hx-${String(idx).padStart(3, '0')}-${kind}-${side}`;
  const file = `${id}.${png ? 'png' : 'jpg'}`;
  const buf = png ? await out.encode('png') : await out.encode('jpeg', quality ?? 85);
  fs.writeFileSync(path.join(outDir, file), buf);

  const gt = {
    file,
    width: PW,
    height: PH,
    brand,
    number,
    tier: 'heldout',
    side,
    style: {
      kind,
      font: fontKey,
      size: Math.round(card.sizePx * sc),
      emboss: !!emboss,
      metal: emboss || undefined,
      design,
      table,
      layout: spec.vertical ? 'vertical-stacked' : 'horizontal',
      groups,
      luhn,
      rotationDeg: r1(rot),
      tiltDeg: [r1((rx * 180) / Math.PI), r1((ry * 180) / Math.PI)],
      scale: Number(sc.toFixed(3)),
      cardPx: Math.round(cardPx),
      repeat: spec.repeat || undefined,
      brackets: spec.brackets || undefined,
      marker: spec.marker || undefined,
      frontCode: spec.frontCode || undefined,
      backNumber: side === 'back' ? spec.backNumber : undefined,
      phone: side === 'back' ? spec.phone : undefined,
      cutAfter: cut,
      shade,
      glare,
      blur: r1(blur) || undefined,
      noise: r1(noise),
      jpegQuality: quality ?? undefined,
    },
    digits: digits.map((d) => {
      const poly = d.poly.map(([x, y]) => [r1(x), r1(y)] as Pt);
      const xs = poly.map((p) => p[0]),
        ys = poly.map((p) => p[1]);
      return {
        char: d.char,
        role: d.role,
        group: d.group,
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        poly,
      };
    }),
  };
  fs.writeFileSync(path.join(outDir, `${id}.json`), JSON.stringify(gt, null, 1) + '\n');
  return `${file} ${PW}x${PH} ${kind} ${brand} rot=${r1(rot)} digits=${digits.length}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const opt = (name: string, def: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  if (!outDir) {
    console.error('usage: node --import tsx bench/heldout/make-cards.ts OUT_DIR [--seed N] [--count N]');
    process.exit(2);
  }
  const seed = opt('--seed', 1),
    count = opt('--count', 60);
  registerFonts();
  fs.mkdirSync(outDir, { recursive: true });
  const plan = makePlan(new Rng(seed), count);
  for (let i = 0; i < plan.length; i++)
    for (let attempt = 0; ; attempt++) {
      try {
        console.log(await makeOne(seed, i, plan[i], outDir, attempt));
        break;
      } catch (e) {
        if (!(e instanceof LayoutError) || attempt + 1 >= MAX_ATTEMPTS) throw e;
        console.error(`${(e as Error).message}: drawing photo ${i} again`);
      }
    }
}
await main();
