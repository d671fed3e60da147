import { describe, expect, it } from 'vitest';
import { learnedLineOcr, UNREAD } from '../../src/engine/learned/line-reader';
import type { TextModels } from '../../src/engine/learned/models';
import type { GrayImage } from '../../src/engine/types';

const alphabet = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'B', ' '];

/**
 * A 40 px tall crop with dark glyph blocks (12 px wide, rows 10-30) at the given left edges, and a
 * fake recognizer that emits `text[i]` on the CTC step over `emitAt[i]` (one step per 8 px).
 */
function scene(glyphs: number[], text: string, emitAt: number[], runnerUp: Record<number, string> = {}) {
  const width = 400;
  const img: GrayImage = { width, height: 40, data: new Uint8Array(width * 40).fill(200) };
  for (const x0 of glyphs)
    for (let y = 10; y < 30; y++) for (let x = x0; x < x0 + 12; x++) img.data[y * width + x] = 30;
  const steps = width / 8;
  const classes = alphabet.length + 1;
  const models: TextModels = {
    alphabet,
    detect: () => Promise.reject(new Error('not used')),
    recognize: async () => {
      const probs = new Float32Array(steps * classes);
      for (let t = 0; t < steps; t++) probs[t * classes] = 0.9;
      [...text].forEach((c, i) => {
        const t = Math.floor(emitAt[i] / 8);
        probs[t * classes] = 0;
        probs[t * classes + alphabet.indexOf(c) + 1] = 0.8;
        if (runnerUp[i]) probs[t * classes + alphabet.indexOf(runnerUp[i]) + 1] = 0.15;
      });
      return { steps, classes, probs, inputWidth: width };
    },
  };
  return { img, ocr: learnedLineOcr(models) };
}

describe('the learned line reader', () => {
  it('boxes each character on its own ink, from where CTC emitted it', async () => {
    const lefts = [20, 40, 60, 80, 140, 160, 180, 200];
    const { img, ocr } = scene(lefts, '4111 2222', [26, 46, 66, 86, 0, 146, 166, 186, 206]);
    const page = await ocr.recognize(img, { psm: 7 });
    const symbols = page.lines[0].words.flatMap((w) => w.symbols);
    expect(symbols.map((s) => s.text).join('')).toBe('41112222');
    expect(page.lines[0].words).toHaveLength(2);
    symbols.forEach((s, i) => {
      expect(s.box.x0).toBe(lefts[i]);
      expect(s.box.x1).toBe(lefts[i] + 12);
      expect([s.box.y0, s.box.y1]).toEqual([10, 30]);
    });
  });

  it('says a reading of nothing is its own (the card detector reuses readings by reader)', async () => {
    const { img, ocr } = scene([20, 40], '', []);
    const page = await ocr.recognize(img, { psm: 7 });
    expect(page.lines).toEqual([]);
    expect(page.engine).toBe('learned');
  });

  it('reads a mostly numeric word over digits only', async () => {
    const { img, ocr } = scene([20, 40, 60, 80], '41B1', [26, 46, 66, 86], { 2: '8' });
    const page = await ocr.recognize(img, { psm: 7 });
    expect(page.lines[0].text).toBe('4181');
  });

  it('marks a glyph the recognizer skipped (ink two pitches on, nothing emitted)', async () => {
    // Two groups of four printed, the first group's third glyph never emitted.
    const { img, ocr } = scene(
      [20, 40, 60, 80, 140, 160, 180, 200],
      '411 2222',
      [26, 46, 86, 0, 146, 166, 186, 206],
    );
    const page = await ocr.recognize(img, { psm: 7 });
    expect(page.lines[0].text).toBe(`41${UNREAD}1 2222`);
  });

  it('never takes the space between two groups for a skipped glyph', async () => {
    // Two groups of four, 20 px pitch, a 40 px group space with texture in it.
    const { img, ocr } = scene(
      [20, 40, 60, 80, 110, 120, 140, 160, 180],
      '41112222',
      [26, 46, 66, 86, 146, 166, 186, 206],
    );
    const page = await ocr.recognize(img, { psm: 7 });
    expect(page.lines[0].text).not.toContain(UNREAD);
  });
});

describe('the security code on a panel line', () => {
  const word = (text: string) =>
    [...text].map((char) => ({ char, confidence: 0.9, x0: 0, y0: 0, x1: 1, y1: 1 }));

  it('follows the last four, in one word or split by a stray space; a phone line gives none', async () => {
    const { codeOnLine } = await import('../../src/engine/detect/security-code-learned');
    const text = (w: { char: string }[] | undefined) => w?.map((g) => g.char).join('');
    expect(text(codeOnLine([word('9203'), word('677')], '9203'))).toBe('677');
    expect(text(codeOnLine([word('9203'), word('67'), word('7')], '9203'))).toBe('677');
    expect(text(codeOnLine([word('92036770')], '9203'))).toBe('6770');
    expect(codeOnLine([word('0800'), word('711'), word('778')], '9203')).toBeUndefined();
    expect(codeOnLine([word('Customer'), word('711')], '9203')).toBeUndefined();
    expect(text(codeOnLine([word('077')], '5451'))).toBe('077');
    // An Amex: the 4-digit CID above a front's number, the 3-digit code on its back's panel.
    expect(text(codeOnLine([word('855')], '1028', [3, 4]))).toBe('855');
    expect(text(codeOnLine([word('7997')], '1028', [3, 4]))).toBe('7997');
    expect(codeOnLine([word('7997')], '5451')).toBeUndefined();
    // Italic on a patterned panel, read with marks in and before it: "84.935-458" for "4935 458".
    expect(text(codeOnLine([word('84.935-458')], '4935'))).toBe('458');
    expect(codeOnLine([word('84.936-458')], '1935')).toBeUndefined();
    expect(codeOnLine([word('0800-711-7789')], '9203')).toBeUndefined();
  });

  it('tells a code after the last four from a lone code box', async () => {
    const { codeAfterLastFour } = await import('../../src/engine/detect/security-code-learned');
    const text = (w: { char: string }[] | undefined) => w?.map((g) => g.char).join('');
    expect(text(codeAfterLastFour([word('9203'), word('677')], '9203'))).toBe('677');
    expect(text(codeAfterLastFour([word('84.935-458')], '4935'))).toBe('458');
    expect(codeAfterLastFour([word('077')], '5451')).toBeUndefined();
    expect(codeAfterLastFour([word('1234'), word('677')], '9203')).toBeUndefined();
  });
});
