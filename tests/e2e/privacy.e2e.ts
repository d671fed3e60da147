import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cardJpeg } from '../support/bad-inputs';
import { download, upload, waitForItems } from './support/app';
import { RecordedBrowser, noBrowser, openApp } from './support/browser';
import { waitForServiceWorkerControl } from './support/offline';

function distFiles(dir = 'dist'): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.add(`/${relative(dir, p)}`);
    }
  };
  walk(dir);
  return out;
}

/** A whole session as a user has it: load, OCR, edit, export one image and a ZIP. */
async function fullSession(context: BrowserContext): Promise<Page> {
  const page = await openApp(context);
  await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
  await page.locator('[data-testid="models-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
  await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: cardJpeg() }]);
  expect(await waitForItems(page, 1)).toEqual(['ready']);
  await page.locator('[data-testid="editor-stage"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('m');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+z');
  expect((await download(page, 'export-button')).bytes.length).toBeGreaterThan(1000);
  expect((await download(page, 'export-all-button')).bytes.length).toBeGreaterThan(1000);
  return page;
}

interface StorageReport {
  indexedDb: { db: string; store: string; suspicious: string[] }[];
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  cacheUrls: string[];
}

/** Looks through every client-side store for anything that could be (part of) an image. */
function inspectStorage(page: Page): Promise<StorageReport> {
  return page.evaluate(async () => {
    const suspicious = (v: unknown, path: string, out: string[]) => {
      if (v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) out.push(`${path}: binary`);
      else if (typeof v === 'string' && (v.length > 2000 || v.startsWith('data:') || v.startsWith('blob:')))
        out.push(`${path}: string of ${v.length}`);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) suspicious(x, `${path}.${k}`, out);
    };
    const indexedDb: StorageReport['indexedDb'] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result as unknown[]);
          r.onerror = () => rej(r.error);
        });
        const found: string[] = [];
        values.forEach((v, i) => suspicious(v, `${store}[${i}]`, found));
        indexedDb.push({ db: info.name, store, suspicious: found });
      }
      db.close();
    }
    const cacheUrls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) cacheUrls.push(req.url);
    }
    return {
      indexedDb,
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      cacheUrls,
    };
  });
}

function expectNoImageData(report: StorageReport, origin: string) {
  expect(report.indexedDb.flatMap((s) => s.suspicious)).toEqual([]);
  for (const v of [...Object.values(report.localStorage), ...Object.values(report.sessionStorage)]) {
    expect(v.length).toBeLessThan(2000);
    expect(v).not.toMatch(/^(data|blob):/);
  }
  // Cache Storage holds only the app's own precached build files: nothing the user dropped or exported.
  const built = distFiles();
  for (const url of report.cacheUrls) {
    const u = new URL(url);
    expect(u.origin).toBe(origin);
    expect(built.has(decodeURIComponent(u.pathname)), url).toBe(true);
  }
}

describe.skipIf(noBrowser)('nothing leaves the device, nothing stays behind', () => {
  for (const serviceWorkers of ['allow', 'block'] as const) {
    // One session per service-worker mode serves three checks (a session is most of a test's cost):
    // no request to another origin, no image in any store, and "Clear all" forgetting every image.
    it(`a full session makes no request to another origin and "Clear all" drops every image and mask (service worker: ${serviceWorkers})`, async () => {
      const rb = await RecordedBrowser.launch();
      const context = await rb.newContext({ serviceWorkers });
      const page = await fullSession(context);
      const origin = new URL(page.url()).origin;
      if (serviceWorkers === 'allow') {
        await page.evaluate(() => navigator.serviceWorker.ready);
        expect(await page.evaluate(() => caches.keys())).not.toEqual([]);
      }
      expectNoImageData(await inspectStorage(page), origin);

      await page.locator('[data-testid="clear-all-button"]').click();
      await expect.poll(() => page.locator('[data-testid="image-item"]').count()).toBe(0);
      expect(await page.evaluate(() => window.__lastfour!.items())).toEqual([]);
      expect(await page.evaluate(() => window.__lastfour!.getMasks(0))).toEqual([]);

      // Close the tab: a new one starts empty and storage still holds no image.
      await page.close();
      const again = await openApp(context);
      await again.locator('[data-testid="ocr-status"]').waitFor();
      expect(await again.locator('[data-testid="image-item"]').count()).toBe(0);
      expectNoImageData(await inspectStorage(again), origin);

      const requests = await rb.closeAndReadRequests();
      expect(requests.all.length).toBeGreaterThan(5);
      // The text models were loaded in this session too, so their requests are covered by the check.
      expect(requests.all.some((u) => u.endsWith('/models/ch_PP-OCRv4_rec_infer.onnx'))).toBe(true);
      expect(requests.all.some((u) => u.endsWith('/ort/ort-wasm-simd-threaded.wasm'))).toBe(true);
      expect(requests.foreign).toEqual([]);
    });
  }

  it('a photo shared into the installed app (Web Share Target) is detected, and stored nowhere', async () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8')) as {
      scope: string;
      share_target: {
        action: string;
        method: string;
        enctype: string;
        params: { files: { name: string; accept: string[] }[] };
      };
    };
    const target = manifest.share_target;
    expect(target).toMatchObject({
      action: './share-target',
      method: 'POST',
      enctype: 'multipart/form-data',
    });
    expect(target.params.files).toHaveLength(1);
    expect(target.params.files[0].accept).toEqual(expect.arrayContaining(['image/*', 'application/pdf']));

    const rb = await RecordedBrowser.launch();
    // The share sheet's POST is a navigation the browser starts itself, outside any page's CSP; the
    // form that stands in for it here is inside our page, whose CSP says form-action 'none'.
    const context = await rb.newContext({ serviceWorkers: 'allow', bypassCSP: true });
    const page = await openApp(context);
    const origin = new URL(page.url()).origin;
    await waitForServiceWorkerControl(page);
    await page.evaluate((action) => {
      const form = Object.assign(document.createElement('form'), {
        method: 'post',
        enctype: 'multipart/form-data',
        action,
      });
      form.append(
        Object.assign(document.createElement('input'), { type: 'file', name: 'files', id: 'shared' }),
      );
      document.body.append(form);
    }, target.action);
    await page
      .locator('#shared')
      .setInputFiles([{ name: 'IMG_2231.jpg', mimeType: 'image/jpeg', buffer: cardJpeg() }]);
    await page.evaluate(() =>
      setTimeout(() => (document.getElementById('shared') as HTMLInputElement).form!.submit()),
    );

    expect(await waitForItems(page, 1)).toEqual(['ready']);
    expect(await page.evaluate(() => window.__lastfour!.items().map((i) => i.name))).toEqual([
      'IMG_2231.jpg',
    ]);
    expect((await page.evaluate(() => window.__lastfour!.getFindings(0))).map((f) => f.kind)).toContain(
      'card-number',
    );
    // The address is the app's own again, and the share went through the service worker.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expectNoImageData(await inspectStorage(page), origin);

    // The files lived in memory only: a reload starts empty, and storage still holds no image.
    await page.reload();
    await page.locator('.empty .privacy').waitFor();
    expectNoImageData(await inspectStorage(page), origin);
    expect((await rb.closeAndReadRequests()).foreign).toEqual([]);
  });
});
