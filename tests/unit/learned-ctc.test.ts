import { describe, expect, it } from 'vitest';
import { classMask, ctcGreedy, type CtcOutput } from '../../src/engine/learned/ctc-decode';

const alphabet = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'B', 'O', ' '];

/** A CTC output whose best class per step is `path` (class indices, 0 = blank), with a runner-up. */
function output(path: number[], runnerUp: Record<number, number> = {}): CtcOutput {
  const classes = alphabet.length + 1;
  const probs = new Float32Array(path.length * classes);
  path.forEach((k, t) => {
    probs[t * classes + k] = 0.7;
    if (runnerUp[t] !== undefined) probs[t * classes + runnerUp[t]] = 0.25;
  });
  return { steps: path.length, classes, probs };
}

const cls = (c: string) => alphabet.indexOf(c) + 1;

describe('greedy CTC decoding', () => {
  it('merges repeats, drops blanks and keeps each character’s time steps', () => {
    const out = ctcGreedy(output([0, cls('4'), cls('4'), 0, cls('4'), 0, 0, cls('2')]), alphabet);
    expect(out.map((c) => c.char).join('')).toBe('442');
    expect(out.map((c) => [c.t0, c.t1])).toEqual([
      [1, 2],
      [4, 4],
      [7, 7],
    ]);
  });

  it('restricted to digits, a letter that nearly was a digit becomes that digit', () => {
    // 'B' wins the step, '8' is the runner-up: the digits-only decode takes the 8.
    const out = output([cls('5'), 0, cls('B'), 0, cls('O')], { 2: cls('8'), 4: cls('0') });
    expect(
      ctcGreedy(out, alphabet)
        .map((c) => c.char)
        .join(''),
    ).toBe('5BO');
    const digits = classMask(alphabet, '0123456789');
    expect(
      ctcGreedy(out, alphabet, digits)
        .map((c) => c.char)
        .join(''),
    ).toBe('580');
  });
});
