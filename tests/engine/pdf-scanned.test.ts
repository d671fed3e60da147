// A scanned PDF (image only, no text layer) goes through the same OCR pipeline as a photo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { toGray } from '../../src/engine/image/gray';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { PdfDocument } from '../../src/engine/pdf/pdf-document';
import { analyzePdfPage, exportRedactedPdf, pageMethod } from '../../src/engine/core/pdf-pages';
import { createNodePdfPlatform } from '../../src/engine/pdf/platform-node';
import { darkShare, digitsOnly, fixture, hiddenAndKept } from './pdf-support';

let ocr: OcrEngine;
beforeAll(async () => {
  ocr = await createNodeOcr(2);
});
afterAll(async () => {
  await ocr?.terminate();
});

describe('scanned PDF', () => {
  it('falls back to OCR, finds the card number and exports it masked', async () => {
    const platform = await createNodePdfPlatform();
    const doc = await PdfDocument.open(platform, fixture('statement-scanned.pdf'));
    expect(pageMethod(doc, 0)).toBe('ocr');
    let ocrCalls = 0;
    const r = await analyzePdfPage(doc, 0, async () => (ocrCalls++, ocr), { keep: 'last4' });
    expect(ocrCalls).toBe(1);
    const card = r.findings.find((f) => f.kind === 'card-number');
    expect(card?.text.startsWith('4100')).toBe(true);

    const output = await exportRedactedPdf(doc, [{ index: 0, masks: r.masks }]);
    const out = await PdfDocument.open(platform, output);
    const img = await out.render(0);
    for (const q of hiddenAndKept(card!).hidden) expect(darkShare(img, q)).toBeGreaterThan(0.98);
    const read = await ocr.recognize(toGray(img), { psm: 11 });
    expect(digitsOnly(read.lines.map((l) => l.text).join(''))).not.toContain('41004266');
    await out.close();
    await doc.close();
  });
});

describe('text page with a card photo on it', () => {
  it('reads the text layer and OCRs the picture, without duplicates', async () => {
    const platform = await createNodePdfPlatform();
    const doc = await PdfDocument.open(platform, fixture('text-with-card-photo.pdf'));
    expect(pageMethod(doc, 0)).toBe('text');
    const r = await analyzePdfPage(doc, 0, async () => ocr, { keep: 'last4' });
    const kinds = r.findings.map((f) => `${f.kind}:${f.text.slice(0, 4)}`);
    expect(kinds).toContain('account-number:1234');
    expect(kinds).toContain('card-number:4100');
    // Forcing the text path skips the picture.
    const textOnly = await analyzePdfPage(doc, 0, () => Promise.reject(new Error('no OCR')), {
      method: 'text',
    });
    expect(textOnly.findings.map((f) => f.kind)).toEqual(['account-number']);
    await doc.close();
  });
});

describe('scan stored as JPEG 2000', () => {
  it('decodes through openjpeg.wasm and is read by OCR', async () => {
    const platform = await createNodePdfPlatform();
    const doc = await PdfDocument.open(platform, fixture('scanned-jpx.pdf'));
    expect(pageMethod(doc, 0)).toBe('ocr');
    const r = await analyzePdfPage(doc, 0, async () => ocr, { keep: 'last4' });
    expect(r.findings.find((f) => f.kind === 'card-number')?.text.startsWith('4100')).toBe(true);
    await doc.close();
  });
});
