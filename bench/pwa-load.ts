// Measures first-load and offline-reload times of the built app (not a test: numbers for the README).
// Usage: npm run build && node --import tsx bench/pwa-load.ts [runs]
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const runs = Number(process.argv[2] ?? 3);
const server = await preview({ preview: { port: 0, strictPort: false, open: false }, logLevel: 'silent' });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first: number[] = [];
const firstReady: number[] = [];
const offline: number[] = [];
const offlineReady: number[] = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  let t = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  first.push(performance.now() - t);
  await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 120_000 });
  firstReady.push(performance.now() - t);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
  });
  await context.setOffline(true);
  t = performance.now();
  await page.reload({ waitUntil: 'load' });
  offline.push(performance.now() - t);
  await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 120_000 });
  offlineReady.push(performance.now() - t);
  await context.close();
}
await browser.close();
await server.close();
const s = (xs: number[]) =>
  `${(median(xs) / 1000).toFixed(2)} s (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})`;
console.log(`first load (page load event):      ${s(first)}`);
console.log(`first load until OCR ready:        ${s(firstReady)}`);
console.log(`offline reload (page load event):  ${s(offline)}`);
console.log(`offline reload until OCR ready:    ${s(offlineReady)}`);
