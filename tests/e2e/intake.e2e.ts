import { describe, expect, it } from 'vitest';
import { badInputs, cardJpeg, otherFormats } from '../support/bad-inputs';
import { syntheticPng, upload, waitForItems } from './support/app';
import { RecordedBrowser, noBrowser, openApp } from './support/browser';

describe.skipIf(noBrowser)('bad input breaks nothing', () => {
  it('gives each bad file its own message while other images and mask edits stay intact', async () => {
    const rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext());
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });

    // Work the user has already done: a detected card plus one hand-drawn mask.
    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: cardJpeg() }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    await page.locator('[data-testid="editor-stage"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('m');
    const masksBefore = await page.evaluate(() => window.__lastfour!.getMasks(0));
    expect(masksBefore.some((m) => m.source === 'manual')).toBe(true);

    const bad = badInputs();
    const formats = otherFormats();
    await upload(page, [...bad.map((b) => b.input), ...formats]);
    const statuses = await waitForItems(page, 1 + bad.length + formats.length, 180_000);
    const items = await page.evaluate(() => window.__lastfour!.items());
    expect(statuses[0]).toBe('ready');
    bad.forEach((b, i) => {
      const it = items[1 + i];
      expect(it.name).toBe(b.input.name);
      expect(it.status, it.name).toBe('error');
      expect(it.message, it.name).toMatch(b.expect);
    });
    formats.forEach((f, i) => {
      const it = items[1 + bad.length + i];
      expect(it.name).toBe(f.name);
      expect(it.status, `${it.name}: ${it.message}`).toBe('ready');
    });
    // The message is on the right item in the page too, not only in the hook.
    const bombItem = page.locator('[data-testid="image-item"]', { hasText: 'bomb-100mp.png' });
    await expect.poll(() => bombItem.getAttribute('data-status')).toBe('error');
    expect(await bombItem.locator('[data-testid="item-message"]').textContent()).toMatch(/megapixels/);

    // Fifty files at once: all settle, the tab stays responsive.
    const many = Array.from({ length: 50 }, (_, i) => ({
      name: `scan-${String(i).padStart(2, '0')}.png`,
      mimeType: 'image/png',
      buffer: syntheticPng(96, 64),
    }));
    await upload(page, many);
    const total = 1 + bad.length + formats.length + many.length;
    const all = await waitForItems(page, total, 300_000);
    expect(all.slice(-50).every((s) => s === 'ready')).toBe(true);
    expect(await page.evaluate(() => 6 * 7)).toBe(42);

    // The first image and its edits are untouched.
    const masksAfter = await page.evaluate(() => window.__lastfour!.getMasks(0));
    expect(masksAfter).toEqual(masksBefore);
    expect((await page.evaluate(() => window.__lastfour!.items()))[0].status).toBe('ready');
    expect((await rb.closeAndReadRequests()).foreign).toEqual([]);
  });
});
