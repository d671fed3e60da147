// Issue #15 on a phone (390x844, touch): "Take photo" opens the rear camera, every control is a
// 44 px target, Export and the findings are in reach at the bottom without scrolling, and the
// exported image goes to the share sheet where the browser can share files.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { decode, upload, waitForItems } from './support/app';
import { baseUrl, noBrowser, openApp, PHONE, RecordedBrowser } from './support/browser';
import { sharedApp } from './support/shared-app';

const card = readFileSync('tests/fixtures/app/s7-000-easy-front.jpg');

/** Web Share with files, as a phone browser offers it; the stub keeps what it was handed. */
const fakeShareSheet = () => {
  const shared: { name: string; type: string; bytes: number[] }[][] = [];
  Object.assign(window, { __shared: shared });
  Object.defineProperty(navigator, 'canShare', {
    value: (data?: { files?: File[] }) => !!data?.files?.length,
  });
  Object.defineProperty(navigator, 'share', {
    value: async (data: { files: File[] }) => {
      shared.push(
        await Promise.all(
          data.files.map(async (f) => ({
            name: f.name,
            type: f.type,
            bytes: [...new Uint8Array(await f.arrayBuffer())],
          })),
        ),
      );
    },
  });
};

// These two open the app the same way (a phone without a share sheet): they share one page, each
// from the app's empty state (support/shared-app.ts).
describe.skipIf(noBrowser)('one-handed on a phone', () => {
  const app = sharedApp({ newContext: (rb) => rb.browser.newContext(PHONE) });

  it('offers the rear camera on a phone and not on a desktop', async () => {
    const phone = app.page;
    const camera = phone.locator('[data-testid="camera-input"]');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    expect(await phone.locator('label.camera').isVisible()).toBe(true);
    // A photo from the camera arrives like any other file.
    await camera.setInputFiles([{ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: card }]);
    // While it is read, what is being done shows over the photo, in view: the list's line that also
    // says it is below the fold on a phone.
    const progress = phone.locator('[data-testid="stage-progress"]');
    await progress.waitFor({ state: 'visible', timeout: 60_000 });
    const shown = (await progress.boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.height).toBeLessThanOrEqual(PHONE.viewport.height);
    expect(await progress.textContent()).toMatch(/\S/);
    expect(await waitForItems(phone, 1)).toEqual(['ready']);
    expect(await progress.count()).toBe(0);
    // No keyboard shortcuts' button on a touch screen: its row of the header is the photo's.
    expect(await phone.locator('[data-testid="help-button"]').isVisible()).toBe(false);
    expect(
      Number(await phone.locator('[data-testid="image-item"]').getAttribute('data-mask-count')),
    ).toBeGreaterThan(0);

    const desktop = await openApp(
      await app.rb.browser.newContext({ viewport: { width: 1280, height: 800 } }),
      baseUrl,
    );
    await desktop.locator('.empty .privacy').waitFor();
    expect(await desktop.locator('label.camera').isVisible()).toBe(false);
    expect(await desktop.locator('[data-testid="help-button"]').isVisible()).toBe(true);
    await desktop.context().close();
  });

  it('keeps the download alone where the browser cannot share files', async () => {
    const page = app.page;
    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: card }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="action-export-button"]').tap();
    await download;
    await page.locator('[data-testid="notice"]', { hasText: 'card-redacted.png' }).waitFor();
    expect(
      await page.locator('[data-testid="share-button"], [data-testid="action-share-button"]').count(),
    ).toBe(0);
  });
});

// A phone whose browser shares files is another context (the share sheet's stub): its own browser.
describe.skipIf(noBrowser)('one-handed on a phone that shares files', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  it('keeps Export and the findings in thumb reach, with 44 px targets, and shares the export', async () => {
    rb = await RecordedBrowser.launch();
    const context = await rb.browser.newContext({ ...PHONE, acceptDownloads: true });
    await context.addInitScript(fakeShareSheet);
    const page = await openApp(context, baseUrl);
    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: card }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);

    // The photo comes first, then its toolbar; the bottom bar is on screen without scrolling.
    const stage = (await page.locator('[data-testid="editor-stage"]').boundingBox())!;
    const toolbar = (await page.locator('.toolbar').boundingBox())!;
    expect(stage.y).toBeLessThan(toolbar.y);
    const exportButton = page.locator('[data-testid="action-export-button"]');
    const bar = (await page.locator('[data-testid="action-bar"]').boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(844);
    expect(bar.y).toBeGreaterThan(toolbar.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button, select, .button, input[type="text"], label:has(> input[type="checkbox"])',
        ),
      ]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ el, r }) => `${el.tagName} "${el.textContent?.trim().slice(0, 30)}" ${r.width}x${r.height}`),
    );
    expect(small).toEqual([]);

    await page.locator('[data-testid="action-findings-button"]').tap();
    await expect.poll(async () => (await page.locator('.findings h2').boundingBox())!.y).toBeLessThan(844);

    // Export from the bottom bar; then "Share" hands the same redacted PNG to the share sheet.
    const download = page.waitForEvent('download');
    await exportButton.tap();
    const saved = await download;
    const share = page.locator('[data-testid="action-share-button"]');
    await share.waitFor();
    await share.tap();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length))
      .toBe(1);
    const [[file]] = await page.evaluate(
      () => (window as unknown as { __shared: { name: string; type: string; bytes: number[] }[][] }).__shared,
    );
    expect(file.name).toBe(saved.suggestedFilename());
    expect(file.type).toBe('image/png');
    const shared = await decode(Buffer.from(file.bytes));
    expect([shared.width, shared.height]).toEqual([1078, 689]);
    expect(await page.locator('[data-testid="share-button"]').count()).toBe(1);
  });
});
