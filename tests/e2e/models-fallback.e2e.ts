// The text models are an improvement, not a requirement: when a model file is damaged or missing on
// the server, the app says so politely and still redacts with Tesseract alone. Each case serves its
// own copy of the built app (same config, so the same CSP headers) with one model file broken.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { download, item, upload, waitForItems } from './support/app';
import { RecordedBrowser, noBrowser, openApp } from './support/browser';
import { serveBrokenCopy } from './support/serve-copy';
import { scoreExport, type GroundTruth } from './support/score';

const FIXTURE = 'tests/fixtures/app/s7-000-easy-front';
const truth = JSON.parse(readFileSync(`${FIXTURE}.json`, 'utf8')) as GroundTruth;

/** Bytes that are no ONNX model (a protobuf parser gives up on them at once). */
const garbage = () => Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 251));

describe.skipIf(noBrowser)('text models missing or damaged: Tesseract alone', () => {
  let served: { url: string; close: () => Promise<void> } | undefined;
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    await served?.close();
    rb = undefined;
    served = undefined;
  });

  it('a damaged detector model: a clear notice, and the card is still redacted', async () => {
    served = await serveBrokenCopy((dir) =>
      writeFileSync(join(dir, 'models/ch_PP-OCRv4_det_infer.onnx'), garbage()),
    );
    rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext(), served.url);
    const notice = page.locator('[data-testid="models-notice"]');
    await notice.waitFor({ timeout: 90_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/^Text models could not be loaded \(/);
    expect(text).toMatch(/detector model is damaged or not a model/);
    expect(text).toMatch(/reading with Tesseract alone; results may be weaker\.$/);
    expect(await page.locator('[data-testid="models-status"]').getAttribute('data-state')).toBe('error');
    expect(await page.evaluate(() => window.__lastfour!.modelsStatus())).toMatchObject({
      state: 'error',
      code: 'model-missing',
    });

    // The fallback: OCR still starts and the card number is found and hidden, the last four kept.
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await upload(page, [`${FIXTURE}.jpg`]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    expect(Number(await item(page, 0).getAttribute('data-mask-count'))).toBeGreaterThan(0);
    const out = await download(page, 'export-button');
    const score = await scoreExport(truth, readFileSync(`${FIXTURE}.jpg`), out.bytes);
    expect(score.error).toBeUndefined();
    expect(score.toHide).toBe(12);
    expect(score.leaked, 'must-hide digits still readable').toEqual([]);
    expect(score.lost, 'last-four digits damaged').toEqual([]);

    const requests = await rb.closeAndReadRequests(new URL(served.url).origin);
    rb = undefined;
    // The damaged file really was fetched (from our origin), so the notice is about it.
    expect(requests.all.some((u) => u.endsWith('/models/ch_PP-OCRv4_det_infer.onnx'))).toBe(true);
    expect(requests.foreign).toEqual([]);
  });

  it('a missing recognizer model: the notice names the file', async () => {
    served = await serveBrokenCopy((dir) => unlinkSync(join(dir, 'models/ch_PP-OCRv4_rec_infer.onnx')));
    rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext(), served.url);
    const notice = page.locator('[data-testid="models-notice"]');
    await notice.waitFor({ timeout: 90_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/recognizer model could not be read: ch_PP-OCRv4_rec_infer\.onnx/);
    expect(text).toMatch(/HTTP 404|missing from the server/);
    expect(text).toMatch(/reading with Tesseract alone/);
    expect(await page.evaluate(() => window.__lastfour!.modelsStatus().code)).toBe('model-missing');
  });
});
