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

/** What each colour of the picture stands for, in the legend under the photo. */
const LEGEND: readonly { colour: string; label: string; dash?: boolean; fill?: boolean }[] = [
  { colour: COLOURS.learned, label: 'line (text detector)' },
  { colour: COLOURS.blobs, label: 'line (blob chaining)' },
  { colour: COLOURS.stack, label: 'stacked groups' },
  { colour: COLOURS['repeat-strip'], label: 'strip searched for the small repeat', dash: true },
  { colour: COLOURS.read, label: 'crop read (number: the list below)' },
  { colour: COLOURS.glyph, label: 'glyph of a finding' },
  { colour: COLOURS.mask, label: 'mask', fill: true },
];

/** One read's line in the list under the photo: "3 L repeat: 6225 -> 6225", "4 T: 4000 1234". */
export function readLabel(r: DetectTrace['reads'][number], index: number): string {
  const reader = r.reader === 'learned' ? 'L' : 'T';
  const what = r.stage ? `${reader} ${r.stage}: ${r.text} -> ${r.run || 'none'}` : `${reader}: ${r.text}`;
  return `${index + 1} ${what}`.slice(0, 100);
}

/**
 * Writes `<dir>/<name>.trace.png` and `<dir>/<name>.trace.json`. The picture is the photo (source
 * pixels, at (0, 0)) with the drawing over it, each crop read numbered at its corner; under it a
 * legend of the colours, every read in order by its number (L the learned recognizer, T Tesseract),
 * and the findings. Labels stay inside the picture, however small the photo.
 */
export async function writeTrace(
  dir: string,
  name: string,
  image: RgbaImage,
  trace: DetectTrace,
  findings: readonly Finding[],
  masks: readonly Mask[],
): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const unit = Math.max(1, Math.round(Math.max(image.width, image.height) / 800));
  const lineHeight = 14 * unit;
  const listed = [
    ...trace.reads.map(readLabel),
    ...findings.map((f) =>
      `${f.id}: ${f.text}${f.notes?.length ? ` (${f.notes.join('; ')})` : ''}`.slice(0, 140),
    ),
  ];
  const width = Math.max(image.width, 480 * unit);
  const height = image.height + lineHeight * (LEGEND.length + listed.length + 1);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.data);
  ctx.putImageData(data, 0, 0);
  // Dim the photo so the drawing stands out.
  ctx.fillStyle = 'rgba(255,255,255,0.35)';
  ctx.fillRect(0, 0, image.width, image.height);
  // The strips a stage searched on its own, dashed; the lines found in them in the stage's colour.
  for (const a of trace.areas) quad(ctx, a.corners, COLOURS[a.stage], 2 * unit, [6 * unit, 4 * unit]);
  for (const l of trace.lines) quad(ctx, l.corners, COLOURS[l.from], 2 * unit);
  ctx.font = `${10 * unit}px sans-serif`;
  trace.reads.forEach((r, i) => {
    quad(ctx, r.corners, COLOURS.read, unit);
    // The read's number at the crop's lower-left corner, kept inside the photo.
    const label = String(i + 1);
    const x = Math.min(Math.max(0, r.corners[3].x), image.width - ctx.measureText(label).width);
    const y = Math.min(Math.max(10 * unit, r.corners[3].y + 10 * unit), image.height);
    ctx.fillStyle = COLOURS.read;
    ctx.fillText(label, x, y);
  });
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
  // Under the photo: the legend, then the reads and the findings.
  ctx.font = `${11 * unit}px sans-serif`;
  let y = image.height + lineHeight;
  for (const { colour, label, dash, fill } of LEGEND) {
    const swatch: Quad = [
      { x: 4 * unit, y: y - 9 * unit },
      { x: 28 * unit, y: y - 9 * unit },
      { x: 28 * unit, y: y - unit },
      { x: 4 * unit, y: y - unit },
    ];
    quad(ctx, swatch, colour, 2 * unit, dash ? [4 * unit, 3 * unit] : []);
    if (fill) {
      ctx.fillStyle = colour;
      ctx.fillRect(4 * unit, y - 9 * unit, 24 * unit, 8 * unit);
    }
    ctx.fillStyle = '#000000';
    ctx.fillText(label, 34 * unit, y);
    y += lineHeight;
  }
  for (const text of listed) {
    ctx.fillText(text, 4 * unit, y);
    y += lineHeight;
  }
  await fs.writeFile(path.join(dir, `${name}.trace.png`), await canvas.encode('png'));
  const json = {
    lines: trace.lines,
    reads: trace.reads,
    areas: trace.areas,
    findings: findings.map((f) => ({ id: f.id, kind: f.kind, text: f.text, notes: f.notes })),
  };
  await fs.writeFile(path.join(dir, `${name}.trace.json`), `${JSON.stringify(json, null, 1)}\n`);
}
