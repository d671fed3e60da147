// leadingDigits (src/engine/detect/leading-digits.ts): the digits a line's detector box left out
// before a number join it only when they make more of a card number, and never move its end.
import { describe, expect, it } from 'vitest';
import { cardRules, leadingDigits, leadingGroup, type ReadRun } from '../../src/engine/detect/leading-digits';
import type { Slot } from '../../src/engine/detect/number-run';

const PITCH = 20;

/**
 * A run read on a level crop whose (0,0) lies at source x `origin`: `chars` one per pitch from
 * source x `from` (a space skips a pitch), each read at `confidence`.
 */
function run(chars: string, from: number, origin: number, confidence = 0.95): ReadRun {
  const slots: Slot[] = [];
  [...chars].forEach((char, i) => {
    if (char === ' ') return;
    const x = from + i * PITCH - origin;
    slots.push({ x0: x, x1: x + 16, y0: 0, y1: 28, char, confidence });
  });
  const crop = {
    image: { width: 1000, height: 28, data: new Uint8Array(0) },
    raw: { width: 1000, height: 28, data: new Uint8Array(0) },
    origin: { x: origin, y: 100 },
    angle: 0,
    scale: 1,
  };
  return {
    reading: { crop, glyphs: [], text: chars, confidence, learned: true },
    run: { slots, trueDigits: slots.length, confidence, ink: [] },
  };
}

const text = (r: ReadRun | undefined) => r?.run.slots.map((s) => s.char).join('');

describe('leadingDigits', () => {
  // 6214 8353 2260 5047 (UnionPay, Luhn-valid); the detector's box began at its fourth digit.
  const narrow = run('4 8353 2260 5047', 360, 340);

  it('takes the first digits read before the box when they make a whole number', () => {
    const wider = run('6214 8353 2260 5047', 300, 250);
    expect(text(leadingDigits(wider, narrow, PITCH))).toBe('6214835322605047');
    expect(cardRules('6214835322605047')).toBe(4);
  });

  it('keeps the tighter read of the digits both reads hold (the wider one misread a 3 as 9)', () => {
    const wider = run('6214 8359 2260 5047', 300, 250);
    expect(text(leadingDigits(wider, narrow, PITCH))).toBe('6214835322605047');
  });

  it('takes an IIN before a number that had none, though a digit stays unread', () => {
    // 6217 0000 1010 3403 922: the 7 over dark art is not read; the rest was read as 0000...
    const tight = run('0000 1010 3403 922', 380, 360);
    const wider = run('621  0000 1010 3403 922', 280, 250);
    expect(text(leadingDigits(wider, tight, PITCH))).toBe('621000010103403922');
  });

  it('leaves the number alone when the digits before make no more of it', () => {
    // Art read as "16" before 63...: no IIN, so not more of a card number than 633000000235912.
    const tight = run('633000000235912', 400, 380);
    const wider = run('16633000000235912', 360, 330);
    expect(leadingDigits(wider, tight, PITCH)).toBeUndefined();
  });

  it('never moves the end: a wider read that ends elsewhere is not taken', () => {
    const wider = run('6214 8353 2260 5047 1', 300, 250);
    expect(leadingDigits(wider, narrow, PITCH)).toBeUndefined();
  });

  it('takes one digit read in doubt among those before the number, not two, nor a lone one', () => {
    const oneInDoubt = run('6214 8353 2260 5047', 300, 250);
    oneInDoubt.run.slots[0].confidence = 0.4;
    expect(text(leadingDigits(oneInDoubt, narrow, PITCH))).toBe('6214835322605047');
    const twoInDoubt = run('6214 8353 2260 5047', 300, 250);
    twoInDoubt.run.slots[0].confidence = 0.4;
    twoInDoubt.run.slots[1].confidence = 0.4;
    expect(leadingDigits(twoInDoubt, narrow, PITCH)).toBeUndefined();
    const lone = run('4 8353 2260 5047', 320, 250);
    const tight = run('8353 2260 5047', 360, 340);
    lone.run.slots[0].confidence = 0.4;
    expect(leadingDigits(lone, tight, PITCH)).toBeUndefined();
  });

  it("drops the card's art read in doubt at the wider read's start and past the number's end", () => {
    // A card printed over a pattern of letters: "1 6225 1111 2222 3333 1", the letters before and after
    // read as 1s, the 6 in doubt over the chip's shadow; the detector's box began at the second group and took in
    // the letter after the last group (read in doubt).
    const tight = run('1111 2222 33331', 400, 380);
    tight.run.slots[12].confidence = 0.43;
    const wider = run('1 6225 1111 2222 33331', 260, 250);
    wider.run.slots[0].confidence = 0.43;
    wider.run.slots[1].confidence = 0.46;
    expect(text(leadingDigits(wider, tight, PITCH))).toBe('62251111222233331');
    // A digit read plainly past the end is not art: the reads end in different places.
    const plainPast = run('6225 1111 2222 33331 8', 300, 250);
    expect(leadingDigits(plainPast, tight, PITCH)).toBeUndefined();
  });

  it('takes nothing read as a letter before the number', () => {
    const lettered = run('b214 8353 2260 5047', 300, 250);
    expect(leadingDigits(lettered, narrow, PITCH)).toBeUndefined();
    // Nothing read before it at all.
    expect(leadingDigits(run('4 8353 2260 5047', 360, 300), narrow, PITCH)).toBeUndefined();
  });
});

describe('leadingGroup', () => {
  // 2717 0904 4323 1055, the first group printed faint: the detector's box began at the second group,
  // and the read before it took "2717" for "2117" (no IIN, Luhn fails) with two digits in doubt.
  const narrow = run('0904 4323 1055', 400, 380);

  it("takes a group of four before three whole groups, spaced as the number's own", () => {
    const wider = run('2117 0904 4323 1055', 300, 250, 0.55);
    expect(leadingDigits(wider, narrow, PITCH)).toBeUndefined();
    const taken = leadingGroup(wider, narrow, PITCH);
    expect(text(taken)).toBe('2117090443231055');
    // The narrow read's digits stand; the group before is as the wider read saw it.
    expect(taken!.run.slots.slice(4).map((s) => s.confidence)).toEqual(Array(12).fill(0.95));
  });

  it('takes no group set apart from the number by more or less than its group space', () => {
    expect(leadingGroup(run('2117  0904 4323 1055', 280, 250), narrow, PITCH)).toBeUndefined();
    expect(leadingGroup(run('21170904 4323 1055', 320, 250), narrow, PITCH)).toBeUndefined();
  });

  it('takes nothing but four digits: three, a letter, or a run that is not three groups of four', () => {
    expect(leadingGroup(run('117 0904 4323 1055', 320, 250), narrow, PITCH)).toBeUndefined();
    expect(leadingGroup(run('2b17 0904 4323 1055', 300, 250), narrow, PITCH)).toBeUndefined();
    const short = run('904 4323 1055', 420, 400);
    expect(leadingGroup(run('2117 0904 4323 1055', 300, 250), short, PITCH)).toBeUndefined();
  });

  it('never moves the end: a wider read with more after the run is not taken', () => {
    expect(leadingGroup(run('2117 0904 4323 1055 7', 300, 250), narrow, PITCH)).toBeUndefined();
  });
});
