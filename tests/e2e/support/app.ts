// Helpers for driving the LastFour UI in browser tests: load files, wait for items, read exports,
// and turn source-pixel coordinates into pointer positions through window.__lastfour.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Download, Page } from 'playwright-core';
import { openApp, RecordedBrowser } from './browser';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const item = (page: Page, index: number) => page.locator('[data-testid="image-item"]').nth(index);

export async function upload(page: Page, files: UploadFile[] | string[]): Promise<void> {
  await page.locator('[data-testid="file-input"]').setInputFiles(files);
}

/** Waits until no item is still detecting; returns each item's status. */
export async function waitForItems(page: Page, count: number, timeout = 120_000): Promise<string[]> {
  await page.waitForFunction(
    (n) => {
      const items = document.querySelectorAll('[data-testid="image-item"]');
      return items.length === n && [...items].every((el) => el.getAttribute('data-status') !== 'detecting');
    },
    count,
    { timeout },
  );
  return page
    .locator('[data-testid="image-item"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-status') ?? ''));
}

/** Clicks a control that triggers a download and returns the file's name and bytes. */
export async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download', { timeout: 60_000 });
  await page.locator(`[data-testid="${testId}"]`).click();
  const d: Download = await pending;
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export async function decode(bytes: Buffer | Uint8Array): Promise<Rgba> {
  const img = await loadImage(Buffer.from(bytes));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  return { width: img.width, height: img.height, data };
}

/** PNG chunk types in file order (to prove there is no eXIf/tEXt/iTXt metadata). */
export function pngChunks(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const len = bytes.readUInt32BE(at);
    types.push(bytes.toString('latin1', at + 4, at + 8));
    at += 12 + len;
  }
  return types;
}

/** Client coordinates of a source-image point in the editor. */
export async function toClient(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const v = await page.evaluate(() => window.__lastfour!.viewTransform());
  if (!v) throw new Error('No editor on screen');
  return { x: v.left + v.x + x * v.scale, y: v.top + v.y + y * v.scale };
}

/** A pointer drag between two source-image points, in small steps like a hand would. */
export async function dragSource(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 12,
) {
  const a = await toClient(page, from.x, from.y);
  const b = await toClient(page, to.x, to.y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps });
  await page.mouse.up();
}

export { syntheticPng } from '../../support/scenes';

/** A fresh browser (with its NetLog request recorder) showing the app; close it with rb.closeAndReadRequests(). */
export async function startApp(
  options: { bypassCSP?: boolean } = {},
): Promise<{ rb: RecordedBrowser; page: Page }> {
  const rb = await RecordedBrowser.launch();
  const page = await openApp(await rb.newContext(options));
  return { rb, page };
}

/**
 * Switches the editor tool by its shortcut and waits until the canvas has redrawn: Konva refreshes
 * its hit regions on the next animation frame, so a click sent sooner can still hit the old tool's
 * shapes (a real hand is never that quick, but a loaded test machine can delay the frame).
 */
export async function chooseTool(page: Page, tool: 'select' | 'draw') {
  await page.keyboard.press(tool === 'select' ? 'v' : 'r');
  await page
    .locator('.toolbar button[aria-pressed="true"]', { hasText: tool === 'select' ? 'Select' : 'Draw' })
    .waitFor();
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
