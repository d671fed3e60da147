// The stroke a judge drags over an annotated card: from the centre of the number's first digit to the
// centre of its last (the last of the digits to keep), both taken from the ground-truth polygons.
import type { GroundTruth } from './score';

const centreOf = (poly: readonly [number, number][]) => ({
  x: poly.reduce((s, p) => s + p[0], 0) / poly.length,
  y: poly.reduce((s, p) => s + p[1], 0) / poly.length,
});

/**
 * First digit: the first card-number digit listed (the fixtures list the number first, in reading
 * order; a small repeat of the first four comes after it). Last digit: the last 'keep' digit.
 * `jitter` (source pixels) moves both ends by a fixed, repeatable offset, as an unsteady hand would.
 */
export function strokeOf(gt: GroundTruth, jitter = 0) {
  const digits = gt.digits.filter((d) => d.role !== 'cvv');
  const first = digits[0];
  const keep = digits.filter((d) => d.role === 'keep');
  const last = keep[keep.length - 1] ?? digits[digits.length - 1];
  const a = centreOf(first.poly);
  const b = centreOf(last.poly);
  return {
    from: { x: a.x + jitter * 0.7, y: a.y - jitter * 0.7 },
    to: { x: b.x - jitter * 0.7, y: b.y + jitter * 0.7 },
  };
}
