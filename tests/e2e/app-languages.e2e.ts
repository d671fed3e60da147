// Issue #15: the app in the browser's language. With the browser set to Spanish, Portuguese (Brazil)
// and Arabic, the empty screen, a detected card and a refused file show no English sentence of the
// app (checked against the English catalogue); Arabic lays out right to left with no sideways scroll
// on a 390x844 phone and no serious axe finding; a language picked in the header is remembered.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { upload, waitForItems } from './support/app';
import { baseUrl, noBrowser, openApp, RecordedBrowser } from './support/browser';
import { englishLeft } from './support/languages';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const card = readFileSync('tests/fixtures/app/s7-000-easy-front.jpg');
const PHONE = { width: 390, height: 844 };
/** Set LASTFOUR_SHOTS=<dir> to keep screenshots of each screen (for reviewing the layouts by eye). */
const shots = process.env.LASTFOUR_SHOTS;

async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type V = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: V[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png` });
}

describe.skipIf(noBrowser)('the app in the browser language', () => {
  let rb: RecordedBrowser | undefined;
  afterEach(async () => {
    await rb?.closeAndReadRequests().catch(() => undefined);
    rb = undefined;
  });

  for (const locale of ['es', 'pt-BR', 'ar'] as const) {
    it(`${locale}: empty screen, a detected card and a refused file speak ${locale}`, async () => {
      rb = await RecordedBrowser.launch();
      const phone = locale === 'ar';
      const context = await rb.browser.newContext({
        locale,
        // Inline axe needs the page's CSP relaxed; the app itself is unchanged.
        bypassCSP: true,
        serviceWorkers: 'block',
        ...(phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : {}),
      });
      const page = await openApp(context, baseUrl);
      const checkScreen = async (name: string) => {
        expect(await englishLeft(page, locale), name).toEqual([]);
        if (!phone) return;
        expect(await sidewaysScroll(page), name).toBeLessThanOrEqual(0);
        expect(await axeProblems(page), name).toEqual([]);
      };

      await page.locator('.empty .privacy').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(phone ? 'rtl' : 'ltr');
      expect(await page.locator('[data-testid="language-select"]').inputValue()).toBe(locale);
      await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
      await checkScreen('empty screen');
      await shot(page, `${locale}-empty`);

      await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: card }]);
      expect(await waitForItems(page, 1)).toEqual(['ready']);
      await page.locator('[data-testid="finding"]').first().waitFor();
      await checkScreen('detected card');
      await shot(page, `${locale}-detected`);

      await upload(page, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') }]);
      expect(await waitForItems(page, 2)).toEqual(['ready', 'error']);
      await page.locator('[data-testid="image-item"]').nth(1).locator('.item-select').click();
      await page.locator('.findings .error-text').waitFor();
      const error = await page.locator('.findings .error-text').innerText();
      expect(error.length).toBeGreaterThan(10);
      await checkScreen('refused file');
      await shot(page, `${locale}-error`);
    });
  }

  it('ar: the page mirrors, the canvas does not', async () => {
    rb = await RecordedBrowser.launch();
    const context = await rb.browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 800 } });
    const page = await openApp(context, baseUrl);
    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: card }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    // Right to left: the list of images is on the right, the findings on the left.
    const list = (await page.locator('.item-list').boundingBox())!;
    const side = (await page.locator('.side').boundingBox())!;
    expect(list.x).toBeGreaterThan(side.x);
    // The toolbar runs right to left too: its first group ("Tool") is right of the last ("Zoom").
    const groups = page.locator('.toolbar .group');
    expect((await groups.first().boundingBox())!.x).toBeGreaterThan((await groups.last().boundingBox())!.x);
    // The editor's canvas is not mirrored: left to right, like the photo.
    expect(await page.locator('.stage-wrap').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(
      await page
        .locator('.finding .digits')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('ltr');
    await shot(page, 'ar-desktop');
  });

  it('a language picked in the header wins over the browser and is remembered, as a setting only', async () => {
    rb = await RecordedBrowser.launch();
    const context = await rb.browser.newContext({ locale: 'en-US' });
    const page = await openApp(context, baseUrl);
    await page.locator('.empty .privacy').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The detector sees English when there is English: the checks above can fail.
    expect(await englishLeft(page, 'de')).toContain('empty.privacyStrong: "Nothing leaves this device."');
    await page.locator('[data-testid="language-select"]').selectOption('de');
    await expect(page.locator('#empty-title').innerText()).resolves.toBe(
      'Kartennummern verdecken, bevor Sie ein Foto senden',
    );
    await page.reload();
    await page.locator('.empty .privacy').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await englishLeft(page, 'de')).toEqual([]);
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'lastfour.language': 'de' });
    await page.locator('[data-testid="language-select"]').selectOption('ko');
    expect(await englishLeft(page, 'ko')).toEqual([]);
    await shot(page, 'ko-empty');
  });
});
