// Touch: draw a mask with a finger, drag it, and pinch to zoom, on a phone-sized touch screen.
// Touches go through CDP (Input.dispatchTouchEvent), as a real touch screen would deliver them.
import { afterEach, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { baseUrl, noBrowser, openApp, PHONE, RecordedBrowser } from './support/browser';
import { syntheticPng, toClient, upload, waitForItems } from './support/app';

type Pt = { x: number; y: number };

async function touchDrag(cdp: CDPSession, page: Page, from: Pt, to: Pt, steps = 10): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
    await page.waitForTimeout(10);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function pinch(cdp: CDPSession, page: Page, centre: Pt, fromGap: number, toGap: number): Promise<void> {
  const at = (gap: number) => [
    { x: centre.x - gap / 2, y: centre.y, id: 1 },
    { x: centre.x + gap / 2, y: centre.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(fromGap) });
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: at(fromGap + ((toGap - fromGap) * i) / 8),
    });
    await page.waitForTimeout(10);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const near = (actual: number, expected: number, tolerance = 3) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);

describe.skipIf(noBrowser)('touch editing', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  it('draws, drags and pinch-zooms with fingers', async () => {
    rb = await RecordedBrowser.launch();
    const context = await rb.browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await openApp(context, baseUrl);
    const cdp = await context.newCDPSession(page);
    await upload(page, [{ name: 'scene.png', mimeType: 'image/png', buffer: syntheticPng(640, 480) }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const masks = () => page.evaluate(() => window.__lastfour!.getMasks(0));

    await page.getByRole('button', { name: 'Draw', exact: true }).tap();
    await touchDrag(cdp, page, await toClient(page, 100, 100), await toClient(page, 300, 220));
    const [drawn] = await masks();
    expect(drawn).toBeDefined();
    near(drawn.x, 100);
    near(drawn.y, 100);
    near(drawn.width, 200);
    near(drawn.height, 120);

    // The draw tool stays on: a second finger drag draws a second mask.
    await touchDrag(cdp, page, await toClient(page, 400, 300), await toClient(page, 500, 380));
    expect(await masks()).toHaveLength(2);

    // A tap right after a drag can be taken as part of the gesture; a person pauses longer than this.
    await page.waitForTimeout(400);
    await page.getByRole('button', { name: 'Select', exact: true }).tap();
    await touchDrag(cdp, page, await toClient(page, 200, 160), await toClient(page, 240, 200));
    const moved = (await masks())[0];
    near(moved.x, drawn.x + 40);
    near(moved.y, drawn.y + 40);

    const before = (await page.evaluate(() => window.__lastfour!.viewTransform()))!;
    const box = (await page.locator('[data-testid="editor-stage"]').boundingBox())!;
    await pinch(cdp, page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 60, 180);
    const after = (await page.evaluate(() => window.__lastfour!.viewTransform()))!;
    expect(after.scale / before.scale).toBeGreaterThan(2);
    // Zooming is only the view: the masks did not move.
    expect((await masks())[0]).toEqual(moved);
  });
});
