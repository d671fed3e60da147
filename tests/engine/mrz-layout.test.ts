// The MRZ by its layout, end to end with real OCR and the learned text models: every MRZ line of every
// document fixture and real specimen is hidden when the MRZ suggestion is switched on (--mrz), and left
// untouched with the defaults. Two copies degraded as a poor phone photo (blocky blur, noise, low
// contrast) are included: Tesseract alone no longer finds their zone, the layout still does.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledFor } from '../../src/cli/document-flags';
import { nodeModelSource } from '../../src/cli/models-node';
import { analyzeImage, masksForFindings, type AnalyzeResult } from '../../src/engine/analyze';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { newTrace } from '../../src/engine/detect/trace';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';
import { coverage, coveredPoly, loadGroundTruth, type GtDoc } from '../fixtures/documents/score';
import { FIXTURES, startBarcodes, startOcr } from './documents-support';

const REAL = resolve(__dirname, '../fixtures/real-ids');

/** A poor photo: k x k blocks averaged, contrast down to 60%, noise (a fixed seed). */
function degrade(img: RgbaImage, k: number): RgbaImage {
  const out = new Uint8ClampedArray(img.data.length);
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let by = 0; by < img.height; by += k) {
    for (let bx = 0; bx < img.width; bx += k) {
      const acc = [0, 0, 0];
      let n = 0;
      const ys = Math.min(img.height, by + k);
      const xs = Math.min(img.width, bx + k);
      for (let y = by; y < ys; y++)
        for (let x = bx; x < xs; x++, n++)
          for (let c = 0; c < 3; c++) acc[c] += img.data[(y * img.width + x) * 4 + c];
      for (let y = by; y < ys; y++) {
        for (let x = bx; x < xs; x++) {
          const i = (y * img.width + x) * 4;
          const noise = (rnd() - 0.5) * 60;
          for (let c = 0; c < 3; c++) out[i + c] = 128 + (acc[c] / n - 128) * 0.6 + noise;
          out[i + 3] = 255;
        }
      }
    }
  }
  return { ...img, data: out };
}

interface Case {
  name: string;
  gt: GtDoc;
  image: RgbaImage;
}

const DEGRADED = ['passport-td3-1.jpg', 'passport-td3-6-photo.jpg'];
const results = new Map<string, AnalyzeResult>();
/** The card engine's line reads per case (DetectTrace.reads). */
const cardReads = new Map<string, number>();
const cases: Case[] = [];
let ocr: OcrEngine;
let models: TextModels;

beforeAll(async () => {
  const [engine, barcodes, loaded] = await Promise.all([
    startOcr(),
    startBarcodes(),
    loadTextModels(nodeModelSource()),
  ]);
  ocr = engine;
  models = loaded;
  for (const dir of [FIXTURES, REAL]) {
    for (const gt of loadGroundTruth(dir).filter((g) => g.regions.some((r) => r.role === 'mrz'))) {
      const image = await decodeImageNode(readFileSync(join(dir, gt.file)));
      cases.push({ name: gt.file, gt, image });
      if (DEGRADED.includes(gt.file))
        cases.push({ name: `${gt.file} (poor photo)`, gt, image: degrade(image, 5) });
    }
  }
  for (const c of cases) {
    const trace = newTrace();
    results.set(c.name, await analyzeImage(c.image, ocr, { models, documents: { barcodes }, trace }));
    cardReads.set(c.name, trace.reads.length);
  }
}, 900_000);
afterAll(async () => {
  await ocr?.terminate();
});

describe('the MRZ by its layout, with the learned models', () => {
  it('covers every fixture with an MRZ, and the degraded copies', () => {
    expect(cases.length).toBeGreaterThanOrEqual(18);
  });

  it('hides every MRZ line with --mrz, none by default, and no card finding fires on it', () => {
    const missed: string[] = [];
    for (const { name, gt } of cases) {
      const r = results.get(name)!;
      const withMrz = coverage(
        masksForFindings(r.findings, {}, enabledFor(r.findings, { kinds: { mrz: true } })),
        gt.width,
        gt.height,
      );
      const byDefault = coverage(r.masks, gt.width, gt.height);
      gt.regions
        .filter((x) => x.role === 'mrz')
        .forEach((x, i) => {
          const hidden = coveredPoly(withMrz, gt.width, x.poly);
          if (hidden < 0.9) missed.push(`${name} line ${i + 1}: ${(hidden * 100).toFixed(0)}% hidden`);
          expect(coveredPoly(byDefault, gt.width, x.poly), `${name} line ${i + 1} by default`).toBe(0);
        });
      expect(r.findings.filter((f) => f.kind === 'card-number' || f.kind === 'security-code')).toEqual([]);
      for (const f of r.findings.filter((f) => f.kind === 'mrz')) {
        expect(f.enabledByDefault).toBe(false);
        expect(f.keepable).toBe(false);
      }
    }
    expect(missed).toEqual([]);
  });

  it('reads no line for a card number on a page whose zone reads first with valid check digits', () => {
    // documents/identity-first.ts: an MRZ found by its layout and read with its check digits holding
    // settles the page's kind before the card engine runs. These zones read so.
    for (const name of ['pe_icao_td3_specimen.jpg', 'passport-td3-1.jpg', 'passport-td3-6-photo.jpg'])
      expect(cardReads.get(name), name).toBe(0);
    // A zone read with a check digit failing proves nothing (this one reads so today): the card
    // engine still reads the page, and the page's kind drops what it finds.
    expect(cardReads.get('id-td1-4.jpg')).toBeGreaterThan(0);
  });

  it('masks each line whole, one mask along its tilt', () => {
    const r = results.get('id-td1-6-photo.jpg')!;
    const masks = masksForFindings(r.findings, {}, enabledFor(r.findings, { kinds: { mrz: true } }));
    expect(masks).toHaveLength(3);
    for (const m of masks) expect(m.rotation).toBeCloseTo(-3, 0);
  });
});
