// The document stage with a fake OCR engine: merge rules against the card engine's findings.
import { describe, expect, it } from 'vitest';
import {
  analyzeDocument,
  detectDocumentFindings,
  mergedFindings,
} from '../../src/engine/documents/document-findings';
import type { OcrEngine, OcrLine, OcrPage } from '../../src/engine/ocr/types';
import type { Finding, GrayImage } from '../../src/engine/types';
import { quad } from '../support/shapes';

const W = 1200;
const H = 700;

/** An OCR line of monospace glyphs, 20 px wide and 30 px tall, starting at (x, y). */
function ocrLine(text: string, x: number, y: number): OcrLine {
  const symbols = [...text].map((c, i) => ({
    text: c,
    confidence: 0.9,
    box: { x0: x + i * 20, y0: y, x1: x + i * 20 + 18, y1: y + 30 },
  }));
  const box = { x0: x, y0: y, x1: x + text.length * 20, y1: y + 30 };
  return { text, confidence: 0.9, box, words: [{ text, confidence: 0.9, box, symbols }] };
}

function fakeOcr(lines: OcrLine[]): OcrEngine & { calls: number } {
  const engine = {
    calls: 0,
    async recognize(image: GrayImage): Promise<OcrPage> {
      engine.calls++;
      // The page pass sees the page at its own scale: 1200 px is below the 1600 px cap and above the
      // upscaling threshold, so coordinates are unchanged.
      expect(image.width).toBe(W);
      return { width: W, height: H, lines };
    },
    async terminate() {},
  };
  return engine;
}

const blank: GrayImage = { width: W, height: H, data: new Uint8Array(W * H).fill(255) };

function cardFinding(id: string, x: number, y: number, n: number): Finding {
  return {
    id,
    kind: 'card-number',
    text: '1'.repeat(n),
    glyphs: Array.from({ length: n }, (_, i) => quad(x + i * 20, y, x + i * 20 + 18, y + 30)),
    confidence: 0.6,
    keepable: true,
    enabledByDefault: true,
  };
}

describe('document findings merge', () => {
  const passportPage = () =>
    fakeOcr([
      ocrLine('Passport No. L898902C3', 40, 100),
      ocrLine('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 20, 560),
      ocrLine('L898902C36UTO7408122F1204159ZE184226B<<<<<10', 20, 620),
    ]);
  const inMrz = cardFinding('card-1', 20 + 13 * 20, 620, 16);
  const elsewhere = cardFinding('card-2', 40, 300, 16);

  it('replaces card-number readings inside an MRZ line and keeps the rest (kind "other": every finder)', async () => {
    const ocr = passportPage();
    const merged = await detectDocumentFindings(blank, ocr, [inMrz, elsewhere], {
      force: true,
      kind: 'other',
    });
    const ids = merged.map((f) => f.id);
    expect(ids).not.toContain('card-1');
    expect(ids).toContain('card-2');
    expect(merged.filter((f) => f.kind === 'mrz')).toHaveLength(2);
    expect(merged.find((f) => f.kind === 'document-number')?.text).toBe('L898902C3');
    // The MRZ read with valid check digits from the page pass: no second, targeted pass.
    expect(ocr.calls).toBe(1);
  });

  it('drops every card-engine reading on a page classified as a passport', async () => {
    const ocr = passportPage();
    const report = await analyzeDocument(blank, ocr, [inMrz, elsewhere], { force: true });
    expect(report.page.kind).toBe('passport');
    expect(report.notAllowed).toEqual(['card-1', 'card-2']);
    const merged = mergedFindings([inMrz, elsewhere], report);
    expect(merged.map((f) => f.kind).sort()).toEqual(['document-number', 'mrz', 'mrz']);
  });

  it('skips OCR entirely for a page that does not look like a document', async () => {
    const ocr = fakeOcr([]);
    expect(await detectDocumentFindings(blank, ocr, [])).toEqual([]);
    expect(ocr.calls).toBe(0);
  });

  it('drops a card reading on MRZ-like rows that would not read, unless the page is a card', async () => {
    // Two rows of 44 evenly pitched glyphs near the bottom: a zone the layout check sees, OCR does not.
    const page = new Uint8Array(W * H).fill(235);
    for (const y0 of [560, 620])
      for (let i = 0; i < 44; i++)
        for (let y = y0; y < y0 + 24; y++) page.fill(20, y * W + 40 + i * 24, y * W + 40 + i * 24 + 14);
    const gray: GrayImage = { width: W, height: H, data: page };
    const onZone = cardFinding('card-1', 40 + 10 * 24, 620, 16);
    // Reads nothing, at any size (the page pass and the targeted MRZ re-read alike).
    const silent: OcrEngine = {
      recognize: async (img) => ({ width: img.width, height: img.height, lines: [] }),
      terminate: async () => {},
    };
    // "other" keeps every finder, the card engine's too: only the zone rule drops the reading.
    const report = await analyzeDocument(gray, silent, [onZone], { kind: 'other' });
    expect(report.verdict.mrzLikeLines).toBe(2);
    expect(report.notAllowed).toEqual(['card-1']);
    expect((await analyzeDocument(gray, silent, [onZone])).page.kind).not.toMatch(/^card-/);
    const asCard = await analyzeDocument(gray, silent, [onZone], { kind: 'card-front' });
    expect(asCard.notAllowed).toEqual([]);
  });
});
