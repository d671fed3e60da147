// A stand-in line reader for the leak check's tests: it reads every crop it is given as `text`, one
// symbol a character spread along the crop's middle, Tesseract's confidence scale, and counts its reads.
import type { OcrEngine, OcrPage } from '../../src/engine/ocr/types';

export function spreadReader(text: string): OcrEngine & { calls: number } {
  const spy = {
    calls: 0,
    recognize: async (img: { width: number; height: number }): Promise<OcrPage> => {
      spy.calls++;
      const pitch = img.width / (text.length + 2);
      const h = img.height / 2;
      const symbols = [...text].map((c, i) => ({
        text: c,
        confidence: 95,
        box: { x0: (i + 1) * pitch, y0: h / 2, x1: (i + 1.7) * pitch, y1: 1.5 * h },
      }));
      const box = { x0: pitch, y0: h / 2, x1: (text.length + 1) * pitch, y1: 1.5 * h };
      const word = { text, confidence: 95, box, symbols };
      return {
        width: img.width,
        height: img.height,
        lines: [{ text, confidence: 95, box, words: [word] }],
      };
    },
    terminate: async () => undefined,
  };
  return spy;
}
