// The app's controller driven end to end in Node with a fake engine (like tldraw's TestEditor):
// files in, progress, detection, edits through the editor UI and the keyboard, undo/redo, finding
// switches, errors per item, and "Clear all" discarding late results.
import { describe, expect, it } from 'vitest';
import type { Finding, JobProgress, KeepPreset, Mask } from '../../src/engine/types';
import type { EngineClient } from '../../src/app/engine-client';
import { errorText } from '../../src/engine/error-codes';
import { UNCERTAIN_DIRECTION_NOTE } from '../../src/engine/detect/last-four-shown';
import { handleKeyDown } from '../../src/app/session/keyboard';
import { Session } from '../../src/app/session/session';

const finding = (id: string, enabledByDefault = true): Finding => ({
  id,
  kind: id.startsWith('mrz') ? 'mrz' : 'card-number',
  text: '4100426619836990',
  glyphs: [],
  confidence: 0.9,
  keepable: !id.startsWith('mrz'),
  enabledByDefault,
});

const autoMask = (f: string, preset: KeepPreset, i = 0): Mask => ({
  id: `${f}-${preset}-${i}`,
  x: 10 + i * 50,
  y: 10,
  width: preset === 'none' ? 200 : 120,
  height: 30,
  rotation: 0,
  kind: 'card-number',
  source: 'auto',
  confidence: 0.9,
  label: '',
  findingId: f,
});

/** Just enough of the worker API; `gate` lets a test hold an analysis open. */
function fakeEngine(gate?: Promise<void>, checkRepairs: readonly string[] = []) {
  const unreadable = new Set<string>();
  const unsure = new Set<string>();
  const exported: string[] = [];
  const progress: number[] = [];
  const closed: string[] = [];
  const cancelled: string[] = [];
  const running = new Map<string, () => void>();
  const engine = {
    async open(fileId: string, file: Blob) {
      const text = await file.text();
      if (text === 'smeared card') unreadable.add(fileId);
      if (text === 'upside down card') unsure.add(fileId);
      if (text.startsWith('not an image')) throw { code: 'not-an-image', message: 'Not a supported file.' };
      return {
        kind: 'image',
        pages: [{ id: fileId, width: 400, height: 300, bitmap: { close() {} }, label: '' }],
      };
    },
    async analyze(id: string, _o: unknown, onProgress?: (p: JobProgress) => void, jobId = '') {
      // Like the worker: every report names its job.
      for (const p of [0.1, 0.5, 0.9]) onProgress?.({ stage: 'ocr', progress: p, jobId });
      // Like the worker: a cancelled job rejects at once with code 'cancelled'.
      const stopped = new Promise<never>((_, reject) =>
        running.set(jobId, () => reject({ code: 'cancelled', message: errorText('cancelled') })),
      );
      await Promise.race([gate, stopped]);
      running.delete(jobId);
      // A card photo whose number nobody could read: evidence of a card, no finding.
      if (unreadable.has(id))
        return { width: 400, height: 300, findings: [], masks: [], card: { reasons: ['outline'] } };
      const findings = [finding('card'), finding('mrz', false)];
      // A number read as well both ways round: masked whole, which end is the last four unknown.
      if (unsure.has(id)) findings[0] = { ...findings[0], notes: [UNCERTAIN_DIRECTION_NOTE] };
      return { width: 400, height: 300, findings, masks: [autoMask('card', 'last4')] };
    },
    async masksForFindings(
      fs: Finding[],
      presets: Record<string, KeepPreset>,
      enabled: Record<string, boolean>,
    ) {
      return fs
        .filter((f) => enabled[f.id] ?? f.enabledByDefault)
        .map((f) => autoMask(f.id, presets[f.id] ?? 'last4'));
    },
    async cancel(jobId: string) {
      cancelled.push(jobId);
      running.get(jobId)?.();
      return running.delete(jobId);
    },
    async markNumber(_id: string, _stroke: unknown, findingId: string, others: Finding[]) {
      const marked = { ...finding(findingId), notes: ['marked with the number tool'] };
      return {
        findings: [marked],
        method: 'read',
        replaces: others.filter((f) => f.id === 'card').map((f) => f.id),
      };
    },
    async close(id: string) {
      closed.push(id);
    },
    async clear() {},
    async exportImage(id: string) {
      exported.push(id);
      return new Blob(['png']);
    },
    /** The check of an export: clean, or with `checkRepairs` the whole numbers it read and missed. */
    async verifyExport() {
      const repairs = checkRepairs.map((id) => ({ ...finding(id), notes: ['read whole by the check'] }));
      const leaks = repairs.map(() => ({
        label: '••••••••••••6990',
        digits: 16,
        corners: [
          { x: 0, y: 0 },
          { x: 9, y: 0 },
          { x: 9, y: 9 },
          { x: 0, y: 9 },
        ],
        reader: 'tesseract',
      }));
      return { findings: [], leaks, repairs, checkedBy: 'tesseract', checkedByAll: ['tesseract'] };
    },
  };
  return { engine: engine as unknown as EngineClient, progress, closed, cancelled, exported };
}

const file = (name: string, body = 'jpeg bytes') => new File([body], name, { type: 'image/jpeg' });
const settle = () => new Promise((r) => setTimeout(r, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  expect(check()).toBe(true);
}
const key = (k: string, mods: Partial<KeyboardEventInit> = {}) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
    ...mods,
  }) as KeyboardEvent;

describe('session', () => {
  it('detects each file on its own, with an error only on the bad one', async () => {
    const { engine } = fakeEngine();
    const s = new Session(engine);
    const seen: (number | null)[] = [];
    s.store.subscribe(() => seen.push(s.state.items[0]?.progress ?? null));
    s.addFiles([file('a.jpg'), file('notes.txt', 'not an image'), file('b.jpg')]);
    expect(s.state.items.map((i) => i.status)).toEqual(['detecting', 'detecting', 'detecting']);
    await until(() => s.state.items.every((i) => i.status !== 'detecting'));
    expect(s.state.items.map((i) => [i.name, i.status])).toEqual([
      ['a.jpg', 'ready'],
      ['notes.txt', 'error'],
      ['b.jpg', 'ready'],
    ]);
    expect(s.state.items[1].message).toBe(errorText('not-an-image'));
    expect(s.state.items[1].errorCode).toBe('not-an-image');
    // The status line, "3 files added" when they were dropped, says which was refused and why.
    expect(s.state.notice).toBe(`notes.txt: ${errorText('not-an-image')}`);
    expect(s.state.noticeCode).toBe('not-an-image');
    expect(seen).toEqual(expect.arrayContaining([0.1, 0.5, 0.9]));
    expect(s.state.selectedId).toBe(s.state.items[0].id);
  });

  it('edits through the keyboard and toolbar actions, undoes and redoes each step', async () => {
    const { engine } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([file('a.jpg')]);
    await until(() => s.state.items[0].status === 'ready');
    const masks = () => s.state.items[0].history.present.masks;
    s.ui.setViewport({ width: 800, height: 600 });
    expect(handleKeyDown(s.ui, key('m'))).toBe(true);
    expect(masks()).toHaveLength(2);
    const added = masks()[1];
    expect(s.ui.state.selectedMaskId).toBe(added.id);
    handleKeyDown(s.ui, key('ArrowRight', { shiftKey: true }));
    handleKeyDown(s.ui, key('ArrowUp'));
    expect([masks()[1].x - added.x, masks()[1].y - added.y]).toEqual([10, -1]);
    handleKeyDown(s.ui, key('Delete'));
    expect(masks()).toHaveLength(1);
    expect(s.ui.state.selectedMaskId).toBeNull();
    handleKeyDown(s.ui, key('z', { ctrlKey: true }));
    expect(masks()).toHaveLength(2);
    handleKeyDown(s.ui, key('z', { ctrlKey: true }));
    handleKeyDown(s.ui, key('z', { ctrlKey: true }));
    expect(masks()[1]).toEqual(added);
    handleKeyDown(s.ui, key('y', { ctrlKey: true }));
    expect(masks()[1].x).toBe(added.x + 10);
    // A gesture end that changes nothing records nothing.
    const before = s.state.items[0].history;
    s.ui.updateMask(added.id, { x: masks()[1].x + 0.2 });
    expect(s.state.items[0].history).toBe(before);
    expect(handleKeyDown(s.ui, key('?'))).toBe(true);
    expect(s.ui.state.helpOpen).toBe(true);
    expect(handleKeyDown(s.ui, key('m'))).toBe(false); // help open: editor keys wait
    expect(handleKeyDown(s.ui, key('?'))).toBe(true);
    expect(handleKeyDown(s.ui, key('n'))).toBe(true);
    expect(s.ui.state.tool).toBe('number');
  });

  it('switches findings and presets as undoable steps, keeping manual masks', async () => {
    const { engine } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([file('a.jpg')]);
    await until(() => s.state.items[0].status === 'ready');
    const id = s.state.items[0].id;
    s.ui.addManualMask({ x: 300, y: 200, width: 40, height: 40, rotation: 0 });
    const ids = () => s.state.items[0].history.present.masks.map((m) => m.id);
    await s.setFindings(id, [{ findingId: 'card', preset: 'none' }]);
    expect(ids()).toEqual(['card-none-0', expect.stringMatching(/^manual-/)]);
    await s.setFindings(id, [
      { findingId: 'card', enabled: false },
      { findingId: 'mrz', enabled: true },
    ]);
    expect(ids()).toEqual([expect.stringMatching(/^manual-/), 'mrz-last4-0']);
    s.undo(id);
    expect(ids()).toEqual(['card-none-0', expect.stringMatching(/^manual-/)]);
    s.undo(id);
    expect(ids()[0]).toBe('card-last4-0');
  });

  it('"Clear all" drops everything, and a late detection result never lands', async () => {
    let release!: () => void;
    const { engine } = fakeEngine(new Promise<void>((r) => (release = r)));
    const s = new Session(engine);
    s.addFiles([file('a.jpg'), file('b.jpg')]);
    await until(() => (s.state.items[0].progress ?? 0) > 0.5);
    await s.clearAll();
    expect(s.state.items).toEqual([]);
    release();
    await settle();
    await settle();
    expect(s.state.items).toEqual([]);
    s.addFiles([file('c.jpg')]);
    await until(() => s.state.items[0]?.status === 'ready');
    expect(s.state.items.map((i) => i.name)).toEqual(['c.jpg']);
  });

  it("Remove stops the removed page's engine job; the next file is detected", async () => {
    let release!: () => void;
    const { engine, cancelled, closed } = fakeEngine(new Promise<void>((r) => (release = r)));
    const s = new Session(engine);
    s.addFiles([file('a.jpg')]);
    await until(() => (s.state.items[0]?.progress ?? 0) > 0.5);
    const removed = s.state.items[0].id;
    s.remove(removed);
    expect(cancelled).toEqual([expect.stringMatching(new RegExp(`^${removed}@`))]);
    expect(closed).toContain(removed);
    release();
    s.addFiles([file('b.jpg')]);
    await until(() => s.state.items[0]?.status === 'ready');
    expect(s.state.items.map((i) => [i.name, i.status])).toEqual([['b.jpg', 'ready']]);
  });

  it("progress reports of a job other than the page's current one do not move its progress", async () => {
    let release!: () => void;
    const { engine } = fakeEngine(new Promise<void>((r) => (release = r)));
    const analyze = engine.analyze.bind(engine);
    const reports: JobProgress[] = [];
    (engine as { analyze: unknown }).analyze = (
      id: string,
      o: unknown,
      onProgress: (p: JobProgress) => void,
      jobId: string,
    ) => {
      // A late report of a job this page no longer runs (one a re-detect replaced), then the job's own.
      onProgress({ stage: 'ocr', progress: 0.7, jobId: `${id}@0` });
      return analyze(id, o as never, (p) => (reports.push(p), onProgress(p)), jobId);
    };
    const s = new Session(engine);
    const seen: (number | null)[] = [];
    s.store.subscribe(() => seen.push(s.state.items[0]?.progress ?? null));
    s.addFiles([file('a.jpg')]);
    await until(() => (s.state.items[0]?.progress ?? 0) > 0.5);
    const id = s.state.items[0].id;
    expect(reports.map((r) => r.jobId)).toEqual([`${id}@1`, `${id}@1`, `${id}@1`]);
    expect(seen).not.toContain(0.7);
    expect([...new Set(seen.filter((p) => p !== null && p > 0))]).toEqual([0.1, 0.5, 0.9]);
    release();
    await until(() => s.state.items[0]?.status === 'ready');
  });

  it('"Clear all" stops every running job', async () => {
    const { engine, cancelled } = fakeEngine(new Promise<void>(() => undefined));
    const s = new Session(engine);
    s.addFiles([file('a.jpg')]);
    await until(() => (s.state.items[0]?.progress ?? 0) > 0.5);
    await s.clearAll();
    expect(cancelled).toHaveLength(1);
  });

  it('the number tool adds a finding as one undoable edit, in place of the number detected there', async () => {
    const { engine } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([file('a.jpg')]);
    await until(() => s.state.items[0].status === 'ready');
    const item = () => s.state.items[0];
    const doc = () => item().history.present;
    await s.markNumber(item().id, { from: { x: 10, y: 20 }, to: { x: 300, y: 20 } });
    const marked = doc().marked ?? [];
    expect(marked).toHaveLength(1);
    expect(doc().masks.map((m) => m.findingId)).toEqual([marked[0].id]);
    expect(doc().choices.card).toEqual({ enabled: false, preset: 'last4' });
    expect(item().marking).toBeUndefined();
    expect(s.state.notice).toMatch(/Number marked: •••• 6990 \(in place of/);
    // Presets apply to it like to a detected number.
    await s.setFindings(item().id, [{ findingId: marked[0].id, preset: 'none' }]);
    expect(doc().masks.find((m) => m.findingId === marked[0].id)?.width).toBe(200);
    s.ui.undo();
    s.ui.undo();
    expect(doc().marked ?? []).toHaveLength(0);
    expect(doc().masks.map((m) => m.findingId)).toEqual(['card']);
    s.ui.redo();
    expect(doc().marked).toEqual(marked);
  });

  it('holds an export of a card with no card number masked until the user answers', async () => {
    const { engine, exported } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([file('card.jpg', 'smeared card')]);
    await until(() => s.state.items[0].status === 'ready');
    await s.exportSelected();
    expect(s.state.exportGuard?.flagged).toEqual([s.state.items[0].id]);
    expect(exported).toEqual([]);
    await s.exportAll(); // a second click while the dialog is open does nothing
    await s.answerExportGuard('number');
    expect(s.ui.state.tool).toBe('number');
    expect(s.state.exportGuard).toBeUndefined();
    expect(exported).toEqual([]);
    await s.exportAll();
    expect(s.state.exportGuard?.kind).toBe('zip');
    await s.answerExportGuard('cancel');
    expect(exported).toEqual([]);
  });

  it('holds an export whose card number is masked whole where its last four should show', async () => {
    const { engine, exported } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([file('plain.jpg'), file('unsure.jpg', 'upside down card')]);
    await until(() => s.state.items.every((i) => i.status === 'ready'));
    const [plain, unsure] = s.state.items;
    s.select(plain.id);
    await s.exportAll();
    expect(s.state.exportGuard?.flagged).toEqual([]);
    expect(s.state.exportGuard?.lastFourHidden).toEqual([unsure.id]);
    expect(exported).toEqual([]);
    // "Check the mask": the page is shown with the select tool, and nothing is written.
    await s.answerExportGuard('check');
    expect(s.state.selectedId).toBe(unsure.id);
    expect(s.ui.state.tool).toBe('select');
    expect(s.state.notice).toMatch(/last four digits show/);
    expect(exported).toEqual([]);
    // Asked again on the next export; "Export anyway" writes both pages.
    await s.exportAll();
    await s.answerExportGuard('export');
    await until(() => exported.length === 2);
    // A preset that hides every digit asks for no last four: no question.
    await s.setFindings(unsure.id, [{ findingId: 'card', preset: 'none' }]);
    s.select(unsure.id);
    await s.exportSelected();
    expect(s.state.exportGuard).toBeUndefined();
    await until(() => exported.length === 3);
  });

  it('masks a whole number the check of an export read and the detector missed, as one undoable edit', async () => {
    const { engine } = fakeEngine(undefined, ['typed']);
    const s = new Session(engine);
    s.addFiles([file('screenshot.jpg')]);
    await until(() => s.state.items[0].status === 'ready');
    const doc = () => s.state.items[0].history.present;
    await s.exportSelected();
    await until(() => (doc().marked ?? []).length === 1);
    const [repaired] = doc().marked ?? [];
    expect(repaired.id).toMatch(/^repaired-/);
    expect(doc().masks.some((m) => m.findingId === repaired.id)).toBe(true);
    // The file already saved still shows it: the warning stays, saying it is masked now.
    const verify = s.state.items[0].verify;
    expect(verify?.state).toBe('leak');
    expect(verify?.message).toContain('a mask now covers it');
    s.ui.undo();
    expect(doc().marked ?? []).toHaveLength(0);
  });

  it('adds nothing after a clean check', async () => {
    const { engine } = fakeEngine();
    const s = new Session(engine);
    s.addFiles([file('card.jpg')]);
    await until(() => s.state.items[0].status === 'ready');
    await s.exportSelected();
    await until(() => s.state.items[0].verify?.state === 'clean');
    expect(s.state.items[0].history.present.marked ?? []).toHaveLength(0);
  });
});
