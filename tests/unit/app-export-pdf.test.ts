// Issue #7 in the controller: a PDF comes back as one PDF of its pages, in page order, with the masks
// the editor shows; only once every page is analysed; and one export at a time (no double save).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mask } from '../../src/engine/types';
import type { EngineClient } from '../../src/app/engine-client';
import { pdfExportBlocker, pdfPages } from '../../src/app/session/items';
import { Session } from '../../src/app/session/session';

const saved = vi.hoisted(() => [] as string[]);
vi.mock('file-saver', () => ({ saveAs: (_blob: Blob, name: string) => saved.push(name) }));

const mask = (id: string): Mask => ({
  id,
  x: 10,
  y: 10,
  width: 50,
  height: 20,
  rotation: 0,
  kind: 'card-number',
  source: 'auto',
  confidence: 0.9,
  label: '',
});

/** Two-page PDFs; page 2's analysis and the PDF export wait for the test to let them go. */
function fakeEngine() {
  let releasePage2!: () => void;
  const page2 = new Promise<void>((r) => (releasePage2 = r));
  let releaseExport!: () => void;
  const exported = new Promise<void>((r) => (releaseExport = r));
  const calls: { ids: string[]; masks: Record<string, Mask[]> }[] = [];
  const engine = {
    async open(fileId: string) {
      const page = (n: number) => ({
        id: `${fileId}#${n}`,
        width: 400,
        height: 300,
        bitmap: { close() {} },
        label: `page ${n} of 2`,
      });
      return { kind: 'pdf', pages: [page(1), page(2)] };
    },
    async analyze(id: string) {
      if (id.endsWith('#2')) await page2;
      return { width: 400, height: 300, findings: [], masks: [mask(`auto-${id}`)] };
    },
    async exportPdf(ids: string[], masks: Record<string, Mask[]>) {
      calls.push({ ids, masks });
      await exported;
      return new Blob(['%PDF-'], { type: 'application/pdf' });
    },
    async close() {},
    async clear() {},
  };
  return { engine: engine as unknown as EngineClient, calls, releasePage2, releaseExport };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  expect(check()).toBe(true);
}

beforeEach(() => {
  saved.length = 0;
});

describe('PDF export', () => {
  it('waits for every page, exports them in order with their current masks, and saves once', async () => {
    const { engine, calls, releasePage2, releaseExport } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([new File(['%PDF-1.7'], 'statement.pdf', { type: 'application/pdf' })]);
    await until(() => s.state.items[0]?.status === 'ready');
    const fileId = s.state.items[0].fileId;
    expect(s.state.items.every((i) => i.fromPdf)).toBe(true);
    expect(pdfExportBlocker(pdfPages(s.state, fileId))).toBe('Waiting for 1 page to be analysed.');
    await s.exportPdf(fileId);
    expect(calls).toEqual([]);

    releasePage2();
    await until(() => s.state.items.every((i) => i.status === 'ready'));
    expect(pdfExportBlocker(pdfPages(s.state, fileId))).toBeNull();
    // An edit on page 2 is what the export must carry.
    s.edit(`${fileId}#2`, (doc) => ({ ...doc, masks: [...doc.masks, mask('manual')] }));

    const first = s.exportPdf(fileId);
    expect(s.state.exporting).toBe('pdf');
    // A second click, or another export, while it writes: ignored.
    await s.exportPdf(fileId);
    await s.exportSelected();
    releaseExport();
    await first;
    expect(s.state.exporting).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0].ids).toEqual([`${fileId}#1`, `${fileId}#2`]);
    expect(calls[0].masks[`${fileId}#2`].map((m) => m.id)).toEqual([`auto-${fileId}#2`, 'manual']);
    expect(saved).toEqual(['statement-redacted.pdf']);
    expect(s.state.notice).toMatch(/^Saved statement-redacted\.pdf/);
  });

  it('names a PDF export after the file and blocks on a failed page', () => {
    const page = (status: 'ready' | 'error') =>
      ({ status }) as Parameters<typeof pdfExportBlocker>[0][number];
    expect(pdfExportBlocker([])).toMatch(/No page/);
    expect(pdfExportBlocker([page('ready'), page('error')])).toMatch(/1 page could not be analysed/);
  });
});
