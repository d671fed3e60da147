// Holding Space pans the view with the mouse whatever the tool, so the draw tool needs no switching.
import { describe, expect, it } from 'vitest';
import { chooseTool, syntheticPng, upload, waitForItems } from './support/app';
import { noBrowser, openApp, RecordedBrowser } from './support/browser';

describe.skipIf(noBrowser)('panning', () => {
  it('drags the view with Space held while the draw tool is on, and draws again once released', async () => {
    const rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext());
    await upload(page, [{ name: 'photo.png', mimeType: 'image/png', buffer: syntheticPng(800, 600) }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const stage = page.locator('[data-testid="editor-stage"]');
    const box = (await stage.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await stage.focus();
    await chooseTool(page, 'draw');
    const masks = async () => (await page.evaluate(() => window.__lastfour!.getMasks())).length;
    const before = await masks();
    const view = () => page.evaluate(() => window.__lastfour!.viewTransform()!);
    const v0 = await view();

    await page.keyboard.down(' ');
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + 60, centre.y + 40, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up(' ');
    const v1 = await view();
    expect(v1.x - v0.x).toBeCloseTo(60, -1);
    expect(v1.y - v0.y).toBeCloseTo(40, -1);
    expect(await masks()).toBe(before);

    // Space released: the same drag draws a mask again.
    await page.mouse.move(centre.x - 50, centre.y - 30);
    await page.mouse.down();
    await page.mouse.move(centre.x + 50, centre.y + 30, { steps: 8 });
    await page.mouse.up();
    expect(await masks()).toBe(before + 1);
    expect((await view()).x).toBe(v1.x);
    expect((await rb.closeAndReadRequests()).foreign).toEqual([]);
  });
});
