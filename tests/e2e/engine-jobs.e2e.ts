// The engine core in the browser: Remove stops the removed photo's OCR in the worker (its job is
// reported cancelled) and the next photo is detected; every bad file reaches the app with its code
// and the words of the one error table, and so does a photo removed while an export runs, and a
// photo too big for a low-memory phone's memory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/engine/error-codes';
import { codedBadFiles, hugeBlankPng } from '../support/bad-inputs';
import { upload, waitForItems } from './support/app';
import { RecordedBrowser, noBrowser, openApp } from './support/browser';
import { sharedApp } from './support/shared-app';

const card = (name: string) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: readFileSync('tests/fixtures/app/s7-000-easy-front.jpg'),
});

// These tests open the app the same way: they share one page, each from the app's empty state
// (support/shared-app.ts). None may ask another origin for anything: checked on the browser's NetLog
// when it closes after the last of them.
describe.skipIf(noBrowser)('engine jobs and error codes in the app', () => {
  const app = sharedApp({ noForeignRequests: true });

  it('removing a photo while OCR runs cancels its job; the next photo is detected', async () => {
    const page = app.page;
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="models-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    // The worker's record of jobs outlives "Clear all": those of earlier tests on the page are not
    // this test's.
    const earlier = new Set(
      (await page.evaluate(() => window.__lastfour!.engineJobs())).jobs.map((j) => j.jobId),
    );

    await upload(page, [card('first.jpg')]);
    // The worker has started the first photo's job and is reading it.
    await page.waitForFunction(
      async () => (await window.__lastfour!.engineJobs()).jobs.some((j) => j.state === 'running'),
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    const running = (await page.evaluate(() => window.__lastfour!.engineJobs())).jobs.find(
      (j) => j.state === 'running',
    )!;
    await page.locator('[data-testid="item-remove"]').first().click();
    await upload(page, [card('second.jpg')]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const items = await page.evaluate(() => window.__lastfour!.items());
    expect(items.map((i) => [i.name, i.status])).toEqual([['second.jpg', 'ready']]);
    expect(items[0].maskCount).toBeGreaterThan(0);

    const report = await page.evaluate(() => window.__lastfour!.engineJobs());
    const jobs = report.jobs.filter((j) => !earlier.has(j.jobId));
    const first = jobs.find((j) => j.jobId === running.jobId)!;
    expect(first.state).toBe('cancelled');
    const second = jobs.filter((j) => j.jobId !== running.jobId);
    expect(second.map((j) => j.state)).toEqual(['done']);
    // The cancelled job ended before the second one started: it did not run on behind it.
    expect(first.endedMs!).toBeLessThanOrEqual(second[0].startedMs);
    expect(report.ocrWorkers).toBeGreaterThanOrEqual(1);
  });

  it('a photo removed while Export all runs: the export says not-open, with the table words', async () => {
    const page = app.page;
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await upload(page, [card('one.jpg'), card('two.jpg')]);
    expect(await waitForItems(page, 2, 180_000)).toEqual(['ready', 'ready']);
    // Export all exports one photo at a time; the second is removed (its pixels closed in the
    // worker) while the first is being burned, before the export reaches it.
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('[data-testid="export-all-button"]')!.click();
      document.querySelectorAll<HTMLButtonElement>('[data-testid="item-remove"]')[1].click();
    });
    await page.waitForFunction(() => window.__lastfour!.notice().errorCode !== undefined, undefined, {
      timeout: 60_000,
    });
    const notice = await page.evaluate(() => window.__lastfour!.notice());
    expect(notice.errorCode).toBe('not-open');
    expect(notice.text).toContain(errorText('not-open'));
    expect(await page.locator('[data-testid="notice"]').textContent()).toBe(notice.text);
    expect((await page.evaluate(() => window.__lastfour!.items())).map((i) => i.name)).toEqual(['one.jpg']);
  });

  it('every bad file gets its code and the table words; a wrong PDF password too', async () => {
    const page = app.page;
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    const bad = codedBadFiles();
    await upload(
      page,
      bad.map((b) => b.input),
    );
    await waitForItems(page, bad.length, 180_000);
    const items = await page.evaluate(() => window.__lastfour!.items());
    bad.forEach((b, i) => {
      expect(items[i].name).toBe(b.input.name);
      expect(items[i].status, b.input.name).toBe('error');
      expect(items[i].errorCode, b.input.name).toBe(b.code);
      expect(items[i].message, b.input.name).toMatch(b.expect);
      if (['file-empty', 'not-an-image', 'svg-refused', 'heic-damaged', 'pdf-password'].includes(b.code))
        expect(items[i].message).toBe(errorText(b.code));
    });

    const locked = bad.findIndex((b) => b.code === 'pdf-password');
    await page.locator('[data-testid="image-item"]').nth(locked).locator('.item-select').click();
    await page.locator('[data-testid="pdf-password"]').fill('not-it');
    await page.locator('[data-testid="pdf-password"]').press('Enter');
    await page.waitForFunction(
      (i) => window.__lastfour!.items()[i].errorCode === 'pdf-wrong-password',
      locked,
      { timeout: 60_000 },
    );
    expect((await page.evaluate(() => window.__lastfour!.items()))[locked].message).toBe(
      errorText('pdf-wrong-password'),
    );
  });
});

// A low-memory phone is another context (its device memory): its own browser.
describe.skipIf(noBrowser)('engine jobs on a low-memory phone', () => {
  it('a phone reporting 512 MB: a 20 MP photo is refused as out-of-memory, the card beside it is read', async () => {
    const rb = await RecordedBrowser.launch();
    const context = await rb.newContext();
    // The device as Chromium reports a phone with 512 MB (navigator.deviceMemory; this desktop says 8).
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.5, configurable: true }),
    );
    const page = await openApp(context);
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    // 5000 x 4000: 320 MB at the app's 16 bytes a pixel, over half of 512 MB; the card is 1 MP.
    const big = { name: 'big-20mp.png', mimeType: 'image/png', buffer: hugeBlankPng(5000, 4000) };
    await upload(page, [big, card('card.jpg')]);
    expect(await waitForItems(page, 2, 180_000)).toEqual(['error', 'ready']);
    const [refused, read] = await page.evaluate(() => window.__lastfour!.items());
    expect(refused.errorCode).toBe('out-of-memory');
    expect(refused.message).toBe(errorText('out-of-memory', { width: 5000, height: 4000 }));
    expect(read.maskCount).toBeGreaterThan(0);
    expect((await rb.closeAndReadRequests()).foreign).toEqual([]);
  });
});
