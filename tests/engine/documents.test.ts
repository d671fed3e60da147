// Documents end to end with real OCR: passports and ID cards (MRZ + printed twins), a licence barcode,
// statements (card/IBAN/account numbers masked but the last four; amounts untouched; transactions on
// request), and the watermark burned into an export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { masksForFindings } from '../../src/engine/analyze';
import type { BarcodeReader } from '../../src/engine/documents/barcode';
import { analyzeDocument } from '../../src/engine/documents/document-findings';
import { toGray } from '../../src/engine/image/gray';
import type { OcrEngine } from '../../src/engine/ocr/types';
import type { Finding, MaskKind } from '../../src/engine/types';
import { coverage, covered, coveredPoly, inset, scoreAccount } from '../fixtures/documents/score';
import { loadFixture, startBarcodes, startOcr } from './documents-support';

let ocr: OcrEngine;
let barcodes: BarcodeReader;

beforeAll(async () => {
  [ocr, barcodes] = await Promise.all([startOcr(), startBarcodes()]);
});
afterAll(async () => {
  await ocr?.terminate();
});

/** What the UI does when the user switches a whole category on. */
function enableKinds(findings: Finding[], kinds: MaskKind[]): Record<string, boolean> {
  return Object.fromEntries(findings.filter((f) => kinds.includes(f.kind)).map((f) => [f.id, true]));
}

async function run(name: string) {
  const { image, gt } = await loadFixture(name);
  const report = await analyzeDocument(toGray(image), ocr, [], { barcodes });
  return { image, gt, report, findings: report.findings };
}

describe('passports and ID cards', () => {
  it('reads a TD3 passport MRZ with valid check digits and finds its printed twins', async () => {
    const { image, gt, findings, report } = await run('passport-td3-1.jpg');
    expect(report.mrz?.reading.format).toBe('TD3');
    expect(report.mrz?.reading.checkDigitsValid).toBe(true);
    expect(report.mrz?.reading.documentNumber).toBe('L898902C3');
    const kinds = new Set(findings.map((f) => f.kind));
    for (const k of ['mrz', 'document-number', 'personal-number', 'date-of-birth'] as const)
      expect(kinds).toContain(k);

    // Suggestions only: nothing is masked until the user switches a category on.
    for (const f of findings) {
      expect(f.enabledByDefault).toBe(false);
      expect(f.keepable).toBe(false);
    }
    expect(masksForFindings(findings, {}, {})).toHaveLength(0);

    const enabled = enableKinds(findings, ['mrz', 'document-number', 'personal-number', 'date-of-birth']);
    const map = coverage(masksForFindings(findings, {}, enabled), image.width, image.height);
    for (const r of gt.regions) {
      if (['mrz', 'docnum', 'personal', 'dob'].includes(r.role)) {
        expect(covered(map, image.width, inset(r.bbox, 2)), `${r.role} ${r.text}`).toBeGreaterThan(0.9);
      }
    }
  });

  it('reads a TD1 ID card MRZ (three lines of 30) and masks only the MRZ when only MRZ is on', async () => {
    const { image, gt, findings, report } = await run('id-td1-2.jpg');
    expect(report.mrz?.reading.format).toBe('TD1');
    expect(report.mrz?.reading.checkDigitsValid).toBe(true);
    const mrz = findings.filter((f) => f.kind === 'mrz');
    expect(mrz).toHaveLength(3);
    const map = coverage(
      masksForFindings(findings, {}, enableKinds(findings, ['mrz'])),
      image.width,
      image.height,
    );
    for (const r of gt.regions.filter((r) => r.role === 'mrz'))
      expect(covered(map, image.width, inset(r.bbox, 2))).toBeGreaterThan(0.9);
    // The printed document number stays readable: its category is still off.
    const docnum = gt.regions.find((r) => r.role === 'docnum');
    expect(docnum).toBeDefined();
    expect(covered(map, image.width, docnum!.bbox)).toBe(0);
  });

  it('reads a passport photographed sideways and maps the masks back onto the turned page', async () => {
    const { image, gt, findings, report } = await run('passport-td3-5-rot90.jpg');
    expect([1, 3]).toContain(report.turns);
    expect(report.mrz?.reading.checkDigitsValid).toBe(true);
    const map = coverage(
      masksForFindings(findings, {}, enableKinds(findings, ['mrz', 'document-number'])),
      image.width,
      image.height,
    );
    for (const r of gt.regions.filter((r) => r.role === 'mrz' || r.role === 'docnum')) {
      expect(covered(map, image.width, inset(r.bbox, 2)), r.text).toBeGreaterThan(0.9);
    }
  });

  it('reads a tilted, blurred, noisy phone-style photo of an ID card by re-reading its MRZ level', async () => {
    const { image, gt, findings, report } = await run('id-td1-6-photo.jpg');
    expect(report.mrz?.reading.checkDigitsValid).toBe(true);
    const masks = masksForFindings(findings, {}, enableKinds(findings, ['mrz']));
    // The masks follow the card's tilt.
    for (const m of masks) expect(m.rotation).toBeCloseTo(-3, 0);
    const map = coverage(masks, image.width, image.height);
    for (const r of gt.regions.filter((r) => r.role === 'mrz')) {
      expect(coveredPoly(map, image.width, r.poly)).toBeGreaterThan(0.9);
    }
  });

  it('suggests a mask over a licence PDF417 barcode', async () => {
    const { image, gt, findings } = await run('licence-pdf417-1.jpg');
    const bc = findings.filter((f) => f.kind === 'barcode');
    expect(bc).toHaveLength(1);
    expect(bc[0].enabledByDefault).toBe(false);
    expect(bc[0].notes?.join(' ')).toMatch(/PDF417.*date of birth/);
    const map = coverage(
      masksForFindings(findings, {}, enableKinds(findings, ['barcode'])),
      image.width,
      image.height,
    );
    const region = gt.regions.find((r) => r.role === 'barcode')!;
    expect(covered(map, image.width, region.bbox)).toBeGreaterThan(0.95);
  });
});

describe('statements', () => {
  it('masks card, IBAN and account numbers except their last four; leaves amounts alone', async () => {
    const { image, gt, findings } = await run('statement-1.jpg');
    const kinds = findings.map((f) => f.kind);
    expect(kinds).toContain('iban');
    expect(kinds).toContain('card-number');
    expect(kinds).toContain('account-number');
    const iban = findings.find((f) => f.kind === 'iban')!;
    expect(iban.keepable && iban.enabledByDefault).toBe(true);
    expect(iban.notes).toContain('mod-97 checksum valid');

    const map = coverage(masksForFindings(findings, {}, {}), image.width, image.height);
    for (const r of gt.regions.filter((r) => r.role === 'account')) {
      const s = scoreAccount(map, image.width, r);
      expect(s.hidden, `${r.text} hidden`).toBe(true);
      expect(s.keptVisible, `${r.text} last four visible`).toBe(true);
    }
    for (const r of gt.regions.filter((r) => r.role === 'amount' || r.role === 'keepinfo')) {
      expect(covered(map, image.width, r.bbox), `${r.text} untouched`).toBe(0);
    }
  });

  it('"hide transactions" is off by default and covers the table but not name or statement date', async () => {
    const { image, gt, findings } = await run('statement-2.jpg');
    const tx = findings.find((f) => f.kind === 'transactions');
    expect(tx).toBeDefined();
    expect(tx!.enabledByDefault).toBe(false);
    const masks = masksForFindings(findings, {}, { [tx!.id]: true }).filter((m) => m.findingId === tx!.id);
    expect(masks.length).toBeGreaterThan(0);
    for (const m of masks) expect(Math.abs(m.rotation)).toBeLessThan(0.5);
    const map = coverage(masks, image.width, image.height);
    const table = gt.regions.find((r) => r.role === 'transactions')!;
    expect(covered(map, image.width, inset(table.bbox, 2))).toBeGreaterThan(0.97);
    for (const r of gt.regions.filter((r) => r.role === 'keepinfo' || r.role === 'account')) {
      expect(covered(map, image.width, r.bbox), r.text).toBe(0);
    }
  });

  it('finds an IBAN and a card number on a banking-app screenshot', async () => {
    const { image, gt, findings } = await run('screenshot-1.png');
    const map = coverage(masksForFindings(findings, {}, {}), image.width, image.height);
    const accounts = gt.regions.filter((r) => r.role === 'account');
    expect(accounts).toHaveLength(2);
    for (const r of accounts) {
      const s = scoreAccount(map, image.width, r);
      expect(s.hidden && s.keptVisible, r.text).toBe(true);
    }
    const balance = gt.regions.find((r) => r.role === 'amount')!;
    expect(covered(map, image.width, balance.bbox)).toBe(0);
  });
});
