// Issue #12 in the app: the side list names what the page is ("Passport data page") and lets the user
// change it, which runs the finders again for the chosen kind while the masks the user drew stay.
import { afterEach, describe, expect, it } from 'vitest';
import { chooseTool, dragSource, item, startApp, upload, waitForItems } from './support/app';
import { noBrowser, type RecordedBrowser } from './support/browser';

const FIXTURE = 'tests/fixtures/documents/passport-td3-4.jpg';

describe.skipIf(noBrowser)('issue #12: the page kind in the side list', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  it('shows a passport as a passport, with no card number; a changed kind re-runs the finders', async () => {
    const started = await startApp();
    rb = started.rb;
    const page = started.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await upload(page, [FIXTURE]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);

    const picker = page.locator('[data-testid="page-kind"]');
    await expect(picker.inputValue()).resolves.toBe('passport');
    await expect(picker.locator('option:checked').textContent()).resolves.toBe('Passport data page');
    const classified = await page.evaluate(() => window.__lastfour!.getPageKind(0));
    expect(classified).toMatchObject({ kind: 'passport', label: 'Passport data page' });
    expect(classified!.chosen).toBeUndefined();
    const kinds = async () =>
      (await page.evaluate(() => window.__lastfour!.getFindings(0))).map((f) => f.kind).sort();
    const before = await kinds();
    expect(before).toContain('mrz');
    expect(before).not.toContain('card-number');
    expect(before).not.toContain('security-code');

    // A mask of the user's own, which a new detection must keep.
    await chooseTool(page, 'draw');
    await dragSource(page, { x: 900, y: 100 }, { x: 1100, y: 200 });
    await page.waitForFunction(() => window.__lastfour!.getMasks(0).some((m) => m.source === 'manual'));
    const manual = (await page.evaluate(() => window.__lastfour!.getMasks(0))).filter(
      (m) => m.source === 'manual',
    );

    // Told it is a statement, the page is read again with a statement's finders: no MRZ any more.
    await picker.selectOption('statement');
    await page.waitForFunction(() => window.__lastfour!.getPageKind(0)?.kind === 'statement');
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    expect(await page.evaluate(() => window.__lastfour!.getPageKind(0))).toMatchObject({
      kind: 'statement',
      chosen: true,
    });
    await expect(picker.inputValue()).resolves.toBe('statement');
    const asStatement = await kinds();
    expect(asStatement).not.toContain('mrz');
    const masks = await page.evaluate(() => window.__lastfour!.getMasks(0));
    expect(masks.filter((m) => m.source === 'manual')).toEqual(manual);
    expect(Number(await item(page, 0).getAttribute('data-mask-count'))).toBe(masks.length);

    // And back: the MRZ suggestions return.
    await picker.selectOption('passport');
    await page.waitForFunction(
      () =>
        window.__lastfour!.getPageKind(0)?.kind === 'passport' &&
        window.__lastfour!.items()[0]?.status === 'ready',
      undefined,
      { timeout: 120_000 },
    );
    expect(await kinds()).toEqual(before);

    const requests = await started.rb.closeAndReadRequests();
    rb = undefined;
    expect(requests.foreign).toEqual([]);
  });
});
