// The stroke a judge drags over an annotated card: from the centre of the number's first digit to the
// centre of its last (the last of the digits to keep), both taken from the ground-truth polygons.
import type { GroundTruth } from './score';

const centreOf = (poly: readonly [number, number][]) => ({
  x: poly.reduce((s, p) => s + p[0], 0) / poly.length,
  y: poly.reduce((s, p) => s + p[1], 0) / poly.length,
});

/**
 * First digit: the first card-number digit listed (the fixtures list the number first, in reading
 * order; a small repeat of the first four comes after it). Digits of a negative group are print
 * outside the number (the held-out backs list the signature panel's last four first) and are passed
 * over. Last digit: the last 'keep' digit of the number. Undefined when no number is printed (a back
 * that shows only the panel's last four and code): there is nothing to mark.
 * `jitter` (source pixels) moves both ends by a fixed, repeatable offset, as an unsteady hand would.
 */
export function strokeOf(gt: GroundTruth, jitter = 0) {
  const digits = gt.digits.filter((d) => d.role !== 'cvv' && (d.group ?? 0) >= 0);
  if (digits.length === 0) return undefined;
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
