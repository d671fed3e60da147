// Many files at once: a file that is not an image fails on its own item only; the images finish,
// export one by one, and "Export all" writes one ZIP holding both PNGs.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { decode, download, item, syntheticPng, upload, waitForItems, startApp } from './support/app';
import { noBrowser, type RecordedBrowser } from './support/browser';

describe.skipIf(noBrowser)('several files at once', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  it('two images and a text file: the text file errors, both images export, Export all zips both', async () => {
    const started = await startApp();
    rb = started.rb;
    const page = started.page;
    // Real OCR progress reaches the list: record every value the progress bars show.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        document.querySelectorAll<HTMLProgressElement>('[data-testid="item-progress"]').forEach((p) => {
          if (p.hasAttribute('value')) seen.push(p.value);
        });
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['value'],
      });
    });
    await upload(page, [
      {
        name: 'card.jpg',
        mimeType: 'image/jpeg',
        buffer: readFileSync('tests/fixtures/app/s7-000-easy-front.jpg'),
      },
      {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('4100 4266 1983 6990 is not a picture\n'),
      },
      { name: 'scene.png', mimeType: 'image/png', buffer: syntheticPng(500, 400) },
    ]);
    expect(await waitForItems(page, 3)).toEqual(['ready', 'error', 'ready']);
    await expect(item(page, 1).locator('[data-testid="item-message"]').textContent()).resolves.toMatch(
      /not a supported (image|file)/i,
    );
    const progress = await page.evaluate(
      () => (window as unknown as { progressSeen: number[] }).progressSeen,
    );
    expect(
      progress.some((p) => p > 0 && p < 1),
      `progress values seen: ${progress.join(',')}`,
    ).toBe(true);

    await item(page, 0).locator('button').first().click();
    const first = await download(page, 'export-button');
    expect(first.name).toBe('card-redacted.png');
    await item(page, 2).locator('button').first().click();
    const second = await download(page, 'export-button');
    expect(second.name).toBe('scene-redacted.png');
    expect([(await decode(second.bytes)).width, (await decode(second.bytes)).height]).toEqual([500, 400]);

    // Selecting the failed item leaves "Export this image" disabled, never a crash.
    await item(page, 1).locator('button').first().click();
    expect(await page.locator('[data-testid="export-button"]').isDisabled()).toBe(true);

    const zip = await download(page, 'export-all-button');
    expect(zip.name).toBe('lastfour-redacted.zip');
    const entries = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(entries).sort()).toEqual(['card-redacted.png', 'scene-redacted.png']);
    const card = await decode(entries['card-redacted.png']);
    expect([card.width, card.height]).toEqual([1078, 689]);
    expect(Buffer.from(entries['scene-redacted.png']).equals(second.bytes)).toBe(true);

    // JPEG on request, same naming rule.
    await item(page, 0).locator('button').first().click();
    await page.getByLabel('Format').selectOption('jpeg');
    const jpeg = await download(page, 'export-button');
    expect(jpeg.name).toBe('card-redacted.jpg');
    expect([...jpeg.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpeg.bytes.includes(Buffer.from('Exif'))).toBe(false);
  });
});
