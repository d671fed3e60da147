// Multi-page files: each PDF page is its own item with its own masks, exported as
// <name>-page<N>-redacted.png; a protected PDF asks for its password on its item only.
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { download, item, startApp, upload, waitForItems } from './support/app';
import { noBrowser, type RecordedBrowser } from './support/browser';

describe.skipIf(noBrowser)('PDF pages in the app', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  it('shows pages as items, exports each with its page number, and opens a protected PDF with its password', async () => {
    const started = await startApp();
    rb = started.rb;
    const page = started.page;
    await upload(page, [
      'tests/fixtures/pdf/statement-text.pdf',
      'tests/fixtures/pdf/statement-encrypted.pdf',
    ]);
    expect(await waitForItems(page, 4)).toEqual(['ready', 'ready', 'ready', 'error']);
    await expect(item(page, 1).textContent()).resolves.toMatch(/page 2/i);
    const counts = await page.evaluate(() => window.__lastfour!.items().map((i) => i.maskCount));
    expect(counts.slice(0, 3).every((n) => n > 0)).toBe(true);

    await item(page, 1).locator('button').first().click();
    expect((await download(page, 'export-button')).name).toBe('statement-text-page2-redacted.png');

    await item(page, 3).locator('button').first().click();
    const password = page.locator('[data-testid="pdf-password"]');
    await password.fill('not-it');
    await password.press('Enter');
    await page.waitForFunction(() => /not correct/.test(window.__lastfour!.items()[3]?.message ?? ''));
    expect(await item(page, 3).getAttribute('data-status')).toBe('error');
    await page.locator('[data-testid="pdf-password"]').fill('lastfour-test');
    await page.locator('[data-testid="pdf-password"]').press('Enter');
    // The protected file's placeholder is replaced by its pages once it opens.
    await page
      .waitForFunction(
        () => {
          const items = window.__lastfour!.items();
          return items.length > 4 && items.every((i) => i.status === 'ready');
        },
        undefined,
        { timeout: 60_000 },
      )
      .catch(async (e) => {
        console.log(JSON.stringify(await page.evaluate(() => window.__lastfour!.items())));
        throw e;
      });

    const zip = await download(page, 'export-all-button');
    const names = Object.keys(unzipSync(new Uint8Array(zip.bytes))).sort();
    expect(names.slice(0, 3)).toEqual([
      'statement-encrypted-page1-redacted.png',
      'statement-encrypted-page2-redacted.png',
      'statement-encrypted-page3-redacted.png',
    ]);
    expect(names).toContain('statement-text-page3-redacted.png');
  });
});
