import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

/** Resolves once the service worker controls the page (first visit: after its clientsClaim). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
  });
}

/**
 * The offline set-up of the PWA tests: wait for the service worker to take control, cut the network
 * and reload, then check the page really is offline and served by the service worker.
 */
export async function reloadOffline(context: BrowserContext, page: Page): Promise<void> {
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.reload();
  // The network really is off: a same-origin file outside the precache cannot be fetched. (Checked
  // by a request, not navigator.onLine: Chromium 150 reports onLine true again after the reload even
  // though emulated offline still fails every request.)
  expect(
    await page.evaluate(() =>
      fetch(`./offline-probe-${Date.now()}.txt`).then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
