// A photo over the browser canvas limit (an iPhone's 24 MP default, 5712 x 4284) in the app: detected,
// exported at its full size with the card number hidden, and no canvas in the engine worker over
// 16,777,216 pixels (the limit iOS Safari enforces).
import { describe, expect, it } from 'vitest';
import { scoreImage } from '../../bench/score';
import { MAX_CANVAS_PIXELS } from '../../src/engine/image/canvas-limit';
import { bigCardPhoto } from '../support/big-photo';
import { decode, download, upload, waitForItems } from './support/app';
import { RecordedBrowser, noBrowser, openApp } from './support/browser';

describe.skipIf(noBrowser)('a big phone photo', () => {
  it('is detected and exported at full size through canvases within the limit', async () => {
    const { jpeg, gt } = await bigCardPhoto(5712, 4284);
    const rb = await RecordedBrowser.launch();
    const page = await openApp(await rb.newContext());
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="models-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await upload(page, [{ name: 'big.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    expect(await waitForItems(page, 1, 170_000)).toEqual(['ready']);
    const { bytes } = await download(page, 'export-button');
    const out = await decode(bytes);
    expect([out.width, out.height]).toEqual([5712, 4284]);
    const score = scoreImage(gt, await decode(jpeg), out);
    expect(score.ok, JSON.stringify({ leaked: score.leaked, lost: score.lost })).toBe(true);
    const canvas = await page.evaluate(() => window.__lastfour!.engineCanvas());
    expect(canvas.pixels).toBeGreaterThan(0);
    expect(canvas.pixels).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect((await rb.closeAndReadRequests()).foreign).toEqual([]);
  });
});
