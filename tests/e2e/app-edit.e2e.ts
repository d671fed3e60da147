// Editing is real: every state of the masks (drawn, moved, resized, deleted, undone, redone) is
// exactly what the exported pixels show: black inside each mask, untouched outside.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Mask } from '../../src/engine/types';
import {
  chooseTool,
  decode,
  download,
  dragSource,
  item,
  syntheticPng,
  toClient,
  upload,
  waitForItems,
  type Rgba,
} from './support/app';
import { noBrowser } from './support/browser';
import { sharedApp } from './support/shared-app';

const W = 640;
const H = 480;

const masksOf = (page: Page) => page.evaluate(() => window.__lastfour!.getMasks(0));

/** Compares an export with the unmasked baseline; a 1 px band at each mask edge is not judged. */
function checkPixels(
  out: Rgba,
  base: Rgba,
  masks: Mask[],
): { badInside: number; badOutside: number; inside: number } {
  expect([out.width, out.height]).toEqual([base.width, base.height]);
  for (const m of masks) expect(m.rotation).toBe(0);
  const zone = (x: number, y: number, grow: number) =>
    masks.some(
      (m) => x >= m.x - grow && x < m.x + m.width + grow && y >= m.y - grow && y < m.y + m.height + grow,
    );
  let badInside = 0;
  let badOutside = 0;
  let inside = 0;
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const i = (y * out.width + x) * 4;
      if (zone(x, y, -1)) {
        inside++;
        if (out.data[i] !== 0 || out.data[i + 1] !== 0 || out.data[i + 2] !== 0 || out.data[i + 3] !== 255)
          badInside++;
      } else if (!zone(x, y, 1)) {
        if (
          out.data[i] !== base.data[i] ||
          out.data[i + 1] !== base.data[i + 1] ||
          out.data[i + 2] !== base.data[i + 2]
        )
          badOutside++;
      }
    }
  }
  return { badInside, badOutside, inside };
}

async function exportMatches(page: Page, base: Rgba, expectedCount: number): Promise<Mask[]> {
  const masks = await masksOf(page);
  expect(masks).toHaveLength(expectedCount);
  expect(Number(await item(page, 0).getAttribute('data-mask-count'))).toBe(expectedCount);
  const out = await decode((await download(page, 'export-button')).bytes);
  const r = checkPixels(out, base, masks);
  expect(r).toEqual({ badInside: 0, badOutside: 0, inside: r.inside });
  if (expectedCount > 0) expect(r.inside).toBeGreaterThan(100);
  return masks;
}

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2);

// Both tests open the app the same way: they share one page, each from the app's empty state
// (support/shared-app.ts).
describe.skipIf(noBrowser)('editing masks in the app', () => {
  const app = sharedApp();

  it('draw, move, resize, draw, delete, undo, redo: the export follows every step', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await upload(page, [{ name: 'scene.png', mimeType: 'image/png', buffer: syntheticPng(W, H) }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    // A picture with no text: nothing found, and the panel says so.
    await page.locator('[data-testid="nothing-found"]').waitFor();
    const base = await decode((await download(page, 'export-button')).bytes);
    expect([base.width, base.height]).toEqual([W, H]);

    // Draw (the tool stays on after the first mask).
    await chooseTool(page, 'draw');
    await dragSource(page, { x: 100, y: 100 }, { x: 260, y: 180 });
    let [a] = await exportMatches(page, base, 1);
    near(a.x, 100);
    near(a.y, 100);
    near(a.width, 160);
    near(a.height, 80);
    expect(a.source).toBe('manual');

    // Move: drag the mask body with the select tool.
    await chooseTool(page, 'select');
    await dragSource(
      page,
      { x: a.x + a.width / 2, y: a.y + a.height / 2 },
      { x: a.x + a.width / 2 + 50, y: a.y + a.height / 2 + 40 },
    );
    const moved = (await exportMatches(page, base, 1))[0];
    near(moved.x, a.x + 50);
    near(moved.y, a.y + 40);
    expect([moved.width, moved.height]).toEqual([a.width, a.height]);
    a = moved;

    // Resize: the Transformer's bottom-right handle (the mask is selected after the drag).
    expect(await page.evaluate(() => window.__lastfour!.selectedMaskId())).toBe(a.id);
    await dragSource(
      page,
      { x: a.x + a.width, y: a.y + a.height },
      { x: a.x + a.width + 40, y: a.y + a.height + 30 },
    );
    const resized = (await exportMatches(page, base, 1))[0];
    near(resized.x, a.x);
    near(resized.y, a.y);
    near(resized.width, a.width + 40);
    near(resized.height, a.height + 30);
    a = resized;

    // Draw a second mask elsewhere.
    await chooseTool(page, 'draw');
    await dragSource(page, { x: 400, y: 300 }, { x: 520, y: 380 });
    const two = await exportMatches(page, base, 2);

    // Delete the first: click to select it, then Delete.
    await chooseTool(page, 'select');
    const c = await toClient(page, a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.click(c.x, c.y);
    expect(await page.evaluate(() => window.__lastfour!.selectedMaskId())).toBe(a.id);
    await page.keyboard.press('Delete');
    const afterDelete = await exportMatches(page, base, 1);
    expect(afterDelete[0].id).toBe(two[1].id);

    // Undo brings it back exactly; redo removes it again; Ctrl+Y redoes too.
    await page.keyboard.press('Control+z');
    expect(await exportMatches(page, base, 2)).toEqual(two);
    await page.keyboard.press('Control+Shift+z');
    expect(await exportMatches(page, base, 1)).toEqual(afterDelete);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await masksOf(page)).toEqual(afterDelete);

    // Undo walks back through every gesture, one step each: delete, draw, resize, move, draw.
    for (const n of [2, 1, 1, 1, 0]) {
      await page.keyboard.press('Control+z');
      expect(await masksOf(page)).toHaveLength(n);
    }
    await exportMatches(page, base, 0);
  });

  it('rotates a mask with the Transformer handle, and the export burns the rotated box', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await upload(page, [{ name: 'scene.png', mimeType: 'image/png', buffer: syntheticPng(W, H) }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const base = await decode((await download(page, 'export-button')).bytes);
    await chooseTool(page, 'draw');
    await dragSource(page, { x: 100, y: 100 }, { x: 300, y: 160 });
    await chooseTool(page, 'select');
    const [m] = await masksOf(page);
    const cx = m.x + m.width / 2;
    const cy = m.y + m.height / 2;
    // The rotation handle sits 50 screen px above the top edge's middle; drag it round to the right.
    const v = (await page.evaluate(() => window.__lastfour!.viewTransform()))!;
    const handle = { x: cx, y: m.y - 50 / v.scale };
    await dragSource(page, handle, { x: cx + 150, y: cy });
    const [r] = await masksOf(page);
    expect(r.rotation).toBe(90);
    expect([r.width, r.height]).toEqual([m.width, m.height]);
    near(r.x, cx + m.height / 2);
    near(r.y, cy - m.width / 2);

    const out = await decode((await download(page, 'export-button')).bytes);
    const px = (img: Rgba, x: number, y: number) => [
      ...img.data.subarray((y * W + x) * 4, (y * W + x) * 4 + 3),
    ];
    expect(px(out, cx, cy + 80)).toEqual([0, 0, 0]); // inside the rotated box only
    expect(px(out, m.x + 10, cy)).toEqual(px(base, m.x + 10, cy)); // inside the old box only
  });
});
