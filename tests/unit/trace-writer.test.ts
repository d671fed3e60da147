// `lastfour redact --trace DIR`: the picture and JSON of what the card detector saw, here the strip a
// stage searched on its own (the small repeat's) and a read of the repeat stage, labelled as such.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readLabel, writeTrace } from '../../src/cli/trace';
import { newTrace } from '../../src/engine/detect/trace';
import type { Quad } from '../../src/engine/types';

const box = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

describe('writeTrace', () => {
  it('draws the repeat strip searched and writes it, with the repeat reads, to the JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastfour-trace-'));
    const image = { width: 200, height: 100, data: new Uint8ClampedArray(200 * 100 * 4).fill(255) };
    const trace = newTrace();
    trace.areas.push({ corners: box(20, 30, 180, 80), stage: 'repeat-strip' });
    trace.reads.push({
      corners: box(30, 50, 90, 70),
      reader: 'learned',
      text: '5412',
      run: '5412',
      stage: 'repeat',
    });
    await writeTrace(dir, 'card', image, trace, [], []);

    const json = JSON.parse(fs.readFileSync(path.join(dir, 'card.trace.json'), 'utf8'));
    expect(json.areas).toEqual(trace.areas);
    expect(json.reads[0]).toMatchObject({ stage: 'repeat', run: '5412' });
    // The strip's outline is drawn in its stage's colour (teal: green and blue well above red) along
    // its top edge, and nowhere in the middle of the strip.
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, 'card.trace.png')));
    const teal = (x: number, y: number) => {
      const i = (y * png.width + x) * 4;
      return png.data[i + 1] - png.data[i] > 60 && png.data[i + 2] - png.data[i] > 40;
    };
    const topEdge = Array.from({ length: 160 }, (_, k) => teal(20 + k, 30)).filter(Boolean).length;
    expect(topEdge).toBeGreaterThan(40);
    expect(teal(150, 45)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('numbers each read at its crop and lists them under the photo, after a legend of the colours', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastfour-trace-'));
    const image = { width: 200, height: 100, data: new Uint8ClampedArray(200 * 100 * 4).fill(255) };
    const trace = newTrace();
    // The second crop reaches past the photo's right edge: its number is drawn inside the photo.
    trace.reads.push({ corners: box(10, 10, 90, 30), reader: 'learned', text: '4000 1234', run: '40001234' });
    trace.reads.push({ corners: box(150, 60, 260, 80), reader: 'tesseract', text: 'VALID', run: '' });
    await writeTrace(dir, 'card', image, trace, [], []);

    expect(readLabel(trace.reads[0], 0)).toBe('1 L: 4000 1234');
    expect(readLabel(trace.reads[1], 1)).toBe('2 T: VALID');
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, 'card.trace.png')));
    // The photo at the top, as wide as the list needs, and below it the legend and the two reads.
    expect(png.height).toBeGreaterThan(image.height + 8 * 14);
    expect(png.width).toBeGreaterThanOrEqual(image.width);
    const dark = (y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++)
        for (let x = 0; x < png.width; x++) if (png.data[(y * png.width + x) * 4] < 100) n++;
      return n;
    };
    expect(dark(image.height, png.height)).toBeGreaterThan(200);
    // The last rows of the list (the second read's line) hold text.
    expect(dark(png.height - 2 * 14, png.height)).toBeGreaterThan(10);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
