// The whole path a user takes on an ID: analyzeImage (card engine + documents), switch the MRZ category
// on, burn the masks, add the watermark, encode, decode again and check the pixels. Also: a card photo
// must not pay for the document pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage, masksForFindings } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import type { BarcodeReader } from '../../src/engine/documents/barcode';
import { analyzeDocument } from '../../src/engine/documents/document-findings';
import { toGray } from '../../src/engine/image/gray';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode, encodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';
import { nodeTextPainter } from '../../src/engine/watermark/painter-node';
import { renderWatermark, watermarkText } from '../../src/engine/watermark/watermark';
import { coverage, covered, inset } from '../fixtures/documents/score';
import { loadFixture, startBarcodes, startOcr } from './documents-support';

let ocr: OcrEngine;
let barcodes: BarcodeReader;

beforeAll(async () => {
  [ocr, barcodes] = await Promise.all([startOcr(), startBarcodes()]);
});
afterAll(async () => {
  await ocr?.terminate();
});

/** Pixels whose colour moved by more than `tol` (sum over RGB) between two images. */
function changedShare(a: RgbaImage, b: RgbaImage, tol = 30): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d =
      Math.abs(a.data[i] - b.data[i]) +
      Math.abs(a.data[i + 1] - b.data[i + 1]) +
      Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > tol) n++;
  }
  return n / (a.width * a.height);
}

describe('ID export with MRZ mask and watermark', () => {
  it('analyzeImage returns the MRZ as a switched-off suggestion; switched on, it is burned black', async () => {
    const { image, gt } = await loadFixture('id-td1-4.jpg');
    const result = await analyzeImage(image, ocr, { documents: { barcodes } });
    const mrz = result.findings.filter((f) => f.kind === 'mrz');
    expect(mrz.length).toBe(3);
    expect(result.masks.filter((m) => m.kind === 'mrz')).toHaveLength(0);

    const enabled = Object.fromEntries(mrz.map((f) => [f.id, true]));
    const masks = masksForFindings(result.findings, {}, enabled);
    const burned = burnMasks(image, masks);
    const text = watermarkText({ recipient: 'ACME Rentals', purpose: 'car rental', date: '2026-11-26' });
    expect(text).toBe('Copy for ACME Rentals - car rental - 2026-11-26');
    const marked = renderWatermark(burned, { text, opacity: 0.4 }, nodeTextPainter());
    const exported = await decodeImageNode(await encodeImageNode(marked, 'png'));

    // MRZ lines: black under the masks (the watermark is drawn over, so check "dark", not exact black).
    const map = coverage(masks, image.width, image.height);
    for (const r of gt.regions.filter((r) => r.role === 'mrz')) {
      expect(covered(map, image.width, inset(r.bbox, 2))).toBeGreaterThan(0.95);
      const [x0, y0, x1, y1] = r.bbox;
      let bright = 0;
      for (let y = y0 + 2; y < y1 - 2; y++)
        for (let x = x0 + 2; x < x1 - 2; x++)
          if (exported.data[(y * image.width + x) * 4 + 1] > 120) bright++;
      expect(bright).toBe(0);
    }
    // The watermark: a visible share of the page changed away from the burned image, spread over it.
    expect(changedShare(burned, exported)).toBeGreaterThan(0.04);
    const top = {
      ...burned,
      height: Math.floor(image.height / 2),
      data: burned.data.subarray(0, Math.floor(image.height / 2) * image.width * 4),
    };
    const topOut = { ...exported, height: top.height, data: exported.data.subarray(0, top.data.length) };
    expect(changedShare(top, topOut)).toBeGreaterThan(0.03);
  });

  it('on a passport nothing is masked by default: MRZ digit runs are not taken for card numbers', async () => {
    const { image } = await loadFixture('passport-td3-2.jpg');
    const result = await analyzeImage(image, ocr, { documents: { barcodes } });
    expect(result.findings.filter((f) => f.kind === 'mrz')).toHaveLength(2);
    expect(result.masks).toHaveLength(0);
  });

  it('opacity 0 or empty text leaves the export untouched', () => {
    const img: RgbaImage = { width: 64, height: 48, data: new Uint8ClampedArray(64 * 48 * 4).fill(255) };
    expect(renderWatermark(img, { text: '   ' }, nodeTextPainter())).toBe(img);
    expect(changedShare(img, renderWatermark(img, { text: 'Copy', opacity: 0 }, nodeTextPainter()), 0)).toBe(
      0,
    );
  });
});

describe('performance gate', () => {
  it('a card photo gets no document OCR pass', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../fixtures/ocr/easy-front.jpg'));
    const image = await decodeImageNode(bytes);
    const report = await analyzeDocument(toGray(image), ocr, [], { barcodes });
    expect(report.verdict.documentLike).toBe(false);
    expect(report.ocrPasses).toBe(0);
    expect(report.findings).toHaveLength(0);
  });
});
