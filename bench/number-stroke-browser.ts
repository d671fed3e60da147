// The number tool's held-out check in the real app, the way outside judges run it: the built app in
// Chromium, a photo dropped in, automatic detection left as it is, the number tool dragged from the
// first digit's centre to the last digit's centre through window.__lastfour.viewTransform, Export,
// and the downloaded file scored from pixels.
//   npx vite build && node --import tsx bench/number-stroke-browser.ts [dir] [--only name,...]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { decodeImageNode } from '../src/engine/platform/node';
import { scoreImage, type GroundTruth } from './score';
import { strokeOf } from './stroke-of';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { only: { type: 'string' } },
});
const dir = positionals[0] ?? 'tests/fixtures/real-cards';
const only = values.only?.split(',');

async function toClient(page: Page, x: number, y: number) {
  const v = await page.evaluate(() => window.__lastfour!.viewTransform());
  if (!v) throw new Error('No editor on screen');
  return { x: v.left + v.x + x * v.scale, y: v.top + v.y + y * v.scale };
}

const server = await preview({ preview: { port: 0, strictPort: false, open: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report a URL');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let ok = 0;
let total = 0;
let skipped = 0;
try {
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    if (only && !only.some((o) => name.startsWith(o))) continue;
    const gt = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as GroundTruth;
    const stroke = strokeOf(gt);
    if (!stroke) {
      skipped++;
      console.log(`n/a  ${gt.file}: no card number printed, nothing to mark`);
      continue;
    }
    const file = path.join(dir, gt.file);
    const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-testid="file-input"]').setInputFiles([file]);
    await page.waitForFunction(
      () => {
        const items = document.querySelectorAll('[data-testid="image-item"]');
        return items.length === 1 && items[0].getAttribute('data-status') === 'ready';
      },
      undefined,
      { timeout: 180_000 },
    );
    await page.locator('[data-testid="number-tool"]').click();
    const { from, to } = stroke;
    const a = await toClient(page, from.x, from.y);
    const b = await toClient(page, to.x, to.y);
    const before = (await page.evaluate(() => window.__lastfour!.getFindings(0))).length;
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(
      (n) => window.__lastfour!.markingCount(0) === 0 && window.__lastfour!.getFindings(0).length > n,
      before,
      { timeout: 60_000 },
    );
    const saved = page.waitForEvent('download', { timeout: 60_000 });
    await page.locator('[data-testid="export-button"]').click();
    const download = await saved;
    const bytes = fs.readFileSync(await download.path());
    const s = scoreImage(
      gt,
      await decodeImageNode(fs.readFileSync(file)),
      await decodeImageNode(bytes),
      false,
    );
    total++;
    if (s.ok) ok++;
    console.log(
      `${s.ok ? 'ok  ' : 'FAIL'} ${gt.file}: hidden ${s.hidden}/${s.toHide} kept ${s.kept}/${s.toKeep}` +
        (s.leaked.length ? ` leaked ${s.leaked.join(' ')}` : '') +
        (s.lost.length ? ` lost ${s.lost.join(' ')}` : ''),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `${ok} of ${total} fully redacted with the last four kept (app, automatic findings + number tool)` +
    (skipped ? `; ${skipped} without a printed number skipped` : ''),
);
