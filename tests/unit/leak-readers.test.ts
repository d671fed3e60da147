// Which reader checks an export: the one that did not read the page's card numbers, as each finding
// records it (Finding.reader). Spy readers stand in for Tesseract and the learned recognizer, and the
// test fails when the check asks the reader that produced the findings (or leaves one of two out).
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { checkExport, checkReaders, type Reader } from '../../src/engine/detect/leak-check';
import type { OcrEngine, OcrPage, OcrWord } from '../../src/engine/ocr/types';
import type { Finding, FindingReader, RgbaImage } from '../../src/engine/types';

const card = (reader?: FindingReader, kind: Finding['kind'] = 'card-number') => ({ kind, reader });

describe('checkReaders', () => {
  it('checks numbers the learned recognizer read with Tesseract, and the other way round', () => {
    expect(checkReaders([card('learned')], 'learned', true).readers).toEqual(['tesseract']);
    expect(checkReaders([card('tesseract')], 'learned', true).readers).toEqual(['learned']);
    // The page's own reader does not decide when the findings say who read them.
    expect(checkReaders([card('tesseract')], 'tesseract', true).readers).toEqual(['learned']);
    expect(checkReaders([card('learned')], 'tesseract', true).readers).toEqual(['tesseract']);
  });

  it('has only Tesseract to check with when the learned recognizer is not loaded', () => {
    expect(checkReaders([card('tesseract')], 'tesseract', false).readers).toEqual(['tesseract']);
  });

  it('checks with both readers when the numbers came from both, the other of most numbers first', () => {
    const mixed = [card('learned'), card('tesseract'), card('tesseract')];
    expect(checkReaders(mixed, 'learned', true)).toEqual({
      readers: ['learned', 'tesseract'],
      findingsReadBy: ['tesseract', 'learned'],
    });
    expect(
      checkReaders([card('learned'), card('learned'), card('tesseract')], 'learned', true).readers,
    ).toEqual(['tesseract', 'learned']);
  });

  it("falls back on the page's own reader when no reader read a number", () => {
    // Nothing found, or only the number tool's glyphs placed by the print's layout.
    expect(checkReaders([], 'learned', true)).toEqual({ readers: ['tesseract'], findingsReadBy: [] });
    expect(checkReaders([card('user')], 'tesseract', true).readers).toEqual(['learned']);
    expect(checkReaders([card(undefined)], 'learned', true).readers).toEqual(['tesseract']);
    // Other kinds (an IBAN Tesseract read) do not choose the card check's reader.
    expect(checkReaders([card('tesseract', 'iban')], 'learned', true).readers).toEqual(['tesseract']);
  });
});

/** A light card with a dark 16-digit number printed across it. */
function cardImage(): RgbaImage {
  const canvas = createCanvas(900, 300);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#e8e8e8';
  ctx.fillRect(0, 0, 900, 300);
  ctx.fillStyle = '#141414';
  ctx.font = 'bold 56px monospace';
  ctx.fillText('4111 1111 1111 1111', 60, 180);
  const { data, width, height } = ctx.getImageData(0, 0, 900, 300);
  return { width, height, data: new Uint8ClampedArray(data) };
}

/** A reader that reads every line as "4111 1111 1111 1111" across its crop, and counts its calls. */
function spyReader(name: Reader): OcrEngine & { calls: number } {
  const spy = {
    calls: 0,
    recognize: async (image: { width: number; height: number }): Promise<OcrPage> => {
      spy.calls++;
      const h = Math.min(28, image.height * 0.6);
      const y0 = (image.height - h) / 2;
      const pitch = (image.width - 2 * h) / 19;
      const words: OcrWord[] = [0, 1, 2, 3].map((g) => {
        const text = g === 0 ? '4111' : '1111';
        const symbols = [...text].map((c, i) => {
          const x0 = h + (g * 5 + i) * pitch;
          return { text: c, confidence: 95, box: { x0, y0, x1: x0 + 0.7 * pitch, y1: y0 + h } };
        });
        const box = { x0: symbols[0].box.x0, y0, x1: symbols[3].box.x1, y1: y0 + h };
        return { text, confidence: 95, box, symbols };
      });
      return {
        width: image.width,
        height: image.height,
        engine: name,
        lines: [
          {
            text: '4111 1111 1111 1111',
            confidence: 95,
            box: { ...words[0].box, x1: words[3].box.x1 },
            words,
          },
        ],
      };
    },
    terminate: async () => undefined,
  };
  return spy;
}

describe('checkExport asks the reader that did not read the numbers', () => {
  const image = cardImage();
  const run = async (findings: Pick<Finding, 'kind' | 'reader'>[], primary: Reader = 'learned') => {
    const tesseract = spyReader('tesseract');
    const learned = spyReader('learned');
    const check = await checkExport(image, findings, { ocr: tesseract, learned, primary });
    return { check, tesseract: tesseract.calls, learned: learned.calls };
  };

  it('Tesseract re-reads what the learned recognizer found', async () => {
    const { check, tesseract, learned } = await run([card('learned')]);
    expect(check.readers).toEqual(['tesseract']);
    expect(tesseract).toBeGreaterThan(0);
    expect(learned).toBe(0);
    expect(check.leaks.length).toBeGreaterThan(0);
    expect(check.leaks.every((l) => l.reader === 'tesseract')).toBe(true);
  });

  it('the learned recognizer re-reads what Tesseract found', async () => {
    const { check, tesseract, learned } = await run([card('tesseract')], 'learned');
    expect(check.readers).toEqual(['learned']);
    expect(learned).toBeGreaterThan(0);
    expect(tesseract).toBe(0);
    expect(check.leaks.every((l) => l.reader === 'learned')).toBe(true);
  });

  it('both re-read numbers that came from both, and a number both read is one leak', async () => {
    const { check, tesseract, learned } = await run([card('learned'), card('tesseract')]);
    expect(check.readers).toEqual(['tesseract', 'learned']);
    expect(tesseract).toBeGreaterThan(0);
    expect(learned).toBeGreaterThan(0);
    expect(check.leaks).toHaveLength(1);
  });
});
