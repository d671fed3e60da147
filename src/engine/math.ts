/** A line's direction folded into (-pi/2, pi/2]: which end reads first is decided elsewhere. */
export function foldDirection(angle: number): number {
  let a = angle % (2 * Math.PI);
  while (a <= -Math.PI / 2) a += Math.PI;
  while (a > Math.PI / 2) a -= Math.PI;
  return a;
}

/**
 * The direction (radians, in (-pi/2, pi/2]) of greatest spread of a point set, from its central second
 * moments: sxx, syy and sxy summed about the mean.
 */
export function principalAngle(sxx: number, syy: number, sxy: number): number {
  return foldDirection(0.5 * Math.atan2(2 * sxy, sxx - syy));
}

/** The middle value (upper middle for an even count); 0 for an empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
}
