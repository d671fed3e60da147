// UI speed, measured in the built app with Chromium (run manually, after `npx vite build`):
//   node --import tsx bench/ui-speed.ts
// 1. Drop-to-masks: a 12-megapixel photo (a fixture card upscaled to 4000x3000 at runtime) dropped on
//    the page, until its auto masks are on screen. Timed inside the page, from the drop event.
// 2. Frame times while dragging a mask with 50 masks on that image: requestAnimationFrame deltas
//    during a scripted pointer drag paced at ~60 Hz.
// 3. The OCR pool: drop-to-masks of the 12 MP photo on a fresh page with one tesseract worker
//    (?ocrWorkers=1) and with the device's pool (navigator.hardwareConcurrency bounded by
//    deviceMemory; see ocr/pool-size.ts).
// 4. Cancellation: drop-to-masks of the card on a fresh page, and of the same card dropped right
//    after removing another photo whose OCR was running (its job cancelled in the worker).
import { existsSync, readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';

const FIXTURE = 'tests/fixtures/app/s7-000-easy-front.jpg';
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

async function upscaled(width: number, height: number): Promise<Buffer> {
  const img = await loadImage(readFileSync(FIXTURE));
  const c = createCanvas(width, height);
  c.getContext('2d').drawImage(img, 0, 0, width, height);
  return c.toBuffer('image/jpeg', 90);
}

/** Drops a file on the page and resolves with ms from the drop to the item being ready with masks. */
async function dropToMasks(
  page: Page,
  name: string,
  bytes: Buffer,
): Promise<{ ms: number; masks: number; status: string }> {
  return page.evaluate(
    async ([fileName, b64]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const before = document.querySelectorAll('[data-testid="image-item"]').length;
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName, { type: 'image/jpeg' }));
      const t0 = performance.now();
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      return new Promise<{ ms: number; masks: number; status: string }>((resolve) => {
        const check = () => {
          const el = document.querySelectorAll('[data-testid="image-item"]')[before];
          const status = el?.getAttribute('data-status');
          const masks = Number(el?.getAttribute('data-mask-count') ?? 0);
          if (status === 'ready' || status === 'error') {
            // Wait for the frame that paints the masks, not just the state change.
            requestAnimationFrame(() => resolve({ ms: performance.now() - t0, masks, status }));
            obs.disconnect();
          }
        };
        const obs = new MutationObserver(check);
        obs.observe(document.body, { subtree: true, attributes: true, childList: true });
      });
    },
    [name, bytes.toString('base64')] as const,
  );
}

async function client(page: Page, x: number, y: number) {
  const v = await page.evaluate(() => window.__lastfour!.viewTransform());
  if (!v) throw new Error('no editor');
  return { x: v.left + v.x + x * v.scale, y: v.top + v.y + y * v.scale };
}

async function drawMasks(page: Page, count: number, imageW: number, imageH: number): Promise<void> {
  await page.keyboard.press('r');
  const cols = 10;
  const rows = Math.ceil(count / cols);
  const cw = imageW / cols;
  const ch = imageH / (rows + 1);
  for (let i = 0; i < count; i++) {
    const x = (i % cols) * cw + cw * 0.15;
    const y = Math.floor(i / cols) * ch + ch * 0.15;
    const a = await client(page, x, y);
    const b = await client(page, x + cw * 0.6, y + ch * 0.5);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 3 });
    await page.mouse.up();
  }
  await page.keyboard.press('v');
}

function stats(deltas: number[]) {
  const s = [...deltas].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    frames: s.length,
    medianMs: +q(0.5).toFixed(1),
    p95Ms: +q(0.95).toFixed(1),
    maxMs: +s[s.length - 1].toFixed(1),
    over33ms: s.filter((d) => d > 33.4).length,
  };
}

async function dragFrameTimes(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.evaluate(() => {
    const w = window as unknown as { __deltas: number[]; __raf: boolean };
    w.__deltas = [];
    w.__raf = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__deltas.push(t - last);
      last = t;
      if (w.__raf) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
  const a = await client(page, from.x, from.y);
  const b = await client(page, to.x, to.y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  const steps = 90;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / steps, a.y + ((b.y - a.y) * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { __deltas: number[]; __raf: boolean };
    w.__raf = false;
    return w.__deltas.slice(1);
  });
}

/** A fresh page of the app at `url`, OCR and text models loaded. */
async function freshPage(browser: import('playwright-core').Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(url);
  await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
  await page
    .locator('[data-testid="models-status"]:not([data-state="loading"])')
    .waitFor({ timeout: 90_000 });
  return page;
}

/** Section 3: one tesseract worker against the device's pool, each on a fresh page. */
async function poolTimes(browser: import('playwright-core').Browser, url: string, big: Buffer) {
  const one = await freshPage(browser, `${url}?ocrWorkers=1`);
  const single = await dropToMasks(one, 'card-12mp.jpg', big);
  const oneWorkers = (await one.evaluate(() => window.__lastfour!.engineJobs())).ocrWorkers;
  await one.context().close();
  const pooled = await freshPage(browser, url);
  const pool = await dropToMasks(pooled, 'card-12mp.jpg', big);
  const poolWorkers = (await pooled.evaluate(() => window.__lastfour!.engineJobs())).ocrWorkers;
  await pooled.context().close();
  return {
    oneWorker: { workers: oneWorkers, ms: Math.round(single.ms), masks: single.masks },
    pool: { workers: poolWorkers, ms: Math.round(pool.ms), masks: pool.masks },
  };
}

/** Section 4: the card on a fresh page, and the card right after removing a photo mid-OCR. */
async function afterRemoveTimes(browser: import('playwright-core').Browser, url: string, big: Buffer) {
  const fresh = await freshPage(browser, url);
  const clean = await dropToMasks(fresh, 'card.jpg', readFileSync(FIXTURE));
  await fresh.context().close();
  const page = await freshPage(browser, url);
  await page.locator('[data-testid="file-input"]').setInputFiles({
    name: 'removed-12mp.jpg',
    mimeType: 'image/jpeg',
    buffer: big,
  });
  await page.waitForFunction(
    async () => (await window.__lastfour!.engineJobs()).jobs.some((j) => j.state === 'running'),
    undefined,
    { polling: 20 },
  );
  await page.locator('[data-testid="item-remove"]').first().click();
  const next = await dropToMasks(page, 'card.jpg', readFileSync(FIXTURE));
  const report = await page.evaluate(() => window.__lastfour!.engineJobs());
  await page.context().close();
  return {
    freshPage: { ms: Math.round(clean.ms), masks: clean.masks },
    afterRemovingAPhotoMidOcr: {
      ms: Math.round(next.ms),
      masks: next.masks,
      removedJob: report.jobs[0]?.state,
      ocrWorkersRestarted: report.ocrRestarts,
    },
  };
}

async function main() {
  if (!existsSync('dist/index.html')) throw new Error('Build first: npx vite build');
  const server = await preview({ preview: { port: 0, strictPort: false, open: false }, logLevel: 'warn' });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    // tsx compiles the functions we pass to page.evaluate with esbuild's keepNames helper.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(url);
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });

    const small = await dropToMasks(page, 'card.jpg', readFileSync(FIXTURE));
    const big = await upscaled(4000, 3000);
    const large = await dropToMasks(page, 'card-12mp.jpg', big);
    await page.locator('[data-testid="image-item"]').nth(1).locator('button').first().click();
    const autoMasks = await page.evaluate(() => window.__lastfour!.getMasks(1).length);
    await drawMasks(page, 50 - autoMasks, 4000, 3000);
    const masks = await page.evaluate(() => window.__lastfour!.getMasks(1));
    const target = masks[masks.length - 1];
    const start = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
    const deltas = await dragFrameTimes(page, start, { x: start.x - 600, y: start.y + 700 });
    const moved = (await page.evaluate(() => window.__lastfour!.getMasks(1))).find(
      (m) => m.id === target.id,
    )!;

    const idle = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const d: number[] = [];
          let last = 0;
          const tick = (t: number) => {
            if (last) d.push(t - last);
            last = t;
            if (d.length < 60) requestAnimationFrame(tick);
            else resolve(d);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.context().close();
    const pool = await poolTimes(browser, url, big);
    const cancel = await afterRemoveTimes(browser, url, big);
    console.log(
      JSON.stringify(
        {
          ocrPool: pool,
          cancellation: cancel,
          dropToMasks: {
            card1078x689: { ms: Math.round(small.ms), masks: small.masks, status: small.status },
            photo4000x3000: {
              ms: Math.round(large.ms),
              masks: large.masks,
              status: large.status,
              jpegBytes: big.length,
            },
          },
          dragWith50Masks: {
            masksOnImage: masks.length,
            movedBy: { x: moved.x - target.x, y: moved.y - target.y },
            frameTimes: stats(deltas),
            idleFrameTimes: stats(idle),
          },
          browser: `${browser.version()} headless, --disable-gpu (software raster)`,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
