import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

import { RecordedBrowser, noBrowser, openApp } from './support/browser';
import { serveBrokenCopy } from './support/serve-copy';

const fixture = readFileSync('tests/fixtures/ocr/easy-front.jpg').toString('base64');

describe.skipIf(noBrowser)('OCR wiring in the built app', () => {
  it('starts tesseract.js and the text models from same-origin files and reads a card, with no request to another origin', async () => {
    const rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext());
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="models-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid="models-notice"]').count()).toBe(0);
    const result = await page.evaluate(([b64]) => window.__lastfour!.recognizeBase64(b64, 'image/jpeg'), [
      fixture,
    ] as const);
    const requests = await rb.closeAndReadRequests();
    expect(result.text).toMatch(/BANCO AZUL/);
    expect(result.text).toMatch(/4100\s*4266/);
    expect(result.symbols).toBeGreaterThan(20);
    // The log must actually contain the OCR assets, or its silence would prove nothing.
    expect(requests.all.some((u) => u.endsWith('/ocr/worker.min.js'))).toBe(true);
    // Exactly one OCR core, the SIMD build named by the app: never the relaxed-SIMD one.
    expect(requests.all.filter((u) => u.includes('/ocr/core/')).map((u) => new URL(u).pathname)).toEqual([
      '/ocr/core/tesseract-core-simd-lstm.wasm.js',
    ]);
    expect(requests.all.some((u) => u.endsWith('/ocr/lang/eng.traineddata.gz'))).toBe(true);
    // The text models and onnxruntime-web's glue and wasm, from our origin (never its CDN default).
    for (const file of [
      '/models/ch_PP-OCRv4_det_infer.onnx',
      '/models/ch_PP-OCRv4_rec_infer.onnx',
      '/models/ppocr_keys_v1.txt',
      '/ort/ort-wasm-simd-threaded.mjs',
      '/ort/ort-wasm-simd-threaded.wasm',
    ])
      expect(
        requests.all.some((u) => new URL(u).pathname === file),
        file,
      ).toBe(true);
    expect(requests.foreign).toEqual([]);
  });

  it('catches OCR pointed at a CDN (the leak check can fail)', async () => {
    // With our CSP the request is stopped before the network, so serve the same build without the CSP
    // header (and bypass the page's meta tag) to prove the NetLog check itself catches the leak.
    const url = inject('baseUrlNoCsp');
    const rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext({ bypassCSP: true }), url);
    const cdn = 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng@1.0.0/4.0.0_best_int';
    const outcome = await page.evaluate(
      ([langPath]) =>
        window
          .__lastfour!.restartOcr({
            workerPath: new URL('ocr/worker.min.js', location.href).href,
            corePath: new URL('ocr/core/tesseract-core-simd-lstm.wasm.js', location.href).href,
            langPath,
          })
          .then(() => 'started')
          .catch((e: unknown) => `failed: ${String(e)}`),
      [cdn] as const,
    );
    const requests = await rb.closeAndReadRequests(new URL(url).origin);
    expect(outcome).toMatch(/^failed: /);
    expect(requests.foreign).toContain(`${cdn}/eng.traineddata.gz`);
  });

  it('OCR language data missing from the server: the status says so, with code ocr-assets-missing', async () => {
    const served = await serveBrokenCopy((dir) => unlinkSync(join(dir, 'ocr/lang/eng.traineddata.gz')));
    let rb: RecordedBrowser | undefined = await RecordedBrowser.launch();
    try {
      const page = await openApp(await rb.newContext(), served.url);
      const status = page.locator('[data-testid="ocr-status"][data-state="error"]');
      await status.waitFor({ timeout: 90_000 });
      const ocr = await page.evaluate(() => window.__lastfour!.ocrStatus());
      expect(ocr.code).toBe('ocr-assets-missing');
      expect(await status.textContent()).toContain(ocr.message);
      const requests = await rb.closeAndReadRequests(new URL(served.url).origin);
      rb = undefined;
      // The missing file really was asked for, from our origin only.
      expect(requests.all.some((u) => u.endsWith('/ocr/lang/eng.traineddata.gz'))).toBe(true);
      expect(requests.foreign).toEqual([]);
    } finally {
      await rb?.closeAndReadRequests().catch(() => undefined);
      await served.close();
    }
  });
});
