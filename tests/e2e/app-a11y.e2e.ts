// Accessibility and the rest of the screen: axe on the main screens, the help panel, keyboard-only
// editing, peek, paste and drop, the phone layout, and "Clear all".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { item, syntheticPng, upload, waitForItems } from './support/app';
import { noBrowser } from './support/browser';
import { sharedApp } from './support/shared-app';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const card = readFileSync('tests/fixtures/app/s7-000-easy-front.jpg');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * Serious and critical axe violations on the current screen. axe is evaluated in the page as the test
 * driver's own script, which the app's Content-Security-Policy does not govern (an inline script tag
 * would need the policy relaxed): axe looks at the app exactly as it runs.
 */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// The three tests open the app the same way: they share one page, each from the app's empty state
// (support/shared-app.ts).
describe.skipIf(noBrowser)('accessible, keyboard-operable, mobile-ready', () => {
  const app = sharedApp();

  it('has no serious axe violations on the empty state, the editor, and the help panel', async () => {
    const page = app.page;
    await page.locator('.empty .privacy').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: card }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    await page.locator('[data-testid="editor-stage"] canvas').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('[data-testid="watermark-toggle"]').check();
    await page.locator('[data-testid="watermark-recipient"]').fill('Example Bank');
    expect(await axeProblems(page)).toEqual([]);

    // Typing "?" into the recipient field types it; from the editor it opens the help.
    await page.keyboard.press('?');
    expect(await page.locator('[data-testid="watermark-recipient"]').inputValue()).toBe('Example Bank?');
    await page.locator('[data-testid="editor-stage"]').focus();
    await page.keyboard.press('?');
    await page.locator('[data-testid="help-dialog"][open]').waitFor();
    await expect(page.getByRole('cell', { name: 'Undo' }).count()).resolves.toBe(1);
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="help-dialog"]:not([open])').waitFor({ state: 'attached' });
    await page.locator('[data-testid="help-button"]').click();
    await page.locator('[data-testid="help-dialog"][open]').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('edits masks with the keyboard alone, peeks at the original, and switches a finding off and back', async () => {
    const page = app.page;
    await upload(page, [{ name: 'card.jpg', mimeType: 'image/jpeg', buffer: card }]);
    expect(await waitForItems(page, 1)).toEqual(['ready']);
    const count = async () => Number(await item(page, 0).getAttribute('data-mask-count'));
    const masks = () => page.evaluate(() => window.__lastfour!.getMasks(0));
    const auto = await count();
    expect(auto).toBeGreaterThan(0);

    await page.keyboard.press('m');
    expect(await count()).toBe(auto + 1);
    const added = (await masks()).at(-1)!;
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowDown');
    const nudged = (await masks()).at(-1)!;
    expect([nudged.x - added.x, nudged.y - added.y]).toEqual([10, 1]);
    await page.keyboard.press('Delete');
    expect(await count()).toBe(auto);
    await page.keyboard.press('Control+z');
    expect((await masks()).at(-1)).toEqual(nudged);

    await page.keyboard.down('o');
    await page.locator('.peek-badge').waitFor();
    await page.keyboard.up('o');
    await page.locator('.peek-badge').waitFor({ state: 'detached' });

    // A whole category off and on again, each an undoable step; manual masks are untouched.
    const groupSwitch = page.locator('[data-testid="finding-group"] legend input[type="checkbox"]').first();
    await groupSwitch.uncheck();
    await page.waitForFunction(() => window.__lastfour!.getMasks(0).every((m) => m.source === 'manual'));
    expect(await count()).toBe(1);
    await page.locator('body').press('Control+z');
    await page.waitForFunction((n) => window.__lastfour!.getMasks(0).length === n, auto + 1);
    const preset = page.locator('[data-testid="finding"] select').first();
    await preset.selectOption('none');
    await page.waitForFunction(() => window.__lastfour!.getMasks(0).some((m) => m.source === 'auto'));
    expect((await masks()).filter((m) => m.source === 'manual')).toEqual([nudged]);
  });

  it('takes files from paste and drop, lays out as a strip on a phone, and clears everything', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 390, height: 844 });
    const png = syntheticPng(320, 200).toString('base64');
    await page.evaluate((b64) => {
      const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'pasted.png', {
        type: 'image/png',
      });
      const dt = new DataTransfer();
      dt.items.add(file);
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }));
      const drop = new DataTransfer();
      drop.items.add(new File([file], 'dropped.png', { type: 'image/png' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }),
      );
    }, png);
    expect(await waitForItems(page, 2)).toEqual(['ready', 'ready']);
    const names = await page.evaluate(() => window.__lastfour!.items().map((i) => i.name));
    expect(names).toEqual(['pasted.png', 'dropped.png']);

    const a = (await item(page, 0).boundingBox())!;
    const b = (await item(page, 1).boundingBox())!;
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    const stage = (await page.locator('[data-testid="editor-stage"]').boundingBox())!;
    const side = (await page.locator('aside.side').boundingBox())!;
    expect(side.y).toBeGreaterThanOrEqual(stage.y + stage.height - 1);
    expect(stage.width).toBeGreaterThan(300);

    await page.locator('[data-testid="clear-all-button"]').click();
    await page.locator('[data-testid="image-item"]').waitFor({ state: 'detached' });
    await page.locator('.empty .privacy').waitFor();
  });
});
