// Where one glyph ends and the next begins inside a group. The learned recognizer's CTC alignment puts
// a glyph's box where its character fired, often a few pixels before the ink starts; with tightly set
// print (narrow fonts, 19-digit numbers) two neighbours' boxes then overlap, and the mask of a hidden
// digit, stopping short of its kept neighbour's box, leaves the hidden digit's last strokes showing.
// The ink between the two says where the boundary is.
import type { GrayImage } from '../types';
import { median } from '../math';
import { glyphPitch } from './group-digits';
import type { Slot } from './number-run';
import { TOUCHING } from './thresholds';

/**
 * The slots with each boundary between touching or overlapping neighbours in a group moved to the
 * emptiest column of ink near it: the column (crop pixels) of least ink between the two glyphs,
 * within `TOUCHING.search` pitches of the boundary as read and clear of either glyph's centre, when
 * it holds at most `TOUCHING.maxInk` of the fullest column's ink. The left glyph then ends and the
 * right one begins at the far end of that valley of empty columns. `image` is the line crop the slots were read
 * on, dark ink on light. Slots apart by a visible gap, and unread ('?') slots, keep their extent.
 */
export function splitTouchingGlyphs(slots: readonly Slot[], image: GrayImage): Slot[] {
  const out = slots.map((s) => ({ ...s }));
  if (out.length < 2) return out;
  const pitch = glyphPitch(out);
  const y0 = Math.max(0, Math.floor(median(out.map((s) => s.y0))));
  const y1 = Math.min(image.height, Math.ceil(median(out.map((s) => s.y1))));
  // Ink is darkness below the card's own ground (a patterned card is not white): the band's light end.
  const band: number[] = [];
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < image.width; x += 2) band.push(image.data[y * image.width + x]);
  band.sort((p, q) => p - q);
  const ground = band[Math.floor(TOUCHING.groundQuantile * (band.length - 1))] ?? 255;
  const inkIn = (x: number) => {
    let sum = 0;
    for (let y = y0; y < y1; y++) sum += Math.max(0, ground - image.data[y * image.width + x]);
    return sum;
  };
  for (let i = 1; i < out.length; i++) {
    const [a, b] = [out[i - 1], out[i]];
    if (a.char === '?' || b.char === '?') continue;
    const [ca, cb] = [(a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2];
    // Neighbours inside a group whose boxes touch or overlap.
    if (cb - ca > TOUCHING.maxCentres * pitch || b.x0 - a.x1 > TOUCHING.maxGap * pitch) continue;
    const at = (a.x1 + b.x0) / 2;
    const lo = Math.max(0, Math.ceil(Math.max(at - TOUCHING.search * pitch, ca + TOUCHING.clear * pitch)));
    const hi = Math.min(
      image.width - 1,
      Math.floor(Math.min(at + TOUCHING.search * pitch, cb - TOUCHING.clear * pitch)),
    );
    let best = -1;
    let least = Infinity;
    for (let x = lo; x <= hi; x++) {
      // Ties go to the column nearest the boundary as read.
      const ink = inkIn(x) + 1e-3 * Math.abs(x - at);
      if (ink < least) {
        least = ink;
        best = x;
      }
    }
    // Only a clearly empty column parts them: glyphs that truly touch show no gap, and a column
    // through a glyph's hollow (a 0, an 8) still crosses its strokes.
    let full = 0;
    for (let x = Math.max(0, Math.floor(ca)); x <= Math.min(image.width - 1, Math.ceil(cb)); x++)
      full = Math.max(full, inkIn(x));
    if (best < 0 || least > TOUCHING.maxInk * full) continue;
    // The parting goes at the valley's far end: print on a tilted card leans, the left glyph's tail
    // crosses the valley's floor, and under the default preset the kept digits follow the hidden
    // ones, so a mask that stops before the kept glyph must still take in that tail.
    let end = best;
    while (end + 1 <= Math.min(image.width - 1, cb) && inkIn(end + 1) < TOUCHING.maxInk * full) end++;
    a.x1 = end + 0.5;
    b.x0 = end + 0.5;
  }
  return out;
}
