// Issue #7 offline: with the network off after the service worker took over, a two-page statement
// PDF comes back as one redacted PDF (page pictures only: no text, masked digits black, amounts
// readable) and an iPhone HEIC photo as an upright PNG with the card number hidden but its last four.
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodePdfPlatform } from '../../src/engine/pdf/platform-node';
import { download, item, waitForItems } from './support/app';
import { RecordedBrowser, noBrowser, openApp } from './support/browser';
import { reloadOffline } from './support/offline';
import { darkShare, findText, glyphBoxes, textItems } from './support/pdf-text';
import { scoreExport, type GroundTruth } from './support/score';

const STATEMENT = 'tests/fixtures/pdf/statement-text.pdf';
const HEIC = 'tests/fixtures/heic/card-irot.heic';
// card.jpg is the easy card photo the HEIC was encoded from (make-heic-fixtures.ts), i.e. this one.
const CARD = 'tests/fixtures/heic/card.jpg';
const truth = JSON.parse(readFileSync('tests/fixtures/pdf/statement.truth.json', 'utf8')) as {
  sensitive: Record<string, { text: string; kind: string }[]>;
  visible: Record<string, string[]>;
};
const cardTruth = JSON.parse(
  readFileSync('tests/fixtures/app/s7-000-easy-front.json', 'utf8'),
) as GroundTruth;
/** Output pages are rendered at 144 dpi: glyphs of 9.5 pt text are ~13 px tall. */
const SCALE = 2;

/** Pages 1 and 2 of the statement fixture (both portrait), copied with pdf-lib like its generator. */
async function twoPageStatement(): Promise<Buffer> {
  const source = await PDFDocument.load(readFileSync(STATEMENT));
  const pdf = await PDFDocument.create();
  for (const p of await pdf.copyPages(source, [0, 1])) pdf.addPage(p);
  return Buffer.from(await pdf.save());
}

/** Drops files on the page the way a file manager does: a drop event carrying a DataTransfer. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

/** Alphanumerics of a number as printed, and how many of them the last-four rule keeps. */
function keptCount(text: string): number {
  const n = text.replace(/[^0-9A-Z]/gi, '').length;
  return Math.min(4, Math.floor(n / 2));
}

describe.skipIf(noBrowser)('issue #7 offline: statement PDF and HEIC photo', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  it('exports a text-free redacted PDF and an upright redacted PNG with the network off', async () => {
    rb = await RecordedBrowser.launch();
    const context = await rb.newContext({ serviceWorkers: 'allow' });
    const page = await openApp(context);
    await reloadOffline(context, page);

    const statement = await twoPageStatement();
    await dropFiles(page, [
      { name: 'statement-2p.pdf', type: 'application/pdf', bytes: statement },
      { name: 'card-irot.heic', type: 'image/heic', bytes: readFileSync(HEIC) },
    ]);
    expect(await waitForItems(page, 3, 180_000)).toEqual(['ready', 'ready', 'ready']);

    // The PDF's first page is selected: the PDF export covers both of its pages.
    const pdfButton = page.locator('[data-testid="export-pdf-button"]');
    await expect(pdfButton.textContent()).resolves.toBe('Export PDF (2 pages)');
    const pdf = await download(page, 'export-pdf-button');
    expect(pdf.name).toBe('statement-2p-redacted.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(pdfButton.isEnabled()).resolves.toBe(true);

    await item(page, 2).locator('button').first().click();
    await expect(page.locator('[data-testid="export-pdf-button"]').count()).resolves.toBe(0);
    const png = await download(page, 'export-button');
    expect(png.name).toBe('card-irot-redacted.png');

    const requests = await rb.closeAndReadRequests();
    rb = undefined;
    expect(requests.foreign).toEqual([]);

    await checkRedactedPdf(statement, pdf.bytes);

    // Upright (the irot box applied) and redacted like the photo it was made from.
    const score = await scoreExport(cardTruth, readFileSync(CARD), png.bytes);
    // The scorer refuses an output whose size differs from the original's.
    expect(score.error).toBeUndefined();
    expect(score.toHide).toBe(12);
    expect(score.leaked, 'must-hide digits still readable').toEqual([]);
    expect(score.lost, 'last-four digits damaged').toEqual([]);
  });
});

/** Text positions come from the original PDF's text layer; pixels from the exported PDF, rendered. */
async function checkRedactedPdf(original: Buffer, exported: Buffer): Promise<void> {
  const { pdfjs, documentOptions, createCanvas } = await createNodePdfPlatform();
  const src = await pdfjs.getDocument({ ...documentOptions, data: new Uint8Array(original) }).promise;
  const out = await pdfjs.getDocument({ ...documentOptions, data: new Uint8Array(exported) }).promise;
  expect(out.numPages).toBe(2);
  for (let n = 1; n <= 2; n++) {
    const outPage = await out.getPage(n);
    expect((await outPage.getTextContent()).items, `page ${n} text`).toHaveLength(0);
    const viewport = outPage.getViewport({ scale: SCALE });
    const target = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    await outPage.render({
      canvas: null,
      canvasContext: target.context as CanvasRenderingContext2D,
      viewport,
      background: 'rgb(255,255,255)',
    }).promise;
    const img = {
      width: Math.round(viewport.width),
      height: Math.round(viewport.height),
      data: target.readPixels(),
    };
    const items = await textItems(await src.getPage(n));

    for (const s of truth.sensitive[n]) {
      const boxes = glyphBoxes(findText(items, s.text), viewport);
      const kept = keptCount(s.text);
      boxes.forEach((box, i) => {
        const share = darkShare(img, box);
        if (i < boxes.length - kept) expect(share, `${s.text} #${i} masked`).toBeGreaterThan(0.9);
        else expect(share, `${s.text} #${i} kept`).toBeLessThan(0.6);
      });
    }
    // Amounts stay ink on paper: some dark pixels, far from a black box.
    for (const amount of truth.visible[n].filter((v) => /^-?[\d,]+\.\d\d$/.test(v))) {
      const boxes = glyphBoxes(findText(items, amount), viewport);
      const share = boxes.reduce((sum, b) => sum + darkShare(img, b, 160), 0) / boxes.length;
      expect(share, `amount ${amount}`).toBeGreaterThan(0.05);
      expect(share, `amount ${amount}`).toBeLessThan(0.6);
    }
    target.release();
  }
  await src.destroy();
  await out.destroy();
}
