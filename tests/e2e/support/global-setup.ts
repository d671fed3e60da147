import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same build served without CSP headers: only for proving the leak check can fail. */
    baseUrlNoCsp: string;
    chromePath: string;
  }
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

let server: PreviewServer | undefined;
let serverNoCsp: PreviewServer | undefined;

export async function setup(project: TestProject) {
  const chromePath = findChromium();
  if (!chromePath) {
    const msg = 'Chromium not found (set CHROME_PATH, or: sudo apt-get install -y chromium).';
    if (process.env.CI) throw new Error(`${msg} Browser tests are required in CI.`);
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!! BROWSER TESTS SKIPPED: ${msg}\n${bar}\n`);
  }
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first.');
  server = await preview({ preview: { port: 0, strictPort: false, open: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', baseUrl);
  serverNoCsp = await preview({
    configFile: false,
    base: './',
    preview: { port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  project.provide('baseUrlNoCsp', serverNoCsp.resolvedUrls!.local[0]);
  project.provide('chromePath', chromePath ?? '');
}

export async function teardown() {
  await server?.close();
  await serverNoCsp?.close();
}
