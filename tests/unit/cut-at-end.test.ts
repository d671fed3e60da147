// Whether the frame cuts a number: a scan cropped to the card shows the card's ground between the
// last group and the edge, and the number ends there; print that runs into the edge is cut.
import { describe, expect, it } from 'vitest';
import { cutAtEnd } from '../../src/engine/detect/card-numbers';
import type { Slot } from '../../src/engine/detect/number-run';
import type { LineCrop } from '../../src/engine/detect/read-line';
import type { GrayImage } from '../../src/engine/types';

const PITCH = 20;
const x = (i: number) => 10 + i * PITCH + Math.floor(i / 4) * PITCH;

/** A card filling the frame, `width` wide, with 16 glyphs (14 x 24 px, 4-4-4-4); ground `ground`. */
function scan(width: number, ground: (x: number) => number): { crop: LineCrop; slots: Slot[] } {
  const height = 60;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let c = 0; c < width; c++) data[y * width + c] = ground(c);
  const slots: Slot[] = [];
  for (let i = 0; i < 16; i++) {
    for (let y = 18; y < 42; y++)
      for (let c = x(i); c < x(i) + 14 && c < width; c++) data[y * width + c] = 20;
    if (x(i) < width)
      slots.push({ x0: x(i), x1: Math.min(width, x(i) + 14), y0: 18, y1: 42, char: '8', confidence: 0.9 });
  }
  const image: GrayImage = { width, height, data };
  return { crop: { image, raw: image, origin: { x: 0, y: 0 }, angle: 0, scale: 1 }, slots };
}

const cut = ({ crop, slots }: ReturnType<typeof scan>) =>
  cutAtEnd(crop.image, crop, slots, slots[slots.length - 1], PITCH);

describe('cutAtEnd', () => {
  it('a number ending two pitches before the edge of a scan, on even ground, is not cut', () => {
    // The last glyph ends at x(15) + 14 = 384; the frame 40 px (two pitches) on.
    expect(cut(scan(424, () => 200))).toBe(false);
  });

  it('even ground that brightens toward the edge (a silver card) is still the card', () => {
    expect(cut(scan(424, (c) => (c < 300 ? 160 : 215)))).toBe(false);
  });

  it('print running into the edge is cut by the frame', () => {
    // A 17th glyph's left part at the edge: the number goes on out of view.
    const s = scan(424, () => 200);
    for (let y = 18; y < 42; y++) for (let c = 414; c < 424; c++) s.crop.image.data[y * 424 + c] = 20;
    expect(cut(s)).toBe('frame');
  });

  it('a frame too close after the last glyph to show the ground is a cut', () => {
    expect(cut(scan(400, () => 200))).toBe('frame');
  });
});
