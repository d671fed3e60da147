// The app's controller: files in, detection through the engine queue, undoable edits, export out.
// Components call these methods; none of this code knows about React or Konva.
import { saveAs } from 'file-saver';
import { chosenKind, type PageKind } from '../../engine/documents/page-kinds';
import type { NumberStroke } from '../../engine/detect/number-stroke';
import type { EngineErrorCode } from '../../engine/error-codes';
import type { Finding, ImageFormat, JobProgress, KeepPreset } from '../../engine/types';
import { Comlink, type EngineClient } from '../engine-client';
import { addMarkedNumber, applyFindingChanges, type FindingChange } from '../editor/commands';
import { createDoc, type Doc, type FindingChoice } from '../editor/doc';
import { createHistory } from '../editor/history';
import type { Reader } from '../../engine/detect/leak-check';
import { exportItems, exportPdfFile, saveExports } from '../export/export';
import { hidesLastFour, showsUnmaskedCard } from '../export/guard';
import { readableLeaks, spanOf } from '../export/verify';
import { engineNote } from '../i18n/engine-text';
import { i18n, t } from '../i18n/i18n';
import { choiceOf, findingsOf, maskedText } from './findings';
import {
  detected,
  editItem,
  getItem,
  initialState,
  manualMasks,
  patchItem,
  pdfExportBlocker,
  pdfPages,
  pendingItem,
  redoItem,
  removeItem,
  replaceItem,
  undoItem,
  type AppState,
  type ExportKind,
  type Item,
  type WatermarkChoice,
} from './items';
import {
  errorCode,
  errorMessage,
  needsPassword,
  progressChanged,
  progressMessage,
  wasCancelled,
} from './progress';
import { createQueue } from './queue';
import { EditorUi } from './editor-ui';
import { createStore } from './store';

/** True where the browser can hand these files to the share sheet (Web Share API level 2). */
export function canShareFiles(files: readonly File[]): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function') return false;
  try {
    return files.length > 0 && navigator.canShare({ files: [...files] });
  } catch {
    return false;
  }
}

export interface FindingUpdate {
  findingId: string;
  enabled?: boolean;
  preset?: KeepPreset;
}

export class Session {
  readonly store = createStore<AppState>(initialState);
  readonly ui: EditorUi = new EditorUi(this);
  /** Bumped by "Clear all": work started before it must not write into the new, empty session. */
  private epoch = 0;
  private readonly enqueue = createQueue(1);
  /** Finding switches are async (masks come from the engine); chaining keeps them in click order. */
  private findingChain: Promise<void> = Promise.resolve();
  /** Files kept only until they are opened, so a protected PDF can be retried with its password. */
  private readonly pendingFiles = new Map<string, File>();
  /** The engine job analysing each page now (page id -> job id), so Remove and re-detect can stop it. */
  private readonly jobs = new Map<string, string>();
  private jobCount = 0;

  constructor(private readonly engine: EngineClient) {}

  get state(): AppState {
    return this.store.get();
  }

  addFiles(files: readonly File[]): void {
    if (files.length === 0) return;
    const epoch = this.epoch;
    const added = files.map((f) => pendingItem(crypto.randomUUID(), f.name || t('items.pastedName')));
    this.store.set((s) => ({
      ...s,
      items: [...s.items, ...added],
      selectedId: s.selectedId ?? added[0].id,
      notice: t('notice.filesAdded', { count: files.length }),
      noticeCode: undefined,
    }));
    files.forEach((file, i) => {
      this.pendingFiles.set(added[i].fileId, file);
      this.enqueue(() => this.process(added[i], epoch));
    });
  }

  /** Opens a protected PDF again, with the password the user typed. */
  retryWithPassword(id: string, password: string): void {
    const item = getItem(this.state, id);
    if (!item || !this.pendingFiles.has(item.fileId)) return;
    const epoch = this.epoch;
    this.patch(epoch, id, {
      status: 'detecting',
      needsPassword: false,
      message: t('items.opening'),
      progress: null,
    });
    this.enqueue(() => this.process(item, epoch, password));
  }

  private patch(epoch: number, id: string, patch: Partial<Item>): void {
    if (epoch === this.epoch) this.store.set((s) => patchItem(s, id, patch));
  }

  private async process(placeholder: Item, epoch: number, password?: string): Promise<void> {
    const file = this.pendingFiles.get(placeholder.fileId);
    if (epoch !== this.epoch || !file || !getItem(this.state, placeholder.id)) return;
    this.patch(epoch, placeholder.id, { message: t('items.opening'), progress: 0 });
    let opened;
    try {
      opened = await this.engine.open(placeholder.fileId, file, password);
    } catch (e) {
      const ask = needsPassword(e);
      if (!ask) this.pendingFiles.delete(placeholder.fileId);
      this.patch(epoch, placeholder.id, {
        status: 'error',
        message: errorMessage(e),
        errorCode: errorCode(e),
        progress: null,
        needsPassword: ask,
      });
      // The status line said "4 files added" when the files were dropped: a file refused since says
      // so there too, not only on its line of the list.
      if (epoch === this.epoch)
        this.setNotice(
          t('notice.fileNotes', { name: placeholder.name, notes: errorMessage(e) }),
          errorCode(e),
        );
      return;
    }
    this.pendingFiles.delete(placeholder.fileId);
    if (epoch !== this.epoch || !getItem(this.state, placeholder.id)) {
      opened.pages.forEach((p) => {
        p.bitmap.close();
        void this.engine.close(p.id);
      });
      return;
    }
    const count = opened.pages.length;
    const pages: Item[] = opened.pages.map((p, index) => ({
      ...placeholder,
      id: p.id,
      page: { index, count, label: p.label },
      fromPdf: opened.kind === 'pdf',
      bitmap: p.bitmap,
      message: t('items.waitingOcr'),
      progress: 0,
      history: createHistory(createDoc(p.width, p.height)),
    }));
    this.store.set((s) => replaceItem(s, placeholder.id, pages));
    if (opened.notes?.length)
      this.setNotice(
        t('notice.fileNotes', { name: placeholder.name, notes: opened.notes.map(engineNote).join(' ') }),
      );
    for (const page of pages) await this.analyze(page, epoch);
  }

  /**
   * Says what the page is: the engine looks at it again with that kind's finders (no card number on a
   * passport; card numbers again on a card). The user's own masks stay; the detection masks and
   * finding switches start over, as after the first detection.
   */
  setPageKind(id: string, kind: PageKind): void {
    const item = getItem(this.state, id);
    if (!item || item.status !== 'ready' || (item.pageKind?.chosen && item.pageKind.kind === kind)) return;
    // A detection still running on this page is replaced: stop it rather than wait behind it.
    this.cancelJob(id);
    const epoch = this.epoch;
    this.patch(epoch, id, {
      status: 'detecting',
      message: t('items.lookingAgain', { kind: t(`pageKind.${kind}`) }),
      progress: 0,
      pageKind: chosenKind(kind),
      verify: undefined,
    });
    this.enqueue(() => this.analyze(item, epoch, kind));
  }

  private async analyze(page: Item, epoch: number, kind?: PageKind): Promise<void> {
    if (epoch !== this.epoch || !getItem(this.state, page.id)) return;
    let last: number | null = null;
    const jobId = `${page.id}@${++this.jobCount}`;
    // Real progress from tesseract, called back across the worker boundary. A report still on its
    // way from a job that was since replaced (a re-detect) does not move the page's progress.
    const onProgress = Comlink.proxy((p: JobProgress) => {
      if (p.jobId !== this.jobs.get(page.id) || !progressChanged(last, p.progress)) return;
      last = p.progress;
      this.patch(epoch, page.id, { progress: p.progress, message: progressMessage(p) });
    });
    this.jobs.set(page.id, jobId);
    try {
      const options = { keep: 'last4' as const, ...(kind && { kind }) };
      const result = await this.engine.analyze(page.id, options, onProgress, jobId);
      if (epoch !== this.epoch) return;
      const { width, height } = page.history.present;
      // Nothing can be edited while a page is being detected, so its manual masks are still these.
      const current = getItem(this.state, page.id)?.history.present ?? page.history.present;
      // So are the numbers the user marked with the number tool, with their masks.
      const marked = current.marked ?? [];
      const markedIds = new Set(marked.map((f) => f.id));
      const markedMasks = current.masks.filter((m) => m.findingId && markedIds.has(m.findingId));
      const masks = [...result.masks, ...manualMasks(current), ...markedMasks];
      const doc = { ...createDoc(width, height, masks), ...(marked.length && { marked }) };
      this.store.set((s) =>
        detected(s, page.id, result.findings, doc, result.pageKind, result.card, result.reader),
      );
    } catch (e) {
      // A cancelled job was replaced or its page removed: whatever replaced it reports for the page.
      if (wasCancelled(e)) return;
      this.patch(epoch, page.id, {
        status: 'error',
        message: errorMessage(e),
        errorCode: errorCode(e),
        progress: null,
      });
    } finally {
      if (this.jobs.get(page.id) === jobId) this.jobs.delete(page.id);
    }
  }

  /** Stops the engine job running on a page, if any (its OCR stops in the worker). */
  private cancelJob(pageId: string): void {
    const jobId = this.jobs.get(pageId);
    if (!jobId) return;
    this.jobs.delete(pageId);
    void this.engine.cancel(jobId);
  }

  select(id: string): void {
    if (this.state.selectedId !== id) this.ui.selectMask(null);
    this.store.set((s) => (s.selectedId === id ? s : { ...s, selectedId: id }));
  }

  setFormat(format: ImageFormat): void {
    this.store.set((s) => ({ ...s, format }));
  }

  setWatermark(patch: Partial<WatermarkChoice>): void {
    this.store.set((s) => ({ ...s, watermark: { ...s.watermark, ...patch } }));
  }

  /** One undoable edit of an item's masks. */
  edit(id: string, change: (doc: Doc) => Doc): void {
    this.store.set((s) => editItem(s, id, change));
  }

  undo(id: string): void {
    this.store.set((s) => undoItem(s, id));
  }

  redo(id: string): void {
    this.store.set((s) => redoItem(s, id));
  }

  /** Switches findings or changes presets as one undoable step (a whole category at once, say). */
  setFindings(itemId: string, updates: readonly FindingUpdate[]): Promise<void> {
    const epoch = this.epoch;
    const shown = this.showPending(itemId, updates);
    const run = async () => {
      const item = getItem(this.state, itemId);
      if (!item || item.status !== 'ready') return;
      const targets: { finding: Finding; enabled: boolean; preset: KeepPreset }[] = [];
      for (const u of updates) {
        const finding = findingsOf(item).find((f) => f.id === u.findingId);
        if (!finding) continue;
        const current = choiceOf(item.history.present, finding);
        targets.push({ finding, enabled: u.enabled ?? current.enabled, preset: u.preset ?? current.preset });
      }
      if (targets.length === 0) return;
      const masks = await this.engine.masksForFindings(
        targets.map((t) => t.finding),
        Object.fromEntries(targets.map((t) => [t.finding.id, t.preset])),
        Object.fromEntries(targets.map((t) => [t.finding.id, t.enabled])),
        'last4',
      );
      if (epoch !== this.epoch) return;
      const changes: FindingChange[] = targets.map((t) => ({
        findingId: t.finding.id,
        enabled: t.enabled,
        preset: t.preset,
        masks: masks.filter((m) => m.findingId === t.finding.id),
      }));
      this.edit(itemId, (doc) => applyFindingChanges(doc, changes));
    };
    this.findingChain = this.findingChain.then(run, run).finally(() => this.clearPending(itemId, shown));
    return this.findingChain;
  }

  /** Shows clicked switches at once, until setFindings has applied them. */
  private showPending(
    itemId: string,
    updates: readonly FindingUpdate[],
  ): Record<string, Partial<FindingChoice>> {
    const shown: Record<string, Partial<FindingChoice>> = {};
    for (const u of updates) {
      shown[u.findingId] = {
        ...(u.enabled !== undefined && { enabled: u.enabled }),
        ...(u.preset !== undefined && { preset: u.preset }),
      };
    }
    this.store.set((s) => {
      const item = getItem(s, itemId);
      return item ? patchItem(s, itemId, { pendingChoices: { ...item.pendingChoices, ...shown } }) : s;
    });
    return shown;
  }

  /** Drops what this update showed, but not a later click on the same finding still on its way. */
  private clearPending(itemId: string, shown: Record<string, Partial<FindingChoice>>): void {
    this.store.set((s) => {
      const pending = getItem(s, itemId)?.pendingChoices;
      if (!pending) return s;
      const left = Object.fromEntries(Object.entries(pending).filter(([id, c]) => shown[id] !== c));
      return patchItem(s, itemId, { pendingChoices: Object.keys(left).length > 0 ? left : undefined });
    });
  }

  async exportSelected(): Promise<void> {
    const item = getItem(this.state, this.state.selectedId);
    if (!item || item.status !== 'ready') return;
    await this.guardedExport([item], 'image');
  }

  async exportAll(): Promise<void> {
    const ready = this.state.items.filter((i) => i.status === 'ready');
    if (ready.length === 0) return;
    await this.guardedExport(ready, 'zip');
  }

  /**
   * Exports, unless a page shows a card with no card-number mask, or a card number masked whole where
   * its last four should show: then the guard dialog asks first and nothing is written until the
   * user answers (answerExportGuard).
   */
  private async guardedExport(items: readonly Item[], kind: 'image' | 'zip'): Promise<void> {
    if (this.state.exporting || this.state.exportGuard) return;
    const flagged = items.filter(showsUnmaskedCard).map((i) => i.id);
    const lastFourHidden = items.filter((i) => !flagged.includes(i.id) && hidesLastFour(i)).map((i) => i.id);
    if (flagged.length === 0 && lastFourHidden.length === 0) return this.runExport(items, kind);
    const itemIds = items.map((i) => i.id);
    this.store.set((s) => ({ ...s, exportGuard: { kind, itemIds, flagged, lastFourHidden } }));
  }

  /**
   * The guard dialog's answer: 'number' or 'draw' picks that tool on the first flagged page and
   * exports nothing; 'check' shows the first page whose last four are masked, with the select tool,
   * to resize its mask; 'export' writes the export as it stands; 'cancel' only closes the dialog.
   */
  async answerExportGuard(answer: 'number' | 'draw' | 'check' | 'export' | 'cancel'): Promise<void> {
    const guard = this.state.exportGuard;
    if (!guard) return;
    this.store.set((s) => ({ ...s, exportGuard: undefined }));
    if (answer === 'export') {
      const items = guard.itemIds
        .map((id) => getItem(this.state, id))
        .filter((i): i is Item => i?.status === 'ready');
      if (items.length) await this.runExport(items, guard.kind);
      return;
    }
    if (answer === 'cancel') return;
    if (answer === 'check') {
      const page = guard.lastFourHidden.find((id) => getItem(this.state, id));
      if (page) this.select(page);
      this.ui.setTool('select');
      this.setNotice(t('notice.guardCheckLastFour'));
      return;
    }
    const first = guard.flagged.find((id) => getItem(this.state, id));
    if (first) this.select(first);
    this.ui.setTool(answer);
    this.setNotice(t(answer === 'number' ? 'notice.guardNumber' : 'notice.guardDraw'));
  }

  /** The PDF `fileId` came from, as one new PDF of its redacted pages; only once every page is ready. */
  async exportPdf(fileId: string): Promise<void> {
    const pages = pdfPages(this.state, fileId);
    if (pdfExportBlocker(pages) !== null) return;
    const name = await this.whileExporting('pdf', async () => {
      this.setNotice(t('notice.exportingPdf', { count: pages.length }));
      const { name, blob } = await exportPdfFile(this.engine, pages, this.state.watermark);
      saveAs(blob, name);
      return name;
    });
    if (name) this.setNotice(t('notice.savedPdf', { name }));
  }

  /**
   * Runs one export at a time and shows it as busy; a second click meanwhile is ignored, so a slow
   * export is never saved twice. Returns undefined when it did not run or failed (said in the notice).
   */
  private async whileExporting<T>(kind: ExportKind, run: () => Promise<T>): Promise<T | undefined> {
    if (this.state.exporting) return undefined;
    const epoch = this.epoch;
    this.store.set((s) => ({ ...s, exporting: kind }));
    try {
      return await run();
    } catch (e) {
      if (epoch === this.epoch)
        this.setNotice(t('notice.exportFailed', { detail: errorMessage(e) }), errorCode(e));
      return undefined;
    } finally {
      this.store.set((s) => (s.exporting === null ? s : { ...s, exporting: null }));
    }
  }

  private async runExport(items: readonly Item[], kind: 'image' | 'zip'): Promise<void> {
    const { format, watermark } = this.state;
    const done = await this.whileExporting(kind, async () => {
      this.setNotice(
        kind === 'zip' ? t('notice.exportingImages', { count: items.length }) : t('notice.exporting'),
      );
      const files = await exportItems(this.engine, items, format, watermark);
      return { files, saved: await saveExports(files, kind === 'zip') };
    });
    if (!done) return;
    const { files, saved } = done;
    const shareable = files.map((f) => new File([f.blob], f.name, { type: f.blob.type }));
    this.store.set((s) => ({ ...s, shareable }));
    this.setNotice(t('notice.savedChecking', { name: saved }));
    // verify() reports its own failures on the item, so this never rejects.
    await Promise.all(files.map((f) => this.verify(f.item, f.doc, f.blob)));
    const leaks = files.filter((f) => getItem(this.state, f.item.id)?.verify?.state === 'leak').length;
    this.setNotice(
      leaks > 0
        ? t('notice.savedLeaks', { name: saved, count: leaks })
        : t('notice.savedClean', { name: saved }),
    );
  }

  /** Re-reads the written file. The result only lands if the masks have not changed since. */
  private async verify(item: Item, doc: Doc, blob: Blob): Promise<void> {
    const epoch = this.epoch;
    const stillSame = () => epoch === this.epoch && getItem(this.state, item.id)?.history.present === doc;
    if (!stillSame()) return;
    this.patch(epoch, item.id, { verify: { state: 'checking', message: t('verify.checking') } });
    try {
      const current = getItem(this.state, item.id);
      // Each finding's reader (the number tool's too): the check re-reads with the other one; the
      // numbers' glyphs tell it which way up the page reads.
      const readBy = current
        ? findingsOf(current).map((f) => ({ kind: f.kind, reader: f.reader, glyphs: f.glyphs }))
        : [];
      const result = await this.engine.verifyExport(blob, current?.pageKind?.kind, current?.reader, readBy);
      if (!stillSame()) return;
      // The engine's own re-read, and the other reader's look for card layouts (detect/leak-check.ts).
      const places = [
        ...readableLeaks(result.findings).map((l) => ({
          digits: l.text.replace(/\D/g, '').length,
          corners: l.glyphs.length ? spanOf(l.glyphs) : undefined,
        })),
        ...result.leaks.map((l) => ({ digits: l.digits, corners: l.corners })),
      ];
      // Whole card numbers the check read where the detector found none: masked in the page as one
      // undoable edit (like a number marked by hand); the file already saved still shows them.
      const repairs = result.repairs.map((f) => ({ ...f, id: `repaired-${crypto.randomUUID()}` }));
      const readerName = (r: Reader) =>
        t(r === 'learned' ? 'verify.readerLearned' : 'verify.readerTesseract');
      const [first, second] = result.checkedByAll;
      const checkedBySentence = second
        ? t('verify.checkedByBoth', { first: readerName(first), second: readerName(second) })
        : t('verify.checkedBy', { reader: readerName(result.checkedBy) });
      this.patch(epoch, item.id, {
        verify:
          places.length > 0
            ? {
                state: 'leak',
                message: `${t('verify.leak', {
                  list: new Intl.ListFormat(i18n.language, { type: 'unit' }).format(
                    places.map((l) => t('verify.digits', { count: l.digits })),
                  ),
                })} ${checkedBySentence}${repairs.length ? ` ${t('verify.repaired')}` : ''}`,
                places: places.flatMap((p) => (p.corners ? [p.corners] : [])),
                checkedBy: result.checkedBy,
                checkedByAll: result.checkedByAll,
                otherReaderLeaks: result.leaks.length,
              }
            : {
                state: 'clean',
                message: `${t('verify.clean')} ${checkedBySentence}`,
                checkedBy: result.checkedBy,
                checkedByAll: result.checkedByAll,
              },
      });
      if (repairs.length) {
        const masks = await this.engine.masksForFindings(repairs, {}, {}, 'last4');
        if (stillSame()) this.edit(item.id, (d) => addMarkedNumber(d, repairs, masks));
      }
    } catch (e) {
      if (stillSame())
        this.patch(epoch, item.id, {
          verify: { state: 'failed', message: t('verify.failed', { detail: errorMessage(e) }) },
        });
    }
  }

  /**
   * Hands the last exported images to the system share sheet (a messenger, mail, the marketplace's
   * app). Must run straight from the click: browsers only share during a user gesture.
   */
  async share(): Promise<void> {
    const files = [...this.state.shareable];
    if (files.length === 0 || !canShareFiles(files)) return;
    try {
      await navigator.share({ files, title: t('export.shareTitle') });
      this.setNotice(t('notice.shared', { name: files.map((f) => f.name).join(', ') }));
    } catch (e) {
      // The user closing the share sheet is no failure.
      if (e instanceof DOMException && e.name === 'AbortError') return;
      this.setNotice(t('notice.shareFailed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  /**
   * The number tool: the engine reads the number along the stroke (source pixels, first digit's
   * centre to last digit's) and its finding is added as one undoable edit, replacing a detected number
   * over the same print. Resolves once the finding is in (or the failure is in the notice).
   */
  async markNumber(itemId: string, stroke: NumberStroke): Promise<void> {
    const item = getItem(this.state, itemId);
    if (!item || item.status !== 'ready') return;
    const epoch = this.epoch;
    const bump = (d: number) =>
      this.store.set((s) => {
        const it = getItem(s, itemId);
        return it ? patchItem(s, itemId, { marking: Math.max(0, (it.marking ?? 0) + d) || undefined }) : s;
      });
    bump(1);
    this.setNotice(t('notice.markReading'));
    try {
      const id = `marked-${crypto.randomUUID()}`;
      const { findings, replaces: ids } = await this.engine.markNumber(itemId, stroke, id, findingsOf(item));
      if (epoch !== this.epoch || !getItem(this.state, itemId)) return;
      const masks = await this.engine.masksForFindings(findings, {}, {}, 'last4');
      const current = getItem(this.state, itemId);
      if (!current || findings.length === 0) return;
      const replaces = findingsOf(current)
        .filter((f) => ids.includes(f.id))
        .map((f) => ({ id: f.id, preset: choiceOf(current.history.present, f).preset }));
      this.edit(itemId, (d) => addMarkedNumber(d, findings, masks, replaces));
      const check = findings[0].notes?.some((n) => n.includes('check the last four'));
      const text = maskedText(findings[0]);
      const said = t(replaces.length ? 'notice.markedReplaces' : 'notice.marked', { text });
      this.setNotice(check ? `${said} ${t('notice.markCheck')}` : said);
    } catch (e) {
      if (epoch === this.epoch) this.setNotice(t('notice.markFailed', { detail: errorMessage(e) }));
    } finally {
      if (epoch === this.epoch) bump(-1);
    }
  }

  setNotice(notice: string, noticeCode?: EngineErrorCode): void {
    this.store.set((s) => ({ ...s, notice, noticeCode }));
  }

  remove(id: string): void {
    const item = getItem(this.state, id);
    if (!item) return;
    item.bitmap?.close();
    if (!this.state.items.some((i) => i.id !== id && i.fileId === item.fileId))
      this.pendingFiles.delete(item.fileId);
    // The worker stops the page's job when it closes the page; cancelling first frees OCR at once.
    this.cancelJob(id);
    void this.engine.close(id);
    this.store.set((s) => removeItem(s, id));
    this.ui.selectMask(null);
  }

  /** Drops every image and mask, here and in the worker. */
  async clearAll(): Promise<void> {
    this.epoch++;
    this.pendingFiles.clear();
    for (const id of [...this.jobs.keys()]) this.cancelJob(id);
    for (const item of this.state.items) item.bitmap?.close();
    this.store.set((s) => ({
      ...initialState,
      format: s.format,
      notice: t('notice.cleared'),
    }));
    this.ui.selectMask(null);
    await this.engine.clear();
  }
}
