// A card number that reads as well upside down as upright: the card detector masks every digit and
// says so (keepable false, the uncertain-direction note), and the CLI flags it. The page is drawn as
// four groups of glyph blocks; the fake reader reads whatever crop it is given as the same whole
// number, from boxes it finds in the crop's own ink, so only its confidence tells the way up.
import { describe, expect, it } from 'vitest';
import { detectCardNumbersDetailed } from '../../src/engine/detect/card-numbers';
import { directionUncertain, UNCERTAIN_DIRECTION_NOTE } from '../../src/engine/detect/last-four-shown';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { GrayImage } from '../../src/engine/types';
import { luhnValid } from '../../src/engine/detect/luhn';
import { darkColumnRuns, darkerFirstHalf, textLine } from '../support/shapes';

const W = 700;
const H = 300;
const GH = 30;
/** A Visa test number (Luhn-valid): the card rules hold both ways round, as read. */
const NUMBER = '4000000000000002';
const glyphLeft = (i: number) => 150 + i * 22 + Math.floor(i / 4) * 18;

/**
 * Sixteen glyph outlines (3 px strokes: ink is the dark tail inside a glyph's box, as in print) in
 * four groups on a light card; `firstGroupInk` marks the number's start.
 */
function card(firstGroupInk: number): GrayImage {
  const data = new Uint8Array(W * H).fill(225);
  drawOutlines(data, 16, firstGroupInk);
  return { width: W, height: H, data };
}

/** `count` glyph outlines along the number's line, the first group's `firstGroupInk`, the rest 40. */
function drawOutlines(data: Uint8Array, count: number, firstGroupInk: number): void {
  for (let i = 0; i < count; i++)
    for (let y = 150 - GH / 2; y < 150 + GH / 2; y++)
      for (let x = glyphLeft(i); x < glyphLeft(i) + 16; x++) {
        const stroke =
          y < 150 - GH / 2 + 3 || y >= 150 + GH / 2 - 3 || x < glyphLeft(i) + 3 || x >= glyphLeft(i) + 13;
        if (stroke) data[y * W + x] = i < 4 ? firstGroupInk : 40;
      }
}

/**
 * Reads any crop as NUMBER, one symbol on each dark column run, a word per group. Confidence 0.95,
 * or with `upright`, 0.95 only when the crop's first glyph is the darkest (the number's start comes
 * first) and 0.6 otherwise.
 */
function numberReader(upright = false): OcrEngine {
  return {
    async recognize(image: GrayImage): Promise<OcrPage> {
      const runs = darkColumnRuns(image);
      const n = Math.min(runs.length, NUMBER.length);
      const firstDarkest = runs.length > 1 && runs[0].ink < runs[runs.length - 1].ink;
      const confidence = !upright || firstDarkest ? 0.95 : 0.6;
      const y0 = Math.round(image.height * 0.2);
      const y1 = Math.round(image.height * 0.8);
      const words = [];
      for (let g = 0; g * 4 < n; g++) {
        const symbols = runs.slice(g * 4, Math.min(n, g * 4 + 4)).map((r, k) => ({
          text: NUMBER[g * 4 + k],
          confidence,
          box: { x0: r.x0, y0, x1: r.x1, y1 },
        }));
        const text = symbols.map((s) => s.text).join('');
        const box = { x0: symbols[0].box.x0, y0, x1: symbols[symbols.length - 1].box.x1, y1 };
        words.push({ text, confidence, box, symbols });
      }
      const text = words.map((w) => w.text).join(' ');
      const box = { x0: 0, y0, x1: image.width, y1 };
      return {
        width: image.width,
        height: image.height,
        engine: 'learned',
        lines: [{ text, confidence, box, words }],
      };
    },
    async terminate() {},
  };
}

const numberLine = textLine(
  (glyphLeft(0) + glyphLeft(15) + 16) / 2,
  150,
  glyphLeft(15) + 16 - glyphLeft(0),
  GH,
);

async function detect(image: GrayImage, reader: OcrEngine) {
  const found = await detectCardNumbersDetailed(image, reader, {
    learnedStages: { lines: [numberLine], reader },
  });
  return found.map((d) => d.finding);
}

describe('a card number that reads as well both ways round', () => {
  it('is masked whole, marked uncertain, and flagged', async () => {
    const [finding, ...rest] = await detect(card(40), numberReader());
    expect(rest).toEqual([]);
    expect(finding.text).toBe(NUMBER);
    expect(finding.keepable).toBe(false);
    expect(finding.notes).toContain(UNCERTAIN_DIRECTION_NOTE);
    expect(directionUncertain(finding)).toBe(true);
  });

  it('keeps its last four when the reader is clearly surer one way', async () => {
    const [finding] = await detect(card(0), numberReader(true));
    expect(finding.text).toBe(NUMBER);
    expect(finding.keepable).toBe(true);
    expect(directionUncertain(finding)).toBe(false);
  });
});

/**
 * A learned reader for a drawn number and a line of words: a crop with 8 or more glyph-sized ink runs
 * reads as `digits(upright)` (upright when its first run is darker than its last: the number's first
 * group is drawn darkest), one symbol on each run; any other crop reads as words, upright and sure
 * when its first half is the darker. `onWords` is told of each words read.
 */
function digitsAndWordsReader(
  digits: (upright: boolean) => { text: string; confidence: number },
  onWords?: () => void,
): OcrEngine {
  return {
    async recognize(image: GrayImage): Promise<OcrPage> {
      const runs = darkColumnRuns(image);
      const y0 = Math.round(image.height * 0.2);
      const y1 = Math.round(image.height * 0.8);
      const line = (text: string, confidence: number, boxes: { x0: number; x1: number }[]) => {
        const symbols = [...text].map((c, i) => ({ text: c, confidence, box: { ...boxes[i], y0, y1 } }));
        const box = { x0: boxes[0].x0, y0, x1: boxes[boxes.length - 1].x1, y1 };
        return { text, confidence, box, words: [{ text, confidence, box, symbols }] };
      };
      const page = (l: ReturnType<typeof line>): OcrPage => ({
        width: image.width,
        height: image.height,
        engine: 'learned',
        lines: [l],
      });
      if (runs.length >= 8) {
        const { text, confidence } = digits(runs[0].ink < runs[runs.length - 1].ink);
        return page(line(text.slice(0, Math.min(runs.length, text.length)), confidence, runs));
      }
      onWords?.();
      const upright = darkerFirstHalf(image);
      const text = upright ? 'CARDHOLDER' : 'ꓤƎꓷꓶOHꓷꓤⱯꓛ';
      const w = image.width / text.length;
      const boxes = [...text].map((_, i) => ({ x0: i * w, x1: (i + 1) * w }));
      return page(line(text, upright ? 0.95 : 0.4, boxes));
    },
    async terminate() {},
  };
}

/** The number drawn (first group darkest, `count` glyphs) under a bar of words at y 84-96. */
function numberUnderWords(count: number, wordsReadLeftToRight: boolean): GrayImage {
  const data = new Uint8Array(W * H).fill(225);
  drawOutlines(data, count, 0);
  for (let y = 84; y < 96; y++)
    for (let x = 200; x < 400; x++) data[y * W + x] = x < 300 === wordsReadLeftToRight ? 20 : 160;
  return { width: W, height: H, data };
}

describe('part of a number in view, and the words around it', () => {
  // Twelve digits in view (a hologram hides the last group). Read upright "4816 9900 0009" fails Luhn;
  // read turned half round "6000 0066 9181" passes it by chance. A line of words above reads upright.
  const UPRIGHT = '481699000009';
  const TURNED = '600000669181';
  const reader = digitsAndWordsReader((upright) => ({ text: upright ? UPRIGHT : TURNED, confidence: 0.95 }));

  it('reads it the way the words say, not the way Luhn holds by chance', async () => {
    const lines = [
      textLine((glyphLeft(0) + glyphLeft(11) + 16) / 2, 150, glyphLeft(11) + 16 - glyphLeft(0), GH),
      textLine(300, 90, 200, 20),
    ];
    const page = numberUnderWords(12, true);
    const found = await detectCardNumbersDetailed(page, reader, { learnedStages: { lines, reader } });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number');
    expect(number?.text.startsWith('4816')).toBe(true);
    expect(directionUncertain(number!)).toBe(false);
  });
});

describe('digits one way round, letters the other', () => {
  // Read upright, every glyph a digit; turned half round, the 2s, 3s, 4s, 5s and 7s read as letters
  // (E for 3, L for 7, S for 5, h for 4): 11 of 16 glyphs are digits, at the same confidence.
  const UPRIGHT = '4716108999716531';
  const TURNED_GLYPH: Record<string, string> = { 3: 'E', 4: 'h', 5: 'S', 7: 'L', 6: '9', 9: '6' };
  const TURNED = [...UPRIGHT]
    .reverse()
    .map((c) => TURNED_GLYPH[c] ?? c)
    .join('');

  it('reads it the way its glyphs read as digits, with no second reader and no words', async () => {
    let wordReads = 0;
    const learned = digitsAndWordsReader(
      (upright) => ({ text: upright ? UPRIGHT : TURNED, confidence: 0.95 }),
      () => wordReads++,
    );
    let secondReads = 0;
    const tesseract: OcrEngine = {
      async recognize(image) {
        secondReads++;
        return { width: image.width, height: image.height, lines: [] };
      },
      async terminate() {},
    };
    // The words are smaller than the number: no second card's number, so read only for the way up.
    const lines = [numberLine, textLine(300, 90, 200, 12)];
    const found = await detectCardNumbersDetailed(numberUnderWords(16, false), tesseract, {
      learnedStages: { lines, reader: learned },
    });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number');
    expect(number?.text).toBe(UPRIGHT);
    expect(number?.keepable).toBe(true);
    expect(directionUncertain(number!)).toBe(false);
    // The words line (which reads upright only turned round) was not read to settle the way up, and
    // Tesseract did not read the turned crop.
    expect(wordReads).toBe(0);
    expect(secondReads).toBe(0);
  });
});

describe('the words around a number before the recognizer’s confidence', () => {
  // A number that reads as digits both ways round (as embossed 8s and 0s do), the recognizer surer of
  // it upside down (relief lit from one side), and a line of words above that reads upright.
  const reader = digitsAndWordsReader((upright) => ({ text: NUMBER, confidence: upright ? 0.6 : 0.95 }));

  it('keeps the last four at the end the words say, though the reader was surer the other way', async () => {
    const lines = [numberLine, textLine(300, 90, 200, 12)];
    const found = await detectCardNumbersDetailed(numberUnderWords(16, true), reader, {
      learnedStages: { lines, reader },
    });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number')!;
    expect(number.keepable).toBe(true);
    expect(directionUncertain(number)).toBe(false);
    // Read upright, the first glyph is the number's left end (its darkest group).
    const cx = (q: readonly { x: number }[]) => (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
    expect(cx(number.glyphs[0])).toBeLessThan(cx(number.glyphs[number.glyphs.length - 1]));
    expect(cx(number.glyphs[0])).toBeLessThan(glyphLeft(1));
  });
});

describe('a whole number read upright in digits that turned round read as letters', () => {
  // Turned half round, most digits read as letters; but the learned recognizer reads a turned 2 or 5
  // as a 2 or 5 in some fonts: a Barclaycard specimen photographed upside down read plainly as
  // "2545 9286 8292 9245", a Mastercard length passing Luhn. A reading of 2s, 4s and 5s is no proof of
  // the way up on its own: the line is still read turned round. This reader reads every crop as the
  // number.
  const MANY_TWOS_AND_FIVES = '4529015112890662';
  it('is still read turned round, and with nothing to tell the way up stays uncertain', async () => {
    expect(luhnValid(MANY_TWOS_AND_FIVES)).toBe(true);
    const inner = digitsAndWordsReader(() => ({ text: MANY_TWOS_AND_FIVES, confidence: 0.95 }));
    let calls = 0;
    const reader: OcrEngine = {
      async recognize(image, options) {
        calls++;
        return inner.recognize(image, options);
      },
      terminate: () => inner.terminate(),
    };
    const found = await detectCardNumbersDetailed(card(40), reader, {
      learnedStages: { lines: [numberLine], reader },
    });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number')!;
    expect(number.text).toBe(MANY_TWOS_AND_FIVES);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(directionUncertain(number)).toBe(true);
  });
});

describe('a whole number read upright with sure 3s and 7s', () => {
  // Turned half round, the learned recognizer reads no 3 or 7 as a digit with confidence (none over
  // 247 number lines, bench/turned-digits.ts): a whole number read upright with two or more of them
  // is upright beyond doubt, and the line is not read turned round.
  const UPRIGHT = '4716108999716531';
  const reads = { digits: 0 };
  const inner = digitsAndWordsReader(() => ({ text: UPRIGHT, confidence: 0.95 }));
  const reader: OcrEngine = {
    async recognize(image, options) {
      const page = await inner.recognize(image, options);
      if (/\d{8}/.test(page.lines[0]?.text.replace(/ /g, '') ?? '')) reads.digits++;
      return page;
    },
    terminate: () => inner.terminate(),
  };

  it('is read once, one way round, and keeps its last four', async () => {
    expect(luhnValid(UPRIGHT)).toBe(true);
    const found = await detectCardNumbersDetailed(card(0), reader, {
      learnedStages: { lines: [numberLine], reader },
    });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number')!;
    expect(number.text).toBe(UPRIGHT);
    expect(number.keepable).toBe(true);
    expect(directionUncertain(number)).toBe(false);
    expect(reads.digits).toBe(1);
  });
});

describe('a specimen number read upright with sure 3s and 7s', () => {
  // Specimens print numbers that fail Luhn ("4000 1234 5678 9010"); the tells speak of the print's way
  // up, not of the number: one of its network's length read in digits with two sure 3s or 7s is not
  // read turned round either. A run of no network's length is read turned round as before.
  const counting = (text: string) => {
    const reads = { turned: 0 };
    const reader = digitsAndWordsReader((upright) => {
      if (!upright) reads.turned++;
      return { text, confidence: 0.95 };
    });
    return { reads, reader };
  };

  it('is not read turned round, and keeps its last four', async () => {
    const SPECIMEN = '4000123456789010';
    expect(luhnValid(SPECIMEN)).toBe(false);
    const { reads, reader } = counting(SPECIMEN);
    const found = await detectCardNumbersDetailed(card(0), reader, {
      learnedStages: { lines: [numberLine], reader },
    });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number')!;
    expect(number.text).toBe(SPECIMEN);
    expect(number.keepable).toBe(true);
    expect(directionUncertain(number)).toBe(false);
    expect(reads.turned).toBe(0);
  });

  it('is read turned round when its length is no network’s', async () => {
    // A number led by a 9: no network's IIN, so no length is its network's, and its 3 and 7 settle
    // nothing.
    const { reads, reader } = counting('9000123456789010');
    await detectCardNumbersDetailed(card(0), reader, { learnedStages: { lines: [numberLine], reader } });
    expect(reads.turned).toBeGreaterThanOrEqual(1);
  });
});

describe('one way round read whole, the other read in part', () => {
  // A small card's number of 8s, 1s, 6s and a faint first group: upright the recognizer reads all 16
  // glyphs, the first group in doubt; turned half round it reads only the 12 sure ones, as symmetric
  // digits ("6188 8888 8888" turned is "8888 8888 8819"). The longer reading's confidence is taken
  // over its 12 surest glyphs: the two ways are then as sure, and the card rules pick the whole number.
  const UPRIGHT = '4514618888888888';
  const TURNED = '888888888819';
  const reader: OcrEngine = {
    async recognize(image: GrayImage): Promise<OcrPage> {
      const runs = darkColumnRuns(image);
      const upright = runs.length > 1 && runs[0].ink < runs[runs.length - 1].ink;
      const y0 = Math.round(image.height * 0.2);
      const y1 = Math.round(image.height * 0.8);
      // Turned round, the faint first group is at the crop's end and read as nothing.
      const text = upright ? UPRIGHT : TURNED;
      const boxes = upright ? runs : runs.slice(0, TURNED.length);
      const n = Math.min(boxes.length, text.length);
      const symbols = [...text.slice(0, n)].map((c, i) => ({
        text: c,
        confidence: upright && i < 4 ? 0.3 : 0.95,
        box: { x0: boxes[i].x0, y0, x1: boxes[i].x1, y1 },
      }));
      if (!symbols.length) return { width: image.width, height: image.height, engine: 'learned', lines: [] };
      const confidence = symbols.reduce((s, g) => s + g.confidence, 0) / symbols.length;
      const box = { x0: symbols[0].box.x0, y0, x1: symbols[symbols.length - 1].box.x1, y1 };
      const word = { text: symbols.map((g) => g.text).join(''), confidence, box, symbols };
      return {
        width: image.width,
        height: image.height,
        engine: 'learned',
        lines: [{ text: word.text, confidence, box, words: [word] }],
      };
    },
    async terminate() {},
  };

  it('is read the way that holds the whole number, its last four at the end the reader says', async () => {
    const found = await detectCardNumbersDetailed(card(0), reader, {
      learnedStages: { lines: [numberLine], reader },
    });
    const number = found.map((d) => d.finding).find((f) => f.kind === 'card-number')!;
    expect(number.text).toBe(UPRIGHT);
    const cx = (q: readonly { x: number }[]) => (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
    expect(cx(number.glyphs[0])).toBeLessThan(glyphLeft(1));
  });
});
