// The independent check after export, with the real readers in Node: a card exported with its number
// mask deleted is caught by the reader that did not find the number (Tesseract, since the learned
// recognizer found it; the learned recognizer when Tesseract alone found it), in card layout; the
// same card exported with its masks is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeModelSource } from '../../src/cli/models-node';
import { createNodeOcr } from '../../src/cli/ocr-node';
import { analyzeImage, type AnalyzeResult } from '../../src/engine/analyze';
import { burnMasks } from '../../src/engine/burn/burn';
import { checkExport, findLeaks, otherReader } from '../../src/engine/detect/leak-check';
import { loadTextModels, type TextModels } from '../../src/engine/learned/models';
import type { OcrEngine } from '../../src/engine/ocr/types';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';

const FILE = join(__dirname, '../fixtures/app/s7-000-easy-front.jpg');
let ocr: OcrEngine;
let models: TextModels;
let image: RgbaImage;
let result: AnalyzeResult;

beforeAll(async () => {
  [ocr, models] = await Promise.all([createNodeOcr(2), loadTextModels(nodeModelSource())]);
  image = await decodeImageNode(new Uint8Array(readFileSync(FILE)));
  result = await analyzeImage(image, ocr, { models });
}, 180_000);
afterAll(() => ocr?.terminate());

describe('leak check by the other reader', () => {
  it('reads the number in card layout when its mask was deleted, and points at it', async () => {
    expect(result.reader).toBe('learned');
    const reader = otherReader(result.reader!, true);
    expect(reader).toBe('tesseract');
    const kept = result.masks.filter((m) => m.kind !== 'card-number');
    const leaks = await findLeaks(burnMasks(image, kept), { ocr, models, reader });
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0].reader).toBe('tesseract');
    expect(leaks[0].digits).toBeGreaterThanOrEqual(8);
    expect(leaks[0].label).toMatch(/^•{4,}\d{4}$/);
    // It points at the number: the ground truth's digits lie inside its corners' bounds.
    const xs = leaks[0].corners.map((p) => p.x);
    const ys = leaks[0].corners.map((p) => p.y);
    expect(Math.min(...xs)).toBeLessThan(170);
    expect(Math.max(...ys)).toBeGreaterThan(440);
    expect(Math.min(...ys)).toBeLessThan(420);
  }, 120_000);

  it('the findings say the learned recognizer read the number, so Tesseract checks', async () => {
    const numbers = result.findings.filter((f) => f.kind === 'card-number' && f.text.length >= 12);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((f) => f.reader === 'learned')).toBe(true);
    const kept = result.masks.filter((m) => m.kind !== 'card-number');
    const check = await checkExport(burnMasks(image, kept), result.findings, {
      ocr,
      models,
      primary: 'learned',
    });
    expect(check.readers).toEqual(['tesseract']);
    expect(check.findingsReadBy).toEqual(['learned']);
    expect(check.leaks.length).toBeGreaterThan(0);
  }, 120_000);

  it('a number Tesseract read alone is checked by the learned recognizer', async () => {
    // Read without the text models: Tesseract finds the number; the learned recognizer re-reads.
    const byTesseract = await analyzeImage(image, ocr, {});
    const numbers = byTesseract.findings.filter((f) => f.kind === 'card-number' && f.text.length >= 12);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((f) => f.reader === 'tesseract')).toBe(true);
    const kept = byTesseract.masks.filter((m) => m.kind !== 'card-number');
    const check = await checkExport(burnMasks(image, kept), byTesseract.findings, {
      ocr,
      models,
      primary: byTesseract.reader!,
    });
    expect(check.readers).toEqual(['learned']);
    expect(check.leaks.length).toBeGreaterThan(0);
    expect(check.leaks.every((l) => l.reader === 'learned')).toBe(true);
  }, 180_000);

  it("reads the analysis' own lines without running the text detector again", async () => {
    expect(result.textLines?.length).toBeGreaterThan(0);
    let detectorRuns = 0;
    const counted: TextModels = {
      ...models,
      detect: (...args) => {
        detectorRuns++;
        return models.detect(...args);
      },
    };
    const kept = result.masks.filter((m) => m.kind !== 'card-number');
    const leaks = await findLeaks(burnMasks(image, kept), {
      ocr,
      models: counted,
      reader: 'tesseract',
      lines: result.textLines,
    });
    expect(detectorRuns).toBe(0);
    expect(leaks[0]?.label).toMatch(/^•{4,}\d{4}$/);
    const masked = await findLeaks(burnMasks(image, result.masks), {
      ocr,
      models: counted,
      reader: 'tesseract',
      lines: result.textLines,
    });
    expect(masked).toEqual([]);
  }, 120_000);

  it('finds nothing in the export with its masks', async () => {
    const leaks = await findLeaks(burnMasks(image, result.masks), { ocr, models, reader: 'tesseract' });
    expect(leaks).toEqual([]);
  }, 120_000);

  it('the learned recognizer checks what Tesseract found', async () => {
    expect(otherReader('tesseract', true)).toBe('learned');
    expect(otherReader('tesseract', false)).toBe('tesseract');
    const leaks = await findLeaks(image, { ocr, models, reader: 'learned' });
    expect(leaks.map((l) => l.reader)).toContain('learned');
  }, 120_000);
});
