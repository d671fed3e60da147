import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = inject('baseUrl');
export const chromePath = inject('chromePath');
/** True when there is no browser to drive (never in CI: global setup fails the run there). */
export const noBrowser = !chromePath;
export const appOrigin = new URL(baseUrl).origin;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's own autofill queries (form signatures to googleapis.com once text is typed into a
  // form): browser housekeeping like the above, not a request of the app.
  '--disable-features=AutofillServerCommunication',
  // Nothing but this machine resolves: a leak is recorded below but can never reach the network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  // V8's baseline WebAssembly compiler (Liftoff) only, no optimizing tier (TurboFan). A browser test
  // opens the app and reads one to three photos: too short for TurboFan's compile work on the OCR
  // and ONNX runtimes' wasm to pay back. Measured on 2 cores, opening the app and reading one card
  // twice took about 20 CPU-seconds with TurboFan and 14 with Liftoff alone; the whole browser phase
  // (44 tests) 610 s and 483 s. What the app computes does not depend on the tier: WebAssembly's
  // arithmetic is fully specified (neither runtime's build uses relaxed SIMD).
  '--js-flags=--liftoff-only',
];

export interface RequestLog {
  /** Every URL the app's page, its workers and its service worker asked the network stack for. */
  all: string[];
  /** Those that went to another origin. */
  foreign: string[];
}

/**
 * A Chromium whose every network request is written to a NetLog by the browser itself. Playwright's
 * request events miss requests made by nested workers (tesseract.js starts its worker from our engine
 * worker), so the NetLog is the ground truth: it sees pages, workers and service workers alike.
 */
export class RecordedBrowser {
  private constructor(
    readonly browser: Browser,
    private readonly dir: string,
  ) {}

  static async launch(): Promise<RecordedBrowser> {
    const dir = mkdtempSync(join(tmpdir(), 'lastfour-netlog-'));
    const browser = await chromium.launch({
      executablePath: chromePath,
      headless: true,
      args: [...CHROMIUM_ARGS, `--log-net-log=${join(dir, 'netlog.json')}`, '--net-log-capture-mode=Default'],
    });
    return new RecordedBrowser(browser, dir);
  }

  async newContext(
    options: { bypassCSP?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
  ): Promise<BrowserContext> {
    return this.browser.newContext({
      acceptDownloads: true,
      bypassCSP: options.bypassCSP ?? false,
      serviceWorkers: options.serviceWorkers ?? 'block',
    });
  }

  /** Closes the browser (which flushes the NetLog) and returns the app's requests. */
  async closeAndReadRequests(origin = appOrigin): Promise<RequestLog> {
    await this.browser.close();
    const log = parseNetLog(readFileSync(join(this.dir, 'netlog.json'), 'utf8'), origin);
    rmSync(this.dir, { recursive: true, force: true });
    return log;
  }
}

/**
 * Picks the URL requests whose network isolation key belongs to the app's site (everything our page
 * and its workers start, wherever it goes) and leaves out the browser's own housekeeping requests.
 */
export function parseNetLog(text: string, origin: string): RequestLog {
  const site = `${new URL(origin).protocol}//${new URL(origin).hostname}`;
  // Chromium may leave the log's closing brackets off when it exits; close them ourselves.
  const trimmed = text.trimEnd().replace(/,$/, '');
  const json = JSON.parse(trimmed.endsWith('}') && !trimmed.endsWith('}]') ? trimmed : `${trimmed}]}`) as {
    events: { params?: { url?: string; network_isolation_key?: string; method?: string } }[];
  };
  const all = new Set<string>();
  const foreign = new Set<string>();
  for (const { params } of json.events) {
    if (!params?.url || !params.method || params.network_isolation_key === undefined) continue;
    if (!params.network_isolation_key.split(' ').includes(site)) continue;
    all.add(params.url);
    if (!/^(blob|data):/.test(params.url) && new URL(params.url).origin !== origin) foreign.add(params.url);
  }
  return { all: [...all], foreign: [...foreign] };
}

/** A phone as the browser tests hold one: an iPhone-sized touch screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/**
 * LASTFOUR_E2E_STARTS=<file>: one line (the test file) for each time a page of the app loads, reloads
 * included. Each load starts the app afresh (its OCR pool and text models), the fixed cost of a test.
 */
const startsLog = process.env.LASTFOUR_E2E_STARTS;

export async function openApp(context: BrowserContext, url = baseUrl): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  if (startsLog) {
    const file = relative(process.cwd(), expect.getState().testPath ?? 'unknown');
    page.on('load', () => appendFileSync(startsLog, `${file}\n`));
  }
  await page.goto(url);
  return page;
}
