// A number marked with the number tool is the user's word on where that number is: a detected card
// number over the same print (read with a digit too many or too few, say) gives way to it.
import { centre, readingFrame } from '../reading-frame';
import type { Finding } from '../types';

/**
 * The keepable card-number findings in `others` that lie on the stroke's number: half or more of their
 * glyph centres within a glyph height of its line and between its ends (a glyph's width of slack).
 * The small repeat of the first four (not keepable) is a separate print and never replaced.
 */
export function replacedByStroke(stroke: Finding, others: readonly Finding[]): Finding[] {
  if (stroke.glyphs.length < 2) return [];
  const frame = readingFrame(stroke);
  const heights = stroke.glyphs.map((q) => Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y));
  const h = heights.sort((a, b) => a - b)[heights.length >> 1];
  const slack = frame.length / (stroke.glyphs.length - 1);
  return others.filter((f) => {
    if (f.id === stroke.id || f.kind !== 'card-number' || !f.keepable || f.glyphs.length === 0) return false;
    const on = f.glyphs.filter((q) => {
      const { u, down } = frame.place(centre(q));
      return Math.abs(down) <= h && u >= -slack && u <= frame.length + slack;
    }).length;
    return on >= f.glyphs.length / 2;
  });
}
