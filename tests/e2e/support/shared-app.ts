// One browser and one app page for the tests of a file that open the app the same way. Opening the
// app is most of a short test's cost (Chromium, the page, the OCR pool and the text models start:
// about 6 CPU-seconds before the first photo, and the first photo's read costs more than later
// ones, measured on 2 cores with the flags in browser.ts), so such tests share it, and
// each starts from the app's empty state instead of a new page: see reset() for what that puts back.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, RecordedBrowser } from './browser';

export interface SharedAppOptions {
  /** The context each test of the file would have opened on its own (default: rb.newContext()). */
  newContext?: (rb: RecordedBrowser) => Promise<BrowserContext>;
  /**
   * Fails the file when the app asked another origin for anything. The NetLog is the browser's, so
   * with one browser for the file it is read once, when the browser closes after the last test: a
   * leak in any test of the file fails the file (in its afterAll).
   */
  noForeignRequests?: boolean;
}

export interface SharedApp {
  /** The app for the test now running: on its empty state, or freshly opened after a failed test. */
  readonly page: Page;
  /** The shared browser, for a test that also needs a page of another kind (close its context after). */
  readonly rb: RecordedBrowser;
}

/**
 * Call inside a describe: its tests share one browser and one page, opened before the first test
 * and closed after the last. Before each later test the page is reset to the app's empty state; a
 * test that failed is not cleaned up after but replaced, with a new context and page.
 */
export function sharedApp(options: SharedAppOptions = {}): SharedApp {
  const newContext = options.newContext ?? ((rb: RecordedBrowser) => rb.newContext());
  let rb: RecordedBrowser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let fresh: FreshState | undefined;
  let used = false;
  let failed = false;

  async function open() {
    context = await newContext(rb!);
    page = await openApp(context);
    fresh = await freshState(page);
  }

  beforeAll(async () => {
    rb = await RecordedBrowser.launch();
    await open();
  });

  beforeEach(async ({ onTestFailed }) => {
    onTestFailed(() => {
      failed = true;
    });
    if (failed) {
      // A failed test may have left anything behind: a held key or mouse button, an open dialog,
      // work still running, or its own code still driving the page after a timeout. A new context
      // (its own storage too) and page start this test as it would have started on its own; closing
      // the old context stops whatever of the failed test was still running in it.
      failed = false;
      await context?.close().catch(() => undefined);
      await open();
    } else if (used) {
      const problem = await reset(page!, fresh!).catch((e: Error) => `reset failed: ${e.message}`);
      if (problem) {
        console.warn(`[sharedApp] a new page instead of the previous test's: ${problem}`);
        await context?.close().catch(() => undefined);
        await open();
      }
    }
    used = true;
  });

  afterAll(async () => {
    if (!rb) return;
    const requests = await rb.closeAndReadRequests();
    if (options.noForeignRequests) expect(requests.foreign).toEqual([]);
  });

  const missing = () => new Error('sharedApp: nothing open (call it in a describe, use it in a test)');
  return {
    get page() {
      if (!page) throw missing();
      return page;
    },
    get rb() {
      if (!rb) throw missing();
      return rb;
    },
  };
}

/** What a newly opened page shows before any test touches it, to compare a reset page with. */
interface FreshState {
  viewport: { width: number; height: number } | null;
  colorScheme: 'light' | 'dark';
  lang: string;
}

async function freshState(page: Page): Promise<FreshState> {
  return {
    viewport: page.viewportSize(),
    ...(await page.evaluate(() => ({
      colorScheme: matchMedia('(prefers-color-scheme: dark)').matches
        ? ('dark' as const)
        : ('light' as const),
      lang: document.documentElement.lang,
    }))),
  };
}

/**
 * Puts the page back to the app's empty state, as a newly opened page shows it; returns what it
 * could not put back (the caller then opens a new page) or undefined. Each step says what a test
 * may have left that the next could see.
 */
async function reset(page: Page, fresh: FreshState): Promise<string | undefined> {
  // The window a test resized (the phone layout) and the colour scheme it emulated (dark mode), as the
  // page opened with them; the mouse where a new page has it; the page scrolled back to the top.
  if (fresh.viewport) await page.setViewportSize(fresh.viewport);
  await page.emulateMedia({ colorScheme: fresh.colorScheme });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));

  // An export's re-read of the file it wrote is not a job that "Clear all" stops: it would go on
  // reading in the engine worker while the next test runs. Let it end first (it writes nothing into
  // the cleared session, which it checks, but it takes the CPU).
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="verify-message"][data-state="checking"]'),
    undefined,
    { timeout: 120_000 },
  );

  // Open dialogs (help, the export guard) close on Escape; the guard's close answers "cancel".
  if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape');
  // Nothing keeps the keyboard focus (a new page has it on the body): window shortcuts like "m" or
  // "]" then reach the editor as they would on a new page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // "Clear all" forgets every photo with its masks, findings, undo history, selection, views (zoom
  // and pan are kept per photo) and the export's watermark settings; it stops every analysis job.
  const clearAll = page.locator('[data-testid="clear-all-button"]');
  if (await clearAll.isEnabled()) {
    await clearAll.click();
    await page.locator('.empty .privacy').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
  // Stopped jobs end (their records say 'cancelled') before the next test looks at the engine.
  await page.waitForFunction(
    async () => (await window.__lastfour!.engineJobs()).jobs.every((j) => j.state !== 'running'),
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  // The editor's tool outlives "Clear all": back to the select tool a new page starts with ("v").
  if ((await page.evaluate(() => window.__lastfour!.tool())) !== 'select') await page.keyboard.press('v');

  // Check rather than trust: anything still different from a new page is reported, and the test
  // gets a new page instead.
  const now = await page.evaluate(() => ({
    items: window.__lastfour!.items().length,
    tool: window.__lastfour!.tool(),
    selectedMask: window.__lastfour!.selectedMaskId(),
    openDialogs: document.querySelectorAll('dialog[open]').length,
    focus: document.activeElement === document.body || document.activeElement === null,
    // The app stores nothing but a language picked in the header; none of the shared tests picks one.
    storage: localStorage.length,
    lang: document.documentElement.lang,
    colorScheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    scrolled: window.scrollX + window.scrollY,
  }));
  const expected = {
    items: 0,
    tool: 'select',
    selectedMask: null,
    openDialogs: 0,
    focus: true,
    storage: 0,
    lang: fresh.lang,
    colorScheme: fresh.colorScheme,
    scrolled: 0,
  };
  const differs = (Object.keys(expected) as (keyof typeof expected)[]).filter((k) => now[k] !== expected[k]);
  return differs.length ? `not as a new page: ${differs.map((k) => `${k}=${now[k]}`).join(', ')}` : undefined;
}
