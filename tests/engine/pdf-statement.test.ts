// A text statement end to end in Node with real pdf.js: the text layer gives exact findings; the
// export is a new PDF of page pictures only, with no text, no metadata and no readable masked digit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { toGray } from '../../src/engine/image/gray';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { PdfDocument } from '../../src/engine/pdf/pdf-document';
import { analyzePdfPage, exportRedactedPdf } from '../../src/engine/core/pdf-pages';
import { createNodePdfPlatform } from '../../src/engine/pdf/platform-node';
import type { PdfPlatform } from '../../src/engine/pdf/platform';
import type { AnalyzeResult } from '../../src/engine/analyze';
import { darkShare, digitsOnly, fixture, hiddenAndKept, truth } from './pdf-support';

const noOcr = () => Promise.reject(new Error('text pages must not need OCR'));

let platform: PdfPlatform;
let doc: PdfDocument;
let results: AnalyzeResult[];
let output: Uint8Array;
let out: PdfDocument;
let ocr: OcrEngine;

beforeAll(async () => {
  platform = await createNodePdfPlatform();
  doc = await PdfDocument.open(platform, fixture('statement-text.pdf'));
  results = [];
  for (const p of doc.pages) results.push(await analyzePdfPage(doc, p.index, noOcr, { keep: 'last4' }));
  output = await exportRedactedPdf(
    doc,
    doc.pages.map((p, i) => ({ index: p.index, masks: results[i].masks })),
  );
  out = await PdfDocument.open(platform, output);
  ocr = await createNodeOcr(2);
});

afterAll(async () => {
  await ocr?.terminate();
  await doc?.close();
  await out?.close();
});

describe('text PDF statement', () => {
  it('opens every page at 200 dpi, landscape page included', () => {
    expect(doc.pages.map((p) => [p.width, p.height, p.hasText])).toEqual([
      [1654, 2339, true],
      [1654, 2339, true],
      [2339, 1654, true],
    ]);
    expect(doc.pages[0].label).toBe('page 1 of 3');
  });

  it('finds every card, account and IBAN from the text layer, one quad per character', () => {
    const t = truth();
    results.forEach((r, i) => {
      const expected = t.sensitive[i + 1].map((s) => `${s.kind}:${digitsOnly(s.text)}`).sort();
      expect(r.findings.map((f) => `${f.kind}:${f.text}`).sort(), `page ${i + 1}`).toEqual(expected);
      for (const f of r.findings) expect(f.glyphs).toHaveLength(f.text.length);
    });
  });

  it('writes a PDF with no text layer and no metadata of the original', async () => {
    expect(out.pages.map((p) => [p.width, p.height])).toEqual(doc.pages.map((p) => [p.width, p.height]));
    const raw = await platform.pdfjs.getDocument({ ...platform.documentOptions, data: output.slice() })
      .promise;
    for (let n = 1; n <= raw.numPages; n++) {
      const text = await (await raw.getPage(n)).getTextContent();
      expect(text.items, `page ${n}`).toHaveLength(0);
    }
    const meta = await raw.getMetadata();
    const info = meta.info as Record<string, unknown>;
    expect(info.Producer).toBe('LastFour');
    expect(info.Creator).toBe('LastFour');
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'CreationDate', 'ModDate'])
      expect(info[key]).toBeUndefined();
    expect(meta.metadata).toBeNull();
    await raw.destroy();
    const bytes = Buffer.from(output).toString('latin1');
    for (const s of ['Jane', 'Northwind', 'Helvetica', '4111', 'statement']) expect(bytes).not.toContain(s);
  });

  it('covers every hidden glyph with an opaque mask and leaves the last four readable', async () => {
    for (const [i, r] of results.entries()) {
      const img = await out.render(doc.pages[i].index);
      for (const f of r.findings) {
        const { hidden, kept } = hiddenAndKept(f);
        for (const q of hidden) expect(darkShare(img, q), `${f.text} hidden`).toBeGreaterThan(0.98);
        // Kept digits are ink on paper, not a black box.
        for (const q of kept) expect(darkShare(img, q), `${f.text} kept`).toBeLessThan(0.6);
      }
    }
  });

  it('OCR of the redacted pages reads the amounts but no masked digits', async () => {
    const t = truth();
    // Control: the same OCR does read the card number on the original page.
    const original = await ocr.recognize(toGray(await doc.render(0)), { psm: 3 });
    expect(digitsOnly(original.lines.map((l) => l.text).join(''))).toContain('4111111111111111');
    for (const [i] of results.entries()) {
      const img = await out.render(doc.pages[i].index);
      const page = await ocr.recognize(toGray(img), { psm: 3 });
      const text = page.lines.map((l) => l.text).join('\n');
      const compact = digitsOnly(text);
      for (const s of t.sensitive[i + 1]) {
        const digits = digitsOnly(s.text);
        const hidden = digits.slice(0, digits.length - Math.min(4, digits.length >> 1));
        expect(compact, `page ${i + 1}: ${s.text}`).not.toContain(hidden);
      }
      for (const v of t.visible[i + 1] ?? []) {
        if (/^-?[\d,]+\.\d\d$/.test(v))
          expect(text, `page ${i + 1}: amount ${v}`).toContain(v.replace(/^-/, ''));
      }
    }
  });
});

describe('text drawn with TJ kerning, Tc letter spacing and Tz condensing', () => {
  it('finds each number and masks exactly the hidden digits', async () => {
    const d = await PdfDocument.open(platform, fixture('text-spacing.pdf'));
    const r = await analyzePdfPage(d, 0, noOcr, { keep: 'last4' });
    expect(r.findings.map((f) => f.text)).toEqual(['4111111111111111', '12345678', '5500000000000004']);
    const o = await PdfDocument.open(platform, await exportRedactedPdf(d, [{ index: 0, masks: r.masks }]));
    const img = await o.render(0);
    for (const f of r.findings) {
      const { hidden, kept } = hiddenAndKept(f);
      for (const q of hidden) expect(darkShare(img, q), `${f.text} hidden`).toBeGreaterThan(0.98);
      for (const q of kept) expect(darkShare(img, q), `${f.text} kept`).toBeLessThan(0.6);
    }
    await o.close();
    await d.close();
  });
});
