// "Know the document", end to end with real OCR: every identity document and statement among the
// project's document fixtures and the real specimens (tests/fixtures/real-ids) goes through
// analyzeImage, the whole pipeline a user gets (card engine, then documents). Passports, ID cards and
// licences get no card-number or security-code finding and keep every MRZ line untouched by default;
// statements keep their account numbers masked but the last four and their amounts untouched; and
// each page is classified as the fixture's kind.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage, masksForFindings, type AnalyzeResult } from '../../src/engine/analyze';
import type { PageKind } from '../../src/engine/documents/page-kind';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';
import {
  approxChars,
  coverage,
  covered,
  coveredPoly,
  inset,
  loadGroundTruth,
  scoreAccount,
  type GtDoc,
} from '../fixtures/documents/score';
import { FIXTURES, startBarcodes, startOcr } from './documents-support';

const REAL = resolve(__dirname, '../fixtures/real-ids');

/** The fixture's `kind` as page kinds: an ID card may be shown by its front or its back. */
const EXPECTED: Record<GtDoc['kind'], PageKind[]> = {
  passport: ['passport'],
  id_card: ['id-card-front', 'id-card-back'],
  driver_licence: ['driving-licence'],
  bank_statement: ['statement'],
  screenshot: ['statement'],
  card_back: ['card-back'],
};
const IDENTITY = new Set<GtDoc['kind']>(['passport', 'id_card', 'driver_licence']);

const cases = [FIXTURES, REAL].flatMap((dir) => loadGroundTruth(dir).map((gt) => ({ dir, gt })));
const results = new Map<string, AnalyzeResult>();
let ocr: OcrEngine;

beforeAll(async () => {
  const [engine, barcodes] = await Promise.all([startOcr(), startBarcodes()]);
  ocr = engine;
  for (const { dir, gt } of cases) {
    const image = await decodeImageNode(readFileSync(join(dir, gt.file)));
    results.set(gt.file, await analyzeImage(image, ocr, { documents: { barcodes } }));
  }
}, 600_000);
afterAll(async () => {
  await ocr?.terminate();
});

const identity = cases.filter((c) => IDENTITY.has(c.gt.kind)).map((c) => c.gt);
const statements = cases.filter((c) => c.gt.regions.some((r) => r.role === 'account')).map((c) => c.gt);

describe('page kinds on real OCR', () => {
  it('has identity documents and statements from both fixture sets', () => {
    expect(identity.length).toBeGreaterThanOrEqual(16);
    expect(statements.length).toBeGreaterThanOrEqual(7);
    expect(cases.filter((c) => c.dir === REAL)).toHaveLength(6);
  });

  it.each(cases.map((c) => c.gt))('$file is classified as its kind ($kind)', (gt) => {
    const r = results.get(gt.file)!;
    expect(EXPECTED[gt.kind]).toContain(r.pageKind?.kind);
    expect(r.pageKind?.reasons.length).toBeGreaterThan(0);
  });

  it.each(identity)('$file: no card-number or security-code finding; no MRZ line masked by default', (gt) => {
    const r = results.get(gt.file)!;
    const card = r.findings.filter((f) => f.kind === 'card-number' || f.kind === 'security-code');
    expect(card.map((f) => `${f.kind} ${f.text}`)).toEqual([]);
    // ID numbers, dates and barcodes are suggestions: off until the user switches them on.
    for (const f of r.findings) expect(f.enabledByDefault, `${f.kind} on by default`).toBe(false);
    const map = coverage(r.masks, gt.width, gt.height);
    for (const mrz of gt.regions.filter((x) => x.role === 'mrz'))
      expect(coveredPoly(map, gt.width, mrz.poly), mrz.text).toBe(0);
  });

  it.each(statements)('$file: account numbers masked but their last four; amounts untouched', (gt) => {
    const r = results.get(gt.file)!;
    const map = coverage(masksForFindings(r.findings, {}, {}), gt.width, gt.height);
    for (const region of gt.regions.filter((x) => x.role === 'account')) {
      if (region.note && /wrap/.test(region.note)) {
        // Wrapped over two lines ("00005-" / "123-456-7"): the head hidden whole, the tail keeps its four.
        expect(covered(map, gt.width, region.bbox), region.text).toBeGreaterThanOrEqual(0.5);
        continue;
      }
      const s = scoreAccount(map, gt.width, approxChars(region));
      expect({ hidden: s.hidden, lastFourVisible: s.keptVisible }, region.text).toEqual({
        hidden: true,
        lastFourVisible: true,
      });
    }
    for (const a of gt.regions.filter((x) => x.role === 'amount'))
      expect(covered(map, gt.width, a.bbox), `${a.text} untouched`).toBe(0);
    for (const cvv of gt.regions.filter((x) => x.role === 'cvv'))
      expect(covered(map, gt.width, inset(cvv.bbox, 1)), 'security code hidden').toBeGreaterThan(0.9);
  });
});
