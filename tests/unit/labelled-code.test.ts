// A security code printed with its label (CVV2 on Iranian fronts): the label is the evidence. The
// parser on read words, and the stage on a drawn card with a recognizer that reads set texts in turn.
import { describe, expect, it } from 'vitest';
import {
  detectLabelledCode,
  LABELLED_CODE_NOTE,
  labelledCodeOnLine,
} from '../../src/engine/detect/labelled-code';
import { detectSecurityCode } from '../../src/engine/detect/security-code';
import {
  detectPanelCode,
  detectSecurityCodeLearned,
  readAfterLastFour,
} from '../../src/engine/detect/security-code-learned';
import type { TextModels } from '../../src/engine/learned/models';
import type { ReadGlyph } from '../../src/engine/detect/read-line';
import type { TextLine } from '../../src/engine/learned/text-lines';
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';
import type { Finding, GrayImage } from '../../src/engine/types';
import { levelNumber } from '../support/shapes';
import { newTrace } from '../../src/engine/detect/trace';

/** Words as read: glyphs 10 px wide, a space glyph between words. */
function words(text: string): ReadGlyph[][] {
  return text.split(' ').map((w, k) =>
    [...w].map((char, i) => ({
      char,
      confidence: 0.9,
      x0: k * 100 + i * 10,
      x1: k * 100 + i * 10 + 9,
      y0: 0,
      y1: 20,
    })),
  );
}
const codeOf = (text: string) =>
  labelledCodeOnLine(words(text))
    .code?.map((g) => g.char)
    .join('');

describe('labelledCodeOnLine', () => {
  it('takes the digits after a code label, spaced, after a colon, or glued to it', () => {
    expect(codeOf('CVV2 : 5106')).toBe('5106');
    expect(codeOf('CW2: 5106')).toBe('5106');
    expect(codeOf('CVV2:5106')).toBe('5106');
    expect(codeOf('CVC2 123')).toBe('123');
    expect(codeOf('cid 1234')).toBe('1234');
  });

  it('takes the digits before a label a right-to-left card prints after its code', () => {
    // A Persian card's "457 CVV2", read glued ("457CW2") or as two words.
    expect(codeOf('457CW2')).toBe('457');
    expect(codeOf('457 CVV2')).toBe('457');
    expect(codeOf('457 : CVV2')).toBe('457');
    // The code after the label still wins over digits before it.
    expect(codeOf('12 CVV2 5106')).toBe('5106');
    // Digits before a label that are not a code (a date, two digits).
    expect(codeOf('12/27 CVV2')).toBeUndefined();
  });

  it('takes the code after "SECURITY CODE" spelt out, split by a space the recognizer put in it', () => {
    // Capital One's back: "SECURITY" on the code's line, "CODE" under it; the code read "0 10".
    expect(codeOf('SECURITY 0 10')).toBe('010');
    expect(codeOf('SECURITY CODE 123')).toBe('123');
    expect(codeOf('SECURITY CODE: 1234')).toBe('1234');
    expect(codeOf('SECURITYCODE 123')).toBe('123');
    // "CODE" alone is no label (a sort code, a PIN code); a phone number after the label is no code,
    // no 4-digit code is joined from two words, and digits before "SECURITY" or after "SECURITY." are
    // no code.
    expect(codeOf('CODE 123')).toBeUndefined();
    expect(codeOf('SECURITY 1 800 227 4825')).toBeUndefined();
    expect(codeOf('SECURITY 1 800')).toBeUndefined();
    expect(codeOf('CVV2 123 4')).toBe('123');
    expect(codeOf('CALL 911 SECURITY')).toBeUndefined();
    expect(codeOf('FOR YOUR SECURITY. 123')).toBeUndefined();
    // A code word followed by more digits (an expiry read without its slash) is still the code.
    expect(codeOf('CVV2 : 5106 1403')).toBe('5106');
  });

  it('tells a label read alone (its code on the next line) from a line with no label', () => {
    expect(labelledCodeOnLine(words('CVV2'))).toEqual({ labelled: true });
    expect(labelledCodeOnLine(words('VALID THRU 12/27'))).toEqual({ labelled: false });
    expect(labelledCodeOnLine(words('2571'))).toEqual({ labelled: false });
    // A code label followed by something that is not a code.
    expect(codeOf('CVV2 12/27')).toBeUndefined();
  });
});

const W = 460;
const H = 220;
const GH = 24;
const number = levelNumber('6037997552360233', 48, GH);
/** A level detector line centred at (x, y), `length` long, of glyphs `glyphHeight` tall (source pixels). */
const flatLine = (x: number, y: number, length: number, glyphHeight: number): TextLine => ({
  centre: { x, y },
  angle: 0,
  length,
  glyphHeight,
  score: 0.8,
  pieces: 1,
});
const gray: GrayImage = { width: W, height: H, data: new Uint8Array(W * H).fill(235) };
/** The label "CVV2" under the number, and under it a long line of print holding the code. */
const label: TextLine = flatLine(220, 110, 40, 10);
const below: TextLine = flatLine(220, 136, 300, 16);

/** A recognizer that reads the given texts in turn, each spread evenly over the middle half of its crop. */
function readsInTurn(texts: string[]): OcrEngine & { asked: number } {
  const engine = {
    asked: 0,
    async recognize(image: GrayImage): Promise<OcrPage> {
      const text = texts[engine.asked++] ?? '';
      const x0 = image.width / 4;
      const w = image.width / 2 / Math.max(1, text.length);
      const box = { x0, y0: image.height / 4, x1: x0 + w * text.length, y1: (3 * image.height) / 4 };
      const symbols = [...text].map((c, i) => ({
        text: c,
        confidence: 0.9,
        box: { ...box, x0: x0 + i * w, x1: x0 + (i + 1) * w },
      }));
      const line = { text, confidence: 0.9, box, words: [{ text, confidence: 0.9, box, symbols }] };
      return { width: image.width, height: image.height, lines: text ? [line] : [] };
    },
    async terminate() {},
  };
  return engine;
}

describe('detectLabelledCode', () => {
  it('finds the code under its label, on a line the detector joined with other print', async () => {
    const reader = readsInTurn(['CVV2', '0012 5698 2571']);
    const found = await detectLabelledCode(gray, reader, { finding: number, glyphHeight: GH }, [
      label,
      below,
    ]);
    expect(found?.kind).toBe('security-code');
    expect(found?.text).toBe('5698');
    // Its glyphs lie under the label, on the line below it.
    const cx = found!.glyphs.map((q) => (q[0].x + q[2].x) / 2);
    expect(Math.min(...cx)).toBeGreaterThan(180);
    expect(Math.max(...cx)).toBeLessThan(260);
  });

  it('leaves short numbers without a label alone (a branch code, an expiry)', async () => {
    const reader = readsInTurn(['VALID THRU', '0012 5698 2571']);
    expect(
      await detectLabelledCode(gray, reader, { finding: number, glyphHeight: GH }, [label, below]),
    ).toBeUndefined();
  });
});

describe('detectLabelledCode, a vertical card whose groups are stacked', () => {
  // Four groups one under another, 40 px apart, and the label with its code under the last group:
  // 7 of the number's glyph heights under the first group, 1.5 under the last.
  const groups = ['4147', '0982', '4478', '5499'];
  const stacked: Finding = {
    ...levelNumber(groups.join(''), 48, GH),
    glyphs: groups.flatMap((g, k) => levelNumber(g, 20 + 40 * k, GH).glyphs),
    lines: groups.flatMap((g, k) => [...g].map(() => k)),
  };
  const codeLine = flatLine(90, 20 + 40 * 3 + GH / 2 + 1.5 * GH, 140, 12);

  it('reads the label under the last group and takes its code', async () => {
    const reader = readsInTurn(['SECURITY 0 10']);
    const found = await detectLabelledCode(gray, reader, { finding: stacked, glyphHeight: GH }, [codeLine]);
    expect(found?.text).toBe('010');
    expect(found?.notes).toContain(LABELLED_CODE_NOTE);
  });

  it('never takes a group of the number for the code under a label read alone', async () => {
    // The label just under the last group, its code unread: the group "5499" is the line across.
    const label = flatLine(90, 20 + 40 * 3 + GH / 2 + 1.2 * GH, 80, 12);
    const group = flatLine(90, 20 + 40 * 3 + GH / 2, 80, GH);
    const reader = readsInTurn(['SECURITY', '5499']);
    const found = await detectLabelledCode(gray, reader, { finding: stacked, glyphHeight: GH }, [
      label,
      group,
    ]);
    expect(found).toBeUndefined();
  });

  it('reads nothing there when the number is one line (the line is past its reach)', async () => {
    const reader = readsInTurn(['SECURITY 0 10']);
    const oneLine = { finding: levelNumber(groups.join(''), 20, GH), glyphHeight: GH };
    const far = flatLine(90, 20 + GH / 2 + 7 * GH, 140, 12);
    expect(await detectLabelledCode(gray, reader, oneLine, [far])).toBeUndefined();
    expect(reader.asked).toBe(0);
  });
});

describe('detectPanelCode, a back with no number', () => {
  // A code box beside the signature panel, and under both the strip "AUTHORIZED SIGNATURE - NOT
  // VALID UNLESS SIGNED": too long to be among the short lines read, it is read beside a lone box.
  const box: TextLine = flatLine(330, 80, 30, 12);
  const strip: TextLine = flatLine(200, 104, 260, 8);
  const models = {} as TextModels;

  it('takes a lone 3-digit box for the code when the signature strip is beside it', async () => {
    const reader = readsInTurn(['012', '210', 'AUTHORIZED SIGNATURE - NOT VALID UNLESS SIGNED']);
    const found = await detectPanelCode(gray, models, [box, strip], undefined, undefined, reader);
    expect(found?.text).toBe('012');
    expect(reader.asked).toBe(3);
  });

  it('takes the 3-digit code after the last four on the panel, and no group of four after four', async () => {
    const panel = flatLine(200, 80, 100, 12);
    const code = await detectPanelCode(
      gray,
      models,
      [panel],
      undefined,
      undefined,
      readsInTurn(['5312 021', '']),
    );
    expect(code?.text).toBe('021');
    // Two groups of a number the detector boxed in part (a dim front turned 67 degrees).
    const groups = readsInTurn(['5312 0215', '']);
    expect(await detectPanelCode(gray, models, [panel], undefined, undefined, groups)).toBeUndefined();
  });

  it('leaves a lone 3-digit number alone beside other print', async () => {
    const reader = readsInTurn(['012', '210', 'Use of this card is subject to the agreement']);
    expect(await detectPanelCode(gray, models, [box, strip], undefined, undefined, reader)).toBeUndefined();
  });

  // The panel's own label, "signature" printed small at its far end: on the box's panel, however far
  // along it (the box sits at the other end, well past what counts as beside it).
  const label: TextLine = flatLine(40, 84, 40, 6);

  it("takes a lone 3-digit box for the code with the panel's signature label at its far end", async () => {
    const reader = readsInTurn(['123', '321', 'signature', 'ǝɹnʇɐuƃᴉs']);
    const found = await detectPanelCode(gray, models, [box, label], undefined, undefined, reader);
    expect(found?.text).toBe('123');
  });

  it('does not take the label from off the panel (a line well above or below it)', async () => {
    const reader = readsInTurn(['123', '321', 'signature', 'ǝɹnʇɐuƃᴉs', '', '']);
    const off = flatLine(40, 160, 40, 6);
    expect(await detectPanelCode(gray, models, [box, off], undefined, undefined, reader)).toBeUndefined();
  });
});

describe('detectSecurityCodeLearned, a back that prints the number above the panel', () => {
  // A Citibank back: the number printed flat, the signature panel under it, the code at the panel's
  // end under the number's last glyph, five of the number's glyph heights down.
  const models = {} as TextModels;
  const lastGlyph = number.glyphs[15];
  const endX = (lastGlyph[0].x + lastGlyph[1].x) / 2;
  const codeLine = (x: number) => flatLine(x, 60 + 5 * GH, 36, 14);
  const find = (line: TextLine, reader: OcrEngine) =>
    detectSecurityCodeLearned(gray, models, { finding: number, glyphHeight: GH }, [line], { reader });

  const find2 = (line: TextLine, search: Parameters<typeof detectSecurityCodeLearned>[4]) =>
    detectSecurityCodeLearned(gray, models, { finding: number, glyphHeight: GH }, [line], search);

  it('takes a lone 3-digit word under the number’s last glyph for the code', async () => {
    const found = await find(codeLine(endX), readsInTurn(['749']));
    expect(found?.kind).toBe('security-code');
    expect(found?.text).toBe('749');
    // A lone code says nothing of the card's side (an Amex front's CID is lone too).
    expect(readAfterLastFour(found!)).toBe(false);
  });

  it('takes no four digits alone there, on an Amex either (its CID is on the front, above the number)', async () => {
    const amex = levelNumber('345902329536701', 48, GH);
    const end = amex.glyphs[14];
    const line = flatLine((end[0].x + end[1].x) / 2, 60 + 5 * GH, 36, 14);
    // An Amex front's expiry under the number's end, "04/30" read without its slash.
    const found = await detectSecurityCodeLearned(gray, models, { finding: amex, glyphHeight: GH }, [line], {
      reader: readsInTurn(['0430']),
    });
    expect(found).toBeUndefined();
  });

  it('takes no lone code that the other reader reads as a date (the expiry, its slash lost)', async () => {
    const search = (other: string) => ({ reader: readsInTurn(['015']), other: readsInTurn([other]) });
    // "EXPIRES 09/15" under the number's end, read "015" by the learned recognizer.
    expect(await find2(codeLine(endX), search('09/15'))).toBeUndefined();
    expect(await find2(codeLine(endX), search('09 / 718'))).toBeUndefined();
    // A code box Tesseract reads as the code, or as nothing (a hatched panel), stays a code.
    expect((await find2(codeLine(endX), search('015')))?.text).toBe('015');
    expect((await find2(codeLine(endX), search('')))?.text).toBe('015');
  });

  it('takes no lone code from a line off the card (a receipt beside it)', async () => {
    const offCard = () => false;
    expect(await find2(codeLine(endX), { reader: readsInTurn(['749']), onCard: offCard })).toBeUndefined();
    // The panel's last four and its code are evidence of their own, wherever the outline lies.
    const panel = await find2(codeLine(endX), { reader: readsInTurn(['0233 749']), onCard: offCard });
    expect(panel?.text).toBe('749');
    // Read after the number's last four: a signature panel, so the number is a back's.
    expect(readAfterLastFour(panel!)).toBe(true);
  });

  it('looks for no code by its place around a number printed in stacked groups', async () => {
    // A vertical card's four groups: the number's reading frame runs along the stack's diagonal, and
    // a receipt's "4.95" beside the card lay in its "panel band" (seed 97's hx-027).
    const stacked = { ...number, lines: number.glyphs.map((_, i) => Math.floor(i / 4)) };
    const reader = readsInTurn(['749']);
    const learned = await detectSecurityCodeLearned(
      gray,
      models,
      { finding: stacked, glyphHeight: GH },
      [codeLine(endX)],
      {
        reader,
      },
    );
    expect(learned).toBeUndefined();
    expect(reader.asked).toBe(0);
    const band = readsInTurn(Array(8).fill('0233 749'));
    const tesseract = await detectSecurityCode(gray, band, {
      finding: stacked,
      crop: undefined as never,
      glyphHeight: GH,
    });
    expect(tesseract).toBeUndefined();
    expect(band.asked).toBe(0);
    // Printed on one line, the same reads give the code.
    expect((await find(codeLine(endX), readsInTurn(['749'])))?.text).toBe('749');
  });

  it('leaves a word there (a network’s logo) and does not read print under the number’s start', async () => {
    expect(await find(codeLine(endX), readsInTurn(['VISA']))).toBeUndefined();
    const reader = readsInTurn(['749']);
    expect(await find(codeLine(60), reader)).toBeUndefined();
    expect(reader.asked).toBe(0);
  });
});

describe("detectSecurityCode, Tesseract's band reads: a lone word read again", () => {
  // Tesseract's sparse read of the band above a front's number finds "283" in the card's texture:
  // the learned recognizer, given the word's own crop, must read the same three digits alone.
  const band = () => readsInTurn(Array(8).fill('283'));
  const find = (confirm?: OcrEngine) =>
    detectSecurityCode(
      gray,
      band(),
      { finding: number, crop: undefined as never, glyphHeight: GH },
      undefined,
      undefined,
      undefined,
      confirm,
    );

  it('drops a lone word the second reader does not read', async () => {
    const second = readsInTurn(Array(8).fill(''));
    expect(await find(second)).toBeUndefined();
    expect(second.asked).toBeGreaterThan(0);
    expect(await find(readsInTurn(Array(8).fill('28')))).toBeUndefined();
  });

  it('keeps one it reads the same, and every lone word without a second reader', async () => {
    expect((await find(readsInTurn(Array(8).fill('283'))))?.text).toBe('283?');
    expect((await find())?.text).toBe('283?');
  });

  it('asks nothing of the second reader for the last four and the code', async () => {
    const second = readsInTurn(Array(8).fill(''));
    const found = await detectSecurityCode(
      gray,
      readsInTurn(Array(8).fill('02337491')),
      { finding: number, crop: undefined as never, glyphHeight: GH },
      undefined,
      undefined,
      undefined,
      second,
    );
    expect(found?.text).toBe('7491');
    expect(second.asked).toBe(0);
  });
});

describe('the security code stages, traced', () => {
  const models = {} as TextModels;
  const lastGlyph = number.glyphs[15];
  const endX = (lastGlyph[0].x + lastGlyph[1].x) / 2;

  it('tell the trace each line read under the number and the code taken from it', async () => {
    const trace = newTrace();
    const line = flatLine(endX, 60 + 5 * GH, 36, 14);
    await detectSecurityCodeLearned(gray, models, { finding: number, glyphHeight: GH }, [line], {
      reader: readsInTurn(['749']),
      trace,
    });
    expect(trace.reads).toMatchObject([{ stage: 'code', text: '749', run: '749' }]);
    // Placed over the line, in source pixels.
    const xs = trace.reads[0].corners.map((p) => p.x);
    expect(Math.min(...xs)).toBeLessThan(endX);
    expect(Math.max(...xs)).toBeGreaterThan(endX);
  });

  it("tell the trace a back's short lines as read, and which gave the code", async () => {
    const trace = newTrace();
    const box = flatLine(330, 80, 30, 12);
    const other = flatLine(120, 40, 60, 12);
    const reader = readsInTurn(['012', '210', 'VISA', 'ASIV', '', '']);
    expect(
      await detectPanelCode(gray, models, [box, other], undefined, undefined, reader, trace),
    ).toBeUndefined();
    expect(trace.reads.map((r) => [r.text, r.run])).toEqual([
      ['012', ''],
      ['VISA', ''],
    ]);
  });
});
