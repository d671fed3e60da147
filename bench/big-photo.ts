// A 48-megapixel phone photo (8064 x 6048, an iPhone 14 Pro's and many Android phones' full size)
// through the CLI path and the browser path (run manually):
//   npx vite build && node --expose-gc --import tsx bench/big-photo.ts [--before DIR]
// The photo is generated (tests/support/big-photo.ts): a fixture card with per-digit ground truth
// enlarged onto a 48 MP scene, its ground truth scaled along. For each path it prints the seconds, the peak memory and the
// largest canvas the code allocated (every canvas must be at most 16,777,216 pixels, the iOS Safari
// limit), and scores the export with ../shared/tools/score.mjs.
// CLI: bench/big-photo-cli.ts in a child process (peak RSS of that process; canvases counted at
// @napi-rs/canvas's createCanvas). Browser: the built app in Chromium; peak memory is the summed RSS
// of Chromium's processes, sampled every 100 ms; canvases are counted at the engine worker's
// OffscreenCanvas constructor. --before DIR runs both against another tree of the code (its own
// `vite build` done), e.g. the code before a change, with node_modules linked to this checkout's.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Worker } from 'playwright-core';
import { preview } from 'vite';
import { bigCardPhoto } from '../tests/support/big-photo';

const WIDTH = 8064;
const HEIGHT = 6048;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SCORE = path.resolve('../shared/tools/score.mjs');
const ID = 'photo48mp';

const before = process.argv.includes('--before')
  ? path.resolve(process.argv[process.argv.indexOf('--before') + 1])
  : undefined;
const root = before ?? process.cwd();
const work = path.join(tmpdir(), `lastfour-big-photo-${before ? 'before' : 'after'}`);

/** The 48 MP photo and its ground truth in GT_DIR (made once, kept in the temp folder). */
async function makePhoto(gtDir: string): Promise<string> {
  const file = path.join(gtDir, `${ID}.jpg`);
  if (existsSync(file)) return file;
  mkdirSync(gtDir, { recursive: true });
  const { jpeg, gt } = await bigCardPhoto(WIDTH, HEIGHT);
  writeFileSync(file, jpeg);
  writeFileSync(path.join(gtDir, `${ID}.json`), JSON.stringify({ ...gt, file: `${ID}.jpg` }));
  return file;
}

/** score.mjs's verdict on OUT_DIR, as its own last lines say. */
function score(gtDir: string, outDir: string): unknown {
  const report = path.join(outDir, 'score.json');
  execFileSync('node', [SCORE, gtDir, outDir, '--json', report], { stdio: 'ignore' });
  const r = JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>;
  return r.summary ?? r;
}

function cliPath(photo: string, gtDir: string) {
  const outDir = path.join(work, 'cli');
  rmSync(outDir, { recursive: true, force: true });
  const run = spawnSync(
    'node',
    ['--expose-gc', '--import', 'tsx', 'bench/big-photo-cli.ts', photo, outDir, root],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`CLI run failed:\n${run.stderr}`);
  return { ...JSON.parse(line), score: score(gtDir, outDir), log: run.stderr.trim().split('\n').pop() };
}

/** Summed RSS (MB) of the browser's processes: the launched process and its descendants. */
function treeRssMB(pid: number): number {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const inTree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows) {
      if (!inTree.has(pp) || inTree.has(p)) continue;
      inTree.add(p);
      grew = true;
    }
  }
  return Math.round(rows.filter(([p]) => inTree.has(p)).reduce((n, r) => n + r[2], 0) / 1024);
}

function browserPid(marker: string): number | undefined {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,args='], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes(marker) && !l.includes('--type='));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

const PATCH_CANVAS = `(() => {
  if (self.__canvasPatched) return;
  self.__canvasPatched = true;
  self.__largestCanvas = { width: 0, height: 0 };
  const O = self.OffscreenCanvas;
  self.OffscreenCanvas = class extends O {
    constructor(w, h) {
      super(w, h);
      const l = self.__largestCanvas;
      if (w * h > l.width * l.height) self.__largestCanvas = { width: w, height: h };
    }
  };
})()`;

async function browserPath(photo: string, gtDir: string) {
  const outDir = path.join(work, 'browser');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new Error(`Build first: vite build in ${root}`);
  const server = await preview({
    root,
    preview: { port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  // A flag of our own on the browser's command line finds its process (other Chromiums may run).
  const marker = `--lastfour-bench=${process.pid}`;
  const browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', marker],
  });
  const pid = browserPid(marker);
  let peak = 0;
  const sampler = setInterval(() => {
    if (pid) peak = Math.max(peak, treeRssMB(pid));
  }, 100);
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const engineWorker = new Promise<Worker>((resolve) =>
      page.on('worker', (w) => {
        if (w.url().includes('entry')) resolve(w);
      }),
    );
    await page.goto(server.resolvedUrls!.local[0]);
    const worker = await engineWorker;
    await worker.evaluate(PATCH_CANVAS);
    await page.locator('[data-testid="ocr-status"][data-state="ready"]').waitFor({ timeout: 120_000 });
    await page
      .locator('[data-testid="models-status"]:not([data-state="loading"])')
      .waitFor({ timeout: 120_000 });
    const base = pid ? treeRssMB(pid) : 0;
    peak = base;
    const t0 = performance.now();
    await page.locator('[data-testid="file-input"]').setInputFiles(photo);
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="image-item"]');
        const s = el?.getAttribute('data-status');
        return s === 'ready' || s === 'error';
      },
      undefined,
      { timeout: 600_000, polling: 200 },
    );
    const toMasks = (performance.now() - t0) / 1000;
    const item = await page.evaluate(() => window.__lastfour!.items()[0]);
    let toExport: number | undefined;
    let scored: unknown;
    if (item.status === 'ready') {
      const t1 = performance.now();
      const pending = page.waitForEvent('download', { timeout: 600_000 });
      await page.locator('[data-testid="export-button"]').click();
      const d = await pending;
      const name = d.suggestedFilename();
      await d.saveAs(path.join(outDir, `${ID}.${name.split('.').pop()}`));
      toExport = (performance.now() - t1) / 1000;
      scored = score(gtDir, outDir);
    }
    const largest = (await worker.evaluate('self.__largestCanvas')) as { width: number; height: number };
    return {
      status: item.status,
      message: item.message,
      masks: item.maskCount,
      secondsToMasks: +toMasks.toFixed(2),
      secondsToExport: toExport === undefined ? undefined : +toExport.toFixed(2),
      peakBrowserRssMB: peak,
      browserRssBeforeDropMB: base,
      largestWorkerCanvas: { ...largest, pixels: largest.width * largest.height },
      score: scored,
      files: readdirSync(outDir),
    };
  } finally {
    clearInterval(sampler);
    await browser.close();
    await server.close();
  }
}

const photo = await makePhoto(path.join(tmpdir(), 'lastfour-big-photo-gt'));
const gtDir = path.dirname(photo);
console.log(`photo: ${photo} (${WIDTH}x${HEIGHT}, ${readFileSync(photo).length} bytes); code: ${root}`);
const cli = cliPath(photo, gtDir);
console.log(JSON.stringify({ cli }, null, 1));
const web = await browserPath(photo, gtDir);
console.log(JSON.stringify({ browser: web, canvasLimit: 16_777_216 }, null, 1));
