import { describe, expect, it } from 'vitest';
import { cardJpeg } from '../support/bad-inputs';
import { decode, download, pngChunks, upload, waitForItems } from './support/app';
import { RecordedBrowser, baseUrl, noBrowser, openApp } from './support/browser';
import { reloadOffline, waitForServiceWorkerControl } from './support/offline';

describe.skipIf(noBrowser)('installable offline PWA', () => {
  it('loads, detects, edits and exports with the network off once the service worker is in control', async () => {
    const rb = await RecordedBrowser.launch();
    const context = await rb.newContext({ serviceWorkers: 'allow' });
    const page = await openApp(context);
    await reloadOffline(context, page);
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    // The text models load offline too, from the precache.
    await page.locator('[data-testid="models-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid="models-notice"]').count()).toBe(0);
    const cached = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys())
        for (const req of await (await caches.open(name)).keys()) paths.push(new URL(req.url).pathname);
      return paths;
    });
    for (const file of [
      '/models/ch_PP-OCRv4_det_infer.onnx',
      '/models/ch_PP-OCRv4_rec_infer.onnx',
      '/models/ppocr_keys_v1.txt',
      '/ort/ort-wasm-simd-threaded.mjs',
      '/ort/ort-wasm-simd-threaded.wasm',
    ])
      expect(cached, file).toContain(file);
    // One OCR core, the SIMD build the app names.
    expect(cached.filter((p) => p.startsWith('/ocr/core/'))).toEqual([
      '/ocr/core/tesseract-core-simd-lstm.wasm.js',
    ]);

    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: cardJpeg() }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const auto = Number(await page.locator('[data-testid="image-item"]').getAttribute('data-mask-count'));
    expect(auto).toBeGreaterThan(0);
    // Edit: add a mask from the keyboard.
    await page.locator('[data-testid="editor-stage"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('m');
    await expect
      .poll(() => page.locator('[data-testid="image-item"]').getAttribute('data-mask-count'))
      .toBe(String(auto + 1));

    const { name, bytes } = await download(page, 'export-button');
    expect(name).toBe('card-redacted.png');
    const png = await decode(bytes);
    expect([png.width, png.height]).toEqual([1078, 689]);
    expect(
      pngChunks(bytes).filter((t) => !['IHDR', 'IDAT', 'IEND', 'sRGB', 'gAMA', 'cHRM', 'pHYs'].includes(t)),
    ).toEqual([]);
    const requests = await rb.closeAndReadRequests();
    expect(requests.foreign).toEqual([]);
  });

  it('has a manifest and service worker that make it installable', async () => {
    const rb = await RecordedBrowser.launch();
    const context = await rb.newContext({ serviceWorkers: 'allow' });
    const page = await openApp(context);
    await waitForServiceWorkerControl(page);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string; critical: number }[];
      data?: string;
    };
    expect(manifest.url).toBe(new URL('manifest.webmanifest', baseUrl).href);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as Record<string, unknown> & {
      icons: { sizes: string; purpose?: string }[];
    };
    expect(data).toMatchObject({ name: expect.any(String), short_name: 'LastFour', display: 'standalone' });
    expect(data.start_url).toBeTruthy();
    expect(data.scope).toBeTruthy();
    expect(data.theme_color).toBeTruthy();
    expect(data.background_color).toBeTruthy();
    expect(data.icons.some((i) => i.sizes === '192x192')).toBe(true);
    expect(data.icons.some((i) => i.sizes === '512x512' && (i.purpose ?? 'any').includes('any'))).toBe(true);
    expect(data.icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are incognito profiles, where Chromium never offers installation; every
    // other reason (manifest fields, icons, service worker, scope) must be absent.
    const reasons = installability.installabilityErrors
      .map((e) => e.errorId)
      .filter((id) => id !== 'in-incognito');
    expect(reasons).toEqual([]);
    // Every icon the manifest names is served.
    for (const icon of data.icons as unknown as { src: string }[]) {
      const res = await page.request.get(new URL(icon.src, manifest.url).href);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    await rb.closeAndReadRequests();
  });
});
