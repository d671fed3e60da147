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

/**
 * The value of rank `k` (0-based, ascending) among `values`, as sorting and indexing would give, in
 * linear time on average (Hoare's selection, median-of-three pivots). Reorders `values` in place.
 * Throws RangeError when k is outside 0..length-1.
 */
export function nthSmallest(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new RangeError(`rank ${k} outside 0..${values.length - 1}`);
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const pivot = Math.max(
      Math.min(values[lo], values[mid]),
      Math.min(Math.max(values[lo], values[mid]), values[hi]),
    );
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
