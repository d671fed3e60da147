// `lastfour redact --trace DIR`: per image, a picture of what the card detector saw (candidate lines by
// the stage that proposed them, each crop read and what was read, the findings' glyphs and the masks,
// the strip searched for the small repeat of a number's first four, dashed, and what the repeat and
// security code stages read and took) and the same as JSON. A failure is looked at, not guessed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { DetectTrace } from '../engine/detect/trace';
import type { Finding, Mask, Quad, RgbaImage } from '../engine/types';

const COLOURS = {
  learned: '#1e88e5',
  blobs: '#fb8c00',
  stack: '#8e24aa',
  'repeat-strip': '#00897b',
  read: 'rgba(0,0,0,0.55)',
  glyph: '#43a047',
  mask: 'rgba(229,57,53,0.35)',
};

function quad(ctx: SKRSContext2D, q: Quad, colour: string, width: number, dash: number[] = []) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(q[0].x, q[0].y);
  for (const p of q.slice(1)) ctx.lineTo(p.x, p.y);
  ctx.closePath();
  ctx.stroke();
}

/** Writes `<dir>/<name>.trace.png` and `<dir>/<name>.trace.json`. */
export async function writeTrace(
  dir: string,
  name: string,
  image: RgbaImage,
  trace: DetectTrace,
  findings: readonly Finding[],
  masks: readonly Mask[],
): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.data);
  ctx.putImageData(data, 0, 0);
  // Dim the photo so the drawing stands out.
  ctx.fillStyle = 'rgba(255,255,255,0.35)';
  ctx.fillRect(0, 0, image.width, image.height);
  const unit = Math.max(1, Math.round(Math.max(image.width, image.height) / 800));
  // The strips a stage searched on its own, dashed; the lines found in them in the stage's colour.
  for (const a of trace.areas) quad(ctx, a.corners, COLOURS[a.stage], 2 * unit, [6 * unit, 4 * unit]);
  for (const l of trace.lines) quad(ctx, l.corners, COLOURS[l.from], 2 * unit);
  ctx.font = `${10 * unit}px sans-serif`;
  for (const r of trace.reads) {
    quad(ctx, r.corners, COLOURS.read, unit);
    ctx.fillStyle = COLOURS.read;
    // "L repeat: 6225 -> 6225": the repeat and code stages' reads say what they took.
    const reader = r.reader === 'learned' ? 'L' : 'T';
    const label = r.stage ? `${reader} ${r.stage}: ${r.text} -> ${r.run || 'none'}` : `${reader}: ${r.text}`;
    ctx.fillText(label.slice(0, 60), r.corners[3].x, r.corners[3].y + 10 * unit);
  }
  for (const m of masks) {
    ctx.save();
    ctx.translate(m.x, m.y);
    ctx.rotate((m.rotation * Math.PI) / 180);
    ctx.fillStyle = COLOURS.mask;
    ctx.fillRect(0, 0, m.width, m.height);
    ctx.restore();
  }
  // Each finding's glyphs; the mask fill above shows which are hidden.
  for (const f of findings) for (const g of f.glyphs) quad(ctx, g, COLOURS.glyph, unit);
  await fs.writeFile(path.join(dir, `${name}.trace.png`), await canvas.encode('png'));
  const json = {
    lines: trace.lines,
    reads: trace.reads,
    areas: trace.areas,
    findings: findings.map((f) => ({ id: f.id, kind: f.kind, text: f.text, notes: f.notes })),
  };
  await fs.writeFile(path.join(dir, `${name}.trace.json`), `${JSON.stringify(json, null, 1)}\n`);
}
