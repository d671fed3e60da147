// Bad PDFs each get a clear, typed message, and the session goes on: the next PDF opens fine.
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/errors';
import { PasswordRequiredError, PdfInputError, WrongPasswordError } from '../../src/engine/pdf/errors';
import { MAX_PDF_PAGES } from '../../src/engine/pdf/limits';
import { PdfDocument } from '../../src/engine/pdf/pdf-document';
import { analyzePdfPage } from '../../src/engine/core/pdf-pages';
import { createNodePdfPlatform } from '../../src/engine/pdf/platform-node';
import type { PdfPlatform } from '../../src/engine/pdf/platform';
import { fixture } from './pdf-support';

const PASSWORD = 'lastfour-test';
let platform: PdfPlatform;

beforeAll(async () => {
  platform = await createNodePdfPlatform();
});

async function openError(name: string, password?: string): Promise<PdfInputError> {
  try {
    await PdfDocument.open(platform, fixture(name), password);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as PdfInputError;
  }
  throw new Error(`${name} opened`);
}

/** The good statement still opens and reads after each failure. */
async function sessionGoesOn() {
  const doc = await PdfDocument.open(platform, fixture('statement-text.pdf'));
  expect(doc.pages).toHaveLength(3);
  const r = await analyzePdfPage(doc, 0, () => Promise.reject(new Error('no OCR')));
  expect(r.findings.length).toBeGreaterThan(0);
  await doc.close();
}

describe('password-protected PDF', () => {
  it('asks for the password', async () => {
    const e = await openError('statement-encrypted.pdf');
    expect(e).toBeInstanceOf(PasswordRequiredError);
    expect(e.name).toBe('PasswordRequiredError');
    expect(e.code).toBe('pdf-password');
    expect(e.message).toMatch(/protected by a password/);
    await sessionGoesOn();
  });

  it('says clearly when the password is wrong', async () => {
    const e = await openError('statement-encrypted.pdf', 'not-it');
    expect(e).toBeInstanceOf(WrongPasswordError);
    expect(e.code).toBe('pdf-wrong-password');
    expect(e.message).toMatch(/not correct/);
    await sessionGoesOn();
  });

  it('opens with the right password and finds the same numbers', async () => {
    const doc = await PdfDocument.open(platform, fixture('statement-encrypted.pdf'), PASSWORD);
    const r = await analyzePdfPage(doc, 0, () => Promise.reject(new Error('no OCR')));
    expect(r.findings.map((f) => f.text)).toContain('4111111111111111');
    await doc.close();
  });
});

describe('damaged and oversized PDFs', () => {
  it('a damaged PDF says so', async () => {
    const e = await openError('damaged.pdf');
    expect(e.code).toBe('pdf-damaged');
    expect(e.message).toMatch(/damaged/);
    await sessionGoesOn();
  });

  it('a truncated PDF either opens what it can or says it is damaged', async () => {
    const whole = fixture('statement-text.pdf');
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    try {
      const doc = await PdfDocument.open(platform, cut);
      expect(doc.pages.length).toBeGreaterThan(0);
      await doc.close();
    } catch (e) {
      expect((e as PdfInputError).code).toBe('pdf-damaged');
    }
    await sessionGoesOn();
  });

  it(`refuses more than ${MAX_PDF_PAGES} pages with the limit and the reason`, async () => {
    const e = await openError('many-pages.pdf');
    expect(e.code).toBe('pdf-too-many-pages');
    expect(e.message).toContain('240 pages');
    expect(e.message).toContain(`at most ${MAX_PDF_PAGES} pages`);
    await sessionGoesOn();
  });

  it('pages of odd sizes: a poster is scaled down, a card-sized page up, a sliver left out with a note', async () => {
    const doc = await PdfDocument.open(platform, fixture('odd-sizes.pdf'));
    const [a4, poster, small] = doc.pages;
    expect(doc.pages).toHaveLength(3);
    expect([a4.width, a4.height]).toEqual([1654, 2339]);
    expect(poster.width * poster.height).toBeLessThanOrEqual(16_000_000);
    expect(poster.label).toMatch(/page 2 of 4 \(shown at \d+ dpi: the page is unusually large\)/);
    expect(Math.max(small.width, small.height)).toBeGreaterThanOrEqual(1200);
    expect(doc.notes).toEqual([expect.stringMatching(/^Page 4 has no usable size/)]);
    const r = await analyzePdfPage(doc, poster.index, () => Promise.reject(new Error('no OCR')));
    expect(r.findings.map((f) => f.text)).toEqual(['12345678']);
    const img = await doc.render(poster.index);
    expect([img.width, img.height]).toEqual([poster.width, poster.height]);
    await doc.close();
  });
});
