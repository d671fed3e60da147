// Greedy CTC decoding of a CRNN recognizer's output (Graves et al., "Connectionist Temporal
// Classification", ICML 2006): per time step the best class, repeats merged, blanks dropped. Each
// decoded character keeps the time steps it was emitted on, so its position along the crop is known.

/** One decoded character and where along the crop it was emitted. */
export interface CtcChar {
  char: string;
  /** Mean over its time steps of the chosen class's probability, 0..1. */
  confidence: number;
  /** First and last time step (inclusive) on which this character was the best class. */
  t0: number;
  t1: number;
}

/** Probabilities of one line: `steps` rows of `classes` values (row-major), class 0 the CTC blank. */
export interface CtcOutput {
  steps: number;
  classes: number;
  probs: Float32Array;
}

/**
 * Decodes `out` with `alphabet[k - 1]` naming class k (class 0 is the blank). When `allowed` is given,
 * only those classes (and the blank) compete at each step: a digits-only decode of a number line turns
 * a 'B' that was nearly an '8' into the '8' the line must hold.
 */
export function ctcGreedy(out: CtcOutput, alphabet: readonly string[], allowed?: Uint8Array): CtcChar[] {
  const { steps, classes, probs } = out;
  const chars: CtcChar[] = [];
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row];
    for (let k = 1; k < classes; k++) {
      if (allowed && !allowed[k]) continue;
      const p = probs[row + k];
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0) {
      const last = chars[chars.length - 1];
      if (best === prev && last) {
        last.confidence = (last.confidence * (t - last.t0) + bestP) / (t - last.t0 + 1);
        last.t1 = t;
      } else chars.push({ char: alphabet[best - 1] ?? '', confidence: bestP, t0: t, t1: t });
    }
    prev = best;
  }
  return chars;
}

/** A class mask for `ctcGreedy` that lets only the given characters through. */
export function classMask(alphabet: readonly string[], chars: string): Uint8Array {
  const mask = new Uint8Array(alphabet.length + 1);
  alphabet.forEach((c, i) => {
    if (chars.includes(c)) mask[i + 1] = 1;
  });
  return mask;
}
